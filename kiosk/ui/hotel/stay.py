"""The stay: choose among the stays a search found, then see the one found.

``PickStayScreen``: one big button per stay (dates, room type, guests), scrolling by
drag when there are many. ``StayScreen``: dates and nights, room type, guests, rate,
the total, what is paid, what is due now and the deposit, with "Continue".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.airport.lists import ButtonColumn, set_lines
from kiosk.ui.format import format_money
from kiosk.ui.hotel.base import CENTRE, HotelScreen
from kiosk.ui.hotel.text import day_text
from kiosk.ui.hotel.views import StaySummary
from kiosk.ui.widgets.common import card, text_label


class PickStayScreen(HotelScreen):
    """Several stays matched: one button each.

    Signals:
        stayChosen(str): the stay's id.
    """

    name = "hotel_pick_stay"
    stayChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stays: tuple[StaySummary, ...] = ()
        self.list = ButtonColumn()
        self.body.addWidget(self.list, 1)
        self.set_ways_out(back=True, cancel=False)
        self.retranslate_ui()

    def set_model(self, stays: tuple[StaySummary, ...]) -> None:
        if stays != self._stays or not self.list.buttons:
            self._stays = stays
            self.list.clear()
            for stay in stays:
                button = self.list.add("")
                button.clicked.connect(lambda _=False, s=stay.stay_id: self.stayChosen.emit(s))
        self.retranslate_ui()

    def tighten(self, gap: int) -> None:
        if hasattr(self, "list"):
            self.list.set_spacing(gap)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.title.setText(self.tr("Which stay is yours?"))
        self.subtitle.setText(self.tr("We found more than one booking. Touch yours."))
        language = self.language
        buttons = self.list.buttons if hasattr(self, "list") else []
        for stay, button in zip(self._stays, buttons, strict=False):
            dates = f"{day_text(stay.arrival, language)} → {day_text(stay.departure, language)}"
            set_lines(button, f"{dates}\n{stay.room_type} · {', '.join(stay.names)}")
        self.keep_buttons_whole()


class StayScreen(HotelScreen):
    """The stay found: dates, room, guests, rate, paid and due."""

    name = "hotel_stay"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stay: StaySummary | None = None
        panel = card()
        grid = self._grid = QGridLayout(panel)
        grid.setContentsMargins(40, 24, 40, 24)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(12)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(("dates", "room", "guests", "rate")):
            self.captions[key] = text_label(role="muted")
            self.values[key] = text_label(role="heading", wrap=True)
            grid.addWidget(self.captions[key], row, 0)
            grid.addWidget(self.values[key], row, 1)
        grid.setColumnStretch(1, 1)
        money = card()
        column = self._money = QVBoxLayout(money)
        column.setContentsMargins(40, 24, 40, 24)
        column.setSpacing(12)
        column.addStretch(1)
        for key in ("total", "paid"):
            self.captions[key] = text_label(role="label", align=CENTRE)
            self.values[key] = text_label(role="heading", align=CENTRE)
            column.addWidget(self.captions[key])
            column.addWidget(self.values[key])
        self.captions["due"] = text_label(role="heading", align=CENTRE)
        self.values["due"] = text_label(role="amount", align=CENTRE)
        self.deposit = text_label(role="label", wrap=True, align=CENTRE)
        for widget in (self.captions["due"], self.values["due"], self.deposit):
            column.addWidget(widget)
        column.addStretch(1)
        self.body.addWidget(panel, 3)
        self.body.addWidget(money, 2)
        self.primary_button.show()
        self.retranslate_ui()

    def set_model(self, stay: StaySummary | None) -> None:
        self._stay = stay
        self.retranslate_ui()
        self.fitter.later()

    def tighten(self, gap: int) -> None:
        if hasattr(self, "_money"):
            margin = {16: 40, 10: 24}.get(gap, 12)
            for layout in (self._grid, self._money):
                layout.setContentsMargins(margin, margin, margin, margin)
            self._grid.setVerticalSpacing(gap)
            self._money.setSpacing(gap)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        stay, language = self._stay, self.language
        self.title.setText(self.tr("Your stay"))
        self.subtitle.setText(self.tr("Please check that this is your booking."))
        captions = {
            "dates": self.tr("Dates"),
            "room": self.tr("Room"),
            "guests": self.tr("Guests"),
            "rate": self.tr("Rate"),
            "total": self.tr("Total"),
            "paid": self.tr("Already paid"),
            "due": self.tr("To pay now"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        if stay is None:
            return
        nights = self.tr("%1 nights").replace("%1", str(stay.nights))
        if stay.nights == 1:
            nights = self.tr("1 night")
        dates = f"{day_text(stay.arrival, language)} → {day_text(stay.departure, language)}"
        self.values["dates"].setText(f"{dates}\n{nights}")
        self.values["room"].setText(stay.room_type)
        people = self.tr("%1 adults").replace("%1", str(stay.adults))
        if stay.children:
            people += " · " + self.tr("%1 children").replace("%1", str(stay.children))
        self.values["guests"].setText(f"{people}\n{', '.join(stay.names)}")
        self.values["rate"].setText(stay.rate)
        self.values["total"].setText(format_money(stay.total, language))
        self.values["paid"].setText(format_money(stay.paid, language))
        self.values["due"].setText(format_money(stay.due, language))
        self.deposit.setText(
            self.tr("and a deposit of %1 held on your card").replace(
                "%1", format_money(stay.deposit, language)
            )
            if stay.deposit is not None and stay.deposit.minor
            else ""
        )
        self.deposit.setVisible(bool(self.deposit.text()))
        self.primary_button.setText(self.tr("This is my booking"))
        self.keep_buttons_whole()
