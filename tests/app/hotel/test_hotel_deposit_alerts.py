"""A queued deposit capture that the terminal declines after the guest left is an alert
for the front desk (the station's hotel view) and a service event for HQ, with the stay
and the amount, until the front desk settles it with the guest.

Real parts: the terminal simulator on a real socket, the lane store in real SQLite, HQ's
own event models; the station view read from a hotel lane built as ``kiosk run`` builds
it (tests/app/hotel/hotel_lane_rig.py).
"""

from __future__ import annotations

from pathlib import Path

from hotel_lane_rig import hotel_rig, running_lane
from pydantic import TypeAdapter
from test_hotel_deposits import BACKOFF, clock, eur, held, wait_for

from kiosk.app.hotel.background import HotelSender
from kiosk.app.hotel.deposits import DepositQueue
from kiosk.app.service_events import DEPOSIT_FAILED, Ids
from kiosk.app.station_views import hotel_view
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.hq.event_models import ServiceEvent
from kiosk.payment.nexo.driver import NexoTerminal
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal
from kiosk.store import hotel_queues as q
from kiosk.store.db import connect
from kiosk.store.service_events import queued_events
from kiosk.store.stays import note_deposit

EVENT = TypeAdapter(ServiceEvent)
IDS = Ids("store-001", "lane-01")


def queue_for(db: Path, url: str, wait_s: float = 0.0) -> DepositQueue:
    terminal = NexoTerminal(url, "lane-01", "SIM-0001", None, payment_timeout=10)
    return DepositQueue(lambda: connect(db, migrate=False), terminal, clock, wait_s=wait_s,
                        backoff=BACKOFF, ids=IDS)  # fmt: skip


def desk_events(db: Path) -> list[dict[str, object]]:
    events = queued_events(connect(db, migrate=False))
    return [e for e in events if e["data"].get("kind") == DEPOSIT_FAILED]  # type: ignore[union-attr]


def test_a_capture_declined_after_the_guest_left_is_an_alert_until_the_desk_settles_it(
    tmp_path: Path,
) -> None:
    simulator = SimulatedTerminal(Ledger(tmp_path / "ledger.jsonl"), show=lambda s: None)
    db = tmp_path / "lane.db"
    preauth = held(db, simulator)
    try:
        with TerminalServer(simulator) as server:
            deposits = queue_for(db, server.url)
            # the check-out went on with the capture queued (no sender ran in time)
            went_on = deposits.settle(fx.CaptureDeposit(preauth, eur(5000)), None)
            assert isinstance(went_on, ev.PaymentApproved)
            simulator.queue(Scenario.DECLINE)
            assert deposits.run_once() == 0  # WHEN the terminal declines it later
    finally:
        simulator.stop()
    # THEN an alert for the front desk with the stay and the amount
    (alert,) = deposits.alerts()
    assert (alert.stay_id, alert.amount, alert.action) == ("S1", eur(5000), "capture")
    assert alert.checkin_id == "visit-in"
    assert "declined" in alert.why
    # ... and one intervention for HQ on the visit that held the deposit, taken by HQ
    (raised,) = desk_events(db)
    EVENT.validate_python(raised)
    assert raised["type"] == "intervention.raised"
    assert raised["transaction_id"] == "visit-in"
    # a restarted lane still shows it, raised at the same time
    again = DepositQueue(lambda: connect(db, migrate=False), None, clock, ids=IDS)
    assert again.alerts() == [alert]
    # WHEN the front desk charged the guest otherwise
    assert again.settled_at_desk(preauth, "desk-7")
    assert again.alerts() == []
    assert not again.settled_at_desk(preauth, "desk-7")  # once
    raised, resolved = desk_events(db)
    EVENT.validate_python(resolved)
    assert resolved["type"] == "intervention.resolved"
    assert resolved["data"]["intervention_id"] == raised["data"]["intervention_id"]  # type: ignore[index]
    assert resolved["data"]["staff_id"] == "desk-7"  # type: ignore[index]
    assert DepositQueue(lambda: connect(db, migrate=False), None, clock).alerts() == []


def test_a_capture_declined_while_the_check_out_waits_is_the_visits_not_an_alert(
    tmp_path: Path,
) -> None:
    simulator = SimulatedTerminal(Ledger(tmp_path / "ledger.jsonl"), show=lambda s: None)
    db = tmp_path / "lane.db"
    preauth = held(db, simulator)
    simulator.queue(Scenario.DECLINE)
    try:
        with TerminalServer(simulator) as server:
            deposits = queue_for(db, server.url, wait_s=30)
            sender = HotelSender([deposits.run_once])
            deposits.wake = sender.wake
            sender.start()
            try:
                heard = deposits.settle(fx.CaptureDeposit(preauth, eur(5000)), None)
            finally:
                sender.stop()
    finally:
        simulator.stop()
    assert isinstance(heard, ev.PaymentDeclined)  # the guest pays by card instead
    assert deposits.alerts() == []
    assert desk_events(db) == []
    assert DepositQueue(lambda: connect(db, migrate=False), None, clock).alerts() == []
    (task,) = q.deposit_tasks(connect(db, migrate=False), "failed")
    assert task.preauth_ref == preauth


def test_the_station_lists_the_declined_deposit_with_the_stay_and_the_amount(
    tmp_path: Path,
) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        db = rig.config.store.path
        done = lane.payment_flow.preauthorise("visit-9", eur(15000))
        conn = connect(db, migrate=False)
        note_deposit(conn, stay_id="STAY-42", checkin_id="visit-9",
                     reference=done.record.reference, amount_minor=15000,
                     currency="EUR")  # fmt: skip
        # a capture a check-out left queued (as after a restart), then declined
        q.queue_deposit(conn, preauth_ref=done.record.reference, action="capture",
                        amount_minor=12050, currency="EUR", reference="capture-ref-1")  # fmt: skip
        rig.demo.terminal.queue(Scenario.DECLINE)
        deposits = lane.controller.front_desk_alerts.__self__
        deposits.wake()
        wait_for(lambda: hotel_view(lane.controller).alerts)
        (alert,) = hotel_view(lane.controller).alerts
        assert alert.kind == "deposit_capture_declined"
        assert "stay STAY-42" in alert.detail
        assert "120.50 EUR" in alert.detail
        assert "front desk" in alert.detail
        assert deposits.settled_at_desk(done.record.reference, "desk-1")
        assert hotel_view(lane.controller).alerts == ()
