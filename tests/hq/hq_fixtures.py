"""Fixtures shared by tests/hq and tests/sync: an HQ database on each backend and a real
HQ server on 127.0.0.1.

Backends: a SQLite file in tmp_path, and PostgreSQL at $KIOSK_TEST_PG_URL (one database
per test session, one schema per test; both dropped afterwards). Without the variable
the PostgreSQL cases are skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from kiosk.hq.auth import enrol_lane
from kiosk.hq.db import create_engine, normalise_url, upgrade
from kiosk.hq.server import ServerThread

PG_ENV = "KIOSK_TEST_PG_URL"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
STORE, LANE = "store-001", "lane-01"


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session (psycopg conninfo URL)."""
    admin = os.environ.get(PG_ENV)
    if not admin:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against")
    name = f"kiosk_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = sa.make_url(normalise_url(admin)).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make_hq_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A database URL for ``backend``: a new SQLite file, or a new PostgreSQL schema."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    base = request.getfixturevalue("pg_database")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    conninfo = sa.make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return str(
        sa.make_url(base)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )


@pytest.fixture(params=BACKENDS)
def hq_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return make_hq_url(request.param, tmp_path, request)


@pytest.fixture
def hq_engine(hq_url: str) -> Iterator[sa.Engine]:
    engine = create_engine(hq_url, pool_size=5)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def lane_token(hq_engine: sa.Engine) -> str:
    return enrol_lane(hq_engine, STORE, LANE)


@pytest.fixture
def hq_server(hq_engine: sa.Engine) -> Iterator[ServerThread]:
    server = ServerThread(hq_engine, max_body_bytes=1024 * 1024).start()
    yield server
    server.stop(force=True)


def hq_sales(engine: sa.Engine) -> list[tuple[str, int]]:
    """(transaction id, total) of every sale HQ stored, by transaction id."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT transaction_id, total FROM sale ORDER BY transaction_id")
        ).all()
    return [(r[0], r[1]) for r in rows]
