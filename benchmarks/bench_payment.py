"""Lane overhead per card payment: journal writes + protocol handling.

How it is measured: a simulated terminal (same protocol, shared-key encryption on,
in-memory ledger, "approve" scenario answering at once) runs in a thread of this
process on 127.0.0.1. Each payment goes through ``PaymentFlow.pay`` against a real
SQLite lane database (WAL, synchronous=FULL) in a temporary folder, so one payment
is: commit SENT row, build + encrypt the request, HTTP round trip, the simulator
decrypting/answering/encrypting, decrypt + parse the answer, commit the outcome.
The end-to-end figure therefore includes the simulator's own work (an upper bound
of the lane's overhead); "lane overhead" subtracts the time the simulator spent in
``SimulatedTerminal.handle`` for that payment (loopback TCP and the simulator's HTTP
parsing still count against the lane); the two component figures isolate the
journal (two fsynced commits) and the protocol work. The machine's other load shows
in p99: run it on an otherwise idle lane PC for acceptance figures.

Usage: python benchmarks/bench_payment.py [--payments 500] [--db-dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.money import Money
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.nexo import crypto
from kiosk.payment.nexo.codec import Header, loads
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.nexo.requests import PaymentRequest, encode_request
from kiosk.payment.nexo.responses import TransactionResponse, decode_response, encode_response
from kiosk.payment.pan import MaskedPan
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import SimulatedTerminal
from kiosk.payment.types import PaymentKind
from kiosk.store.db import connect

KEY = crypto.SharedKey("bench", 1, "bench passphrase")


def percentiles(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p50 = statistics.median(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return f"p50 {p50:.2f} ms  p99 {p99:.2f} ms  max {ms[-1]:.2f} ms  (n={len(ms)})"


def end_to_end(folder: Path, count: int) -> tuple[list[float], list[float]]:
    """Per payment: the wall time of ``PaymentFlow.pay`` and the same minus the time the
    simulator spent inside ``SimulatedTerminal.handle`` (its decrypt/answer/encrypt)."""
    terminal = SimulatedTerminal(Ledger(), key=KEY, show=lambda s: None)
    handled: list[float] = []
    inner = terminal.handle

    def timed_handle(body: bytes) -> object:
        start = time.perf_counter()
        try:
            return inner(body)
        finally:
            handled.append(time.perf_counter() - start)

    terminal.handle = timed_handle  # type: ignore[method-assign]
    samples, lane_only = [], []
    with TerminalServer(terminal) as server:
        driver = NexoTerminal(server.url, "lane-01", "SIM-0001", KEY)
        conn = connect(folder / "lane-e2e.db")
        flow = PaymentFlow(driver, PaymentJournal(conn, lambda: datetime.now(UTC)))
        flow.pay("warm-up", Money(100, "EUR"))
        for i in range(count):
            handled.clear()
            start = time.perf_counter()
            done = flow.pay(f"sale-{i}", Money(100 + i, "EUR"))
            elapsed = time.perf_counter() - start
            samples.append(elapsed)
            lane_only.append(elapsed - sum(handled))
            assert done.state is PaymentState.APPROVED
        conn.close()
        driver.close()
    return samples, lane_only


def journal_only(folder: Path, count: int) -> list[float]:
    conn = connect(folder / "lane-journal.db")
    journal = PaymentJournal(conn, lambda: datetime.now(UTC))
    samples = []
    for i in range(count):
        start = time.perf_counter()
        journal.open(f"ref-{i}", f"sale-{i}", PaymentKind.PURCHASE, Money(100, "EUR"))
        journal.settle(f"ref-{i}", PaymentState.APPROVED)
        samples.append(time.perf_counter() - start)
    conn.close()
    return samples


def protocol_only(count: int) -> list[float]:
    header = Header("Payment", "Request", "lane-01", "abcdefghij", "SIM-0001")
    answer = crypto.protect(
        encode_response(
            header.answer(),
            TransactionResponse(
                "Payment",
                "Success",
                reference="ref",
                poi_transaction=("poi", "2026-11-22T10:00:00Z"),
                masked_pan=MaskedPan("411111******1111"),
                brand="VISA",
                auth_code="123456",
                amount=Money(1234, "EUR"),
                receipt_lines=tuple(f"line {n}" for n in range(20)),
            ),
        ),
        KEY,
    )
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        request = PaymentRequest(header, "ref", "2026-11-22T10:00:00Z", Money(1234, "EUR"))
        crypto.protect(encode_request(request), KEY)
        decode_response(crypto.unprotect(answer, KEY))
        samples.append(time.perf_counter() - start)
    loads(answer)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payments", type=int, default=500)
    parser.add_argument("--db-dir", default=None, help="folder for the databases (disk!)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.db_dir) as folder:
        path = Path(folder)
        print(f"databases in {path} ({args.payments} payments each)")
        samples, lane_only = end_to_end(path, args.payments)
        print("end to end, PaymentFlow.pay incl. simulator:", percentiles(samples))
        print("lane overhead (end to end minus simulator's handle):", percentiles(lane_only))
        print(
            "journal only (SENT commit + outcome commit):",
            percentiles(journal_only(path, args.payments)),
        )
        print(
            "protocol only (encode+encrypt, decrypt+parse):",
            percentiles(protocol_only(args.payments)),
        )


if __name__ == "__main__":
    main()
