"""``kiosk screenshots``: every screen, language, size and theme renders whole.

Every rendering the command makes is checked (``screenshots.check``): the screen fits
the window, no text is clipped or elided, and nothing covers the attendant's buttons.
``KNOWN`` lists the design choices the checks flag, each with why; a new problem fails
the test, and so does a listed one that no longer happens (strike it).
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import main
from kiosk.domain.checkout.interventions import InterventionKind
from kiosk.ui import screenshots

#: (pattern over "<lang>/<W>x<H>[/<theme>]/<shot>: <problem>", why it is left) - issue 10.
#: Only design choices belong here; a clipped text to fix does not.
KNOWN: tuple[tuple[str, str], ...] = (
    (
        "*/1080x1920/large-text/*: clipped: _ElidedLabel in TopBar *",
        "by design (widgets/topbar.py): in portrait with large text the three language "
        "buttons, accessibility and Help take the bar's width; the lane's title is the one "
        "text a shopper needs least, so it gives way and ends in '…' (the language names "
        "stay whole so a shopper can always find their own)",
    ),
)


def _unexpected(problems: list[str]) -> tuple[list[str], set[str]]:
    """The problems no KNOWN pattern covers, and the KNOWN patterns that matched."""
    matched: set[str] = set()
    new = []
    for problem in problems:
        hits = [pattern for pattern, _ in KNOWN if fnmatchcase(problem, pattern)]
        matched.update(hits)
        if not hits:
            new.append(problem)
    return new, matched


@pytest.mark.slow
def test_every_rendering_is_whole_and_nothing_covers_the_attendant() -> None:
    # Every shot in every language, size and theme the command renders (no PNG written):
    # about 1,100 renderings, ~20 s.
    problems: list[str] = []
    count = 0
    for rendering, window in screenshots.renderings():
        count += 1
        problems += [f"{rendering}: {problem}" for problem in screenshots.check(window)]
    assert count == 3 * 3 * 3 * len(_shot_names())
    new, matched = _unexpected(problems)
    assert new == [], "new rendering problems:\n" + "\n".join(new)
    stale = [pattern for pattern, _ in KNOWN if pattern not in matched]
    assert stale == [], f"fixed - strike from KNOWN: {stale}"


def test_the_shots_cover_every_screen_intervention_and_attendant_over_an_alert() -> None:
    names = set(_shot_names())
    assert {"attract", "scanning", "produce", "weigh", "pay", "receipt", "thanks"} <= names
    assert {"staff-pin", "lane-closed", "lane-paused", "attendant-signin"} <= names
    assert {"pay-declined", "pay-cancelled", "pay-timed_out"} <= names
    assert {f"intervention-{kind.value}" for kind in InterventionKind} <= names
    assert {"attendant-signin-over-alert", "attendant-dashboard-over-alert"} <= names
    assert (1366, 768) in screenshots.SIZES
    assert set(screenshots.THEMES) == {"normal", "large-text", "high-contrast"}


def _shot_names() -> list[str]:
    window = screenshots.build_window()
    try:
        return list(screenshots._shots(window))
    finally:
        window.shutdown()
        window.deleteLater()


def test_the_attendant_over_an_alert_is_on_top_and_reachable() -> None:
    # The shot the lane's bug report was about: an age check blocks the shopper, staff
    # sign in; every button of the sign-in and of the dashboard must take the touch.
    for rendering, window in screenshots.renderings(
        languages=("en",),
        sizes=((1366, 768),),
        themes=("normal",),
        only=("attendant-signin-over-alert", "attendant-dashboard-over-alert"),
    ):
        assert window.blocking_overlay() is not None, rendering
        assert window.staff_showing() is not None, rendering
        assert [p for p in screenshots.check(window) if p.startswith("covered")] == []


def test_command_writes_pngs_of_the_asked_size(tmp_path: Path, capsys) -> None:
    code = main(
        [
            "screenshots",
            str(tmp_path),
            "--language",
            "es",
            "--size",
            "1080x1920",
            "--theme",
            "normal",
            "--theme",
            "high-contrast",
            "--only",
            "scanning",
            "--only",
            "intervention-age_restricted",
        ]
    )
    assert code == 0, capsys.readouterr().err
    files = sorted(tmp_path.rglob("*.png"))
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "es/1080x1920/high-contrast/intervention-age_restricted.png",
        "es/1080x1920/high-contrast/scanning.png",
        "es/1080x1920/intervention-age_restricted.png",
        "es/1080x1920/scanning.png",
    ]
    image = QImage(str(files[-1]))
    assert (image.width(), image.height()) == (1080, 1920)
    assert "wrote 4 screenshots" in capsys.readouterr().out


def test_command_lists_problems_and_fails_after_writing_every_file(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screenshots, "check", lambda window, size=None: ["clipped: a text"])
    argv = ["screenshots", str(tmp_path), "--language", "fr", "--size", "1366x768"]
    code = main([*argv, "--theme", "normal", "--only", "pay", "--only", "thanks"])
    assert code == 2
    error = capsys.readouterr().err
    assert "fr/1366x768/pay: clipped: a text\n" in error
    assert "fr/1366x768/thanks: clipped: a text\n" in error
    assert "2 problems (listed above)" in error
    assert len(list(tmp_path.rglob("*.png"))) == 2


@pytest.mark.parametrize("argv", [["--only", "nope"], ["--language", "de"], ["--theme", "sepia"]])
def test_command_reports_bad_choices_in_one_line(tmp_path: Path, capsys, argv) -> None:
    assert main(["screenshots", str(tmp_path), "--size", "1366x768", *argv]) == 2
    error = capsys.readouterr().err
    assert error.startswith("kiosk screenshots:")
    assert error.count("\n") == 1


def test_bad_size_is_an_argument_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["screenshots", str(tmp_path), "--size", "big"])
