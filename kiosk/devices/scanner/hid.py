"""USB-HID keyboard-wedge scanner via evdev: the read loop only moves key events.

The input device is grabbed (EVIOCGRAB) so its keystrokes never reach the UI
or a console. ``port`` is the event device path (prefer the stable
``/dev/input/by-id/...-event-kbd``); alternatively option ``match`` selects
the first input device whose name contains that text. evdev opens, finds
and grabs the device; the loop reads raw ``input_event`` bytes from its file
descriptor into :class:`InputEventParser` and :class:`KeyDecoder`, so any
file descriptor that speaks the kernel's format (a pipe in the tests) works.
"""

from __future__ import annotations

import os
import select
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.base import Device
from kiosk.devices.errors import (
    DeviceConfigError,
    DeviceNotFound,
    DeviceOffline,
    ProtocolError,
    map_exceptions,
)
from kiosk.devices.options import Options
from kiosk.devices.protocol import Rejected
from kiosk.devices.scanner.keymap import LAYOUTS
from kiosk.devices.scanner.serial import read_backoff
from kiosk.devices.scanner.wedge import INPUT_EVENT, TERMINATOR_KEYS, InputEventParser, KeyDecoder
from kiosk.devices.worker import Backoff, ReconnectingWorker


class KeyLink(Protocol):
    """An open input device: a readable file descriptor of ``input_event`` structs."""

    def fileno(self) -> int: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class HidSettings:
    """Where the wedge scanner is and how it types."""

    path: str = ""
    match: str = ""
    layout: str = "us"
    terminator: str = "ENTER"
    aim: bool = True
    grab: bool = True
    max_length: int = 512
    backoff: Backoff = field(default_factory=Backoff)


def _evdev() -> Any:
    try:
        import evdev
    except ImportError as error:
        raise DeviceConfigError(
            "the hid scanner driver needs the 'evdev' package (Linux only)"
        ) from error
    return evdev


class HidScanner(Device):
    """A keyboard-wedge scanner read (and grabbed) through evdev; delivers Scan events."""

    kind = "scanner"

    def __init__(
        self, name: str, settings: HidSettings, open_link: Callable[[], KeyLink] | None = None
    ) -> None:
        super().__init__(name)
        self.settings = settings
        self._open_link = open_link or self._connect
        self._worker: ReconnectingWorker[KeyLink] | None = None

    def _on_open(self) -> None:
        if self._open_link == self._connect:
            _evdev()

    def _on_claim(self) -> None:
        self._worker = ReconnectingWorker(
            self.name,
            self._open_link,
            self._serve,
            self._close,
            on_status=self._set_status,
            backoff=self.settings.backoff,
        )
        self._worker.start()

    def _on_release(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def _connect(self) -> Any:
        evdev = _evdev()
        with map_exceptions(self.name):
            device = evdev.InputDevice(self._find_path(evdev))
            if self.settings.grab:
                try:
                    device.grab()
                except Exception:
                    device.close()
                    raise
        return device

    def _find_path(self, evdev: Any) -> str:
        if self.settings.path:
            return self.settings.path
        for path in evdev.list_devices():
            device = evdev.InputDevice(path)
            try:
                if self.settings.match.lower() in device.name.lower():
                    return str(path)
            finally:
                device.close()
        raise DeviceNotFound(f"no input device named like {self.settings.match!r}", self.name)

    def _close(self, device: KeyLink) -> None:
        with map_exceptions(self.name):
            device.close()  # closing the fd also releases the grab

    def _serve(self, link: KeyLink, stop: threading.Event) -> None:
        s = self.settings
        decoder = KeyDecoder(LAYOUTS[s.layout], s.terminator, s.aim, s.max_length)
        parser = InputEventParser()
        fd = link.fileno()
        while not stop.is_set():
            with map_exceptions(self.name):
                readable, _, _ = select.select([fd], [], [], 0.1)
                data = os.read(fd, INPUT_EVENT.size * 64) if readable else None
            if data == b"":
                raise DeviceOffline("input device closed", self.name)
            for code, value in parser.feed(data or b""):
                for item in decoder.feed(code, value):
                    self._handle(item)

    def _handle(self, item: object) -> None:
        if isinstance(item, Rejected):
            self._emit_error(ProtocolError(item.reason, self.name), item.raw)
        else:
            self._emit_data(item)


def settings_from_config(config: DeviceConfig) -> HidSettings:
    """Read a HID scanner's options. Raises ConfigError naming the bad option."""
    options = Options(config.name, config.options)
    settings = HidSettings(
        path=config.port,
        match=options.str("match", ""),
        layout=options.choice("layout", "us", LAYOUTS),
        terminator=options.choice("terminator", "ENTER", TERMINATOR_KEYS),
        aim=options.bool("aim", True),
        grab=options.bool("grab", True),
        max_length=options.int("max_length", 512, 8, 65536),
        backoff=read_backoff(options),
    )
    options.finish()
    if not settings.path and not settings.match:
        raise ConfigError(
            "[[devices]]",
            f"devices.{config.name}.port",
            config.port,
            "an input device path such as /dev/input/by-id/usb-...-event-kbd "
            "(or options.match = part of the device name)",
        )
    return settings


def build(config: DeviceConfig) -> HidScanner:
    """Registry builder for ``driver = "hid"``."""
    return HidScanner(config.name, settings_from_config(config))
