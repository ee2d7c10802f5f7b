"""``map_exceptions``: library errors become DeviceError subclasses; bugs stay bugs."""

from __future__ import annotations

import errno

import cv2
import numpy as np
import pytest
import serial

from kiosk.devices.errors import (
    DeviceBusy,
    DeviceConfigError,
    DeviceError,
    DeviceNotFound,
    DeviceOffline,
    DevicePermissionDenied,
    DeviceTimeout,
    ProtocolError,
    map_exceptions,
)


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (serial.SerialTimeoutException("write timeout"), DeviceTimeout),
        (serial.SerialException("device disconnected"), DeviceOffline),
        (serial.SerialException(errno.ENOENT, "could not open port /dev/x"), DeviceNotFound),
        (FileNotFoundError(errno.ENOENT, "no such file"), DeviceNotFound),
        (PermissionError(errno.EACCES, "denied"), DevicePermissionDenied),
        (OSError(errno.EBUSY, "busy"), DeviceBusy),
        (OSError(errno.EIO, "I/O error"), DeviceOffline),
        (TimeoutError("timed out"), DeviceTimeout),
        (ConnectionRefusedError(errno.ECONNREFUSED, "refused"), DeviceOffline),
        (ValueError("Not a valid baudrate"), DeviceConfigError),
        (ImportError("No module named 'pyzbar'"), DeviceConfigError),
    ],
)
def test_library_errors_are_mapped(raised: Exception, expected: type[DeviceError]) -> None:
    with pytest.raises(expected) as caught, map_exceptions("scanner"):
        raise raised
    assert caught.value.device == "scanner"
    assert caught.value.__cause__ is raised
    assert str(caught.value).startswith("scanner: ")


def test_opencv_errors_are_mapped() -> None:
    with pytest.raises(DeviceError) as caught, map_exceptions("camera"):
        cv2.cvtColor(np.zeros((2, 2), np.uint8), cv2.COLOR_BGR2GRAY)  # needs 3 channels
    assert isinstance(caught.value.__cause__, cv2.error)


def test_an_explicit_mapping_wins() -> None:
    with pytest.raises(ProtocolError), map_exceptions("x", {ValueError: ProtocolError}):
        raise ValueError("bad frame")


def test_device_errors_pass_through_and_get_the_device_name() -> None:
    with pytest.raises(DeviceTimeout) as caught, map_exceptions("printer"):
        raise DeviceTimeout("no status reply")
    assert str(caught.value) == "printer: no status reply"


def test_programming_errors_are_not_hidden() -> None:
    with pytest.raises(KeyError), map_exceptions("scanner"):
        raise KeyError("bug")
