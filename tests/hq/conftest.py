"""tests/hq: fixtures live in hq_fixtures.py (shared with tests/sync)."""

from hq_fixtures import hq_engine, hq_server, hq_url, lane_token, pg_database

__all__ = ["hq_engine", "hq_server", "hq_url", "lane_token", "pg_database"]
