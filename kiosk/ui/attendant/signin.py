"""``AttendantSignInScreen``: staff id then PIN on touch keys (a badge scan needs no screen
input: the presenter hears it from the scanner), with the lockout countdown."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.attendant.views import SignInView
from kiosk.ui.attendant.widgets import StaffIdKeyboard
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.common import icon_label, text_label, touch_button
from kiosk.ui.widgets.keypad import NumericKeypad
from kiosk.ui.widgets.reflow import ReflowLayout

_CENTRE = Qt.AlignmentFlag.AlignCenter
INFO_PX = 420
INFO_SPACING_PX = 20
#: The spacing of the texts when the screen is too short for the roomy one.
TIGHT_SPACING_PX = 8


class AttendantSignInScreen(Screen):
    """Staff id on the id keyboard, then the PIN on the keypad.

    Signals:
        signInRequested(str, str): staff id and PIN (the keypad is cleared at once).
        closeRequested(): back to the shopper's screen.
    """

    name = "attendant_signin"
    idle_watch = False
    signInRequested = Signal(str, str)
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None, *, tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self._view = SignInView()
        self._locked = 0
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(48, 32, 48, 32)
        self._box.setSpacing(40)
        self._box.addStretch(1)
        # Stacked (portrait), the box asks for the column's height at the full width; a row
        # around each column asks at the column's own width, where its texts and keys wrap.
        self._box.addWidget(_held(self._info_column()), 0, _CENTRE)
        self._pad_holder = _held(self._pad_column())
        self._box.addWidget(self._pad_holder, 0, _CENTRE)
        self._box.addStretch(1)
        self.show_id_step()

    def _info_column(self) -> QWidget:
        info = QWidget()
        info.setFixedWidth(INFO_PX)
        column = self._info_layout = QVBoxLayout(info)
        column.setSpacing(INFO_SPACING_PX)
        column.addStretch(1)
        self._icon = icon_label("id", "#0A6CFF", 96)
        column.addWidget(self._icon, 0, _CENTRE)
        self._title = text_label(role="title", align=_CENTRE, wrap=True)
        self._hint = text_label(role="muted", wrap=True, align=_CENTRE)
        self._id_caption = text_label(role="label", align=_CENTRE)
        self.staff_id = text_label(role="heading", align=_CENTRE)
        self._dots = text_label(role="display", align=_CENTRE)
        self.error = text_label(role="error", wrap=True, align=_CENTRE)
        for widget in (
            self._title,
            self._hint,
            self._id_caption,
            self.staff_id,
            self._dots,
            self.error,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        return info

    def _pad_column(self) -> QWidget:
        pad_column = QWidget()
        # As wide as the id keyboard needs (712 px; 752 with high contrast's borders).
        pad_column.setMinimumWidth(720)
        pad_column.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        pad = QVBoxLayout(pad_column)
        pad.setContentsMargins(0, 0, 0, 0)
        pad.setSpacing(20)
        self.keyboard = StaffIdKeyboard()
        self.keyboard.textChanged.connect(self._show_id)
        self.keyboard.submitted.connect(lambda _text: self.show_pin_step())
        self.keypad = NumericKeypad(max_length=12, key_px=72)
        self.keypad.textChanged.connect(self._show_dots)
        self.keypad.submitted.connect(self._submit)
        self._steps = QStackedWidget()
        self._steps.addWidget(self.keyboard)
        self._steps.addWidget(self.keypad)
        pad.addWidget(self._steps)
        self.back_button = touch_button(role="secondary", icon="arrow-left")
        self.back_button.clicked.connect(self.show_id_step)
        self.close_button = touch_button(role="secondary", icon="close")
        self.close_button.clicked.connect(self.closeRequested)
        # Side by side while both captions fit, else one above the other.
        leave = ReflowLayout(max_columns=2, spacing=16)
        leave.add(self.back_button, self.close_button)
        pad.addLayout(leave)
        return pad_column

    # -- state -----------------------------------------------------------------------

    def set_model(self, view: SignInView) -> None:
        """Show the outcome of a sign-in attempt; a lockout starts the countdown."""
        self._view = view
        self._locked = view.locked_seconds
        if self._locked > 0:
            self._timer.start()
        else:
            self._timer.stop()
        self._enable()
        self.retranslate_ui()

    def reset(self) -> None:
        """Forget what was typed and any error (shown again for the next person)."""
        self.keyboard.clear()
        self.set_model(SignInView())
        self.show_id_step()

    def show_id_step(self) -> None:
        self.keypad.clear()
        self._steps.setCurrentWidget(self.keyboard)
        self.back_button.setVisible(False)
        self._dots.setVisible(False)
        self.retranslate_ui()

    def show_pin_step(self) -> None:
        if not self.keyboard.text():
            return
        self._steps.setCurrentWidget(self.keypad)
        self.back_button.setVisible(True)
        self._dots.setVisible(True)
        self.retranslate_ui()

    @property
    def locked_seconds(self) -> int:
        return self._locked

    # -- text ------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Attendant sign-in"))
        if self._steps.currentWidget() is self.keyboard:
            self._hint.setText(self.tr("Scan your staff badge, or type your staff ID."))
        else:
            self._hint.setText(self.tr("Type your PIN and press OK."))
        self._id_caption.setText(self.tr("Staff ID"))
        self.back_button.setText(self.tr("Change staff ID"))
        self.close_button.setText(self.tr("Close"))
        self._show_id(self.keyboard.text())
        self._show_dots(self.keypad.text())
        self.error.setText(self._error_text())
        self._fit_info()

    def _error_text(self) -> str:
        if self._locked > 0:
            return self.tr("Too many attempts. Try again in %1 s.").replace("%1", str(self._locked))
        if self._view.busy:
            return self.tr("Checking…")
        known = {
            "wrong": self.tr("Wrong staff ID, badge or PIN."),
            "disabled": self.tr("This staff member is disabled."),
            "inactivity": self.tr("Signed out after inactivity."),
        }
        error = self._view.error or ""
        return known.get(error, error)

    def spoken_text(self) -> str:
        return f"{self._title.text()}. {self._hint.text()}"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_info()

    def _fit_info(self) -> None:
        """Short screens (1366x768 with large text and a lock-out): tighter spacing, then
        no badge icon, so the wrapped title and lock-out text keep all their lines."""
        margins = self._box.contentsMargins()
        have = self.height() - margins.top() - margins.bottom()
        if self._box.direction() == QBoxLayout.Direction.TopToBottom:
            have -= self._box.spacing() + self._pad_holder.sizeHint().height()
        spacing, icon = INFO_SPACING_PX, True
        for spacing, icon in ((INFO_SPACING_PX, True), (TIGHT_SPACING_PX, True)):
            if self._info_height(spacing, icon) <= have:
                break
        else:
            icon = False
        self._info_layout.setSpacing(spacing)
        self._icon.setVisible(icon)

    def _info_height(self, spacing: int, icon: bool) -> int:
        texts = (self._title, self._hint, self._id_caption, self.staff_id, self._dots, self.error)
        width = INFO_PX - self._info_layout.contentsMargins().left() * 2
        heights = [
            label.heightForWidth(width) if label.wordWrap() else label.sizeHint().height()
            for label in texts
            if not label.isHidden()
        ]
        if icon:
            heights.append(self._icon.height())
        margins = self._info_layout.contentsMargins()
        return sum(heights) + spacing * (len(heights) - 1) + margins.top() + margins.bottom()

    def apply_orientation(self, portrait: bool) -> None:
        self._box.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    # -- input -----------------------------------------------------------------------

    def _show_id(self, text: str) -> None:
        self.staff_id.setText(text or "—")

    def _show_dots(self, text: str) -> None:
        self._dots.setText("●" * len(text) if text else "○" * 4)

    def _enable(self) -> None:
        free = self._locked <= 0 and not self._view.busy
        self.keypad.setEnabled(free)
        self.keyboard.setEnabled(free)

    def _tick(self) -> None:
        self._locked = max(0, self._locked - 1)
        if self._locked == 0:
            self._timer.stop()
            self._view = SignInView()
        self._enable()
        self.error.setText(self._error_text())
        self._fit_info()

    def _submit(self, pin: str) -> None:
        self.keypad.clear()
        self.signInRequested.emit(self.keyboard.text(), pin)


def _held(column: QWidget) -> QWidget:
    """``column`` in a row of its own (see the constructor)."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(column)
    return holder
