"""Check-in records (airport and hotel journeys) over HTTP against a real HQ server on
SQLite and PostgreSQL: stored once, replays ``duplicate``, an id reused for other content
``rejected``; MRZ-like text anywhere (a name, the details) and a full card number are a
422 naming the field with nothing stored; another lane's record is 403; garbage never
a 5xx; the lane's own client (kiosk.sync.client) uploads them."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hq_calls import count, post, set_path
from hq_fixtures import LANE, STORE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.hq.checkins import checkins_of
from kiosk.sync.client import HqClient

CHECKINS = "/api/v1/checkins"
MRZ_LINE = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"


def checkin(n: int = 1, **changes: Any) -> dict[str, Any]:
    """A completed two-passenger airport check-in with one bag each (one paid)."""
    record: dict[str, Any] = {
        "schema": 1,
        "kind": "checkin",
        "transaction_id": f"c-{n}",
        "store_id": STORE,
        "lane_id": LANE,
        "journey": "airport_checkin",
        "reference": "KX7Q2M",
        "status": "completed",
        "started_at": "2026-12-05T09:00:00Z",
        "completed_at": "2026-12-05T09:04:10Z",
        "language": "es",
        "currency": "EUR",
        "fees_total": 6000,
        "travellers": [
            {
                "traveller_id": "P1",
                "checked_in": True,
                "seat_or_room": "12A",
                "document": {
                    "document_code": "P",
                    "issuing_state": "UTO",
                    "nationality": "UTO",
                    "expiry": "2032-04-15",
                    "number_last4": "02C3",
                },
            },
            {"traveller_id": "P2", "checked_in": True, "seat_or_room": "12B"},
        ],
        "bags": [
            {"traveller_id": "P1", "licence_plate": "0123000001", "weight_g": 18250},
            {"traveller_id": "P2", "licence_plate": "0123000002", "weight_g": 26000, "fee": 6000},
        ],
        "payments": [
            {
                "reference": "pay-1",
                "method": "card",
                "amount": 6000,
                "outcome": "approved",
                "masked_pan": "************4444",
            }
        ],
        "interventions": [
            {
                "kind": "document_expired",
                "raised_at": "2026-12-05T09:01:00Z",
                "resolved_at": "2026-12-05T09:02:00Z",
                "staff_id": "s-1",
                "resolution": "accepted",
            }
        ],
        "item_count": 2,
        "details": {"flights": [{"flight": "KX0123", "origin": "LIS", "destination": "CDG"}]},
    }
    record.update(changes)
    return record


def test_a_checkin_is_stored_once_and_a_replay_is_a_duplicate(hq_server, hq_engine, lane_token):
    first = post(hq_server, lane_token, CHECKINS, {"checkins": [checkin(1), checkin(2)]})
    assert first.status_code == 200, first.text
    assert [r["status"] for r in first.json()["results"]] == ["accepted", "accepted"]
    again = post(hq_server, lane_token, CHECKINS, {"checkins": [checkin(2), checkin(1)]})
    assert [r["status"] for r in again.json()["results"]] == ["duplicate", "duplicate"]
    rows = checkins_of(hq_engine, STORE, LANE)
    assert [(r["checkin_id"], r["travellers"], r["checked_in"], r["bags"]) for r in rows] == [
        ("c-1", 2, 2, 2),
        ("c-2", 2, 2, 2),
    ]
    assert rows[0]["fees_total"] == 6000
    assert rows[0]["reference"] == "KX7Q2M"


def test_an_id_reused_for_other_content_is_rejected(hq_server, hq_engine, lane_token):
    post(hq_server, lane_token, CHECKINS, {"checkins": [checkin(1)]})
    answer = post(hq_server, lane_token, CHECKINS, {"checkins": [checkin(1, fees_total=1)]})
    assert answer.json()["results"][0]["status"] == "rejected"
    assert count(hq_engine, "checkin") == 1


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("travellers", 0, "traveller_id"), MRZ_LINE, "traveller_id"),
        (("details", "note"), MRZ_LINE, "details"),
        (("details", "nested"), [{"x": MRZ_LINE}], "details"),
        (("travellers", 0, "document", "number_last4"), "L898902C3", "number_last4"),
        (("bags", 0, "licence_plate"), "12345", "licence_plate"),
        (("details", "card"), "5555 5555 5555 4444", "details"),
        (("status",), "lost", "status"),
        (("reference",), "kx7q2m", "reference"),
        (("fees_total",), -1, "fees_total"),
        (("unexpected",), 1, "unexpected"),
    ],
)
def test_a_bad_field_is_a_422_naming_it_and_nothing_is_stored(  # noqa: PLR0917
    hq_server, hq_engine, lane_token, path, value, field
):
    bad = set_path(copy.deepcopy(checkin(1)), path, value)
    answer = post(hq_server, lane_token, CHECKINS, {"checkins": [checkin(2), bad]})
    assert answer.status_code == 422, answer.text
    assert field in answer.text
    assert MRZ_LINE not in answer.text
    assert count(hq_engine, "checkin") == 0


def test_another_lanes_checkin_is_403(hq_server, hq_engine, lane_token):
    answer = post(hq_server, lane_token, CHECKINS, {"checkins": [checkin(1, lane_id="other")]})
    assert answer.status_code == 403
    assert count(hq_engine, "checkin") == 0


@settings(max_examples=25, suppress_health_check=list(HealthCheck))
@given(
    body=st.recursive(
        st.none() | st.integers() | st.text(max_size=40),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=10), c, max_size=4),
        max_leaves=20,
    )
)
def test_garbage_is_never_a_5xx(hq_server, lane_token, body):
    answer = post(hq_server, lane_token, CHECKINS, {"checkins": [body]})
    assert answer.status_code in (422, 400, 403), answer.text


def test_the_lanes_client_uploads_checkins(hq_server, hq_engine, lane_token):

    client = HqClient(hq_server.url, lane_token)
    try:
        results = client.upload("checkin", [json.dumps(checkin(7))])
    finally:
        client.close()
    assert [r["status"] for r in results] == ["accepted"]
    assert [r["checkin_id"] for r in checkins_of(hq_engine, STORE, LANE)] == ["c-7"]
