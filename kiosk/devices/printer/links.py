"""Printer links: USB and file through python-escpos, serial and TCP through kiosk streams.

Every link is a :class:`~kiosk.devices.transport.ByteStream`, so the driver
does not care which one it has. USB and file use python-escpos's ``Usb`` and
``File`` printer classes for opening and writing (device search, kernel driver
detach, configuration); reads on USB go to the endpoint with a per-call
timeout, because python-escpos's ``_read`` has none. Serial and network
printers use :func:`~kiosk.devices.transport.open_serial` and
:func:`~kiosk.devices.transport.connect_tcp` (python-escpos's ``Serial`` and
``Network`` read fixed 16-byte chunks with one timeout chosen at open, which
cannot tell "no status reply" from "slow").

A file link cannot read: its status queries go unanswered and status stays
unknown, which the driver reports instead of pretending the paper is fine.
"""

from __future__ import annotations

from typing import Any

from kiosk.devices.errors import DeviceConfigError, map_exceptions


class UsbStream:
    """A USB printer opened with python-escpos ``Usb``.

    Args:
        vendor, product: the USB ids.
        in_ep, out_ep: bulk endpoints (Epson: 0x82 / 0x01).
        write_timeout_ms: bulk write timeout.
        backend: a pyusb backend (tests pass a virtual device node here).
    """

    def __init__(
        self,
        vendor: int,
        product: int,
        *,
        in_ep: int = 0x82,
        out_ep: int = 0x01,
        write_timeout_ms: int = 5000,
        backend: Any = None,
        name: str = "usb",
    ) -> None:
        from escpos.printer import Usb

        self._name = name
        usb_args: dict[str, Any] = {"backend": backend} if backend is not None else {}
        with map_exceptions(name):
            if not Usb.is_usable():
                raise DeviceConfigError("USB printing needs pyusb (pip install pyusb)", name)
            self._printer = Usb(
                vendor,
                product,
                usb_args=usb_args,
                timeout=write_timeout_ms,
                in_ep=in_ep,
                out_ep=out_ep,
            )
            self._printer.open()

    def write(self, data: bytes, timeout: float | None = None) -> None:
        with map_exceptions(self._name):
            self._printer._raw(data)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        import usb.core

        with map_exceptions(self._name):
            device = self._printer.device
            try:
                data = device.read(self._printer.in_ep, max_bytes, int((timeout or 0.001) * 1000))
            except usb.core.USBTimeoutError:
                return b""
            return bytes(data)

    def close(self) -> None:
        with map_exceptions(self._name):
            self._printer.close()


class FileStream:
    """A character device or plain file (``/dev/usb/lp0``) opened with python-escpos ``File``."""

    def __init__(self, path: str, name: str = "file") -> None:
        from escpos.printer import File

        self._name = name
        with map_exceptions(name):
            self._printer = File(path)
            self._printer.open()

    def write(self, data: bytes, timeout: float | None = None) -> None:
        with map_exceptions(self._name):
            self._printer._raw(data)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return b""  # write-only link: status queries go unanswered

    def close(self) -> None:
        with map_exceptions(self._name):
            self._printer.close()
