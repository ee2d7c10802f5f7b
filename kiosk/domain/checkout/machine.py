"""The self-checkout state machine: events in, a new state and effects out.

Theory of operation
-------------------
A :class:`Checkout` is an immutable value: the lane's settings, the basket and
everything the sale document needs (payments, resolved interventions, audit).
:meth:`Checkout.handle` looks up ``TRANSITIONS[phase][type(event)]`` - one
dictionary lookup - and calls the handler, which returns ``(new_checkout,
effects)``. A pair missing from the table raises :class:`IllegalTransition`
naming the phase and the event (as h11's ``LocalProtocolError`` does). The
machine does no I/O and reads no clock: every event carries ``at``.

Phases::

    IDLE --scan--> SHOPPING <--> WEIGHING          (weighed item waits for the scale)
                     |  ^
                     |  +-- INTERVENTION --+        (attendant resolves; back to where
                     |        ^            |         it was raised, or SHOPPING)
                     v        |            |
                   PAYING ----+------------+
                     | approved in full (or attendant confirms an unknown outcome);
                     | a partial approval goes back to SHOPPING with the rest still due
                     v
                 COMPLETING --SaleCompleted--> FINISHED --Reset--> IDLE
    (Cancelled in SHOPPING also goes to COMPLETING, as a cancelled sale.)

Interventions pause selling: in INTERVENTION only ``InterventionResolved`` moves
on, or ``RequestWithdrawn`` when the shopper takes back their own help call or
remove-item request; scans are refused with a beep, help and faults page the
attendant again.
An intervention carries the paused action (add an item, change a quantity,
void, override, confirm a payment), applied only if approved. While a payment
or a commit is in flight, help and device faults page without pausing, so no
terminal outcome is ever dropped.

Rules worth knowing:
* Effects are ordered: ``JournalLine`` comes before the beep that shows the line
  (invariant 2); ``CommitSale`` comes alone and the thank-you and
  ``PrintReceipt`` wait for ``SaleCompleted`` (invariant 1).
* An unknown payment outcome is never retried; it becomes an intervention
  (invariant 3). ``max_declines`` declines in a row call the attendant.
* Age: the attendant approves with a date of birth or "ID seen". The approval
  holds for the rest of the basket; see :mod:`.interventions` for when a later
  restricted item asks again. A store may defer the check to Pay (:mod:`.pending_age`)
  and put unknown codes aside instead of pausing (:mod:`.aside`): Pay then waits for
  the attendant (:mod:`.pay_gate`).
* A failed payment's reason (``payment_failure``) is news for one step: any event
  after the ``PaymentDeclined`` clears it (``PaymentNoticeClosed`` when the shopper
  only leaves the pay screen). ``aborting`` lasts while the terminal answers an abort.
* A bad request about a line (unknown, voided, quantity < 1, negative price) is
  refused with a message, not an exception: it comes from a person, not a bug.
* What the screen shows is read from the state alone: in IDLE, ``engaged`` (Start was
  touched: ``StartTouched`` / ``WelcomeLapsed``) chooses the empty basket over the
  welcome; ``on_scale_g`` keeps a weighed item still on the scale from completing the
  next one (``ScaleRead``; ``ItemWeighed`` is the screenless lane's direct weight).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from kiosk.domain.bagging.tracker import BagTracker
from kiosk.domain.basket import Basket
from kiosk.domain.checkout import aside, bagging, coupons, paying, pending_age, resolving, selling
from kiosk.domain.checkout.coupons import refuse_coupon, refuse_coupon_now, scan_coupon
from kiosk.domain.checkout.effects import Effect, SaleRecord
from kiosk.domain.checkout.events import (
    AsideResolved,
    BaggingSkipped,
    BaggingTimedOut,
    BagWeighed,
    BasketRestored,
    Cancelled,
    CouponScanned,
    DeviceFaulted,
    Event,
    HelpRequested,
    InterventionResolved,
    ItemScanned,
    ItemWeighed,
    PaymentApproved,
    PaymentDeclined,
    PaymentNoticeClosed,
    PaymentReversed,
    PaymentUnknown,
    PayRequested,
    PriceOverrideRequested,
    QuantityChanged,
    RequestWithdrawn,
    Reset,
    SaleCompleted,
    SaleRefused,
    ScaleRead,
    StartTouched,
    VoidRequested,
    WelcomeLapsed,
)
from kiosk.domain.checkout.interventions import (
    AddItem,
    AgeApproval,
    AuditEntry,
    Intervention,
    ResolvedIntervention,
)
from kiosk.domain.checkout.sale_rules import RecentScan
from kiosk.domain.checkout.states import (
    CheckoutSettings,
    IllegalTransition,
    PaymentFailure,
    PaymentRecord,
    Phase,
)
from kiosk.domain.money import Money
from kiosk.domain.tax import BasketTotals


@dataclass(frozen=True, slots=True)
class Checkout:
    """The state of one lane's checkout. Build with :meth:`start` or :meth:`recover`."""

    settings: CheckoutSettings
    basket: Basket
    phase: Phase = Phase.IDLE
    started_at: datetime | None = None
    pending: Intervention | None = None
    resume: Phase = Phase.SHOPPING
    weighing: AddItem | None = None
    age: AgeApproval | None = None
    declines: int = 0
    amount_due: Money | None = None
    payments: tuple[PaymentRecord, ...] = ()
    interventions: tuple[ResolvedIntervention, ...] = ()
    audit: tuple[AuditEntry, ...] = ()
    sale: SaleRecord | None = None
    #: Why the last payment took no money, until the shopper's next step (pay screen).
    payment_failure: PaymentFailure | None = None
    #: The shopper touched "Back to items" and the terminal was asked to abort.
    aborting: bool = False
    #: IDLE: the shopper touched Start, so the (empty) basket shows instead of the welcome.
    engaged: bool = False
    #: The weight of the last item weighed while it is still on the scale: a stable
    #: reading of it is not the next item's weight (cleared when the reading moves).
    on_scale_g: int | None = None
    #: The loyalty card on this basket (13 digits, see kiosk.domain.offers.cards).
    member_card: str | None = None
    #: The bagging area (kiosk.domain.checkout.bagging); None when the policy is disabled.
    bagging: BagTracker | None = None
    #: Unknown codes put aside, oldest first (``[lane] unknown_barcode = "put_aside"``),
    #: each as the intervention it raised; Pay waits until none is left (.aside).
    aside: tuple[Intervention, ...] = ()
    #: Lines added with their age check pending (``[lane] age_check = "before_payment"``);
    #: Pay waits for the check (.pending_age).
    age_pending: tuple[int, ...] = ()
    #: Scans the dual-scan rule remembers (kiosk.domain.checkout.sale_rules).
    recent_scans: tuple[RecentScan, ...] = ()

    @classmethod
    def start(cls, settings: CheckoutSettings, basket_id: str) -> Checkout:
        """An idle checkout whose first scan opens basket ``basket_id``."""
        return cls(
            settings, Basket(basket_id, settings.currency), bagging=bagging.tracker_for(settings)
        )

    @classmethod
    def recover(
        cls,
        settings: CheckoutSettings,
        basket: Basket,
        started_at: datetime,
        payments: tuple[PaymentRecord, ...] = (),
    ) -> Checkout:
        """Shopping again with a basket rebuilt from the journal after a restart, with the
        payments the payment journal holds for it (approved ones count towards the total)."""
        if settings.offers.offers:
            basket = basket.with_offers(settings.offers.book_for(started_at))
        recovered = cls(settings, basket, Phase.SHOPPING, started_at, payments=payments)
        return pending_age.recovered(recovered)  # the journal keeps no age approval

    def totals(self) -> BasketTotals:
        """Totals of the active lines under the lane's tax rules."""
        return self.basket.totals(self.settings.tax)

    def handle(self, event: Event) -> tuple[Checkout, list[Effect]]:
        """Apply ``event``; return the new checkout and the effects to perform, in order.

        Raises:
            IllegalTransition: if the current phase does not accept the event.
        """
        handler = TRANSITIONS[self.phase].get(type(event))
        if handler is None:
            raise IllegalTransition(self.phase, event)
        gated = bagging.gate(self, event)
        after, effects = handler(self, event) if gated is None else gated
        after, effects = bagging.follow(self, after, event, effects)
        effects = coupons.follow(self, after, effects)
        after = pending_age.follow(after, event, effects)
        effects = aside.journaled(self, after, effects)
        if after.payment_failure is not None and not isinstance(event, PaymentDeclined):
            after = replace(after, payment_failure=None)  # the shopper has moved on
        return after, effects


Handler = Callable[[Checkout, Any], tuple[Checkout, list[Effect]]]

_ALWAYS_PAGE: dict[type[Any], Handler] = {
    HelpRequested: selling.page_help,
    DeviceFaulted: selling.page_fault,
    ScaleRead: selling.scale_moved,
    BagWeighed: bagging.weighed,
}

TRANSITIONS: dict[Phase, dict[type[Any], Handler]] = {
    Phase.IDLE: {
        ItemScanned: selling.open_and_scan,
        CouponScanned: refuse_coupon,
        HelpRequested: selling.ask_help,
        DeviceFaulted: selling.device_fault,
        Reset: selling.reset,
        StartTouched: selling.engage,
        WelcomeLapsed: selling.disengage,
        ScaleRead: selling.scale_moved,
        BagWeighed: bagging.weighed,
    },
    Phase.SHOPPING: {
        ItemScanned: selling.scan,
        CouponScanned: scan_coupon,
        QuantityChanged: selling.change_quantity,
        VoidRequested: selling.request_void,
        PriceOverrideRequested: selling.request_override,
        HelpRequested: selling.ask_help,
        DeviceFaulted: selling.device_fault,
        PayRequested: paying.pay,
        AsideResolved: aside.resolve_one,
        PaymentNoticeClosed: paying.close_notice,
        PaymentReversed: paying.reversed_,
        Cancelled: selling.cancel_basket,
        ScaleRead: selling.scale_moved,
        BagWeighed: bagging.weighed,
        BaggingSkipped: bagging.skipped,
        BaggingTimedOut: bagging.timed_out,
        BasketRestored: coupons.restored,
    },
    Phase.WEIGHING: {
        ItemWeighed: selling.weigh,
        ScaleRead: selling.scale_read,
        ItemScanned: selling.refuse_scan,
        CouponScanned: refuse_coupon_now,
        HelpRequested: selling.ask_help,
        DeviceFaulted: selling.device_fault,
        Cancelled: selling.cancel_weighing,
        BagWeighed: bagging.weighed,
    },
    Phase.INTERVENTION: {
        InterventionResolved: resolving.resolve,
        RequestWithdrawn: resolving.withdraw,
        PaymentReversed: paying.reversed_,
        ItemScanned: selling.refuse_scan,
        CouponScanned: refuse_coupon_now,
        BasketRestored: coupons.restored,
        **_ALWAYS_PAGE,
    },
    Phase.PAYING: {
        PaymentApproved: paying.approved,
        PaymentDeclined: paying.declined,
        PaymentUnknown: paying.unknown,
        Cancelled: paying.abort,
        ItemScanned: selling.refuse_scan,
        CouponScanned: refuse_coupon_now,
        **_ALWAYS_PAGE,
    },
    Phase.COMPLETING: {
        SaleCompleted: paying.completed,
        SaleRefused: paying.refused,
        **_ALWAYS_PAGE,
    },
    Phase.FINISHED: {Reset: selling.reset, **_ALWAYS_PAGE},
}

__all__ = ["TRANSITIONS", "Checkout", "IllegalTransition", "Phase"]
