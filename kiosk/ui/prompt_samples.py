"""Screenshots of the shopper's questions: "How many?", "Do you need bags?", the totals.

``prompt_shots`` adds them to ``kiosk screenshots`` (:mod:`kiosk.ui.screenshots`): each
shows the scanning screen with one question over it, shown as the window's blocking
overlay so that the next shot's reset closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from kiosk.domain.money import Money
from kiosk.ui.totals_view import TotalsView, VatRow
from kiosk.ui.widgets.bags import BagChoice, BagsOverlay
from kiosk.ui.widgets.how_many import HowManyOverlay
from kiosk.ui.widgets.totals_panel import TotalsOverlay
from kiosk.ui.window import KioskWindow

Setup = Callable[[], None]


def _eur(minor: int) -> Money:
    return Money(minor, "EUR")


LEMONS = (("en", "Lemons"), ("es", "Limones"), ("fr", "Citrons"))
BAGS = (
    BagChoice("BAG1", (("en", "Paper bag"), ("es", "Bolsa de papel"), ("fr", "Sac papier")),
              _eur(15)),
    BagChoice("BAG2", (("en", "Reusable bag"), ("es", "Bolsa reutilizable"),
                       ("fr", "Sac réutilisable")), _eur(50)),
)  # fmt: skip
TOTALS = TotalsView(
    subtotal=_eur(3186),
    total=_eur(2776),
    item_count=16,
    savings=_eur(410),
    deposit=_eur(150),
    vat=(
        VatRow("A", str(Decimal("21")), _eur(212), _eur(1222)),
        VatRow("B", "10", _eur(35), _eur(389)),
        VatRow("C", "4", _eur(44), _eur(1165)),
    ),
)


def prompt_shots(window: KioskWindow, scanning: Setup) -> dict[str, Setup]:
    """Shot name -> setup, over the ``scanning`` shot."""
    how_many, bags, totals = HowManyOverlay(window), BagsOverlay(window), TotalsOverlay(window)

    def over(show: Callable[[], None], overlay: object) -> Setup:
        def setup() -> None:
            scanning()
            show()
            window.show_blocking(overlay)  # type: ignore[arg-type]

        return setup

    def count() -> None:
        how_many.ask(LEMONS)
        how_many.keypad.press("6")

    def offer() -> None:
        bags.offer(BAGS)
        bags.plus_buttons["BAG1"].click()
        bags.plus_buttons["BAG1"].click()

    return {
        "how-many": over(count, how_many),
        "bags": over(offer, bags),
        "totals": over(lambda: totals.show_totals(TOTALS), totals),
    }
