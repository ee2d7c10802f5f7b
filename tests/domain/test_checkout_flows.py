"""Checkout scenarios: age checks, weighing, limits, voids, overrides, payments, the sale record."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from domain_factories import (
    BANANAS,
    BEER,
    FREEBIE,
    GUM,
    MILK,
    WHISKY,
    at,
    checkout_in,
    eur,
    item,
    run,
    scan,
    settings,
)

from kiosk.domain.checkout import Checkout, IllegalTransition, Phase
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.interventions import InterventionKind as K
from kiosk.domain.checkout.states import PaymentRecord

AGE = K.AGE_RESTRICTED


def resolved(
    kind: K, approved: bool = True, minute: int = 9, **kw: object
) -> ev.InterventionResolved:
    return ev.InterventionResolved(kind, "s-17", approved, at(minute), **kw)  # type: ignore[arg-type]


def skus(c: Checkout) -> list[str]:
    return [line.item.sku for line in c.basket.active_lines]


# --- age ---------------------------------------------------------------------------------


def test_age_restricted_item_pauses_until_approved_with_date_of_birth() -> None:
    # GIVEN a shopper scans beer (16+)
    c, effects = checkout_in(Phase.SHOPPING).handle(scan(BEER, 2))
    assert c.phase is Phase.INTERVENTION
    assert c.pending is not None
    assert c.pending.kind is AGE
    assert fx.CallAttendant(AGE, "beer needs age 16") in effects
    # WHEN the attendant approves with a date of birth of an adult
    c, effects = c.handle(resolved(AGE, date_of_birth=date(1990, 5, 1)))
    # THEN the beer is added and the lamp is cleared
    assert c.phase is Phase.SHOPPING
    assert skus(c) == ["milk", "beer"]
    assert isinstance(effects[0], fx.AttendantCleared)
    assert c.interventions[-1].resolution == "approved"
    # AND whisky (18+) does not ask again: the date of birth covers it
    c, _ = c.handle(scan(WHISKY, 10))
    assert c.phase is Phase.SHOPPING
    assert skus(c) == ["milk", "beer", "whisky"]


def test_id_seen_covers_up_to_the_approved_age_only() -> None:
    c = run(checkout_in(Phase.SHOPPING), scan(BEER, 2), resolved(AGE, id_seen=True))
    c = run(c, scan(BEER, 10))
    assert c.phase is Phase.SHOPPING  # 16 again: no new check
    c, _ = c.handle(scan(WHISKY, 11))
    assert c.phase is Phase.INTERVENTION  # 18 > approved 16: asks again
    c = run(c, resolved(AGE, id_seen=True, minute=12), scan(BEER, 13), scan(WHISKY, 14))
    assert c.phase is Phase.SHOPPING
    assert skus(c) == ["milk", "beer", "beer", "whisky", "beer", "whisky"]


def test_a_younger_date_of_birth_refuses_the_item_and_asks_again_for_higher_limits() -> None:
    seventeen = date(2009, 6, 1)  # 17 on 2026-11-22
    c = run(checkout_in(Phase.SHOPPING), scan(BEER, 2), resolved(AGE, date_of_birth=seventeen))
    assert skus(c) == ["milk", "beer"]
    c, _ = c.handle(scan(WHISKY, 10))
    assert c.phase is Phase.INTERVENTION
    c, effects = c.handle(resolved(AGE, date_of_birth=seventeen, minute=11))
    assert c.phase is Phase.SHOPPING
    assert skus(c) == ["milk", "beer"]
    assert fx.ShowMessage("age_refused") in effects
    assert c.interventions[-1].resolution == "underage"


def test_age_denied_drops_the_item() -> None:
    c = run(checkout_in(Phase.SHOPPING), scan(BEER, 2), resolved(AGE, approved=False))
    assert skus(c) == ["milk"]
    assert c.interventions[-1].resolution == "denied"
    assert c.age is None


def test_age_approval_without_proof_is_illegal() -> None:
    c = run(checkout_in(Phase.SHOPPING), scan(BEER, 2))
    with pytest.raises(IllegalTransition, match="date_of_birth or id_seen"):
        c.handle(resolved(AGE))


def test_resolving_another_kind_names_the_pending_one() -> None:
    c = run(checkout_in(Phase.SHOPPING), scan(BEER, 2))
    with pytest.raises(IllegalTransition, match="pending intervention is age_restricted"):
        c.handle(resolved(K.HELP_REQUESTED))


def test_age_counts_birthdays_on_the_day_of_the_event() -> None:
    # 18 exactly on 2026-11-22
    c = run(checkout_in(Phase.SHOPPING), scan(WHISKY, 2))
    c = run(c, resolved(AGE, date_of_birth=date(2008, 11, 22)))
    assert skus(c) == ["milk", "whisky"]
    c = run(checkout_in(Phase.SHOPPING), scan(WHISKY, 2))
    c = run(c, resolved(AGE, date_of_birth=date(2008, 11, 23)))
    assert skus(c) == ["milk"]


# --- unknown codes, weighing, limits ---------------------------------------------------------


def test_unknown_barcode_can_be_keyed_in_by_the_attendant() -> None:
    c, _effects = checkout_in(Phase.SHOPPING).handle(ev.ItemScanned(None, "123", at(2)))
    assert c.pending is not None
    assert c.pending.detail == "123"
    c = run(c, resolved(K.UNKNOWN_BARCODE, item=MILK))
    assert skus(c) == ["milk", "milk"]
    assert c.basket.lines[-1].scanned_code == "123"


def test_unknown_barcode_denied_adds_nothing() -> None:
    c = run(checkout_in(Phase.SHOPPING), ev.ItemScanned(None, "123", at(2)))
    c = run(c, resolved(K.UNKNOWN_BARCODE, approved=False))
    assert (c.phase, skus(c)) == (Phase.SHOPPING, ["milk"])


def test_item_without_a_tax_rate_is_treated_as_unknown() -> None:
    odd = item("odd", 100, "luxury")
    c, _ = checkout_in(Phase.SHOPPING).handle(scan(odd, 2))
    assert c.pending is not None
    assert c.pending.kind is K.UNKNOWN_BARCODE


def test_weighed_item_waits_for_the_scale_and_rounds_half_up() -> None:
    c, effects = checkout_in(Phase.SHOPPING).handle(scan(BANANAS, 2))
    assert c.phase is Phase.WEIGHING
    assert effects == [fx.ShowMessage("place_on_scale", (("sku", "bananas"),))]
    c, effects = c.handle(ev.ItemWeighed(1234, at(3)))
    line = c.basket.lines[-1]
    assert (line.weight_g, line.amount) == (1234, eur(246))  # 1.99 * 1.234 = 2.45566
    assert effects == [fx.JournalLine("b-1", line), fx.Beep(ok=True)]


def test_zero_weight_is_refused_and_keeps_waiting() -> None:
    c = run(checkout_in(Phase.SHOPPING), scan(BANANAS, 2), ev.ItemWeighed(0, at(3)))
    assert c.phase is Phase.WEIGHING


def test_variable_measure_code_with_weight_skips_the_scale() -> None:
    c, _ = checkout_in(Phase.SHOPPING).handle(scan(BANANAS, 2, weight_g=500))
    assert (c.phase, c.basket.lines[-1].amount) == (Phase.SHOPPING, eur(100))


def test_help_while_weighing_resumes_weighing() -> None:
    c = run(checkout_in(Phase.WEIGHING), ev.HelpRequested(at(3)), resolved(K.HELP_REQUESTED))
    assert c.phase is Phase.WEIGHING
    assert c.weighing is not None


@pytest.mark.parametrize(("approved", "expected"), [(True, 3), (False, 2)])
def test_quantity_limit_on_scan(approved: bool, expected: int) -> None:
    c = run(checkout_in(Phase.SHOPPING), scan(GUM, 2), scan(GUM, 3))
    c, _ = c.handle(scan(GUM, 4))
    assert c.pending is not None
    assert c.pending.kind is K.QUANTITY_LIMIT
    c = run(c, resolved(K.QUANTITY_LIMIT, approved))
    assert c.basket.units_of("gum") == expected


def test_quantity_change_over_the_limit_needs_approval() -> None:
    c = run(checkout_in(Phase.SHOPPING), scan(GUM, 2), ev.QuantityChanged(2, 5, at(3)))
    assert c.phase is Phase.INTERVENTION
    c = run(c, resolved(K.QUANTITY_LIMIT))
    assert c.basket.line(2).quantity == 5
    # lowering stays possible (with an attendant) although still above the limit
    c = run(c, ev.QuantityChanged(2, 4, at(10)), resolved(K.VOID_REQUEST, minute=11))
    assert c.basket.line(2).quantity == 4


def test_quantity_decrease_needs_an_attendant_and_is_audited() -> None:
    c = run(checkout_in(Phase.SHOPPING), ev.QuantityChanged(1, 3, at(2)))
    assert c.basket.line(1).quantity == 3
    c, _ = c.handle(ev.QuantityChanged(1, 1, at(3)))
    assert c.pending is not None
    assert c.pending.kind is K.VOID_REQUEST
    c = run(c, resolved(K.VOID_REQUEST))
    assert c.basket.line(1).quantity == 1
    assert c.audit[-1].action == "set_quantity"


def test_same_quantity_is_a_no_op() -> None:
    before = checkout_in(Phase.SHOPPING)
    assert before.handle(ev.QuantityChanged(1, 1, at(2))) == (before, [])


# --- void, override, bad requests -----------------------------------------------------------


def test_void_keeps_the_line_but_not_its_amount() -> None:
    c = run(checkout_in(Phase.SHOPPING), scan(BEER, 2), resolved(AGE, id_seen=True))
    c, effects = c.handle(ev.VoidRequested(2, at(10)))
    c, effects = c.handle(resolved(K.VOID_REQUEST, minute=11, note="shopper changed mind"))
    assert c.basket.line(2).voided
    assert len(c.basket.lines) == 2
    assert c.totals().total == eur(129)
    assert fx.JournalLine("b-1", c.basket.line(2)) in effects
    assert (c.audit[-1].action, c.audit[-1].staff_id) == ("void_line", "s-17")


def test_void_denied_keeps_the_line() -> None:
    c = run(checkout_in(Phase.SHOPPING), ev.VoidRequested(1, at(2)))
    c = run(c, resolved(K.VOID_REQUEST, approved=False))
    assert not c.basket.line(1).voided
    assert c.audit == ()


def test_price_override_is_applied_with_its_reason() -> None:
    c = run(
        checkout_in(Phase.SHOPPING),
        ev.PriceOverrideRequested(1, eur(99), "damaged", at(2)),
        resolved(K.PRICE_OVERRIDE),
    )
    line = c.basket.line(1)
    assert (line.unit_price, line.price_override_reason) == (eur(99), "damaged")
    assert c.audit[-1].action == "price_override"


@pytest.mark.parametrize(
    "event",
    [
        ev.VoidRequested(7, at(2)),
        ev.QuantityChanged(7, 2, at(2)),
        ev.QuantityChanged(1, 0, at(2)),
        ev.PriceOverrideRequested(1, eur(-1), "x", at(2)),
        ev.PriceOverrideRequested(1, eur(50), " ", at(2)),
        ev.ItemScanned(MILK, "x", at(2), quantity=0),
    ],
)
def test_bad_requests_are_refused_without_changing_state(event: ev.Event) -> None:
    before = checkout_in(Phase.SHOPPING)
    after, effects = before.handle(event)
    assert after == before
    assert effects[0] == fx.Beep(ok=False)


# --- paying ---------------------------------------------------------------------------------


def test_happy_path_produces_a_complete_sale_record() -> None:
    c = run(checkout_in(Phase.SHOPPING), scan(BEER, 2), resolved(AGE, id_seen=True, minute=3))
    c, effects = c.handle(ev.PayRequested(at(4)))
    assert effects[0] == fx.StartPayment("b-1", eur(129 + 89 + 25))
    c, effects = c.handle(ev.PaymentApproved("p-1", eur(243), at(5), auth_code="123456"))
    assert c.phase is Phase.COMPLETING
    [commit] = effects
    assert isinstance(commit, fx.CommitSale)
    sale = commit.sale
    assert (sale.status, sale.started_at, sale.completed_at) == ("completed", at(1), at(5))
    assert sale.totals.total == eur(243)
    assert sale.totals.deposit == eur(25)
    assert [p.outcome for p in sale.payments] == ["approved"]
    assert [i.kind for i in sale.interventions] == [AGE]
    c, effects = c.handle(ev.SaleCompleted(at(6)))
    assert effects == [fx.PrintReceipt(sale), fx.ShowMessage("thank_you")]
    c, _ = c.handle(ev.Reset("b-2", at(7)))
    assert (c.phase, c.basket.basket_id, c.basket.lines, c.age) == (Phase.IDLE, "b-2", (), None)


def test_declines_return_to_shopping_then_call_the_attendant() -> None:
    c = checkout_in(Phase.SHOPPING)
    for attempt in range(2):
        c = run(c, ev.PayRequested(at(2)), ev.PaymentDeclined(f"p-{attempt}", "no", at(3)))
        assert c.phase is Phase.SHOPPING
    c = run(c, ev.PayRequested(at(4)), ev.PaymentDeclined("p-2", "no", at(5)))
    assert c.pending is not None
    assert c.pending.kind is K.PAYMENT_FAILURE
    c = run(c, resolved(K.PAYMENT_FAILURE))
    assert (c.phase, c.declines) == (Phase.SHOPPING, 0)
    assert [p.outcome for p in c.payments] == ["declined"] * 3


@pytest.mark.parametrize(
    ("approved", "phase", "outcome"),
    [(True, Phase.COMPLETING, "approved"), (False, Phase.SHOPPING, "failed")],
)
def test_unknown_outcome_is_never_retried_the_attendant_decides(
    approved: bool, phase: Phase, outcome: str
) -> None:
    c, effects = checkout_in(Phase.PAYING).handle(ev.PaymentUnknown("p-1", eur(129), at(3)))
    assert not any(isinstance(e, fx.StartPayment) for e in effects)
    assert c.pending is not None
    assert c.pending.kind is K.PAYMENT_UNKNOWN
    c, effects = c.handle(resolved(K.PAYMENT_UNKNOWN, approved))
    assert c.phase is phase
    assert [p.outcome for p in c.payments] == [outcome]
    assert c.audit[-1].details == (("reference", "p-1"), ("amount", "129"))


def test_partial_approval_counts_and_the_rest_is_still_due() -> None:
    c, effects = checkout_in(Phase.PAYING).handle(ev.PaymentApproved("p-1", eur(100), at(3)))
    assert c.phase is Phase.SHOPPING
    assert effects == [
        fx.ShowMessage("payment_partial", (("paid", "1.00 EUR"), ("due", "0.29 EUR")))
    ]
    c, effects = c.handle(ev.PayRequested(at(4)))
    assert effects[0] == fx.StartPayment(c.basket.basket_id, eur(29))  # only the rest
    c, effects = c.handle(ev.PaymentApproved("p-2", eur(29), at(5)))
    assert isinstance(effects[0], fx.CommitSale)
    assert [(p.reference, p.amount) for p in effects[0].sale.payments] == [
        ("p-1", eur(100)),
        ("p-2", eur(29)),
    ]


def test_approved_more_than_due_calls_the_attendant_to_give_it_back() -> None:
    c, effects = checkout_in(Phase.PAYING).handle(ev.PaymentApproved("p-1", eur(200), at(3)))
    assert c.pending is not None
    assert c.pending.kind is K.PAYMENT_UNKNOWN
    assert "give back 0.71 EUR" in c.pending.detail
    assert not any(isinstance(e, fx.CommitSale) for e in effects)
    c, effects = c.handle(resolved(K.PAYMENT_UNKNOWN, False))  # reversed by the attendant
    assert c.phase is Phase.SHOPPING
    c, effects = c.handle(ev.PayRequested(at(6)))
    assert effects[0] == fx.StartPayment(c.basket.basket_id, eur(129))


def test_recovered_approval_counts_towards_a_grown_basket() -> None:
    shopping = checkout_in(Phase.SHOPPING)
    earlier = PaymentRecord("p-0", eur(100), "approved", at(1))
    c = Checkout.recover(shopping.settings, shopping.basket, at(0), (earlier,))
    c, effects = c.handle(ev.PayRequested(at(2)))
    assert effects[0] == fx.StartPayment(c.basket.basket_id, eur(29))


def test_confirmed_unknown_counts_with_the_confirmed_amount() -> None:
    c, _ = checkout_in(Phase.PAYING).handle(ev.PaymentUnknown("p-1", eur(129), at(3)))
    confirmed = ev.InterventionResolved(K.PAYMENT_UNKNOWN, "s-1", True, at(4), amount=eur(29))
    c, effects = c.handle(confirmed)
    assert c.phase is Phase.SHOPPING  # only 0.29 was taken: 1.00 still due
    c, effects = c.handle(ev.PayRequested(at(5)))
    assert effects[0] == fx.StartPayment(c.basket.basket_id, eur(100))


def test_cancel_of_a_partly_paid_basket_waits_for_the_money_back() -> None:
    c, _ = checkout_in(Phase.PAYING).handle(ev.PaymentApproved("p-1", eur(100), at(3)))
    c, effects = c.handle(ev.Cancelled(at(4), "s-17", "left"))
    assert c.phase is Phase.INTERVENTION
    assert not any(isinstance(e, fx.CommitSale) for e in effects)
    c, _ = c.handle(resolved(K.PAYMENT_UNKNOWN, False))
    c, _ = c.handle(ev.PaymentReversed("p-1", at(5)))
    c, [commit] = c.handle(ev.Cancelled(at(6), "s-17", "left"))
    assert isinstance(commit, fx.CommitSale)
    assert commit.sale.status == "cancelled"


def test_sale_refused_by_the_store_takes_the_journal_as_the_truth() -> None:
    c, _ = checkout_in(Phase.PAYING).handle(ev.PaymentApproved("p-1", eur(129), at(3)))
    assert c.phase is Phase.COMPLETING
    refused = ev.SaleRefused("card took 1.00", at(4), (("p-1", eur(100)),))
    c, _ = c.handle(refused)
    assert c.phase is Phase.INTERVENTION
    assert c.pending is not None
    assert c.pending.kind is K.PAYMENT_FAILURE
    c, _ = c.handle(resolved(K.PAYMENT_FAILURE, True))
    c, effects = c.handle(ev.PayRequested(at(6)))
    assert effects[0] == fx.StartPayment(c.basket.basket_id, eur(29))


def test_paying_an_empty_basket_is_refused() -> None:
    c = run(checkout_in(Phase.SHOPPING), ev.VoidRequested(1, at(2)), resolved(K.VOID_REQUEST))
    after, effects = c.handle(ev.PayRequested(at(10)))
    assert (after, effects) == (c, [fx.Beep(ok=False), fx.ShowMessage("basket_empty")])


def test_zero_total_commits_without_payment() -> None:
    c = run(Checkout.start(settings(), "b-1"), scan(FREEBIE, 1))
    c, effects = c.handle(ev.PayRequested(at(2)))
    assert c.phase is Phase.COMPLETING
    assert isinstance(effects[0], fx.CommitSale)


def test_cancelled_basket_is_committed_as_cancelled_without_receipt() -> None:
    c, [commit] = checkout_in(Phase.SHOPPING).handle(ev.Cancelled(at(2), "s-17", "left"))
    assert isinstance(commit, fx.CommitSale)
    assert commit.sale.status == "cancelled"
    assert c.audit[-1].action == "cancel_basket"
    c, effects = c.handle(ev.SaleCompleted(at(3)))
    assert effects == [fx.ShowMessage("sale_cancelled")]


def test_journal_line_comes_before_the_beep() -> None:
    _, effects = checkout_in(Phase.SHOPPING).handle(scan(MILK, 2))
    assert [type(e) for e in effects] == [fx.JournalLine, fx.Beep]


def test_recover_resumes_shopping_with_the_journaled_basket() -> None:
    basket = checkout_in(Phase.SHOPPING).basket
    c = Checkout.recover(settings(), basket, at(0))
    c = run(c, scan(MILK, 5))
    assert [line.line_no for line in c.basket.lines] == [1, 2]


def test_a_clock_stepped_back_never_ends_a_sale_before_it_began() -> None:
    paying = checkout_in(Phase.PAYING)
    assert paying.started_at is not None
    earlier = paying.started_at - timedelta(minutes=5)  # NTP stepped the clock back
    _, effects = paying.handle(ev.PaymentApproved("p-1", eur(129), earlier))
    sale = effects[0].sale  # type: ignore[union-attr]
    assert sale.completed_at == sale.started_at
