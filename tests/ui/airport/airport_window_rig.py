"""The check-in lane in the real ``KioskWindow``, on real parts, for the screen tests.

``checkin_window(qtbot, tmp_path)`` builds the lane with ``lane.mode =
"airport_checkin"`` over the simulators of ``tests/app/airport/airport_lane_rig.py``
(DCS over HTTP on 127.0.0.1, document reader, ATB/BTP printers and scale on ptys, card
terminal simulator) and opens it through the real shell. ``CheckinWindow`` touches
widgets the way a person does (only where ``QApplication.widgetAt`` finds them on
top) and walks the traveller to a step.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app" / "airport"))
from airport_lane_rig import AirportRig, airport_rig, stored_events

from kiosk.app.shell import open_lane_window
from kiosk.app.wiring import Lane, build_lane
from kiosk.config import KioskConfig
from kiosk.ui.airport.screens import AirportScreens
from kiosk.ui.window import KioskWindow

WAIT_MS = 20_000
__all__ = ["CheckinWindow", "checkin_window", "stored_events"]


@dataclass
class CheckinWindow:
    qtbot: Any
    rig: AirportRig
    lane: Lane
    window: KioskWindow
    presenter: Any

    @property
    def s(self) -> AirportScreens:
        return self.presenter.screens

    @property
    def state(self) -> Any:
        return self.lane.controller.state

    def touch(self, widget: QWidget, point: QPoint | None = None) -> None:
        """Touch ``widget`` (at ``point``, or its centre) where it is on top."""
        local = point if point is not None else widget.rect().center()
        hit = QApplication.widgetAt(widget.mapToGlobal(local))
        assert hit is widget, f"{hit!r} is on top of {widget!r} at {local}"
        assert widget.isEnabled(), widget
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=local)

    def shown(self, screen: QWidget, ready: bool = True) -> None:
        """Wait until ``screen`` is up (and, if ``ready``, not waiting for an answer)."""
        self.qtbot.waitUntil(
            lambda: self.window.current_screen() is screen and (not ready or not screen.busy()),  # type: ignore[attr-defined]
            timeout=WAIT_MS,
        )

    def wait(self, condition: Any, timeout: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)

    def find_booking(self, locator: str = "KX7Q2M", surname: str = "ERIKSSON") -> None:
        """Type the booking reference and surname on the on-screen keyboard, and look."""
        s = self.s
        self.shown(s.identify)
        self.touch(s.identify.type_button)
        for key in (locator + surname).lower():
            self.touch(s.identify.keyboard.button(key))
        self.touch(s.identify.primary_button)

    def to_documents(self) -> tuple[str, str]:
        """The demo booking found, both travelling: the documents step; their ids."""
        self.find_booking()
        self.shown(self.s.passengers)
        anna, lars = (p.passenger_id for p in self.state.passengers)
        self.touch(self.s.passengers.primary_button)
        self.shown(self.s.documents)
        return anna, lars

    def to_seats(self) -> tuple[str, str]:
        """Passports read, safety answered: the seat map."""
        anna, lars = self.to_documents()
        self.wait(lambda: self.s.documents.view().current == anna)
        self.rig.docreader.present("anna")
        self.wait(lambda: self.s.documents.view().current == lars)
        self.rig.docreader.present("lars")
        self.shown(self.s.questions)
        q = self.s.questions
        for key in self.state.booking.safety_questions:
            self.wait(lambda k=key: q.key() == k and not q.busy())
            self.touch(q.no_button if key == "dangerous_goods" else q.yes_button)
        self.shown(self.s.seats)
        self.wait(lambda: self.s.seats.view() is not None)
        return anna, lars

    def to_bags(self) -> tuple[str, str]:
        anna, lars = self.to_seats()
        self.touch(self.s.seats.primary_button)
        self.wait(lambda: self.window.current_screen() in (self.s.offers, self.s.bags))
        if self.window.current_screen() is self.s.offers:
            self.touch(self.s.offers.primary_button)
        self.shown(self.s.bags)
        return anna, lars

    def weigh(self, *grams: int) -> None:
        """Put each bag on the belt, wait for its weight, take it off."""
        runner = self.lane.controller
        for n, weight in enumerate(grams, start=1):
            self.wait(lambda n=n: self.s.weigh.view().number == n)
            self.rig.demo.scale.load_g = weight
            self.wait(lambda n=n: len([b for b in runner.state.bags if b.weight_g]) >= n)
            self.rig.demo.scale.load_g = 0
            self.wait(lambda: runner.state.scale_clear)


@contextlib.contextmanager
def checkin_window(
    qtbot: Any,
    tmp_path: Path,
    window_options: dict[str, Any] | None = None,
    configure: Callable[[KioskConfig], KioskConfig] | None = None,
    **airport: Any,
) -> Iterator[CheckinWindow]:
    """The check-in lane opened in the real shell window at 1920x1080, shown
    (``window_options`` go to ``KioskWindow``; ``configure`` changes the lane's
    configuration; ``airport`` sets keys of the [airport] section)."""
    options: dict[str, Any] = {"kiosk_mode": False, "idle_timeout_ms": 600_000}
    options.update(window_options or {})
    with airport_rig(tmp_path, **airport) as rig:
        config = configure(rig.config) if configure is not None else rig.config
        lane = build_lane(config, with_sync=False)
        window, presenter, _attendant = open_lane_window(lane, show=False, **options)
        qtbot.addWidget(window)
        try:
            window.resize(1920, 1080)
            window.show()
            qtbot.waitExposed(window)
            yield CheckinWindow(qtbot, rig, lane, window, presenter)
        finally:
            presenter.detach()
            lane.stop()
            window.shutdown()
