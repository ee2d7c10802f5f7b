"""Render every screen, state and intervention offscreen into PNG files, and check each.

Used by ``kiosk screenshots OUTDIR`` (the README's pictures) and by tests. Set
``QT_QPA_PLATFORM=offscreen`` before this module is imported when there is no
display. Files are named ``<lang>/<width>x<height>/<shot>.png`` in the normal theme and
``<lang>/<width>x<height>/<theme>/<shot>.png`` in the large-text and high-contrast ones.

Every rendering is checked (``kiosk.ui.render_checks``): the screen's layout fits the
window, no text is clipped or elided, and when an attendant screen shows, a touch at
the centre of each of its buttons reaches that button (no shopper alert above it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.domain.money import Money
from kiosk.ui import render_checks, samples
from kiosk.ui.attendant import samples as attendant_samples
from kiosk.ui.attendant.dashboard import AttendantDashboard
from kiosk.ui.attendant.signin import AttendantSignInScreen
from kiosk.ui.icon_contrast import faint_icons
from kiosk.ui.lane_views import COUPON_ROWS
from kiosk.ui.prompt_samples import prompt_shots
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.closed import LaneClosedScreen
from kiosk.ui.screens.intervention import InterventionOverlay
from kiosk.ui.screens.pay import PayScreen
from kiosk.ui.screens.pin import PinScreen
from kiosk.ui.screens.produce import ProduceScreen
from kiosk.ui.screens.receipt import RECEIPT_DIGITAL, ReceiptScreen
from kiosk.ui.screens.scanning import ScanningScreen
from kiosk.ui.screens.thanks import ThanksScreen
from kiosk.ui.screens.weigh import WeighScreen
from kiosk.ui.viewmodels import CartLineView, LaneClosedView, PayStage, ScanningView
from kiosk.ui.window import KioskWindow

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
#: The smallest landscape screen the lane supports (a 15.6" touch monitor).
SMALL = (1366, 768)
SIZES = (LANDSCAPE, PORTRAIT, SMALL)
LANGUAGES = ("en", "es", "fr")
#: Theme name -> (large_text, high_contrast), as the accessibility panel offers them.
THEMES = {"normal": (False, False), "large-text": (True, False), "high-contrast": (False, True)}
#: Journeys with screenshots (``--journey``).
JOURNEYS = ("self_checkout", "airport", "hotel")


def build_window() -> KioskWindow:
    """A non-kiosk shell with every self-checkout screen registered, and the attendant's
    screens on its staff layer (as ``kiosk.ui.main`` does)."""
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
        LaneClosedScreen(),
    ):
        window.add_screen(screen)
    window.add_staff_screen(AttendantSignInScreen())
    window.add_staff_screen(AttendantDashboard())
    return window


Setup = Callable[[], None]


def _shots(window: KioskWindow) -> dict[str, Setup]:
    """Shot name -> a function that puts the window in that state."""
    nav = window.navigator

    def screen(name: str, model: object = None, after: Setup | None = None) -> Setup:
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
    cart = samples.sample_cart(8)
    shots: dict[str, Setup] = {
        "attract": screen("attract"),
        "scanning-empty": screen("scanning", ScanningView((), samples.sample_cart(0).total, 0)),
        "scanning": screen("scanning", cart),
        "scanning-long": screen("scanning", samples.sample_cart(30)),
        "scanning-coupon": screen("scanning", _with_coupon(samples.sample_cart(3))),
        "produce": screen("produce", samples.sample_produce()),
        "produce-plu": screen("produce", samples.sample_produce(), lambda: _plu_mode(window)),
        "weigh-empty": screen("weigh", samples.sample_weigh(None, stable=False)),
        "weigh": screen("weigh", samples.sample_weigh()),
        **{
            "pay" if stage is PayStage.PRESENT_CARD else f"pay-{stage.value}": screen(
                "pay", samples.sample_pay(stage)
            )
            for stage in PayStage
            if stage is not PayStage.APPROVED
        },
        "receipt": screen("receipt", samples.sample_receipt()),
        "receipt-qr": screen(
            "receipt", samples.sample_receipt(), receipt.buttons[RECEIPT_DIGITAL].click
        ),
        "thanks": screen("thanks", samples.sample_thanks()),
        "staff-pin": screen("staff_pin"),
        "lane-closed": screen("lane_closed", LaneClosedView(closed=True)),
        "lane-paused": screen("lane_closed", LaneClosedView(closed=False, paused=True)),
        "help": screen("scanning", cart, window.request_help),
        "still-there": screen("scanning", cart, lambda: window.still_there.start(30)),
        "accessibility": screen("scanning", cart, window.open_accessibility),
    }
    overlay = InterventionOverlay()
    interventions = samples.sample_interventions()

    def alert(kind: str, withdrawable: bool = False) -> Setup:
        def block() -> None:
            overlay.set_model(replace(interventions[kind], withdrawable=withdrawable))
            window.show_blocking(overlay)

        return screen("scanning", cart, block)

    for kind in interventions:
        shots[f"intervention-{kind}"] = alert(kind)
    shots["intervention-help_requested-own"] = alert("help_requested", withdrawable=True)
    shots.update(_attendant_shots(window, screen("scanning", cart), alert("age_restricted")))
    shots["scanning-age-pending"] = screen("scanning", _age_pending(cart))  # before payment
    shots.update(prompt_shots(window, screen("scanning", cart)))  # how many, bags, totals
    shots["loyalty-card"] = _loyalty_card_shot(window, screen("scanning", cart))
    return shots


def _with_coupon(cart: ScanningView) -> ScanningView:
    """``cart`` with a coupon's row after its lines (kiosk.ui.lane_views.coupon_rows)."""
    saving = Money(-50, cart.total.currency)
    row = CartLineView(COUPON_ROWS, (("en", "Coupon"),), 1, saving, saving, coupon=True)
    total = cart.total + saving
    return replace(cart, lines=(*cart.lines, row), total=total, subtotal=cart.total,
                   savings=-saving)  # fmt: skip


def _age_pending(cart: ScanningView) -> ScanningView:
    """``cart`` with its third line's age check pending ("age check needed")."""
    lines = tuple(replace(ln, age_pending=ln.line_no == 3) for ln in cart.lines)
    return replace(cart, lines=lines)


def _loyalty_card_shot(window: KioskWindow, scanning: Setup) -> Setup:
    """The loyalty card's pad over the scanning screen, a number half typed."""
    from kiosk.ui.widgets.loyalty_card import LoyaltyCardOverlay

    pad = LoyaltyCardOverlay(window)

    def setup() -> None:
        scanning()
        pad.ask()
        for key in "29000000":
            pad.keypad.press(key)
        window.show_blocking(pad)

    return setup


def _attendant_shots(window: KioskWindow, shopper: Setup, alert: Setup) -> dict[str, Setup]:
    """The attendant's sign-in (plain and locked out) and dashboard (with its entry panels)
    over the shopper's screen (``shopper``), and both opened while a shopper alert
    (``alert``) waits for staff, as the lane does it: the staff layer over everything."""
    signin = window.staff_layer.findChild(AttendantSignInScreen)
    dashboard = window.staff_layer.findChild(AttendantDashboard)
    assert signin is not None
    assert dashboard is not None

    def staff(name: str, under: Setup, after: Setup, model: object = None) -> Setup:
        def setup() -> None:
            under()
            if model is not None:
                dashboard.set_model(model)  # type: ignore[arg-type]
            window.show_staff(name)
            after()

        return setup

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

    board = attendant_samples.sample_dashboard()
    return {
        "attendant-signin": staff("attendant_signin", shopper, signin.reset),
        "attendant-locked": staff("attendant_signin", shopper, locked),
        "attendant-dashboard": staff("attendant", shopper, dashboard.close_entry, board),
        "attendant-price": staff(
            "attendant", shopper, price, attendant_samples.sample_dashboard(None)
        ),
        "attendant-date-of-birth": staff("attendant", shopper, dashboard.dob_button.click, board),
        "attendant-put-aside": staff(
            "attendant",
            shopper,
            dashboard.close_entry,
            attendant_samples.sample_dashboard("put_aside"),
        ),
        "attendant-signin-over-alert": staff("attendant_signin", alert, signin.reset),
        "attendant-dashboard-over-alert": staff("attendant", alert, dashboard.close_entry, board),
    }


def _plu_mode(window: KioskWindow) -> None:
    produce = window.navigator.get("produce")
    assert isinstance(produce, ProduceScreen)
    produce.set_mode("plu")
    for key in "40":
        produce.keypad.press(key)


@dataclass(frozen=True, slots=True)
class Rendering:
    """Where one shot was rendered: language, size, theme and shot name."""

    language: str
    size: tuple[int, int]
    theme: str
    shot: str

    def path(self, outdir: Path) -> Path:
        """``<lang>/<W>x<H>[/<theme>]/<shot>.png`` under ``outdir``."""
        folder = outdir / self.language / f"{self.size[0]}x{self.size[1]}"
        if self.theme != "normal":
            folder = folder / self.theme
        return folder / f"{self.shot}.png"

    def __str__(self) -> str:
        theme = "" if self.theme == "normal" else f"/{self.theme}"
        return f"{self.language}/{self.size[0]}x{self.size[1]}{theme}/{self.shot}"


def render(
    outdir: Path,
    *,
    journey: str = "self_checkout",
    languages: Iterable[str] = LANGUAGES,
    sizes: Iterable[tuple[int, int]] = SIZES,
    themes: Iterable[str] = tuple(THEMES),
    only: Iterable[str] | None = None,
    progress: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Render the shots (all, or those named in ``only``), check each, and return the files.

    Raises KeyError for an unknown shot or theme name, TranslationError for an unknown
    language, LayoutOverflowError (after writing every file) if a rendering failed a check.
    """
    written: list[Path] = []
    problems: list[str] = []
    for rendering, window in renderings(
        journey=journey, languages=languages, sizes=sizes, themes=themes, only=only
    ):
        path = rendering.path(outdir)
        path.parent.mkdir(parents=True, exist_ok=True)
        problems += [f"{rendering}: {p}" for p in check(window, rendering.size)]
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
        if progress is not None:
            progress(path)
    if problems:
        raise LayoutOverflowError(problems, written)
    return written


def renderings(
    *,
    journey: str = "self_checkout",
    languages: Iterable[str] = LANGUAGES,
    sizes: Iterable[tuple[int, int]] = SIZES,
    themes: Iterable[str] = tuple(THEMES),
    only: Iterable[str] | None = None,
) -> Iterator[tuple[Rendering, KioskWindow]]:
    """Put one shown window into each shot in turn and yield it, laid out, with its name.

    The window is shut down when the iteration ends. Raises KeyError for an unknown shot
    or theme, TranslationError for an unknown language.
    """
    app = QApplication.instance() or QApplication([])
    themes = tuple(themes)
    unknown_themes = [theme for theme in themes if theme not in THEMES]
    if unknown_themes:
        raise KeyError(f"unknown themes {unknown_themes}; known: {list(THEMES)}")
    window, shots = _window_and_shots(journey)
    names = list(only) if only is not None else list(shots)
    unknown = [name for name in names if name not in shots]
    if unknown:
        raise KeyError(f"unknown shots {unknown}; known: {sorted(shots)}")
    window.show()
    try:
        for theme in themes:
            for language in languages:
                for width, height in sizes:
                    window.resize(width, height)
                    for name in names:
                        _reset(window, language, THEMES[theme])
                        shots[name]()
                        for _ in range(3):
                            app.processEvents()
                        yield Rendering(language, (width, height), theme, name), window
    finally:
        window.shutdown()
        window.deleteLater()
        app.processEvents()


def _window_and_shots(journey: str) -> tuple[KioskWindow, dict[str, Setup]]:
    """The window and its shots for ``journey`` (KeyError if it has no screenshots)."""
    if journey == "airport":
        from kiosk.ui.airport.samples import window_and_shots

        return window_and_shots()
    if journey == "hotel":
        from kiosk.ui.hotel.samples import window_and_shots as hotel_window_and_shots

        return hotel_window_and_shots()
    if journey != "self_checkout":
        raise KeyError(f"no screenshots for journey {journey!r}; known: {list(JOURNEYS)}")
    window = build_window()
    return window, _shots(window)


def check(window: KioskWindow, size: tuple[int, int] | None = None) -> list[str]:
    """What is wrong with the window as shown: it is not ``size``, the screen's layout needs
    more room than the window has, a text is clipped or elided, or something covers an
    attendant screen's buttons. Empty when all is well."""
    problems: list[str] = []
    if size is not None and (window.width(), window.height()) != size:
        problems.append(f"the window is {window.width()}x{window.height()}")
    width, height = window.navigator.overflow()
    if width or height:
        problems.append(f"the screen lacks {width}x{height} px")
    # The staff layer hides the whole shopper window: only what is on it can be seen.
    staff = window.staff_showing() is not None
    seen = window.staff_layer if staff else window
    problems += [f"clipped: {clip}" for clip in render_checks.clipped_texts(seen)]
    problems += [f"faint icon: {faint}" for faint in faint_icons(seen)]
    if staff:
        covered = render_checks.covered_buttons(window.staff_layer)
        if covered:
            above = sorted({c.on_top for c in covered})
            screen = type(window.staff_layer.currentWidget()).__name__
            problems.append(
                f"covered: {len(covered)} buttons of {screen} are under "
                f"{', '.join(above)}, e.g. {covered[0]}"
            )
    return problems


class LayoutOverflowError(RuntimeError):
    """Some renderings failed a check (layout overflow, clipped text, covered button).

    ``problems`` holds one line per problem; the screenshots were still written
    (``written``) so the problems can be looked at."""

    def __init__(self, problems: list[str], written: list[Path]) -> None:
        super().__init__(f"{len(problems)} problems, the first: {problems[0]}")
        self.problems = problems
        self.written = written


def _reset(window: KioskWindow, language: str, theme: tuple[bool, bool] = (False, False)) -> None:
    window.close_staff()
    window.set_accessibility(*theme)
    window.clear_help()
    window.clear_blocking()
    window.still_there.stop()
    window.accessibility_panel.close_overlay()
    window.set_language(language)
