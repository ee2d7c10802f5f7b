"""The sales batch endpoint against a real HQ server, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random

import httpx
import pytest
import sqlalchemy as sa
from hq_fixtures import LANE, STORE, hq_sales
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kiosk.hq.auth import enrol_lane
from kiosk.hq.models import SaleBatch, SaleDocument
from kiosk.hq.sale_rules import sale_problems
from kiosk.hq.samples import make_sale
from kiosk.hq.server import ServerThread


def _sales(n: int, seed: int = 1, lane: str = LANE) -> list[dict]:
    rng = random.Random(seed)
    return [make_sale(STORE, lane, rng) for _ in range(n)]


def _post(server: ServerThread, token: str | None, body: object | bytes) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.post(f"{server.url}/api/v1/sales/batch", content=content, headers=headers)


def _count(engine: sa.Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_a_batch_is_accepted_once_then_reported_duplicate(hq_server, hq_engine, lane_token):
    sales = _sales(5)
    first = _post(hq_server, lane_token, {"sales": sales})
    again = _post(hq_server, lane_token, {"sales": sales})
    assert first.status_code == 200, first.text
    assert [r["status"] for r in first.json()["results"]] == ["accepted"] * 5
    assert [r["status"] for r in again.json()["results"]] == ["duplicate"] * 5
    assert [r["transaction_id"] for r in again.json()["results"]] == [
        s["transaction_id"] for s in sales
    ]
    assert hq_sales(hq_engine) == sorted((s["transaction_id"], s["totals"]["total"]) for s in sales)
    assert _count(hq_engine, "sale_line") == sum(len(s["lines"]) for s in sales)


def test_a_reused_transaction_id_with_another_document_is_rejected(
    hq_server, hq_engine, lane_token
):
    sale = _sales(1)[0]
    assert _post(hq_server, lane_token, {"sales": [sale]}).status_code == 200
    changed = json.loads(json.dumps(sale))
    changed["completed_at"] = "2026-11-22T11:59:00Z"
    result = _post(hq_server, lane_token, {"sales": [changed]}).json()["results"][0]
    assert result["status"] == "rejected"
    assert "different document" in result["reason"]
    assert _count(hq_engine, "sale") == 1


def test_a_sale_that_breaks_a_rule_refuses_the_batch_naming_the_field(
    hq_server, hq_engine, lane_token
):
    """422 (the lane splits the batch and dead-letters the bad sale alone), nothing stored."""
    good, bad, twice = _sales(3)
    bad["totals"]["total"] += 1
    response = _post(hq_server, lane_token, {"sales": [good, bad, twice, twice]})
    assert response.status_code == 422
    assert response.json()["message"].startswith("sales[1].totals.total: lines do not add up")
    assert _count(hq_engine, "sale") == 0
    results = _post(hq_server, lane_token, {"sales": [good, twice, twice]}).json()["results"]
    assert [r["status"] for r in results] == ["accepted", "accepted", "duplicate"]


def _wrong_type(sale: dict) -> dict:
    sale["totals"]["total"] = str(sale["totals"]["total"])
    return {"sales": [sale]}


def _extra_key(sale: dict) -> dict:
    sale["surprise"] = 1
    return {"sales": [sale]}


def _bad_time(sale: dict) -> dict:
    sale["completed_at"] = "yesterday"
    return {"sales": [sale]}


def _nul_in_name(sale: dict) -> dict:
    sale["lines"][0]["name"] = "Milk\x00"  # PostgreSQL cannot store NUL in text
    return {"sales": [sale]}


@pytest.mark.parametrize(
    ("mutate", "status", "error"),
    [
        (_nul_in_name, 422, "invalid_body"),
        (lambda s: b'{"sales": [', 422, "invalid_body"),
        (lambda s: b"\xff\xfe not json", 422, "invalid_body"),
        (lambda s: {"sales": []}, 422, "invalid_body"),
        (lambda s: {"sale": [s]}, 422, "invalid_body"),
        (_wrong_type, 422, "invalid_body"),
        (_extra_key, 422, "invalid_body"),
        (_bad_time, 422, "invalid_body"),
        (lambda s: {"sales": [s] * 2, "padding": "x" * (2 * 1024 * 1024)}, 413, "body_too_large"),
    ],
)
def test_malformed_bodies_are_refused_and_nothing_is_written(  # noqa: PLR0917
    hq_server, hq_engine, lane_token, mutate, status, error
):
    response = _post(hq_server, lane_token, mutate(_sales(1)[0]))
    assert response.status_code == status
    assert response.json()["error"] == error
    assert response.json()["message"]
    assert _count(hq_engine, "sale") == 0


def test_a_chunked_oversized_body_is_refused(hq_server, hq_engine, lane_token):
    def chunks():
        yield b'{"sales": ['
        for _ in range(64):
            yield b" " * 32768

    response = httpx.post(
        f"{hq_server.url}/api/v1/sales/batch",
        content=chunks(),
        headers={"Authorization": f"Bearer {lane_token}"},
    )
    assert response.status_code == 413
    assert _count(hq_engine, "sale") == 0


@pytest.mark.parametrize(
    ("token", "why"),
    [
        (None, "send 'Authorization"),
        ("x", "STORE:LANE:SECRET"),
        ("store-001:lane-01", "STORE:LANE:SECRET"),
        ("store-001:lane-01:wrong-secret", "wrong secret"),
        ("store-001:lane-99:whatever", "wrong secret"),
    ],
)
def test_wrong_credentials_are_refused(hq_server, hq_engine, lane_token, token, why):
    response = _post(hq_server, token, {"sales": _sales(1)})
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    assert why in response.json()["message"]
    assert _count(hq_engine, "sale") == 0


def test_a_lane_cannot_write_another_lanes_sales(hq_server, hq_engine, lane_token):
    other_token = enrol_lane(hq_engine, STORE, "lane-02")
    mine = _sales(1, lane="lane-02")
    theirs = _sales(1, seed=2, lane=LANE)
    response = _post(hq_server, other_token, {"sales": mine + theirs})
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"
    assert "lane-01" in response.json()["message"]
    assert _count(hq_engine, "sale") == 0


def test_re_enrolling_a_lane_revokes_its_old_secret(hq_engine):
    old = enrol_lane(hq_engine, STORE, LANE)
    new = enrol_lane(hq_engine, STORE, LANE)
    with ServerThread(hq_engine) as server:
        assert _post(server, old, {"sales": _sales(1)}).status_code == 401
        assert _post(server, new, {"sales": _sales(1)}).status_code == 200
    with hq_engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT secret_sha256 FROM lane")).scalar_one()
    assert new.split(":")[2] not in stored


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=15,
)


@settings(max_examples=200, deadline=None)
@given(
    sale=st.fixed_dictionaries(
        {},
        optional=dict.fromkeys(
            (
                "schema",
                "store_id",
                "lane_id",
                "transaction_id",
                "lines",
                "totals",
                "status",
                "currency",
                "payments",
            ),
            JSON,
        ),
    )
    | JSON
)
def test_a_garbage_sale_document_is_a_validation_error(sale):
    try:
        SaleBatch.model_validate({"sales": [sale]})
    except ValidationError:
        return
    raise AssertionError(f"accepted {sale!r}")


def test_the_contract_example_of_team_md_is_a_valid_sale():
    document = make_sale(STORE, LANE, random.Random(3))
    assert sale_problems(SaleDocument.model_validate(document)) == []
