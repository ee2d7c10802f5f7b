"""Age checks before payment: restricted items are added pending and checked at Pay."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from domain_factories import BANANAS, BEER, MILK, WHISKY, at, eur, item, run, scan, settings

from kiosk.domain.checkout import Checkout, Phase
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.flow import AgeCheck, ShopperFlow
from kiosk.domain.checkout.interventions import CheckAge, InterventionKind

AGE = InterventionKind.AGE_RESTRICTED
DEFERRED = replace(settings(), flow=ShopperFlow(age_check=AgeCheck.BEFORE_PAYMENT))
LIMITED_WINE = item("wine", 799, "standard", age_limit=18, quantity_limit=1)
WEIGHED_CIDER = item("cider", 500, "standard", age_limit=16, unit=BANANAS.unit, plu="4999")


def shopping(*events: ev.Event) -> Checkout:
    return run(Checkout.start(DEFERRED, "b-1"), scan(MILK, 1), *events)


def approve(minute: int, **proof: object) -> ev.InterventionResolved:
    return ev.InterventionResolved(AGE, "s-1", True, at(minute), **proof)  # type: ignore[arg-type]


def test_a_restricted_item_is_added_with_its_check_pending_and_scanning_goes_on() -> None:
    after, effects = shopping().handle(scan(WHISKY, 2))
    assert after.phase is Phase.SHOPPING
    assert after.age_pending == (2,)
    assert [type(e) for e in effects] == [fx.JournalLine, fx.Beep]
    more = run(after, scan(MILK, 3), scan(BEER, 4))
    assert more.age_pending == (2, 4)


def test_at_once_is_still_the_default() -> None:
    c = run(Checkout.start(settings(), "b-1"), scan(MILK, 1))
    after, _ = c.handle(scan(WHISKY, 2))
    assert after.phase is Phase.INTERVENTION
    assert after.age_pending == ()


def test_pay_pauses_for_one_check_of_every_pending_line() -> None:
    c = shopping(scan(BEER, 2), scan(WHISKY, 3))
    paused, effects = c.handle(ev.PayRequested(at(4)))
    assert paused.phase is Phase.INTERVENTION
    assert paused.pending is not None
    assert paused.pending.kind is AGE
    assert paused.pending.action == CheckAge((2, 3), 18)
    assert effects == [fx.CallAttendant(AGE, paused.pending.detail),
                       fx.ShowMessage("intervention.age_restricted")]  # fmt: skip


def test_an_approval_clears_the_lines_and_pay_then_starts() -> None:
    c = shopping(scan(BEER, 2), scan(WHISKY, 3))
    paused = run(c, ev.PayRequested(at(4)))
    approved, effects = paused.handle(approve(5, id_seen=True))
    assert approved.phase is Phase.SHOPPING
    assert approved.age_pending == ()
    assert len(approved.basket.active_lines) == 3
    assert approved.interventions[-1].resolution == "approved"
    paying, effects = approved.handle(ev.PayRequested(at(6)))
    assert paying.phase is Phase.PAYING
    assert isinstance(effects[0], fx.StartPayment)


def test_a_refusal_voids_the_pending_lines_with_an_audit_entry_each() -> None:
    c = shopping(scan(BEER, 2), scan(MILK, 3), scan(WHISKY, 4))
    paused = run(c, ev.PayRequested(at(5)))
    refused, effects = paused.handle(ev.InterventionResolved(AGE, "s-1", False, at(6)))
    assert refused.phase is Phase.SHOPPING
    assert [ln.item.sku for ln in refused.basket.active_lines] == ["milk", "milk"]
    journaled = [e.line for e in effects if isinstance(e, fx.JournalLine)]
    assert [(ln.line_no, ln.voided) for ln in journaled] == [(2, True), (4, True)]
    assert fx.ShowMessage("age_lines_voided") in effects
    audit = [(a.action, a.staff_id, a.reason, dict(a.details)["line_no"]) for a in refused.audit]
    assert audit == [("void_line", "s-1", "age check refused", "2"),
                     ("void_line", "s-1", "age check refused", "4")]  # fmt: skip
    assert refused.interventions[-1].resolution == "denied"
    paying, _ = refused.handle(ev.PayRequested(at(7)))
    assert paying.amount_due == eur(129 * 2)


def test_a_date_of_birth_keeps_what_the_age_allows_and_voids_the_rest() -> None:
    c = shopping(scan(BEER, 2), scan(WHISKY, 3))
    paused = run(c, ev.PayRequested(at(4)))
    seventeen = date(at(0).year - 17, 1, 1)
    after, _ = paused.handle(approve(5, date_of_birth=seventeen))
    assert [ln.item.sku for ln in after.basket.active_lines] == ["milk", "beer"]  # 16+, not 18+
    assert after.interventions[-1].resolution == "underage"
    assert after.age_pending == ()


def test_the_approval_covers_later_items_of_the_same_or_a_lower_limit() -> None:
    c = run(shopping(scan(WHISKY, 2), ev.PayRequested(at(3))), approve(4, id_seen=True))
    later = run(c, scan(BEER, 5), scan(WHISKY, 6))
    assert later.age_pending == ()
    paying, _ = later.handle(ev.PayRequested(at(7)))
    assert paying.phase is Phase.PAYING


def test_a_higher_limit_than_approved_is_pending_again() -> None:
    c = run(shopping(scan(BEER, 2), ev.PayRequested(at(3))), approve(4, id_seen=True))
    later = run(c, scan(WHISKY, 5))
    assert later.age_pending == (3,)


def test_a_weighed_restricted_item_is_pending_once_weighed() -> None:
    c = shopping(scan(WEIGHED_CIDER, 2))
    assert c.phase is Phase.WEIGHING
    weighed = run(c, ev.ItemWeighed(750, at(3)))
    assert weighed.phase is Phase.SHOPPING
    assert weighed.age_pending == (2,)


def test_a_line_past_its_quantity_limit_approved_by_staff_is_still_pending() -> None:
    c = shopping(scan(LIMITED_WINE, 2), scan(LIMITED_WINE, 3))
    assert c.pending is not None
    assert c.pending.kind is InterventionKind.QUANTITY_LIMIT
    approved = run(c, ev.InterventionResolved(InterventionKind.QUANTITY_LIMIT, "s-1", True, at(4)))
    assert approved.age_pending == (2, 3)


def test_a_pending_line_the_shopper_had_removed_no_longer_needs_a_check() -> None:
    c = shopping(scan(WHISKY, 2), ev.VoidRequested(2, at(3)))
    voided = run(c, ev.InterventionResolved(InterventionKind.VOID_REQUEST, "s-1", True, at(4)))
    assert voided.age_pending == ()
    paying, _ = voided.handle(ev.PayRequested(at(5)))
    assert paying.phase is Phase.PAYING


def test_a_recovered_basket_asks_again_for_every_restricted_line() -> None:
    c = run(shopping(scan(BEER, 2), ev.PayRequested(at(3))), approve(4, id_seen=True))
    assert c.age_pending == ()
    back = Checkout.recover(DEFERRED, c.basket, at(0))
    assert back.age_pending == (2,)
    paused, _ = back.handle(ev.PayRequested(at(9)))
    assert paused.pending is not None
    assert paused.pending.kind is AGE


def test_a_recovered_basket_of_the_default_flow_is_unchanged() -> None:
    c = run(Checkout.start(settings(), "b-1"), scan(BEER, 1), approve(2, id_seen=True))
    assert Checkout.recover(settings(), c.basket, at(0)).age_pending == ()


def test_a_zero_total_basket_is_not_committed_before_the_check() -> None:
    free_spirit = item("sample", 0, "zero", age_limit=18)
    c = run(Checkout.start(DEFERRED, "b-1"), scan(free_spirit, 1))
    paused, effects = c.handle(ev.PayRequested(at(2)))
    assert not any(isinstance(e, fx.CommitSale) for e in effects)
    assert paused.phase is Phase.INTERVENTION


def test_items_put_aside_come_before_the_age_check_and_both_are_chained() -> None:
    from kiosk.domain.checkout.flow import UnknownBarcode

    both = replace(settings(), flow=ShopperFlow(UnknownBarcode.PUT_ASIDE, AgeCheck.BEFORE_PAYMENT))
    c = run(Checkout.start(both, "b-1"), scan(WHISKY, 1), ev.ItemScanned(None, "77", at(2)))
    paused = run(c, ev.PayRequested(at(3)))
    assert paused.pending is not None
    assert paused.pending.kind is InterventionKind.UNKNOWN_BARCODE
    unknown = ev.InterventionResolved(InterventionKind.UNKNOWN_BARCODE, "s-1", False, at(4))
    next_, _ = paused.handle(unknown)
    assert next_.pending is not None
    assert next_.pending.kind is AGE
    done = run(next_, approve(5, id_seen=True))
    assert done.phase is Phase.SHOPPING
