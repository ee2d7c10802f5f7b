"""``kiosk sim terminal`` as a real process and ``kiosk payment list|resolve``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KEY, FakeClock

from kiosk.cli import main
from kiosk.domain.money import Money
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import SimulatedTerminal
from kiosk.payment.types import Outcome, PaymentKind
from kiosk.store.db import connect


def test_sim_terminal_command_serves_and_shows_the_card(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.jsonl"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "sim",
            "terminal",
            "--port",
            "0",
            "--ledger",
            str(ledger),
            "--queue",
            "decline",
            "--pin-delay",
            "0",
            "--key-id",
            KEY.identifier,
            "--key-passphrase",
            KEY.passphrase,
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path.cwd())},
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        url = banner.split(" on ")[1].split(" ")[0]
        terminal = NexoTerminal(url, "lane-01", "SIM-0001", KEY)
        assert terminal.purchase(Money(250, "EUR"), "ref-one").outcome is Outcome.DECLINED
        assert terminal.purchase(Money(250, "EUR"), "ref-two").outcome is Outcome.APPROVED
        terminal.close()
        lines = [process.stdout.readline() for _ in range(4)]
    finally:
        process.kill()
        process.wait()
    assert "present card" in lines[0]
    assert "DECLINED" in lines[1]
    assert "APPROVED" in lines[3]
    assert ledger.exists()


def test_list_and_resolve_an_unknown_payment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lane.db"
    config = tmp_path / "lane.toml"
    with TerminalServer(SimulatedTerminal(Ledger(), show=lambda s: None)) as gone:
        dead_url = gone.url  # the terminal cannot be asked: the attendant's verdict counts
    config.write_text(
        f'[lane]\nstore_id = "s1"\nlane_id = "l1"\n[store]\npath = "{db}"\n'
        f'[payment]\nterminal_url = "{dead_url}"\n'
    )
    conn = connect(db)
    journal = PaymentJournal(conn, FakeClock())
    journal.open("ref-u", "sale-1", PaymentKind.PURCHASE, Money(990, "EUR"))
    journal.settle("ref-u", PaymentState.UNKNOWN)
    assert main(["payment", "--config", str(config), "list"]) == 0
    assert "ref-u" in capsys.readouterr().out
    assert (
        main(
            [
                "payment",
                "--config",
                str(config),
                "resolve",
                "ref-u",
                "--not-paid",
                "--staff",
                "s-17",
            ]
        )
        == 0
    )
    assert journal.get("ref-u").state is PaymentState.CANCELLED
    assert (
        main(["payment", "--config", str(config), "resolve", "ref-u", "--paid", "--staff", "s-17"])
        == 2
    )
    conn.close()
