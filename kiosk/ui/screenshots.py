"""Render every screen, state and intervention offscreen into PNG files.

Used by ``kiosk screenshots OUTDIR`` (the README's pictures) and by tests. Set
``QT_QPA_PLATFORM=offscreen`` before this module is imported when there is no
display. Files are named ``<lang>/<width>x<height>/<shot>.png``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.ui import samples
from kiosk.ui.attendant import samples as attendant_samples
from kiosk.ui.attendant.dashboard import AttendantDashboard
from kiosk.ui.attendant.signin import AttendantSignInScreen
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.intervention import InterventionOverlay
from kiosk.ui.screens.pay import PayScreen
from kiosk.ui.screens.pin import PinScreen
from kiosk.ui.screens.produce import ProduceScreen
from kiosk.ui.screens.receipt import RECEIPT_DIGITAL, ReceiptScreen
from kiosk.ui.screens.scanning import ScanningScreen
from kiosk.ui.screens.thanks import ThanksScreen
from kiosk.ui.screens.weigh import WeighScreen
from kiosk.ui.viewmodels import InterventionView, PayStage, ScanningView
from kiosk.ui.window import KioskWindow

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
SIZES = (LANDSCAPE, PORTRAIT)
LANGUAGES = ("en", "es", "fr")


def build_window() -> KioskWindow:
    """A non-kiosk shell with every self-checkout screen registered."""
    window = KioskWindow(kiosk_mode=False)
    for screen in (
        AttractScreen(),
        ScanningScreen(),
        ProduceScreen(),
        WeighScreen(),
        PayScreen(),
        ReceiptScreen(),
        ThanksScreen(),
        PinScreen(),
        AttendantSignInScreen(),
        AttendantDashboard(),
    ):
        window.add_screen(screen)
    return window


def _shots(window: KioskWindow) -> dict[str, Callable[[], None]]:
    """Shot name -> a function that puts the window in that state."""
    nav = window.navigator

    def screen(
        name: str, model: object = None, after: Callable[[], None] | None = None
    ) -> Callable[[], None]:
        def setup() -> None:
            target = nav.get(name)
            if model is not None:
                target.set_model(model)  # type: ignore[attr-defined]
            window.show_screen(name)
            if after is not None:
                after()

        return setup

    receipt = nav.get("receipt")
    assert isinstance(receipt, ReceiptScreen)
    shots: dict[str, Callable[[], None]] = {
        "attract": screen("attract"),
        "scanning-empty": screen("scanning", ScanningView((), samples.sample_cart(0).total, 0)),
        "scanning": screen("scanning", samples.sample_cart(8)),
        "scanning-long": screen("scanning", samples.sample_cart(30)),
        "produce": screen("produce", samples.sample_produce()),
        "produce-plu": screen("produce", samples.sample_produce(), lambda: _plu_mode(window)),
        "weigh-empty": screen("weigh", samples.sample_weigh(None, stable=False)),
        "weigh": screen("weigh", samples.sample_weigh()),
        "pay": screen("pay", samples.sample_pay()),
        "pay-processing": screen("pay", samples.sample_pay(PayStage.PROCESSING)),
        "pay-declined": screen("pay", samples.sample_pay(PayStage.DECLINED)),
        "receipt": screen("receipt", samples.sample_receipt()),
        "receipt-qr": screen(
            "receipt", samples.sample_receipt(), receipt.buttons[RECEIPT_DIGITAL].click
        ),
        "thanks": screen("thanks", samples.sample_thanks()),
        "staff-pin": screen("staff_pin"),
        "help": screen("scanning", samples.sample_cart(8), window.request_help),
        "still-there": screen(
            "scanning", samples.sample_cart(8), lambda: window.still_there.start(30)
        ),
        "accessibility": screen("scanning", samples.sample_cart(8), window.open_accessibility),
        "large-text": screen(
            "scanning", samples.sample_cart(8), lambda: window.set_accessibility(True, False)
        ),
        "high-contrast": screen(
            "scanning", samples.sample_cart(8), lambda: window.set_accessibility(False, True)
        ),
    }
    overlay = InterventionOverlay()
    for kind, view in samples.sample_interventions().items():

        def block(v: InterventionView = view) -> None:
            overlay.set_model(v)
            window.show_blocking(overlay)

        shots[f"intervention-{kind}"] = screen("scanning", samples.sample_cart(8), block)
    shots.update(_attendant_shots(window, screen))
    return shots


def _attendant_shots(
    window: KioskWindow, screen: Callable[..., Callable[[], None]]
) -> dict[str, Callable[[], None]]:
    """The attendant's sign-in (plain and locked out) and dashboard (with its entry panels)."""
    signin = window.navigator.get("attendant_signin")
    dashboard = window.navigator.get("attendant")
    assert isinstance(signin, AttendantSignInScreen)
    assert isinstance(dashboard, AttendantDashboard)

    def locked() -> None:
        signin.reset()
        signin.keyboard.type_text("s-17")
        signin.show_pin_step()
        signin.set_model(attendant_samples.sample_signin(locked_seconds=27))

    def price() -> None:
        dashboard.basket.row(3).price_button.click()
        for key in "249":
            dashboard.entry.keypad.press(key)
        dashboard.entry.choose("damaged")

    return {
        "attendant-signin": screen("attendant_signin", None, signin.reset),
        "attendant-locked": screen("attendant_signin", None, locked),
        "attendant-dashboard": screen(
            "attendant", attendant_samples.sample_dashboard(), dashboard.close_entry
        ),
        "attendant-price": screen("attendant", attendant_samples.sample_dashboard(None), price),
        "attendant-date-of-birth": screen(
            "attendant", attendant_samples.sample_dashboard(), dashboard.dob_button.click
        ),
    }


def _plu_mode(window: KioskWindow) -> None:
    produce = window.navigator.get("produce")
    assert isinstance(produce, ProduceScreen)
    produce.set_mode("plu")
    for key in "40":
        produce.keypad.press(key)


def render(
    outdir: Path,
    *,
    languages: Iterable[str] = LANGUAGES,
    sizes: Iterable[tuple[int, int]] = SIZES,
    only: Iterable[str] | None = None,
    progress: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Render the shots (all, or those named in ``only``) and return the files written.

    Raises KeyError for an unknown shot name, TranslationError for an unknown language,
    LayoutOverflowError (after writing every file) if a layout did not fit its size.
    """
    app = QApplication.instance() or QApplication([])
    window = build_window()
    shots = _shots(window)
    names = list(only) if only is not None else list(shots)
    unknown = [name for name in names if name not in shots]
    if unknown:
        raise KeyError(f"unknown shots {unknown}; known: {sorted(shots)}")
    written: list[Path] = []
    oversized: list[str] = []
    window.show()
    try:
        for language in languages:
            for width, height in sizes:
                folder = outdir / language / f"{width}x{height}"
                folder.mkdir(parents=True, exist_ok=True)
                window.resize(width, height)
                for name in names:
                    _reset(window, language)
                    shots[name]()
                    for _ in range(3):
                        app.processEvents()
                    path = folder / f"{name}.png"
                    lack = window.navigator.overflow()
                    if (window.width(), window.height()) != (width, height) or any(lack):
                        oversized.append(
                            f"{language}/{width}x{height}/{name}: window "
                            f"{window.width()}x{window.height()}, screen lacks "
                            f"{lack[0]}x{lack[1]} px"
                        )
                    if not window.grab().save(str(path)):
                        raise OSError(f"could not write {path}")
                    written.append(path)
                    if progress is not None:
                        progress(path)
    finally:
        window.shutdown()
        window.deleteLater()
        app.processEvents()
    if oversized:
        raise LayoutOverflowError("; ".join(oversized), written)
    return written


class LayoutOverflowError(RuntimeError):
    """A screen's layout needs more room than the window size it was rendered at.

    The screenshots were still written (``written``) so the overflow can be looked at."""

    def __init__(self, message: str, written: list[Path]) -> None:
        super().__init__(message)
        self.written = written


def _reset(window: KioskWindow, language: str) -> None:
    window.set_accessibility(False, False)
    window.clear_help()
    window.clear_blocking()
    window.still_there.stop()
    window.accessibility_panel.close_overlay()
    window.set_language(language)
