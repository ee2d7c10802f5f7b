"""``PayScreen``: the amount, what to do at the card terminal, progress, and why a payment
failed (declined, cancelled on the terminal, timed out) with retry."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.ui.format import format_money
from kiosk.ui.screens.base import Screen
from kiosk.ui.viewmodels import PayStage, PayView
from kiosk.ui.widgets.common import card, icon_label, text_label, touch_button
from kiosk.ui.widgets.fit import LayoutFitter

_CENTRE = Qt.AlignmentFlag.AlignCenter
#: Stages after a payment that took no money: say why, offer "Try again".
_FAILED = (PayStage.DECLINED, PayStage.CANCELLED, PayStage.TIMED_OUT)


class PayScreen(Screen):
    """Card payment.

    Signals:
        retryRequested(): "Try again" after a failed payment.
        cancelRequested(): back to the cart without paying.
    """

    name = "pay"
    retryRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: PayView | None = None
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(48, 48, 48, 48)
        self._box.setSpacing(48)

        self._box.addWidget(self._amount_column(), 1)

        self._steps_card = card()
        steps = QVBoxLayout(self._steps_card)
        steps.setContentsMargins(48, 48, 48, 48)
        steps.setSpacing(24)
        steps.addStretch(1)
        icons = QHBoxLayout()
        icons.addStretch(1)
        self._card_icon = icon_label("card", "#0A6CFF", 150)
        self._tap_icon = icon_label("contactless", "#0A6CFF", 150)
        self._declined_icon = icon_label("warning", "#C62828", 150)
        self._approved_icon = icon_label("check", "#13844B", 150)
        for widget in (self._card_icon, self._tap_icon, self._declined_icon, self._approved_icon):
            icons.addWidget(widget)
        icons.addStretch(1)
        steps.addLayout(icons)
        self._instruction = text_label(role="title", wrap=True, align=_CENTRE)
        self._detail = text_label(role="muted", wrap=True, align=_CENTRE)
        self._progress = QProgressBar()
        self._progress.setTextVisible(False)
        steps.addWidget(self._instruction)
        steps.addWidget(self._detail)
        steps.addWidget(self._progress)
        steps.addStretch(1)
        buttons = self._buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        buttons.setSpacing(16)
        self.cancel_button = touch_button(role="secondary")
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.retry_button = touch_button(role="primary")
        self.retry_button.clicked.connect(self.retryRequested)
        buttons.addWidget(self.cancel_button, 1)
        buttons.addWidget(self.retry_button, 1)
        steps.addLayout(buttons)
        self._box.addWidget(self._steps_card, 1)
        self._steps_card.installEventFilter(self)  # the buttons follow the card's width
        self.retranslate_ui()
        self.fitter = LayoutFitter(self, (self._roomy, self._tight))

    def _amount_column(self) -> QWidget:
        self._amount_card = card()
        amount = self._amount_layout = QVBoxLayout(self._amount_card)
        amount.setContentsMargins(48, 48, 48, 48)
        amount.setSpacing(16)
        amount.addStretch(1)
        self._amount_label = text_label(role="heading", align=_CENTRE)
        self._amount = text_label(role="hero", align=_CENTRE)
        self._saved = text_label(role="label", align=_CENTRE)
        self._saved.setObjectName("PaySavingsText")
        self._vat = text_label(role="caption", align=_CENTRE)
        self._vat.setObjectName("PayVatText")
        amount.addWidget(self._amount_label)
        amount.addWidget(self._amount)
        amount.addWidget(self._saved)
        amount.addWidget(self._vat)
        amount.addStretch(1)
        return self._amount_card

    def _roomy(self) -> None:
        self._margins(48)

    def _tight(self) -> None:
        """1366x768 with large text: smaller margins, the texts keep their size."""
        self._margins(24)

    def _margins(self, margin: int) -> None:
        self._box.setContentsMargins(margin, margin, margin, margin)
        self._box.setSpacing(margin)
        for layout in (self._amount_layout, self._steps_card.layout()):
            layout.setContentsMargins(margin, margin, margin, margin)

    def set_model(self, view: PayView) -> None:
        """Show ``view``; a stage change is announced."""
        changed = self._view is None or self._view.stage != view.stage
        self._view = view
        self._render()
        self.fitter.later()
        if changed:
            self.announce.emit(self.spoken_text())

    def stage(self) -> PayStage | None:
        """The stage showing."""
        return self._view.stage if self._view else None

    def instruction_text(self) -> str:
        """The main instruction as shown."""
        return self._instruction.text()

    def retranslate_ui(self) -> None:
        self._amount_label.setText(self.tr("Amount to pay"))
        self.retry_button.setText(self.tr("Try again"))
        self._render()

    def spoken_text(self) -> str:
        return " ".join(
            t
            for t in (
                self._amount_label.text(),
                self._amount.text(),
                self._instruction.text(),
                self._detail.text(),
            )
            if t
        )

    def apply_orientation(self, portrait: bool) -> None:
        self._box.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._box.setStretch(0, 2 if portrait else 1)
        self._box.setStretch(1, 5 if portrait else 1)
        self._fit_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._steps_card and event.type() == QEvent.Type.Resize:
            self._fit_buttons()
        return False

    def _fit_buttons(self) -> None:
        """Side by side when both labels fit (every language), else one above the other."""
        margins = self._steps_card.layout().contentsMargins()
        room = self._steps_card.width() - margins.left() - margins.right()
        shown = [b for b in (self.cancel_button, self.retry_button) if not b.isHidden()]
        widest = max((b.sizeHint().width() for b in shown), default=0)
        # (a few pixels to spare: a label's own measure can exceed the button's hint)
        side_by_side = len(shown) < 2 or 2 * widest + self._buttons.spacing() + 16 <= room
        self._buttons.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.BottomToTop
        )
        layout = self._steps_card.layout()
        if isinstance(layout, QVBoxLayout):
            layout.setSpacing(24 if side_by_side else 12)  # two rows of keys need the room

    def _instructions(self, stage: PayStage) -> tuple[str, str]:
        return {
            PayStage.PRESENT_CARD: (
                self.tr("Tap, insert or swipe your card"),
                self.tr("Use the card terminal below the screen. Follow its instructions."),
            ),
            PayStage.PROCESSING: (
                self.tr("Processing payment…"),
                self.tr("Please do not remove your card."),
            ),
            PayStage.DECLINED: (
                self.tr("Payment declined"),
                self.tr("Your card was not charged. Try again or use another card."),
            ),
            PayStage.CANCELLED: (
                self.tr("Payment cancelled on the card terminal"),
                self.tr("Your card was not charged. Try again when you are ready."),
            ),
            PayStage.TIMED_OUT: (
                self.tr("The card terminal did not respond in time"),
                self.tr("Your card was not charged. Please try again."),
            ),
            PayStage.APPROVED: (self.tr("Payment approved"), self.tr("Please remove your card.")),
            PayStage.CANCELLING: (
                self.tr("Cancelling payment…"),
                self.tr("Please wait for the terminal."),
            ),
        }[stage]

    def _render(self) -> None:
        view = self._view
        stage = view.stage if view else PayStage.PRESENT_CARD
        self._amount.setText(format_money(view.amount, self.language) if view else "")
        savings = view.savings if view else None
        self._saved.setText(
            self.tr("You save %1").replace("%1", format_money(savings, self.language))
            if savings
            else ""
        )
        self._saved.setVisible(bool(savings))
        tax = view.tax if view else None
        self._vat.setText(
            self.tr("VAT %1").replace("%1", format_money(tax, self.language)) if tax else ""
        )
        self._vat.setVisible(bool(tax))
        instruction, detail = self._instructions(stage)
        if view and view.terminal_text:
            detail = f"{detail}\n{view.terminal_text}"
        self._instruction.setText(instruction)
        failed = stage in _FAILED
        self._instruction.setProperty("text-role", "error" if failed else "title")
        self._instruction.style().polish(self._instruction)
        self._detail.setText(detail)
        waiting = stage in (PayStage.PRESENT_CARD,)
        self._card_icon.setVisible(waiting)
        self._tap_icon.setVisible(waiting)
        self._declined_icon.setVisible(failed)
        self._approved_icon.setVisible(stage is PayStage.APPROVED)
        busy = stage in (PayStage.PROCESSING, PayStage.CANCELLING)
        self._progress.setVisible(busy)
        if busy and view is not None and view.progress is not None:
            self._progress.setRange(0, 100)
            self._progress.setValue(view.progress)
        else:
            self._progress.setRange(0, 0)
        self.retry_button.setVisible(failed)
        self.cancel_button.setVisible(failed or stage is PayStage.PRESENT_CARD)
        self.cancel_button.setText(
            self.tr("Cancel payment") if failed else self.tr("Back to items")
        )
        self._fit_buttons()
