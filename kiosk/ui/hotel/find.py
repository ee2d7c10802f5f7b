"""The hotel's first screens: welcome, find the booking, find the room.

``WelcomeScreen``: three big choices (check in, check out, "my key does not work") and
a looping picture of the reader: an ID on the reader or the booking e-mail's QR code
under the scanner finds the booking at once. ``FindBookingScreen``: the confirmation
number, or the surname and the arrival date, typed on the on-screen keyboard.
``FindRoomScreen`` (check-out, key help): tap a key card on the encoder, or type the
room number and surname.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.airport.hint import PASSPORT, ReaderHint
from kiosk.ui.hotel.base import CENTRE, HotelScreen, TypingScreen
from kiosk.ui.hotel.fields import TextKeyboard, TypedFields
from kiosk.ui.hotel.text import day_text
from kiosk.ui.hotel.views import FindMode, FindRoomView, FindView
from kiosk.ui.widgets.common import (
    card,
    keep_text_whole,
    set_style_property,
    text_label,
    touch_button,
)
from kiosk.ui.widgets.reflow import ReflowLayout

CONFIRMATION, SURNAME, ROOM = "confirmation", "surname", "room"


class WelcomeScreen(HotelScreen):
    """Check in, check out, or a key that does not work.

    Signals:
        checkInRequested(), checkOutRequested(), keyHelpRequested()
    """

    name = "hotel_welcome"
    idle_watch = False
    checkInRequested = Signal()
    checkOutRequested = Signal()
    keyHelpRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        choices = QWidget()
        column = self._choices = QVBoxLayout(choices)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(24)
        column.addStretch(1)
        self.check_in_button = touch_button(role="primary", icon="arrow-right")
        self.check_out_button = touch_button(role="secondary", icon="arrow-left")
        self.key_button = touch_button(role="secondary", icon="lock")
        for button, signal in (
            (self.check_in_button, self.checkInRequested),
            (self.check_out_button, self.checkOutRequested),
            (self.key_button, self.keyHelpRequested),
        ):
            button.setMinimumHeight(112)
            button.clicked.connect(signal)
            column.addWidget(button)
        column.addStretch(1)
        self.hint_panel = card()
        hint = QVBoxLayout(self.hint_panel)
        hint.setContentsMargins(32, 24, 32, 24)
        self.hint = ReaderHint((PASSPORT,))
        self.hint_caption = text_label(role="heading", wrap=True, align=CENTRE)
        hint.addWidget(self.hint, 1)
        hint.addWidget(self.hint_caption)
        self.body.addWidget(choices, 1)
        self.body.addWidget(self.hint_panel, 1)
        self.set_ways_out(back=False, cancel=False)
        self.retranslate_ui()

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_choices"):
            self._choices.setSpacing(gap + 8)
            for button in (self.check_in_button, self.check_out_button, self.key_button):
                button.setMinimumHeight({16: 112, 10: 96}.get(gap, 80))
            self.hint.setVisible(gap > 6)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Welcome"))
        self.subtitle.setText(self.tr("What would you like to do?"))
        self.check_in_button.setText(self.tr("Check in"))
        self.check_out_button.setText(self.tr("Check out"))
        self.key_button.setText(self.tr("My key does not work"))
        self.hint_caption.setText(
            self.tr("Arriving? Put your ID on the reader, or scan the QR code of your booking.")
        )
        keep_text_whole(self.check_in_button, self.check_out_button, self.key_button)
        self.keep_buttons_whole()


class FindBookingScreen(TypingScreen):
    """The confirmation number, or surname + arrival date, on the keyboard.

    Signals:
        confirmationEntered(str): "Find my booking" with a confirmation number.
        surnameEntered(str, object): ... with a surname and the arrival date (``date``).
        modeChosen(str): the guest switched between ``confirmation`` and ``surname``.
    """

    name = "hotel_find"
    confirmationEntered = Signal(str)
    surnameEntered = Signal(str, object)
    modeChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = FindView()
        self._arrival: date | None = None
        self.keyboard = TextKeyboard()
        self.entry = TypedFields(self.keyboard, self)
        self.entry.changed.connect(self.show_ready)
        left = QWidget()
        column = self._left = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        tabs = ReflowLayout(max_columns=2, spacing=12)
        self.by_number = self._tab(FindMode.CONFIRMATION)
        self.by_name = self._tab(FindMode.SURNAME)
        tabs.add(self.by_number, self.by_name)
        column.addLayout(tabs)
        column.addWidget(self.entry.panel)
        dates = self.date_row = QWidget()
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        self.earlier = touch_button(role="secondary", icon="minus")
        self.later = touch_button(role="secondary", icon="plus")
        self.arrival_label = text_label(role="heading", align=CENTRE)
        self.earlier.clicked.connect(lambda: self._move_arrival(-1))
        self.later.clicked.connect(lambda: self._move_arrival(1))
        row.addWidget(self.earlier)
        row.addWidget(self.arrival_label, 1)
        row.addWidget(self.later)
        self.arrival_caption = text_label(role="label", wrap=True)
        column.addWidget(self.arrival_caption)
        column.addWidget(dates)
        column.addStretch(1)
        self.body.addWidget(left, 2)
        self.body.addWidget(self.keyboard, 5)
        self.problem = text_label(role="error", wrap=True, align=CENTRE)
        self._outer.insertWidget(2, self.problem)
        self.problem.hide()
        self.primary_button.show()
        self.primaryRequested.connect(self._find)
        self.set_ways_out(back=True, cancel=False)
        self.set_model(self._view)

    def _tab(self, mode: FindMode) -> QPushButton:
        button = touch_button(role="secondary")
        button.setCheckable(True)
        button.clicked.connect(lambda _=False, m=mode: self._choose(m))
        return button

    def _choose(self, mode: FindMode) -> None:
        self.set_model(FindView(mode, "", False, self._view.today))
        self.modeChosen.emit(mode.value)

    def set_model(self, view: FindView) -> None:
        changed = view.mode is not self._view.mode or not self.entry.fields
        self._view = view
        if changed:
            if view.mode is FindMode.CONFIRMATION:
                self.entry.set_fields(((CONFIRMATION, 16),))
            else:
                self.entry.set_fields(((SURNAME, 30),))
        if self._arrival is None or changed:
            self._arrival = view.today
        surname = view.mode is FindMode.SURNAME
        self.date_row.setVisible(surname and view.today is not None)
        self.arrival_caption.setVisible(surname and view.today is not None)
        for tab, chosen in ((self.by_number, not surname), (self.by_name, surname)):
            tab.setChecked(chosen)
            set_style_property(tab, "role", "primary" if chosen else "secondary")
        self.set_busy(view.searching)
        self.retranslate_ui()

    def view(self) -> FindView:
        return self._view

    def clear(self) -> None:
        self.entry.clear()
        self._arrival = self._view.today

    def _move_arrival(self, days: int) -> None:
        if self._arrival is not None and self._view.today is not None:
            moved = self._arrival + timedelta(days=days)
            # a booking found at the kiosk arrives about today
            if abs((moved - self._view.today).days) <= 3:
                self._arrival = moved
        self.retranslate_ui()

    def ready(self) -> bool:
        if self._view.mode is FindMode.CONFIRMATION:
            return len(self.entry.text(CONFIRMATION)) >= 3
        return bool(self.entry.text(SURNAME)) and self._arrival is not None

    def _find(self) -> None:
        if not self.ready():
            return
        self.set_busy(True)
        if self._view.mode is FindMode.CONFIRMATION:
            self.confirmationEntered.emit(self.entry.text(CONFIRMATION).replace(" ", ""))
        else:
            self.surnameEntered.emit(self.entry.text(SURNAME), self._arrival)

    def tighten(self, gap: int) -> None:
        super().tighten(gap)
        if hasattr(self, "_left"):
            self._left.setSpacing(gap)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Find your booking"))
        self.subtitle.setText(
            self.tr("Type your confirmation number, or your surname and the day you arrive.")
        )
        self.by_number.setText(self.tr("Confirmation number"))
        self.by_name.setText(self.tr("Surname"))
        self.entry.set_caption(CONFIRMATION, self.tr("Confirmation number (in your e-mail)"))
        self.entry.set_caption(SURNAME, self.tr("Surname on the booking"))
        self.arrival_caption.setText(self.tr("Arrival date"))
        self.arrival_label.setText(day_text(self._arrival, self.language) if self._arrival else "")
        self.primary_button.setText(self.tr("Find my booking"))
        problems = {
            "booking_not_found": self.tr(
                "We could not find that booking. Please check and try again."
            ),
            "confirmation_invalid": self.tr("Please check the confirmation number."),
            "surname_missing": self.tr("Please type your surname."),
            "already_checked_in": self.tr("This booking is already checked in."),
            "booking_not_valid": self.tr(
                "This booking cannot be checked in here. Please see the front desk."
            ),
            "too_early": self.tr("Your booking starts on a later day. Please see the front desk."),
            "document_unreadable": self.tr("The ID could not be read. Please try again."),
        }
        problem = self._view.problem
        self.problem.setText(problems.get(problem, self.tr("Please try again.")) if problem else "")
        self.problem.setVisible(bool(problem))
        keep_text_whole(self.by_number, self.by_name, self.earlier, self.later)
        self.show_ready()
        self.keep_buttons_whole()

    def spoken_text(self) -> str:
        parts = (self.title.text(), self.subtitle.text(), self.problem.text())
        return " ".join(p for p in parts if p)


class FindRoomScreen(TypingScreen):
    """Check-out and key help: tap a key card, or type room number and surname.

    Signals:
        tapRequested(): "I put my card on the reader" (the encoder reads it).
        roomEntered(str, str): room number and surname typed.
        typingChosen(bool): the guest switched to typing (True) or back to the card.
    """

    name = "hotel_find_room"
    tapRequested = Signal()
    roomEntered = Signal(str, str)
    typingChosen = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = FindRoomView()
        self.card_panel = card()
        tap = QVBoxLayout(self.card_panel)
        tap.setContentsMargins(32, 24, 32, 24)
        tap.setSpacing(16)
        tap.addStretch(1)
        self.tap_caption = text_label(role="title", wrap=True, align=CENTRE)
        self.tap_button = touch_button(role="primary")
        self.tap_button.clicked.connect(self.tapRequested)
        tap.addWidget(self.tap_caption)
        tap.addWidget(self.tap_button)
        tap.addStretch(1)
        self.side = QWidget()
        side = QHBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(16)
        self.no_card = text_label(role="heading", wrap=True)
        self.type_button = touch_button(role="secondary", icon="keypad")
        self.type_button.clicked.connect(lambda: self._typing(True))
        side.addWidget(self.no_card, 1)
        side.addWidget(self.type_button)
        self.tap_area = QWidget()
        area = QVBoxLayout(self.tap_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.setSpacing(16)
        area.addWidget(self.card_panel, 1)
        area.addWidget(self.side)
        self.keyboard = TextKeyboard()
        self.entry = TypedFields(self.keyboard, self)
        self.entry.set_fields(((ROOM, 6), (SURNAME, 30)))
        self.entry.changed.connect(self.show_ready)
        self.body.addWidget(self.tap_area, 1)
        self.body.addWidget(self.entry.panel, 3)
        self.body.addWidget(self.keyboard, 5)
        self.problem = text_label(role="error", wrap=True, align=CENTRE)
        self._outer.insertWidget(2, self.problem)
        self.primaryRequested.connect(self._find)
        self.backRequested.connect(self._back)
        self.set_model(self._view)

    def set_model(self, view: FindRoomView) -> None:
        self._view = view
        typing = view.typing
        self.tap_area.setVisible(not typing)
        self.entry.panel.setVisible(typing)
        self.keyboard.setVisible(typing)
        self.primary_button.setVisible(typing)
        self.set_ways_out(back=True, cancel=False)
        self.set_busy(view.searching)
        self.retranslate_ui()

    def view(self) -> FindRoomView:
        return self._view

    def _typing(self, typing: bool) -> None:
        self.set_model(FindRoomView(self._view.purpose, typing))
        self.typingChosen.emit(typing)

    def _back(self) -> None:
        if self._view.typing:
            self._typing(False)

    def ready(self) -> bool:
        return bool(self.entry.text(ROOM)) and bool(self.entry.text(SURNAME))

    def busy_changed(self, busy: bool) -> None:
        self.tap_button.setEnabled(not busy)
        super().busy_changed(busy)

    def _find(self) -> None:
        if self.ready():
            self.set_busy(True)
            self.roomEntered.emit(self.entry.text(ROOM), self.entry.text(SURNAME))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        rekey = self._view.purpose == "rekey"
        self.title.setText(self.tr("A new key card") if rekey else self.tr("Check out"))
        self.subtitle.setText(self.tr("First, let us find your room."))
        self.tap_caption.setText(self.tr("Put your key card on the card reader"))
        self.tap_button.setText(self.tr("My card is on the reader"))
        self.no_card.setText(self.tr("No card with you?"))
        self.type_button.setText(self.tr("Type your room number"))
        self.entry.set_caption(ROOM, self.tr("Room number"))
        self.entry.set_caption(SURNAME, self.tr("Surname"))
        self.primary_button.setText(self.tr("Find my room"))
        self.back_button.setText(self.tr("Back"))
        problems = {
            "key_card_unreadable": self.tr(
                "The card could not be read. Please try again or type your room number."
            ),
            "room_missing": self.tr("Please type your room number."),
            "surname_missing": self.tr("Please type your surname."),
            "not_checked_in": self.tr("We found no stay in this room with that surname."),
            "stay_unknown": self.tr("We found no stay in this room with that surname."),
            "booking_not_found": self.tr("We found no stay in this room with that surname."),
        }
        problem = self._view.problem
        self.problem.setText(problems.get(problem, self.tr("Please try again.")) if problem else "")
        self.problem.setVisible(bool(problem))
        keep_text_whole(self.tap_button, self.type_button)
        self.show_ready()
        self.keep_buttons_whole()
