"""Every intervention of the hotel journey, and every verdict staff may give on it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hotel_domain_factories import (
    ANA,
    GARBLED,
    LUIS,
    NOW,
    OWNER,
    STAY,
    TODAY,
    Journey,
    World,
    checked_in_journey,
    details,
    eur,
    failure,
    mrz,
)

from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.interventions import VERDICT_MEANING, VERDICTS, HotelInterventionKind
from kiosk.domain.hotel.pms import RoomState, StayState
from kiosk.domain.hotel.states import DepositState, GuestCheck, IllegalEvent, Outcome, Step

K = HotelInterventionKind
V = Verdict
SOLO = replace(STAY, adults=1)


def verdict(j: Journey, kind: K, v: Verdict) -> None:
    assert j.state.step is Step.INTERVENTION
    assert j.state.intervention is not None
    assert j.state.intervention.kind is kind
    j.send(ev.AgentVerdict(kind, v, "staff-7", NOW))


def at_guests(world: World | None = None) -> Journey:
    j = Journey(world)
    j.send(ev.ConfirmationEntered("4701", NOW))
    j.send(ev.StayConfirmed(NOW))
    return j


def to_registration(world: World | None = None) -> Journey:
    j = at_guests(world)
    for document, gid in ((ANA, "g1"), (LUIS, "new-1")):
        j.send(ev.DocumentScanned(document, NOW))
        j.send(details(gid))
    j.send(ev.CardSigned("sig-1", "en", NOW))
    return j


def test_every_kind_has_verdicts_and_each_verdict_a_meaning() -> None:
    assert set(VERDICTS) == set(K)
    assert set(VERDICT_MEANING) == {(k, v) for k, vs in VERDICTS.items() for v in vs}


def cancelled_by_staff(j: Journey) -> None:
    assert j.state.step is Step.DONE
    assert j.state.outcome is Outcome.CANCELLED
    resolved = j.state.interventions[-1]
    assert (resolved.staff_id, resolved.verdict) == ("staff-7", V.REFUSE)
    assert len(j.of(fx.CommitCheckin)) == 1


# --- booking not found ------------------------------------------------------------------


def not_found() -> Journey:
    j = Journey(World(stays_by_name=()))
    for _ in range(3):
        j.send(ev.SurnameEntered("Nobody", TODAY, NOW))
    return j


def test_booking_not_found_retry_lets_the_guest_search_again() -> None:
    j = not_found()
    verdict(j, K.BOOKING_NOT_FOUND, V.RETRY)
    assert (j.state.step, j.state.find_misses) == (Step.WELCOME, 0)
    assert j.of(fx.AgentCleared) == [fx.AgentCleared(K.BOOKING_NOT_FOUND)]


def test_booking_not_found_refuse_ends_the_visit() -> None:
    j = not_found()
    verdict(j, K.BOOKING_NOT_FOUND, V.REFUSE)
    cancelled_by_staff(j)


# --- documents --------------------------------------------------------------------------


def unreadable() -> Journey:
    j = at_guests()
    for _ in range(3):
        j.send(ev.DocumentScanned(GARBLED, NOW))
    return j


def test_document_failed_retry_reads_again_with_the_retries_anew() -> None:
    j = unreadable()
    verdict(j, K.DOCUMENT_FAILED, V.RETRY)
    assert (j.state.step, j.state.document_for) == (Step.GUESTS, "g1")
    assert j.state.guest("g1").read_failures == 0
    j.send(ev.DocumentScanned(ANA, NOW))
    assert j.state.guest("g1").document is not None


def test_document_failed_refuse_ends_the_visit() -> None:
    j = unreadable()
    verdict(j, K.DOCUMENT_FAILED, V.REFUSE)
    cancelled_by_staff(j)


def mismatch() -> Journey:
    j = at_guests(World(stay=SOLO))
    j.send(ev.DocumentScanned(mrz("SMITH", "JOHN"), NOW))
    return j


def test_name_mismatch_accept_takes_the_document_for_the_guest_asked() -> None:
    j = mismatch()
    assert j.state.intervention.guest_id == "g1"
    verdict(j, K.NAME_MISMATCH, V.ACCEPT)
    guest = j.state.guest("g1")
    assert guest.document is not None
    assert guest.document.number_last4 == "3456"
    assert "name_mismatch" in guest.cleared
    assert j.state.step is Step.DETAILS


def test_name_mismatch_retry_asks_for_another_document() -> None:
    j = mismatch()
    verdict(j, K.NAME_MISMATCH, V.RETRY)
    assert (j.state.step, j.state.guest("g1").document) == (Step.GUESTS, None)
    assert j.state.pending is None


def test_name_mismatch_refuse_ends_the_visit() -> None:
    j = mismatch()
    verdict(j, K.NAME_MISMATCH, V.REFUSE)
    cancelled_by_staff(j)


def expired() -> Journey:
    j = at_guests()
    j.send(ev.DocumentScanned(mrz(expiry=date(2026, 12, 4)), NOW))
    return j


def test_a_document_valid_on_the_day_of_arrival_is_fine() -> None:
    j = at_guests()
    j.send(ev.DocumentScanned(mrz(expiry=TODAY), NOW))
    assert j.state.step is Step.DETAILS


def test_document_expired_accept_keeps_it() -> None:
    j = expired()
    assert j.state.intervention.detail == "expired on arrival"
    verdict(j, K.DOCUMENT_EXPIRED, V.ACCEPT)
    assert j.state.guest("g1").document.expiry == date(2026, 12, 4)
    assert j.state.step is Step.DETAILS


def test_document_expired_retry_reads_another() -> None:
    j = expired()
    verdict(j, K.DOCUMENT_EXPIRED, V.RETRY)
    assert (j.state.step, j.state.document_for) == (Step.GUESTS, "g1")
    j.send(ev.DocumentScanned(ANA, NOW))
    assert j.state.guest("g1").document.expiry == date(2031, 4, 15)


def test_document_expired_refuse_ends_the_visit() -> None:
    j = expired()
    verdict(j, K.DOCUMENT_EXPIRED, V.REFUSE)
    cancelled_by_staff(j)


def incomplete() -> Journey:
    """A mononym's document under a register that wants given names."""
    stay = replace(SOLO, guests=(replace(OWNER, surname="Garcia", given_names=""),))
    j = at_guests(World(stay=stay))
    j.send(ev.DocumentScanned(mrz("GARCIA", ""), NOW))
    return j


def test_register_incomplete_accept_goes_on_and_the_record_keeps_what_is_missing() -> None:
    j = incomplete()
    assert j.state.intervention.detail == "given_names"
    verdict(j, K.REGISTER_INCOMPLETE, V.ACCEPT)
    assert j.state.step is Step.DETAILS
    j.send(details("g1"))
    guest = j.state.guest("g1")
    assert guest.check is GuestCheck.DONE
    assert guest.missing == ("given_names",)


def test_register_incomplete_retry_reads_another_document() -> None:
    j = incomplete()
    verdict(j, K.REGISTER_INCOMPLETE, V.RETRY)
    assert (j.state.step, j.state.guest("g1").check) == (Step.GUESTS, GuestCheck.NEEDED)


def test_register_incomplete_refuse_ends_the_visit() -> None:
    j = incomplete()
    verdict(j, K.REGISTER_INCOMPLETE, V.REFUSE)
    cancelled_by_staff(j)


# --- payment ------------------------------------------------------------------------------


def test_payment_unknown_accept_counts_it_confirmed_and_posts_it() -> None:
    world = World(payment={ev.PaymentPurpose.BALANCE: "unknown"})
    j = checked_in_journey(world)
    assert j.state.intervention.kind is K.PAYMENT_FAILED
    assert len(world.payments) == 1  # never retried by itself
    verdict(j, K.PAYMENT_FAILED, V.ACCEPT)
    assert j.state.payments[0].outcome == "confirmed"
    assert j.state.balance_due() == eur(0)
    assert j.of(fx.PostPayment)[0].payment.amount == eur(26000)


def test_payment_unknown_refuse_asks_to_pay_again() -> None:
    world = World(payment={ev.PaymentPurpose.BALANCE: "unknown"})
    j = checked_in_journey(world)
    verdict(j, K.PAYMENT_FAILED, V.REFUSE)
    assert j.state.payments[0].outcome == "failed"
    assert (j.state.step, j.state.balance_due()) == (Step.PAYING, eur(26000))
    assert j.of(fx.PostPayment) == []


def declined_three_times() -> Journey:
    world = World(payment={ev.PaymentPurpose.BALANCE: "declined"})
    j = checked_in_journey(world)
    j.send(ev.PayRequested(NOW))
    return j


def test_too_many_declines_accept_settles_the_balance_at_the_desk() -> None:
    j = declined_three_times()
    verdict(j, K.PAYMENT_FAILED, V.ACCEPT)
    assert j.state.payments[-1].outcome == "waived"
    assert j.state.balance_due() == eur(0)
    assert j.state.money_taken() == eur(0)
    assert j.of(fx.PostPayment) == []  # nothing taken by the lane: nothing to post


def test_too_many_declines_refuse_lets_the_guest_try_again() -> None:
    j = declined_three_times()
    verdict(j, K.PAYMENT_FAILED, V.REFUSE)
    assert (j.state.step, j.state.declines) == (Step.PAYING, 0)


def test_a_deposit_declined_three_times_may_be_waived() -> None:
    world = World(payment={ev.PaymentPurpose.DEPOSIT: "declined"})
    j = checked_in_journey(world)
    j.send(ev.PayRequested(NOW))
    j.send(ev.PayRequested(NOW))
    verdict(j, K.PAYMENT_FAILED, V.ACCEPT)
    assert j.state.deposit_state is DepositState.WAIVED
    assert j.state.step is Step.KEYS


def test_a_deposit_of_unknown_outcome_confirmed_is_held() -> None:
    world = World(payment={ev.PaymentPurpose.DEPOSIT: "unknown"})
    j = checked_in_journey(world)
    verdict(j, K.PAYMENT_FAILED, V.ACCEPT)
    assert j.state.deposit_state is DepositState.AUTHORISED
    assert j.state.deposit_amount == eur(15000)


# --- keys and room -----------------------------------------------------------------------


def test_encoder_failed_retry_encodes_the_key_that_failed() -> None:
    j = checked_in_journey(World(encoder_fail=[2]))
    j.send(ev.KeyCountChosen(3, NOW))
    assert j.state.keys_encoded() == 1
    assert j.state.intervention.detail == "key 2: no_card"
    verdict(j, K.ENCODER_FAILED, V.RETRY)
    assert [n for n, _ in j.world.encoded] == [1, 2, 3]
    assert j.state.outcome is Outcome.COMPLETED


def test_encoder_failed_on_the_first_key_retries_it_as_the_new_key() -> None:
    j = checked_in_journey(World(encoder_fail=[1]))
    j.send(ev.KeyCountChosen(2, NOW))
    verdict(j, K.ENCODER_FAILED, V.RETRY)
    assert j.world.encoded == [(1, True), (2, False)]


def test_encoder_failed_accept_finishes_with_the_keys_made() -> None:
    j = checked_in_journey(World(encoder_fail=[2]))
    j.send(ev.KeyCountChosen(2, NOW))
    verdict(j, K.ENCODER_FAILED, V.ACCEPT)
    assert (j.state.step, j.state.keys_encoded()) == (Step.DONE, 1)
    record = j.record().record
    assert (record.keys_requested, record.keys_encoded) == (2, 1)


def room_refused() -> Journey:
    world = World()
    world.fail[ev.Call.CHECK_IN] = failure(ev.Call.CHECK_IN, "refused", "room_not_ready")
    return checked_in_journey(world)


def test_room_not_ready_retry_checks_in_again() -> None:
    j = room_refused()
    assert j.state.intervention.detail == "room_not_ready"
    verdict(j, K.ROOM_NOT_READY, V.RETRY)
    assert (j.state.step, j.state.checked_in) == (Step.KEYS, True)


def test_room_not_ready_accept_leaves_the_luggage_and_tells_the_guest_later() -> None:
    j = room_refused()
    verdict(j, K.ROOM_NOT_READY, V.ACCEPT)
    assert j.of(fx.NotifyWhenRoomReady) == [fx.NotifyWhenRoomReady("s1", "ana@example.com", "")]
    assert (j.state.step, j.state.outcome, j.state.luggage_left) == (
        Step.DONE,
        Outcome.COMPLETED,
        True,
    )
    assert j.world.encoded == []


def test_room_not_ready_refuse_releases_the_deposit_then_ends() -> None:
    j = room_refused()
    verdict(j, K.ROOM_NOT_READY, V.REFUSE)
    assert isinstance(j.world.payments[-1], fx.ReleaseDeposit)
    assert j.state.deposit_state is DepositState.RELEASED
    cancelled_by_staff(j)


def test_a_dirty_room_given_at_check_in_waits_until_the_pms_says_it_is_ready() -> None:
    world = World(room_after_check_in=replace(STAY.room, state=RoomState.DIRTY))
    j = checked_in_journey(world)
    assert j.state.checked_in
    assert j.state.intervention.detail == "room 204 dirty"
    verdict(j, K.ROOM_NOT_READY, V.RETRY)  # still dirty: asked again
    assert j.state.intervention.kind is K.ROOM_NOT_READY
    world.stay = replace(world.stay, room=STAY.room)
    verdict(j, K.ROOM_NOT_READY, V.RETRY)
    assert isinstance(j.world.pms_log[-1], fx.FetchStay)
    assert j.state.step is Step.KEYS


# --- the PMS and the printer -----------------------------------------------------------


def test_pms_unreachable_retry_repeats_the_call() -> None:
    world = World()
    world.fail[ev.Call.FIND_BY_CONFIRMATION] = failure(ev.Call.FIND_BY_CONFIRMATION)
    j = Journey(world)
    j.send(ev.ConfirmationEntered("4701", NOW))
    assert j.state.intervention.detail == "find_by_confirmation"
    verdict(j, K.PMS_UNREACHABLE, V.RETRY)
    assert j.state.step is Step.STAY


def test_pms_unreachable_refuse_ends_the_visit() -> None:
    world = World()
    world.fail[ev.Call.FIND_BY_CONFIRMATION] = failure(ev.Call.FIND_BY_CONFIRMATION)
    j = Journey(world)
    j.send(ev.ConfirmationEntered("4701", NOW))
    verdict(j, K.PMS_UNREACHABLE, V.REFUSE)
    cancelled_by_staff(j)


def test_not_found_by_confirmation_is_a_miss_not_an_intervention() -> None:
    world = World()
    world.fail[ev.Call.FIND_BY_CONFIRMATION] = failure(ev.Call.FIND_BY_CONFIRMATION, "not_found")
    j = Journey(world)
    j.send(ev.ConfirmationEntered("9999", NOW))
    assert (j.state.step, j.state.notice) == (Step.WELCOME, "booking_not_found")


@pytest.mark.parametrize("v", [V.RETRY, V.REFUSE])
def test_pms_refused_a_companion(v: Verdict) -> None:
    world = World()
    world.fail[ev.Call.ADD_COMPANION] = failure(ev.Call.ADD_COMPANION, "refused", "full")
    j = at_guests(world)
    j.send(ev.DocumentScanned(ANA, NOW))
    j.send(details("g1"))
    j.send(ev.DocumentScanned(LUIS, NOW))
    j.send(details("new-1"))
    assert j.state.intervention.detail == "add_companion: full"
    verdict(j, K.PMS_REFUSED, v)
    if v is V.RETRY:
        assert j.state.guest("new-1").check is GuestCheck.DONE
    else:
        cancelled_by_staff(j)


def test_printer_out_fixed_prints_again() -> None:
    j = to_registration(World(print_fail=["card:s1"]))
    j.send(ev.CardDeliveryChosen(ev.Delivery.PRINT, NOW))
    assert j.state.intervention.detail == "card:s1"
    verdict(j, K.PRINTER_OUT, V.FIXED)
    assert j.world.printed == ["card:s1"]
    assert j.state.step is Step.PAYING


def test_printer_out_accept_hands_the_card_over_at_the_desk() -> None:
    j = to_registration(World(print_fail=["card:s1"]))
    j.send(ev.CardDeliveryChosen(ev.Delivery.PRINT, NOW))
    verdict(j, K.PRINTER_OUT, V.ACCEPT)
    assert j.world.printed == []
    assert (j.state.step, j.state.card_delivered) == (Step.PAYING, True)


# --- verdicts that do not apply, cancel, idle -----------------------------------------------


def test_a_verdict_for_another_intervention_or_one_that_does_not_apply_is_illegal() -> None:
    j = not_found()
    with pytest.raises(IllegalEvent, match="no open intervention of kind printer_out"):
        j.send(ev.AgentVerdict(K.PRINTER_OUT, V.FIXED, "s", NOW))
    with pytest.raises(IllegalEvent, match="verdict accept does not apply to booking_not_found"):
        j.send(ev.AgentVerdict(K.BOOKING_NOT_FOUND, V.ACCEPT, "s", NOW))
    with pytest.raises(IllegalEvent, match="AgentVerdict in step welcome"):
        Journey().send(ev.AgentVerdict(K.PRINTER_OUT, V.FIXED, "s", NOW))


def test_the_guest_cancels_before_paying() -> None:
    j = at_guests()
    j.send(ev.Cancelled(NOW))
    assert (j.state.step, j.state.outcome) == (Step.DONE, Outcome.CANCELLED)


def test_the_guest_cannot_cancel_once_money_was_taken_but_staff_can() -> None:
    j = to_registration()
    j.send(ev.CardDeliveryChosen(ev.Delivery.NONE, NOW))
    j.send(ev.PayRequested(NOW))
    j.send(ev.PayRequested(NOW))  # the deposit held
    assert j.state.step is Step.KEYS
    j.send(ev.Cancelled(NOW))
    assert j.state.notice == "cancel_needs_agent"
    j.send(ev.Cancelled(NOW, staff_id="staff-7"))
    # checked in at the PMS: the deposit stays for check-out
    assert j.state.outcome is Outcome.CANCELLED
    assert not any(isinstance(p, fx.ReleaseDeposit) for p in j.world.payments)


def test_a_cancel_before_the_pms_check_in_releases_the_deposit() -> None:
    j = to_registration(World(stay=replace(STAY, paid=STAY.total)))
    j.send(ev.CardDeliveryChosen(ev.Delivery.NONE, NOW))
    j.world.fail[ev.Call.CHECK_IN] = failure(ev.Call.CHECK_IN)
    j.send(ev.PayRequested(NOW))  # the deposit held, then the PMS is down
    assert j.state.deposit_state is DepositState.AUTHORISED
    j.send(ev.Cancelled(NOW))
    assert j.state.deposit_state is DepositState.RELEASED
    assert j.state.outcome is Outcome.CANCELLED


def test_idle_abandons_and_idle_past_the_check_in_completes() -> None:
    j = at_guests()
    j.send(ev.IdleTimedOut(NOW))
    assert (j.state.step, j.state.outcome) == (Step.DONE, Outcome.ABANDONED)
    k = checked_in_journey()
    k.send(ev.IdleTimedOut(NOW))
    assert (k.state.step, k.state.outcome) == (Step.DONE, Outcome.COMPLETED)


def test_idle_on_an_untouched_welcome_screen_changes_nothing() -> None:
    j = Journey()
    before = j.state
    j.send(ev.IdleTimedOut(NOW))
    assert j.state == before
    assert j.effects == []


def test_reset_after_done_starts_a_new_visit_and_not_during_one() -> None:
    j = at_guests()
    j.send(ev.Cancelled(NOW))
    j.send(ev.Reset("V2", NOW))
    assert (j.state.step, j.state.checkin_id, j.state.stay) == (Step.WELCOME, "V2", None)
    k = Journey(World(stays_by_name=()))
    k.send(ev.SurnameEntered("Nobody", TODAY, NOW))
    with pytest.raises(IllegalEvent, match="a visit is under way"):
        k.send(ev.Reset("V3", NOW))


def test_nobody_cancels_while_a_call_is_in_flight() -> None:
    j = Journey()
    state, effects = j.machine.handle(j.state, ev.ConfirmationEntered("4701", NOW), NOW)
    assert effects == [fx.FindByConfirmation("4701")]
    for who in (None, "staff-7"):
        after, more = j.machine.handle(state, ev.Cancelled(NOW, staff_id=who), NOW)
        assert (after.notice, after.waiting, more) == ("busy", ev.Call.FIND_BY_CONFIRMATION, [])
    after, _ = j.machine.handle(state, ev.StayFound(STAY, NOW), NOW)
    assert after.step is Step.STAY


def test_a_checked_in_stay_without_a_room_calls_staff_before_any_key() -> None:
    j = Journey(World(stay=replace(STAY, state=StayState.CHECKED_IN, room=None)))
    j.send(ev.KeyHelpChosen(NOW))
    j.send(ev.RoomEntered("204", "García", NOW))
    j.send(ev.DocumentScanned(ANA, NOW))
    assert j.state.intervention.kind is K.ROOM_NOT_READY
    assert j.world.encoded == []
