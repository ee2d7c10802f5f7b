"""Screens the first paint does not need are built on first use or after the first paint.

The lane's window paints the attract screen first; the produce grid, weighing, payment,
receipt, thank-you, staff PIN and lane-closed screens and the attendant's sign-in and
dashboard are registered by name and built when first asked for (at once, with their
wiring) or in idle time after the first paint (issue 16: the cold start).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from test_lane_journeys import build_controller

from kiosk.app.shell import open_journey_window
from kiosk.config.lane import LaneConfig
from kiosk.config.schema import KioskConfig
from kiosk.ui.attendant.dashboard import AttendantDashboard
from kiosk.ui.attendant.presenter import AttendantPresenter
from kiosk.ui.attendant.signin import AttendantSignInScreen
from kiosk.ui.bridge import Bridge
from kiosk.ui.item_lookup import ItemLookup
from kiosk.ui.lane_screens import LAZY
from kiosk.ui.navigator import Navigator
from kiosk.ui.sale_ending import SaleEnding
from kiosk.ui.screens.thanks import ThanksScreen
from kiosk.ui.window import KioskWindow


def test_a_lazy_screen_is_named_at_once_and_built_when_first_asked_for(qtbot: Any) -> None:
    navigator = Navigator()
    qtbot.addWidget(navigator)
    built: list[ThanksScreen] = []

    def build() -> None:
        built.append(ThanksScreen())
        navigator.add(built[-1])

    navigator.add_lazy("thanks", build)
    assert navigator.names() == ("thanks",)
    assert not navigator.is_built("thanks")
    assert navigator.built_screens() == ()
    with pytest.raises(ValueError, match="thanks"):
        navigator.add_lazy("thanks", build)
    shown = navigator.show_screen("thanks")  # asked for before it was built: built now
    assert built == [shown]
    assert navigator.current_name() == "thanks"
    assert navigator.get("thanks") is shown
    assert len(built) == 1
    assert navigator.built_screens() == (shown,)
    with pytest.raises(ValueError, match="thanks"):
        navigator.add(ThanksScreen())
    navigator.add_lazy("forgotten", lambda: None)  # a builder that adds nothing
    with pytest.raises(RuntimeError, match="forgotten"):
        navigator.get("forgotten")
    with pytest.raises(KeyError, match="nowhere"):
        navigator.get("nowhere")


def test_the_lane_builds_its_other_screens_on_first_use_wired(qtbot: Any, tmp_path: Path) -> None:
    controller = build_controller(tmp_path / "lane.sqlite3")
    config = KioskConfig(lane=LaneConfig(store_id="store-1", lane_id="lane-1"))
    window, presenter, ui, bridge = open_journey_window(
        controller, config, show=False, kiosk_mode=False, idle_timeout_ms=600_000
    )
    qtbot.addWidget(window)
    try:
        screens = ui.screens
        navigator = window.navigator
        assert navigator.current_name() == "attract"
        assert [name for name in LAZY if screens.is_built(name)] == []
        assert navigator.names()[:4] == ("attract", "scanning", "produce", "weigh")
        # the lane-closed screen, shown before it was built: built at once, and its
        # "call staff" key reaches the presenter
        presenter.set_lane_flags(True, False)
        assert navigator.current_name() == "lane_closed"
        assert screens.is_built("closed")
        with qtbot.waitSignal(presenter.staffRequested, timeout=1000):
            screens.closed.staffRequested.emit()
        presenter.set_lane_flags(False, False)
        assert navigator.current_name() == "attract"
        # the receipt asked for by name: the thank-you screen comes with it (one ending)
        navigator.get("receipt")
        assert screens.is_built("receipt")
        assert screens.is_built("thanks")
        assert presenter._ending_ is not None
        assert len(window.findChildren(SaleEnding)) == 1
        assert not screens.is_built("produce")
        # "Look up" before the grid was built: built at once, with one look-up (one item
        # per chosen tile or typed PLU)
        screens.scanning.lookupRequested.emit()
        assert navigator.current_name() == "produce"
        assert len(presenter.findChildren(ItemLookup)) == 1
        # shown, the window paints; then the rest is built in idle time
        window.resize(1920, 1080)
        window.show()
        qtbot.waitUntil(lambda: all(screens.is_built(name) for name in LAZY), timeout=10_000)
        assert presenter._lookup_ is not None  # the grid came with its look-up
        assert {s.name for s in navigator.built_screens()} == set(navigator.names())
    finally:
        presenter.detach()
        bridge.wait_for_idle()
        controller.stop()
        window.shutdown()


class NobodySignedIn:
    """The part of an attendant service the sign-in screen's opening reads."""

    current_session = None
    idle_timeout = timedelta(minutes=2)

    def touched(self) -> None:
        pass


def test_the_attendant_screens_are_built_when_staff_are_called(qtbot: Any) -> None:
    window = KioskWindow(kiosk_mode=False)
    qtbot.addWidget(window)
    bridge = Bridge(window)
    builds: list[tuple[AttendantSignInScreen, AttendantDashboard]] = []

    def build() -> tuple[AttendantSignInScreen, AttendantDashboard]:
        builds.append((AttendantSignInScreen(), AttendantDashboard()))
        for screen in builds[-1]:
            window.add_staff_screen(screen)
        return builds[-1]

    attendant = AttendantPresenter(
        NobodySignedIn(),  # type: ignore[arg-type]
        bridge,
        None,
        None,
        window.show_staff,
        build=build,
        parent=window,
    )
    try:
        assert not attendant.screens_built()
        assert builds == []
        attendant.touched()  # nothing showing: nothing to build
        assert builds == []
        with qtbot.waitSignal(attendant.closed, timeout=1000):
            attendant.open()  # staff called: the sign-in screen, built now
            assert builds
            assert window.staff_showing() == "attendant_signin"
            assert attendant.is_open()
            attendant.signin.closeRequested.emit()  # its keys are wired: Close leaves
        assert not attendant.is_open()
        assert attendant.dashboard is builds[0][1]
        assert len(builds) == 1
        with pytest.raises(ValueError, match="both screens"):
            AttendantPresenter(NobodySignedIn(), bridge, None, None, window.show_staff)  # type: ignore[arg-type]
    finally:
        bridge.wait_for_idle()
        window.shutdown()
