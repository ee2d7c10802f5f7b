"""The desk fits: no clipped text and no covered key, in every window size and theme.

The longest case the airport offers (a name that differs: three verdicts, the held
document's four lines, a refusal message in the header) is drawn in the real window
at the lane's sizes, landscape and portrait, with large text and high contrast, in
English, Spanish and French, and checked with the same render checks ``kiosk
screenshots`` runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from desk_journey import ANNA_PASSPORT
from desk_rig import call_agent, on_top, touch, verdict_key
from desk_translations import use_language
from PySide6.QtWidgets import QApplication

from kiosk.domain.airport.interventions import AirportInterventionKind as Kind
from kiosk.ui.render_checks import clipped_texts, covered_buttons

SIZES = [(1920, 1080), (1366, 768), (1080, 1920)]
THEMES = [(False, False), (True, False), (True, True)]


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    yield request.param
    use_language("en")


@pytest.mark.parametrize("language", ["en", "es", "fr"], indirect=True)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", THEMES, ids=("plain", "large", "large-contrast"))
def test_the_desk_fits_every_size_and_theme(
    qtbot: Any, open_rig: Any, size: tuple[int, int], theme: tuple[bool, bool], language: str
) -> None:
    rig = open_rig(size=size)
    rig.window.set_accessibility(*theme)
    rig.runner.raise_intervention(Kind.DOCUMENT_EXPIRED, "P1", "no expiry date", ANNA_PASSPORT)
    call_agent(qtbot, rig, "s-1", "1111")
    desk = rig.desk
    qtbot.waitUntil(lambda: desk.title.text() == "Document expired")
    use_language(language)
    touch(qtbot, verdict_key(rig, "accept"))  # an agent may not: the desk says who may
    qtbot.waitUntil(lambda: desk.message.text() != "")
    QApplication.processEvents()
    layer = rig.window.staff_layer
    assert clipped_texts(layer) == []
    assert covered_buttons(layer) == []
    for verdict in ("accept", "retry", "refuse"):
        on_top(verdict_key(rig, verdict))
    on_top(desk.sign_out_button)
    on_top(desk.refresh_button)
