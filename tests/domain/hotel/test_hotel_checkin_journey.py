"""The hotel check-in, step by step: find the stay, the guests' IDs, the card, payment, keys."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hotel_domain_factories import (
    ADDRESS,
    ANA,
    LUIS,
    NOW,
    OWNER,
    ROOM,
    SETTINGS,
    STAY,
    TODAY,
    Journey,
    World,
    checked_in_journey,
    details,
    eur,
    mrz,
)

from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.pms import StayState
from kiosk.domain.hotel.states import (
    DepositState,
    GuestCheck,
    HotelState,
    IllegalEvent,
    Outcome,
    Step,
)


def test_a_two_guest_check_in_from_confirmation_number_to_two_keys() -> None:
    # GIVEN the stay found by its confirmation number
    j = Journey()
    j.send(ev.ConfirmationEntered("4701", NOW))
    assert j.state.step is Step.STAY
    assert j.state.stay == STAY
    assert [g.guest_id for g in j.state.guests] == ["g1", "new-1"]
    # WHEN both IDs are read and the register's details typed
    j.send(ev.StayConfirmed(NOW))
    assert (j.state.step, j.state.document_for) == (Step.GUESTS, "g1")
    j.send(ev.DocumentScanned(ANA, NOW))
    assert (j.state.step, j.state.details_for) == (Step.DETAILS, "g1")
    assert set(j.state.guest("g1").missing) == {"birth_place", "residence_country"}
    j.send(details("g1"))
    assert j.state.document_for == "new-1"
    j.send(ev.DocumentScanned(LUIS, NOW))
    j.send(details("new-1"))
    # THEN both are registered at the PMS (a profile for the companion first)
    assert all(g.check is GuestCheck.DONE for g in j.state.guests)
    assert [type(e).__name__ for e in j.world.pms_log[1:]] == [
        "UpdateGuest",
        "AddCompanion",
        "UpdateGuest",
    ]
    assert all(g.identity is None for g in j.state.guests)  # dropped once the PMS has it
    assert j.state.step is Step.REGISTRATION
    # the card: signed (a reference to the image), printed
    j.send(ev.CardSigned("sig-1", "es", NOW))
    j.send(ev.CardDeliveryChosen(ev.Delivery.PRINT, NOW))
    assert j.world.printed == ["card:s1"]
    card = j.of(fx.PrintRegistrationCard)[0].card
    assert (card.signature_ref, card.language) == ("sig-1", "es")
    # the balance (260.00), then the deposit (150.00)
    assert j.state.step is Step.PAYING
    assert j.state.balance_due() == eur(26000)
    j.send(ev.PayRequested(NOW))
    assert j.state.balance_due() == eur(0)
    assert j.of(fx.PostPayment)[0].payment.amount == eur(26000)
    assert j.state.step is Step.PAYING
    j.send(ev.PayRequested(NOW))
    assert j.state.deposit_state is DepositState.AUTHORISED
    assert j.state.deposit_ref
    # checked in at the PMS, room 204: two keys, each confirmed
    assert j.state.checked_in
    assert j.state.step is Step.KEYS
    j.send(ev.KeyCountChosen(2, NOW))
    assert j.world.encoded == [(1, True), (2, False)]
    assert j.state.step is Step.DONE
    assert j.state.outcome is Outcome.COMPLETED
    assert j.state.keys_encoded() == 2
    key = j.of(fx.EncodeKey)[0]
    assert (key.room, key.count, key.valid_until) == ("204", 2, STAY.departure_at)


def test_the_deposit_is_not_captured_at_check_in_and_only_sales_are_posted() -> None:
    j = checked_in_journey()
    purposes = [type(p).__name__ for p in j.world.payments]
    assert purposes == ["ChargeBalance", "PreauthoriseDeposit"]
    assert len(j.of(fx.PostPayment)) == 1
    assert j.state.money_taken() == eur(26000)


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_one_to_four_keys_each_confirmed(count: int) -> None:
    j = checked_in_journey()
    j.send(ev.KeyCountChosen(count, NOW))
    assert [n for n, _ in j.world.encoded] == list(range(1, count + 1))
    assert [first for _, first in j.world.encoded] == [True] + [False] * (count - 1)
    assert j.state.keys_encoded() == count


@pytest.mark.parametrize("count", [0, 5, -1])
def test_an_impossible_key_count_is_a_notice(count: int) -> None:
    j = checked_in_journey()
    j.send(ev.KeyCountChosen(count, NOW))
    assert (j.state.step, j.state.notice) == (Step.KEYS, "key_count_invalid")
    assert j.world.encoded == []


def test_the_lane_may_offer_fewer_keys() -> None:
    j = checked_in_journey()
    j.state = replace(j.state, settings=replace(SETTINGS, max_keys=2))
    j.send(ev.KeyCountChosen(3, NOW))
    assert dict(j.state.notice_params) == {"most": "2"}


def test_a_key_is_never_reported_before_the_encoder_confirms_it() -> None:
    j = checked_in_journey()
    machine = j.machine
    state, effects = machine.handle(j.state, ev.KeyCountChosen(2, NOW), NOW)
    assert isinstance(effects[0], fx.EncodeKey)
    assert state.keys_encoded() == 0
    assert state.encoding == 1
    with pytest.raises(IllegalEvent, match=r"KeyEncoded.*key 2 is not at the encoder"):
        machine.handle(state, ev.KeyEncoded(2, "204", NOW), NOW)
    state, effects = machine.handle(state, ev.KeyEncoded(1, "204", NOW), NOW)
    assert state.keys_encoded() == 1
    assert effects[0].key_no == 2  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("code", "scanned", "by"), [("4701", False, "confirmation"), ("MEWS:QR:4701", True, "qr")]
)
def test_the_confirmation_typed_or_from_the_email_qr(code: str, scanned: bool, by: str) -> None:
    j = Journey()
    j.send(ev.ConfirmationEntered(code, NOW, scanned=scanned))
    assert j.world.pms_log[0] == fx.FindByConfirmation(code)
    assert (j.state.step, j.state.identified_by) == (Step.STAY, by)


def test_an_empty_confirmation_is_a_notice_and_starts_nothing() -> None:
    j = Journey()
    j.send(ev.ConfirmationEntered("  ", NOW))
    assert (j.state.notice, j.state.started_at) == ("confirmation_invalid", None)


def test_surname_and_arrival_date_find_the_stay() -> None:
    j = Journey()
    j.send(ev.SurnameEntered("  garcía  ", TODAY, NOW))
    assert j.world.pms_log[0] == fx.FindBySurname("garcía", TODAY)
    assert j.state.step is Step.STAY


def test_several_stays_found_the_guest_picks_one() -> None:
    other = replace(STAY, stay_id="s2", confirmation_number="4702")
    j = Journey(World(stays_by_name=(STAY, other)))
    j.send(ev.SurnameEntered("Garcia", TODAY, NOW))
    assert j.state.step is Step.PICK_STAY
    assert [s.stay_id for s in j.state.candidates] == ["s1", "s2"]
    j.send(ev.StayPicked("nope", NOW))
    assert j.state.notice == "stay_unknown"
    j.send(ev.StayPicked("s2", NOW))
    assert (j.state.step, j.state.stay.stay_id) == (Step.STAY, "s2")


def test_an_id_finds_the_stay_and_counts_as_its_holders_document() -> None:
    j = Journey()
    j.send(ev.DocumentScanned(ANA, NOW))
    effect = j.world.pms_log[0]
    assert effect == fx.FindByGuestName("GARCIA LOPEZ", "ANA", TODAY)
    assert j.state.identified_by == "document"
    j.send(ev.StayConfirmed(NOW))
    # Ana's passport was used at once: her details are asked, not her ID again
    assert (j.state.step, j.state.details_for) == (Step.DETAILS, "g1")
    assert j.state.identity is None


@pytest.mark.parametrize(
    ("stay", "notice"),
    [
        (replace(STAY, state=StayState.CHECKED_IN), "already_checked_in"),
        (replace(STAY, state=StayState.CANCELED), "booking_not_valid"),
        (replace(STAY, arrival=TODAY + timedelta(days=1)), "too_early"),
        (replace(STAY, arrival=TODAY - timedelta(days=3), departure=TODAY), "booking_not_valid"),
    ],
)
def test_a_stay_that_cannot_check_in_here_is_a_notice(stay, notice: str) -> None:
    j = Journey(World(stay=stay))
    j.send(ev.ConfirmationEntered("4701", NOW))
    assert (j.state.step, j.state.notice, j.state.stay) == (Step.WELCOME, notice, None)


def test_a_late_arrival_may_still_check_in() -> None:
    stay = replace(STAY, arrival=TODAY - timedelta(days=1))
    j = Journey(World(stay=stay))
    j.send(ev.ConfirmationEntered("4701", NOW))
    assert j.state.step is Step.STAY


def test_nothing_found_is_a_notice_until_the_third_time() -> None:
    j = Journey(World(stays_by_name=()))
    j.send(ev.SurnameEntered("Nobody", TODAY, NOW))
    assert (j.state.step, j.state.notice, j.state.find_misses) == (
        Step.WELCOME,
        "booking_not_found",
        1,
    )
    j.send(ev.SurnameEntered("Nobody", TODAY, NOW))
    j.send(ev.SurnameEntered("Nobody", TODAY, NOW))
    assert j.state.step is Step.INTERVENTION
    assert j.state.intervention.kind.value == "booking_not_found"


def test_a_document_matches_the_booked_name_tolerantly() -> None:
    """The booking says "García López"; the passport GARCIA<LOPEZ; the guest's second
    surname may be missing on either side."""
    for surname in ("GARCIA LOPEZ", "GARCIA"):
        j = Journey(World(stay=replace(STAY, guests=(replace(OWNER, surname="García"),))))
        j.send(ev.ConfirmationEntered("4701", NOW))
        j.send(ev.StayConfirmed(NOW))
        j.send(ev.DocumentScanned(mrz(surname, "ANA MARIA"), NOW))
        assert j.state.guest("g1").document is not None, surname


def test_the_companions_document_may_come_first() -> None:
    j = Journey(
        World(
            stay=replace(
                STAY,
                guests=(OWNER, replace(OWNER, guest_id="g2", surname="Martín", given_names="Luis")),
            )
        )
    )
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    assert j.state.document_for == "g1"
    j.send(ev.DocumentScanned(LUIS, NOW))
    assert j.state.guest("g2").document is not None
    assert j.state.guest("g1").document is None


def test_an_unreadable_document_is_retried_then_staff() -> None:
    from hotel_domain_factories import GARBLED

    j = Journey()
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    j.send(ev.DocumentScanned(GARBLED, NOW))
    assert (j.state.notice, dict(j.state.notice_params)) == (
        "document_unreadable",
        {"attempts_left": "2"},
    )
    j.send(ev.DocumentScanned(("garbage",), NOW))
    j.send(ev.DocumentScanned(mrz(code="V"), NOW))  # a visa is no identity document
    assert j.state.intervention.kind.value == "document_failed"


def test_a_child_without_an_id_is_registered_with_their_adult() -> None:
    j = Journey(World(stay=replace(STAY, children=1)))
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    for document, gid in ((ANA, "g1"), (LUIS, "new-1")):
        j.send(ev.DocumentScanned(document, NOW))
        j.send(details(gid))
    assert (j.state.step, j.state.children_missing) == (Step.GUESTS, 1)
    from kiosk.domain.hotel.register import Relationship

    j.send(ev.MinorAdded("Martín", "Sofía", date(2019, 5, 1), "child-1", Relationship.PARENT, NOW))
    assert j.state.notice == "guardian_unknown"
    j.send(ev.MinorAdded("Martín", "Sofía", date(2000, 5, 1), "g1", Relationship.PARENT, NOW))
    assert j.state.notice == "not_a_minor"
    j.send(ev.MinorAdded("Martín", "Sofía", date(2019, 5, 1), "g1", Relationship.PARENT, NOW))
    assert (j.state.step, j.state.guest("child-1").missing) == (Step.DETAILS, ("sex",))
    j.send(ev.GuestDetailsEntered("child-1", NOW, sex="f"))
    child = j.state.guest("child-1")
    assert child.minor
    assert child.check is GuestCheck.DONE
    assert child.data.guardian_id == "g1"
    assert isinstance(j.world.pms_log[-1], fx.AddCompanion)
    assert j.state.step is Step.REGISTRATION
    with pytest.raises(IllegalEvent, match="MinorAdded in step registration"):
        j.send(ev.MinorAdded("Martín", "Pablo", date(2019, 5, 1), "g1", Relationship.PARENT, NOW))


def test_a_child_the_booking_does_not_hold_is_a_notice() -> None:
    from kiosk.domain.hotel.register import Relationship

    j = Journey()
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    j.send(ev.MinorAdded("Martín", "Pablo", date(2019, 5, 1), "g1", Relationship.PARENT, NOW))
    assert (j.state.notice, j.state.minors()) == ("no_child_expected", ())


def test_a_childs_passport_registers_them_when_the_booking_expects_a_child() -> None:
    j = Journey(World(stay=replace(STAY, adults=1, children=1)))
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    j.send(ev.DocumentScanned(ANA, NOW))
    j.send(details("g1"))
    kid = mrz("MARTIN", "SOFIA", birth=date(2012, 1, 1), number="PKD111222")
    j.send(ev.DocumentScanned(kid, NOW))
    child = j.state.guest("child-1")
    assert child is not None
    assert child.minor
    assert child.document is not None
    # Portugal's register asks a foreign minor's relationship to the adult
    assert (j.state.step, j.state.details_for) == (Step.DETAILS, "child-1")
    from kiosk.domain.hotel.register import Relationship

    j.send(ev.GuestDetailsEntered("child-1", NOW, relationship=Relationship.PARENT))
    assert j.state.guest("child-1").check is GuestCheck.DONE


def test_details_still_missing_are_named_in_the_notice() -> None:
    j = Journey()
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    j.send(ev.DocumentScanned(ANA, NOW))
    j.send(ev.GuestDetailsEntered("g1", NOW, birth_place="Sevilla"))
    assert (j.state.step, j.state.notice) == (Step.DETAILS, "details_missing")
    assert dict(j.state.notice_params) == {"fields": "residence_country"}
    j.send(ev.GuestDetailsEntered("new-1", NOW, address=ADDRESS))
    assert j.state.notice == "details_not_needed"


def test_the_card_may_be_emailed_or_not_taken() -> None:
    j = Journey()
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    for document, gid in ((ANA, "g1"), (LUIS, "new-1")):
        j.send(ev.DocumentScanned(document, NOW))
        j.send(details(gid))
    j.send(ev.CardDeliveryChosen(ev.Delivery.EMAIL, NOW))
    assert j.state.notice == "sign_first"
    j.send(ev.CardSigned(" ", "es", NOW))
    assert j.state.notice == "signature_missing"
    j.send(ev.CardSigned("sig-9", "fr", NOW))
    j.send(ev.CardDeliveryChosen(ev.Delivery.EMAIL, NOW))
    sent = j.of(fx.EmailRegistrationCard)[0]
    assert (sent.email, sent.card.signature_ref) == ("ana@example.com", "sig-9")
    assert j.state.step is Step.PAYING


def test_nothing_to_pay_and_no_deposit_goes_straight_to_the_room() -> None:
    stay = replace(STAY, paid=STAY.total, deposit=None)
    j = Journey(World(stay=stay))
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    for document, gid in ((ANA, "g1"), (LUIS, "new-1")):
        j.send(ev.DocumentScanned(document, NOW))
        j.send(details(gid))
    j.send(ev.CardSigned("sig", "en", NOW))
    j.send(ev.CardDeliveryChosen(ev.Delivery.NONE, NOW))
    assert j.state.step is Step.KEYS
    assert j.world.payments == []


def test_a_lane_deposit_applies_when_the_stay_names_none() -> None:
    state = HotelState.start(replace(SETTINGS, deposit=eur(5000)), "V1")
    assert replace(state, stay=replace(STAY, deposit=None)).deposit_wanted() == eur(5000)
    assert replace(state, stay=STAY).deposit_wanted() == eur(15000)
    assert replace(state, stay=STAY, deposit_state=DepositState.WAIVED).deposit_wanted() is None


def test_a_declined_payment_is_tried_again_by_the_guest() -> None:
    world = World(payment={ev.PaymentPurpose.BALANCE: "declined"})
    j = checked_in_journey(world)
    assert (j.state.step, j.state.declines) == (Step.PAYING, 2)
    assert j.state.payment_failure == "Refusal"
    world.payment.clear()
    j.send(ev.PayRequested(NOW))
    assert j.state.balance_due() == eur(0)


def test_the_spanish_register_wants_an_address_and_a_contact() -> None:
    settings = replace(SETTINGS, country="ES")
    j = Journey(settings=settings)
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    j.send(ev.DocumentScanned(ANA, NOW))  # Ana's profile has her e-mail
    assert set(j.state.guest("g1").missing) == {"address"}
    j.send(ev.GuestDetailsEntered("g1", NOW, address=ADDRESS))
    j.send(ev.DocumentScanned(LUIS, NOW))
    assert set(j.state.guest("new-1").missing) == {"address", "contact"}
    j.send(ev.GuestDetailsEntered("new-1", NOW, address=ADDRESS, phone="+34 600 000 000"))
    assert j.state.step is Step.REGISTRATION


def test_the_room_and_rate_are_shown_from_the_stay() -> None:
    j = Journey()
    j.send(ev.ConfirmationEntered("4701", NOW))
    s = j.state.stay
    assert (s.room_type, s.rate, s.nights, s.due) == ("Double room", "Flexible", 3, eur(26000))
    assert j.state.room == ROOM


def test_the_keys_screen_suggests_one_key_per_adult_within_the_limit() -> None:
    j = checked_in_journey()
    assert (j.state.suggested_keys, j.state.most_keys) == (2, 4)
    solo = replace(j.state, stay=replace(STAY, adults=6))
    assert solo.suggested_keys == 4
    assert replace(solo, settings=replace(SETTINGS, max_keys=9)).most_keys == 4
