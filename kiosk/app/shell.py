"""The lane shell's window: the composition root of the lane's UI.

The shell owns what is not a journey's: the ``KioskWindow`` (top bar, languages,
accessibility, help, idle and "are you still there"), the one :class:`Bridge`
from worker threads into the UI thread, the attendant sign-in and dashboard on
the window's staff layer (above every shopper alert), staff badges read at the
scanner, the lane flags staff set (closed / paused) and the event loop. The
journey ``lane.mode`` picks adds its screens and presenter through its spec's
``open_ui`` (``kiosk.app.journeys``).

``run_lane_app(lane)`` is what ``kiosk run`` and ``kiosk demo`` call with a built,
not yet started :class:`~kiosk.app.wiring.Lane`; ``open_lane_window`` builds the
same window without running the event loop (tests, benchmarks);
``open_journey_window`` shows a journey over a bare runner (no devices, no staff).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from kiosk.app.journeys import JourneyUi, JourneyUiContext, journey_spec
from kiosk.app.journeys.spec import DeskContext, DeskUi
from kiosk.app.wiring import Lane
from kiosk.sdnotify import Notifier
from kiosk.ui.attendant.presenter import AttendantPresenter
from kiosk.ui.bridge import BadgeScanned, Bridge, JourneyChanged, LaneFlagsChanged
from kiosk.ui.desk import StaffLayer
from kiosk.ui.i18n import available_languages
from kiosk.ui.lane_app import beep, ensure_app, run_event_loop
from kiosk.ui.screens.feedback import attach_feedback
from kiosk.ui.station_notice import StationNotice, attach_station_notices
from kiosk.ui.watchdog import UiWatchdog
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:  # imported when the screens are built: not on the start path
    from kiosk.ui.attendant.dashboard import AttendantDashboard
    from kiosk.ui.attendant.signin import AttendantSignInScreen

log = logging.getLogger(__name__)
DEFAULT_LANGUAGES = ("en", "es", "fr")


class OpenLane(NamedTuple):
    """A lane's window as :func:`open_lane_window` leaves it."""

    window: KioskWindow
    presenter: Any  # the journey's presenter
    attendant: AttendantPresenter | StaffLayer | None  # StaffLayer: a journey's own desk


class JourneyWindow(NamedTuple):
    """A journey's window as :func:`open_journey_window` leaves it."""

    window: KioskWindow
    presenter: Any
    ui: JourneyUi
    bridge: Bridge


def run_lane_app(lane: Lane, *, show: bool = True, quit_after_ms: int | None = None) -> int:
    """Run the lane's window until the app quits; return the exit status.

    Args:
        lane: built by ``build_lane`` (not started).
        show: show the window (False for tests and screenshots).
        quit_after_ms: leave the event loop after this long (smoke tests).
    """
    ensure_app()
    window, presenter, attendant = open_lane_window(lane, show=show)
    watchdog = UiWatchdog(Notifier(), window)  # READY once the screen is up, then pings
    window.after_first_paint(lambda: watchdog.start(f"{lane.config.lane.lane_id} serving"))
    # Everything built so far lives as long as the lane: move it out of the cyclic
    # collector's view, so full collections stop pausing scans (measured 47-71 ms
    # pauses before; benchmarks/bench_scan_to_screen.py --gc-freeze). Done after the
    # first paint (``kiosk run`` holds the collector until then: kiosk.warmup).
    window.after_first_paint(_freeze_survivors)
    try:
        return run_event_loop(window, quit_after_ms=quit_after_ms)
    finally:
        watchdog.stop()
        presenter.detach()
        if attendant is not None:
            lane.badge_listeners.clear()
        window.shutdown()


def _freeze_survivors() -> None:
    gc.collect()
    gc.freeze()


def open_lane_window(
    lane: Lane, *, show: bool = True, idle_check_ms: int = 5000, **window_options: Any
) -> OpenLane:
    """Build the shell's window with the lane's journey and attendant screens, then start
    the lane; return (window, journey presenter, attendant presenter or None). The
    caller runs the event loop.

    ``idle_check_ms`` is how often an idle staff session is looked for; ``window_options``
    go to ``KioskWindow`` (tests: not kiosk mode, short idle times).
    """
    window, presenter, ui, bridge = _open_journey(lane, show, window_options, {})
    # the rating, the sampled NPS question, languages and accessibility: service events
    attach_feedback(window, presenter, lane.service_events, lane.config.feedback.nps_sample_every)
    if ui.scale_reading is not None:
        lane.weight_listeners.append(ui.scale_reading)
    if ui.beeped is not None:  # audible feedback on every scan
        ui.beeped.connect(lambda ok: beep())
    attendant = _attendant(lane, window, presenter, bridge, idle_check_ms)
    _station_and_metrics(lane, window, bridge)
    lane.start()  # devices and sync; the journey's thread is already running
    return OpenLane(window, presenter, attendant)


def _station_and_metrics(lane: Lane, window: KioskWindow, bridge: Bridge) -> None:
    """What the store's station says reaches the shopper's screen (e.g. "Ana is on the
    way."); with a metrics file, each scan's time until the screen has taken it."""
    attach_station_notices(window, bridge, lane.metrics)
    lane.notice_listeners.append(lambda kind, args: bridge.post(StationNotice(kind, args)))
    if lane.metrics is not None and lane.attendant is None:  # else _attendant posts them
        lane.controller.listeners.append(lambda state, effects: bridge.post(JourneyChanged()))


def open_journey_window(
    controller: Any,
    config: Any,
    *,
    show: bool = True,
    catalog: Any = None,
    ereceipt_base_url: str | None = None,
    thanks_ms: int = 10_000,
    **window_options: Any,
) -> JourneyWindow:
    """The shell's window with the journey ``config.lane.mode`` picks over ``controller``
    (its runner), which is started; no devices, sync or attendant screens.

    Args:
        controller: the journey's runner (the self-checkout's ``LaneController``).
        config: the ``KioskConfig`` (``ui``, ``lane.languages``, ``lane.mode``).
        show: show the window (full screen in kiosk mode).
        catalog: a catalog on its own connection for the screens (default: the runner's).
        ereceipt_base_url, thanks_ms: the self-checkout's options (see its ``open_ui``).
        window_options: override ``KioskWindow`` arguments (tests: short idle times).

    Raises:
        ConfigError: ``lane.mode`` names no registered journey.
        TranslationError: a configured language has no compiled translation.
    """
    lane = Lane(config, controller, catalog, {}, None)  # type: ignore[arg-type]
    options = {"ereceipt_base_url": ereceipt_base_url, "thanks_ms": thanks_ms}
    return _open_journey(lane, show, window_options, options)


def _open_journey(
    lane: Lane, show: bool, window_options: dict[str, Any], journey_options: dict[str, Any]
) -> JourneyWindow:
    ensure_app()
    spec = lane.journey or journey_spec(lane.config.lane.mode)
    window, languages, kiosk_mode = _shell_window(lane.config, window_options)
    bridge = Bridge(window)  # the window's one bridge: journey and attendant share it
    context = JourneyUiContext(lane, window, bridge, languages, journey_options)
    ui = spec.open_ui(context)
    lane.controller.start()
    if show:
        if kiosk_mode:
            window.enter_kiosk_mode()
        else:
            window.resize(1920, 1080)
            window.show()
    return JourneyWindow(window, ui.presenter, ui, bridge)


def _shell_window(
    config: Any, window_options: dict[str, Any]
) -> tuple[KioskWindow, tuple[str, ...], bool]:
    """The ``KioskWindow`` the ``ui`` section asks for, in the languages that have a
    translation (the others are named in the log); also its languages and kiosk mode."""
    ui = getattr(config, "ui", None)
    wanted = tuple(getattr(config.lane, "languages", DEFAULT_LANGUAGES))
    languages = tuple(code for code in wanted if code in available_languages()) or ("en",)
    if languages != wanted:
        log.warning("languages %s have no translation; offering %s", wanted, languages)
    options: dict[str, Any] = {"languages": languages}
    if ui is not None:
        options.update(
            kiosk_mode=ui.fullscreen,
            idle_timeout_ms=ui.idle_timeout_s * 1000,
            idle_countdown_s=ui.idle_countdown_s,
            hide_cursor=ui.hide_cursor,
            speech_rate_wpm=ui.speech_rate_wpm,
            repeat_key=ui.audio_repeat_key,
        )
    options.update(window_options)
    return KioskWindow(**options), languages, bool(options.get("kiosk_mode", True))


def _attendant(
    lane: Lane, window: KioskWindow, presenter: Any, bridge: Bridge, idle_check_ms: int
) -> AttendantPresenter | StaffLayer | None:
    """The attendant sign-in and dashboard on the staff layer, if the journey has a desk
    (a journey with its own ``desk_ui``: the same sign-in in front of its desk screen)."""
    service = lane.attendant
    if service is None:
        return None
    desk_ui = (lane.journey or journey_spec(lane.config.lane.mode)).desk_ui
    attendant: AttendantPresenter | StaffLayer
    if desk_ui is not None:
        attendant = _journey_desk(
            lane, service, window, bridge, desk_ui, idle_check_ms=idle_check_ms
        )
    else:
        # Built on first use (a call for staff, a badge) or in idle time after the first
        # paint, whichever comes first: the attract screen does not wait for them.
        def build() -> tuple[AttendantSignInScreen, AttendantDashboard]:
            from kiosk.ui.attendant.dashboard import AttendantDashboard
            from kiosk.ui.attendant.signin import AttendantSignInScreen

            signin, dashboard = AttendantSignInScreen(), AttendantDashboard()
            window.add_staff_screen(signin)
            window.add_staff_screen(dashboard)
            return signin, dashboard

        attendant = AttendantPresenter(
            service,
            bridge,
            None,
            None,
            window.show_staff,
            idle_check_ms=idle_check_ms,
            build=build,
            parent=window,
        )
        window.after_first_paint(attendant.build_screens)
    attendant.closed.connect(window.close_staff)
    attendant.closed.connect(presenter.refresh)
    presenter.staffRequested.connect(attendant.open)
    window.touched.connect(attendant.touched)

    def on_message(message: object) -> None:
        if isinstance(message, JourneyChanged):
            attendant.lane_changed()
        elif isinstance(message, BadgeScanned):
            attendant.badge_scanned(message.code)
        elif isinstance(message, LaneFlagsChanged):
            presenter.set_lane_flags(message.closed, message.paused)

    bridge.changed.connect(on_message)
    lane.controller.listeners.append(lambda state, effects: bridge.post(JourneyChanged()))
    lane.badge_listeners.append(lambda code: bridge.post(BadgeScanned(code)))
    # Lane closed / paused by staff (flags change on a pool thread): the shopper's screen.
    service.flag_listeners.append(
        lambda flags: bridge.post(LaneFlagsChanged(bool(flags.closed), bool(flags.paused)))
    )
    presenter.set_lane_flags(service.flags.closed, service.flags.paused)
    return attendant


def _journey_desk(
    lane: Lane,
    service: Any,
    window: KioskWindow,
    bridge: Bridge,
    desk_ui: Callable[[DeskContext], DeskUi],
    *,
    idle_check_ms: int,
) -> StaffLayer:
    """The shell's staff sign-in in front of the journey's own desk screen, both built on
    first use (a call for staff, a badge) or in idle time after the first paint."""

    def build() -> AttendantSignInScreen:
        from kiosk.ui.attendant.signin import AttendantSignInScreen

        signin = AttendantSignInScreen()
        window.add_staff_screen(signin)
        desk = desk_ui(DeskContext(lane, service, window, bridge, layer))
        window.add_staff_screen(desk.screen)
        layer.set_desk(desk.screen.name, desk.refresh)
        return signin

    layer = StaffLayer(
        service, bridge, build, window.show_staff, idle_check_ms=idle_check_ms, parent=window
    )
    window.after_first_paint(layer.build)
    return layer
