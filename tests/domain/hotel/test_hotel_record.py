"""The visit's record for HQ: it fits HQ's ``CheckinDocument``, and holds no MRZ, no name,
no document number, no signature (a reference to it)."""

from __future__ import annotations

import json
from dataclasses import replace

from hotel_domain_factories import ANA, LUIS, NOW, STAY, TODAY, Journey, World, checked_in_journey
from hotel_domain_factories import details as typed

from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.pms import StayState
from kiosk.domain.hotel.record import record_document, reference_of, room_of
from kiosk.hq.checkin_models import CheckinDocument


def document_of(j: Journey) -> dict:
    return record_document(j.record().record, store_id="S1", lane_id="L1", language="es")


def test_a_completed_check_in_fits_hqs_model() -> None:
    j = checked_in_journey()
    j.send(ev.KeyCountChosen(2, NOW))
    document = document_of(j)
    parsed = CheckinDocument.model_validate(document)
    assert (parsed.kind, parsed.journey, parsed.status) == ("checkin", "hotel_checkin", "completed")
    assert (parsed.reference, parsed.transaction_id, parsed.item_count) == ("4701", "V1", 2)
    assert parsed.fees_total == 26000  # the balance; the deposit is only reserved
    assert [t.traveller_id for t in parsed.travellers] == ["g1", "g-new1"]  # the PMS's ids
    assert all(t.checked_in and t.seat_or_room == "204" for t in parsed.travellers)
    assert parsed.travellers[0].document.number_last4 == "3456"
    assert [(p.method, p.outcome) for p in parsed.payments] == [
        ("card", "approved"),
        ("card_preauth", "approved"),
    ]
    details = parsed.details
    assert details["purpose"] == "check_in"
    assert details["deposit"] == {"state": "authorised", "amount": 15000}
    assert details["keys"] == {"requested": 2, "encoded": 2}
    assert details["registration_card"]["signature_ref"] == "sig-1"


def test_the_record_holds_no_mrz_no_name_and_no_document_number() -> None:
    j = checked_in_journey()
    j.send(ev.KeyCountChosen(1, NOW))
    text = json.dumps(document_of(j))
    for secret in ("PAB123456", "PXC765432", "GARCIA", "García", "MARTIN", "<<", ANA[1][:20]):
        assert secret not in text
    assert "identity" not in repr(j.state)
    assert "PAB123456" not in repr(j.state)
    assert "PAB123456" not in repr(j.effects)


def test_an_abandoned_visit_fits_too() -> None:
    j = Journey()
    j.send(ev.ConfirmationEntered("ab-47/01", NOW))
    j.send(ev.StayConfirmed(NOW))
    j.send(ev.DocumentScanned(ANA, NOW))
    j.send(ev.IdleTimedOut(NOW))
    parsed = CheckinDocument.model_validate(document_of(j))
    assert parsed.status == "abandoned"
    assert parsed.reference == "4701"
    assert not any(t.checked_in for t in parsed.travellers)


def test_a_cancel_after_an_intervention_fits_and_keeps_the_intervention() -> None:
    j = Journey(World(stays_by_name=()))
    for _ in range(3):
        j.send(ev.SurnameEntered("Nobody", TODAY, NOW))
    j.send(ev.Cancelled(NOW, staff_id="staff-7"))
    parsed = CheckinDocument.model_validate(document_of(j))
    assert (parsed.status, parsed.reference) == ("cancelled", "NONE")
    assert [(i.kind, i.resolution) for i in parsed.interventions] == [
        ("booking_not_found", "abandoned")
    ]


def test_a_check_out_fits_with_its_capture() -> None:
    j = Journey(World(stay=replace(STAY, state=StayState.CHECKED_IN)))
    j.send(ev.CheckOutChosen(NOW))
    j.send(ev.KeyCardTapped(NOW))
    j.send(ev.FolioConfirmed(NOW))
    j.send(ev.InvoiceChosen(ev.Delivery.NONE, NOW))
    j.send(ev.KeysDropped(NOW))
    parsed = CheckinDocument.model_validate(document_of(j))
    assert parsed.details["purpose"] == "check_out"
    assert parsed.details["checked_out"] is True
    assert [(p.method, p.amount) for p in parsed.payments] == [("card_preauth_capture", 1250)]
    assert parsed.fees_total == 1250


def test_a_minor_with_the_register_still_missing_a_field_fits() -> None:
    j = Journey(World(stay=replace(STAY, children=1)))
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    for document, gid in ((ANA, "g1"), (LUIS, "new-1")):
        j.send(ev.DocumentScanned(document, NOW))
        j.send(typed(gid))
    j.send(ev.Cancelled(NOW))
    parsed = CheckinDocument.model_validate(document_of(j))
    assert len(parsed.travellers) == 2


def test_references_and_rooms_are_made_to_fit() -> None:
    assert reference_of("ab-47/01") == "AB4701"
    assert reference_of("") == "NONE"
    assert reference_of("x" * 40) == "X" * 16
    assert room_of("2.04 b") == "204B"
    assert room_of("Suite 12-A long") == "SUITE12-"
