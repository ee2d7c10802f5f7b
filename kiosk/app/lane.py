"""The lane controller: owns the checkout state and carries out its effects.

Theory of operation: every input (a scan, a touch, a scale reading, a payment
outcome) becomes a domain event and is put on one queue. A single lane thread
takes events off the queue, asks :class:`~kiosk.domain.checkout.machine.Checkout`
for the new state and the effects, and performs the effects in order: journal
writes and the sale commit go to the store before anything is shown (DESIGN.md
invariants 1 and 2); payment and printing are handed to their own workers whose
results come back as events on the same queue. After each event the new
checkout and its effects are broadcast to the listeners (the UI's bridge), so
the UI thread never waits on the store, a device or the network.

An event the current phase does not accept (a late scan while paying, a double
tap) is logged and dropped; it never stops the lane.
"""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from kiosk import clock as kiosk_clock
from kiosk.app import lane_coupons
from kiosk.app.documents import iso, sale_document
from kiosk.app.lane_coupons import COUPON_ERRORS, refusal_message
from kiosk.app.payments import SaleNotPaid
from kiosk.clock import utc_now
from kiosk.domain.cardlike import looks_like_card_data
from kiosk.domain.checkout import aside
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.events import (
    BaggingSkipped,
    BaggingTimedOut,
    BagWeighed,
    BasketRestored,
    DeviceFaulted,
    Event,
    ItemScanned,
    ItemWeighed,
    PaymentUnknown,
    PayRequested,
    Reset,
    SaleCompleted,
    SaleRefused,
)
from kiosk.domain.checkout.machine import Checkout, IllegalTransition
from kiosk.domain.checkout.paying import paid
from kiosk.domain.checkout.scanned import gs1_item_scanned
from kiosk.domain.checkout.states import CheckoutSettings, PaymentRecord, Phase
from kiosk.domain.gs1.scan import ScanKind, ScanResult, ScanRules, parse_scan, product_code
from kiosk.domain.gtin import BarcodeError, NotAProductCode
from kiosk.domain.money import Money
from kiosk.domain.mrzlike import looks_like_mrz
from kiosk.domain.offers import OfferCatalog
from kiosk.threads import start_thread, start_timer

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Listener = Callable[[Checkout, list[Any]], None]


#: The lane's clock: the one definition of "now" (kiosk.clock).
utc_clock = utc_now


class PaymentPort(Protocol):
    """What the lane needs from the payment flow; outcomes come back as events."""

    def start(self, basket_id: str, amount: Money, deliver: Callable[[Event], None]) -> None: ...

    def abort(self, basket_id: str) -> None: ...


class ReceiptPort(Protocol):
    def print_sale(self, sale: fx.SaleRecord | None, document: dict[str, Any]) -> None: ...


@dataclass(frozen=True)
class RecoveredPayments:
    """What the payment journal holds for a basket found open at start-up: approved
    payments (they count towards its total) and unresolved ones (reference, amount)."""

    approved: tuple[PaymentRecord, ...] = ()
    unresolved: tuple[tuple[str, Money], ...] = ()


NO_PAYMENTS = RecoveredPayments()


@dataclass(frozen=True)
class LaneIdentity:
    store_id: str
    lane_id: str
    language: str = "en"


class LaneController:
    """One lane's checkout, run on its own thread. Thread-safe entry: :meth:`submit`."""

    def __init__(
        self,
        *,
        identity: LaneIdentity,
        settings: CheckoutSettings,
        scan_rules: ScanRules,
        catalog: Any,
        journal: Any,
        commit_sale: Callable[[dict[str, Any], str], None],
        payments: PaymentPort,
        receipts: ReceiptPort | None = None,
        clock: Clock = utc_clock,
        auto_print: bool = False,
        recovered_payments: Callable[[str], RecoveredPayments] = lambda basket_id: NO_PAYMENTS,
        coupons: Any = None,
        language_follows_shopper: bool = False,
    ) -> None:
        self.identity = identity
        # The store's coupon list and redeemed serials (kiosk.store.coupons), or None.
        self.coupons = coupons
        # True: a sale is recorded (item names) and its receipt printed in the language
        # the shopper chose ([lane] receipt_language = "shopper"); else the lane's.
        self.language_follows_shopper = language_follows_shopper
        self.shopper_language = identity.language
        self.settings = settings
        self.scan_rules = scan_rules
        self.catalog = catalog
        self.journal = journal
        self.commit_sale = commit_sale
        self.payments = payments
        self.receipts = receipts
        self.clock = clock
        # False: the shopper chooses on the receipt screen (print, e-receipt, none).
        self.auto_print = auto_print
        self.recovered_payments = recovered_payments
        # False while staff have closed or paused the lane: scans are refused.
        self.accepting = True
        self.listeners: list[Listener] = []
        self.last_document: dict[str, Any] | None = None
        self.last_language = identity.language  # the last sale's (its receipt's) language
        self._queue: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.checkout = self._recover()

    # -- start-up ---------------------------------------------------------------

    def _recover(self) -> Checkout:
        """An idle checkout, or the open basket from the journal after a restart.

        The payment journal's approved payments for the basket count towards its total
        (split tender, invariant 3): if they pay it in full (the lane died between
        approval and commit) the sale is completed with them instead of asking the
        shopper to pay again; a payment still unresolved goes to the attendant first.
        Either is queued here and handled first when the lane thread starts; so is
        ``BasketRestored`` when a journaled coupon may have expired meanwhile.
        """
        for info in self.journal.open_baskets():
            if not info.basket.lines:
                continue
            basket_id = info.basket.basket_id
            log.warning("restored open basket %s with %d lines", basket_id, len(info.basket.lines))
            recovered = self.recovered_payments(basket_id)
            basket = lane_coupons.restore(self.coupons, info.basket)  # before the payments
            checkout = Checkout.recover(
                self.settings, basket, _parse_time(info.started_at), recovered.approved
            )
            checkout = aside.restored(checkout, self.journal.aside_of(basket_id))
            if recovered.unresolved:
                reference, amount = recovered.unresolved[0]
                unknown = PaymentUnknown(reference, amount, self.clock())
                self._queue.put(lambda unknown=unknown: self.handle(unknown))
                return replace(checkout, phase=Phase.PAYING, amount_due=amount)
            if lane_coupons.recheck_due(basket, paid=bool(recovered.approved)):
                self._queue.put(lambda: self.handle(BasketRestored(self.clock())))
            if recovered.approved and paid(checkout) >= checkout.totals().total:
                log.warning("basket %s was paid before the restart: completing it", basket_id)
                self._queue.put(lambda: self.handle(PayRequested(self.clock())))
            return checkout
        return Checkout.start(self.settings, new_basket_id())

    def start(self) -> None:
        """Start the lane thread (idempotent)."""
        if self._thread is None:
            self._thread = start_thread("lane", self._run)

    def stop(self, timeout: float = 5.0) -> None:
        """Finish queued work and stop the lane thread."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                job()
            except Exception:  # a bug must not kill the lane; the state is unchanged
                log.exception("lane job failed")

    # -- inputs (any thread) ----------------------------------------------------

    def submit(self, make_event: Callable[[datetime], Event]) -> None:
        """Queue an event built at handling time from the lane clock."""
        self._queue.put(lambda: self.handle(make_event(self.clock())))

    def scan(self, raw: str, aim: str | None = None) -> None:
        """A code from a scanner (or a PLU pick): parse and look up on the lane thread.
        ``aim`` is the AIM identifier a scanner driver already split off the code."""
        self._queue.put(lambda: self._scan(raw, aim))

    def use_offers(self, offers: OfferCatalog) -> None:
        """Price the next basket with ``offers`` (the open one keeps the offers it opened
        with). Any thread: applied on the lane thread."""

        def apply() -> None:
            self.settings = replace(self.settings, offers=offers)
            self.checkout = replace(self.checkout, settings=self.settings)

        self._queue.put(apply)

    def language_chosen(self, code: str) -> None:
        """The screen's language is now ``code`` (any thread; applied on the lane thread,
        so a sale committed after the choice is recorded in it)."""

        def apply() -> None:
            self.shopper_language = code

        self._queue.put(apply)

    def use_recalls(self, recalled: frozenset[tuple[str, str]]) -> None:
        """Refuse the recalled (GTIN-14, batch) pairs from now on, in the open basket too.
        Any thread: applied on the lane thread."""

        def apply() -> None:
            rules = replace(self.settings.sale_rules, recalls=recalled)
            self.settings = replace(self.settings, sale_rules=rules)
            self.checkout = replace(self.checkout, settings=self.settings)

        self._queue.put(apply)

    def call(self, job: Callable[[], None]) -> None:
        """Run ``job`` on the lane thread (for reads that must see a consistent state)."""
        self._queue.put(job)

    # -- what the shell asks of every journey's runner (kiosk.app.journeys) ------

    def device_faulted(self, device: str, detail: str) -> None:
        """A required device (or the store, or the terminal) failed: call the attendant."""
        self.submit(lambda at: DeviceFaulted(device, detail, at))

    def state_name(self) -> str:
        """The journey's state for HQ's heartbeat (the checkout phase)."""
        return self.checkout.phase.value

    def busy(self) -> bool:
        """True while a shopper has something under way (an open basket)."""
        return bool(self.checkout.basket.lines)

    # -- the lane thread --------------------------------------------------------

    def _scan(self, raw: str, aim: str | None = None) -> None:
        """Answer one scanned code with a basket change or a message, never silence.

        Card data and MRZ-like text are refused before anything logs, parses, looks up
        or journals them (invariant 6); a code that names no product says so, and no
        code can end the lane job with an exception (invariant 8).
        """
        if not self.accepting:
            self._broadcast([fx.Beep(False), fx.ShowMessage("lane.closed")])
            return
        card = looks_like_card_data(raw)
        if card or looks_like_mrz(raw):
            self._refuse_card(document=not card)
            return
        now = self.clock()
        try:
            result = parse_scan(raw, self.scan_rules, today=now.date(), aim=aim)
            event = lane_coupons.event(self.coupons, result, now) or self.scan_event(result, now)
        except COUPON_ERRORS as error:  # refused, or "unreadable" (HQ counts either)
            message = refusal_message(error, raw)
        except NotAProductCode as error:
            log.info("not a product code: %s", error)
            message = fx.ShowMessage(error.message_key)  # e.g. scan.not_a_product
        except BarcodeError as error:
            log.info("unreadable scan (%d characters): %s", len(raw), error)
            message = fx.ShowMessage("scan.unreadable", (("detail", str(error)),))
        except Exception as error:  # the catalog cannot be read: the shopper must hear it
            log.exception("a scan could not be looked up")
            self._page("store", f"a scan could not be looked up: {type(error).__name__}")
            message = fx.ShowMessage("store.failed")
        else:
            self.handle(event)
            return
        self._broadcast([fx.Beep(False), message])

    def _refuse_card(self, *, document: bool = False) -> None:
        """Card data (or, with ``document``, an identity document's MRZ) at the item
        scanner: refuse it and keep nothing of it (invariant 6)."""
        what = "identity document" if document else "card data"
        log.info("%s at the item scanner refused (not logged)", what)
        if document:
            message = fx.ShowMessage("scan.document_not_accepted")
        else:
            message = fx.ShowMessage("scan.card_not_accepted")
        self._broadcast([fx.Beep(False), message])

    def scan_event(self, result: ScanResult, now: datetime) -> ItemScanned:
        """Turn a parsed scan into ItemScanned, looking the item up in the catalog.

        Raises:
            NotAProductCode: the code names no product (a URL, a badge, an SSCC).
            BarcodeError: a number that is no well-formed GTIN or PLU.
            StoreError: the catalog cannot be read.
        """
        if result.kind is ScanKind.VARIABLE_MEASURE and result.item_reference:
            item = self.catalog.by_plu(result.item_reference) or (
                self.catalog.lookup(result.gtin14) if result.gtin14 else None
            )
            price = (
                Money(result.price_minor, self.settings.currency)
                if result.price_minor is not None
                else None
            )
            return ItemScanned(item, result.data, now, weight_g=result.weight_g, price=price)
        item = self.catalog.lookup(product_code(result))
        if result.kind is not ScanKind.GS1:
            symbology = result.symbology.value
            return ItemScanned(item, result.data, now, symbology=symbology, gtin14=result.gtin14)
        return gs1_item_scanned(item, result, now)  # a 2D code: its GTIN, dates, batch

    def handle(self, event: Event) -> list[Any]:
        """Apply one event and perform its effects (lane thread only).

        Journal writes come first and the new state is adopted only once they are
        committed: a basket change that could not be stored is not shown (invariant 2).
        """
        try:
            new, effects = self.checkout.handle(event)
        except IllegalTransition as error:
            log.info("ignored: %s", error)
            return []
        try:
            self._journal_all(effects)
        except Exception as error:
            log.exception("journal write failed; the change is refused")
            self._broadcast([fx.Beep(False), fx.ShowMessage("store.failed")])
            self._page("store", f"journal write failed: {error}")
            return []
        waited = self.checkout.bagging.awaiting if self.checkout.bagging else None
        self.checkout = new
        self._time_bagging(waited)
        for effect in effects:
            self._perform(effect)
        self._broadcast(effects)
        return effects

    def _journal_all(self, effects: list[Any]) -> None:
        """Write the step's journal effects in order; lines of one step in one transaction
        (a pack's unit moved to a line of its own: never half of it after a crash)."""
        lines: list[fx.JournalLine] = []  # consecutive lines (of the step's one basket)
        for effect in [*effects, None]:
            if isinstance(effect, fx.JournalLine):
                lines.append(effect)
                continue
            if lines:
                self.journal.record(lines[0].basket_id, *(e.line for e in lines))
                lines = []
            if isinstance(effect, fx.OpenBasket):
                self.journal.start(effect.basket_id, effect.currency, iso(effect.at))
            elif isinstance(effect, fx.JournalAside):  # put aside (kiosk.store.aside_journal)
                self.journal.record_aside(effect.basket_id, effect.entries)
            elif effect is not None:
                lane_coupons.journal(self.coupons, effect)

    def _page(self, device: str, detail: str) -> None:
        """Call the attendant about a lane fault (queued: runs after the current event)."""
        self.submit(lambda at: DeviceFaulted(device, detail, at))

    def _perform(self, effect: Any) -> None:
        if isinstance(effect, fx.StartPayment):
            self.payments.start(effect.basket_id, effect.amount, self._deliver)
        elif isinstance(effect, fx.AbortPayment):
            self.payments.abort(effect.basket_id)
        elif isinstance(effect, fx.CommitSale):
            self._commit(effect.sale)
        elif isinstance(effect, fx.PrintReceipt) and self.auto_print:
            self.print_receipt()

    def _deliver(self, event: Event) -> None:
        self._queue.put(lambda: self.handle(event))

    def _commit(self, sale: fx.SaleRecord, attempt: int = 0) -> None:
        identity = self.identity
        if self.language_follows_shopper:
            identity = replace(identity, language=self.shopper_language)
        document = sale_document(sale, identity)
        try:
            self.commit_sale(document, sale.basket.basket_id)
        except SaleNotPaid as error:
            # The journal disagrees with the screen about what was paid: never store the
            # sale; the checkout takes the journal's word and the attendant is called.
            log.error("sale %s refused: %s", sale.basket.basket_id, error)
            refused = SaleRefused(str(error), self.clock(), error.approved)
            self._queue.put(lambda: self.handle(refused))
            return
        except Exception as error:
            # The money is taken: keep COMPLETING, call for help, and try again.
            log.exception(
                "sale %s could not be committed (attempt %d)", sale.basket.basket_id, attempt + 1
            )
            if attempt == 0:
                self._page("store", f"sale could not be stored: {error}")
            delay = min(30.0, 0.5 * 2**attempt)
            start_timer(
                "sale-retry",
                delay,
                lambda: self._queue.put(lambda: self._commit(sale, attempt + 1)),
            )
            return
        self.last_document = document
        self.last_language = identity.language
        # Only now may the screen say the sale is complete (invariant 1).
        self._queue.put(lambda: self.handle(SaleCompleted(self.clock())))

    def weight(self, grams: int | None, stable: bool) -> None:
        """A scale reading; a stable positive weight settles a waiting weighed item."""
        if stable and grams:
            self._queue.put(lambda: self._weighed(grams))

    def bag_weight(self, grams: int | None, stable: bool) -> None:
        """A reading of the bagging-area scale: stable ones go to the checkout."""
        if stable and grams is not None:
            self.submit(lambda at: BagWeighed(grams, at))

    def skip_bagging(self) -> None:
        """The shopper touched "Skip bagging" (refused unless the item may skip)."""
        self.submit(BaggingSkipped)

    def _time_bagging(self, waited: Any) -> None:
        """A new item waits to be bagged: ask again after the policy's settle timeout."""
        bag = self.checkout.bagging
        if bag is None or bag.awaiting is None or waited is not None:
            return
        seconds = bag.policy.settle_timeout.total_seconds()
        start_timer("bagging-settle", seconds, lambda: self.submit(BaggingTimedOut))

    def _weighed(self, grams: int) -> None:
        if self.checkout.phase is Phase.WEIGHING:
            self.handle(ItemWeighed(grams, self.clock()))

    def print_receipt(self) -> None:
        """Print the last completed sale's receipt (the shopper chose "print")."""
        if self.receipts is not None and self.last_document is not None:
            # the language the sale was recorded in goes with it to the receipt port (not a
            # key of the stored document: HQ refuses unknown keys)
            document = {**self.last_document, "language": self.last_language}
            self.receipts.print_sale(None, document)

    def reset(self) -> None:
        """Back to idle with a fresh basket id (after the thank-you screen)."""
        self.submit(lambda at: Reset(new_basket_id(), at))

    def _broadcast(self, effects: list[Any]) -> None:
        for listener in list(self.listeners):
            try:
                listener(self.checkout, effects)
            except Exception:
                log.exception("lane listener failed")


def new_basket_id() -> str:
    """Basket ids double as transaction ids: unique across lanes and restarts."""
    return str(uuid.uuid4())


def _parse_time(text: str | None) -> datetime:
    if not text:
        return kiosk_clock.utc_now()
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
