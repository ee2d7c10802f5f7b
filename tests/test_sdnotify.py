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
