"""The shopper takes back their own request; a failed payment says which failure it was."""

from __future__ import annotations

import pytest
from domain_factories import BEER, MILK, at, checkout_in, eur, run, scan, settings

from kiosk.domain.checkout import Checkout, IllegalTransition, Phase
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.interventions import IDLE_SUSPENDED, InterventionKind
from kiosk.domain.checkout.paying import failure_of
from kiosk.domain.checkout.states import PaymentFailure


def keys(effects: list[fx.Effect]) -> list[str]:
    return [e.key for e in effects if isinstance(e, fx.ShowMessage)]


def shopping() -> Checkout:
    return run(Checkout.start(settings(), "b-1"), scan(MILK))


def test_help_withdrawn_goes_back_to_where_it_was_and_is_recorded() -> None:
    asked = checkout_in(Phase.INTERVENTION)
    after, effects = asked.handle(ev.RequestWithdrawn(at(4)))
    assert after.phase is Phase.SHOPPING
    assert after.pending is None
    assert effects[0] == fx.AttendantCleared(InterventionKind.HELP_REQUESTED)
    assert keys(effects) == ["request_withdrawn"]
    (record,) = after.interventions
    assert (record.kind, record.resolution, record.staff_id) == (
        InterventionKind.HELP_REQUESTED,
        "withdrawn",
        "",
    )


def test_help_asked_on_the_welcome_screen_withdrawn_goes_back_to_it() -> None:
    asked = run(Checkout.start(settings(), "b-1"), ev.HelpRequested(at(1)))
    after, _ = asked.handle(ev.RequestWithdrawn(at(2)))
    assert after.phase is Phase.IDLE


@pytest.mark.parametrize(
    "asking",
    [ev.VoidRequested(1, at(2)), ev.QuantityChanged(1, 1, at(2))],
    ids=["void", "fewer"],
)
def test_remove_item_request_withdrawn_keeps_the_line(asking: ev.Event) -> None:
    two = run(shopping(), ev.QuantityChanged(1, 2, at(1)))
    asked = run(two, asking)
    assert asked.pending is not None
    assert asked.pending.kind is InterventionKind.VOID_REQUEST
    after, _ = asked.handle(ev.RequestWithdrawn(at(3)))
    assert after.phase is Phase.SHOPPING
    line = after.basket.line(1)
    assert (line.quantity, line.voided) == (2, False)
    assert after.audit == ()  # nothing was done to the basket


@pytest.mark.parametrize(
    "paused",
    [
        lambda: run(shopping(), scan(BEER, 2)),  # age check
        lambda: run(shopping(), scan(None, 2)),  # unknown item
        lambda: run(shopping(), ev.HelpRequested(at(2), IDLE_SUSPENDED)),  # basket on hold
        lambda: run(shopping(), ev.DeviceFaulted("scale", "gone", at(2))),
    ],
    ids=["age", "unknown", "on_hold", "fault"],
)
def test_staff_matters_cannot_be_withdrawn(paused) -> None:  # type: ignore[no-untyped-def]
    before = paused()
    after, effects = before.handle(ev.RequestWithdrawn(at(3)))
    assert after == before
    assert effects[0] == fx.Beep(ok=False)
    assert keys(effects) == ["request_not_withdrawable"]


@pytest.mark.parametrize(
    ("reason", "failure", "key"),
    [
        ("Refusal", PaymentFailure.DECLINED, "payment_declined"),
        ("insufficient funds", PaymentFailure.DECLINED, "payment_declined"),
        ("Cancel", PaymentFailure.CANCELLED, "payment_cancelled_on_terminal"),
        ("Aborted", PaymentFailure.CANCELLED, "payment_cancelled_on_terminal"),
        ("TimedOut", PaymentFailure.TIMED_OUT, "payment_timed_out"),
        ("Unreachable", PaymentFailure.TIMED_OUT, "payment_timed_out"),
    ],
)
def test_a_failed_payment_says_which_failure(
    reason: str, failure: PaymentFailure, key: str
) -> None:
    assert failure_of(reason) is failure
    paying = run(shopping(), ev.PayRequested(at(2)))
    after, effects = paying.handle(ev.PaymentDeclined("p-1", reason, at(3)))
    assert after.phase is Phase.SHOPPING
    assert after.payment_failure is failure
    assert keys(effects) == [key]


def test_the_failure_lasts_until_the_shopper_moves_on() -> None:
    failed = run(shopping(), ev.PayRequested(at(2)), ev.PaymentDeclined("p-1", "Cancel", at(3)))
    assert run(failed, ev.PaymentNoticeClosed(at(4))).payment_failure is None
    assert run(failed, scan(MILK, 4)).payment_failure is None
    again = run(failed, ev.PayRequested(at(4)))
    assert (again.phase, again.payment_failure) == (Phase.PAYING, None)
    second = run(again, ev.PaymentDeclined("p-2", "Refusal", at(5)))
    assert second.payment_failure is PaymentFailure.DECLINED


def test_back_to_items_while_paying_aborts_and_returns_without_a_failure() -> None:
    paying = run(shopping(), ev.PayRequested(at(2)))
    aborting, effects = paying.handle(ev.Cancelled(at(3)))
    assert aborting.aborting
    assert [type(e) for e in effects] == [fx.AbortPayment]
    after, effects = aborting.handle(ev.PaymentDeclined("p-1", "Aborted", at(4)))
    assert (after.phase, after.payment_failure, after.aborting) == (Phase.SHOPPING, None, False)
    assert keys(effects) == ["payment_cancelled"]


def test_an_approval_that_beat_the_abort_still_pays() -> None:
    aborting = run(shopping(), ev.PayRequested(at(2)), ev.Cancelled(at(3)))
    after, _ = aborting.handle(ev.PaymentApproved("p-1", eur(129), at(4)))
    assert after.phase is Phase.COMPLETING
    assert not after.aborting


def test_too_many_failures_call_staff_without_a_failure_screen() -> None:
    c = shopping()
    for n in range(3):
        c = run(c, ev.PayRequested(at(2 + n)), ev.PaymentDeclined(f"p-{n}", "Cancel", at(2 + n)))
    assert c.phase is Phase.INTERVENTION
    assert c.pending is not None
    assert c.pending.kind is InterventionKind.PAYMENT_FAILURE
    assert c.payment_failure is None


def test_nobody_answering_puts_the_basket_on_hold_as_its_own_kind() -> None:
    held = run(shopping(), ev.HelpRequested(at(2), IDLE_SUSPENDED))
    assert held.pending is not None
    assert held.pending.kind is InterventionKind.IDLE_SUSPENDED
    with pytest.raises(IllegalTransition, match="idle_suspended, not help_requested"):
        held.handle(ev.InterventionResolved(InterventionKind.HELP_REQUESTED, "s-17", True, at(3)))
    resumed, effects = held.handle(
        ev.InterventionResolved(InterventionKind.IDLE_SUSPENDED, "s-17", True, at(3))
    )
    assert resumed.phase is Phase.SHOPPING
    assert effects[0] == fx.AttendantCleared(InterventionKind.IDLE_SUSPENDED)
    assert resumed.interventions[-1].kind is InterventionKind.IDLE_SUSPENDED
