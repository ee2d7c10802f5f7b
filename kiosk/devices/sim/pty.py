"""A pseudo-terminal a simulator writes to, which can be unplugged and plugged back in.

The driver opens the slave side with pyserial exactly like a USB-CDC port. A
stable ``link`` path (a symlink to the current ``/dev/pts/N``) plays the role
of a udev name, so a replugged device is found at the same path even when the
kernel hands out a different pts number.
"""

from __future__ import annotations

import contextlib
import os
import tty
from pathlib import Path

from kiosk.devices.errors import DeviceOffline, map_exceptions


class VirtualPort:
    """One end of a pty the simulator owns; ``path`` is what the driver opens.

    Args:
        link: optional symlink to maintain to the current slave device.
    """

    def __init__(self, link: str | Path | None = None, name: str = "sim") -> None:
        self.link = Path(link) if link else None
        self.name = name
        self._master: int | None = None
        self._slave: int | None = None
        self.slave_path = ""

    @property
    def path(self) -> str:
        """The path a driver should open (the link if there is one)."""
        return str(self.link) if self.link else self.slave_path

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def plug(self) -> str:
        """Create the pty (raw mode) and the link; return :attr:`path`. Raises DeviceError."""
        with map_exceptions(self.name):
            master, slave = os.openpty()
            tty.setraw(slave)
            self._master, self._slave = master, slave
            self.slave_path = os.ttyname(slave)
            if self.link:
                tmp = self.link.with_name(self.link.name + ".new")
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
                tmp.symlink_to(self.slave_path)
                tmp.replace(self.link)
        return self.path

    def unplug(self) -> None:
        """Close both ends and remove the link: the driver sees the device vanish."""
        if self.link:
            with contextlib.suppress(FileNotFoundError):
                self.link.unlink()
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = None

    def write(self, data: bytes) -> None:
        """Write all of ``data`` to the driver. Raises DeviceOffline when unplugged."""
        if self._master is None:
            raise DeviceOffline("virtual port is unplugged", self.name)
        with map_exceptions(self.name):
            view = memoryview(data)
            while view:
                view = view[os.write(self._master, view) :]

    def read(self, max_bytes: int = 4096) -> bytes:
        """Read what the driver wrote (blocking). Raises DeviceOffline when unplugged."""
        if self._master is None:
            raise DeviceOffline("virtual port is unplugged", self.name)
        with map_exceptions(self.name):
            return os.read(self._master, max_bytes)

    def fileno(self) -> int:
        if self._master is None:
            raise DeviceOffline("virtual port is unplugged", self.name)
        return self._master

    def __enter__(self) -> VirtualPort:
        self.plug()
        return self

    def __exit__(self, *exc: object) -> None:
        self.unplug()
