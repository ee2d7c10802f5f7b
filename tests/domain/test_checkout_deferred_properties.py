"""No sequence of events starts a payment (or completes a sale) with an item put aside or
a restricted line whose age check is pending, whatever the store's flow; and what is
journaled of the items put aside is always what is outstanding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from domain_factories import BANANAS, BEER, MILK, T0, WHISKY, settings
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from test_checkout_properties import BY_TYPE, _fields, check_invariants

from kiosk.domain.checkout import TRANSITIONS, Checkout, IllegalTransition, Phase, aside
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.flow import AgeCheck, ShopperFlow, UnknownBarcode
from kiosk.domain.checkout.interventions import Intervention
from kiosk.domain.checkout.machine import Checkout as MachineCheckout

BIRTHS = [date(1990, 1, 1), date(2009, 6, 1), date(2015, 1, 1)]
flows = st.builds(
    ShopperFlow, st.sampled_from(list(UnknownBarcode)), st.sampled_from(list(AgeCheck))
)
# unknown codes and restricted items more often than in the general property test
scans = st.builds(ev.ItemScanned, st.none() | st.sampled_from([MILK, BANANAS, BEER, WHISKY]),
                  st.just("c"), st.just(T0))  # fmt: skip


def likely_events(c: MachineCheckout) -> st.SearchStrategy[ev.Event]:
    """Events the phase accepts (those the general property test knows), and a
    resolution of the pending intervention's kind with any proof."""
    legal = [BY_TYPE[t] for t in TRANSITIONS[c.phase] if t in BY_TYPE]
    if c.pending is not None:
        legal.append(
            st.builds(
                ev.InterventionResolved,
                st.just(c.pending.kind),
                st.just("s-1"),
                st.booleans(),
                st.just(T0),
                st.none() | st.sampled_from(BIRTHS),
                st.booleans(),
                st.none() | st.sampled_from([MILK, WHISKY]),
            )
        )
    return st.one_of(*legal)


def aside_resolutions(c: MachineCheckout) -> st.SearchStrategy[ev.Event]:
    """The attendant deals with an item put aside (by its real raised time)."""
    if not c.aside:
        return scans
    return st.builds(ev.AsideResolved, st.sampled_from([e.raised_at for e in c.aside]),
                     st.just("s-1"), st.booleans(), st.just(T0),
                     st.none() | st.sampled_from([MILK, BEER, WHISKY]))  # fmt: skip


def assert_nothing_outstanding(
    before: MachineCheckout, effects: list[fx.Effect], at: datetime
) -> None:
    for effect in effects:
        paying = isinstance(effect, fx.StartPayment)
        completing = isinstance(effect, fx.CommitSale) and effect.sale.status == "completed"
        if not (paying or completing):
            continue
        assert before.aside == (), "payment with an item put aside"
        if before.settings.flow.defers_age:
            basket = effect.sale.basket if completing else before.basket
            for line in basket.active_lines:
                limit = line.item.age_limit
                if limit is not None:
                    why = f"line {line.line_no} ({line.item.sku}) paid without its age check"
                    assert before.age is not None, why
                    assert before.age.covers(limit, at.date()), why


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.data(), flows)
def test_no_payment_with_anything_outstanding(data: st.DataObject, flow: ShopperFlow) -> None:
    c = Checkout.start(replace(settings(), flow=flow), "b-1")
    stored: tuple[Intervention, ...] = ()
    for minute in range(data.draw(st.integers(0, 40), label="length")):
        event = data.draw(st.one_of(likely_events(c), scans, aside_resolutions(c)))
        stamped = type(event)(**{**_fields(event), "at": T0 + timedelta(minutes=minute)})
        try:
            after, effects = c.handle(stamped)
        except IllegalTransition:
            continue
        check_invariants(after, effects)
        assert_nothing_outstanding(after, effects, stamped.at)
        # what is journaled is what is outstanding: a restart would restore exactly it
        if isinstance(stamped, ev.Reset):
            stored = ()
        for effect in effects:
            if isinstance(effect, fx.JournalAside):
                stored = effect.entries
        if after.phase in (Phase.SHOPPING, Phase.WEIGHING, Phase.INTERVENTION, Phase.PAYING):
            assert stored == aside.outstanding(after)
        if flow.defers_age:
            for line_no in after.age_pending:  # pending lines are real, counting lines
                assert after.basket.line(line_no).counts
        if not flow.puts_aside:
            assert after.aside == ()
        c = after
