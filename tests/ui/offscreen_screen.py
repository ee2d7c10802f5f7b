"""The offscreen platform's screen for the UI tests (see ``conftest``)."""

from __future__ import annotations

import json
import tempfile

#: Qt's default offscreen settings, with a 3840x2160 screen instead of 800x800.
SCREEN = {
    "synchronousWindowSystemEvents": False,
    "windowFrameMargins": True,
    "screens": [
        {"name": "OffscreenScreen", "x": 0, "y": 0, "width": 3840, "height": 2160,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ],
}  # fmt: skip


def screen_config() -> str:
    """Write :data:`SCREEN` to a temporary file; return its path (``configfile=``)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as config:
        json.dump(SCREEN, config)
    return config.name
