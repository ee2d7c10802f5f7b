"""The hotel lane's queued work end to end on real parts (the lane built as ``kiosk run``
builds it, the demo rig's simulators, a real SQLite store): guests' e-mails over SMTP to
the demo's mail sink, and a deposit released at check-out while the card terminal is
down.

GIVEN stay 4701 checked in with the registration card e-mailed and a 150.00 deposit
pre-authorised, WHEN the guests check out with nothing more to pay while the card
terminal is down, THEN the check-out goes on to the end with the release queued (what
the done screen reads), the invoice is e-mailed, and once the terminal is back the
background sender releases the deposit exactly once.
"""

from __future__ import annotations

import email
import email.policy
import threading
import time
from datetime import timedelta
from pathlib import Path

from hotel_lane_rig import NOW, at, check_in_to_registration, hotel_rig, running_lane, wait_for

from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.states import DepositState, Step
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.payment.sim.server import TerminalServer
from kiosk.store import hotel_queues as q
from kiosk.store.db import connect


def eventually(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not reached in time"
        threading.Event().wait(0.02)


def subjects(folder: list[Path]) -> list[str]:
    return [
        str(email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["Subject"])
        for p in folder
    ]


def test_emails_go_and_a_release_waits_for_the_terminal(tmp_path: Path) -> None:
    store = tmp_path / "lane.sqlite3"
    with hotel_rig(tmp_path, deposit_wait_s=0.5, mail_every_s=1.0) as rig:
        sink = rig.demo.mail
        with running_lane(rig) as lane:
            runner = lane.controller
            check_in_to_registration(rig, lane)
            runner.sign(b"\x89PNG\r\n\x1a\nsignature", "es")
            wait_for(lane, lambda s: bool(s.signature_ref))
            runner.send(ev.CardDeliveryChosen(ev.Delivery.EMAIL, NOW, "ana@example.es"))
            wait_for(lane, at(Step.PAYING), timeout=60)
            runner.send(ev.PayRequested(NOW))  # the balance
            wait_for(lane, lambda s: at(Step.PAYING)(s) and s.balance_due().minor == 0)
            runner.send(ev.PayRequested(NOW))  # the deposit
            wait_for(lane, at(Step.KEYS), timeout=60)
            runner.send(ev.KeyCountChosen(1, NOW))
            state = wait_for(lane, lambda s: s.step is Step.DONE)
            deposit_ref = state.deposit_ref
            eventually(lambda: len(sink.messages()) == 1)
            assert "registration card" in subjects(sink.messages())[0]

            # TWO DAYS LATER the card terminal is down (its server stopped)
            port = rig.demo.terminal_server.port
            rig.demo.terminal_server.stop()
            lane.payment_flow.terminal.close()  # its kept-alive connection dropped too
            rig.clock.advance(timedelta(days=2, hours=-6))
            runner.reset()
            wait_for(lane, at(Step.WELCOME))
            runner.send(ev.CheckOutChosen(NOW))
            wait_for(lane, at(Step.FIND_ROOM))
            runner.send(ev.RoomEntered("204", "Martin", NOW))
            state = wait_for(lane, lambda s: at(Step.FOLIO)(s) and s.folio is not None)
            assert state.balance_due().minor == 0
            runner.send(ev.FolioConfirmed(NOW))
            state = wait_for(lane, at(Step.INVOICE), timeout=60)
            assert state.deposit_state is DepositState.RELEASED
            assert runner.deposit_queued() == "release"  # the done screen says so
            runner.send(ev.InvoiceChosen(ev.Delivery.EMAIL, NOW, "ana@example.es"))
            wait_for(lane, at(Step.DROP_KEYS))
            runner.send(ev.KeysDropped(NOW))
            wait_for(lane, lambda s: s.step is Step.DONE)
            assert runner.deposit_queued() == "release"
            eventually(lambda: len(sink.messages()) == 2)
            assert "invoice" in subjects(sink.messages())[1]
            conn = connect(store, migrate=False)
            assert PaymentJournal(conn, rig.clock).get(deposit_ref).state is PaymentState.APPROVED

            # the terminal is back: the sender releases the deposit on its own
            with TerminalServer(rig.demo.terminal, port=port):
                eventually(lambda: runner.deposit_queued() == "")
            (task,) = q.deposit_tasks(conn, None)
            assert task.state == "done"
            assert task.attempts >= 1  # tried while the terminal was down
            assert PaymentJournal(conn, rig.clock).get(deposit_ref).state is PaymentState.REVERSED
            reversals = [e for e in rig.demo.terminal.ledger.entries() if e.category == "Reversal"]
            assert [e.state for e in reversals] == ["approved"]
            assert [m.kind for m in q.queued_mail(conn, "sent")] == [
                "registration_card",
                "invoice",
            ]
            conn.close()


def test_the_demo_console_lists_the_e_mails_sent(tmp_path: Path) -> None:
    import smtplib

    from kiosk.app.demo_hotel import HotelDemoConsole

    with hotel_rig(tmp_path) as rig:
        console = HotelDemoConsole(rig.demo)
        assert console.command("mail").startswith("no e-mail yet")
        with smtplib.SMTP(rig.config.hotel.smtp_host, rig.config.hotel.smtp_port) as smtp:
            smtp.sendmail("desk@hotel.example", ["ana@example.es"], b"Subject: hi\r\n\r\nx\r\n")
        assert console.command("mail").endswith("0001-ana@example.es.eml")
