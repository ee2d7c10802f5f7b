"""``kiosk demo`` in a terminal: the console lists its commands at start, with a window
(offscreen Qt, the terminal a real pty so the demo knows a person can type) and without
one (``--console``); what is typed in that terminal reaches the lane."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.app.console import COMMANDS

MILK = "8410000000016"


def read_until(fd: int, marker: bytes, timeout: float) -> bytes:
    """What the child wrote to the pty until ``marker`` appeared (or ``timeout``)."""
    out = b""
    deadline = time.monotonic() + timeout
    while marker not in out and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
    return out


@pytest.mark.slow
def test_the_gui_demo_prints_its_console_commands_and_takes_them(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "kiosk", "demo", "--no-hq", "--dir", str(tmp_path / "d")]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the demo with a window, its terminal a pty
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.execv(sys.executable, command)
    try:
        started = read_until(fd, b"quit ", 90).decode(errors="replace")
        assert "demo: commands in this terminal (`help` lists them again):" in started, started
        assert "`staff demo 2468`" in started
        for name, _ in COMMANDS:
            assert f"  {name} " in started, name
        os.write(fd, f"{MILK}\r".encode())
        shown = read_until(fd, b"line 1: 1 x", 60).decode(errors="replace")
        assert "line 1: 1 x Casa Mía Semi-skimmed milk 1 L" in shown, shown
        os.write(fd, b"staff\r")
        assert "nobody is signed in" in read_until(fd, b"signed in", 30).decode(errors="replace")
    finally:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)


@pytest.mark.slow
def test_the_console_demo_lists_its_commands_and_help_lists_them_again(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "kiosk", "demo", "--no-hq", "--console"]
    result = subprocess.run(
        [*command, "--dir", str(tmp_path / "d")],
        input="help\nquit\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "console: type a command (`help` lists them):" in result.stdout
    assert result.stdout.count("  call                       press Help") == 2
