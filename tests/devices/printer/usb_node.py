"""A virtual USB printer at the device-node level: a pyusb backend with one printer on it.

pyusb's ``usb.core`` and python-escpos's ``Usb`` run unchanged on top of it;
only what libusb would do is replaced: descriptors of an Epson TM printer
(vendor 04b8, product 0202, bulk OUT 0x01, bulk IN 0x82) and bulk transfers
that go to a :class:`PrinterSimulator`. ``unplug()`` makes transfers fail with
the error libusb reports for a vanished device.
"""

from __future__ import annotations

import errno
import threading
from types import SimpleNamespace
from typing import Any

import usb.backend
import usb.core

from kiosk.devices.printer.sim import PrinterSimulator

VENDOR, PRODUCT = 0x04B8, 0x0202


def _descriptor(**fields: Any) -> SimpleNamespace:
    return SimpleNamespace(extra_descriptors=[], **fields)


class VirtualUsbBackend(usb.backend.IBackend):  # type: ignore[misc]
    def __init__(self, sim: PrinterSimulator) -> None:
        self.sim = sim
        self.plugged = True
        self._replies = bytearray()
        self._lock = threading.Lock()
        self._config = 0

    def unplug(self) -> None:
        self.plugged = False

    def enumerate_devices(self) -> Any:
        return iter(["printer"] if self.plugged else [])

    def get_device_descriptor(self, dev: Any) -> Any:
        return _descriptor(
            bLength=18,
            bDescriptorType=1,
            bcdUSB=0x0200,
            bDeviceClass=0,
            bDeviceSubClass=0,
            bDeviceProtocol=0,
            bMaxPacketSize0=64,
            idVendor=VENDOR,
            idProduct=PRODUCT,
            bcdDevice=0x0100,
            iManufacturer=0,
            iProduct=0,
            iSerialNumber=0,
            bNumConfigurations=1,
            address=5,
            bus=1,
            port_number=2,
            port_numbers=(2,),
            speed=3,
        )

    def get_configuration_descriptor(self, dev: Any, config: int) -> Any:
        return _descriptor(
            bLength=9,
            bDescriptorType=2,
            wTotalLength=32,
            bNumInterfaces=1,
            bConfigurationValue=1,
            iConfiguration=0,
            bmAttributes=0xC0,
            bMaxPower=1,
        )

    def get_interface_descriptor(self, dev: Any, intf: int, alt: int, config: int) -> Any:
        return _descriptor(
            bLength=9,
            bDescriptorType=4,
            bInterfaceNumber=0,
            bAlternateSetting=0,
            bNumEndpoints=2,
            bInterfaceClass=7,
            bInterfaceSubClass=1,
            bInterfaceProtocol=2,
            iInterface=0,
        )

    def get_endpoint_descriptor(self, dev: Any, ep: int, intf: int, alt: int, config: int) -> Any:
        address = (0x01, 0x82)[ep]
        return _descriptor(
            bLength=7,
            bDescriptorType=5,
            bEndpointAddress=address,
            bmAttributes=2,
            wMaxPacketSize=64,
            bInterval=0,
            bRefresh=0,
            bSynchAddress=0,
        )

    def open_device(self, dev: Any) -> Any:
        self._check()
        return "handle"

    def close_device(self, dev_handle: Any) -> None:
        pass

    def set_configuration(self, dev_handle: Any, config_value: int) -> None:
        self._config = config_value

    def get_configuration(self, dev_handle: Any) -> int:
        return self._config or 1

    def claim_interface(self, dev_handle: Any, intf: int) -> None:
        self._check()

    def release_interface(self, dev_handle: Any, intf: int) -> None:
        pass

    def reset_device(self, dev_handle: Any) -> None:
        self._check()

    def bulk_write(self, dev_handle: Any, ep: int, intf: int, data: Any, timeout: int) -> int:
        self._check()
        reply = self.sim.feed(bytes(data))
        with self._lock:
            self._replies += reply
        return len(data)

    def bulk_read(self, dev_handle: Any, ep: int, intf: int, buff: Any, timeout: int) -> int:
        self._check()
        with self._lock:
            if not self._replies:
                raise usb.core.USBTimeoutError("Operation timed out", -7, errno.ETIMEDOUT)
            count = min(len(buff), len(self._replies))
            for i in range(count):
                buff[i] = self._replies[i]
            del self._replies[:count]
            return count

    def _check(self) -> None:
        if not self.plugged:
            raise usb.core.USBError(
                "No such device (it may have been disconnected)", -4, errno.ENODEV
            )
