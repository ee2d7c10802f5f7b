"""Scale drivers against the scale simulator over real pseudo-terminals."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from scale_helpers import wait_until

from kiosk.config import ConfigError
from kiosk.config.devices import DeviceConfig
from kiosk.devices.errors import DeviceError
from kiosk.devices.scale.driver import Scale
from kiosk.devices.scale.drivers import build_scale
from kiosk.devices.scale.sim import ScaleSimulator, serve_pty
from kiosk.devices.scale.weight import WeightUnit
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.status import Condition, Health


class Rig:
    """A simulator serving a pty with a stable link, and a scale driver on it."""

    def __init__(self, tmp_path: Path, protocol: str, unit: WeightUnit = WeightUnit.KG) -> None:
        self.sim = ScaleSimulator(protocol, unit, capacity_g=15000)
        self.port = VirtualPort(tmp_path / f"ttyScale-{protocol}", name="sim-scale")
        self.stops: list[threading.Event] = []
        self.plug()
        options: dict[str, object] = {
            "bytesize": 8,
            "parity": "N",
            "poll_interval_s": 0.03,
            "stable_repeats": 3,
            "missed_replies": 3,
            "reconnect_initial_s": 0.05,
            "reconnect_max_s": 0.2,
        }
        if protocol == "toledo":
            options["unit"] = unit.value
        device = build_scale(
            DeviceConfig(
                name="scale", type="scale", driver=protocol, port=self.port.path, options=options
            )
        )
        assert isinstance(device, Scale)
        self.scale = device

    def plug(self) -> None:
        self.port.plug()
        stop = threading.Event()
        self.stops.append(stop)
        threading.Thread(
            target=serve_pty, args=(self.sim, self.port, stop, 0.03), daemon=True
        ).start()

    def close(self) -> None:
        self.scale.shutdown()
        for stop in self.stops:
            stop.set()
        self.port.unplug()


@pytest.fixture(params=["toledo", "nci", "cas"])
def rig(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Rig]:
    rig = Rig(tmp_path, request.param)
    rig.scale.start()
    yield rig
    rig.close()


def test_motion_then_stable(rig: Rig) -> None:
    # GIVEN an item being put down
    rig.sim.command("motion on")
    rig.sim.command("weight 1234")
    state = rig.scale.wait_until(lambda w: w.motion, 5)
    assert not state.stable
    assert rig.scale.stable_weight() is None
    assert str(Condition.IN_MOTION) in rig.scale.status.conditions
    # WHEN it settles
    rig.sim.command("motion off")
    # THEN the weight becomes stable after repeated equal readings
    assert rig.scale.wait_stable(5) == 1234
    assert rig.scale.stable_weight() == 1234
    assert rig.scale.status.health is Health.READY
    assert rig.scale.status.conditions == frozenset()


def test_overload_and_under_zero(rig: Rig) -> None:
    rig.sim.command("weight 20000")
    state = rig.scale.wait_until(lambda w: w.over_capacity, 5)
    assert not state.stable
    assert str(Condition.OVERLOAD) in rig.scale.status.conditions
    rig.sim.command("weight 0")
    rig.scale.wait_stable(5)
    rig.sim.zero_offset_g = 50  # zeroed with a container, then it was lifted
    state = rig.scale.wait_until(lambda w: w.under_zero, 5)
    assert not state.stable
    assert str(Condition.UNDER_ZERO) in rig.scale.status.conditions


def test_software_tare(rig: Rig) -> None:
    rig.sim.command("weight 150")
    assert rig.scale.wait_stable(5) == 150
    assert rig.scale.tare() == 150
    rig.sim.command("weight 650")
    state = rig.scale.wait_until(lambda w: w.stable and w.gross_g == 650, 5)
    assert state.net_g == 500
    rig.scale.clear_tare()
    assert rig.scale.stable_weight() == 650


def test_zero_command(rig: Rig) -> None:
    rig.sim.command("weight 40")
    rig.scale.wait_stable(5)
    if rig.sim.protocol == "cas":
        with pytest.raises(DeviceError, match="keypad"):
            rig.scale.zero()
        return
    rig.scale.zero()
    assert rig.scale.wait_until(lambda w: w.stable and w.net_g == 0, 5).gross_g == 0
    assert rig.sim.zero_offset_g == 40


def test_unplug_and_replug(rig: Rig) -> None:
    rig.sim.command("weight 700")
    assert rig.scale.wait_stable(5) == 700
    connections = rig.scale.connections
    rig.port.unplug()
    wait_until(lambda: rig.scale.status.health is Health.OFFLINE)
    rig.sim.command("weight 900")
    rig.plug()
    assert rig.scale.wait_until(lambda w: w.stable and w.net_g == 900, 10).net_g == 900
    assert rig.scale.connections > connections


def test_pounds_are_converted_to_grams(tmp_path: Path) -> None:
    rig = Rig(tmp_path, "toledo", WeightUnit.LB)
    try:
        rig.scale.start()
        rig.sim.command("weight 1000")  # 2.20 lb on the wire
        assert rig.scale.wait_stable(5) == 998  # 2.20 lb = 997.90 g: lb resolution is 4.5 g
    finally:
        rig.close()


@pytest.mark.parametrize(
    ("protocol", "detail"), [("toledo", "scale does not answer"), ("cas", "scale sends nothing")]
)
def test_silent_scale_goes_offline(tmp_path: Path, protocol: str, detail: str) -> None:
    rig = Rig(tmp_path, protocol)
    try:
        for stop in rig.stops:
            stop.set()  # the pty stays, nobody answers (a scale switched off)
        rig.scale.start()
        wait_until(lambda: rig.scale.status.detail == detail)
        assert rig.scale.status.health is Health.OFFLINE
    finally:
        rig.close()


@pytest.mark.parametrize(
    ("driver", "options", "key"),
    [
        ("mettler", {}, "devices.scale.driver"),
        ("toledo", {"unit": "stone"}, "devices.scale.options.unit"),
        ("nci", {"stable_repeats": 0}, "devices.scale.options.stable_repeats"),
        ("cas", {"baud": 9600}, "devices.scale.options.baud"),
    ],
)
def test_config_errors(driver: str, options: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError) as error:
        build_scale(
            DeviceConfig(
                name="scale", type="scale", driver=driver, port="/dev/ttyS0", options=options
            )
        )
    assert error.value.key == key
