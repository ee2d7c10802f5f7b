"""The hotel journey end to end on real parts: the lane built as ``kiosk run`` builds it,
the Mews simulator over HTTP, the Salto encoder simulator over TCP, the document reader
on a pty, the receipt printer and card terminal simulators, a real SQLite store.

GIVEN stay 4701 (Ana García López and Luis Martín, arriving today, room 204) WHEN both
IDs are read, the card signed and printed, the balance paid and the deposit
pre-authorised, and two keys taken THEN each key was confirmed by the encoder, the
record is committed with its outbox row and service events in HQ's shapes, and no MRZ
is anywhere in the store or the logs. Two days later the guests check out by room and
surname: the minibar is captured from the deposit, the invoice printed, the room's keys
voided in the lock system.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from hotel_lane_rig import (
    NOW,
    at,
    check_in_to_keys,
    check_in_to_registration,
    device_ready,
    hotel_rig,
    outbox,
    present,
    running_lane,
    wait_for,
)

from kiosk.app.demo_hotel import GUEST_DOCUMENTS
from kiosk.backoffice.pms.sim.data import charge
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.states import DepositState, Outcome, Purpose, Step
from kiosk.store.db import connect
from kiosk.store.stays import held_deposit, load_signature

SIGNATURE = b"\x89PNG\r\n\x1a\nsignature"


def test_the_couple_checks_in_and_out_again_two_days_later(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = tmp_path / "lane.sqlite3"
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        runner = lane.controller
        printed_before = len(rig.demo.printer.receipts)
        state = check_in_to_keys(rig, lane)
        # two IDs read and registered, the card signed (its image kept with the stay)
        assert [g.check.value for g in state.guests] == ["done", "done"]
        assert [g.document.number_last4 for g in state.guests] == ["3456", "5432"]
        assert state.signature_ref.startswith("sig-")
        assert state.card_delivered
        # the balance (2 nights + city tax) paid, the deposit (150.00) pre-authorised
        assert state.money_taken().minor == 25000
        assert state.deposit_state is DepositState.AUTHORISED
        assert state.deposit_amount is not None
        assert state.deposit_amount.minor == 15000
        assert state.checked_in
        assert state.room is not None
        assert state.room.number == "204"
        runner.send(ev.KeyCountChosen(2, NOW))
        state = wait_for(lane, lambda s: s.step is Step.DONE)
        assert state.outcome is Outcome.COMPLETED
        assert state.keys_encoded() == 2
        checkin_id, stay_id, deposit_ref = state.checkin_id, state.stay.stay_id, state.deposit_ref
        assert len(rig.demo.printer.receipts) == printed_before + 1  # the registration card
        # the PMS has the stay checked in and both payments... the deposit held at the lane
        reservation = rig.demo.pms.hotel.reservations[stay_id]
        assert reservation["State"] == "Started"

        # TWO DAYS LATER: check out by room and surname; the minibar is on the bill
        rig.clock.advance(timedelta(days=2, hours=-6))
        today = rig.clock().date()
        charge(rig.demo.pms.hotel, reservation, "Minibar", "12.50", today, kind="ProductOrder")
        runner.reset()
        wait_for(lane, at(Step.WELCOME))
        runner.send(ev.CheckOutChosen(NOW))
        wait_for(lane, at(Step.FIND_ROOM))
        runner.send(ev.RoomEntered("204", "Martin", NOW))
        state = wait_for(lane, lambda s: at(Step.FOLIO)(s) and s.folio is not None)
        assert state.purpose is Purpose.CHECK_OUT
        assert state.balance_due().minor == 1250
        assert state.deposit_ref == deposit_ref  # found in the lane store by stay
        runner.send(ev.FolioConfirmed(NOW))
        state = wait_for(lane, at(Step.INVOICE), timeout=60)
        assert state.deposit_state is DepositState.CAPTURED
        assert state.balance_due().minor == 0
        runner.send(ev.InvoiceChosen(ev.Delivery.PRINT, NOW))
        state = wait_for(lane, at(Step.DROP_KEYS))
        runner.send(ev.KeysDropped(NOW))
        state = wait_for(lane, lambda s: s.step is Step.DONE)
        assert state.outcome is Outcome.COMPLETED
        assert state.checked_out
        checkout_id = state.checkin_id
        assert reservation["State"] == "Processed"
        assert len(rig.demo.printer.receipts) == printed_before + 2  # and the invoice
    assert rig.demo.salto.occupied == set()  # the room checked out in the lock system
    assert not any(rig.demo.salto.works(k) for k in rig.demo.salto.keys)

    documents = {d["transaction_id"]: d for d in outbox(store, "checkin")}
    checkin, checkout = documents[checkin_id], documents[checkout_id]
    assert checkin["reference"] == "4701"
    assert checkin["fees_total"] == 25000
    assert [p["method"] for p in checkin["payments"]] == ["card", "card_preauth"]
    assert checkin["item_count"] == 2
    assert checkin["details"]["registration_card"]["signed"] is True
    assert checkout["details"]["purpose"] == "check_out"
    assert [p["method"] for p in checkout["payments"]] == ["card_preauth_capture"]
    assert checkout["fees_total"] == 1250
    from pydantic import TypeAdapter

    from kiosk.hq.checkin_models import CheckinDocument
    from kiosk.hq.event_models import ServiceEvent

    CheckinDocument.model_validate(checkin)  # what HQ's /api/v1/checkins takes
    CheckinDocument.model_validate(checkout)
    events = outbox(store, "event")
    adapter = TypeAdapter(ServiceEvent)
    for event in events:
        adapter.validate_python(event)
    assert [(e["type"], e["journey"]) for e in events if e["transaction_id"] == checkin_id] == [
        ("transaction.started", "hotel_checkin"),
        ("transaction.completed", "hotel_checkin"),
    ]
    conn = connect(store)
    try:
        signature = checkin["details"]["registration_card"]["signature_ref"]
        assert load_signature(conn, signature) == SIGNATURE
        assert held_deposit(conn, stay_id) is None  # captured: never captured twice
        closed = conn.execute(
            "SELECT COUNT(*) FROM payment WHERE sale_id = ? AND closed_at IS NOT NULL",
            (checkin_id,),
        ).fetchone()[0]
        assert closed == 2
    finally:
        conn.close()
    _no_mrz_anywhere(store, caplog.text)


def _no_mrz_anywhere(store: Path, logs: str) -> None:
    lines = [line for name in ("ana", "luis") for line in GUEST_DOCUMENTS[name]]
    blobs = b"".join(p.read_bytes() for p in store.parent.glob(store.name + "*"))
    for line in lines:
        assert line.encode() not in blobs
        assert line not in logs
        assert line[:30].encode() not in blobs
    for number in ("PAB123456", "PXC765432"):  # the whole document number stays off disk
        assert number.encode() not in blobs
        assert number not in logs
    sqlite3.connect(store).close()


def test_a_key_that_does_not_work_is_made_again_after_the_id_is_checked(
    tmp_path: Path,
) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        runner = lane.controller
        check_in_to_keys(rig, lane)
        runner.send(ev.KeyCountChosen(1, NOW))
        wait_for(lane, lambda s: s.step is Step.DONE)
        runner.reset()
        wait_for(lane, at(Step.WELCOME))
        # GIVEN the guest's key on the encoder WHEN they ask for key help
        runner.send(ev.KeyHelpChosen(NOW))
        wait_for(lane, at(Step.FIND_ROOM))
        runner.send(ev.KeyCardTapped(NOW))
        state = wait_for(lane, at(Step.GUESTS))
        assert state.purpose is Purpose.REKEY
        assert state.identified_by == "key_card"
        assert state.stay is not None
        assert state.stay.confirmation_number == "4701"  # found by room, no surname typed
        present(rig, lane, "luis")  # the ID is checked again
        wait_for(lane, at(Step.KEYS))
        runner.send(ev.KeyCountChosen(1, NOW))
        state = wait_for(lane, lambda s: s.step is Step.DONE)
        assert state.outcome is Outcome.COMPLETED
        assert state.keys_encoded() == 1
    keys = rig.demo.salto.keys
    assert [(k.room, k.copy) for k in keys] == [("204", False), ("204", True)]
    assert all(rig.demo.salto.works(k) for k in keys)  # a copy: the first key still works


def test_the_screens_signature_is_kept_before_the_card_names_it(tmp_path: Path) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        runner = lane.controller
        state = check_in_to_registration(rig, lane)
        reference = f"sig-{state.checkin_id}"
        runner.keep_signature(reference, b"first")
        runner.keep_signature(reference, SIGNATURE)  # signed again: the last one is kept
        runner.send(ev.CardSigned(reference, "fr", NOW))
        state = wait_for(lane, lambda s: s.signature_ref == reference)
        assert state.card_language == "fr"
    conn = connect(tmp_path / "lane.sqlite3")
    try:
        assert load_signature(conn, reference) == SIGNATURE
    finally:
        conn.close()


def test_the_booking_emails_qr_code_at_the_scanner_finds_the_stay(tmp_path: Path) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        reservation = next(
            r for r in rig.demo.pms.hotel.reservations.values() if r["Number"] == "4701"
        )
        device_ready(lane, "scanner")
        rig.demo.scanner.scan(reservation["QrCodeData"])
        state = wait_for(lane, at(Step.STAY))
        assert state.identified_by == "qr"
        assert state.stay is not None
        assert state.stay.confirmation_number == "4701"
