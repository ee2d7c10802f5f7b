"""``SaleEnding``: the receipt choice, printing, thank-you and rating after a sale.

Shown once the store has committed the sale (phase FINISHED). Printing runs off
the UI thread; a failed print is reported (``printFailed``) and the shopper is
still thanked. ``finished`` fires on "Finish", after the rating, or when the
thank-you has been up long enough - unless the window has a ``feedback`` screen
(:class:`kiosk.ui.screens.feedback.FeedbackScreen`) that wants this sale answered:
then it shows, and ``finished`` fires when the shopper is done there (answered,
skipped, or left).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.domain.checkout.machine import Checkout
from kiosk.ui import lane_views as views
from kiosk.ui.bridge import Bridge
from kiosk.ui.screens.receipt import RECEIPT_DIGITAL, RECEIPT_PRINT, ReceiptScreen
from kiosk.ui.screens.thanks import ThanksScreen
from kiosk.ui.viewmodels import ThanksView
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


class SaleEnding(QObject):
    """Receipt and thank-you screens for one finished sale at a time.

    Signals:
        finished(): the shopper is done; start the next customer.
        ratingGiven(int): the one-tap rating (1-3).
        printFailed(str): the receipt could not be printed (the error text).
    """

    finished = Signal()
    ratingGiven = Signal(int)
    printFailed = Signal(str)

    def __init__(self, window: KioskWindow, receipt: ReceiptScreen, thanks: ThanksScreen,
                 bridge: Bridge, print_receipt: Callable[[], None] | None, *,
                 ereceipt_base_url: str | None, thanks_ms: int,
                 after_rating_ms: int) -> None:  # fmt: skip
        super().__init__(window)
        self._window, self._receipt_screen, self._thanks = window, receipt, thanks
        self._bridge, self._print = bridge, print_receipt
        self._ereceipt = ereceipt_base_url
        self._thanks_ms, self._after_rating_ms = thanks_ms, after_rating_ms
        self._checkout: Checkout | None = None
        self._choice: str | None = None
        self._printed = False
        self._asked = False  # the feedback question was considered for this sale
        self._feedback: Any = None  # the window's feedback screen, once connected
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._done)
        receipt.receiptChosen.connect(self._chosen)
        receipt.doneRequested.connect(self._show_thanks)
        thanks.ratingChosen.connect(self._rated)
        thanks.doneRequested.connect(self._done)

    def show(self, checkout: Checkout) -> None:
        """Offer the receipt for ``checkout``'s sale (once; later calls keep the screen)."""
        self._checkout = checkout
        if self._choice is None and self._window.navigator.current_name() != "receipt":
            view = views.receipt_view(checkout, self._ereceipt, self._print is not None)
            self._receipt_screen.set_model(view)
            self._window.show_screen("receipt")

    def reset(self) -> None:
        """Forget the sale (the next customer's comes with a new ``show``)."""
        self._timer.stop()
        self._checkout, self._choice, self._printed = None, None, False
        self._asked = False

    def _chosen(self, choice: str) -> None:
        self._choice = choice
        if choice == RECEIPT_PRINT and self._print is not None:
            self._bridge.run_in_background(self._print, self._print_done, self._print_error)
        elif choice != RECEIPT_DIGITAL:
            self._show_thanks()

    def _print_done(self, _result: object) -> None:
        self._printed = True
        self._show_thanks()

    def _print_error(self, error: BaseException) -> None:
        log.error("receipt printing failed: %s", error)
        self.printFailed.emit(str(error))
        self._show_thanks()

    def _show_thanks(self) -> None:
        self._choice = self._choice or RECEIPT_DIGITAL
        paid = views.paid_amount(self._checkout) if self._checkout is not None else None
        self._thanks.set_model(ThanksView(paid=paid, receipt_printed=self._printed))
        self._window.show_screen("thanks")
        self._timer.start(self._thanks_ms)

    def _rated(self, value: int) -> None:
        self.ratingGiven.emit(value)
        self._timer.start(min(self._after_rating_ms, self._thanks_ms))

    def _done(self) -> None:
        self._timer.stop()
        if self._ask_feedback():
            return
        self.finished.emit()

    def _ask_feedback(self) -> bool:
        """Show the window's feedback screen if it wants this sale answered (once)."""
        if self._asked or self._checkout is None:
            return False
        self._asked = True
        navigator = self._window.navigator
        if "feedback" not in navigator.names():
            return False
        screen = navigator.get("feedback")
        if not screen.wants_answer():
            return False
        if self._feedback is not screen:
            self._feedback = screen
            screen.done.connect(self._feedback_done)
        screen.start()
        self._window.show_screen("feedback")
        return True

    def _feedback_done(self) -> None:
        if self._window.navigator.current_name() == "feedback":
            self.finished.emit()
