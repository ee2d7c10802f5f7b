"""Unknown items put aside: the shopper keeps scanning, Pay waits for the attendant."""

from __future__ import annotations

from dataclasses import replace

from domain_factories import BEER, MILK, WHISKY, at, eur, run, scan, settings

from kiosk.domain.checkout import Checkout, Phase, aside
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.flow import AgeCheck, ShopperFlow, UnknownBarcode
from kiosk.domain.checkout.interventions import InterventionKind

UNKNOWN = InterventionKind.UNKNOWN_BARCODE
ASIDE = replace(settings(), flow=ShopperFlow(unknown_barcode=UnknownBarcode.PUT_ASIDE))


def unknown(code: str, minute: int) -> ev.ItemScanned:
    return ev.ItemScanned(None, code, at(minute))


def started() -> Checkout:
    return run(Checkout.start(ASIDE, "b-1"), scan(MILK, 1))


def test_an_unknown_code_is_put_aside_and_the_attendant_paged_without_a_pause() -> None:
    after, effects = started().handle(unknown("12345670", 2))
    assert after.phase is Phase.SHOPPING
    assert after.pending is None
    assert [(e.kind, e.detail) for e in after.aside] == [(UNKNOWN, "12345670")]
    assert after.aside[0].raised_at == at(2)
    assert effects == [
        fx.JournalAside("b-1", after.aside),  # kept with the basket before it shows
        fx.Beep(ok=False),
        fx.CallAttendant(UNKNOWN, "12345670"),
        fx.ShowMessage("item_put_aside"),
    ]
    again, more = after.handle(scan(MILK, 3))  # the shopper keeps scanning
    assert len(again.basket.active_lines) == 2
    assert isinstance(more[0], fx.JournalLine)


def test_the_first_scan_of_a_basket_may_be_put_aside() -> None:
    after, effects = Checkout.start(ASIDE, "b-1").handle(unknown("999", 1))
    assert after.phase is Phase.SHOPPING
    assert isinstance(effects[0], fx.OpenBasket)
    assert len(after.aside) == 1


def test_the_default_flow_still_pauses_for_an_unknown_code() -> None:
    c = run(Checkout.start(settings(), "b-1"), scan(MILK, 1))
    after, _ = c.handle(unknown("999", 2))
    assert after.phase is Phase.INTERVENTION
    assert after.pending is not None
    assert after.pending.kind is UNKNOWN
    assert after.aside == ()


def test_pay_pauses_for_each_item_put_aside_in_turn_then_pays() -> None:
    c = run(started(), unknown("111", 2), unknown("222", 3))
    paused, effects = c.handle(ev.PayRequested(at(4)))
    assert paused.phase is Phase.INTERVENTION
    assert paused.pending is not None
    # the same intervention as the one raised at the scan (same kind and time)
    assert (paused.pending.kind, paused.pending.detail, paused.pending.raised_at) == (
        UNKNOWN, "111", at(2),
    )  # fmt: skip
    assert not any(isinstance(e, fx.StartPayment) for e in effects)
    # the attendant keys in the item: added, and the lane goes on to the next one
    added, effects = paused.handle(ev.InterventionResolved(UNKNOWN, "s-1", True, at(5), item=MILK))
    assert added.basket.active_lines[-1].scanned_code == "111"
    assert added.phase is Phase.INTERVENTION
    assert added.pending is not None
    assert added.pending.detail == "222"
    # the second is dismissed: shopping again with nothing aside
    done, effects = added.handle(ev.InterventionResolved(UNKNOWN, "s-1", False, at(6)))
    assert done.phase is Phase.SHOPPING
    assert done.aside == ()
    assert [r.resolution for r in done.interventions] == ["approved", "denied"]
    assert [r.raised_at for r in done.interventions] == [at(2), at(3)]
    paying, effects = done.handle(ev.PayRequested(at(7)))
    assert paying.phase is Phase.PAYING
    assert effects[0] == fx.StartPayment("b-1", eur(129 * 2))


def test_pay_with_only_items_put_aside_still_calls_the_attendant() -> None:
    c = run(Checkout.start(ASIDE, "b-1"), unknown("111", 1))
    paused, _ = c.handle(ev.PayRequested(at(2)))
    assert paused.phase is Phase.INTERVENTION
    done, effects = paused.handle(ev.InterventionResolved(UNKNOWN, "s-1", False, at(3)))
    assert done.phase is Phase.SHOPPING
    _, effects = done.handle(ev.PayRequested(at(4)))
    assert fx.ShowMessage("basket_empty") in effects


def test_the_attendant_adds_or_dismisses_an_item_while_the_shopper_scans() -> None:
    c = run(started(), unknown("111", 2), unknown("222", 3))
    added, effects = c.handle(ev.AsideResolved(at(3), "s-1", True, at(4), item=MILK))
    assert added.phase is Phase.SHOPPING
    assert [e.detail for e in added.aside] == ["111"]
    assert [line.item for line in added.basket.active_lines] == [MILK, MILK]
    assert any(isinstance(e, fx.JournalLine) for e in effects)
    assert not any(isinstance(e, fx.AttendantCleared) for e in effects)  # one is left
    dismissed, effects = added.handle(ev.AsideResolved(at(2), "s-1", False, at(5)))
    assert dismissed.aside == ()
    assert effects == [
        fx.JournalAside("b-1", ()),
        fx.AttendantCleared(UNKNOWN),
        fx.ShowMessage("aside_dismissed"),
    ]
    records = [(r.kind, r.resolution, r.raised_at, r.staff_id) for r in dismissed.interventions]
    assert records == [(UNKNOWN, "approved", at(3), "s-1"), (UNKNOWN, "denied", at(2), "s-1")]


def test_resolving_an_item_that_is_not_put_aside_is_refused() -> None:
    c = run(started(), unknown("111", 2))
    after, effects = c.handle(ev.AsideResolved(at(9), "s-1", True, at(4), item=MILK))
    assert after is c
    assert effects[0] == fx.Beep(ok=False)


def test_an_item_added_from_aside_still_has_its_age_checked_before_payment() -> None:
    both = ShopperFlow(UnknownBarcode.PUT_ASIDE, AgeCheck.BEFORE_PAYMENT)
    c = run(Checkout.start(replace(settings(), flow=both), "b-1"), scan(MILK, 1), unknown("7", 2))
    added, _ = c.handle(ev.AsideResolved(at(2), "s-1", True, at(3), item=BEER))
    assert added.age_pending == (2,)
    paused, _ = added.handle(ev.PayRequested(at(4)))
    assert paused.pending is not None
    assert paused.pending.kind is InterventionKind.AGE_RESTRICTED


def test_a_restricted_item_added_from_aside_is_age_checked_at_once_where_the_store_does() -> None:
    # the attendant may add it from the station, away from the shopper: no ID was seen
    c = run(started(), unknown("7", 2))
    paused, _ = c.handle(ev.AsideResolved(at(2), "s-1", True, at(3), item=WHISKY))
    assert paused.pending is not None
    assert paused.pending.kind is InterventionKind.AGE_RESTRICTED
    assert [line.item for line in paused.basket.active_lines] == [MILK]
    refused, _ = paused.handle(ev.InterventionResolved(InterventionKind.AGE_RESTRICTED, "s-2",
                                                       False, at(4)))  # fmt: skip
    assert [line.item for line in refused.basket.active_lines] == [MILK]
    assert refused.phase is Phase.SHOPPING


def test_a_restricted_item_added_at_pay_from_aside_is_age_checked_at_once_too() -> None:
    c = run(started(), unknown("7", 2), ev.PayRequested(at(3)))
    assert c.pending is not None
    assert c.pending.kind is UNKNOWN
    paused, _ = c.handle(ev.InterventionResolved(UNKNOWN, "s-1", True, at(4), item=WHISKY))
    assert paused.pending is not None
    assert paused.pending.kind is InterventionKind.AGE_RESTRICTED
    assert [line.item for line in paused.basket.active_lines] == [MILK]


def test_a_new_basket_starts_with_nothing_aside() -> None:
    c = run(started(), unknown("111", 2), ev.Cancelled(at(3)), ev.SaleCompleted(at(4)))
    fresh, _ = c.handle(ev.Reset("b-2", at(5)))
    assert fresh.aside == ()


def journaled(effects: list[fx.Effect]) -> list[tuple[str, ...]]:
    return [tuple(e.detail for e in x.entries) for x in effects if isinstance(x, fx.JournalAside)]


def test_what_is_outstanding_is_journaled_at_each_change_and_only_then() -> None:
    c = started()
    c, effects = c.handle(unknown("111", 2))
    assert journaled(effects) == [("111",)]
    c, effects = c.handle(scan(MILK, 3))
    assert journaled(effects) == []  # nothing changed aside
    c, effects = c.handle(unknown("222", 4))
    assert journaled(effects) == [("111", "222")]
    c, effects = c.handle(ev.PayRequested(at(5)))  # paused for 111: still outstanding
    assert journaled(effects) == []
    c, effects = c.handle(ev.InterventionResolved(UNKNOWN, "s-1", False, at(6)))
    assert journaled(effects) == [("222",)]  # then paused for 222
    c, effects = c.handle(ev.InterventionResolved(UNKNOWN, "s-1", False, at(7)))
    assert journaled(effects) == [()]


def test_a_first_scan_put_aside_is_journaled_after_the_basket_opens() -> None:
    _, effects = Checkout.start(ASIDE, "b-1").handle(unknown("999", 1))
    assert [type(e) for e in effects[:2]] == [fx.OpenBasket, fx.JournalAside]


def test_a_restored_basket_has_its_items_put_aside_and_pay_asks_for_them() -> None:
    c = run(started(), unknown("111", 2))
    back = aside.restored(Checkout.recover(ASIDE, c.basket, at(0)), ((at(2), "111"),))
    assert back.aside == c.aside
    paused, _ = back.handle(ev.PayRequested(at(9)))
    assert paused.pending == c.aside[0]
