"""What the travel demos' terminals share: reading commands, waiting for the lane.

``kiosk demo --journey airport|hotel`` reads commands in the terminal while the
window runs (a passport on the reader, a bag on the belt, a fault). A journey's
console subclasses :class:`TravelDemoConsole` with its ``help`` and ``_command``;
``state`` and ``wait STEP SECONDS`` (scripts wait for the lane) are the same for
every journey.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from kiosk import clock as kiosk_clock


class TravelDemoConsole:
    """The base of a travel demo's terminal (see the module docstring)."""

    def __init__(self, rig: Any, lane: Any = None, out: Callable[[str], object] = print) -> None:
        self.rig = rig
        self.lane = lane
        self.out = out

    def help(self) -> str:
        """The commands, one per line."""
        raise NotImplementedError

    def _command(self, word: str, rest: str) -> str:
        """The journey's own commands; an unknown word says so."""
        raise NotImplementedError

    def run(self, lines: Iterable[str]) -> int:
        """Do each line until ``quit`` (the window stays)."""
        for line in lines:
            text = line.strip()
            if text in ("quit", "exit"):
                break
            if text:
                self.out(self.command(text))
        return 0

    def command(self, text: str) -> str:
        """Do one command; returns what to print (a bad one: one line saying why)."""
        word, _, rest = text.partition(" ")
        word, rest = word.lower(), rest.strip()
        try:
            if word == "help":
                return self.help()
            if word == "state":
                return self._step()
            if word == "wait":
                return self._wait(rest)
            return self._command(word, rest)
        except (ValueError, OSError, KeyError) as error:
            return f"{word}: {error}"

    def _device_ready(self, name: str, timeout_s: float = 15.0) -> bool:
        """Wait until the lane's device ``name`` is open (a read before that is lost)."""
        device = None if self.lane is None else self.lane.devices.get(name)
        deadline = kiosk_clock.monotonic() + timeout_s
        while device is not None and kiosk_clock.monotonic() < deadline:
            if device.status.usable:
                return True
            time.sleep(0.05)  # a start-up wait for the device's worker thread
        return device is None

    def _step(self) -> str:
        return "no lane" if self.lane is None else str(self.lane.controller.state_name())

    def _wait(self, rest: str) -> str:
        step, _, seconds = rest.partition(" ")
        deadline = kiosk_clock.monotonic() + float(seconds or "10")
        while kiosk_clock.monotonic() < deadline:
            if self._step() == step:
                return f"at {step}"
            time.sleep(0.05)  # a script waiting for the lane, not a timing check
        return f"timed out waiting for {step} (at {self._step()})"
