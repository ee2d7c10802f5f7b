"""Open the HQ database and bring its schema up to date (Alembic, run programmatically).

One code path for both backends: a SQLite file (the default; WAL, ``synchronous=FULL``)
and PostgreSQL through psycopg 3 (``postgresql+psycopg://...``). Every unit of work
that writes uses :func:`write_transaction`; reads use ``engine.connect()``.

On SQLite, :func:`write_transaction` first takes a per-engine lock and then opens
``BEGIN IMMEDIATE``: writers of this process queue on the lock and are woken the
moment it is free, instead of SQLite's busy handler sleeping 1..100 ms between
retries (that sleeping made the p99 of 200 busy lanes ten times the median), and
two writers never deadlock upgrading a read lock. Reads stay deferred (WAL readers
never wait for writers).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from kiosk.hq.errors import HqError

log = logging.getLogger(__name__)
_MIGRATIONS = Path(__file__).parent / "migrations"
_WRITE = "kiosk_write"
_WRITE_LOCKS: weakref.WeakKeyDictionary[sa.Engine, threading.Lock] = weakref.WeakKeyDictionary()


def utc_now() -> str:
    """The current UTC time as ISO 8601 text ending in "Z" (millisecond precision)."""
    now = dt.datetime.now(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` as psycopg 3 URLs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def create_engine(url: str, *, pool_size: int = 20) -> sa.Engine:
    """An engine for ``url`` with the pragmas / pool settings HQ relies on.

    Raises:
        HqError: if the URL is not a SQLite or PostgreSQL URL.
    """
    url = normalise_url(url)
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as error:
        raise HqError(f"database URL {url!r} is not valid: {error}") from error
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.get_backend_name() == "postgresql":
        return sa.create_engine(
            parsed, pool_size=pool_size, max_overflow=pool_size, pool_recycle=1800
        )
    raise HqError(f"database URL {url!r}: expected sqlite:///FILE or postgresql+psycopg://...")


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        write = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    _WRITE_LOCKS[engine] = threading.Lock()
    return engine


@contextlib.contextmanager
def write_transaction(engine: sa.Engine, *, durable: bool = True) -> Iterator[sa.Connection]:
    """A connection in a write transaction, committed at the end of the block (rolled
    back if it raises).

    ``durable=False`` (SQLite only; see :func:`write_one`) commits without an fsync.
    """
    lock = _WRITE_LOCKS.get(engine)
    if lock is None:
        with engine.begin() as conn:
            yield conn
        return
    with lock, engine.connect().execution_options(**{_WRITE: True}) as conn:
        raw = conn.connection.driver_connection
        if not durable:
            raw.execute("PRAGMA synchronous = NORMAL")
        try:
            with conn.begin():
                yield conn
        finally:
            if not durable:
                raw.execute("PRAGMA synchronous = FULL")


def write_one(engine: sa.Engine, statement: sa.Executable, *, durable: bool = True) -> None:
    """Run one statement as its own transaction.

    On PostgreSQL it runs in autocommit: one round trip instead of BEGIN, statement,
    COMMIT (under load each round trip waits for a CPU). On SQLite ``durable=False``
    (heartbeats: the next one replaces a lost one) commits without an fsync
    (``synchronous=NORMAL`` in WAL: lost on power loss, never corrupted); 4 ms of fsync
    per heartbeat from 200 lanes queued every other request. Sales are always written
    with :func:`write_transaction` and are durable before HQ answers.
    """
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(statement)
        return
    with write_transaction(engine, durable=durable) as conn:
        conn.execute(statement)


def _alembic_config(connection: sa.Connection) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine) -> str:
    """Create or upgrade the schema to the newest revision; return that revision.

    Raises:
        HqError: if the database cannot be reached or a migration fails.
    """
    try:
        with write_transaction(engine) as connection:
            command.upgrade(_alembic_config(connection), "head")
            return current_revision(connection) or ""
    except (sa.exc.SQLAlchemyError, OSError) as error:
        raise HqError(f"cannot migrate the HQ database: {error}") from error


def current_revision(connection: sa.Connection) -> str | None:
    """The Alembic revision the database is at (None: never initialised)."""
    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision this program ships."""
    script = ScriptDirectory.from_config(_alembic_config(None))  # type: ignore[arg-type]
    return str(script.get_current_head())


def check_schema(engine: sa.Engine) -> None:
    """Refuse to serve a database that is not at the newest revision.

    Raises:
        HqError: naming the revision found and the fix (``kiosk hq init``).
    """
    try:
        with engine.connect() as connection:
            found = current_revision(connection)
    except sa.exc.SQLAlchemyError as error:
        raise HqError(f"cannot open the HQ database: {error}") from error
    head = head_revision()
    if found != head:
        raise HqError(
            f"HQ database is at schema revision {found or 'none'}, this program "
            f"needs {head}: run `kiosk hq init`"
        )
