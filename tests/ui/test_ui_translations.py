"""The translation files cover every string in the code and are compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.ui.i18n import I18N_DIR

UI_DIR = I18N_DIR.parent
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


@pytest.mark.parametrize("language", ["es", "fr"])
def test_every_message_is_translated_and_compiled(language: str) -> None:
    ts = I18N_DIR / f"kiosk_{language}.ts"
    qm = I18N_DIR / f"kiosk_{language}.qm"
    messages = list(ET.parse(ts).iter("message"))
    assert len(messages) > 80
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not m.findtext("translation")
    ]
    assert unfinished == []
    assert qm.stat().st_size > 1000


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate not installed")
@pytest.mark.parametrize("language", ["es", "fr"])
def test_no_string_in_the_code_is_missing_from_the_ts_file(tmp_path: Path, language: str) -> None:
    copy = tmp_path / f"kiosk_{language}.ts"
    shutil.copy(I18N_DIR / f"kiosk_{language}.ts", copy)
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    result = subprocess.run(
        [str(LUPDATE), *sources, "-no-obsolete", "-ts", str(copy)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert "(0 new and" in result.stdout + result.stderr, result.stdout + result.stderr
