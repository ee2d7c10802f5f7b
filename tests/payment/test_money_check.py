"""The money invariant's rule (kiosk.payment.money_check) and ``kiosk payment reconcile``,
which runs it on a lane's journal and sales (DESIGN.md invariant 9)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import FakeClock
from lane_child import document

from kiosk.cli import main
from kiosk.domain.money import Money
from kiosk.payment.journal import PaymentJournal, PaymentRecord, PaymentState
from kiosk.payment.money_check import Mismatch, charged_per_basket, check_money
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import SimulatedTerminal
from kiosk.payment.types import Outcome, PaymentKind, PaymentResult
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.sales import complete_sale


@pytest.mark.parametrize(
    ("charged", "sales", "still_open", "expected"),
    [
        ({"b1": 280}, {"b1": ("completed", 280)}, [], []),
        ({"b1": 95}, {"b1": ("completed", 280)}, [], [Mismatch("b1", 95, 280, "completed")]),
        ({"b1": 375}, {"b1": ("completed", 280)}, [], [Mismatch("b1", 375, 280, "completed")]),
        ({}, {"b1": ("completed", 280)}, [], [Mismatch("b1", 0, 280, "completed")]),
        ({"b1": 95}, {"b1": ("cancelled", 95)}, [], [Mismatch("b1", 95, 0, "cancelled")]),
        ({}, {"b1": ("cancelled", 95)}, [], []),
        ({"b1": 95}, {}, [], [Mismatch("b1", 95, 0, "none")]),  # a lost basket kept money
        ({"b1": 95}, {}, ["b1"], []),  # still being sold: a part payment is fine
        ({}, {"b1": ("completed", -50)}, [], []),  # a refund total is paid nothing by card
        ({"b1": 0}, {}, [], []),
    ],
)
def test_money_adds_up_per_basket(
    charged: dict[str, int],
    sales: dict[str, tuple[str, int]],
    still_open: list[str],
    expected: list[Mismatch],
) -> None:
    assert check_money(charged, sales, still_open) == expected


def record(reference: str, sale: str, kind: PaymentKind, state: PaymentState, minor: int) -> Any:
    return PaymentRecord(reference, sale, kind, Money(minor, "EUR"), state, "", "")


def test_what_the_cards_carry_counts_approvals_less_refunds() -> None:
    records = [
        record("a", "b1", PaymentKind.PURCHASE, PaymentState.APPROVED, 100),
        record("b", "b1", PaymentKind.COMPLETION, PaymentState.APPROVED, 50),
        record("c", "b1", PaymentKind.REFUND, PaymentState.APPROVED, 30),
        record("d", "b1", PaymentKind.PURCHASE, PaymentState.REVERSED, 999),
        record("e", "b2", PaymentKind.PURCHASE, PaymentState.DECLINED, 999),
        record("f", "b2", PaymentKind.PURCHASE, PaymentState.UNKNOWN, 999),
        record("g", "b2", PaymentKind.REVERSAL, PaymentState.APPROVED, 999),
    ]
    assert charged_per_basket(records) == {"b1": 120}


def test_reconcile_command_says_whether_the_money_adds_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, config = tmp_path / "lane.db", tmp_path / "lane.toml"
    with TerminalServer(SimulatedTerminal(Ledger(), show=lambda s: None)) as gone:
        dead_url = gone.url  # nothing is open: the terminal is not needed
    config.write_text(
        f'[lane]\nstore_id = "s1"\nlane_id = "l1"\n[store]\npath = "{db}"\n'
        f'[payment]\nterminal_url = "{dead_url}"\n'
    )
    conn = connect(db)
    journal = PaymentJournal(conn, FakeClock())
    approved = PaymentResult("ref-a", Outcome.APPROVED, Money(280, "EUR"), "123456")
    journal.open("ref-a", "sale-1", PaymentKind.PURCHASE, Money(280, "EUR"))
    journal.settle("ref-a", PaymentState.APPROVED, approved)
    payment = {"reference": "ref-a", "method": "card", "amount": 280, "outcome": "approved"}
    complete_sale(conn, document("sale-1", Money(280, "EUR"), [payment]))
    BasketJournal(conn).start("sale-2", "EUR")  # a basket still being sold, part paid
    journal.open("ref-b", "sale-2", PaymentKind.PURCHASE, Money(95, "EUR"))
    journal.settle("ref-b", PaymentState.APPROVED, PaymentResult("ref-b", Outcome.APPROVED))
    assert main(["payment", "--config", str(config), "reconcile"]) == 0
    assert "money adds up" in capsys.readouterr().out

    # GIVEN a card approval whose sale was never stored and whose basket is gone
    journal.open("ref-c", "sale-3", PaymentKind.PURCHASE, Money(150, "EUR"))
    journal.settle("ref-c", PaymentState.APPROVED, PaymentResult("ref-c", Outcome.APPROVED))
    assert main(["payment", "--config", str(config), "reconcile"]) == 1
    out = capsys.readouterr().out
    assert "MONEY DOES NOT ADD UP: basket sale-3: card charged 150" in out
    conn.close()
