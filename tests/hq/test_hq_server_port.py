"""The HQ test server picks its own port; a port another process takes between the pick
and the bind is picked again, and a port the caller named is never silently changed."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from kiosk.hq import server as hq_server
from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.errors import HqError
from kiosk.hq.server import ServerThread


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = create_engine(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def taken() -> Iterator[int]:
    """A port some other process is listening on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield int(sock.getsockname()[1])


def test_a_port_taken_after_the_pick_is_picked_again(
    engine: sa.Engine, taken: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    picks = iter([taken])
    real = hq_server.free_port
    # the race, made certain: the first port handed out is already someone else's
    monkeypatch.setattr(hq_server, "free_port", lambda: next(picks, None) or real())
    server = ServerThread(engine).start()
    try:
        assert server.port != taken
        assert httpx.get(f"{server.url}/api/v1/health", timeout=10).status_code == 200
    finally:
        server.stop(force=True)


def test_a_named_port_that_is_taken_is_an_error(engine: sa.Engine, taken: int) -> None:
    with pytest.raises(HqError, match=str(taken)):
        ServerThread(engine, port=taken).start()
