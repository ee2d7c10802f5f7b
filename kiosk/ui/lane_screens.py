"""``LaneScreens``: the self-checkout journey's screens and overlays, built into a window.

One place that knows which widgets the self-checkout journey adds to the
shell (so the presenter, the builder and the tests agree on them).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.closed import LaneClosedScreen
from kiosk.ui.screens.intervention import InterventionOverlay
from kiosk.ui.screens.pay import PayScreen
from kiosk.ui.screens.pin import PinScreen
from kiosk.ui.screens.produce import ProduceScreen
from kiosk.ui.screens.receipt import ReceiptScreen
from kiosk.ui.screens.scanning import ScanningScreen
from kiosk.ui.screens.thanks import ThanksScreen
from kiosk.ui.screens.weigh import WeighScreen
from kiosk.ui.viewmodels import AttractView
from kiosk.ui.widgets.line_dialog import LineDialog
from kiosk.ui.widgets.toast import Toast
from kiosk.ui.window import KioskWindow


@dataclass(frozen=True, slots=True)
class LaneScreens:
    """The widgets of the self-checkout journey, registered in one window."""

    attract: AttractScreen
    scanning: ScanningScreen
    produce: ProduceScreen
    weigh: WeighScreen
    pay: PayScreen
    receipt: ReceiptScreen
    thanks: ThanksScreen
    staff_pin: PinScreen
    closed: LaneClosedScreen
    intervention: InterventionOverlay
    line_dialog: LineDialog
    toast: Toast

    @classmethod
    def build(cls, window: KioskWindow, languages: tuple[str, ...]) -> LaneScreens:
        """Create every screen, add it to ``window`` and return them."""
        attract = AttractScreen()
        attract.set_model(AttractView(languages=languages))
        screens = cls(
            attract=attract,
            scanning=ScanningScreen(),
            produce=ProduceScreen(),
            weigh=WeighScreen(),
            pay=PayScreen(),
            receipt=ReceiptScreen(),
            thanks=ThanksScreen(),
            staff_pin=PinScreen(),
            closed=LaneClosedScreen(),
            intervention=InterventionOverlay(window),
            line_dialog=LineDialog(window),
            toast=Toast(window),
        )
        pages = (attract, screens.scanning, screens.produce, screens.weigh, screens.pay)
        others = (screens.receipt, screens.thanks, screens.staff_pin, screens.closed)
        for screen in (*pages, *others):
            window.add_screen(screen)
        window.navigator.screenChanged.connect(screens.toast.hide)  # news of the last screen
        return screens
