"""sd_notify spoken directly: addresses, watchdog period, and silence outside systemd."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from kiosk.sdnotify import Notifier


def test_outside_systemd_nothing_is_sent_and_nothing_raises() -> None:
    notifier = Notifier({})
    assert not notifier.enabled
    assert notifier.watchdog_s is None
    notifier.ready()
    notifier.watchdog()
    notifier.stopping()


@pytest.mark.parametrize(
    ("env", "period"),
    [
        ({"WATCHDOG_USEC": "30000000"}, 30.0),
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}, None),  # meant for another process
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "soon"}, None),
        ({}, None),
    ],
)
def test_the_watchdog_period_is_this_processs_only(
    env: dict[str, str], period: float | None
) -> None:
    assert Notifier(env).watchdog_s == period


def test_a_notice_reaches_a_path_socket(tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(tmp_path / "n"))
        Notifier({"NOTIFY_SOCKET": str(tmp_path / "n"), "WATCHDOG_PID": str(os.getpid())}).status(
            "ok"
        )
        assert sock.recv(100) == b"STATUS=ok"


def test_a_notice_reaches_an_abstract_socket() -> None:
    name = f"kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(b"\0" + name.encode())
        Notifier({"NOTIFY_SOCKET": "@" + name}).ready()
        assert sock.recv(100) == b"READY=1"


def test_a_socket_that_is_gone_is_logged_once_and_never_raises(tmp_path: Path, caplog) -> None:
    notifier = Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    notifier.watchdog()
    notifier.watchdog()
    assert len([r for r in caplog.records if "cannot notify systemd" in r.message]) == 1


def test_migrations_at_start_ask_systemd_for_more_time(tmp_path: Path, monkeypatch) -> None:
    """A lane database behind the schema asks for more start time before each migration
    (one may rewrite a big table: 0017 copies every outbox document), naming it."""
    from kiosk.store.db import MIGRATION_SECONDS, apply_migrations, connect, migrations

    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(tmp_path / "n"))
        sock.settimeout(5)
        old = connect(tmp_path / "lane.sqlite3", migrate=False)
        for number, _name, sql in migrations()[:16]:  # a lane left at 0016
            old.executescript(f"BEGIN; {sql}; PRAGMA user_version = {number}; COMMIT;")
        monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "n"))
        apply_migrations(old)
        notice = sock.recv(200).decode()
    assert notice == (
        f"EXTEND_TIMEOUT_USEC={MIGRATION_SECONDS * 1_000_000}\n"
        "STATUS=migrating the lane database: 0017_outbox_payload.sql"
    )


def test_a_new_lane_database_asks_for_no_more_time(tmp_path: Path, monkeypatch) -> None:
    from kiosk.store.db import connect

    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(tmp_path / "n"))
        sock.setblocking(False)
        monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "n"))
        connect(tmp_path / "lane.sqlite3").close()  # every migration, on an empty file
        with pytest.raises(BlockingIOError):
            sock.recv(200)
