"""``LaneScreens``: the self-checkout journey's screens and overlays, built into a window.

One place that knows which widgets the self-checkout journey adds to the
shell (so the presenter, the builder and the tests agree on them).

Theory of operation: the first paint shows the attract screen, so only it, the
scanning screen and the overlays are built at once. The other pages (the produce
grid, weighing, payment, receipt, thank-you, staff PIN, lane closed) are registered
with the window's navigator by name and built on first use: the first read of their
attribute here, or the navigator being asked for them (``show_screen``, ``get``),
whichever comes first; otherwise in idle time after the window's first paint, one
per event-loop turn. Whoever wires a lazy screen's signals does so through
:meth:`LaneScreens.when_built`, so the wiring is the same whenever it is built.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.intervention import InterventionOverlay
from kiosk.ui.screens.scanning import ScanningScreen
from kiosk.ui.viewmodels import AttractView
from kiosk.ui.widgets.line_dialog import LineDialog
from kiosk.ui.widgets.toast import Toast
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:  # their modules are imported when they are built (the grid's is big)
    from kiosk.ui.screens.closed import LaneClosedScreen
    from kiosk.ui.screens.pay import PayScreen
    from kiosk.ui.screens.pin import PinScreen
    from kiosk.ui.screens.produce import ProduceScreen
    from kiosk.ui.screens.receipt import ReceiptScreen
    from kiosk.ui.screens.thanks import ThanksScreen
    from kiosk.ui.screens.weigh import WeighScreen


class LazyScreen(NamedTuple):
    """A screen built on first use: its navigator name and where its class lives."""

    name: str
    module: str
    cls: str

    def make(self) -> Screen:
        """Import the screen's module (once) and build the screen."""
        screen: Screen = getattr(importlib.import_module(self.module), self.cls)()
        return screen


# Attribute -> screen, in the navigator's order: built on first use.
LAZY: dict[str, LazyScreen] = {
    "produce": LazyScreen("produce", "kiosk.ui.screens.produce", "ProduceScreen"),
    "weigh": LazyScreen("weigh", "kiosk.ui.screens.weigh", "WeighScreen"),
    "pay": LazyScreen("pay", "kiosk.ui.screens.pay", "PayScreen"),
    "receipt": LazyScreen("receipt", "kiosk.ui.screens.receipt", "ReceiptScreen"),
    "thanks": LazyScreen("thanks", "kiosk.ui.screens.thanks", "ThanksScreen"),
    "staff_pin": LazyScreen("staff_pin", "kiosk.ui.screens.pin", "PinScreen"),
    "closed": LazyScreen("lane_closed", "kiosk.ui.screens.closed", "LaneClosedScreen"),
}


class LaneScreens:
    """The widgets of the self-checkout journey, registered in one window."""

    attract: AttractScreen
    scanning: ScanningScreen
    intervention: InterventionOverlay
    line_dialog: LineDialog
    toast: Toast

    def __init__(
        self,
        window: KioskWindow,
        *,
        attract: AttractScreen,
        scanning: ScanningScreen,
        intervention: InterventionOverlay,
        line_dialog: LineDialog,
        toast: Toast,
    ) -> None:
        self.attract, self.scanning = attract, scanning
        self.intervention, self.line_dialog, self.toast = intervention, line_dialog, toast
        self._window = window
        self._built: dict[str, Screen] = {}
        self._wiring: dict[str, list[Callable[[Any], object]]] = {name: [] for name in LAZY}

    @classmethod
    def build(cls, window: KioskWindow, languages: tuple[str, ...]) -> LaneScreens:
        """Create the screens the first paint needs, register the others to be built on
        first use (or after the first paint), add them to ``window`` and return them."""
        attract = AttractScreen()
        attract.set_model(AttractView(languages=languages))
        screens = cls(
            window,
            attract=attract,
            scanning=ScanningScreen(),
            intervention=InterventionOverlay(window),
            line_dialog=LineDialog(window),
            toast=Toast(window),
        )
        window.add_screen(attract)
        window.add_screen(screens.scanning)
        for name, lazy in LAZY.items():
            window.navigator.add_lazy(lazy.name, partial(screens.screen, name))
            window.after_first_paint(partial(screens.screen, name))
        window.navigator.screenChanged.connect(screens.toast.hide)  # news of the last screen
        return screens

    def screen(self, name: str) -> Any:
        """The lazy screen ``name`` (an attribute name of :data:`LAZY`), built now if it
        is not yet: added to the window, then wired by every :meth:`when_built` callback."""
        screen = self._built.get(name)
        if screen is None:
            screen = self._built[name] = LAZY[name].make()
            self._window.add_screen(screen)
            for wire in self._wiring.pop(name):
                wire(screen)
        return screen

    def is_built(self, name: str) -> bool:
        """Whether the lazy screen ``name`` exists yet."""
        return name in self._built

    def when_built(self, name: str, wire: Callable[[Any], object]) -> None:
        """Call ``wire(screen)`` once the lazy screen ``name`` is built (at once if it is)."""
        if name in self._built:
            wire(self._built[name])
        else:
            self._wiring[name].append(wire)

    @property
    def produce(self) -> ProduceScreen:
        return cast("ProduceScreen", self.screen("produce"))

    @property
    def weigh(self) -> WeighScreen:
        return cast("WeighScreen", self.screen("weigh"))

    @property
    def pay(self) -> PayScreen:
        return cast("PayScreen", self.screen("pay"))

    @property
    def receipt(self) -> ReceiptScreen:
        return cast("ReceiptScreen", self.screen("receipt"))

    @property
    def thanks(self) -> ThanksScreen:
        return cast("ThanksScreen", self.screen("thanks"))

    @property
    def staff_pin(self) -> PinScreen:
        return cast("PinScreen", self.screen("staff_pin"))

    @property
    def closed(self) -> LaneClosedScreen:
        return cast("LaneClosedScreen", self.screen("closed"))
