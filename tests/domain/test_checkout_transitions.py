"""Every (phase, event type) pair of the checkout: legal ones by outcome, the rest must raise."""

from __future__ import annotations

import pytest
from domain_factories import MILK, at, checkout_in, eur, help_resolved, scan

from kiosk.domain.checkout import TRANSITIONS, IllegalTransition, Phase
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.offers.coupons import Coupon, Requirement, SaveKind

MILK_COUPON = Coupon(
    "store:1", "0.10 off", SaveKind.AMOUNT_OFF, 10, (Requirement(1, skus=frozenset({"milk"})),)
)
SAMPLES: dict[type[ev.Event], ev.Event] = {
    ev.ItemScanned: scan(MILK, 3),
    ev.ItemWeighed: ev.ItemWeighed(500, at(3)),
    ev.QuantityChanged: ev.QuantityChanged(1, 2, at(3)),
    ev.VoidRequested: ev.VoidRequested(1, at(3)),
    ev.PriceOverrideRequested: ev.PriceOverrideRequested(1, eur(99), "damaged", at(3)),
    ev.HelpRequested: ev.HelpRequested(at(3), "stuck"),
    ev.RequestWithdrawn: ev.RequestWithdrawn(at(3)),
    ev.PaymentNoticeClosed: ev.PaymentNoticeClosed(at(3)),
    ev.DeviceFaulted: ev.DeviceFaulted("scanner", "gone", at(3)),
    ev.InterventionResolved: help_resolved(3),
    ev.PayRequested: ev.PayRequested(at(3)),
    ev.PaymentApproved: ev.PaymentApproved("p-1", eur(129), at(3), auth_code="123456"),
    ev.PaymentDeclined: ev.PaymentDeclined("p-1", "insufficient funds", at(3)),
    ev.PaymentUnknown: ev.PaymentUnknown("p-1", eur(129), at(3)),
    ev.PaymentReversed: ev.PaymentReversed("p-1", at(3)),
    ev.SaleRefused: ev.SaleRefused("card took 1.00, due 1.29", at(3), (("p-1", eur(100)),)),
    ev.SaleCompleted: ev.SaleCompleted(at(3)),
    ev.Cancelled: ev.Cancelled(at(3), "s-17", "changed mind"),
    ev.Reset: ev.Reset("b-2", at(3)),
    ev.ScaleRead: ev.ScaleRead(500, True, at(3)),
    ev.StartTouched: ev.StartTouched(at(3)),
    ev.WelcomeLapsed: ev.WelcomeLapsed(at(3)),
    ev.BagWeighed: ev.BagWeighed(400, at(3)),
    ev.BaggingSkipped: ev.BaggingSkipped(at(3)),
    ev.BaggingTimedOut: ev.BaggingTimedOut(at(3)),
    ev.AsideResolved: ev.AsideResolved(at(1), "s-17", False, at(3)),
    ev.CouponScanned: ev.CouponScanned(MILK_COUPON, at(3)),
    ev.BasketRestored: ev.BasketRestored(at(3)),
}

P = Phase
PAUSE = [fx.CallAttendant, fx.ShowMessage]
REFUSE = [fx.Beep, fx.ShowMessage]
PAGE = [fx.CallAttendant]

# (phase, event type) -> (phase after, effect types in order)
LEGAL: dict[tuple[Phase, type[ev.Event]], tuple[Phase, list[type]]] = {
    (P.IDLE, ev.ItemScanned): (P.SHOPPING, [fx.OpenBasket, fx.JournalLine, fx.Beep]),
    (P.IDLE, ev.HelpRequested): (P.INTERVENTION, PAUSE),
    (P.IDLE, ev.DeviceFaulted): (P.INTERVENTION, PAUSE),
    (P.IDLE, ev.Reset): (P.IDLE, [fx.ShowMessage]),
    (P.IDLE, ev.StartTouched): (P.IDLE, []),
    (P.IDLE, ev.WelcomeLapsed): (P.IDLE, []),
    (P.IDLE, ev.ScaleRead): (P.IDLE, []),
    (P.SHOPPING, ev.ScaleRead): (P.SHOPPING, []),
    (P.WEIGHING, ev.ScaleRead): (P.SHOPPING, [fx.JournalLine, fx.Beep]),
    (P.INTERVENTION, ev.ScaleRead): (P.INTERVENTION, []),
    (P.PAYING, ev.ScaleRead): (P.PAYING, []),
    (P.COMPLETING, ev.ScaleRead): (P.COMPLETING, []),
    (P.FINISHED, ev.ScaleRead): (P.FINISHED, []),
    (P.SHOPPING, ev.ItemScanned): (P.SHOPPING, [fx.JournalLine, fx.Beep]),
    (P.SHOPPING, ev.QuantityChanged): (P.SHOPPING, [fx.JournalLine, fx.Beep]),
    (P.SHOPPING, ev.VoidRequested): (P.INTERVENTION, PAUSE),
    (P.SHOPPING, ev.PriceOverrideRequested): (P.INTERVENTION, PAUSE),
    (P.SHOPPING, ev.HelpRequested): (P.INTERVENTION, PAUSE),
    (P.SHOPPING, ev.DeviceFaulted): (P.INTERVENTION, PAUSE),
    (P.SHOPPING, ev.PayRequested): (P.PAYING, [fx.StartPayment, fx.ShowMessage]),
    (P.SHOPPING, ev.Cancelled): (P.COMPLETING, [fx.CommitSale]),
    (P.SHOPPING, ev.PaymentReversed): (P.SHOPPING, []),
    (P.SHOPPING, ev.PaymentNoticeClosed): (P.SHOPPING, []),
    (P.WEIGHING, ev.ItemWeighed): (P.SHOPPING, [fx.JournalLine, fx.Beep]),
    (P.WEIGHING, ev.ItemScanned): (P.WEIGHING, REFUSE),
    (P.WEIGHING, ev.HelpRequested): (P.INTERVENTION, PAUSE),
    (P.WEIGHING, ev.DeviceFaulted): (P.INTERVENTION, PAUSE),
    (P.WEIGHING, ev.Cancelled): (P.SHOPPING, [fx.ShowMessage]),
    (P.INTERVENTION, ev.InterventionResolved): (
        P.SHOPPING,
        [fx.AttendantCleared, fx.ShowMessage],
    ),
    (P.INTERVENTION, ev.RequestWithdrawn): (P.SHOPPING, [fx.AttendantCleared, fx.ShowMessage]),
    (P.INTERVENTION, ev.ItemScanned): (P.INTERVENTION, REFUSE),
    (P.INTERVENTION, ev.PaymentReversed): (P.INTERVENTION, []),
    (P.INTERVENTION, ev.HelpRequested): (P.INTERVENTION, PAGE),
    (P.INTERVENTION, ev.DeviceFaulted): (P.INTERVENTION, PAGE),
    (P.PAYING, ev.PaymentApproved): (P.COMPLETING, [fx.CommitSale]),
    (P.PAYING, ev.PaymentDeclined): (P.SHOPPING, [fx.ShowMessage]),
    (P.PAYING, ev.PaymentUnknown): (P.INTERVENTION, PAUSE),
    (P.PAYING, ev.Cancelled): (P.PAYING, [fx.AbortPayment]),
    (P.PAYING, ev.ItemScanned): (P.PAYING, REFUSE),
    (P.PAYING, ev.HelpRequested): (P.PAYING, PAGE),
    (P.PAYING, ev.DeviceFaulted): (P.PAYING, PAGE),
    (P.COMPLETING, ev.SaleCompleted): (P.FINISHED, [fx.PrintReceipt, fx.ShowMessage]),
    (P.COMPLETING, ev.SaleRefused): (P.INTERVENTION, PAUSE),
    (P.COMPLETING, ev.HelpRequested): (P.COMPLETING, PAGE),
    (P.COMPLETING, ev.DeviceFaulted): (P.COMPLETING, PAGE),
    (P.FINISHED, ev.Reset): (P.IDLE, [fx.ShowMessage]),
    (P.FINISHED, ev.HelpRequested): (P.FINISHED, PAGE),
    (P.FINISHED, ev.DeviceFaulted): (P.FINISHED, PAGE),
    # the bagging area is off in these settings: readings change nothing, skip is refused
    **{(phase, ev.BagWeighed): (phase, []) for phase in P},
    (P.SHOPPING, ev.BaggingSkipped): (P.SHOPPING, REFUSE),
    (P.SHOPPING, ev.BaggingTimedOut): (P.SHOPPING, []),
    # nothing was put aside in these settings: the request is refused
    (P.SHOPPING, ev.AsideResolved): (P.SHOPPING, REFUSE),
    # a coupon: taken while shopping (milk meets it), refused in the other selling phases
    (P.IDLE, ev.CouponScanned): (P.IDLE, REFUSE),
    (P.SHOPPING, ev.CouponScanned): (P.SHOPPING, [fx.JournalCoupon, fx.Beep, fx.ShowMessage]),
    (P.WEIGHING, ev.CouponScanned): (P.WEIGHING, REFUSE),
    (P.INTERVENTION, ev.CouponScanned): (P.INTERVENTION, REFUSE),
    (P.PAYING, ev.CouponScanned): (P.PAYING, REFUSE),
    # after a restart: coupons past their expiry come off (none on these baskets)
    (P.SHOPPING, ev.BasketRestored): (P.SHOPPING, []),
    (P.INTERVENTION, ev.BasketRestored): (P.INTERVENTION, []),
}

ALL_PAIRS = [(phase, event_type) for phase in Phase for event_type in SAMPLES]
ILLEGAL = [pair for pair in ALL_PAIRS if pair not in LEGAL]


def test_every_event_type_has_a_sample() -> None:
    assert set(SAMPLES) == set(ev.EVENT_TYPES)


def test_the_table_is_exactly_the_legal_pairs() -> None:
    table = {(phase, event_type) for phase, row in TRANSITIONS.items() for event_type in row}
    assert table == set(LEGAL)


@pytest.mark.parametrize(
    ("phase", "event_type"), list(LEGAL), ids=lambda x: getattr(x, "__name__", str(x))
)
def test_legal_transition(phase: Phase, event_type: type[ev.Event]) -> None:
    before = checkout_in(phase)
    after, effects = before.handle(SAMPLES[event_type])
    expected_phase, expected_effects = LEGAL[phase, event_type]
    assert after.phase is expected_phase
    assert [type(e) for e in effects] == expected_effects


@pytest.mark.parametrize(
    ("phase", "event_type"), ILLEGAL, ids=lambda x: getattr(x, "__name__", str(x))
)
def test_illegal_transition_names_state_and_event(phase: Phase, event_type: type[ev.Event]) -> None:
    before = checkout_in(phase)
    with pytest.raises(IllegalTransition) as raised:
        before.handle(SAMPLES[event_type])
    message = str(raised.value)
    assert event_type.__name__ in message
    assert f"state={phase.value}" in message
    assert raised.value.phase is phase


def test_illegal_pairs_exist_for_every_phase() -> None:
    assert {phase for phase, _ in ILLEGAL} == set(Phase)
