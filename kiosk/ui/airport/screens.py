"""``AirportScreens``: every check-in screen, built once and added to the shell's window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from kiosk.ui.airport.bags import BagCountScreen, BagWeighScreen
from kiosk.ui.airport.documents import DocumentsScreen
from kiosk.ui.airport.finish import AgentScreen, DoneScreen, PaymentScreen, PrintingScreen
from kiosk.ui.airport.identify import IdentifyScreen
from kiosk.ui.airport.seats import SeatsScreen
from kiosk.ui.airport.steps import (
    BookingChoiceScreen,
    OffersScreen,
    PassengersScreen,
    QuestionsScreen,
)
from kiosk.ui.screens.closed import LaneClosedScreen


class CheckinTitle(QObject):
    """The top bar's title while the check-in runs ("Check-in"), in the shopper's language."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        window.languageChanged.connect(lambda _code: self.show_title())
        self.show_title()

    def show_title(self) -> None:
        self._window.top_bar.set_title(self.tr("Check-in"))


@dataclass(frozen=True)
class AirportScreens:
    """The check-in's screens (tests and the presenter reach them by attribute)."""

    identify: IdentifyScreen
    booking: BookingChoiceScreen
    passengers: PassengersScreen
    documents: DocumentsScreen
    questions: QuestionsScreen
    seats: SeatsScreen
    offers: OffersScreen
    bags: BagCountScreen
    weigh: BagWeighScreen
    payment: PaymentScreen
    printing: PrintingScreen
    done: DoneScreen
    agent: AgentScreen
    closed: LaneClosedScreen

    @classmethod
    def build(cls, window: Any) -> AirportScreens:
        """Make every screen and add it to ``window`` (a ``KioskWindow``)."""
        screens = cls(
            IdentifyScreen(),
            BookingChoiceScreen(),
            PassengersScreen(),
            DocumentsScreen(),
            QuestionsScreen(),
            SeatsScreen(),
            OffersScreen(),
            BagCountScreen(),
            BagWeighScreen(),
            PaymentScreen(),
            PrintingScreen(),
            DoneScreen(),
            AgentScreen(),
            LaneClosedScreen(),
        )
        for screen in screens.all():
            window.add_screen(screen)
        return screens

    def all(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)
