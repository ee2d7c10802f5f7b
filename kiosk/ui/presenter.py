"""``LanePresenter``: connects a running ``LaneController`` to the ``KioskWindow``.

Theory of operation: the lane thread broadcasts ``(checkout, effects)`` after
every event; the presenter's listener only posts them through the ``Bridge``,
so everything else here runs on the UI thread. There ``_apply`` reads the
effects (the last journaled line to highlight, beeps, messages, the attendant
cleared) and ``_render`` chooses the screen from the checkout (its phase, a failed
payment, an abort in flight, Start touched, the last weighed item still on the
scale) plus the lane flags staff set (closed, paused) and a little state of the UI's
own (the item grid open, the receipt chosen, the latest scale reading drawn). The
shopper's touches go back as domain events through ``controller.submit`` /
``controller.scan``; the presenter never changes the checkout itself and never
touches the store on the UI thread (the produce grid loads with
``run_in_background``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import effects as fx
from kiosk.domain.checkout.events import (
    BaggingSkipped,
    Cancelled,
    DeviceFaulted,
    Event,
    HelpRequested,
    ItemScanned,
    PaymentNoticeClosed,
    PayRequested,
    QuantityChanged,
    RequestWithdrawn,
    ScaleRead,
    StartTouched,
    VoidRequested,
    WelcomeLapsed,
)
from kiosk.domain.checkout.interventions import withdrawable
from kiosk.domain.checkout.machine import Checkout
from kiosk.domain.checkout.states import Phase
from kiosk.domain.money import Money, MoneyError
from kiosk.domain.tax import BasketTotals
from kiosk.domain.tax_letters import TaxLetters
from kiosk.ui import lane_views as views
from kiosk.ui.bridge import Bridge
from kiosk.ui.format import format_money
from kiosk.ui.lane_screens import LaneScreens
from kiosk.ui.messages import SHOWN_PARAMS, message_text
from kiosk.ui.sale_ending import SaleEnding
from kiosk.ui.shopper_prompts import ShopperPrompts
from kiosk.ui.viewmodels import LaneClosedView, PayStage
from kiosk.ui.widgets.loyalty_card import LoyaltyCardOverlay
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.ui.item_lookup import ItemLookup

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LaneUpdate:
    """One lane broadcast, carried to the UI thread, with the basket totals (computed on
    the lane thread: at hundreds of lines they cost milliseconds the UI must not spend)."""

    checkout: Checkout
    effects: tuple[Any, ...]
    totals: BasketTotals


@dataclass(frozen=True, slots=True)
class ScaleReading:
    """A scale reading, carried to the UI thread."""

    weight_g: int
    stable: bool


class LanePresenter(QObject):
    """Shows the checkout and turns the shopper's touches into checkout events.

    Signals:
        beeped(bool): a scan was accepted (True) or refused; connect a sounder.
        ratingGiven(int): the thank-you rating (1-3) of the sale just finished.
        staffRequested(): the staff button of an intervention or of the lane-closed
            screen was touched.
    """

    beeped = Signal(bool)
    ratingGiven = Signal(int)
    staffRequested = Signal()

    def __init__(self, controller: Any, window: KioskWindow, bridge: Bridge,
                 screens: LaneScreens, *, ereceipt_base_url: str | None = None,
                 thanks_ms: int = 10_000, after_rating_ms: int = 2_000,
                 catalog: Any = None, bag_skus: tuple[str, ...] = (),
                 tax_letters: TaxLetters | None = None) -> None:  # fmt: skip
        super().__init__(window)
        self.setObjectName("LanePresenter")
        self._controller, self._window, self._bridge, self._s = controller, window, bridge, screens
        self._checkout: Checkout = controller.checkout
        self._totals: BasketTotals = self._checkout.totals()
        self._rows = views.CartRows()
        self._last_line: int | None = None
        # The thank-you ended and the Reset is on its way to the lane: do not show the
        # ending again meanwhile (the one latch left: it covers the queue, not a state).
        self._finishing = False
        self._flags = (False, False)  # (closed, paused) as staff set them
        self._reading: ScaleReading | None = None  # the latest reading, drawn while weighing
        # The grid reads the catalog on a pool thread: a connection of its own is best.
        self._catalog = catalog if catalog is not None else controller.catalog
        printer = controller.print_receipt if controller.receipts is not None else None
        self._ending_options = (printer, ereceipt_base_url, thanks_ms, after_rating_ms)
        # Built with their screens on first use (kiosk.ui.lane_screens): the grid's look-up
        # and the receipt / thank-you ending.
        self._lookup_: ItemLookup | None = None
        self._ending_: SaleEnding | None = None
        self._loyalty: LoyaltyCardOverlay | None = None  # built on first use
        # "How many?", "Do you need bags?" and the totals review (kiosk.ui.shopper_prompts)
        self._prompts = ShopperPrompts(
            window, bridge, self._catalog, add=self._add_counted, reopen_grid=self._open_grid,
            pay=lambda: self._submit(PayRequested), bag_skus=bag_skus, tax_letters=tax_letters,
            welcome=lambda: self._submit_in(Phase.IDLE, WelcomeLapsed))  # fmt: skip
        self._connect()
        controller.listeners.append(self._on_lane)
        self._render()

    # -- wiring ---------------------------------------------------------------------
    def _open_loyalty_card(self) -> None:
        """The "Loyalty card" button: the number typed on a pad, then handed to the lane as a
        scan."""
        if self._loyalty is None:
            self._loyalty = LoyaltyCardOverlay(self._window)
            self._loyalty.entered.connect(self._controller.scan)  # as if the card was scanned
        self._loyalty.ask()

    def _connect(self) -> None:
        s, w = self._s, self._window
        self._bridge.changed.connect(self._on_bridge)
        s.attract.startRequested.connect(self._start)
        s.attract.languageChosen.connect(w.set_language)
        w.languageChanged.connect(self._controller.language_chosen)  # the sale's language
        s.scanning.payRequested.connect(lambda: self._submit(PayRequested))
        s.scanning.lookupRequested.connect(self._open_grid)
        s.scanning.loyaltyRequested.connect(self._open_loyalty_card)
        s.scanning.totalsRequested.connect(
            lambda: self._prompts.show_totals(self._checkout, self._totals)
        )
        s.scanning.skipBaggingRequested.connect(lambda: self._submit(BaggingSkipped))
        s.scanning.lineTapped.connect(self._line_tapped)
        weighing_cancelled = lambda: self._submit_in(Phase.WEIGHING, Cancelled)  # noqa: E731
        s.when_built("weigh", lambda weigh: weigh.cancelRequested.connect(weighing_cancelled))
        s.when_built("pay", lambda pay: pay.retryRequested.connect(self._retry))
        s.when_built("pay", lambda pay: pay.cancelRequested.connect(self._cancel_payment))
        s.when_built("produce", lambda _: self._lookup)  # the grid is the look-up's
        s.when_built("receipt", lambda _: self._ending)  # both screens are the ending's
        s.when_built("thanks", lambda _: self._ending)
        s.intervention.staffRequested.connect(self.staffRequested)
        s.intervention.withdrawRequested.connect(self._withdraw)
        s.when_built("closed", lambda closed: closed.staffRequested.connect(self.staffRequested))
        s.line_dialog.removeRequested.connect(
            lambda n: self._submit(lambda at: VoidRequested(n, at))
        )
        s.line_dialog.quantityChosen.connect(
            lambda n, q: self._submit(lambda at: QuantityChanged(n, q, at))
        )
        w.helpRequested.connect(lambda: self._submit(HelpRequested))
        w.helpCancelled.connect(self._withdraw)
        w.idleExpired.connect(self._idle_expired)

    @property
    def _lookup(self) -> ItemLookup:
        """The produce grid's look-up (built with the grid on first use)."""
        if self._lookup_ is None:
            grid = self._s.produce  # building it builds the look-up (its wiring comes here)
        if self._lookup_ is None:
            from kiosk.ui.item_lookup import ItemLookup  # with the grid (a big module)

            lookup = self._lookup_ = ItemLookup(grid, self._catalog, self._bridge, self)
            lookup.chosen.connect(self._add_item)
            lookup.closed.connect(self._render)
            lookup.unknownCode.connect(lambda code: self._show_message("plu_unknown", code))
        return self._lookup_

    @property
    def _ending(self) -> SaleEnding:
        """The receipt and thank-you screens' flow (built with them on first use)."""
        if self._ending_ is None:
            receipt, thanks = self._s.receipt, self._s.thanks  # building one may build it
        if self._ending_ is None:
            printer, ereceipt_base_url, thanks_ms, after_rating_ms = self._ending_options
            ending = self._ending_ = SaleEnding(
                self._window, receipt, thanks, self._bridge, printer,
                ereceipt_base_url=ereceipt_base_url, thanks_ms=thanks_ms,
                after_rating_ms=after_rating_ms)  # fmt: skip
            ending.finished.connect(self.finish_customer)
            ending.ratingGiven.connect(self.ratingGiven)
            ending.printFailed.connect(self._print_failed)
        return self._ending_

    def refresh(self) -> None:
        """Show the screen for the current checkout again (after the attendant left)."""
        self._render()

    def set_lane_flags(self, closed: bool, paused: bool) -> None:
        """Staff closed / paused the lane (or opened / resumed it): show it (UI thread)."""
        if (closed, paused) != self._flags:
            self._flags = (closed, paused)
            self._render()

    def lane_flags(self) -> tuple[bool, bool]:
        """(closed, paused) as last set."""
        return self._flags

    def detach(self) -> None:
        """Stop listening to the controller (before the window goes away)."""
        if self._on_lane in self._controller.listeners:
            self._controller.listeners.remove(self._on_lane)

    def _on_lane(self, checkout: Checkout, effects: list[Any]) -> None:  # lane thread
        try:
            self._bridge.post(LaneUpdate(checkout, tuple(effects), checkout.totals()))
        except RuntimeError:  # the window was deleted before the lane stopped
            log.debug("lane broadcast after the window closed")

    def scale_reading(self, weight_g: int, stable: bool) -> None:
        """A scale reading (any thread); a stable weight completes the item waiting."""
        self._bridge.post(ScaleReading(weight_g, stable))

    def checkout(self) -> Checkout:
        """The last checkout state shown."""
        return self._checkout

    def _submit(self, make_event: Callable[..., Event]) -> None:
        self._controller.submit(make_event)

    def _submit_in(self, phase: Phase, make_event: Callable[..., Event]) -> None:
        """Submit only if the lane is still in ``phase`` when the event is handled: a
        Cancelled meant for a weighing or a payment must never cancel the basket."""
        controller = self._controller

        def job() -> None:
            if controller.checkout.phase is phase:
                controller.handle(make_event(controller.clock()))

        controller.call(job)

    # -- broadcasts (UI thread) -------------------------------------------------------
    def _on_bridge(self, event: object) -> None:
        if isinstance(event, LaneUpdate):
            self._totals = event.totals
            self._apply(event.checkout, event.effects)
        elif isinstance(event, ScaleReading):
            self._scale(event)

    def _apply(self, checkout: Checkout, effects: tuple[Any, ...]) -> None:
        previous, self._checkout = self._checkout.phase, checkout
        if checkout.phase is not Phase.WEIGHING or previous is not Phase.WEIGHING:
            self._reading = None
        if checkout.phase is Phase.IDLE:
            self._last_line, self._finishing = None, False
        for effect in effects:
            if isinstance(effect, fx.JournalLine):
                self._last_line = effect.line.line_no
            elif isinstance(effect, fx.AttendantCleared):
                self._window.clear_help()
        self._render()
        for effect in effects:
            if isinstance(effect, fx.Beep):
                self.beeped.emit(effect.ok)
                if not effect.ok:
                    self._s.scanning.flash_error()
            elif isinstance(effect, fx.ShowMessage):
                params = dict(effect.params)
                names = SHOWN_PARAMS.get(effect.key, ())
                shown = [self._amount(params.get(name, "")) for name in names]
                self._show_message(effect.key, *shown)

    def _amount(self, text: str) -> str:
        """A domain amount ("1.00 EUR") as the shopper reads it in their language."""
        try:
            number, currency = text.split()
            return format_money(Money.parse(number, currency), self._window.language())
        except (ValueError, MoneyError):
            return text

    def _show_message(self, key: str, *args: str) -> None:
        shown = message_text(key, *args)
        if shown is not None:
            text, error = shown
            self._s.toast.show_text(text, error=error)
            self._window.speak(text)

    def _render(self) -> None:
        c, s, w = self._checkout, self._s, self._window
        phase = c.phase
        closed, paused = self._flags
        self._prompts.follow(c, self._totals, blocked=closed or paused)
        if closed or paused:  # staff have the lane: no alert, no selling, no idle timer
            w.set_idle_enabled(False)
            w.clear_blocking()
            s.line_dialog.close_overlay()
            s.closed.set_model(LaneClosedView(closed=closed, paused=paused and not closed))
            w.show_screen(s.closed.name)
            return
        w.set_idle_enabled(phase in (Phase.SHOPPING, Phase.WEIGHING) or
                           (phase is Phase.IDLE and c.engaged))  # fmt: skip
        if phase is Phase.INTERVENTION:
            view = views.intervention_view(c)
            if view is not None:
                fresh = w.blocking_overlay() is not s.intervention
                fresh = fresh or s.intervention.kind() is not view.kind
                s.intervention.set_model(view)
                s.line_dialog.close_overlay()
                if fresh:
                    w.show_blocking(s.intervention)
        else:
            w.clear_blocking()
        base = c.resume if phase is Phase.INTERVENTION else phase
        stage = views.paying_stage(c)
        if base is Phase.IDLE:
            self._show_scanning() if c.engaged else w.show_screen("attract")
        elif base is Phase.SHOPPING:
            if stage is not None:
                self._show_pay(stage)
            elif self._lookup_ is not None and self._lookup_.is_open():
                w.show_screen("produce")
            else:
                self._show_scanning()
        elif base is Phase.WEIGHING:
            self._show_weigh()
        elif base is Phase.PAYING:
            self._show_pay(stage or PayStage.PRESENT_CARD)
        elif base is Phase.COMPLETING:
            self._show_pay(views.completing_stage(c))
        elif base is Phase.FINISHED:
            self._show_finished()

    def _show_scanning(self) -> None:
        view = views.scanning_view(self._checkout, self._last_line, self._totals, self._rows)
        self._s.scanning.set_model(view)
        self._window.show_screen("scanning")

    def _show_pay(self, stage: PayStage) -> None:
        self._s.pay.set_model(views.pay_view(self._checkout, stage))
        self._window.show_screen("pay")

    def _show_weigh(self) -> None:
        reading = self._reading
        view = views.weigh_view(self._checkout, reading.weight_g if reading else None,
                                reading.stable if reading else False)  # fmt: skip
        if view is not None:
            self._s.weigh.set_model(view)
        self._window.show_screen("weigh")

    def _show_finished(self) -> None:
        sale = self._checkout.sale
        if self._finishing:
            return
        if sale is None or sale.status != "completed":
            self.finish_customer()
        else:
            self._ending.show(self._checkout)

    def _scale(self, reading: ScaleReading) -> None:
        """Draw the reading while weighing; pass on the readings the checkout decides on
        (a stable weight for the waiting item, the last item's weight leaving the scale)."""
        checkout = self._checkout
        weighing = checkout.phase is Phase.WEIGHING
        if weighing:
            self._reading = reading
            if (
                self._window.navigator.current_name() == "weigh"
                and not self._window.blocking_overlay()
            ):
                self._show_weigh()
        moved = reading.weight_g != checkout.on_scale_g
        taken_off = checkout.on_scale_g is not None and moved
        if (weighing and reading.stable and reading.weight_g > 0 and moved) or taken_off:
            grams, stable = reading.weight_g, reading.stable
            self._submit(lambda at: ScaleRead(grams, stable, at))

    # -- the shopper's touches --------------------------------------------------------
    def _start(self) -> None:
        self._submit_in(Phase.IDLE, StartTouched)

    def _idle_expired(self) -> None:
        if self._checkout.phase is Phase.IDLE:
            self._submit_in(Phase.IDLE, WelcomeLapsed)
            self._window.reset_for_next_customer()
            return
        reason = views.IDLE_SUSPENDED_REASON
        self._submit(lambda at: HelpRequested(at, reason=reason))

    def _open_grid(self) -> None:
        self._lookup.open()
        self._window.show_screen("produce")

    def _add_item(self, item: CatalogItem, code: str) -> None:
        if not self._prompts.picked(item, code):  # sold by count: "How many?" first
            self._submit(lambda at: ItemScanned(item, code, at))

    def _add_counted(self, item: CatalogItem, code: str, quantity: int) -> None:
        self._submit(lambda at: ItemScanned(item, code, at, quantity=quantity))

    def _print_failed(self, detail: str) -> None:
        self._show_message("print_failed")
        self._submit(lambda at: DeviceFaulted("printer", detail, at))

    def _line_tapped(self, line_no: int) -> None:
        if self._checkout.phase is not Phase.SHOPPING:
            return
        line = next((ln for ln in self._checkout.basket.lines if ln.line_no == line_no), None)
        if line is not None and not line.voided:
            self._s.line_dialog.open_for(views.cart_line(line))
            self._window.speak(self._s.line_dialog.spoken_text())

    def _retry(self) -> None:
        self._submit(PayRequested)

    def _cancel_payment(self) -> None:
        """ "Back to items" while the terminal waits (abort), or after a failed payment."""
        if self._checkout.phase is Phase.PAYING:
            self._submit_in(Phase.PAYING, Cancelled)
        elif self._checkout.payment_failure is not None:
            self._submit_in(Phase.SHOPPING, PaymentNoticeClosed)

    def _withdraw(self) -> None:
        """The shopper takes back their own help call or remove-item request (Cancel on
        the overlay or the help banner). Anything else pending is left to staff."""
        if withdrawable(self._checkout.pending):
            self._submit_in(Phase.INTERVENTION, RequestWithdrawn)

    def finish_customer(self) -> None:
        """End the sale on screen: a fresh basket for the next shopper, attract shown."""
        if self._ending_ is not None:
            self._ending_.reset()
        self._s.toast.hide()
        self._prompts.reset()
        self._finishing = True
        self._s.line_dialog.close_overlay()
        self._controller.reset()
        self._window.reset_for_next_customer()
