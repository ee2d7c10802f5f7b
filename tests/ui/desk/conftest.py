"""The desk tests' fixture: ``open_rig`` (see ``desk_rig``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from desk_rig import Rig, rig_factory


@pytest.fixture
def open_rig(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Rig]]:
    """``open_rig(size=(w, h), **window_options)``: a desk-test lane in its window."""
    yield from rig_factory(qtbot, tmp_path)
