"""Fixtures for the payment tests: a simulated terminal on a real socket, the driver,
a lane database with the payment journal, and a flow that never really sleeps."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal
from kiosk.payment.nexo.crypto import SharedKey
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import SimulatedTerminal
from kiosk.store.db import connect

KEY = SharedKey("lane-key", 1, "correct horse battery staple")

# The temporary folders of every payment test run so far in this session: the Luhn
# scan (test_pay_luhn_scan.py) reads every file in them. Other packages' folders are
# left out on purpose: a catalog's EAN-13 codes pass the Luhn check one time in ten.
ARTIFACT_DIRS: list[Path] = []


@pytest.fixture(autouse=True)
def _remember_artifacts(tmp_path: Path) -> None:
    ARTIFACT_DIRS.append(tmp_path)


def wait_for(condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Poll ``condition`` until true; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("condition not reached in time")
        time.sleep(0.01)


@pytest.fixture
def console() -> list[str]:
    return []


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger(tmp_path / "sim-ledger.jsonl")


@pytest.fixture
def simulator(ledger: Ledger, console: list[str]) -> Iterator[SimulatedTerminal]:
    terminal = SimulatedTerminal(
        ledger, key=KEY, pin_delay=0.05, late_delay=60.0, show=console.append
    )
    yield terminal
    terminal.stop()


@pytest.fixture
def server(simulator: SimulatedTerminal) -> Iterator[TerminalServer]:
    with TerminalServer(simulator) as running:
        yield running


@pytest.fixture
def driver(server: TerminalServer) -> Iterator[NexoTerminal]:
    """A driver that waits long enough for any answer the simulator gives at once."""
    terminal = NexoTerminal(server.url, "lane-01", "SIM-0001", KEY, payment_timeout=10.0)
    yield terminal
    terminal.close()


@pytest.fixture
def impatient(server: TerminalServer) -> Iterator[NexoTerminal]:
    """A driver that gives up on a payment after 0.3 s (for hang / late scenarios)."""
    terminal = NexoTerminal(
        server.url, "lane-01", "SIM-0001", KEY, payment_timeout=0.3, short_timeout=10.0
    )
    yield terminal
    terminal.close()


class FakeClock:
    """A fixed clock (2026-11-22 10:00 UTC) a test may move by setting ``now``."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "lane.db"


@pytest.fixture
def journal(db_path: Path) -> Iterator[PaymentJournal]:
    conn = connect(db_path)
    yield PaymentJournal(conn, FakeClock())
    conn.close()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def flow(impatient: NexoTerminal, journal: PaymentJournal, sleeps: list[float]) -> PaymentFlow:
    return PaymentFlow(
        impatient, journal, backoff=(1, 2, 4), after_abort=(0.5,), sleep=sleeps.append
    )
