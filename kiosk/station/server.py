"""Run the station: ``serve`` for ``kiosk station serve``, ``StationServer`` for tests
(a real uvicorn server on 127.0.0.1 and a free port, in a thread)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import uvicorn

from kiosk.station.app import create_app
from kiosk.station.board import Board
from kiosk.station.sessions import StaffSessions
from kiosk.threads import start_thread


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def utc_now() -> datetime:
    return datetime.now(UTC)


def build(
    folder: Path | str,
    *,
    key: str,
    clock: Callable[[], datetime] = utc_now,
    escalate_after_s: float = 60.0,
    supervisor_after_s: float = 180.0,
    offline_after_s: float = 20.0,
) -> tuple[object, Board, StaffSessions]:
    """The app with its board (``station.sqlite3``) and staff (``staff.sqlite3``) in ``folder``."""
    folder = Path(folder)
    board = Board(
        folder / "station.sqlite3",
        clock=clock,
        escalate_after_s=escalate_after_s,
        supervisor_after_s=supervisor_after_s,
        offline_after_s=offline_after_s,
    )
    sessions = StaffSessions(folder / "staff.sqlite3", clock=clock)
    return create_app(board, sessions, key=key), board, sessions


def serve(folder: Path | str, host: str, port: int, *, key: str, **options: float) -> None:
    """Serve until interrupted."""
    app, _board, _sessions = build(folder, key=key, **options)
    uvicorn.run(app, host=host, port=port, log_level="info", timeout_keep_alive=30)  # type: ignore[arg-type]


class StationServer:
    """``with StationServer(folder, key=...) as s: s.url`` - a real station for tests."""

    def __init__(self, folder: Path | str, *, key: str, port: int = 0, **options: object) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app, self.board, self.sessions = build(folder, key=key, **options)  # type: ignore[arg-type]
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")  # type: ignore[arg-type]
        self.server = uvicorn.Server(config)
        self.thread: threading.Thread | None = None

    def start(self) -> StationServer:
        self.thread = start_thread(f"station-{self.port}", self.server.run)
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError(f"station on port {self.port} did not start")
            self.thread.join(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.server.force_exit = True  # lanes' long polls are not waited for
        if self.thread is not None:
            self.thread.join(10)
        self.board.close()
        self.sessions.close()

    def __enter__(self) -> StationServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
