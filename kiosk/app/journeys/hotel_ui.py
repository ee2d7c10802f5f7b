"""The hotel journey's screens and presenter on the shell's window (imports Qt).

Called through the hotel spec's ``open_ui`` by the window code (``kiosk.app.shell``),
never by a headless lane. The screens (``kiosk.ui.hotel.screens.HotelScreens``) and
the presenter (``kiosk.ui.hotel.presenter.HotelPresenter``) stay in ``kiosk.ui``;
this module only builds them with what the shell hands over.
"""

from __future__ import annotations

from kiosk.app.journeys.spec import JourneyUi, JourneyUiContext
from kiosk.ui.hotel.presenter import HotelPresenter
from kiosk.ui.hotel.screens import HotelScreens
from kiosk.ui.hotel.views import HotelInfo


def open_hotel_screens(context: JourneyUiContext) -> JourneyUi:
    """Add the hotel's screens to ``context.window`` and build its presenter.

    ``context.options`` may hold ``done_ms`` (how long the done screen stays before the
    next guest's welcome screen; default 20 s) and ``hotel_info`` (a ``HotelInfo``: the
    Wi-Fi and breakfast times the done screen shows); without it they come from the
    ``[hotel]`` section's ``wifi_network``, ``wifi_password`` and ``breakfast`` (none
    shown when all are empty).
    """
    screens = HotelScreens.build(context.window)
    info = context.options.get("hotel_info") or _configured_info(context)
    presenter = HotelPresenter(
        context.lane.controller,
        context.window,
        context.bridge,
        screens,
        info=info if isinstance(info, HotelInfo) else None,
        done_ms=context.options.get("done_ms", 20_000),
    )
    return JourneyUi(presenter, screens)


def _configured_info(context: JourneyUiContext) -> HotelInfo | None:
    """What the ``[hotel]`` section says about Wi-Fi and breakfast (None: nothing)."""
    hotel = context.lane.config.hotel
    info = HotelInfo(hotel.wifi_network, hotel.wifi_password, hotel.breakfast)
    return info if info != HotelInfo() else None
