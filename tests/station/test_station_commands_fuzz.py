"""What the station takes about commands, fuzzed against a real server: remote-help
requests from a signed-in page and lanes' results in their reports. Garbage gets a 4xx
that names the field (never a 500, never a queued command); the checks are the
station's, the lane checks again."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from station_fixtures import KEY, LANE_HEADERS, StaffClient, station_staff

from kiosk.station.server import StationServer

REPORT = {
    "state": "open",
    "journey": "self_checkout",
    "step": "scanning",
    "items": 0,
    "total": "0.00",
    "currency": "EUR",
    "last_touch_s": 1.0,
}


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StationServer]:
    folder = tmp_path_factory.mktemp("station")
    station_staff(folder)
    with StationServer(folder, key=KEY) as server:
        httpx.post(f"{server.url}/api/lanes/lane-01/report", json=REPORT, headers=LANE_HEADERS)
        yield server


@pytest.fixture(scope="module")
def sam(station: StationServer) -> Iterator[StaffClient]:
    client = StaffClient(station.url, "sam")
    yield client
    client.close()


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=30),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
fields = st.sampled_from(
    ["kind", "alert_id", "approved", "item_code", "price_minor", "line_no", "quantity", "reason"]
)
kinds = st.sampled_from(["resolve", "void_line", "suspend", "nonsense", "", "on_my_way"])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=st.dictionaries(fields, json_values) | st.dictionaries(fields, kinds))
def test_garbage_remote_requests_get_a_clear_refusal(
    station: StationServer, sam: StaffClient, body: dict
) -> None:
    before = len(station.board.commands_after("lane-01", 0))
    answer = sam.remote("lane-01", **body)
    assert answer.status_code in (200, 409, 422), answer.text
    if answer.status_code == 422:
        assert answer.json()["problems"][0]["field"]
    if answer.status_code != 200:
        assert len(station.board.commands_after("lane-01", 0)) == before


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    results=st.lists(
        st.dictionaries(st.sampled_from(["id", "ok", "message", "took_s"]), json_values), max_size=3
    )
)
def test_garbage_results_from_a_lane_are_refused(station: StationServer, results: list) -> None:
    answer = httpx.post(
        f"{station.url}/api/lanes/lane-01/report",
        json={**REPORT, "results": results},
        headers=LANE_HEADERS,
    )
    assert answer.status_code in (200, 422), answer.text


def test_a_refused_kind_and_an_unknown_lane_are_named(sam: StaffClient) -> None:
    assert sam.remote("lane-01", kind="on_my_way").status_code == 422
    no_alert = sam.remote("lane-01", kind="resolve")
    assert no_alert.status_code == 409
    assert "alert_id" in no_alert.json()["error"]
    unknown = sam.remote("lane-99", kind="suspend")
    assert unknown.status_code == 409
    assert "lane-99 has not reported" in unknown.json()["error"]
    assert (
        httpx.post(sam.http.base_url.join("/api/lanes/lane-01/commands"), json={}).status_code
        == 401
    )
