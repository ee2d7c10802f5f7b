"""Run the HQ app under uvicorn: ``serve`` for ``kiosk hq serve``, ``ServerThread`` for
tests and benchmarks (a real server on 127.0.0.1 and a free port, in a thread).

A served process moves what its start made (the app, its routes and models, the
libraries) out of the cyclic collector's sight once the app is built
(:func:`_freeze_start_up`): those objects live as long as the process, yet every full
collection walked them all, and a sales batch allocates enough containers (msgspec's
lists, the rows) to set off collections: ~10 % of a batch's CPU (issue 16,
``bench_sync_drain.py``). The collector keeps watching everything made afterwards.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import socket
import ssl
import sys
import tempfile
import threading
from types import TracebackType
from typing import Any

import sqlalchemy as sa
import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors.multiprocess import Multiprocess

from kiosk.hq import access_log, web
from kiosk.hq.app import create_app
from kiosk.hq.db import check_schema, create_engine
from kiosk.hq.errors import HqError
from kiosk.hq.middleware import AUTH_THREADS
from kiosk.threads import start_thread

log = logging.getLogger(__name__)


def serve(
    database_url: str,
    host: str,
    port: int,
    *,
    max_body_bytes: int,
    max_page: int,
    threads: int | None = None,
    certfile: str | None = None,
    keyfile: str | None = None,
    ca_certs: str | None = None,
    admin_token: str = "",
    not_reporting_minutes: int = 10,
    workers: int | str = 1,
) -> None:
    """Serve until interrupted (the staff pages only with an ``admin_token``).

    ``workers`` > 1 runs that many stateless worker processes on one listening socket
    (uvicorn's supervisor restarts one that dies); they share nothing but PostgreSQL,
    which tells each of them when a lane is re-enrolled or revoked
    (:mod:`kiosk.hq.lane_changes`), and a folder where each writes its metrics.

    ``"auto"``: one worker per CPU this process may run on (:func:`auto_workers`) on
    PostgreSQL, no more than its connections allow, one on SQLite.

    Raises:
        HqError: if the database is not initialised, ``workers`` > 1 on SQLite, or the
            port cannot be bound.
    """
    engine = create_engine(database_url)
    check_schema(engine)
    if workers == "auto":
        postgresql = engine.dialect.name == "postgresql"
        free = free_connections(engine) if postgresql else None
        workers = auto_workers(engine.dialect.name, connections=free, threads=threads)
        log.info("--workers auto: %d (PostgreSQL connections for HQ: %s)", workers, free)
    if not isinstance(workers, int):
        raise HqError(f"--workers must be a number or auto, not {workers!r}")
    settings = {
        "database_url": database_url,
        "max_body_bytes": max_body_bytes,
        "max_page": max_page,
        "threads": threads,
        "admin_token": admin_token,
        "not_reporting_minutes": not_reporting_minutes,
    }
    tls = _tls_options(certfile, keyfile, ca_certs)
    if workers > 1:
        if engine.dialect.name != "postgresql":
            raise HqError("--workers > 1 needs PostgreSQL (SQLite has one writer: serve one)")
        engine.dispose()
        _serve_workers(settings, host, port, workers, tls)
        return
    app = _app(engine, settings)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="info", timeout_keep_alive=30, **tls
    )
    access_log.install()  # after uvicorn.Config, which (re)configures its loggers
    try:
        uvicorn.Server(config).run()
    except OSError as error:
        raise HqError(f"cannot serve on {host}:{port}: {error}") from error


WORKER_SETTINGS = "KIOSK_HQ_WORKER_SETTINGS"


# Connections a worker may hold besides its request threads: the heartbeat writer's, the
# lane listener's (LISTEN), one for the event loop's own reads, and the lane credential
# reads' threads (kiosk.hq.middleware.AUTH_THREADS).
WORKER_EXTRA_CONNECTIONS = 3 + AUTH_THREADS
ANYIO_THREADS = 40  # anyio's default thread limit (``threads`` None)


def auto_workers(
    dialect: str,
    cpus: int | None = None,
    *,
    connections: int | None = None,
    threads: int | None = None,
) -> int:
    """The worker count of ``--workers auto``: one per CPU this process may run on (or
    ``cpus``), on PostgreSQL (HQ's Python holds one core per process: with one worker on
    2 cores a lane's backlog drained at ~x2.0 of a raw COPY, with two at ~x1.6,
    benchmarks/README.md); SQLite has one writer, so one.

    ``connections``: how many PostgreSQL lets HQ open (:func:`free_connections`); no
    more workers than each can have its ``threads`` and its own few
    (:data:`WORKER_EXTRA_CONNECTIONS`) connections at once. Beyond that the busiest
    moments (lanes draining a backlog) are refused "too many clients" (503) by
    PostgreSQL: 100 connections by default, 15 for a worker of 8 threads, so 6 workers
    at most, however many CPUs the machine has."""
    if dialect != "postgresql":
        return 1
    count = max(1, cpus if cpus is not None else len(os.sched_getaffinity(0)))
    if connections is not None:
        each = (threads or ANYIO_THREADS) + WORKER_EXTRA_CONNECTIONS
        count = min(count, max(1, connections // each))
    return count


def free_connections(engine: sa.Engine) -> int | None:
    """The connections PostgreSQL lets HQ's role open: ``max_connections`` less those
    reserved for superusers (and, PostgreSQL 16+, for ``pg_use_reserved_connections``);
    None if it cannot tell."""
    query = (
        "SELECT current_setting('max_connections')::int"
        " - current_setting('superuser_reserved_connections')::int"
        " - coalesce(current_setting('reserved_connections', true)::int, 0)"
    )
    try:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql(query).scalar_one())
    except (sa.exc.SQLAlchemyError, TypeError, ValueError):
        return None


def _app(engine: sa.Engine, settings: dict[str, Any]) -> Any:
    app = create_app(
        engine,
        max_body_bytes=settings["max_body_bytes"],
        max_page=settings["max_page"],
        threads=settings["threads"],
        listen_for_lane_changes=True,
    )
    web.configure(
        app,
        admin_token=settings["admin_token"],
        not_reporting_minutes=settings["not_reporting_minutes"],
    )
    _freeze_start_up()
    return app


def _freeze_start_up() -> None:
    """Collect once, then leave everything alive now out of later collections (see the
    module docstring; a served process only: tests build many apps in one process)."""
    gc.collect()
    gc.freeze()


def worker_app() -> Any:
    """The app of one worker process (uvicorn's factory): settings from the supervisor.

    A worker that cannot build its app exits with uvicorn's start-up failure status, so
    the supervisor stops (and ``serve`` fails) instead of restarting it for ever."""
    try:
        settings = json.loads(os.environ[WORKER_SETTINGS])
        access_log.install()
        return _app(create_engine(settings["database_url"]), settings)
    except Exception:
        log.exception("HQ worker %d could not build its app", os.getpid())
        sys.exit(STARTUP_FAILURE)


def _serve_workers(
    settings: dict[str, Any], host: str, port: int, workers: int, tls: dict[str, Any]
) -> None:
    """Run ``workers`` processes under uvicorn's supervisor; metrics in a private folder.

    What ``uvicorn.run`` does for workers, but the outcome is read: the supervisor
    restarts a worker that dies, and stops with every worker when one fails as it starts
    (uvicorn's ``STARTUP_FAILURE`` status), returning as after a SIGTERM; here that is
    an :class:`HqError`, so ``kiosk hq serve`` fails as one process does and systemd's
    ``Restart=on-failure`` sees it. The TLS files are loaded here first: a worker that
    cannot load them dies before it starts and would be restarted for ever.

    Raises:
        HqError: the TLS files cannot be loaded, or a worker could not start.
    """
    _check_tls(tls, f"cannot serve on {host}:{port}")
    with tempfile.TemporaryDirectory(prefix="kiosk-hq-metrics-") as folder:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder  # read by each worker at import
        os.environ[WORKER_SETTINGS] = json.dumps(settings)
        try:
            config = uvicorn.Config(
                "kiosk.hq.server:worker_app",
                factory=True,
                host=host,
                port=port,
                workers=workers,
                log_level="info",
                timeout_keep_alive=30,
                **tls,
            )
            supervisor = Multiprocess(config, sockets=[config.bind_socket()])
            supervisor.run()
        except OSError as error:
            raise HqError(f"cannot serve on {host}:{port}: {error}") from error
        finally:
            os.environ.pop(WORKER_SETTINGS, None)
    failed = [p.pid for p in supervisor.processes if p.exitcode == STARTUP_FAILURE]
    if failed:
        raise HqError(
            f"HQ worker {failed[0]} could not start (see the log above); every worker stopped"
        )


def _check_tls(tls: dict[str, Any], what: str) -> None:
    """Load the TLS files of ``tls`` (uvicorn's settings) as a worker will.

    Raises:
        HqError: ``what``, and why the files cannot be loaded.
    """
    if not tls:
        return
    try:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(tls["ssl_certfile"], tls.get("ssl_keyfile"))
        if tls.get("ssl_ca_certs"):
            context.load_verify_locations(tls["ssl_ca_certs"])
    except OSError as error:  # ssl.SSLError is one
        raise HqError(f"{what}: TLS certificate {tls['ssl_certfile']}: {error}") from error


def _tls_options(
    certfile: str | None = None, keyfile: str | None = None, ca_certs: str | None = None
) -> dict[str, Any]:
    """uvicorn's TLS settings: HTTPS with ``certfile``/``keyfile``; with ``ca_certs``, every
    client must also present a certificate signed by that CA (mutual TLS)."""
    if not certfile:
        return {}
    options: dict[str, Any] = {"ssl_certfile": certfile, "ssl_keyfile": keyfile}
    if ca_certs:
        options.update(ssl_ca_certs=ca_certs, ssl_cert_reqs=ssl.CERT_REQUIRED)
    return options


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerThread:
    """The HQ app served by uvicorn on a thread; ``with ServerThread(engine) as s: s.url``."""

    def __init__(
        self,
        engine: sa.Engine,
        port: int | None = None,
        tls: dict[str, str] | None = None,
        log_level: str = "warning",
        **app_options: Any,
    ) -> None:
        """``tls``: certfile, keyfile and optionally ca_certs (then client certificates are
        required), as for :func:`serve`; ``log_level`` "info" turns the access log on."""
        self._chosen = port is None  # a port we picked may be taken before we bind it
        self._tls = tls
        self._options = {"log_level": log_level, "tls": _tls_options(**(tls or {}))}
        self.app = create_app(engine, **app_options)
        self.lane_listener = self.app.state.lane_listener
        access_log.install()
        self._configure(port or free_port())
        self.thread: threading.Thread | None = None

    def _configure(self, port: int) -> None:
        self.port = port
        self.url = f"{'https' if self._tls else 'http'}://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level=self._options["log_level"],
            timeout_keep_alive=30,
            lifespan="off",
            **self._options["tls"],
        )
        self.server = uvicorn.Server(config)

    def start(self) -> ServerThread:
        """Serve; a port this server picked itself that another process took between
        :func:`free_port` and the bind is picked again (a few times)."""
        for attempt in range(5):
            self.thread = start_thread(f"hq-{self.port}", self.server.run)
            while not self.server.started and self.thread.is_alive():
                self.thread.join(0.01)
            if self.server.started:
                return self
            if not self._chosen or attempt == 4:
                break
            log.warning("HQ test server: port %d was taken; picking another", self.port)
            self._configure(free_port())
        raise HqError(f"HQ test server on port {self.port} did not start")

    def stop(self, force: bool = False) -> None:
        """Stop; ``force`` drops in-flight requests instead of finishing them."""
        self.server.should_exit = True
        self.server.force_exit = force
        if self.lane_listener is not None:
            self.lane_listener.stop()
        if self.thread is not None:
            self.thread.join(10)

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
