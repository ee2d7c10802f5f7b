"""Fixtures: ATB and BTP simulators on real ptys, with their devices started."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from aea_rig import Rig


@pytest.fixture
def atb(tmp_path: Path) -> Iterator[Rig]:
    rig = Rig("atb", tmp_path)
    yield rig
    rig.close()


@pytest.fixture
def btp(tmp_path: Path) -> Iterator[Rig]:
    rig = Rig("btp", tmp_path)
    yield rig
    rig.close()
