"""Check-out (the deposit captured, adjusted then captured, or released; the rest by card)
and key help ("my key does not work": the ID checked again, then copies)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hotel_domain_factories import (
    ANA,
    FOLIO,
    NOW,
    STAY,
    Journey,
    World,
    eur,
    failure,
    mrz,
)

from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.interventions import HotelInterventionKind
from kiosk.domain.hotel.pms import Folio, FolioLine, FolioLineKind, StayState
from kiosk.domain.hotel.states import DepositState, IllegalEvent, Outcome, Purpose, Step

K = HotelInterventionKind
P = ev.PaymentPurpose
IN_HOUSE = replace(STAY, state=StayState.CHECKED_IN)


def folio(balance: int) -> Folio:
    """Nights 360.00 paid, and extras of ``balance`` (0: nothing more to pay)."""
    lines = [
        FolioLine("n1", FolioLineKind.CHARGE, "Nights", eur(36000)),
        FolioLine("p1", FolioLineKind.PAYMENT, "Card", eur(36000)),
    ]
    if balance:
        lines.append(FolioLine("m1", FolioLineKind.CHARGE, "Minibar", eur(balance)))
    return Folio("s1", tuple(lines), "EUR")


def at_folio(world: World | None = None, by_key: bool = True) -> Journey:
    j = Journey(world or World(stay=IN_HOUSE))
    if j.world.stay is STAY:
        j.world.stay = IN_HOUSE
    j.send(ev.CheckOutChosen(NOW))
    assert (j.state.step, j.state.purpose) == (Step.FIND_ROOM, Purpose.CHECK_OUT)
    if by_key:
        j.send(ev.KeyCardTapped(NOW))
    else:
        j.send(ev.RoomEntered(" 204 ", "García", NOW))
    assert j.state.step is Step.FOLIO
    return j


def capture_effects(j: Journey) -> list[fx.Effect]:
    return [p for p in j.world.payments if isinstance(p, fx.CaptureDeposit)]


def finish(j: Journey) -> None:
    j.send(ev.InvoiceChosen(ev.Delivery.PRINT, NOW))
    assert j.state.step is Step.DROP_KEYS
    j.send(ev.KeysDropped(NOW))
    assert (j.state.step, j.state.outcome) == (Step.DONE, Outcome.COMPLETED)


def test_check_out_by_key_card_captures_the_extras_from_the_deposit() -> None:
    j = at_folio()
    assert j.world.pms_log[0] == fx.FindByRoom("204", "")
    assert j.state.identified_by == "key_card"
    assert j.state.folio == FOLIO
    assert (j.state.deposit_ref, j.state.deposit_state) == ("PRE-1", DepositState.AUTHORISED)
    assert j.state.balance_due() == eur(1250)
    j.send(ev.FolioConfirmed(NOW))
    assert capture_effects(j) == [fx.CaptureDeposit("PRE-1", eur(1250))]
    assert j.state.deposit_state is DepositState.CAPTURED
    assert j.of(fx.PostPayment)[0].payment.amount == eur(1250)
    assert j.state.checked_out
    assert j.of(fx.VoidKeys) == [fx.VoidKeys("204")]
    assert j.state.step is Step.INVOICE
    finish(j)
    assert j.world.printed == ["invoice:s1"]
    assert j.state.money_taken() == eur(1250)


def test_check_out_by_room_and_surname() -> None:
    j = at_folio(by_key=False)
    assert j.world.pms_log[0] == fx.FindByRoom("204", "García")
    assert j.state.identified_by == "room"


def test_nothing_more_to_pay_releases_the_deposit() -> None:
    j = at_folio(World(stay=IN_HOUSE, folio=folio(0)))
    j.send(ev.FolioConfirmed(NOW))
    assert j.world.payments == [fx.ReleaseDeposit("PRE-1")]
    assert j.state.deposit_state is DepositState.RELEASED
    assert j.of(fx.PostPayment) == []
    finish(j)


def test_more_than_the_deposit_adjusts_then_captures() -> None:
    j = at_folio(World(stay=IN_HOUSE, folio=folio(20000)))
    j.send(ev.FolioConfirmed(NOW))
    assert j.world.payments == [
        fx.AdjustDeposit("PRE-1", eur(20000)),
        fx.CaptureDeposit("PRE-1", eur(20000)),
    ]
    assert j.state.balance_due() == eur(0)
    finish(j)


def test_an_adjustment_declined_captures_what_is_held_and_the_rest_is_paid_by_card() -> None:
    world = World(stay=IN_HOUSE, folio=folio(20000), payment={P.ADJUST: "declined"})
    j = at_folio(world)
    j.send(ev.FolioConfirmed(NOW))
    assert capture_effects(j) == [fx.CaptureDeposit("PRE-1", eur(15000))]
    assert (j.state.step, j.state.balance_due()) == (Step.PAYING, eur(5000))
    j.send(ev.PayRequested(NOW))
    assert isinstance(j.world.payments[-1], fx.ChargeBalance)
    assert j.world.payments[-1].amount == eur(5000)
    assert [p.payment.amount for p in j.of(fx.PostPayment)] == [eur(15000), eur(5000)]
    finish(j)


def test_a_capture_declined_leaves_the_whole_balance_to_pay_by_card() -> None:
    j = at_folio(World(stay=IN_HOUSE, payment={P.CAPTURE: "declined"}))
    j.send(ev.FolioConfirmed(NOW))
    assert j.state.deposit_state is DepositState.FAILED
    assert (j.state.step, j.state.balance_due()) == (Step.PAYING, eur(1250))
    j.send(ev.PayRequested(NOW))
    assert len(capture_effects(j)) == 1
    assert j.state.checked_out


@pytest.mark.parametrize("v", [Verdict.ACCEPT, Verdict.REFUSE])
def test_a_capture_of_unknown_outcome_is_never_retried(v: Verdict) -> None:
    j = at_folio(World(stay=IN_HOUSE, payment={P.CAPTURE: "unknown"}))
    j.send(ev.FolioConfirmed(NOW))
    assert j.state.intervention.kind is K.PAYMENT_FAILED
    j.world.payment.clear()
    j.send(ev.AgentVerdict(K.PAYMENT_FAILED, v, "staff-7", NOW))
    assert len(capture_effects(j)) == 1  # captured at most once
    if v is Verdict.ACCEPT:
        assert j.state.deposit_state is DepositState.CAPTURED
        assert j.of(fx.PostPayment)[0].payment.amount == eur(1250)
        assert j.state.step is Step.INVOICE
    else:
        assert j.state.deposit_state is DepositState.FAILED
        assert j.state.step is Step.PAYING


def test_no_deposit_on_this_lane_means_paying_by_card() -> None:
    j = at_folio(World(stay=IN_HOUSE, deposit=("", None)))
    assert j.state.deposit_state is DepositState.NONE
    j.send(ev.FolioConfirmed(NOW))
    assert j.state.step is Step.PAYING
    j.send(ev.PayRequested(NOW))
    assert j.world.payments == [fx.ChargeBalance("V1", "s1", eur(1250))]


def test_a_stay_not_checked_in_cannot_check_out() -> None:
    j = Journey()
    j.send(ev.CheckOutChosen(NOW))
    j.send(ev.RoomEntered("204", "García", NOW))
    assert (j.state.step, j.state.notice, j.state.stay) == (
        Step.FIND_ROOM,
        "not_checked_in",
        None,
    )


def test_an_open_balance_refused_by_the_pms_calls_staff() -> None:
    world = World(stay=IN_HOUSE, folio=folio(0))
    world.fail[ev.Call.CHECK_OUT] = failure(ev.Call.CHECK_OUT, "refused", "open_balance")
    j = at_folio(world)
    j.send(ev.FolioConfirmed(NOW))
    assert j.state.intervention.detail == "check_out: open_balance"
    j.send(ev.AgentVerdict(K.PMS_REFUSED, Verdict.RETRY, "staff-7", NOW))
    assert j.state.checked_out


def test_a_key_card_that_cannot_be_read_is_a_notice() -> None:
    j = Journey()
    j.send(ev.CheckOutChosen(NOW))
    state, effects = j.machine.handle(j.state, ev.KeyCardTapped(NOW), NOW)
    assert effects == [fx.ReadKeyCard()]
    state, _ = j.machine.handle(state, ev.KeyCardUnreadable("blank_card", NOW), NOW)
    assert (state.step, state.notice, state.waiting) == (
        Step.FIND_ROOM,
        "key_card_unreadable",
        None,
    )


def test_the_invoice_by_email_and_idle_after_check_out_completes() -> None:
    j = at_folio(World(stay=IN_HOUSE, folio=folio(0)))
    j.send(ev.FolioConfirmed(NOW))
    j.send(ev.InvoiceChosen(ev.Delivery.EMAIL, NOW, email="ana@example.com"))
    assert j.of(fx.EmailInvoice)[0].email == "ana@example.com"
    assert j.state.step is Step.DROP_KEYS
    j.send(ev.IdleTimedOut(NOW))
    assert j.state.outcome is Outcome.COMPLETED


def test_the_guest_cannot_cancel_after_check_out() -> None:
    j = at_folio()
    j.send(ev.FolioConfirmed(NOW))
    j.send(ev.Cancelled(NOW))
    assert j.state.notice == "cancel_needs_agent"


def test_back_from_find_room_to_the_welcome_screen() -> None:
    j = Journey()
    j.send(ev.CheckOutChosen(NOW))
    j.send(ev.Cancelled(NOW))
    assert (j.state.step, j.state.purpose) == (Step.WELCOME, Purpose.CHECK_IN)


# --- key help -----------------------------------------------------------------------------


def at_key_help() -> Journey:
    j = Journey(World(stay=IN_HOUSE))
    j.send(ev.KeyHelpChosen(NOW))
    j.send(ev.RoomEntered("204", "Garcia", NOW))
    assert (j.state.step, j.state.purpose) == (Step.GUESTS, Purpose.REKEY)
    return j


def test_my_key_does_not_work_the_id_is_checked_again_then_copies_are_made() -> None:
    j = at_key_help()
    with pytest.raises(IllegalEvent, match="KeyCountChosen in step guests"):
        j.send(ev.KeyCountChosen(1, NOW))
    j.send(ev.DocumentScanned(ANA, NOW))
    assert (j.state.step, j.state.rekey_verified) == (Step.KEYS, True)
    j.send(ev.KeyCountChosen(2, NOW))
    assert j.world.encoded == [(1, False), (2, False)]  # copies: the other keys still work
    assert (j.state.step, j.state.outcome) == (Step.DONE, Outcome.COMPLETED)
    assert j.world.payments == []


@pytest.mark.parametrize("v", [Verdict.ACCEPT, Verdict.RETRY, Verdict.REFUSE])
def test_key_help_with_someone_elses_document(v: Verdict) -> None:
    j = at_key_help()
    j.send(ev.DocumentScanned(mrz("SMITH", "JOHN"), NOW))
    assert j.state.intervention.kind is K.NAME_MISMATCH
    j.send(ev.AgentVerdict(K.NAME_MISMATCH, v, "staff-7", NOW))
    expected = {
        Verdict.ACCEPT: Step.KEYS,
        Verdict.RETRY: Step.GUESTS,
        Verdict.REFUSE: Step.DONE,
    }
    assert j.state.step is expected[v]


def test_key_help_with_an_expired_document_needs_staff() -> None:
    from datetime import date

    j = at_key_help()
    j.send(ev.DocumentScanned(mrz(expiry=date(2020, 1, 1)), NOW))
    assert j.state.intervention.kind is K.DOCUMENT_EXPIRED
    j.send(ev.AgentVerdict(K.DOCUMENT_EXPIRED, Verdict.ACCEPT, "staff-7", NOW))
    assert j.state.step is Step.KEYS


def test_after_a_failed_search_the_guest_may_still_choose_check_out() -> None:
    j = Journey(World(stay=IN_HOUSE, stays_by_name=()))
    j.send(ev.SurnameEntered("Nobody", NOW.date(), NOW))
    assert j.state.notice == "booking_not_found"
    j.send(ev.CheckOutChosen(NOW))
    assert (j.state.step, j.state.purpose) == (Step.FIND_ROOM, Purpose.CHECK_OUT)
    j.send(ev.KeyCardTapped(NOW))
    assert j.state.step is Step.FOLIO
