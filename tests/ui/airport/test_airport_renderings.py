"""Every check-in screen renders whole in EN, ES and FR, landscape, portrait and the small
screen, in the normal, large-text and high-contrast themes: the checks ``kiosk
screenshots`` runs (the screen fits the window, no text clipped or elided, icons
visible). ``KNOWN`` holds the one design choice the checks flag (as for the
self-checkout); a new problem fails, and so does a known one that no longer happens."""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

import airport_translations
import pytest

import kiosk.ui.window as window_module
from kiosk.cli import main
from kiosk.ui import screenshots
from kiosk.ui.airport import samples

KNOWN: tuple[tuple[str, str], ...] = (
    (
        "*/1080x1920/large-text/*: clipped: _ElidedLabel in TopBar *",
        "by design (widgets/topbar.py): in portrait with large text the language buttons, "
        "accessibility and Help take the bar's width; the title ('Enregistrement') gives way",
    ),
)


@pytest.fixture
def with_airport_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's language switch also installs the check-in's ES/FR test words."""
    monkeypatch.setattr(window_module, "switch_language", airport_translations.use_language)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_every_airport_screen_renders_whole(language: str, with_airport_words: None) -> None:
    problems: list[str] = []
    count = 0
    for rendering, window in screenshots.renderings(journey="airport", languages=(language,)):
        count += 1
        problems += [f"{rendering}: {problem}" for problem in screenshots.check(window)]
    assert count == 3 * 3 * len(samples.shots())
    new = [p for p in problems if not any(fnmatchcase(p, pattern) for pattern, _ in KNOWN)]
    assert new == [], "rendering problems:\n" + "\n".join(new)


def test_the_shots_cover_every_screen_and_every_intervention() -> None:
    shots = samples.shots()
    names = {"welcome", "type-booking", "choose-booking", "passengers", "documents"}
    names |= {"documents-failed", "questions", "seats", "seats-exit-row", "offers", "bags"}
    names |= {"weigh", "payment", "payment-declined", "printing", "printing-paper-out", "done"}
    assert {f"airport-{name}" for name in names} <= set(shots)
    assert {f"airport-agent-{reason}" for reason in samples.AGENT_REASONS} <= set(shots)
    from kiosk.domain.airport.interventions import AirportInterventionKind

    assert {kind.value for kind in AirportInterventionKind} == set(samples.AGENT_REASONS)


def test_every_string_of_the_check_in_has_spanish_and_french_words() -> None:
    assert airport_translations.missing() == []
    for source, (es, fr) in airport_translations.strings().items():
        assert es, source
        assert fr, source
        for marker in ("%1", "%2"):
            assert (marker in source) == (marker in es), source
            assert (marker in source) == (marker in fr), source


def test_kiosk_screenshots_renders_the_airport_screens(tmp_path: Path) -> None:
    status = main(
        ["screenshots", str(tmp_path), "--journey", "airport", "--language", "en",
         "--size", "1366x768", "--theme", "normal", "--only", "airport-seats"]
    )  # fmt: skip
    assert status == 0
    picture = tmp_path / "en" / "1366x768" / "airport-seats.png"
    assert picture.stat().st_size > 10_000


def test_an_unknown_journey_is_refused_by_name() -> None:
    with pytest.raises(KeyError, match="no_such_journey"):
        list(screenshots.renderings(journey="no_such_journey"))
