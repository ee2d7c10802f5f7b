"""The airport check-in's screens and presenter on the shell's window (imports Qt).

Called through ``AIRPORT_CHECKIN.open_ui`` by the window code (``kiosk.app.shell``),
never by a headless lane. The screens (``kiosk.ui.airport.screens.AirportScreens``)
and the presenter (``kiosk.ui.airport.presenter.AirportPresenter``) stay in
``kiosk.ui``; this module only builds them with what the shell hands over.
"""

from __future__ import annotations

from kiosk.app.journeys.spec import JourneyUi, JourneyUiContext
from kiosk.ui.airport.presenter import AirportPresenter
from kiosk.ui.airport.screens import AirportScreens


def open_airport_screens(context: JourneyUiContext) -> JourneyUi:
    """Add the check-in's screens to ``context.window`` and build its presenter.

    ``context.options`` may hold ``done_ms`` (how long the done screen stays before
    the next traveller's welcome screen; default 20 s).
    """
    screens = AirportScreens.build(context.window)
    presenter = AirportPresenter(
        context.lane.controller,
        context.window,
        context.bridge,
        screens,
        done_ms=context.options.get("done_ms", 20_000),
    )
    return JourneyUi(presenter, screens, scale_reading=presenter.scale_reading)
