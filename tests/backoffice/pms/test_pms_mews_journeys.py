"""A whole kiosk check-in and a whole check-out through the driver and the simulator."""

from __future__ import annotations

from datetime import date

from pms_clock import TODAY

from kiosk.backoffice.pms.mews import MewsConnector
from kiosk.backoffice.pms.sim import MewsSimulator, guid
from kiosk.domain.hotel.pms import (
    DocumentType,
    GuestIdentity,
    IdentityDocument,
    PaymentMethod,
    PaymentRecord,
    StayState,
)


def test_check_in_of_a_two_guest_booking(pms: MewsConnector, sim: MewsSimulator) -> None:
    # GIVEN the couple's booking, found by its confirmation number
    stay = pms.find_by_confirmation("4701")
    ana, luis = stay.guests
    # WHEN both IDs are read and sent, the stay is checked in and the balance paid by card
    pms.update_guest_identity(
        stay.stay_id,
        ana.guest_id,
        GuestIdentity(
            "GARCIA LOPEZ",
            "ANA",
            "ES",
            date(1988, 4, 2),
            "F",
            IdentityDocument(
                DocumentType.IDENTITY_CARD,
                "12345678Z",
                "ES",
                date(2030, 1, 1),
                support_number="BAA000589",
            ),
        ),
    )
    pms.update_guest_identity(
        stay.stay_id,
        luis.guest_id,
        GuestIdentity(
            "MARTIN",
            "LUIS",
            "ES",
            date(1986, 9, 14),
            "M",
            IdentityDocument(DocumentType.PASSPORT, "PAB987654", "ES", date(2029, 5, 20)),
        ),
    )
    checked_in = pms.check_in(stay.stay_id)
    reference = "LANE-01-000042"
    pms.post_payment(
        stay.stay_id,
        PaymentRecord(
            checked_in.due,
            PaymentMethod.CARD,
            reference,
            card_brand="MasterCard",
            masked_card="540000******0004",
            card_expiry="11/2028",
            cardholder="ANA GARCIA",
        ),
    )
    # THEN the stay is in, each guest has a document summary, and nothing is due
    final = pms.stay(stay.stay_id)
    assert final.state is StayState.CHECKED_IN
    assert final.room is not None
    assert final.room.number == "204"
    assert [(g.surname, [d.type for d in g.documents]) for g in final.guests] == [
        ("GARCIA LOPEZ", [DocumentType.IDENTITY_CARD]),
        ("MARTIN", [DocumentType.PASSPORT]),
    ]
    assert [d.number_last4 for g in final.guests for d in g.documents] == ["678Z", "7654"]
    folio = pms.folio(stay.stay_id)
    assert folio.paid_with(reference)
    assert folio.balance.minor == 0
    assert final.due.minor == 0
    stored = {d["Number"]: d for d in sim.hotel.documents.values()}
    assert stored["12345678Z"]["IdentityDocumentSupportNumber"] == "BAA000589"
    assert sim.hotel.reservations[stay.stay_id]["State"] == "Started"


def test_check_out_by_room_and_surname_pays_the_balance(
    pms: MewsConnector, sim: MewsSimulator
) -> None:
    # GIVEN the guest leaving today types her room and surname
    stay = pms.find_by_room("118", "Tanaka")
    assert stay.departure == TODAY
    folio = pms.folio(stay.stay_id)
    # WHEN the balance is paid on the lane's terminal and recorded
    pms.post_payment(
        stay.stay_id,
        PaymentRecord(
            folio.balance, PaymentMethod.CARD, "LANE-01-000043", "Visa", "411111******1111"
        ),
    )
    done = pms.check_out(stay.stay_id)
    # THEN the stay is checked out, the bill closed and the room goes to housekeeping
    assert done.state is StayState.CHECKED_OUT
    assert pms.folio(stay.stay_id).balance.minor == 0
    items = [i for i in sim.hotel.order_items.values() if i["ServiceOrderId"] == stay.stay_id]
    assert items
    assert {i["AccountingState"] for i in items} == {"Closed"}
    assert sim.hotel.resources[guid("room-118")]["State"] == "Dirty"
