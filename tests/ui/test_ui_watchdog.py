"""The watchdog ping comes from the UI thread: a frozen event loop stops it."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.sdnotify import Notifier
from kiosk.ui.watchdog import UiWatchdog


@pytest.fixture
def manager(tmp_path: Path) -> Iterator[tuple[socket.socket, dict[str, str]]]:
    """A datagram socket standing in for systemd's notify socket, and the environment naming it."""
    path = tmp_path / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.setblocking(False)
    env = {"NOTIFY_SOCKET": str(path), "WATCHDOG_USEC": "400000", "WATCHDOG_PID": str(os.getpid())}
    yield sock, env
    sock.close()


def received(sock: socket.socket) -> list[str]:
    notices = []
    while True:
        try:
            notices.append(sock.recv(4096).decode())
        except BlockingIOError:
            return notices


def test_ready_then_pings_while_the_event_loop_runs_and_none_while_it_is_frozen(
    qtbot, manager
) -> None:
    sock, env = manager
    watchdog = UiWatchdog(Notifier(env))
    watchdog.start("attract screen")
    seen: list[str] = []
    qtbot.waitUntil(
        lambda: seen.extend(received(sock)) or seen.count("WATCHDOG=1") >= 3, timeout=5000
    )
    assert seen[0] == "READY=1\nSTATUS=attract screen"
    # GIVEN a UI thread that stops running its event loop for 1.5 s (3.75 watchdog periods)
    received(sock)
    pings_before = watchdog.pings
    time.sleep(1.5)  # the freeze itself: the UI thread is blocked here on purpose
    # THEN not one ping left while it was frozen
    assert received(sock) == []
    assert watchdog.pings == pings_before
    # AND the pings come back once the loop runs again
    qtbot.waitUntil(lambda: "WATCHDOG=1" in received(sock), timeout=5000)
    watchdog.stop()
    qtbot.waitUntil(lambda: True, timeout=10)
    assert "STOPPING=1" in received(sock)


def test_no_watchdog_period_means_ready_only(qtbot, manager) -> None:
    sock, env = manager
    del env["WATCHDOG_USEC"]
    watchdog = UiWatchdog(Notifier(env))
    watchdog.start()
    seen: list[str] = []
    qtbot.waitUntil(lambda: seen.extend(received(sock)) or bool(seen), timeout=5000)
    qtbot.wait(200)
    seen.extend(received(sock))
    assert seen == ["READY=1\nSTATUS=serving"]
