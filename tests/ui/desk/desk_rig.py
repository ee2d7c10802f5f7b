"""The desk tests' rig: a lane built as ``kiosk run`` builds it, in the real window.

``build_lane`` over the registry (the ``desk_journey`` check-in, whose desk is the
airport's real one), a real SQLite store, staff repository and audit log, then
``open_lane_window``. Every touch goes through :func:`touch`: the widget a person hits
at the centre of the one they mean (``QApplication.widgetAt``) must be that one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desk_journey import DESK_TEST, DeskTestRunner, TravellerScreen
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app.journeys import register_journey, unregister_journey
from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import KioskConfig
from kiosk.config.lane import LaneConfig
from kiosk.domain.staff import Role, Staff
from kiosk.store.audit import AuditLog
from kiosk.store.db import connect
from kiosk.ui.attendant.widgets import NEXT
from kiosk.ui.desk import StaffLayer
from kiosk.ui.desk.screen import DeskScreen
from kiosk.ui.widgets.keypad import ENTER
from kiosk.ui.window import KioskWindow

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
CLICK = Qt.MouseButton.LeftButton


class Clock:
    """The lane's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Rig:
    lane: Lane
    window: KioskWindow
    presenter: Any
    staff: StaffLayer
    clock: Clock
    db: Path

    @property
    def runner(self) -> DeskTestRunner:
        runner: DeskTestRunner = self.lane.controller
        return runner

    @property
    def desk(self) -> DeskScreen:
        screen = self.window.staff_layer.findChild(DeskScreen)
        assert screen is not None
        return screen

    @property
    def traveller(self) -> TravellerScreen:
        screen = self.window.current_screen()
        assert isinstance(screen, TravellerScreen)
        return screen


def on_top(widget: QWidget) -> QWidget:
    """The widget a touch at the centre of ``widget`` reaches; fails if it is covered."""
    assert widget.isVisible(), f"{widget!r} ({getattr(widget, 'text', str)()}) is not shown"
    point = widget.mapToGlobal(widget.rect().center())
    hit = QApplication.widgetAt(point)
    assert hit is not None, f"nothing at {point} where {widget!r} should be"
    assert hit is widget or widget.isAncestorOf(hit), f"{widget!r} is covered by {hit!r}"
    return hit


def touch(qtbot: Any, widget: QWidget) -> None:
    """Touch the centre of ``widget`` as a person would (it must be on top there)."""
    hit = on_top(widget)
    assert widget.isEnabled(), f"{getattr(widget, 'text', str)()!r} is disabled"
    point = widget.mapToGlobal(widget.rect().center())
    qtbot.mouseClick(hit, CLICK, pos=hit.mapFromGlobal(point))


def sign_in(qtbot: Any, rig: Rig, staff_id: str, pin: str) -> None:
    """Type the staff id and PIN on the sign-in screen's keys."""
    signin = rig.staff.signin
    qtbot.waitUntil(lambda: rig.window.staff_showing() == signin.name)
    for key in staff_id:
        touch(qtbot, signin.keyboard.button(key))
    touch(qtbot, signin.keyboard.button(NEXT))
    for key in pin:
        touch(qtbot, signin.keypad.button(key))
    touch(qtbot, signin.keypad.button(ENTER))


def call_agent(qtbot: Any, rig: Rig, staff_id: str, pin: str) -> None:
    """The traveller's screen says an agent is coming: touch Staff, sign in, see the desk."""
    qtbot.waitUntil(lambda: rig.traveller.status.text() == "An agent is coming")
    touch(qtbot, rig.traveller.staff_button)
    sign_in(qtbot, rig, staff_id, pin)
    qtbot.waitUntil(lambda: rig.window.staff_showing() == rig.desk.name)


def sign_out(qtbot: Any, rig: Rig) -> None:
    touch(qtbot, rig.desk.sign_out_button)
    qtbot.waitUntil(lambda: rig.window.staff_showing() is None)
    qtbot.waitUntil(lambda: rig.lane.attendant.current_session is None)


def verdict_key(rig: Rig, verdict: str) -> QWidget:
    key = rig.desk.verdict_button(verdict)
    assert key is not None, f"no {verdict} key on the desk"
    return key


def audit(db: Path, action: str) -> list[dict[str, Any]]:
    """The lane audit rows of ``action``, oldest first (staff id and details)."""
    log = AuditLog(connect(db, migrate=False), "store-1", "lane-1")
    rows = [r for r in reversed(log.recent(1000)) if r.action == action]
    return [{"staff_id": r.staff_id, "reason": r.reason, **r.details} for r in rows]


def rig_factory(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    """``start(**window_options)`` builds a rig; everything is stopped afterwards."""
    register_journey(DESK_TEST)
    made: list[Rig] = []

    def start(size: tuple[int, int] = (1920, 1080), **window_options: Any) -> Rig:
        db = tmp_path / "lane.sqlite3"
        config = KioskConfig(
            lane=LaneConfig(store_id="store-1", lane_id="lane-1", mode="desk_test")
        )
        config = replace(config, store=replace(config.store, path=db))
        clock = Clock()
        lane = build_lane(config, clock=clock, with_sync=False)
        staff = lane.attendant.staff_repo
        staff.add(Staff("s-1", "Ana Agent", Role.ATTENDANT), pin="1111")
        staff.add(Staff("s-2", "Sam Supervisor", Role.SUPERVISOR), pin="2222", badge="STF0002")
        options: dict[str, Any] = {"kiosk_mode": False, "idle_timeout_ms": 600_000}
        options.update(window_options)
        window, presenter, attendant = open_lane_window(
            lane, show=False, idle_check_ms=50, **options
        )
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        assert isinstance(attendant, StaffLayer)
        rig = Rig(lane, window, presenter, attendant, clock, db)
        made.append(rig)
        return rig

    try:
        yield start
    finally:
        for rig in made:
            rig.presenter.detach()
            rig.staff.bridge.wait_for_idle()
            rig.lane.stop()
            rig.window.shutdown()
        unregister_journey(DESK_TEST.mode)
