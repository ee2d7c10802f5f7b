"""The guest who left the luggage because the room was not ready is e-mailed once the
PMS says the room is ready (kiosk.app.hotel.room_ready), on real parts: a hotel lane
built as ``kiosk run`` builds it, the Mews simulator over HTTP (the room's housekeeping
state, ``resources/getAll``), the SMTP sink (aiosmtpd) and real SQLite.

GIVEN Claire's room 112 dirty at check-in, WHEN staff let her leave the luggage, THEN
the lane polls the PMS on its background sender and e-mails nothing while the room is
dirty; once housekeeping marks it clean, exactly one "your room is ready" reaches the
SMTP sink, however many rounds follow.
"""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default
from pathlib import Path

from hotel_lane_rig import NOW, at, hotel_rig, register_guests, running_lane, wait_for
from test_hotel_deposits import wait_for as wait_until

from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.interventions import HotelInterventionKind as Kind
from kiosk.domain.hotel.states import Outcome, Step
from kiosk.store import hotel_queues as q
from kiosk.store.db import connect

ADDRESS = "claire.dubois@example.fr"


def room_ready_mails(folder: Path) -> list[object]:
    found = []
    for path in sorted(folder.glob("*.eml")) if folder.exists() else []:
        message = message_from_bytes(path.read_bytes(), policy=default)
        if "room is ready" in str(message["Subject"]):
            found.append(message)
    return found


def test_the_guest_is_emailed_once_when_the_room_turns_ready(tmp_path: Path) -> None:
    with hotel_rig(tmp_path, mail_every_s=1.0) as rig, running_lane(rig) as lane:
        for customer in rig.demo.pms.hotel.customers.values():
            if customer["LastName"] == "Dubois":
                customer["Email"] = ADDRESS
        runner = lane.controller
        runner.send(ev.ConfirmationEntered("4703", NOW))  # Claire Dubois, room 112 dirty
        wait_for(lane, at(Step.STAY))
        runner.send(ev.StayConfirmed(NOW))
        register_guests(rig, lane, {"Claire": "claire"})
        wait_for(lane, at(Step.REGISTRATION))
        runner.sign(b"\x89PNG signature", "fr")
        wait_for(lane, lambda s: bool(s.signature_ref))
        runner.send(ev.CardDeliveryChosen(ev.Delivery.NONE, NOW))
        wait_for(lane, at(Step.PAYING))
        runner.send(ev.PayRequested(NOW))
        wait_for(lane, lambda s: at(Step.PAYING)(s) and s.balance_due().minor == 0)
        runner.send(ev.PayRequested(NOW))
        state = wait_for(lane, at(Step.INTERVENTION))
        assert state.intervention is not None
        assert state.intervention.kind is Kind.ROOM_NOT_READY
        stay_id = state.stay.stay_id
        # WHEN staff let the guest leave the luggage
        runner.agent_verdict(ev.AgentVerdict(Kind.ROOM_NOT_READY, Verdict.ACCEPT, "", NOW), "s1")
        state = wait_for(lane, lambda s: s.step is Step.DONE, timeout=60)
        assert state.luggage_left
        assert state.outcome is Outcome.COMPLETED
        notices = runner.room_notices
        (notice,) = notices.waiting()
        assert (notice.stay_id, notice.recipient) == (stay_id, ADDRESS)
        # THEN the PMS is asked on the sender's rounds, nothing is sent while it is dirty
        wait_until(lambda: notices.waiting() and notices.waiting()[0].attempts >= 2)
        assert notices.waiting()[0].last_error == "room 112 dirty"
        assert room_ready_mails(rig.demo.mail.folder) == []
        # WHEN housekeeping marks the room clean
        rig.demo.pms.set_room_state("112", "Clean")
        notices.wake()
        wait_until(lambda: room_ready_mails(rig.demo.mail.folder))
        assert notices.waiting() == []
        assert notices.run_once() == 0  # more rounds: nothing more
        notices.wake()
        assert runner.mail.run_once() == 0
    (mail,) = room_ready_mails(rig.demo.mail.folder)
    assert mail["To"] == ADDRESS  # type: ignore[index]
    assert "Room 112 is ready" in mail.get_content()  # type: ignore[attr-defined]
    conn = connect(rig.config.store.path, migrate=False)
    (sent,) = q.room_notices(conn, "sent")
    assert sent.stay_id == stay_id
    kinds = [m.kind for m in q.queued_mail(conn, None)]
    assert kinds.count("room_ready") == 1
