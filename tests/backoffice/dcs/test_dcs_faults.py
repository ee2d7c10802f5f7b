"""Every way the DCS can fail reaches the lane as one DcsError with the right kind:
503s, timeouts, garbage and hostile replies, a wrong API key, nobody listening. The
faults are injected into the real simulator (by method and by its admin endpoint)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from dcs_helpers import SAFE, MovableClock, document

from kiosk.backoffice.dcs import HttpDepartureControl
from kiosk.backoffice.dcs.sim import DEFAULT_API_KEY, DcsSimulator
from kiosk.domain.airport.dcs import DcsError, DcsErrorKind, SeatStatus
from kiosk.domain.money import Money

Call = Callable[[HttpDepartureControl], object]


def _checked_in(dcs: HttpDepartureControl) -> None:
    anna = dcs.find_booking("KX7Q2M", "ERIKSSON").passengers[0]
    dcs.send_document("KX7Q2M", document(anna))
    dcs.check_in("KX7Q2M", ("P1",), SAFE)


#: every protocol method, with what must be true before it can succeed
CALLS: dict[str, tuple[Callable[[HttpDepartureControl], None] | None, Call]] = {
    "find_booking": (None, lambda d: d.find_booking("KX7Q2M", "ERIKSSON")),
    "find_by_name": (None, lambda d: d.find_by_name("ERIKSSON", "LARS", MovableClock()().date())),
    "send_document": (
        None,
        lambda d: d.send_document(
            "KX7Q2M", document(d.find_booking("KX7Q2M", "ERIKSSON").passengers[1])
        ),
    ),
    "seat_map": (None, lambda d: d.seat_map("KX7Q2M", "S1")),
    "assign_seat": (None, lambda d: d.assign_seat("KX7Q2M", "S1", "P1", "30A")),
    "check_in": (
        lambda d: d.send_document(
            "KX7Q2M", document(d.find_booking("KX7Q2M", "ERIKSSON").passengers[0])
        ),
        lambda d: d.check_in("KX7Q2M", ("P1",), SAFE),
    ),
    "add_bag": (_checked_in, lambda d: d.add_bag("KX7Q2M", "P1", 15_000, None)),
    "boarding_passes": (_checked_in, lambda d: d.boarding_passes("KX7Q2M", ("P1",))),
    "cancel_check_in": (_checked_in, lambda d: d.cancel_check_in("KX7Q2M", ("P1",))),
}


def failure(call: Call, dcs: HttpDepartureControl) -> DcsError:
    with pytest.raises(DcsError) as error:
        call(dcs)
    return error.value


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_call_maps_a_503_then_works_again(
    name: str, sim: DcsSimulator, dcs: HttpDepartureControl
) -> None:
    prepare, call = CALLS[name]
    if prepare is not None:
        prepare(dcs)
    sim.fail_next(2)
    for _ in range(2):
        error = failure(call, dcs)
        assert (error.kind, error.code) == (DcsErrorKind.UNREACHABLE, "unavailable")
        assert "503" in error.message
    call(dcs)  # the third call goes through


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_call_refuses_a_hostile_reply_with_wrong_types(
    name: str, sim: DcsSimulator, dcs: HttpDepartureControl
) -> None:
    prepare, call = CALLS[name]
    if prepare is not None:
        prepare(dcs)
    sim.garbage_next(1, "wrong_types")
    error = failure(call, dcs)
    assert (error.kind, error.code) == (DcsErrorKind.INVALID, "bad_reply")
    assert error.message.startswith("DCS reply: ")
    assert "expected" in error.message


@pytest.mark.parametrize("kind", ["text", "truncated"])
def test_a_reply_that_is_not_json(kind: str, sim: DcsSimulator, dcs: HttpDepartureControl) -> None:
    sim.garbage_next(1, kind)
    error = failure(lambda d: d.find_booking("KX7Q2M", "ERIKSSON"), dcs)
    assert (error.kind, error.code) == (DcsErrorKind.INVALID, "bad_reply")
    assert "not JSON" in error.message


def test_a_failed_call_changes_nothing(sim: DcsSimulator, dcs: HttpDepartureControl) -> None:
    seat = "30A"
    assert dcs.seat_map("KX7Q2M", "S1").seat(seat).status is SeatStatus.AVAILABLE  # type: ignore[union-attr]
    sim.fail_next(1, 500)
    error = failure(lambda d: d.assign_seat("KX7Q2M", "S1", "P1", seat), dcs)
    assert error.kind is DcsErrorKind.UNREACHABLE
    assert dcs.seat_map("KX7Q2M", "S1").seat(seat).status is SeatStatus.AVAILABLE  # type: ignore[union-attr]


def test_rate_limited_is_unreachable(sim: DcsSimulator, dcs: HttpDepartureControl) -> None:
    sim.fail_next(1, 429)
    error = failure(lambda d: d.seat_map("KX7Q2M", "S1"), dcs)
    assert error.kind is DcsErrorKind.UNREACHABLE


def test_a_slow_reply_times_out(sim: DcsSimulator) -> None:
    impatient = HttpDepartureControl(sim.url, DEFAULT_API_KEY, timeout_s=0.3)
    sim.delay_next(1, 5.0)
    try:
        error = failure(lambda d: d.find_booking("KX7Q2M", "ERIKSSON"), impatient)
        assert (error.kind, error.code) == (DcsErrorKind.UNREACHABLE, "timeout")
        assert "0.3 s" in error.message
        assert impatient.find_booking("KX7Q2M", "ERIKSSON").record_locator == "KX7Q2M"
    finally:
        impatient.close()


def test_a_delay_within_the_timeout_is_only_slow(
    sim: DcsSimulator, dcs: HttpDepartureControl
) -> None:
    sim.delay_next(1, 0.05)
    assert dcs.find_booking("KX7Q2M", "ERIKSSON").record_locator == "KX7Q2M"


def test_a_wrong_api_key(sim: DcsSimulator) -> None:
    stranger = HttpDepartureControl(sim.url, "not-the-key", timeout_s=5.0)
    try:
        error = failure(lambda d: d.find_booking("KX7Q2M", "ERIKSSON"), stranger)
    finally:
        stranger.close()
    assert (error.kind, error.code) == (DcsErrorKind.UNREACHABLE, "unauthorized")
    assert "401" in error.message


def test_nobody_listening(clock: MovableClock) -> None:
    with DcsSimulator(clock=clock) as gone:
        url = gone.url
    driver = HttpDepartureControl(url, DEFAULT_API_KEY, timeout_s=2.0)
    try:
        error = failure(lambda d: d.find_booking("KX7Q2M", "ERIKSSON"), driver)
    finally:
        driver.close()
    assert (error.kind, error.code) == (DcsErrorKind.UNREACHABLE, "connect")


def test_wrong_base_url_is_not_found(sim: DcsSimulator) -> None:
    driver = HttpDepartureControl(sim.url.replace("/dcs/v1", "/v0"), DEFAULT_API_KEY, 5.0)
    try:
        error = failure(lambda d: d.seat_map("KX7Q2M", "S1"), driver)
    finally:
        driver.close()
    assert (error.kind, error.code) == (DcsErrorKind.NOT_FOUND, "no_such_resource")


def test_faults_through_the_admin_endpoint(sim: DcsSimulator, dcs: HttpDepartureControl) -> None:
    root = sim.url.removesuffix("/dcs/v1")
    answer = httpx.post(f"{root}/sim/faults", json={"fail": {"count": 1, "status": 503}})
    assert answer.status_code == 200
    assert failure(lambda d: d.seat_map("KX7Q2M", "S1"), dcs).kind is DcsErrorKind.UNREACHABLE
    httpx.post(f"{root}/sim/faults", json={"garbage": {"count": 1, "kind": "text"}})
    httpx.post(f"{root}/sim/faults", json={"clear": True})
    dcs.seat_map("KX7Q2M", "S1")  # cleared: no garbage
    bad = httpx.post(f"{root}/sim/faults", json={"garbage": {"count": 1, "kind": "poetry"}})
    assert bad.status_code == 400
    assert "poetry" in bad.json()["error"]["message"]


def test_reset_through_the_admin_endpoint(sim: DcsSimulator, dcs: HttpDepartureControl) -> None:
    dcs.assign_seat("KX7Q2M", "S1", "P1", "30A")
    httpx.post(sim.url.removesuffix("/dcs/v1") + "/sim/reset")
    assert dcs.find_booking("KX7Q2M", "ERIKSSON").passengers[0].seat == ""


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [
        ("PUT", "/bookings/KX7Q2M/passengers/P1/document", b"{not json", (400, "bad_request")),
        ("PUT", "/bookings/KX7Q2M/passengers/P1/document", b"[1, 2]", (400, "bad_request")),
        ("PUT", "/bookings/KX7Q2M/passengers/P1/document", b'{"sex": "Q"}', (400, "bad_request")),
        ("POST", "/bookings/KX7Q2M/check-in", b'{"passenger_ids": []}', (400, "bad_request")),
        (
            "POST",
            "/bookings/KX7Q2M/passengers/P1/bags",
            b'{"weight_g": "heavy"}',
            (400, "bad_request"),
        ),
        ("DELETE", "/bookings/KX7Q2M", b"", (405, "method_not_allowed")),
        ("GET", "/bookings/KX7Q2M", b"", (400, "bad_request")),  # no surname
        ("GET", "/bookings?surname=X&date=someday", b"", (400, "bad_request")),
        ("GET", "/flights", b"", (404, "no_such_resource")),
    ],
)
def test_the_simulator_names_what_is_wrong_with_a_request(
    sim: DcsSimulator, method: str, path: str, body: bytes, expected: tuple[int, str]
) -> None:
    status, code = expected
    answer = httpx.request(
        method, sim.url + path, content=body, headers={"X-Api-Key": DEFAULT_API_KEY}
    )
    assert answer.status_code == status
    error = answer.json()["error"]
    assert error["code"] == code
    assert error["message"]


def test_an_unpaid_fee_names_the_amount(dcs: HttpDepartureControl) -> None:
    _checked_in(dcs)
    error = failure(lambda d: d.add_bag("KX7Q2M", "P1", 24_000, Money(100, "EUR")), dcs)
    assert (error.kind, error.code) == (DcsErrorKind.REFUSED, "fee_required")
    assert "7500 EUR" in error.message
