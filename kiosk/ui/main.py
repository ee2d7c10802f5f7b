"""The lane's Qt entry point: the shopper window, the attendant screens, the event loop.

``run_lane_app(lane)`` is what ``kiosk run`` and ``kiosk demo`` call with a
built (not yet started) :class:`kiosk.app.wiring.Lane`: it makes the
QApplication, the self-checkout window and its presenter, adds the attendant
sign-in and dashboard on the window's staff layer (above every shopper alert),
follows the lane flags staff set (closed / paused screen), connects the scale and
staff badges, starts the lane
and runs Qt's event loop until the window is closed (never by a shopper: in
kiosk mode only the service manager stops the lane).
"""

from __future__ import annotations

import gc
import logging
import signal
import sys
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.ui.attendant.dashboard import AttendantDashboard
from kiosk.ui.attendant.presenter import AttendantPresenter
from kiosk.ui.attendant.signin import AttendantSignInScreen
from kiosk.ui.bridge import Bridge
from kiosk.ui.lane_app import lane_presenter, run_lane_window

log = logging.getLogger(__name__)


def run_lane_app(lane: Any, *, show: bool = True, quit_after_ms: int | None = None) -> int:
    """Run the lane's window until the app quits; return the exit status.

    Args:
        lane: a ``kiosk.app.wiring.Lane`` (built, not started).
        show: show the window (False for tests and screenshots).
        quit_after_ms: leave the event loop after this long (smoke tests).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window, presenter, attendant = open_lane_window(lane, show=show)
    # Everything built so far lives as long as the lane: move it out of the cyclic
    # collector's view, so full collections stop pausing scans (measured 47-71 ms
    # pauses before; benchmarks/bench_scan_to_screen.py --gc-freeze).
    gc.collect()
    gc.freeze()
    # Ctrl+C in the terminal that started the demo ends the loop cleanly.
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    pulse = QTimer(window)  # lets Python see the signal while Qt waits
    pulse.start(200)
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, app.quit)
    try:
        return int(app.exec())  # type: ignore[union-attr]
    finally:
        presenter.detach()
        if attendant is not None:
            lane.badge_listeners.clear()
        window.shutdown()


def open_lane_window(
    lane: Any, *, show: bool = True, idle_check_ms: int = 5000, **window_options: Any
) -> tuple[Any, Any, Any]:
    """Build the window, its presenters and start the lane; return (window, shopper
    presenter, attendant presenter or None). The caller runs the event loop.

    ``idle_check_ms`` is how often an idle staff session is looked for; ``window_options``
    go to ``KioskWindow`` (tests: not kiosk mode, short idle times)."""
    window = run_lane_window(
        lane.controller, lane.config, show=show, catalog=lane.catalog_view, **window_options
    )
    presenter = lane_presenter(window)
    lane.weight_listeners.append(presenter.scale_reading)
    # Audible feedback on every scan (the platform bell; a lane may wire a sounder).
    presenter.beeped.connect(lambda ok: QApplication.beep())
    attendant = _attendant(lane, window, presenter, idle_check_ms)
    lane.start()  # devices and sync; the lane thread is already running
    return window, presenter, attendant


def _attendant(
    lane: Any, window: Any, presenter: Any, idle_check_ms: int
) -> AttendantPresenter | None:
    service = getattr(lane, "attendant", None)
    if service is None:
        return None
    signin, dashboard = AttendantSignInScreen(), AttendantDashboard()
    window.add_staff_screen(signin)
    window.add_staff_screen(dashboard)
    bridge = Bridge(window)
    attendant = AttendantPresenter(
        service, bridge, signin, dashboard, window.show_staff, idle_check_ms=idle_check_ms
    )
    attendant.closed.connect(window.close_staff)
    attendant.closed.connect(presenter.refresh)
    presenter.staffRequested.connect(attendant.open)
    window.touched.connect(attendant.touched)
    bridge.changed.connect(lambda event: _on_bridge(attendant, presenter, event))
    lane.controller.listeners.append(lambda checkout, effects: bridge.post(("lane", None)))
    lane.badge_listeners.append(lambda code: bridge.post(("badge", code)))
    # Lane closed / paused by staff (flags change on a pool thread): the shopper's screen.
    service.flag_listeners.append(lambda flags: bridge.post(("flags", flags)))
    presenter.set_lane_flags(service.flags.closed, service.flags.paused)
    return attendant


def _on_bridge(attendant: AttendantPresenter, presenter: Any, event: object) -> None:
    if isinstance(event, tuple) and len(event) == 2:
        kind, value = event
        if kind == "lane":
            attendant.lane_changed()
        elif kind == "badge":
            attendant.badge_scanned(str(value))
        elif kind == "flags":
            presenter.set_lane_flags(bool(value.closed), bool(value.paused))
