"""The check-in's choosing steps: which booking, who travels, the safety questions and
the airline's offers. Each is an :class:`AirportScreen` fed by its view
(``kiosk.ui.airport.views``); a touch changes the screen at once (a toggle shows its
new state before the machine answers) and is passed on as a signal.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.airport.base import CENTRE, AirportScreen
from kiosk.ui.airport.lists import ButtonColumn, flight_text, set_lines
from kiosk.ui.airport.views import (
    BookingChoiceView,
    OffersView,
    PassengerKind,
    PassengerRow,
    PassengersView,
    QuestionView,
)
from kiosk.ui.format import format_money
from kiosk.ui.widgets.common import card, keep_text_whole, text_label, touch_button

CHECK = "✓"
EMPTY = "○"


def _ids(rows: tuple[PassengerRow, ...]) -> tuple[str, ...]:
    return tuple(row.passenger_id for row in rows)


class BookingChoiceScreen(AirportScreen):
    """The passport matched several bookings: one big button each.

    Signals:
        bookingChosen(str): the record locator touched.
    """

    name = "airport_booking"
    bookingChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = BookingChoiceView(())
        self.list = ButtonColumn()
        self.body.addWidget(self.list, 1)
        self.set_ways_out(back=True)  # back to the welcome screen
        self.retranslate_ui()

    def set_model(self, view: BookingChoiceView) -> None:
        if view == self._view and self.list.buttons:
            self.set_busy(False)
            return
        self._view = view
        self.list.clear()
        for option in view.options:
            lines = [option.locator, ", ".join(option.names)]
            lines += [flight_text(flight) for flight in option.flights]
            button = self.list.add("\n".join(lines))
            button.clicked.connect(lambda _=False, loc=option.locator: self._choose(loc))
        self.set_busy(False)
        self.fitter.later()

    def _choose(self, locator: str) -> None:
        self.set_busy(True)
        self.bookingChosen.emit(locator)

    def busy_changed(self, busy: bool) -> None:
        for button in self.list.buttons:
            button.setEnabled(not busy)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Which trip are you checking in for?"))
        self.subtitle.setText(self.tr("We found more than one booking for this passport."))
        self.keep_buttons_whole()


class PassengersScreen(AirportScreen):
    """Everyone on the booking, each a big toggle: travelling today or not.

    Signals:
        travellingChanged(str, bool): a passenger's toggle was touched (their new state).
    """

    name = "airport_passengers"
    travellingChanged = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = PassengersView((), ())
        self.flights = text_label(role="heading", wrap=True)
        self._outer.insertWidget(2, self.flights)
        self.list = ButtonColumn()
        self.body.addWidget(self.list, 1)
        self.primary_button.show()
        self.set_ways_out(back=True)  # back to the welcome screen
        self.retranslate_ui()

    def set_model(self, view: PassengersView) -> None:
        """Show ``view``; the same passengers keep their buttons (a touch in progress on
        one is not lost to a new one), only their state follows the view."""
        same = _ids(view.passengers) == _ids(self._view.passengers) and bool(self.list.buttons)
        self._view = view
        if not same:
            self.list.clear()
            for row in view.passengers:
                button = self.list.add("", checkable=True)
                button.setObjectName(f"passenger-{row.passenger_id}")
                button.toggled.connect(lambda on, pid=row.passenger_id: self._toggled(pid, on))
        for row, button in zip(view.passengers, self.list.buttons, strict=True):
            button.blockSignals(True)
            button.setChecked(row.travelling and not row.checked_in)
            button.blockSignals(False)
            button.setEnabled(not row.checked_in)
        self.set_busy(False)
        self.retranslate_ui()

    def view(self) -> PassengersView:
        return self._view

    def button(self, passenger_id: str) -> QWidget:
        """The toggle of ``passenger_id`` (KeyError if not on the booking)."""
        for row, button in zip(self._view.passengers, self.list.buttons, strict=True):
            if row.passenger_id == passenger_id:
                return button
        raise KeyError(passenger_id)

    def _toggled(self, passenger_id: str, on: bool) -> None:
        self.retranslate_ui()  # the new state shows at once
        self.travellingChanged.emit(passenger_id, on)

    def chosen(self) -> list[str]:
        """The passengers whose toggle is on."""
        return [
            row.passenger_id
            for row, button in zip(self._view.passengers, self.list.buttons, strict=True)
            if button.isChecked()
        ]

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Who is travelling today?"))
        self.subtitle.setText(self.tr("Touch a name to include or leave out that passenger."))
        self.flights.setText("\n".join(flight_text(f) for f in self._view.flights))
        kinds = {
            PassengerKind.ADULT: "",
            PassengerKind.CHILD: self.tr("child"),
            PassengerKind.INFANT: self.tr("infant"),
        }
        for row, button in zip(self._view.passengers, self.list.buttons, strict=False):
            kind = kinds[row.kind]
            name = f"{row.name} ({kind})" if kind else row.name
            if row.checked_in:
                state = self.tr("Already checked in")
            elif button.isChecked():
                state = self.tr("Travelling")
            else:
                state = self.tr("Not travelling today")
            lines = [f"{CHECK if button.isChecked() else EMPTY}  {name}", state]
            if row.infant:
                lines.insert(1, self.tr("with infant %1").replace("%1", row.infant))
            set_lines(button, "\n".join(lines))
            keep_text_whole(button)
        self.primary_button.setText(self.tr("Continue"))
        self.primary_button.setEnabled(
            not self.busy() and any(b.isChecked() for b in self.list.buttons)
        )
        self.keep_buttons_whole()


#: The airline's safety questions this kiosk knows the words of (key -> text).
QUESTION_KEYS = ("dangerous_goods", "packed_yourself")


class QuestionsScreen(AirportScreen):
    """One safety question at a time, Yes or No.

    Signals:
        answered(str, bool): the question's key and the answer.
    """

    name = "airport_questions"
    answered = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = QuestionView("dangerous_goods", 1, 2)
        panel = card()
        column = self._column = QVBoxLayout(panel)
        column.setContentsMargins(40, 32, 40, 32)
        column.setSpacing(24)
        self.question = text_label(role="title", wrap=True, align=CENTRE)
        self.detail = text_label(role="heading", wrap=True, align=CENTRE)
        column.addStretch(1)
        column.addWidget(self.question)
        column.addWidget(self.detail)
        column.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(32)
        self.yes_button = touch_button(role="choice", icon="check")
        self.no_button = touch_button(role="choice", icon="close")
        self.yes_button.clicked.connect(lambda: self._answer(True))
        self.no_button.clicked.connect(lambda: self._answer(False))
        row.addWidget(self.yes_button)
        row.addWidget(self.no_button)
        column.addLayout(row)
        self.body.addWidget(panel, 1)
        self.retranslate_ui()

    def set_model(self, view: QuestionView) -> None:
        changed = view != self._view
        self._view = view
        self.set_busy(False)
        self.retranslate_ui()
        if changed:
            self.announce.emit(self.spoken_text())

    def key(self) -> str:
        return self._view.key

    def _answer(self, yes: bool) -> None:
        self.set_busy(True)
        self.answered.emit(self._view.key, yes)

    def busy_changed(self, busy: bool) -> None:
        self.yes_button.setEnabled(not busy)
        self.no_button.setEnabled(not busy)

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_column"):
            margin = {16: 32, 10: 20}.get(gap, 12)
            self._column.setContentsMargins(margin, margin, margin, margin)
            self._column.setSpacing(gap + 8)
            for button in (self.yes_button, self.no_button):
                button.setMinimumHeight({16: 200, 10: 140}.get(gap, 100))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        view = self._view
        self.title.setText(self.tr("Safety questions"))
        self.subtitle.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(view.number))
            .replace("%2", str(view.count))
        )
        questions = {
            "dangerous_goods": (
                self.tr("Are you carrying any dangerous goods?"),
                self.tr(
                    "For example: fireworks, gas canisters, flammable liquids, or spare "
                    "lithium batteries in your checked bags."
                ),
            ),
            "packed_yourself": (
                self.tr("Did you pack your bags yourself?"),
                self.tr("And have they been with you since you packed them?"),
            ),
        }
        question, detail = questions.get(
            view.key, (self.tr("Please answer the airline's question"), view.key)
        )
        self.question.setText(question)
        self.detail.setText(detail)
        self.yes_button.setText(self.tr("Yes"))
        self.no_button.setText(self.tr("No"))
        keep_text_whole(self.yes_button, self.no_button)
        self.keep_buttons_whole()

    def spoken_text(self) -> str:
        return f"{self.question.text()} {self.detail.text()}"


class OffersScreen(AirportScreen):
    """What the airline offers (only shown when it offers something): each a toggle.

    Signals:
        offerChanged(str, bool): an offer was taken or given back.
    """

    name = "airport_offers"
    offerChanged = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = OffersView(())
        self.list = ButtonColumn()
        self.body.addWidget(self.list, 1)
        self.primary_button.show()
        self.retranslate_ui()

    def set_model(self, view: OffersView) -> None:
        """Show ``view``; the same offers keep their buttons (as the passengers' do)."""
        old = tuple(o.offer_id for o in self._view.offers)
        same = tuple(o.offer_id for o in view.offers) == old and bool(self.list.buttons)
        self._view = view
        if not same:
            self.list.clear()
            for offer in view.offers:
                button = self.list.add("", checkable=True)
                button.toggled.connect(lambda on, oid=offer.offer_id: self._toggled(oid, on))
        for offer, button in zip(view.offers, self.list.buttons, strict=True):
            button.blockSignals(True)
            button.setChecked(offer.chosen)
            button.blockSignals(False)
        self.set_busy(False)
        self.retranslate_ui()

    def _toggled(self, offer_id: str, on: bool) -> None:
        self.retranslate_ui()
        self.offerChanged.emit(offer_id, on)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Anything else for your trip?"))
        self.subtitle.setText(self.tr("Touch an offer to add it. You pay at the end."))
        for offer, button in zip(self._view.offers, self.list.buttons, strict=False):
            price = format_money(offer.price, self.language)
            head = f"{CHECK if button.isChecked() else EMPTY}  {offer.title} · {price}"
            lines = [head]
            if offer.passenger:
                lines.append(offer.passenger)
            set_lines(button, "\n".join(lines))
            keep_text_whole(button)
        chosen = any(b.isChecked() for b in self.list.buttons)
        self.primary_button.setText(self.tr("Continue") if chosen else self.tr("No, thanks"))
        self.keep_buttons_whole()
