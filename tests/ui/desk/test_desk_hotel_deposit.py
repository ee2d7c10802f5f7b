"""Done means (deposits after the guest left): staff settle a deposit alert by touch at
the hotel lane's desk, signed in, audited, and HQ's ``intervention.resolved`` is queued.

The lane is the real hotel journey built by ``build_lane`` from ``config/demo-hotel.toml``
on the simulators (``tests/app/hotel/hotel_lane_rig.py``), its card terminal reached
through a TCP link that can lose the terminal's answers (``terminal_link``), its desk the
hotel's (``HotelDeskService``) in the real window. A member of staff scans their badge
at the lane's scanner (a real pty); every key is touched where ``QApplication.widgetAt``
finds it at its centre.

GIVEN a capture the check-out queued whose answer the network lost (the terminal
captured 120.50; the lane cannot say) and raised for the front desk, WHEN a receptionist
touches "Done" (a supervisor's) it is refused; the terminal is heard again, the
receptionist touches "Not in the terminal's records", THEN the terminal, asked
first, answers approved: the desk says nothing is to charge, one capture of 120.50 only.
GIVEN a capture the terminal declined, WHEN the receptionist touches "Charged at the
front desk", THEN it is settled: audit row, ``intervention.resolved`` for HQ.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from desk_rig import Clock, Rig, audit, touch, verdict_key
from pydantic import TypeAdapter

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "hotel"))
from hotel_lane_rig import HotelRig, device_ready, hotel_rig
from terminal_link import TerminalLink

from kiosk.app.hotel.deposits import DEPOSIT_DOUBT, DepositQueue
from kiosk.app.service_events import DEPOSIT_FAILED
from kiosk.app.shell import open_lane_window
from kiosk.app.station_views import hotel_view
from kiosk.app.wiring import build_lane
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.money import Money
from kiosk.domain.staff import Role, Staff
from kiosk.hq.event_models import ServiceEvent
from kiosk.payment.sim.terminal import Scenario
from kiosk.store import hotel_queues as q
from kiosk.store.db import connect
from kiosk.store.service_events import queued_events
from kiosk.store.stays import note_deposit
from kiosk.ui.desk import StaffLayer

WAIT_MS = 30_000
EVENT = TypeAdapter(ServiceEvent)


@dataclass
class DeskLane:
    rig: Rig
    parts: HotelRig
    link: TerminalLink

    @property
    def deposits(self) -> DepositQueue:
        deposits: DepositQueue = self.rig.lane.controller.front_desk
        return deposits


@pytest.fixture
def desk_lane(qtbot: Any, tmp_path: Path) -> Iterator[DeskLane]:
    """The hotel lane in its window at the guests' welcome, the terminal behind a link."""
    with hotel_rig(tmp_path, deposit_doubt_rounds=2) as parts:
        link = TerminalLink(parts.demo.terminal_server.port)
        payment = dataclasses.replace(
            parts.config.payment, terminal_url=link.url, status_backoff_s=(0.05, 0.1)
        )
        config = dataclasses.replace(parts.config, payment=payment)
        lane = build_lane(config, clock=parts.clock, with_sync=False)
        staff = lane.attendant.staff_repo
        staff.add(Staff("s-1", "Rita Reception", Role.ATTENDANT), pin="1111", badge="STF0001")
        window, presenter, layer = open_lane_window(
            lane, show=False, idle_check_ms=50, kiosk_mode=False, idle_timeout_ms=600_000
        )
        qtbot.addWidget(window)
        assert isinstance(layer, StaffLayer)
        rig = Rig(lane, window, presenter, layer, Clock(), config.store.path)
        try:
            window.resize(1920, 1080)
            window.show()
            qtbot.waitExposed(window)
            yield DeskLane(rig, parts, link)
        finally:
            presenter.detach()
            layer.bridge.wait_for_idle()
            lane.stop()
            window.shutdown()
            link.close()


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def deposit_held(lane: DeskLane) -> str:
    """Stay STAY-42's deposit of 150.00, pre-authorised at check-in (visit-9)."""
    done = lane.rig.lane.payment_flow.preauthorise("visit-9", eur(15000))
    note_deposit(connect(lane.rig.db, migrate=False), stay_id="STAY-42", checkin_id="visit-9",
                 reference=done.record.reference, amount_minor=15000,
                 currency="EUR")  # fmt: skip
    return done.record.reference


def alert_raised(qtbot: Any, lane: DeskLane, kind: str) -> None:
    """Wake the lane's sender until the front desk has an alert of ``kind``."""

    def raised() -> bool:
        lane.deposits.wake()  # as its next round would
        return [a.kind for a in lane.deposits.alerts()] == [kind]

    qtbot.waitUntil(raised, timeout=WAIT_MS)


def badge_at_the_scanner(qtbot: Any, lane: DeskLane, badge: str) -> None:
    """Staff scan their badge at the lane's scanner: signed in, the desk shows."""
    device_ready(lane.rig.lane, "scanner")
    lane.parts.demo.scanner.scan(badge)
    rig = lane.rig
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.staff.desk_name, timeout=WAIT_MS)


def desk_events(db: Path) -> list[dict[str, Any]]:
    events = queued_events(connect(db, migrate=False))
    mine = [e for e in events if e["data"].get("kind") in (DEPOSIT_FAILED, DEPOSIT_DOUBT)]
    for event in mine:
        EVENT.validate_python(event)  # HQ takes it as it is
    return [{"type": e["type"], **e["data"]} for e in mine]


def completions(lane: DeskLane) -> list[int]:
    entries = lane.parts.demo.terminal.ledger.entries()
    return [e.amount_minor for e in entries
            if e.payment_type == "Completion" and e.state == "approved"]  # fmt: skip


def test_a_capture_in_doubt_settled_at_the_desk_the_terminal_answers_approved_first(
    qtbot: Any, desk_lane: DeskLane
) -> None:
    lane, rig = desk_lane, desk_lane.rig
    preauth = deposit_held(lane)
    # the check-out queues the capture of 120.50; the network loses the terminal's answers
    lane.link.mute()
    went_on = lane.deposits.settle(fx.CaptureDeposit(preauth, eur(12050)), None)
    assert isinstance(went_on, ev.PaymentApproved)  # the guest is gone, the capture queued
    alert_raised(qtbot, lane, DEPOSIT_DOUBT)
    assert completions(lane) == [12050]  # the terminal did capture; the lane cannot say
    (station,) = hotel_view(rig.lane.controller).alerts  # what the store's station shows
    assert station.kind == DEPOSIT_DOUBT
    assert "stay STAY-42: capture of 120.50 EUR unknown" in station.detail

    # a receptionist's badge at the scanner: the desk shows the deposit in doubt
    badge_at_the_scanner(qtbot, lane, "STF0001")
    desk = rig.desk
    qtbot.waitUntil(lambda: desk.title.text() == "Deposit in doubt", timeout=WAIT_MS)
    assert desk.failed.text() == (
        "What failed: Capture of 120.50 EUR, stay STAY-42: the terminal cannot say if it "
        "was done (asked again)."
    )
    assert [verdict_key(rig, v).text() for v in ("accept", "refuse")] == [
        "Done: the terminal's records show it",
        "Not in the terminal's records",
    ]
    assert desk.staff.text().endswith("Rita Reception (receptionist)")

    # "Done" is a supervisor's: refused, audited, the alert stays
    touch(qtbot, verdict_key(rig, "accept"))
    qtbot.waitUntil(
        lambda: desk.message.text().startswith("Your role may not give this verdict"),
        timeout=WAIT_MS,
    )
    [refused] = audit(rig.db, "desk_verdict_refused")
    assert (refused["staff_id"], refused["kind"], refused["verdict"]) == (
        "s-1", DEPOSIT_DOUBT, "accept"
    )  # fmt: skip
    assert [a.kind for a in lane.deposits.alerts()] == [DEPOSIT_DOUBT]

    # WHEN the terminal is heard again and the receptionist touches "Not done"
    lane.link.unmute()
    touch(qtbot, verdict_key(rig, "refuse"))
    # THEN the terminal, asked first, has the last word: captured, nothing to charge
    qtbot.waitUntil(
        lambda: desk.message.text() == "The terminal answered: it was done. Nothing to charge.",
        timeout=WAIT_MS,
    )
    assert desk.title.text() == "Nothing is waiting for you."
    assert lane.deposits.alerts() == []
    [row] = audit(rig.db, "desk_deposit_settled")
    assert (row["staff_id"], row["kind"], row["stay_id"], row["verdict"], row["came_to"]) == (
        "s-1", DEPOSIT_DOUBT, "STAY-42", "refuse", "terminal_approved"
    )  # fmt: skip
    assert row["amount_minor"] == 12050
    raised, resolved = desk_events(rig.db)
    assert (raised["type"], resolved["type"]) == ("intervention.raised", "intervention.resolved")
    assert resolved["intervention_id"] == raised["intervention_id"]
    assert resolved["outcome"] == "terminal_approved"
    # ... never a second capture: the task is done, nothing is left for the sender
    assert completions(lane) == [12050]
    task = q.deposit_task(connect(rig.db, migrate=False), preauth)
    assert task is not None
    assert task.state == "done"
    assert lane.deposits.tasks() == []


def test_a_declined_capture_is_settled_at_the_desk_by_touch(
    qtbot: Any, desk_lane: DeskLane
) -> None:
    lane, rig = desk_lane, desk_lane.rig
    preauth = deposit_held(lane)
    # a capture left queued (as after a restart), declined by the terminal later
    lane.parts.demo.terminal.queue(Scenario.DECLINE)
    q.queue_deposit(connect(rig.db, migrate=False), preauth_ref=preauth, action="capture",
                    amount_minor=12050, currency="EUR", reference="capture-ref-one")  # fmt: skip
    alert_raised(qtbot, lane, DEPOSIT_FAILED)

    badge_at_the_scanner(qtbot, lane, "STF0001")
    desk = rig.desk
    qtbot.waitUntil(lambda: desk.title.text() == "Deposit declined", timeout=WAIT_MS)
    assert desk.failed.text().startswith(
        "What failed: Capture of 120.50 EUR, stay STAY-42: the terminal declined it ("
    )
    assert verdict_key(rig, "accept").text() == "Charged at the front desk"
    assert rig.desk.verdict_button("refuse") is None

    touch(qtbot, verdict_key(rig, "accept"))
    qtbot.waitUntil(lambda: desk.message.text() == "Settled.", timeout=WAIT_MS)
    assert desk.title.text() == "Nothing is waiting for you."
    assert lane.deposits.alerts() == []
    [row] = audit(rig.db, "desk_deposit_settled")
    assert (row["staff_id"], row["kind"], row["stay_id"], row["came_to"]) == (
        "s-1", DEPOSIT_FAILED, "STAY-42", "settled_at_desk"
    )  # fmt: skip
    raised, resolved = desk_events(rig.db)
    assert resolved["type"] == "intervention.resolved"
    assert resolved["intervention_id"] == raised["intervention_id"]
    assert resolved["staff_id"] == "s-1"
    assert completions(lane) == []
    assert DepositQueue(lambda: connect(rig.db, migrate=False), None, Clock()).alerts() == []
