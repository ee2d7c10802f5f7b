"""The checkout with a bagging area: paying waits, alarms are interventions of their own
kind, the shopper can put it right, the attendant accepts or refuses, skip bagging."""

from __future__ import annotations

from domain_factories import BANANAS, MILK, at, item, rules, run, scan
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.bagging import BaggingPolicy
from kiosk.domain.checkout import Checkout, CheckoutSettings, IllegalTransition, Phase
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.interventions import InterventionKind as K

TV = item("tv", 29900, "standard", gtins=("04000000000024",))
POLICY = BaggingPolicy(enabled=True, item_weights={"milk": 1040, "tv": 9000}, heavy_item_g=5000)


def start() -> Checkout:
    c = Checkout.start(CheckoutSettings("EUR", rules(), bagging=POLICY), "b-1")
    return run(c, ev.BagWeighed(50, at(0)))  # the shopper's own bag


def kinds(effects: list[fx.Effect]) -> list[type]:
    return [type(e) for e in effects]


def test_disabled_by_default() -> None:
    assert Checkout.start(CheckoutSettings("EUR", rules()), "b").bagging is None


def test_scan_place_pay() -> None:
    c = run(start(), scan(MILK, 1))
    assert c.bagging is not None
    assert c.bagging.baseline_g == 50
    assert not c.bagging.settled
    refused, effects = c.handle(ev.PayRequested(at(2)))
    assert refused.phase is Phase.SHOPPING
    assert fx.ShowMessage("bagging.settle_first") in effects
    c = run(c, ev.BagWeighed(1090, at(2)))
    paying, _ = c.handle(ev.PayRequested(at(3)))
    assert paying.phase is Phase.PAYING


def test_unexpected_item_is_an_intervention_the_shopper_can_undo() -> None:
    c, effects = run(start(), scan(MILK, 1), ev.BagWeighed(1090, at(2))).handle(
        ev.BagWeighed(1600, at(3))
    )
    assert c.phase is Phase.INTERVENTION
    assert c.pending is not None
    assert c.pending.kind is K.BAGGING_UNEXPECTED_ITEM
    assert fx.CallAttendant(K.BAGGING_UNEXPECTED_ITEM, c.pending.detail) in effects
    c, effects = c.handle(ev.BagWeighed(1090, at(4)))
    assert c.phase is Phase.SHOPPING
    assert c.pending is None
    assert fx.AttendantCleared(K.BAGGING_UNEXPECTED_ITEM) in effects
    assert c.interventions[-1].resolution == "corrected"
    assert c.interventions[-1].staff_id == ""


def test_item_removed_then_attendant_accepts_the_bag() -> None:
    c = run(start(), scan(MILK, 1), ev.BagWeighed(1090, at(2)), ev.BagWeighed(50, at(3)))
    assert c.pending is not None
    assert c.pending.kind is K.BAGGING_ITEM_REMOVED
    resolved = ev.InterventionResolved(K.BAGGING_ITEM_REMOVED, "s-17", True, at(4))
    c, effects = c.handle(resolved)
    assert c.phase is Phase.SHOPPING
    assert c.bagging is not None
    assert c.bagging.settled
    assert kinds(effects) == [fx.AttendantCleared, fx.ShowMessage]
    assert c.interventions[-1].resolution == "approved"


def test_mismatch_refused_waits_for_the_shopper() -> None:
    c = run(start(), scan(MILK, 1), ev.BagWeighed(600, at(2)))
    assert c.pending is not None
    assert c.pending.kind is K.BAGGING_WEIGHT_MISMATCH
    c, effects = c.handle(ev.InterventionResolved(K.BAGGING_WEIGHT_MISMATCH, "s-17", False, at(3)))
    assert c.phase is Phase.SHOPPING
    assert fx.ShowMessage("bagging.fix") in effects
    _, refused = c.handle(scan(MILK, 4))
    assert fx.ShowMessage("bagging.fix_first") in refused
    c = run(c, ev.BagWeighed(1095, at(5)))
    assert c.phase is Phase.SHOPPING
    assert c.bagging is not None
    assert c.bagging.settled


def test_approved_mismatch_is_learned_for_the_next_basket() -> None:
    c = run(start(), scan(MILK, 1), ev.BagWeighed(1400, at(2)))
    c = run(c, ev.InterventionResolved(K.BAGGING_WEIGHT_MISMATCH, "s-17", True, at(3)))
    assert c.bagging is not None
    assert c.bagging.book.get("milk") is not None
    c = run(c, ev.PayRequested(at(4)), ev.PaymentApproved("p", c.totals().total, at(5)),
            ev.SaleCompleted(at(6)), ev.Reset("b-2", at(7)))  # fmt: skip
    assert c.bagging is not None
    assert c.bagging.book.get("milk") is not None
    assert c.bagging.baseline_g == 1400
    assert not c.bagging.opened


def test_no_item_placed_after_the_timeout() -> None:
    c = run(start(), scan(MILK, 1), ev.BaggingTimedOut(at(2)))
    assert c.pending is not None
    assert c.pending.kind is K.BAGGING_NO_ITEM_PLACED
    c = run(c, ev.BagWeighed(1090, at(3)))  # placed at last: the shopper put it right
    assert c.phase is Phase.SHOPPING
    assert c.bagging is not None
    assert c.bagging.settled


def test_skip_bagging_for_a_heavy_item() -> None:
    c, effects = run(start(), scan(TV, 1)).handle(ev.BaggingSkipped(at(2)))
    assert fx.ShowMessage("bagging.skipped") in effects
    assert c.bagging is not None
    assert c.bagging.settled
    _, refused = run(start(), scan(MILK, 1)).handle(ev.BaggingSkipped(at(2)))
    assert kinds(refused) == [fx.Beep, fx.ShowMessage]


def test_weighed_item_is_expected_with_its_weight_and_alarm_waits_while_weighing() -> None:
    c = run(start(), scan(BANANAS, 1))
    assert c.phase is Phase.WEIGHING
    c = run(c, ev.BagWeighed(900, at(2)))  # put in the bag before it was weighed
    assert c.phase is Phase.WEIGHING  # the alarm waits for the weighing
    c = run(c, ev.ItemWeighed(850, at(3)))  # now sold with 850 g: the bag matches
    assert c.phase is Phase.SHOPPING
    assert c.bagging is not None
    assert c.bagging.settled
    c = run(start(), scan(BANANAS, 1), ev.BagWeighed(2000, at(2)), ev.ItemWeighed(850, at(3)))
    assert c.pending is not None
    assert c.pending.kind is K.BAGGING_WEIGHT_MISMATCH


def test_void_expects_the_item_out() -> None:
    c = run(start(), scan(MILK, 1), ev.BagWeighed(1090, at(2)), ev.VoidRequested(1, at(3)))
    c = run(c, ev.InterventionResolved(K.VOID_REQUEST, "s-17", True, at(4)))
    assert c.bagging is not None
    assert c.bagging.awaiting is not None
    assert c.bagging.awaiting.removal
    c = run(c, ev.BagWeighed(50, at(5)))
    assert c.phase is Phase.SHOPPING
    assert c.bagging is not None
    assert c.bagging.settled


EVENTS = st.one_of(
    st.builds(lambda m: scan(MILK, m), st.integers(1, 50)),
    st.builds(lambda m: scan(TV, m), st.integers(1, 50)),
    st.builds(ev.BagWeighed, st.integers(-100, 20_000), st.just(at(1))),
    st.builds(ev.BaggingSkipped, st.just(at(1))),
    st.builds(ev.BaggingTimedOut, st.just(at(1))),
    st.builds(ev.PayRequested, st.just(at(1))),
    st.builds(ev.RequestWithdrawn, st.just(at(1))),
    st.builds(
        ev.InterventionResolved,
        st.sampled_from(list(K)),
        st.just("s-1"),
        st.booleans(),
        st.just(at(1)),
        st.none(),
        st.just(True),
    ),
)


@settings(max_examples=150)
@given(st.lists(EVENTS, max_size=30))
def test_bagging_keeps_the_checkout_consistent(events: list[ev.Event]) -> None:
    c = start()
    for event in events:
        try:
            c, _ = c.handle(event)
        except IllegalTransition:
            continue
        bag = c.bagging
        assert bag is not None
        if c.phase is Phase.PAYING:
            assert bag.settled  # paying only with a settled bagging area
        if c.pending is not None and c.pending.kind.value.startswith("bagging_"):
            assert bag.alarm is not None
