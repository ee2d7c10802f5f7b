"""Random event sequences: only IllegalTransition escapes, and the invariants always hold."""

from __future__ import annotations

from datetime import date, timedelta

from domain_factories import BANANAS, BEER, FREEBIE, GUM, MILK, T0, WHISKY, eur, rules
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.checkout import (
    TRANSITIONS,
    Checkout,
    CheckoutSettings,
    IllegalTransition,
    Phase,
)
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.interventions import IDLE_SUSPENDED, InterventionKind
from kiosk.domain.gs1.coupon import RequirementCode
from kiosk.domain.money import Rounding
from kiosk.domain.offers.coupons import Coupon, Requirement, SaveKind

NOW = T0  # events are re-stamped in order below
COUPONS = [  # a coupon on milk, one of 50.00 off the basket, one serial-numbered on beer
    Coupon("store:1", "0.50 off milk", SaveKind.AMOUNT_OFF, 50,
           (Requirement(1, skus=frozenset({"milk"})),)),
    Coupon("store:2", "50.00 off", SaveKind.AMOUNT_OFF_TOTAL, 5000,
           (Requirement(100, RequirementCode.TRANSACTION),)),
    Coupon("8110:0614141:1", "free beer", SaveKind.FREE_ITEM, 0,
           (Requirement(2, skus=frozenset({"beer"})),), serial="123456"),
]  # fmt: skip
items = st.sampled_from([MILK, BANANAS, BEER, WHISKY, GUM, FREEBIE])
line_nos = st.integers(min_value=0, max_value=8)
money = st.integers(min_value=-5, max_value=5000).map(eur)
kinds = st.sampled_from(list(InterventionKind))
births = st.none() | st.dates(date(1930, 1, 1), date(2026, 1, 1))

BY_TYPE: dict[type[ev.Event], st.SearchStrategy[ev.Event]] = {
    ev.ItemScanned: st.builds(ev.ItemScanned, st.none() | items, st.just("c"), st.just(NOW),
                              st.integers(0, 4), st.none() | st.integers(-5, 3000)),
    ev.ItemWeighed: st.builds(ev.ItemWeighed, st.integers(-5, 3000), st.just(NOW)),
    ev.QuantityChanged: st.builds(ev.QuantityChanged, line_nos, st.integers(-1, 6), st.just(NOW)),
    ev.VoidRequested: st.builds(ev.VoidRequested, line_nos, st.just(NOW)),
    ev.PriceOverrideRequested: st.builds(ev.PriceOverrideRequested, line_nos, money,
                                         st.sampled_from(["", "damaged"]), st.just(NOW)),
    ev.HelpRequested: st.builds(ev.HelpRequested, st.just(NOW),
                                st.sampled_from(["", IDLE_SUSPENDED])),
    ev.RequestWithdrawn: st.builds(ev.RequestWithdrawn, st.just(NOW)),
    ev.PaymentNoticeClosed: st.builds(ev.PaymentNoticeClosed, st.just(NOW)),
    ev.DeviceFaulted: st.builds(ev.DeviceFaulted, st.just("scale"), st.just("gone"), st.just(NOW)),
    ev.InterventionResolved: st.builds(ev.InterventionResolved, kinds, st.just("s-1"),
                                       st.booleans(), st.just(NOW), births, st.booleans(),
                                       st.none() | items),
    ev.PayRequested: st.builds(ev.PayRequested, st.just(NOW)),
    ev.PaymentApproved: st.builds(ev.PaymentApproved, st.just("p"), money, st.just(NOW)),
    ev.PaymentDeclined: st.builds(ev.PaymentDeclined, st.just("p"),
                                  st.sampled_from(["no", "Refusal", "Cancel", "Aborted",
                                                   "TimedOut", "Unreachable"]),
                                  st.just(NOW)),
    ev.PaymentUnknown: st.builds(ev.PaymentUnknown, st.just("p"), money, st.just(NOW)),
    ev.PaymentReversed: st.builds(ev.PaymentReversed, st.just("p"), st.just(NOW)),
    ev.SaleRefused: st.builds(ev.SaleRefused, st.just("no"), st.just(NOW),
                              st.lists(st.tuples(st.sampled_from(["p", "q"]), money),
                                       max_size=2).map(tuple)),
    ev.SaleCompleted: st.builds(ev.SaleCompleted, st.just(NOW)),
    ev.Cancelled: st.builds(ev.Cancelled, st.just(NOW)),
    ev.Reset: st.builds(ev.Reset, st.sampled_from(["b-2", "b-3"]), st.just(NOW)),
    ev.ScaleRead: st.builds(ev.ScaleRead, st.integers(-5, 3000), st.booleans(), st.just(NOW)),
    ev.StartTouched: st.builds(ev.StartTouched, st.just(NOW)),
    ev.WelcomeLapsed: st.builds(ev.WelcomeLapsed, st.just(NOW)),
    ev.BagWeighed: st.builds(ev.BagWeighed, st.integers(-5, 3000), st.just(NOW)),
    ev.BaggingSkipped: st.builds(ev.BaggingSkipped, st.just(NOW)),
    ev.BaggingTimedOut: st.builds(ev.BaggingTimedOut, st.just(NOW)),
    ev.AsideResolved: st.builds(ev.AsideResolved, st.just(NOW), st.just("s-1"), st.booleans(),
                                st.just(NOW), st.none() | items),
    ev.CouponScanned: st.builds(ev.CouponScanned, st.sampled_from(COUPONS), st.just(NOW),
                                st.booleans()),
    ev.BasketRestored: st.builds(ev.BasketRestored, st.just(NOW)),
}  # fmt: skip
any_event = st.one_of(*BY_TYPE.values())


def likely_events(c: Checkout) -> st.SearchStrategy[ev.Event]:
    """Mostly events the phase accepts (the pending kind, the amount due); 1 in 4 any event."""
    legal = [BY_TYPE[t] for t in TRANSITIONS[c.phase] if t is not ev.InterventionResolved]
    if c.pending is not None:
        proof = st.sampled_from(
            [
                {"id_seen": True},
                {"date_of_birth": date(1990, 1, 1)},
                {"date_of_birth": date(2010, 1, 1)},
                {},
            ]
        )
        legal += [
            st.builds(
                lambda approved, kw, item, amount, kind=c.pending.kind: ev.InterventionResolved(
                    kind, "s-1", approved, NOW, item=item, amount=amount, **kw
                ),
                st.booleans(),
                proof,
                st.none() | items,
                st.none() | money,
            ),
        ] * 3
    if c.amount_due is not None:
        legal.append(
            st.builds(ev.PaymentApproved, st.just("p"), st.just(c.amount_due), st.just(NOW))
        )
    # one_of flattens nested one_ofs, so pick the pool first to keep 'any' at 1 in 4
    chosen = st.one_of(*legal)
    return st.integers(0, 3).flatmap(lambda n: any_event if n == 0 else chosen)


def check_invariants(c: Checkout, effects: list[fx.Effect]) -> None:
    basket = c.basket
    numbers = [line.line_no for line in basket.lines]
    assert numbers == list(range(1, len(numbers) + 1))
    totals = c.totals()
    active = basket.active_lines
    if c.settings.tax.prices_include_tax:
        shelf = sum((x.amount + x.deposit_amount for x in active), eur(0))
        assert totals.total == shelf - totals.savings  # coupons' savings, if any
    assert totals.total.minor >= 0
    assert totals.total == totals.net + totals.tax + totals.untaxed_deposit
    assert totals.item_count == sum(line.quantity for line in active)
    assert (c.phase is Phase.INTERVENTION) == (c.pending is not None)
    waiting = c.phase is Phase.WEIGHING or (
        c.phase is Phase.INTERVENTION and c.resume is Phase.WEIGHING
    )
    assert waiting == (c.weighing is not None)
    assert (c.phase is Phase.PAYING) == (c.amount_due is not None)
    # the pay screen's state is the checkout's: a failure shows only while shopping,
    # an abort lasts only while paying
    assert c.payment_failure is None or c.phase is Phase.SHOPPING
    assert not c.aborting or c.phase is Phase.PAYING
    for resolved in c.interventions:
        if resolved.resolution == "withdrawn":  # only the shopper's own requests
            assert resolved.kind in (InterventionKind.HELP_REQUESTED, InterventionKind.VOID_REQUEST)
            assert resolved.detail != IDLE_SUSPENDED
    for effect in effects:
        if isinstance(effect, fx.JournalLine):
            assert basket.line(effect.line.line_no) == effect.line
        if isinstance(effect, fx.CommitSale):
            # money adds up (invariant 9): a completed sale is paid exactly; a cancelled
            # one keeps no payment; a refund total (negative) was paid nothing
            sale = effect.sale
            paid = sum((p.amount for p in sale.payments if p.outcome == "approved"), eur(0))
            if sale.status == "completed" and sale.totals.total.minor >= 0:
                assert paid == sale.totals.total
            else:
                assert paid == eur(0)
    approved_over = any(
        i.kind is InterventionKind.QUANTITY_LIMIT and i.resolution == "approved"
        for i in c.interventions
    )
    if not approved_over:
        assert basket.units_of("gum") <= 2


@settings(max_examples=120, deadline=None)
@given(st.data(), st.booleans(), st.booleans(), st.booleans())
def test_random_sequences_keep_invariants(
    data: st.DataObject, inclusive: bool, per_line: bool, deposit_taxed: bool
) -> None:
    tax = rules(prices_include_tax=inclusive, per_line=per_line, mode=Rounding.HALF_EVEN,
                deposit_taxed=deposit_taxed)  # fmt: skip
    c = Checkout.start(CheckoutSettings("EUR", tax), "b-1")
    commits = 0
    for minute in range(data.draw(st.integers(0, 30), label="length")):
        event = data.draw(likely_events(c))
        stamped = type(event)(**{**_fields(event), "at": NOW + timedelta(minutes=minute)})
        try:
            after, effects = c.handle(stamped)
        except IllegalTransition as exc:
            assert type(stamped).__name__ in str(exc)  # noqa: PT017
            continue
        if not isinstance(stamped, ev.Reset):
            # lines are never lost within a basket
            assert len(after.basket.lines) >= len(c.basket.lines)
        commits += sum(isinstance(e, fx.CommitSale) for e in effects)
        if isinstance(stamped, (ev.Reset, ev.SaleRefused)):
            commits = 0  # a new basket, or the store refused the commit: nothing stored
        assert commits <= 1
        check_invariants(after, effects)
        c = after


def _fields(event: ev.Event) -> dict[str, object]:
    return {name: getattr(event, name) for name in event.__dataclass_fields__}
