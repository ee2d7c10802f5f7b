"""kiosk.ui turns off PySide's source scan of new modules (kiosk.ui.feature_scan).

GIVEN kiosk.ui imported (it asks on import) WHEN a module is imported afterwards THEN
PySide files it as a user of its "no feature" set (0) without reading its source, and
Qt classes work as before in it.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest

import kiosk.ui  # noqa: F401  (what the lane imports first on the Qt side)
from kiosk.ui.feature_scan import skip_feature_scan


def test_new_modules_are_filed_without_reading_their_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert skip_feature_scan() is True  # PySide's hook found (again: no harm)
    read: list[object] = []
    real_getsource = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda o: read.append(o) or real_getsource(o))
    (tmp_path / "scan_probe_mod.py").write_text(
        "from PySide6.QtCore import QObject\n"
        "class Probe(QObject):\n"
        "    pass\n"
        "NAME = Probe().objectName()\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    module = __import__("scan_probe_mod")  # an import statement's way (PySide's hook)
    try:
        assert feature.pyside_feature_dict["scan_probe_mod"] == 0  # "no feature"
        assert read == []  # its source was not read
        assert module.NAME == ""  # a Qt class defined and used there works
    finally:
        sys.modules.pop("scan_probe_mod", None)
