"""``coupon.withdrawn`` and ``coupon.reinstated`` at HQ (docs/service-events.md) over HTTP
against a real HQ server on SQLite and PostgreSQL: good ones are stored and counted once,
each bad field is a 422 naming it with nothing stored (a serial or the code is refused),
and the KPIs report the coupons' savings net of the withdrawn ones, per currency (the
arithmetic is checked on hand-made sums too)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hq_calls import count, post, set_path
from hq_fixtures import LANE, STORE
from service_events import EVENTS, event

from kiosk.hq import kpis, web
from kiosk.hq.server import ServerThread

ADMIN = "admin-token-withdrawn-0123456789abcd"
EUR_30 = {"coupon_id": "store:00001", "kind": "store", "saving_minor": 30, "currency": "EUR"}
GBP_40 = {"coupon_id": "8110:0810000:654321", "kind": "8110", "saving_minor": 40,
          "currency": "GBP"}  # fmt: skip


def _mine(body: dict[str, Any]) -> dict[str, Any]:
    return {**body, "store_id": STORE, "lane_id": LANE}


def basket() -> list[dict[str, Any]]:
    """t-1: a EUR coupon accepted, withdrawn by a void, back, withdrawn again; a GBP
    coupon accepted and withdrawn as expired (after a restart); completed."""
    done = {"items": 2, "total_minor": 500, "currency": "EUR", "language": "en"}
    bodies = [
        event("transaction.started", "09:00:00"),
        event("coupon.accepted", "09:00:10", {**EUR_30}),  # each its own (set_path edits)
        event("coupon.withdrawn", "09:00:20", {**EUR_30, "reason": "requirement_not_met"}),
        event("coupon.reinstated", "09:00:30", {**EUR_30}),
        event("coupon.withdrawn", "09:00:40", {**EUR_30, "reason": "requirement_not_met"}),
        event("coupon.accepted", "09:00:50", {**GBP_40}),
        event("coupon.withdrawn", "09:01:00", {**GBP_40, "saving_minor": 35, "reason": "expired"}),
        event("transaction.completed", "09:02:00", done),
    ]
    return [_mine(b) for b in bodies]


NET = {
    "coupons_accepted": 2,
    "coupons_withdrawn": 3,
    "coupons_withdrawn_by_reason": {"expired": 1, "requirement_not_met": 2},
    "coupons_reinstated": 1,
    "coupon_savings_minor": {"EUR": 0, "GBP": 5},  # 30 - 30 + 30 - 30; 40 - 35
    "coupon_savings_withdrawn_minor": {"EUR": 60, "GBP": 35},
}


@pytest.fixture
def admin_server(hq_engine) -> Any:
    server = ServerThread(hq_engine, max_body_bytes=1024 * 1024)
    web.configure(server.server.config.app, admin_token=ADMIN)
    server.start()
    yield server
    server.stop(force=True)


def test_withdrawn_coupons_are_counted_once_and_net_the_savings(admin_server, hq_engine,
                                                                lane_token):  # fmt: skip
    events = basket()
    first = post(admin_server, lane_token, EVENTS, {"events": events})
    assert first.status_code == 200, first.text
    assert {r["status"] for r in first.json()["results"]} == {"accepted"}
    replay = post(admin_server, lane_token, EVENTS, {"events": events[2:5]})
    assert {r["status"] for r in replay.json()["results"]} == {"duplicate"}
    assert count(hq_engine, "service_event") == len(events)
    answer = httpx.get(
        f"{admin_server.url}/api/v1/kpis", headers={"Authorization": f"Bearer {ADMIN}"}
    )
    got = answer.json()["kpis"]
    assert {k: got[k] for k in NET} == NET
    page = httpx.get(f"{admin_server.url}/kpis", headers={"Authorization": f"Bearer {ADMIN}"})
    assert 'data-kpi="coupons_withdrawn">3<' in page.text
    assert 'data-kpi="coupons_reinstated">1<' in page.text
    assert 'data-kpi="coupon_savings_minor.GBP">5<' in page.text


WD, RE = 2, 3  # indexes in basket(): a withdrawn and a reinstated coupon
BAD_FIELDS = [
    ((WD, "data", "reason"), "voided", "reason"),
    ((WD, "data", "reason"), None, "reason"),
    ((WD, "data", "coupon_id"), "store:00001:00009", "coupon_id"),  # a serial
    ((WD, "data", "saving_minor"), -30, "saving_minor"),
    ((WD, "data", "kind"), "8110", "data"),  # not the kind its id names
    ((WD, "data", "serial"), "00009", "serial"),
    ((RE, "data", "reason"), "requirement_not_met", "reason"),  # reinstated has none
    ((RE, "data", "coupon_id"), "9900001000010", "coupon_id"),  # the code
    ((RE, "data", "currency"), "eur", "currency"),
]


@pytest.mark.parametrize(("where", "value", "field"), BAD_FIELDS, ids=lambda v: repr(v)[:40])
def test_each_bad_field_is_422_naming_it_and_nothing_is_stored(  # noqa: PLR0917
    hq_server, hq_engine, lane_token, where, value, field
):
    body = set_path({"events": basket()}, ("events", *where), value)
    answer = post(hq_server, lane_token, EVENTS, body)
    assert answer.status_code == 422, answer.text
    name = f"events[{where[0]}].data" + ("" if field == "data" else f".{field}")
    assert answer.json()["message"].startswith(f"{name}:"), answer.json()["message"]
    assert count(hq_engine, "service_event") == 0


@pytest.mark.parametrize(
    ("sums", "net"),
    [
        ({}, {}),
        ({("coupon_saving", "EUR"): (2, 55)}, {"EUR": 55}),
        ({("coupon_saving", "EUR"): (2, 55), ("coupon_withdrawn_saving", "EUR"): (1, 25)},
         {"EUR": 30}),
        ({("coupon_saving", "EUR"): (1, 25), ("coupon_withdrawn_saving", "EUR"): (2, 50),
          ("coupon_back_saving", "EUR"): (1, 25)}, {"EUR": 0}),
        # accepted on an earlier day, withdrawn in the range asked: negative, as it is
        ({("coupon_withdrawn_saving", "SEK"): (1, 700)}, {"SEK": -700}),
    ],
)  # fmt: skip
def test_the_savings_are_net_of_the_withdrawn_ones(sums: Any, net: Any) -> None:
    assert kpis.kpis_from(sums)["coupon_savings_minor"] == net
