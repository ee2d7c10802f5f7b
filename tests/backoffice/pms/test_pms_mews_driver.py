"""MewsConnector against the Mews simulator over HTTP on 127.0.0.1: every operation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pms_clock import TODAY

from kiosk.backoffice.pms.mews import MewsConnector
from kiosk.backoffice.pms.sim import MewsSimulator, guid
from kiosk.domain.hotel.pms import (
    Address,
    DocumentType,
    FolioLineKind,
    GuestIdentity,
    IdentityDocument,
    NewGuest,
    PaymentMethod,
    PaymentRecord,
    PmsError,
    PmsErrorKind,
    PropertyManagement,
    RefusalCode,
    RoomState,
    StayState,
)
from kiosk.domain.money import Money


def eur(text: str) -> Money:
    return Money.parse(text, "EUR")


def refused(error: pytest.ExceptionInfo[PmsError], code: str) -> bool:
    return error.value.kind is PmsErrorKind.REFUSED and error.value.code == code


# -- finding stays -----------------------------------------------------------------


def test_a_couple_arriving_today_with_their_room_ready(pms: MewsConnector) -> None:
    stay = pms.find_by_confirmation("4701")
    assert (stay.confirmation_number, stay.state) == ("4701", StayState.EXPECTED)
    assert (stay.arrival, stay.departure, stay.nights) == (TODAY, TODAY + timedelta(2), 2)
    assert (stay.room_type, stay.rate, stay.adults, stay.children) == (
        "Double room",
        "Flexible",
        2,
        0,
    )
    assert stay.room is not None
    assert stay.room.number == "204"
    assert stay.room.ready
    assert [(g.given_names, g.surname) for g in stay.guests] == [
        ("Ana", "García López"),
        ("Luis", "Martín"),
    ]
    assert stay.guests[0].guest_id == stay.owner_id
    assert (stay.guests[0].nationality, stay.guests[0].sex, stay.guests[0].language) == (
        "ES",
        "F",
        "es-ES",
    )
    assert (stay.total, stay.paid, stay.due, stay.deposit) == (
        eur("250.00"),
        eur("0"),
        eur("250.00"),
        None,
    )


@pytest.mark.parametrize(
    ("number", "adults", "children", "paid", "due", "deposit"),
    [
        ("4702", 2, 1, "100.00", "395.00", None),  # family, part prepaid
        ("4704", 1, 0, "225.00", "0.00", None),  # paid in full
        ("4705", 1, 0, "0.00", "285.00", "150.00"),  # deposit policy on the rate
    ],
)
def test_money_and_people_of_each_sample_stay(  # noqa: PLR0917
    pms: MewsConnector,
    number: str,
    adults: int,
    children: int,
    paid: str,
    due: str,
    deposit: str | None,
) -> None:
    stay = pms.find_by_confirmation(number)
    assert (stay.adults, stay.children) == (adults, children)
    assert (stay.paid, stay.due) == (eur(paid), eur(due))
    assert stay.deposit == (None if deposit is None else eur(deposit))


def test_a_room_not_ready_and_a_stay_without_a_room(pms: MewsConnector) -> None:
    dirty = pms.find_by_confirmation("4703")
    assert dirty.room is not None
    assert dirty.room.state is RoomState.DIRTY
    assert not dirty.room.ready
    assert pms.find_by_confirmation("4707").room is None


@pytest.mark.parametrize(
    ("mews_state", "state"),
    [
        ("Optional", StayState.UNCONFIRMED),
        ("Inquired", StayState.UNCONFIRMED),
        ("Requested", StayState.UNCONFIRMED),
        ("Canceled", StayState.CANCELED),
        ("Processed", StayState.CHECKED_OUT),
    ],
)
def test_every_mews_reservation_state_has_a_stay_state(
    pms: MewsConnector, sim: MewsSimulator, mews_state: str, state: StayState
) -> None:
    sim.hotel.reservations[guid("res-4701")]["State"] = mews_state
    assert pms.find_by_confirmation("4701").state is state


def test_find_by_the_booking_emails_qr_code(pms: MewsConnector, sim: MewsSimulator) -> None:
    scanned = sim.hotel.reservations[guid("res-4702")]["QrCodeData"]
    assert pms.find_by_confirmation(scanned).confirmation_number == "4702"
    for garbage in ("{not json", '{"Reservations": 5}', '{"Reservations": []}'):
        with pytest.raises(PmsError) as error:
            pms.find_by_confirmation(garbage)
        assert error.value.kind is PmsErrorKind.NOT_FOUND


def test_an_unknown_confirmation_number_is_not_found(pms: MewsConnector) -> None:
    with pytest.raises(PmsError) as error:
        pms.find_by_confirmation("9999")
    assert error.value.kind is PmsErrorKind.NOT_FOUND


@pytest.mark.parametrize(
    "surname", ["García López", "garcía lópez", "Martín", "GARCIA", "garcia lopez", "MARTIN"]
)
def test_find_by_surname_and_arrival_date_finds_owner_and_companion(
    pms: MewsConnector, surname: str
) -> None:
    assert [s.confirmation_number for s in pms.find_by_surname(surname, TODAY)] == ["4701"]


def test_find_by_surname_on_another_day_or_unknown_name_finds_nothing(pms: MewsConnector) -> None:
    assert pms.find_by_surname("Martín", TODAY + timedelta(1)) == ()
    assert pms.find_by_surname("Nobody", TODAY) == ()


@pytest.mark.parametrize(("surname", "number"), [("MUELLER", "4702"), ("muller", "4702")])
def test_find_by_surname_as_an_mrz_spells_it(pms: MewsConnector, surname: str, number: str) -> None:
    assert [s.confirmation_number for s in pms.find_by_surname(surname, TODAY)] == [number]


def test_find_by_guest_name_from_an_mrz_without_accents(pms: MewsConnector) -> None:
    found = pms.find_by_guest_name("MARTIN", "LUIS", TODAY)
    assert [s.confirmation_number for s in found] == ["4701"]
    assert pms.find_by_guest_name("MARTIN", "PEDRO", TODAY) == ()
    assert pms.find_by_guest_name("", "LUIS", TODAY) == ()


def test_find_by_guest_name_finds_a_guest_leaving_today(pms: MewsConnector) -> None:
    found = pms.find_by_guest_name("Tanaka", "Yuki", TODAY)
    assert [(s.confirmation_number, s.state) for s in found] == [("4706", StayState.CHECKED_IN)]
    assert pms.find_by_guest_name("Tanaka", "Kenji", TODAY) == ()


def test_find_by_room_and_surname_for_check_out(pms: MewsConnector) -> None:
    assert pms.find_by_room("118", "tanaka").confirmation_number == "4706"
    for room, surname in (("118", "Smith"), ("999", "Tanaka"), ("204", "García López")):
        with pytest.raises(PmsError) as error:
            pms.find_by_room(room, surname)
        assert error.value.kind is PmsErrorKind.NOT_FOUND


def test_stay_reads_a_stay_again_by_id(pms: MewsConnector) -> None:
    stay = pms.find_by_confirmation("4702")
    assert pms.stay(stay.stay_id) == stay
    with pytest.raises(PmsError) as error:
        pms.stay(guid("no-such-reservation"))
    assert error.value.kind is PmsErrorKind.NOT_FOUND


# -- guests ------------------------------------------------------------------------


def _passport(number: str = "PAA123456") -> GuestIdentity:
    return GuestIdentity(
        surname="GARCIA LOPEZ",
        given_names="ANA",
        nationality="ES",
        birth_date=date(1988, 4, 2),
        sex="F",
        document=IdentityDocument(
            DocumentType.PASSPORT, number, "ES", date(2031, 6, 30), issued=date(2021, 7, 1)
        ),
        address=Address("Calle Mayor 5", "Madrid", "28013", "ES", subdivision="ES-M"),
    )


def test_update_guest_identity_sends_the_document_and_keeps_a_summary(
    pms: MewsConnector, sim: MewsSimulator
) -> None:
    stay = pms.find_by_confirmation("4701")
    owner = stay.guests[0]
    guest = pms.update_guest_identity(stay.stay_id, owner.guest_id, _passport())
    assert (guest.surname, guest.given_names, guest.birth_date, guest.sex) == (
        "GARCIA LOPEZ",
        "ANA",
        date(1988, 4, 2),
        "F",
    )
    assert guest.address is not None
    assert guest.address.city == "Madrid"
    [summary] = guest.documents
    assert (summary.type, summary.issuing_state, summary.expiry, summary.number_last4) == (
        DocumentType.PASSPORT,
        "ES",
        date(2031, 6, 30),
        "3456",
    )
    [stored] = [d for d in sim.hotel.documents.values() if d["CustomerId"] == owner.guest_id]
    assert (stored["Type"], stored["Number"], stored["IsVerified"]) == (
        "Passport",
        "PAA123456",
        True,
    )
    # a second read replaces the passport instead of adding another one
    again = pms.update_guest_identity(stay.stay_id, owner.guest_id, _passport("PBB654321"))
    assert [d.number_last4 for d in again.documents] == ["4321"]
    assert pms.stay(stay.stay_id).guests[0].documents == again.documents


def test_update_guest_identity_of_someone_not_on_the_stay_is_not_found(
    pms: MewsConnector,
) -> None:
    stay = pms.find_by_confirmation("4701")
    stranger = pms.find_by_confirmation("4704").owner_id
    with pytest.raises(PmsError) as error:
        pms.update_guest_identity(stay.stay_id, stranger, _passport())
    assert error.value.kind is PmsErrorKind.NOT_FOUND


def test_add_companion_when_the_booking_has_room_for_one(
    pms: MewsConnector, sim: MewsSimulator
) -> None:
    stay = pms.find_by_confirmation("4704")
    sim.hotel.reservations[stay.stay_id]["PersonCounts"][0]["Count"] = 2
    guest = pms.add_companion(
        stay.stay_id, NewGuest("Smith", "Jane", "GB", date(1990, 1, 2), "jane@example.org")
    )
    assert (guest.surname, guest.given_names, guest.nationality) == ("Smith", "Jane", "GB")
    assert [g.given_names for g in pms.stay(stay.stay_id).guests] == ["John", "Jane"]
    with pytest.raises(PmsError) as error:
        pms.add_companion(stay.stay_id, NewGuest("Smith", "Tom"))
    assert refused(error, RefusalCode.FULL)


# -- check-in ----------------------------------------------------------------------


def test_check_in_starts_the_reservation(pms: MewsConnector) -> None:
    stay = pms.check_in(pms.find_by_confirmation("4701").stay_id)
    assert stay.state is StayState.CHECKED_IN


def test_check_in_refused_while_the_room_is_not_ready_then_accepted(
    pms: MewsConnector, sim: MewsSimulator
) -> None:
    stay = pms.find_by_confirmation("4703")
    with pytest.raises(PmsError) as error:
        pms.check_in(stay.stay_id)
    assert refused(error, RefusalCode.ROOM_NOT_READY)
    assert "112" in error.value.message
    sim.set_room_state("112", "Inspected")
    assert pms.check_in(stay.stay_id).state is StayState.CHECKED_IN


def test_check_in_refused_too_early_without_a_room_and_twice(
    pms: MewsConnector, sim: MewsSimulator
) -> None:
    tomorrow = pms.find_by_confirmation("4707")
    with pytest.raises(PmsError) as error:
        pms.check_in(tomorrow.stay_id)
    assert refused(error, RefusalCode.TOO_EARLY)
    reservation = sim.hotel.reservations[tomorrow.stay_id]
    reservation["ScheduledStartUtc"] = reservation["ScheduledStartUtc"].replace(
        str(TODAY + timedelta(1)), str(TODAY)
    )
    with pytest.raises(PmsError) as error:
        pms.check_in(tomorrow.stay_id)
    assert refused(error, RefusalCode.NO_ROOM)
    with pytest.raises(PmsError) as error:
        pms.check_in(pms.find_by_confirmation("4706").stay_id)
    assert refused(error, RefusalCode.WRONG_STATE)


# -- folio and payments ------------------------------------------------------------


def test_folio_of_a_departure_lists_nights_minibar_city_tax_and_the_payment(
    pms: MewsConnector,
) -> None:
    folio = pms.folio(pms.find_by_confirmation("4706").stay_id)
    charges = [
        (line.description, line.amount) for line in folio.lines if line.kind is FolioLineKind.CHARGE
    ]
    assert sorted(charges, key=lambda c: c[0]) == [
        ("City tax", eur("2.50")),
        ("City tax", eur("2.50")),
        ("Minibar", eur("12.50")),
        ("Night 1", eur("110.00")),
        ("Night 2", eur("110.00")),
    ]
    assert folio.paid_with("LANE-PREAUTH-4706")
    assert (folio.charges, folio.payments, folio.balance) == (
        eur("237.50"),
        eur("220.00"),
        eur("17.50"),
    )
    night = next(line for line in folio.lines if line.description == "Night 1")
    assert night.on == TODAY - timedelta(2)


@pytest.mark.parametrize("method", [PaymentMethod.CASH, PaymentMethod.OTHER, PaymentMethod.CARD])
def test_post_payment_is_on_the_folio_with_its_reference(
    pms: MewsConnector, method: PaymentMethod
) -> None:
    stay = pms.find_by_confirmation("4705")
    payment = PaymentRecord(
        eur("85.00"),
        method,
        "LANE-0001",
        card_brand="Visa",
        masked_card="411111******1111",
        card_expiry="12/2029",
        cardholder="MARCO ROSSI",
    )
    assert pms.post_payment(stay.stay_id, payment)
    folio = pms.folio(stay.stay_id)
    assert folio.paid_with("LANE-0001")
    assert folio.balance == eur("200.00")
    assert pms.stay(stay.stay_id).paid == eur("85.00")


def test_a_card_payment_with_a_full_card_number_is_refused_by_mews(pms: MewsConnector) -> None:
    stay = pms.find_by_confirmation("4705")
    payment = PaymentRecord(
        eur("1.00"), PaymentMethod.CARD, "LANE-2", masked_card="4111111111111111"
    )
    with pytest.raises(PmsError) as error:
        pms.post_payment(stay.stay_id, payment)
    assert error.value.kind is PmsErrorKind.INVALID
    assert "CreditCard" in error.value.message
    assert "4111111111111111" not in error.value.message


# -- check-out ---------------------------------------------------------------------


def test_check_out_refused_with_a_balance_then_done_when_paid(
    pms: MewsConnector, sim: MewsSimulator
) -> None:
    stay = pms.find_by_confirmation("4706")
    with pytest.raises(PmsError) as error:
        pms.check_out(stay.stay_id)
    assert refused(error, RefusalCode.OPEN_BALANCE)
    pms.post_payment(stay.stay_id, PaymentRecord(eur("17.50"), PaymentMethod.CASH, "LANE-9"))
    assert pms.check_out(stay.stay_id).state is StayState.CHECKED_OUT
    assert sim.hotel.resources[guid("room-118")]["State"] == "Dirty"


def test_check_out_refused_before_check_in_and_before_the_last_day(pms: MewsConnector) -> None:
    expected = pms.find_by_confirmation("4701")
    with pytest.raises(PmsError) as error:
        pms.check_out(expected.stay_id)
    assert refused(error, RefusalCode.WRONG_STATE)
    pms.check_in(expected.stay_id)
    with pytest.raises(PmsError) as error:
        pms.check_out(expected.stay_id)
    assert refused(error, RefusalCode.TOO_EARLY)


def test_the_driver_is_a_property_management_port(pms: MewsConnector) -> None:
    port: PropertyManagement = pms  # checked by mypy: every method of the contract, same types
    assert port.find_by_confirmation("4704").due == eur("0")
