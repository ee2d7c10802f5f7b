"""``ThanksScreen``: thank you, take your receipt, and a one-tap rating."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.format import format_money
from kiosk.ui.screens.base import Screen
from kiosk.ui.viewmodels import ThanksView
from kiosk.ui.widgets.common import card, icon_label, text_label, touch_button

_CENTRE = Qt.AlignmentFlag.AlignCenter
RATINGS = (1, 2, 3)


class ThanksScreen(Screen):
    """The last screen of a sale.

    Signals:
        ratingChosen(int): 1 (unhappy), 2 (neutral) or 3 (happy); once per sale.
        doneRequested(): "Finish" was touched (the app also returns on a timer).
    """

    name = "thanks"
    idle_watch = False
    ratingChosen = Signal(int)
    doneRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = ThanksView()
        self._rated: int | None = None
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(64, 48, 64, 48)
        self._box.setSpacing(48)
        column = QVBoxLayout()
        column.setSpacing(24)
        column.addStretch(1)
        column.addWidget(icon_label("check", "#13844B", 160), 0, _CENTRE)
        self._title = text_label(role="display", wrap=True, align=_CENTRE)
        self._detail = text_label(role="heading", wrap=True, align=_CENTRE)
        column.addWidget(self._title)
        column.addWidget(self._detail)
        column.addStretch(1)
        self._box.addLayout(column, 1)
        side = QVBoxLayout()
        side.setSpacing(24)
        side.addStretch(1)
        rating_card = card()
        rating = QVBoxLayout(rating_card)
        rating.setContentsMargins(32, 32, 32, 32)
        rating.setSpacing(20)
        self._question = text_label(role="heading", wrap=True, align=_CENTRE)
        rating.addWidget(self._question)
        faces = QHBoxLayout()
        faces.setSpacing(48)
        faces.addStretch(1)
        self._faces: dict[int, QPushButton] = {}
        for value in RATINGS:
            button = touch_button(role="rating", icon=f"face-{value}", icon_px=88)
            button.setCheckable(True)
            button.setFixedSize(128, 128)
            button.clicked.connect(lambda _=False, v=value: self._rate(v))
            self._faces[value] = button
            faces.addWidget(button)
        faces.addStretch(1)
        rating.addLayout(faces)
        side.addWidget(rating_card)
        self.done_button = touch_button(role="primary")
        self.done_button.clicked.connect(self.doneRequested)
        side.addWidget(self.done_button)
        side.addStretch(1)
        self._box.addLayout(side, 1)
        self.retranslate_ui()

    def set_model(self, view: ThanksView) -> None:
        """Show ``view`` and offer the rating again."""
        self._view = view
        self._rated = None
        for button in self._faces.values():
            button.setChecked(False)
            button.setEnabled(True)
        self.retranslate_ui()

    def rating_button(self, value: int) -> QPushButton:
        """The face button for rating ``value`` (1-3)."""
        return self._faces[value]

    def rated(self) -> int | None:
        """The rating given for this sale, if any."""
        return self._rated

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Thank you!"))
        parts = []
        if self._view.paid is not None:
            parts.append(
                self.tr("You paid %1.").replace("%1", format_money(self._view.paid, self.language))
            )
        if self._view.receipt_printed:
            parts.append(self.tr("Please take your receipt."))
        parts.append(self.tr("Don't forget your bags."))
        self._detail.setText(" ".join(parts))
        self._question.setText(
            self.tr("Thanks for your feedback!")
            if self._rated
            else self.tr("How was your visit today?")
        )
        names = {1: self.tr("Not good"), 2: self.tr("OK"), 3: self.tr("Great")}
        for value, button in self._faces.items():
            button.setAccessibleName(names[value])
        self.done_button.setText(self.tr("Finish"))

    def apply_orientation(self, portrait: bool) -> None:
        self._box.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def spoken_text(self) -> str:
        return f"{self._title.text()} {self._detail.text()} {self._question.text()}"

    def _rate(self, value: int) -> None:
        if self._rated is not None:
            self._faces[value].setChecked(value == self._rated)
            return
        self._rated = value
        for other, button in self._faces.items():
            button.setChecked(other == value)
            button.setEnabled(other == value)
        self.retranslate_ui()
        self.ratingChosen.emit(value)
        self.announce.emit(self._question.text())
