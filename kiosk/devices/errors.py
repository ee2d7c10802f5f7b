"""The device layer's errors and the one place library exceptions are translated.

Every exception that leaves ``kiosk.devices`` is a :class:`DeviceError`. Drivers
wrap each call into pyserial, sockets, python-usb, python-escpos, evdev or
OpenCV in :func:`map_exceptions` (the httpcore pattern), so the app and the UI
only ever catch ``DeviceError`` and read its ``device`` and message.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterator, Mapping
from contextlib import contextmanager


class DeviceError(Exception):
    """A device failed; ``device`` names it (the config name) when known."""

    def __init__(self, message: str, device: str | None = None) -> None:
        self.device = device
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return f"{self.device}: {self.message}" if self.device else self.message


class DeviceNotFound(DeviceError):
    """The port, path, USB id or camera does not exist (yet)."""


class DeviceOffline(DeviceError):
    """The device was there but disappeared or stopped answering on its link."""


class DeviceTimeout(DeviceError):
    """The device did not answer in time."""


class DeviceBusy(DeviceError):
    """Another process or device object holds the device."""


class DevicePermissionDenied(DeviceError):
    """The operating system refuses access (udev rules, group membership)."""


class ProtocolError(DeviceError):
    """The device said something the protocol does not allow (garbage, over-long frame)."""


class DeviceStateError(DeviceError):
    """A lifecycle call that is illegal in the device's current state (e.g. enable before claim)."""


class DeviceConfigError(DeviceError):
    """A driver option is wrong or a driver/backend is unknown or not installed."""


_NOT_FOUND_ERRNOS = {errno.ENOENT, errno.ENODEV, errno.ENXIO}
_BUSY_ERRNOS = {errno.EBUSY}
_PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM}


def _library_map() -> list[tuple[type[BaseException], type[DeviceError]]]:
    """Library exception classes in most-specific-first order (optional libraries skipped)."""
    pairs: list[tuple[type[BaseException], type[DeviceError]]] = []
    try:
        import serial

        pairs += [
            (serial.SerialTimeoutException, DeviceTimeout),
            (serial.SerialException, DeviceOffline),
        ]
    except ImportError:  # pragma: no cover - pyserial is a core dependency
        pass
    try:
        import usb.core

        pairs += [
            (usb.core.USBTimeoutError, DeviceTimeout),
            (usb.core.USBError, DeviceOffline),
            (usb.core.NoBackendError, DeviceConfigError),
        ]
    except ImportError:
        pass
    try:
        import escpos.exceptions

        pairs += [
            (escpos.exceptions.DeviceNotFoundError, DeviceNotFound),
            (escpos.exceptions.Error, DeviceError),
        ]
    except ImportError:  # pragma: no cover
        pass
    return pairs


_LIBRARY_MAP: list[tuple[type[BaseException], type[DeviceError]]] | None = None


def _classify_os_error(error: OSError) -> type[DeviceError]:
    if isinstance(error, TimeoutError | socket.timeout):
        return DeviceTimeout
    code = error.errno
    if code is None and error.args and isinstance(error.args[0], int):
        code = error.args[0]
    if isinstance(error, FileNotFoundError) or code in _NOT_FOUND_ERRNOS:
        return DeviceNotFound
    if isinstance(error, PermissionError) or code in _PERMISSION_ERRNOS:
        return DevicePermissionDenied
    if code in _BUSY_ERRNOS:
        return DeviceBusy
    return DeviceOffline


def translate(
    error: BaseException,
    device: str | None = None,
    mapping: Mapping[type[BaseException], type[DeviceError]] | None = None,
) -> DeviceError:
    """Return the DeviceError that stands for ``error`` (a DeviceError is returned as is).

    ``mapping`` entries are tried first, in order; then the library table
    (pyserial, python-usb, python-escpos, OpenCV), then OSError by errno
    (missing -> DeviceNotFound, EACCES -> DevicePermissionDenied, EBUSY ->
    DeviceBusy, timeouts -> DeviceTimeout, anything else -> DeviceOffline);
    ValueError / ImportError (bad parameter, library not installed) ->
    DeviceConfigError; anything else -> DeviceError.
    """
    global _LIBRARY_MAP
    if isinstance(error, DeviceError):
        if device and error.device is None:
            error.device = device
        return error
    target: type[DeviceError] | None = None
    for source, mapped in (mapping or {}).items():
        if isinstance(error, source):
            target = mapped
            break
    if target is None:
        if _LIBRARY_MAP is None:
            _LIBRARY_MAP = _library_map()
        for source, mapped in _LIBRARY_MAP:
            if isinstance(error, source):
                target = mapped
                break
    if target in (None, DeviceOffline) and isinstance(error, OSError):
        target = _classify_os_error(error)
    if target is None and isinstance(error, ValueError | ImportError):
        target = DeviceConfigError
    if target is None:
        target = DeviceError
    message = str(error) or type(error).__name__
    return target(message, device)


@contextmanager
def map_exceptions(
    device: str | None = None,
    mapping: Mapping[type[BaseException], type[DeviceError]] | None = None,
) -> Iterator[None]:
    """Turn any library exception raised inside the block into a :class:`DeviceError`.

    Args:
        device: the device name to put into the error.
        mapping: extra ``{library exception: DeviceError subclass}`` pairs tried first.

    Raises:
        DeviceError: (a subclass) chained to the original exception.
    """
    try:
        yield
    except DeviceError as error:
        if device and error.device is None:
            error.device = device
        raise
    except (OSError, ValueError, ImportError) as error:
        raise translate(error, device, mapping) from error
    except Exception as error:
        if _is_library_error(error, mapping):
            raise translate(error, device, mapping) from error
        raise


def _is_library_error(
    error: Exception, mapping: Mapping[type[BaseException], type[DeviceError]] | None
) -> bool:
    global _LIBRARY_MAP
    if mapping and isinstance(error, tuple(mapping)):
        return True
    if _LIBRARY_MAP is None:
        _LIBRARY_MAP = _library_map()
    if any(isinstance(error, source) for source, _ in _LIBRARY_MAP):
        return True
    return type(error).__module__.split(".")[0] in {
        "cv2",
        "serial",
        "usb",
        "escpos",
        "evdev",
        "zxingcpp",
        "pyzbar",
    }
