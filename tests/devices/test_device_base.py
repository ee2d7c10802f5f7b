"""The UnifiedPOS-style lifecycle, status events and listener isolation of ``Device``."""

from __future__ import annotations

import pytest

from kiosk.devices.base import Device, DeviceState
from kiosk.devices.errors import DeviceError, DeviceStateError
from kiosk.devices.status import (
    Condition,
    DataEvent,
    DeviceStatus,
    Health,
    StatusEvent,
)

ACTIONS = ("open", "claim", "enable", "disable", "release", "close")
LEGAL = {
    DeviceState.CLOSED: {"open"},
    DeviceState.OPENED: {"claim", "close"},
    DeviceState.CLAIMED: {"enable", "release"},
    DeviceState.ENABLED: {"disable"},
}
PATH_TO = {
    DeviceState.CLOSED: [],
    DeviceState.OPENED: ["open"],
    DeviceState.CLAIMED: ["open", "claim"],
    DeviceState.ENABLED: ["open", "claim", "enable"],
}


class Probe(Device):
    def __init__(self) -> None:
        super().__init__("probe")
        self.calls: list[str] = []

    def _on_open(self) -> None:
        self.calls.append("open")

    def _on_release(self) -> None:
        self.calls.append("release")


def _device_in(state: DeviceState) -> Probe:
    device = Probe()
    for action in PATH_TO[state]:
        getattr(device, action)()
    assert device.state is state
    return device


@pytest.mark.parametrize("state", list(DeviceState))
@pytest.mark.parametrize("action", ACTIONS)
def test_each_call_is_legal_only_in_its_state(state: DeviceState, action: str) -> None:
    device = _device_in(state)
    if action in LEGAL[state]:
        getattr(device, action)()
        assert device.state is not state
    else:
        with pytest.raises(DeviceStateError, match=f"cannot {action} while {state.value}"):
            getattr(device, action)()
        assert device.state is state


def test_a_failing_hook_leaves_the_state_unchanged() -> None:
    class Broken(Device):
        def _on_open(self) -> None:
            raise DeviceError("bad option", self.name)

    device = Broken("broken")
    with pytest.raises(DeviceError, match="broken: bad option"):
        device.open()
    assert device.state is DeviceState.CLOSED


@pytest.mark.parametrize("state", list(DeviceState))
def test_shutdown_reaches_closed_from_any_state(state: DeviceState) -> None:
    device = _device_in(state)
    device.shutdown()
    assert device.state is DeviceState.CLOSED
    assert device.status.health is Health.OFFLINE


def test_status_events_only_when_the_status_changes() -> None:
    device = Probe()
    seen: list[object] = []
    device.add_listener(seen.append)
    low = DeviceStatus(Health.READY, frozenset({Condition.PAPER_LOW}))
    device._set_status(low)
    device._set_status(DeviceStatus(Health.READY, frozenset({Condition.PAPER_LOW})))
    device._set_status(DeviceStatus(Health.READY))
    statuses = [e.status for e in seen if isinstance(e, StatusEvent)]
    assert statuses == [low, DeviceStatus(Health.READY)]
    assert str(low) == "ready, paper_low"


def test_data_flows_only_while_enabled() -> None:
    device = _device_in(DeviceState.CLAIMED)
    seen: list[object] = []
    device.add_listener(seen.append)
    device._emit_data("dropped")
    device.enable()
    device._emit_data("delivered")
    assert [e.data for e in seen if isinstance(e, DataEvent)] == ["delivered"]


def test_a_listener_that_raises_does_not_stop_the_others() -> None:
    device = _device_in(DeviceState.ENABLED)
    seen: list[object] = []

    def broken(event: object) -> None:
        raise RuntimeError("listener bug")

    device.add_listener(broken)
    device.add_listener(seen.append)
    device._emit_data(1)
    device.remove_listener(broken)
    device._emit_data(2)
    assert [e.data for e in seen if isinstance(e, DataEvent)] == [1, 2]
