"""No full card number on disk or in a log (DESIGN.md invariant 6).

GIVEN a lane that logs at DEBUG (httpx, the driver, the flow, the simulator's console)
into a file, WHEN it runs every kind of payment, THEN neither its database nor its
log, nor the simulator's ledger, nor anything else the payment tests left in the
session's temporary folder holds a 13-19 digit sequence that passes the Luhn check.
"""

from __future__ import annotations

import logging
from pathlib import Path

from conftest import ARTIFACT_DIRS, KEY, FakeClock

from kiosk.domain.money import Money
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.pan import find_luhn_numbers
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal
from kiosk.store.db import connect


def scan(paths: list[Path]) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        hits = find_luhn_numbers(path.read_bytes().decode("latin-1"))
        if hits:
            found[str(path)] = hits
    return found


def test_finder_would_see_a_card_number(tmp_path: Path) -> None:
    leak = tmp_path / "leak.log"
    leak.write_text("oops 4111111111111111 here")
    assert scan([leak])


def test_no_card_number_on_disk_or_in_logs(tmp_path: Path) -> None:
    log_file = tmp_path / "lane.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    sim_log = logging.getLogger("terminal-sim-console")
    try:
        terminal = SimulatedTerminal(
            Ledger(tmp_path / "ledger.jsonl"), key=KEY, pin_delay=0.01, show=sim_log.info
        )
        with TerminalServer(terminal) as server:
            # Short enough for the HANG scenario, long enough for a loaded 2-core CI box.
            driver = NexoTerminal(server.url, "lane-01", "SIM-0001", KEY, payment_timeout=1.5)
            conn = connect(tmp_path / "lane.db")
            flow = PaymentFlow(
                driver,
                PaymentJournal(conn, FakeClock()),
                backoff=(0.01,),
                after_abort=(0.01,),
                sleep=lambda s: None,
            )
            for scenario in Scenario:
                terminal.queue(scenario)
                done = flow.pay(f"sale-{scenario.value}", Money(1999, "EUR"))
                if done.needs_attendant:
                    terminal.power_cycle()  # a frozen terminal is switched off and on
                    flow.resolve(done.record.reference, paid=False, staff_id="s-1")
                elif done.record.terminal_transaction_id and done.state.value == "APPROVED":
                    flow.reverse(done.record.reference)
            conn.close()
            driver.close()
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    assert "present card" in log_file.read_text()
    files = [
        p
        for folder in ARTIFACT_DIRS
        for p in folder.rglob("*")
        if p.is_file() and p.name != "leak.log"
    ]
    assert {"lane.db", "lane.log", "ledger.jsonl"} <= {p.name for p in files}
    assert scan(files) == {}
