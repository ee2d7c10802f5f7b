"""``IdentifyScreen``: the welcome step - scan a pass or passport, or type the booking.

Scan mode (the default): a looping picture shows where to hold the boarding pass or
the passport; the scanner and the document reader do the rest (they reach the
machine through the shell, not through this screen). "Type your booking reference"
turns the screen into two fields (booking reference, surname) over an on-screen
keyboard with digits; "Find my booking" sends both.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.airport.base import CENTRE, AirportScreen
from kiosk.ui.airport.hint import PASS, ReaderHint
from kiosk.ui.airport.views import IdentifyMode, IdentifyView
from kiosk.ui.widgets.common import (
    card,
    keep_text_whole,
    set_style_property,
    text_label,
    touch_button,
)
from kiosk.ui.widgets.keyboard import OnScreenKeyboard

LOCATOR = "locator"
SURNAME = "surname"
LOCATOR_LENGTH = 6
CARET = "▏"


class BookingKeyboard(OnScreenKeyboard):
    """The shopper's keyboard with a row of digits (booking references have them)."""

    def __init__(self, key_px: int = 72, parent: QWidget | None = None) -> None:
        super().__init__(key_px=key_px, max_length=LOCATOR_LENGTH, parent=parent)
        row = QHBoxLayout()
        row.setSpacing(10)
        for key in "1234567890":
            row.addWidget(self._key(key))
        self._rows.insertLayout(0, row)

    def set_entry(self, text: str, max_length: int) -> None:
        """Edit ``text`` from now on, up to ``max_length`` characters."""
        self._max_length = max_length
        self._set_text(text.lower())

    def set_spacing(self, px: int) -> None:
        """Gaps of ``px`` between keys and rows."""
        self._rows.setSpacing(px)
        for index in range(self._rows.count()):
            item = self._rows.itemAt(index)
            row = item.layout() if item is not None else None
            if row is not None:
                row.setSpacing(px)

    def set_key_height(self, px: int) -> None:
        """Make every key ``px`` high (at least a touch target)."""
        for button in self._buttons.values():
            button.setMinimumHeight(max(px, 56))
        for button in self._extra_keys:
            button.setMinimumHeight(max(px, 56))
        self._key_px = max(px, 56)


class IdentifyScreen(AirportScreen):
    """Scan, or type the booking reference and surname.

    Signals:
        lookupRequested(str, str): booking reference and surname typed ("Find my booking").
        typeRequested(): the traveller chose to type (switch to the keyboard).
        scanRequested(): back to scanning from the keyboard.
    """

    name = "airport_identify"
    idle_watch = False
    lookupRequested = Signal(str, str)
    typeRequested = Signal()
    scanRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = IdentifyView()
        self._field = LOCATOR
        self._texts = {LOCATOR: "", SURNAME: ""}
        # scan mode
        self.scan_panel = card()
        scan = QVBoxLayout(self.scan_panel)
        scan.setContentsMargins(32, 24, 32, 24)
        self.hint = ReaderHint()
        self.hint.documentChanged.connect(lambda _doc: self.retranslate_ui())
        self.hint_caption = text_label(role="heading", wrap=True, align=CENTRE)
        scan.addWidget(self.hint, 1)
        scan.addWidget(self.hint_caption)
        self.side_panel = QWidget()
        side = QVBoxLayout(self.side_panel)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(16)
        side.addStretch(1)
        self.no_pass = text_label(role="heading", wrap=True)
        self.type_button = touch_button(role="secondary", icon="keypad")
        self.type_button.clicked.connect(self._to_typing)
        side.addWidget(self.no_pass)
        side.addWidget(self.type_button)
        side.addStretch(1)
        # type mode
        self.fields_panel = QWidget()
        fields = self._fields_layout = QVBoxLayout(self.fields_panel)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.setSpacing(12)
        self.locator_caption = text_label(role="label", wrap=True)
        self.locator_field = self._field_button(LOCATOR)
        self.surname_caption = text_label(role="label", wrap=True)
        self.surname_field = self._field_button(SURNAME)
        for widget in (
            self.locator_caption,
            self.locator_field,
            self.surname_caption,
            self.surname_field,
        ):
            fields.addWidget(widget)
        fields.addStretch(1)
        self.keyboard = BookingKeyboard()
        self.keyboard.textChanged.connect(self._typed)
        panels: tuple[tuple[QWidget, int], ...] = (
            (self.scan_panel, 3),
            (self.side_panel, 2),
            (self.fields_panel, 2),
            (self.keyboard, 5),
        )
        for panel, stretch in panels:
            self.body.addWidget(panel, stretch)
        self.problem = text_label(role="error", wrap=True, align=CENTRE)
        self._outer.insertWidget(2, self.problem)
        self.problem.hide()
        self.primaryRequested.connect(self._find)
        self.backRequested.connect(self._back)
        self.retranslate_ui()
        self.set_model(self._view)

    def _field_button(self, field: str) -> QPushButton:
        button = touch_button(role="secondary")
        button.setObjectName("AirportField")
        button.setCheckable(True)
        button.clicked.connect(lambda _=False, f=field: self.choose_field(f))
        return button

    # -- model --------------------------------------------------------------------------
    def set_model(self, view: IdentifyView) -> None:
        """Show scan or type mode, the last look-up's problem and whether one is running."""
        if view.mode is not self._view.mode and view.mode is IdentifyMode.TYPE:
            self.choose_field(LOCATOR)
        self._view = view
        typing = view.mode is IdentifyMode.TYPE
        self.scan_panel.setVisible(not typing)
        self.side_panel.setVisible(not typing)
        self.fields_panel.setVisible(typing)
        self.keyboard.setVisible(typing)
        self.primary_button.setVisible(typing)
        self.set_ways_out(back=typing, cancel=False)  # nothing to cancel yet
        self.set_busy(view.searching)
        self.retranslate_ui()

    def view(self) -> IdentifyView:
        return self._view

    def clear(self) -> None:
        """Forget what was typed (the next traveller)."""
        self._texts = {LOCATOR: "", SURNAME: ""}
        self.choose_field(LOCATOR)

    def typed(self) -> tuple[str, str]:
        """(booking reference, surname) as typed, upper case."""
        return self._texts[LOCATOR], self._texts[SURNAME]

    def choose_field(self, field: str) -> None:
        """Type into ``field`` (LOCATOR or SURNAME) from now on."""
        self._field = field
        self.keyboard.set_entry(self._texts[field], LOCATOR_LENGTH if field == LOCATOR else 30)
        self.locator_field.setChecked(field == LOCATOR)
        self.surname_field.setChecked(field == SURNAME)
        self._show_fields()

    def _typed(self, text: str) -> None:
        self._texts[self._field] = text.upper()
        if self._field == LOCATOR and len(text) == LOCATOR_LENGTH and not self._texts[SURNAME]:
            self.choose_field(SURNAME)  # the reference is whole: on to the surname
        self._show_fields()

    def _show_fields(self) -> None:
        locator, surname = self.typed()
        caret = {LOCATOR: "", SURNAME: ""}
        caret[self._field] = CARET  # where the next key goes
        self.locator_field.setText((locator or "······") + caret[LOCATOR])
        self.surname_field.setText((surname or " ") + caret[SURNAME])
        ready = len(locator) == LOCATOR_LENGTH and bool(surname.strip())
        self.primary_button.setEnabled(ready and not self.busy())
        self.fitter.later()

    def _to_typing(self) -> None:
        self.set_model(IdentifyView(IdentifyMode.TYPE))
        self.typeRequested.emit()

    def _back(self) -> None:
        if self._view.mode is IdentifyMode.TYPE:
            self.set_model(IdentifyView(IdentifyMode.SCAN))
            self.scanRequested.emit()

    def _find(self) -> None:
        locator, surname = self.typed()
        if len(locator) == LOCATOR_LENGTH and surname.strip():
            self.set_busy(True)
            self.lookupRequested.emit(locator, surname.strip())

    def busy_changed(self, busy: bool) -> None:
        self.keyboard.setEnabled(not busy)
        self._show_fields()

    # -- layout and text ------------------------------------------------------------------
    def tighten(self, gap: int) -> None:
        if hasattr(self, "keyboard"):
            self.keyboard.set_key_height({16: 72, 10: 64}.get(gap, 56))
            self.keyboard.set_spacing(10 if gap > 6 else 6)
            self._fields_layout.setSpacing(gap)

    def apply_orientation(self, portrait: bool) -> None:
        super().apply_orientation(portrait)
        set_style_property(self, "portrait", portrait)
        # portrait: the keys keep their height (at the bottom, near "Find my booking")
        # and the room left goes to the picture and the fields
        stretches = (1, 0, 1, 0) if portrait else (3, 2, 2, 5)
        for index, stretch in enumerate(stretches):
            self.body.setStretch(index, stretch)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Welcome! Let's check you in"))
        if self._view.mode is IdentifyMode.TYPE:
            self.subtitle.setText(self.tr("Type your booking reference and your surname."))
        else:
            self.subtitle.setText(self.tr("Scan your boarding pass or your passport to start."))
        if self.hint.document() == PASS:
            caption = self.tr("Hold your boarding pass barcode under the scanner")
        else:
            caption = self.tr("Or lay your passport photo page face down on the reader")
        self.hint_caption.setText(caption)
        self.no_pass.setText(self.tr("No boarding pass or passport to hand?"))
        self.type_button.setText(self.tr("Type your booking reference"))
        self.locator_caption.setText(self.tr("Booking reference (6 letters or digits)"))
        self.surname_caption.setText(self.tr("Surname"))
        self.primary_button.setText(self.tr("Find my booking"))
        self.back_button.setText(self.tr("Scan instead"))
        problems = {
            "not_found": self.tr(
                "We could not find that booking. Please check the reference and surname."
            ),
            "unreachable": self.tr(
                "We cannot reach the airline just now. Please try again or ask an agent."
            ),
            "unreadable": self.tr("That could not be read. Please try again."),
            "no_booking_today": self.tr("We found no flight today for this passport."),
            "closed": self.tr("Check-in for this flight is closed. Please see an agent."),
            "reader_down": self.tr(
                "The passport reader is not working just now. Please scan your boarding "
                "pass or type your booking reference."
            ),
        }
        text = problems.get(self._view.problem, self.tr("Something went wrong. Please try again."))
        self.problem.setText(text if self._view.problem else "")
        self.problem.setVisible(bool(self._view.problem))
        keep_text_whole(self.type_button)
        self._show_fields()
        self.keep_buttons_whole()

    def spoken_text(self) -> str:
        parts = (self.title.text(), self.subtitle.text(), self.problem.text())
        return " ".join(p for p in parts if p)
