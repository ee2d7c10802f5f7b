"""``InterventionOverlay``: blocks selling until staff resolve an intervention.

Shown with ``KioskWindow.show_blocking(overlay)`` and removed with
``clear_blocking()`` when the attendant has dealt with it. The message is in the
shopper's language; the subject (item or device name) is data, not translated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.ui import icons
from kiosk.ui.i18n import current_language
from kiosk.ui.viewmodels import InterventionView, pick_name
from kiosk.ui.widgets.common import set_style_property, text_label, touch_button
from kiosk.ui.widgets.overlay import Overlay

_CONTEXT = "InterventionOverlay"
_CENTRE = Qt.AlignmentFlag.AlignCenter

#: kind -> (icon, title, message). %1 = subject, %2 = age or quantity limit.
_TEXTS: dict[InterventionKind, tuple[str, object, object]] = {
    InterventionKind.AGE_RESTRICTED: (
        "id",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Age check needed"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "%1 can only be sold to people aged %2 or over. A member of staff will check your ID.",
        ),
    ),
    InterventionKind.UNKNOWN_BARCODE: (
        "barcode",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Item not found"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "We could not find this item. Please put it aside; a member of staff will help you.",
        ),
    ),
    InterventionKind.QUANTITY_LIMIT: (
        "warning",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Quantity limit"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "%1 is limited to %2 per customer. A member of staff will help you.",
        ),
    ),
    InterventionKind.VOID_REQUEST: (
        "hand",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Removing an item"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "A member of staff will remove %1 from your basket.",
        ),
    ),
    InterventionKind.PRICE_OVERRIDE: (
        "hand",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Price check"),
        QT_TRANSLATE_NOOP("InterventionOverlay", "A member of staff will check the price of %1."),
    ),
    InterventionKind.DEVICE_FAULT: (
        "tools",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Till needs attention"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "Something is wrong with the %1. Your items are safe; a member of staff is coming.",
        ),
    ),
    InterventionKind.HELP_REQUESTED: (
        "hand",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Help is on the way"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "A member of staff has been called and will be with you in a moment.",
        ),
    ),
    InterventionKind.PAYMENT_FAILURE: (
        "card",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Payment problem"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "The payment did not go through. A member of staff will help you.",
        ),
    ),
    InterventionKind.PAYMENT_UNKNOWN: (
        "card",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Payment problem"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "We could not confirm your payment. You have not been "
            "charged twice. A member of staff will help you.",
        ),
    ),
    InterventionKind.IDLE_SUSPENDED: (
        "hand",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Basket on hold"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "Your basket has been kept for you. A member of staff will help you continue.",
        ),
    ),
    InterventionKind.BAGGING_UNEXPECTED_ITEM: (
        "bag",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Unexpected item in the bagging area"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "Please take out the last thing you put in the bag, or wait for a member of staff.",
        ),
    ),
    InterventionKind.BAGGING_ITEM_REMOVED: (
        "bag",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Please put the item back"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "An item was taken out of the bagging area. Please put it back to continue.",
        ),
    ),
    InterventionKind.BAGGING_WEIGHT_MISMATCH: (
        "bag",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Please check the bagging area"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "The weight in the bag does not match the item you scanned. "
            "Please take it out and place only that item, or wait for a member of staff.",
        ),
    ),
    InterventionKind.BAGGING_NO_ITEM_PLACED: (
        "bag",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Place the item in the bagging area"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "Please put the item you scanned in the bagging area. A member of staff will help you.",
        ),
    ),
    # packs refused at the scanner (kiosk.domain.checkout.sale_rules): staff are paged
    # and the shopper keeps scanning; drawn when staff look at the page
    InterventionKind.EXPIRED_ITEM: (
        "warning",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Item past its date"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "%1 is past its expiry date and cannot be sold. A member of staff is coming.",
        ),
    ),
    InterventionKind.RECALLED_ITEM: (
        "warning",
        QT_TRANSLATE_NOOP("InterventionOverlay", "Item withdrawn from sale"),
        QT_TRANSLATE_NOOP(
            "InterventionOverlay",
            "%1 has been recalled and cannot be sold. Please hand it to staff.",
        ),
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class InterventionOverlay(Overlay):
    """The stop sign over the screen.

    Signals:
        staffRequested(): the staff button was touched (open the attendant sign-in).
        withdrawRequested(): the shopper takes back their own request (help, remove item).
    """

    staffRequested = Signal()
    withdrawRequested = Signal()
    covers_top_bar = False  # the shopper can still switch language or ask for help

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, card_width=1000)
        set_style_property(self.dialog, "severity", "blocking")
        self._view: InterventionView | None = None
        self._icon = QLabel()
        self._icon.setAlignment(_CENTRE)
        self._title = text_label(role="title", wrap=True, align=_CENTRE)
        self._message = text_label(role="heading", wrap=True, align=_CENTRE)
        self._wait = text_label(role="muted", wrap=True, align=_CENTRE)
        row = self._keys = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(16)
        self.withdraw_button = touch_button(role="primary", icon="close", icon_colour="#FFFFFF")
        self.withdraw_button.clicked.connect(self.withdrawRequested)
        self.withdraw_button.hide()
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        self.staff_button = touch_button(icon="lock", icon_px=32)
        self.staff_button.clicked.connect(self.staffRequested)
        row.addWidget(self.staff_button)
        for widget in (self._icon, self._title, self._message, self._wait):
            self.body.addWidget(widget)
        self.body.addLayout(row)
        self.dialog.installEventFilter(self)  # the keys follow the card's width
        self.retranslate_ui()

    def set_model(self, view: InterventionView) -> None:
        """Show the intervention ``view``."""
        self._view = view
        self._icon.setPixmap(icons.pixmap(_TEXTS[view.kind][0], "#C62828", 120))
        self.withdraw_button.setVisible(view.withdrawable)
        self.retranslate_ui()  # and fits the keys
        self.fitter.later()  # a new intervention on the open card: measure its texts again

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dialog and event.type() == QEvent.Type.Resize:
            self._fit_keys()
        return False

    def _fit_keys(self) -> None:
        """The two keys side by side when both fit, else "Cancel my request" above."""
        margins = self.body.contentsMargins()
        room = self.dialog.width() - margins.left() - margins.right()
        need = self.staff_button.sizeHint().width()
        if not self.withdraw_button.isHidden():
            need += self.withdraw_button.sizeHint().width() + self._keys.spacing() + 16
        self._keys.setDirection(
            QBoxLayout.Direction.LeftToRight if need <= room else QBoxLayout.Direction.TopToBottom
        )

    def kind(self) -> InterventionKind | None:
        """The intervention showing."""
        return self._view.kind if self._view else None

    def title_text(self) -> str:
        """The title as shown."""
        return self._title.text()

    def message_text(self) -> str:
        """The message as shown."""
        return self._message.text()

    def retranslate_ui(self) -> None:
        self._wait.setText(self.tr("Selling is paused. Please wait; help is on the way."))
        self.staff_button.setText(self.tr("Staff"))
        self.withdraw_button.setText(self.tr("Cancel my request"))
        self._fit_keys()
        view = self._view
        if view is None:
            return
        _, title, message = _TEXTS[view.kind]
        subject = pick_name(view.subject, current_language()) or self.tr("this item")
        number = view.age_limit if view.age_limit is not None else view.limit
        self._title.setText(_tr(str(title)))
        self._message.setText(
            _tr(str(message))
            .replace("%1", subject)
            .replace("%2", str(number) if number is not None else "")
        )

    def spoken_text(self) -> str:
        """Title, message and the wait, for the speech hook."""
        return f"{self._title.text()}. {self._message.text()} {self._wait.text()}"
