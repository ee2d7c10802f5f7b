"""``LoyaltyCardOverlay``: the shopper types their loyalty card's number.

A shopper whose card will not scan (worn, at home, in an app that is not open) touches
"Loyalty card" on the scanning screen and types the 13 digits printed under its barcode
on a big number pad. The number is checked here, before the lane sees it, with the
domain's own rule (:func:`kiosk.domain.offers.cards.parse_loyalty_card`: 13 digits,
``29`` first, the GS1 check digit): a mistyped number says what is wrong and stays to
be corrected; a payment card's number is refused, wiped from the pad and never shown
back (DESIGN.md invariant 6). A good number is handed on exactly as a scanned card is
(``entered``), so member prices follow the same way. "Back" closes without a card.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.offers.cards import (
    CARD_LENGTH,
    LoyaltyCardError,
    PaymentCardRefused,
    parse_loyalty_card,
)
from kiosk.ui.widgets.common import keep_text_whole, text_label, touch_button
from kiosk.ui.widgets.keypad import NumericKeypad
from kiosk.ui.widgets.overlay import Overlay

_CENTRE = Qt.AlignmentFlag.AlignCenter


class LoyaltyCardOverlay(Overlay):
    """What to do, the number typed so far (in groups of four), a problem, and the pad.

    Signals:
        entered(str): OK with a good card number, 13 digits (the overlay has closed).
        backRequested(): Back was touched (the overlay has closed).
    """

    entered = Signal(str)
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, card_width=1100)
        self._problem_kind = ""
        row = QHBoxLayout()
        row.setSpacing(32)
        left = QVBoxLayout()
        left.setSpacing(16)
        self._title = text_label(role="title", wrap=True)
        self._hint = text_label(role="muted", wrap=True)
        self._number = text_label(role="display", align=_CENTRE)
        self._number.setObjectName("LoyaltyNumber")
        self._problem = text_label(role="label", wrap=True)
        self._problem.setObjectName("LoyaltyProblem")
        self.back_button = touch_button(role="secondary", icon="arrow-left", icon_px=36)
        self.back_button.clicked.connect(self._back)
        for widget in (self._title, self._hint, self._number, self._problem):
            left.addWidget(widget)
        left.addStretch(1)
        left.addWidget(self.back_button)
        # room for a payment card's 19 digits: typed by mistake, it is refused and wiped
        self.keypad = NumericKeypad(max_length=19, key_px=80)
        self.keypad.textChanged.connect(lambda _text: self._typed())
        self.keypad.submitted.connect(self._submit)
        row.addLayout(left, 1)
        row.addWidget(self.keypad, 1)
        self.body.addLayout(row)
        self.retranslate_ui()

    def ask(self) -> None:
        """Open with an empty number and no problem shown."""
        self.keypad.clear()
        self._problem_kind = ""
        self.retranslate_ui()
        self.open()
        self.fitter.later()

    def number_text(self) -> str:
        """The number shown (grouped), or the placeholder."""
        return self._number.text()

    def problem_text(self) -> str:
        """What is wrong with the number typed, or ""."""
        return self._problem.text()

    def spoken_text(self) -> str:
        return f"{self._title.text()} {self._hint.text()} {self._problem.text()}".strip()

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Loyalty card"))
        self._hint.setText(
            self.tr("Type the 13 digits under the barcode of your card, then touch OK.")
        )
        self.back_button.setText(self.tr("Back"))
        keep_text_whole(self.back_button)
        self._show_number()
        self._show_problem()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _typed(self) -> None:
        self._problem_kind = ""
        self._show_number()
        self._show_problem()

    def _show_number(self) -> None:
        digits = self.keypad.text()
        groups = [digits[i : i + 4] for i in range(0, len(digits), 4)]
        self._number.setText(" ".join(groups) if digits else "-" * 4)

    def _show_problem(self) -> None:
        texts = {
            "": "",
            "short": self.tr("A loyalty card number has 13 digits."),
            "wrong": self.tr("This is not a loyalty card number. Please check the digits."),
            "payment": self.tr(
                "That looks like a payment card. Please pay with it at the card terminal."
            ),
        }
        self._problem.setText(texts[self._problem_kind])
        self._problem.setVisible(bool(self._problem_kind))

    def _submit(self, text: str) -> None:
        try:
            number = parse_loyalty_card(text)
        except PaymentCardRefused:
            self.keypad.clear()  # never kept or shown back
            self._refuse("payment")
            return
        except LoyaltyCardError:
            self._refuse("short" if len(text) < CARD_LENGTH else "wrong")
            return
        self.close_overlay()
        self.entered.emit(number)

    def _refuse(self, kind: str) -> None:
        self._problem_kind = kind
        self._show_problem()

    def _back(self) -> None:
        self.close_overlay()
        self.backRequested.emit()
