"""The attendant's read-only queries: device lines carry the drivers' typed status."""

from __future__ import annotations

from kiosk.app.attendant.queries import probe_devices
from kiosk.devices.base import Device
from kiosk.devices.status import Condition, DeviceStatus, Health


class JammedPrinter(Device):
    """A real Device whose probe reports an error with a condition and a detail."""

    def check(self) -> DeviceStatus:
        return DeviceStatus(Health.ERROR, frozenset({Condition.PAPER_OUT}), "head jammed")


class BrokenDriver(Device):
    """A driver that breaks its promise and raises from check()."""

    def check(self) -> DeviceStatus:
        raise OSError("[Errno 5] Input/output error")


def test_device_lines_keep_health_conditions_and_detail_typed() -> None:
    lines = probe_devices(
        {
            "printer": JammedPrinter("printer"),
            "scanner": Device("scanner"),
            "scale": BrokenDriver("scale"),
        }
    )
    assert [line.name for line in lines] == ["printer", "scale", "scanner"]
    printer, scale, scanner = lines
    assert printer.status == DeviceStatus(Health.ERROR, frozenset({"paper_out"}), "head jammed")
    assert not printer.usable
    assert scale.status.health is Health.ERROR  # a driver that raised still shows, as an error
    assert "Input/output error" in scale.status.detail
    assert scanner.status.health is Health.OFFLINE  # never started: not claimed
    assert not scanner.usable
