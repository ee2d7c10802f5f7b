"""tests/sync: the HQ fixtures of tests/hq plus a lane database."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "hq"))

from hq_fixtures import hq_engine, hq_server, hq_url, lane_token, pg_database

__all__ = ["hq_engine", "hq_server", "hq_url", "lane_token", "pg_database"]
