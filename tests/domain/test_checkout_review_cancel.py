"""Cancelling a basket whose approved payments do not net to zero goes to the attendant
(invariant 9: a cancelled sale keeps no payment), whatever their sign."""

from __future__ import annotations

from domain_factories import MILK, at, eur, run, scan, settings

from kiosk.domain.checkout import Checkout, Phase
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev


def test_a_cancel_after_an_approval_below_zero_is_not_a_cancelled_sale_with_it() -> None:
    c = run(Checkout.start(settings(), "b-1"), scan(MILK, 1), ev.PayRequested(at(2)))
    c = run(c, ev.PaymentApproved("p", eur(-1), at(3)))  # a terminal's odd answer
    assert c.phase is Phase.SHOPPING
    after, effects = c.handle(ev.Cancelled(at(4)))
    assert not any(isinstance(e, fx.CommitSale) for e in effects)
    assert after.phase is Phase.INTERVENTION


def test_a_cancel_with_nothing_paid_is_a_cancelled_sale() -> None:
    c = run(Checkout.start(settings(), "b-1"), scan(MILK, 1))
    after, effects = c.handle(ev.Cancelled(at(2)))
    sales = [e.sale for e in effects if isinstance(e, fx.CommitSale)]
    assert [s.status for s in sales] == ["cancelled"]
    assert after.phase is Phase.COMPLETING
