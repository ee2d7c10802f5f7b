"""Coupon service events at HQ (docs/service-events.md): ``coupon.accepted`` and
``coupon.refused`` over HTTP against a real HQ server on SQLite and PostgreSQL. Good ones
are stored once and counted once (a replay is ``duplicate`` and adds nothing); each bad
field is a 422 naming it with nothing of the batch stored (a serial or the scanned code
is refused, not stored); garbage in any coupon field never gives a server error; the
KPIs count them by kind and reason, the savings per currency, and refusals per 100
transactions (the hand-made day of tests/hq/service_events.py has them too)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hq_calls import count, post, set_path
from hq_fixtures import LANE, STORE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from service_events import EVENTS, event

from kiosk.cli import main
from kiosk.domain.checkout.coupons import COUPON_REFUSALS
from kiosk.hq import kpis, web
from kiosk.hq.event_models import ServiceEvent
from kiosk.hq.server import ServerThread

ADMIN = "admin-token-coupons-0123456789abcdef"
ACCEPTED = {"coupon_id": "8110:0810000:654321", "kind": "8110", "saving_minor": 25,
            "currency": "EUR"}  # fmt: skip


def _mine(body: dict[str, Any]) -> dict[str, Any]:
    return {**body, "store_id": STORE, "lane_id": LANE}


def coupon_day() -> list[dict[str, Any]]:
    """A coupon refused before any basket opened; t-1 completed with 2 coupons accepted
    (0.25 and 0.30 EUR off) and 2 refused; t-2 abandoned after 1 refused."""
    done = {"items": 2, "total_minor": 500, "currency": "EUR", "language": "en"}
    store = {"coupon_id": "store:00001", "kind": "store", "saving_minor": 30, "currency": "EUR"}
    bodies = [
        event("coupon.refused", "09:00:00", {"reason": "scan_items_first"}, tid=None),
        event("transaction.started", "09:00:10"),
        event("coupon.accepted", "09:00:20", ACCEPTED),
        event("coupon.refused", "09:00:25", {"reason": "twice"}),
        event("coupon.accepted", "09:00:30", store),
        event("coupon.refused", "09:00:35", {"reason": "not_now"}),
        event("transaction.completed", "09:01:00", done),
        event("transaction.started", "09:02:00", tid="t-2"),
        event("coupon.refused", "09:02:10", {"reason": "unreadable"}, tid="t-2"),
        event("transaction.abandoned", "09:03:00", {"reason": "cancelled"}, tid="t-2"),
    ]
    return [_mine(b) for b in bodies]


COUPON_KPIS = {
    "coupons_accepted": 2,
    "coupons_accepted_by_kind": {"8110": 1, "store": 1},
    "coupons_refused": 4,
    "coupons_refused_by_reason": {"not_now": 1, "scan_items_first": 1, "twice": 1,
                                  "unreadable": 1},
    "coupon_acceptance_rate": 0.3333,
    "coupon_savings_minor": {"EUR": 55},
    "coupon_refusals_per_100": 200.0,  # 4 refusals in 2 transactions
}  # fmt: skip


@pytest.fixture
def admin_server(hq_engine) -> Any:
    server = ServerThread(hq_engine, max_body_bytes=1024 * 1024)
    web.configure(server.server.config.app, admin_token=ADMIN)
    server.start()
    yield server
    server.stop(force=True)


def _kpis(server: ServerThread) -> dict[str, Any]:
    answer = httpx.get(
        f"{server.url}/api/v1/kpis", headers={"Authorization": f"Bearer {ADMIN}"}, timeout=30
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["kpis"]


def test_coupon_events_are_counted_once_over_http(admin_server, hq_engine, lane_token):
    events = coupon_day()
    first = post(admin_server, lane_token, EVENTS, {"events": events})
    assert first.status_code == 200, first.text
    assert {r["status"] for r in first.json()["results"]} == {"accepted"}
    replay = post(admin_server, lane_token, EVENTS, {"events": events[2:6]})
    assert {r["status"] for r in replay.json()["results"]} == {"duplicate"}
    assert count(hq_engine, "service_event") == len(events)

    got = _kpis(admin_server)
    assert {k: got[k] for k in COUPON_KPIS} == COUPON_KPIS
    assert got["transactions"] == 2


def test_the_cli_prints_the_coupon_kpis(admin_server, hq_engine, lane_token, hq_url, capsys):
    post(admin_server, lane_token, EVENTS, {"events": coupon_day()})
    assert main(["hq", "--database-url", hq_url, "kpis", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)["kpis"]
    assert {k: printed[k] for k in COUPON_KPIS} == COUPON_KPIS
    assert main(["hq", "--database-url", hq_url, "kpis"]) == 0
    out = capsys.readouterr().out.splitlines()
    lines = dict(line.split(None, 1) for line in out)
    by_reason = COUPON_KPIS["coupons_refused_by_reason"]
    assert json.loads(lines["coupons_refused_by_reason"]) == by_reason
    assert lines["coupon_refusals_per_100"] == "200.0"


ACC, REF = 2, 3  # indexes in coupon_day(): an accepted and a refused coupon
BAD_FIELDS = [
    ((ACC, "data", "coupon_id"), "8110:0810000:654321:123456789", "coupon_id"),  # a serial
    ((ACC, "data", "coupon_id"), "store:00001:00009", "coupon_id"),
    ((ACC, "data", "coupon_id"), "]e08110106141411234562891", "coupon_id"),  # the code
    ((ACC, "data", "coupon_id"), "8110:" + "9" * 40 + ":654321", "coupon_id"),
    ((ACC, "data", "coupon_id"), "store:0000\x01", "coupon_id"),
    ((ACC, "data", "coupon_id"), "", "coupon_id"),
    ((ACC, "data", "kind"), "paper", "kind"),
    ((ACC, "data", "kind"), "store", "data"),  # not the kind its id names
    ((ACC, "data", "saving_minor"), -1, "saving_minor"),
    ((ACC, "data", "saving_minor"), "25", "saving_minor"),
    ((ACC, "data", "saving_minor"), 2.5, "saving_minor"),
    ((ACC, "data", "saving_minor"), 10**10, "saving_minor"),
    ((ACC, "data", "currency"), "eur", "currency"),
    ((ACC, "data", "serial"), "123456789", "serial"),  # unknown keys are refused
    ((ACC, "data", "code"), "9900001000010", "code"),
    ((REF, "data", "reason"), "bored", "reason"),
    ((REF, "data", "reason"), "EXPIRED", "reason"),
    ((REF, "data", "reason"), None, "reason"),
    ((REF, "data", "coupon_id"), "store:00001", "coupon_id"),
]


@pytest.mark.parametrize(("where", "value", "field"), BAD_FIELDS, ids=lambda v: repr(v)[:40])
def test_each_bad_coupon_field_is_422_naming_it_and_nothing_is_stored(  # noqa: PLR0917
    hq_server, hq_engine, lane_token, where, value, field
):
    body = set_path({"events": coupon_day()}, ("events", *where), value)
    answer = post(hq_server, lane_token, EVENTS, body)
    assert answer.status_code == 422, answer.text
    name = f"events[{where[0]}].data" + ("" if field == "data" else f".{field}")
    assert answer.json()["message"].startswith(f"{name}:"), answer.json()["message"]
    assert count(hq_engine, "service_event") == 0


def test_a_refused_coupon_without_its_reason_is_422(hq_server, hq_engine, lane_token):
    events = coupon_day()
    events[REF] = {**events[REF], "data": {}}
    answer = post(hq_server, lane_token, EVENTS, {"events": events})
    assert answer.status_code == 422
    assert answer.json()["message"].startswith(f"events[{REF}].data.reason:")
    assert count(hq_engine, "service_event") == 0


def test_every_reason_the_lane_can_give_is_taken():
    adapter = TypeAdapter(ServiceEvent)
    for reason in COUPON_REFUSALS:
        adapter.validate_python(_mine(event("coupon.refused", "09:00:00", {"reason": reason})))


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
_KEYS = st.sampled_from(["coupon_id", "kind", "saving_minor", "currency", "reason", "serial"])


@settings(max_examples=300, deadline=None)
@given(index=st.sampled_from([ACC, REF]), key=_KEYS, value=_json)
def test_garbage_in_coupon_data_is_a_validation_error_and_nothing_else(index, key, value):
    body = coupon_day()[index]
    body = {**body, "data": {**body["data"], key: value}}
    try:
        parsed = TypeAdapter(ServiceEvent).validate_python(body)
    except ValidationError:
        return
    assert parsed.data.model_dump() == body["data"]  # taken only as it came


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(index=st.sampled_from([ACC, REF]), key=_KEYS, value=_json)
def test_garbage_in_coupon_data_never_gives_a_server_error(
    hq_server, lane_token, index, key, value
):
    events = coupon_day()
    events[index] = {**events[index], "data": {**events[index]["data"], key: value}}
    answer = post(hq_server, lane_token, EVENTS, {"events": events})
    assert answer.status_code in (200, 422), answer.text
    json.loads(answer.text)


def test_savings_are_kept_per_currency_and_rates_need_something_to_measure():
    sums = {
        ("coupon_accepted", "8112"): (2, 150),
        ("coupon_saving", "EUR"): (1, 100),
        ("coupon_saving", "USD"): (1, 50),
    }
    got = kpis.kpis_from(sums)
    assert got["coupon_savings_minor"] == {"EUR": 100, "USD": 50}
    assert got["coupon_acceptance_rate"] == 1.0
    assert got["coupon_refusals_per_100"] is None  # no transaction ended
    empty = kpis.kpis_from({})
    assert (empty["coupons_accepted"], empty["coupon_acceptance_rate"]) == (0, None)
    assert empty["coupon_savings_minor"] == {}
