"""``kiosk screenshots``: every screen and overlay renders at the asked size, unclipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import main
from kiosk.ui import screenshots
from kiosk.ui.viewmodels import InterventionKind


def test_command_writes_pngs_of_the_asked_size(tmp_path: Path, capsys) -> None:
    code = main(
        [
            "screenshots",
            str(tmp_path),
            "--language",
            "es",
            "--size",
            "1080x1920",
            "--only",
            "scanning",
            "--only",
            "intervention-age_restricted",
        ]
    )
    assert code == 0
    files = sorted(tmp_path.rglob("*.png"))
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "es/1080x1920/intervention-age_restricted.png",
        "es/1080x1920/scanning.png",
    ]
    image = QImage(str(files[1]))
    assert (image.width(), image.height()) == (1080, 1920)
    assert "wrote 2 screenshots" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["--only", "nope"], ["--language", "de"]])
def test_command_reports_bad_choices_in_one_line(tmp_path: Path, capsys, argv) -> None:
    assert main(["screenshots", str(tmp_path), "--size", "1366x768", *argv]) == 2
    error = capsys.readouterr().err
    assert error.startswith("kiosk screenshots:")
    assert error.count("\n") == 1


def test_bad_size_is_an_argument_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["screenshots", str(tmp_path), "--size", "big"])


@pytest.mark.slow
def test_no_screen_overflows_the_tightest_sizes(tmp_path: Path) -> None:
    # French has the longest texts; 1366x768 is the shortest screen, 1080 the narrowest.
    written = screenshots.render(tmp_path, languages=("fr",), sizes=((1366, 768), (1080, 1920)))
    names = {
        size: {p.stem for p in written if p.parent.name == size}
        for size in ("1366x768", "1080x1920")
    }
    assert names["1366x768"] == names["1080x1920"]
    assert {"attract", "scanning", "produce", "pay", "receipt", "thanks", "staff-pin"} <= names[
        "1366x768"
    ]
    assert {f"intervention-{kind.value}" for kind in InterventionKind} <= names["1366x768"]
