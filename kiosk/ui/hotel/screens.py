"""``HotelScreens``: every hotel screen, built once and added to the shell's window."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.ui.airport.screens import CheckinTitle
from kiosk.ui.hotel.checkout import DropKeysScreen, FolioScreen, InvoiceScreen
from kiosk.ui.hotel.child import ChildScreen
from kiosk.ui.hotel.find import FindBookingScreen, FindRoomScreen, WelcomeScreen
from kiosk.ui.hotel.guests import DetailsScreen, GuestIdsScreen
from kiosk.ui.hotel.keys import HotelDoneScreen, KeysScreen
from kiosk.ui.hotel.pay import HotelAgentScreen, HotelPaymentScreen
from kiosk.ui.hotel.registration import RegistrationScreen
from kiosk.ui.hotel.stay import PickStayScreen, StayScreen
from kiosk.ui.screens.closed import LaneClosedScreen


class HotelTitle(CheckinTitle):
    """The top bar's title while the hotel journey runs ("Reception"), in the guest's
    language."""

    def show_title(self) -> None:
        self._window.top_bar.set_title(self.tr("Reception"))


@dataclass(frozen=True)
class HotelScreens:
    """The hotel's screens (tests and the presenter reach them by attribute)."""

    welcome: WelcomeScreen
    find: FindBookingScreen
    pick_stay: PickStayScreen
    stay: StayScreen
    guests: GuestIdsScreen
    details: DetailsScreen
    child: ChildScreen
    registration: RegistrationScreen
    payment: HotelPaymentScreen
    keys: KeysScreen
    done: HotelDoneScreen
    find_room: FindRoomScreen
    folio: FolioScreen
    invoice: InvoiceScreen
    drop_keys: DropKeysScreen
    agent: HotelAgentScreen
    closed: LaneClosedScreen

    @classmethod
    def build(cls, window: Any) -> HotelScreens:
        """Make every screen and add it to ``window`` (a ``KioskWindow``)."""
        screens = cls(*(kind() for kind in cls.kinds()))
        for screen in screens.all():
            window.add_screen(screen)
        return screens

    @staticmethod
    def kinds() -> tuple[type, ...]:
        return (
            WelcomeScreen, FindBookingScreen, PickStayScreen, StayScreen, GuestIdsScreen,
            DetailsScreen, ChildScreen, RegistrationScreen, HotelPaymentScreen, KeysScreen,
            HotelDoneScreen, FindRoomScreen, FolioScreen, InvoiceScreen, DropKeysScreen,
            HotelAgentScreen, LaneClosedScreen,
        )  # fmt: skip

    def all(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)
