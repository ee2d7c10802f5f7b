"""The attendant screen (kiosk.ui) reads the attendant service only through the
protocols of ``kiosk.attendant_api``: the real service and its real values must
satisfy them, and a refused sign-in must be told apart from a fault."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

import kiosk.attendant_api as api
from kiosk.app.attendant import AttendantService, SignInFailed
from kiosk.app.wiring import build_lane
from kiosk.domain.staff import Role, Staff


@pytest.fixture
def service(make_config: Any) -> Any:
    lane = build_lane(make_config(), with_sync=False)
    lane.attendant.staff_repo.add(Staff("s-1", "Ana", Role.SUPERVISOR), pin="1357")
    return lane.attendant


def test_the_real_values_satisfy_the_screen_protocols(service: Any) -> None:
    assert isinstance(service.flags, api.LaneFlags)
    session = service.sign_in_pin("s-1", "1357")
    assert isinstance(session, api.StaffSession)
    assert service.device_status() == [] or all(
        isinstance(line, api.DeviceLine) for line in service.device_status()
    )
    assert isinstance(service.todays_totals(), api.LaneTotals)


def test_a_refused_sign_in_is_a_sign_in_failure_and_a_fault_is_not(service: Any) -> None:
    with pytest.raises(SignInFailed) as refused:
        service.sign_in_pin("s-1", "0000")
    assert isinstance(refused.value, api.SignInFailed)
    assert not isinstance(RuntimeError("disk full"), api.SignInFailed)


def test_the_service_offers_every_call_the_screen_makes(service: Any) -> None:
    members = {
        name
        for name, value in vars(api.AttendantService).items()
        if not name.startswith("_") and (callable(value) or isinstance(value, property))
    }
    members |= set(api.AttendantService.__annotations__)
    assert members
    for name in sorted(members):
        assert hasattr(service, name), name
        wanted = getattr(api.AttendantService, name, None)
        real = getattr(AttendantService, name, None)
        if inspect.isfunction(wanted) and inspect.isfunction(real):
            want = [p for p in inspect.signature(wanted).parameters if p != "self"]
            have = list(inspect.signature(real).parameters)
            assert set(want) - {"details"} <= set(have), name
