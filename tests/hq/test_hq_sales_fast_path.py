"""The sales upload's fast path (kiosk.hq.fast_ingest) against the model path it shortcuts.

The fast path may only ever answer what the model path would: the same bytes for a clean
batch, and for anything else it must step aside so every error stays word for word the
model path's. Two real HQ servers get the same requests in the same order, one with the
fast path on, one with it off, and their answers are compared; hypothesis garbage checks
that whatever the fast path accepts the models accept, with the same stored JSON.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from hq_fixtures import BACKENDS, LANE, STORE, make_hq_url
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kiosk.hq import fast_ingest, pg_copy, web
from kiosk.hq.auth import LaneIdentity, enrol_lane
from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.models import SaleBatch, SaleDocument
from kiosk.hq.sale_rules import adds_up, sale_problems
from kiosk.hq.sales import canonical_json, store_batch
from kiosk.hq.samples import make_sale
from kiosk.hq.server import ServerThread

JSON = "application/json"


def _sales(n: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [make_sale(STORE, LANE, rng) for _ in range(n)]


def _body(sales: Any, **dumps: Any) -> bytes:
    return json.dumps({"sales": sales}, **dumps).encode()


def _changed(sale: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(sale)
    node = out
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return out


_DELETE = object()


def _corpus() -> list[tuple[str, bytes, str]]:
    """(what, body, content type): clean batches, replays and bad inputs, in the order
    they are sent (the clean ones change what the later ones find stored)."""
    sale, other, third = _sales(3, seed=7)
    named = _changed(sale, ("lines", 0, "name"), 'Käse "fein" \\ 1/2 ✓ 😀')
    named["transaction_id"] = "named-1"
    cases: list[tuple[str, Any, str]] = [
        ("clean", _body([sale, other]), JSON),
        ("replay", _body([sale, other]), JSON),
        ("conflict", _body([_changed(sale, ("payments", 0, "brand"), "MC")]), JSON),
        ("in-batch duplicate", _body([third, third]), JSON),
        ("in-batch conflict", _body([_changed(third, ("currency",), "USD"), third]), JSON),
        ("non-ASCII raw", _body([named], ensure_ascii=False), JSON),
        # json.dumps escapes the emoji as a surrogate pair: the fast path steps aside.
        ("non-ASCII escaped replay", _body([named]), JSON),
        (
            "escaped Latin-1",
            _body([_changed(_sales(1, 29)[0], ("lines", 0, "name"), "Größe")]),
            JSON,
        ),
        ("charset in content type", _body(_sales(1, 30)), "application/json; charset=utf-8"),
        ("no content type", _body(_sales(1, 31)), ""),
        ("text/plain", _body(_sales(1, 32)), "text/plain"),
        ("not JSON", b"{not json", JSON),
        ("empty body", b"", JSON),
        ("BOM", b"\xef\xbb\xbf" + _body(_sales(1, 33)), JSON),
        ("NaN", _body(_sales(1, 34)).replace(b'"deposit": 0', b'"deposit": NaN', 1), JSON),
        ("a list", b"[]", JSON),
        ("no sales", _body([]), JSON),
        ("unknown top key", json.dumps({"sales": _sales(1, 35), "x": 1}).encode(), JSON),
        ("schema_ by name", _body([_changed(sale, ("schema",), _DELETE) | {"schema_": 1}]), JSON),
        ("schema 2", _body([_changed(sale, ("schema",), 2)]), JSON),
        ("schema true", _body([_changed(sale, ("schema",), True)]), JSON),
        ("unknown key", _body([_changed(sale, ("lines", 0, "colour"), "red")]), JSON),
        ("missing key", _body([_changed(sale, ("totals", "net"), _DELETE)]), JSON),
        ("float amount", _body([_changed(sale, ("lines", 0, "amount"), 1.0)]), JSON),
        ("string amount", _body([_changed(sale, ("lines", 0, "amount"), "1")]), JSON),
        ("bool quantity", _body([_changed(sale, ("lines", 0, "quantity"), True)]), JSON),
        ("negative price", _body([_changed(sale, ("lines", 0, "unit_price"), -1)]), JSON),
        ("huge int", _body([_changed(sale, ("totals", "total"), 10**30)]), JSON),
        ("null sku", _body([_changed(sale, ("lines", 0, "sku"), None)]), JSON),
        ("long name", _body([_changed(sale, ("lines", 0, "name"), "x" * 201)]), JSON),
        ("empty tid", _body([_changed(sale, ("transaction_id",), "")]), JSON),
        ("bad store id", _body([_changed(sale, ("store_id",), "-x")]), JSON),
        ("bad currency", _body([_changed(sale, ("currency",), "eur")]), JSON),
        ("bad gtin", _body([_changed(sale, ("lines", 0, "gtin"), "123")]), JSON),
        ("bad rate", _body([_changed(sale, ("lines", 0, "tax_rate"), "1.23456")]), JSON),
        ("bad status", _body([_changed(sale, ("status",), "voided")]), JSON),
        ("month 13", _body([_changed(sale, ("started_at",), "2026-13-01T10:00:00Z")]), JSON),
        ("no Z", _body([_changed(sale, ("started_at",), "2026-11-22T10:00:00")]), JSON),
        ("newline", _body([_changed(sale, ("lines", 0, "name"), "a\nb")]), JSON),
        ("NUL", _body([_changed(sale, ("lines", 0, "name"), "a\x00b")]), JSON),
        (
            "C1 raw",
            _body([_changed(sale, ("lines", 0, "name"), "a\x85b")], ensure_ascii=False),
            JSON,
        ),
        ("DEL", _body([_changed(sale, ("lines", 0, "name"), "a\x7fb")], ensure_ascii=False), JSON),
        ("lone surrogate", _body([sale]).replace(b"Bananas", b"Ban\\ud800as"), JSON),
        (
            "card number in a reason",
            _body([_changed(sale, ("lines", 0, "price_override_reason"), "4111 1111 1111 1111")]),
            JSON,
        ),
        (
            "card number as brand",
            _body([_changed(sale, ("payments", 0, "brand"), "4111111111111111")]),
            JSON,
        ),
        (
            "unmasked pan",
            _body([_changed(sale, ("payments", 0, "masked_pan"), "411111******11111111")]),
            JSON,
        ),
        (
            "MRZ-ish reason is fine for sales",
            _body(
                [
                    _changed(
                        _sales(1, 36)[0],
                        ("lines", 0, "price_override_reason"),
                        "P<UTOERIKSSON<<ANNA",
                    )
                ]
            ),
            JSON,
        ),
        ("wrong total", _body([_changed(sale, ("totals", "total"), 1)]), JSON),
        ("wrong amount", _body([_changed(sale, ("lines", 0, "amount"), 1)]), JSON),
        ("unpaid", _body([_changed(sale, ("payments", 0, "outcome"), "declined")]), JSON),
        ("time travel", _body([_changed(sale, ("completed_at",), "2020-01-01T00:00:00Z")]), JSON),
        ("other lane", _body([_changed(_sales(1, 37)[0], ("lane_id",), "lane-02")]), JSON),
        ("second sale bad", _body([_sales(1, 38)[0], _changed(sale, ("totals", "tax"), 0)]), JSON),
        (
            "audit details with a float",
            _body([_changed(_sales(1, 39)[0], ("audit",), [_audit({"weight": 1e20, "n": 1})])]),
            JSON,
        ),
        (
            "audit details clean",
            _body([_changed(_sales(1, 40)[0], ("audit",), [_audit({"ok": True, "n": [1, "a"]})])]),
            JSON,
        ),
        (
            "audit details with a card number",
            _body([_changed(_sales(1, 41)[0], ("audit",), [_audit({"pan": "4111111111111111"})])]),
            JSON,
        ),
        ("1001 sales", _body(_sales(1, 42) * 1001), JSON),
        # Enough rows for PostgreSQL's COPY path; backslashes and quotes in the text.
        ("60 sales", _body([_quoted(s) for s in _sales(60, 43)]), JSON),
    ]
    return cases


def _quoted(sale: dict[str, Any]) -> dict[str, Any]:
    out = _changed(sale, ("lines", 0, "name"), 'Back\\slash \\N "q" \\t')
    return _changed(out, ("lines", 0, "sku"), "a\\b")


def _audit(details: dict[str, Any]) -> dict[str, Any]:
    return {"at": "2026-11-22T10:30:00Z", "action": "price_override", "details": details}


@dataclass
class Hq:
    server: ServerThread
    engine: sa.Engine
    token: str

    def send(self, body: bytes, content_type: str = JSON) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}"}
        if content_type:
            headers["Content-Type"] = content_type
        url = f"{self.server.url}/api/v1/sales/batch"
        return httpx.post(url, content=body, headers=headers, timeout=60)

    def stored(self) -> list[tuple[Any, ...]]:
        """Every stored sale and line (documents and hashes included), in a fixed order."""
        with self.engine.connect() as conn:
            sales = conn.execute(
                sa.text(
                    "SELECT transaction_id, status, total, document_sha256, document FROM sale "
                    "ORDER BY transaction_id"
                )
            ).all()
            lines = conn.execute(
                sa.text(
                    "SELECT s.transaction_id, l.line_no, l.sku, l.gtin, l.quantity, "
                    "l.weight_g, l.unit_price, l.amount, l.tax_class, l.tax, l.voided "
                    "FROM sale_line l JOIN sale s ON s.id = l.sale_id ORDER BY 1, 2"
                )
            ).all()
        return [tuple(r) for r in sales] + [tuple(r) for r in lines]


@pytest.fixture(params=BACKENDS)
def twin(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Hq, Hq]]:
    """Two real HQ servers on two fresh databases of the same backend."""
    made = []
    for name in ("model", "fast"):
        folder = tmp_path / name
        folder.mkdir()
        engine = create_engine(make_hq_url(request.param, folder, request), pool_size=5)
        upgrade(engine)
        token = enrol_lane(engine, STORE, LANE)
        server = ServerThread(engine, max_body_bytes=4 * 1024 * 1024).start()
        made.append(Hq(server, engine, token))
    yield made[0], made[1]
    for hq in made:
        hq.server.stop(force=True)
        hq.engine.dispose()


def test_both_paths_give_the_same_answers_word_for_word(twin, monkeypatch):
    model, fast = twin
    answered_fast = []
    for what, body, content_type in _corpus():
        monkeypatch.setattr(fast_ingest, "ENABLED", False)
        expected = model.send(body, content_type)
        monkeypatch.setattr(fast_ingest, "ENABLED", True)
        before = fast_ingest.counts["fast"]
        got = fast.send(body, content_type)
        if fast_ingest.counts["fast"] > before:
            answered_fast.append(what)
        assert (got.status_code, got.content) == (expected.status_code, expected.content), what
        assert got.headers["content-type"] == expected.headers["content-type"], what
    # The comparison means something only if the fast path did answer the clean batches.
    assert answered_fast == [
        "clean",
        "replay",
        "conflict",
        "in-batch duplicate",
        "in-batch conflict",
        "non-ASCII raw",
        "escaped Latin-1",
        "MRZ-ish reason is fine for sales",
        "audit details clean",
        "60 sales",
    ]
    assert fast.stored() == model.stored()


def test_a_sale_stored_by_the_model_path_replays_as_duplicate_on_the_fast_path(
    hq_server, hq_engine, lane_token, monkeypatch
):
    """Replays are found by the SHA-256 of the stored JSON: both paths must write the same."""
    hq = Hq(hq_server, hq_engine, lane_token)
    body = _body([_quoted(s) for s in _sales(3, 50)], ensure_ascii=False)
    monkeypatch.setattr(fast_ingest, "ENABLED", False)
    assert {r["status"] for r in hq.send(body).json()["results"]} == {"accepted"}
    monkeypatch.setattr(fast_ingest, "ENABLED", True)
    before = fast_ingest.counts["fast"]
    assert {r["status"] for r in hq.send(body).json()["results"]} == {"duplicate"}
    assert fast_ingest.counts["fast"] == before + 1


# A sale of every optional part, and its stored JSON as HQ has always written it (the
# model's field order, compact, UTF-8): this text's SHA-256 is what replays are compared
# by, so a change of either path's encoder must fail here, not in a lane's dead letters.
_PINNED_SALE = {
    "schema": 1,
    "store_id": "store-001",
    "lane_id": "lane-01",
    "transaction_id": "t-pinned",
    "started_at": "2026-11-22T10:00:00.5Z",
    "completed_at": "2026-11-22T10:01:00Z",
    "currency": "EUR",
    "status": "completed",
    "lines": [
        {
            "line_no": 1,
            "sku": "4011",
            "plu": "4011",
            "name": 'Bananen "bio" \\ Größe ✓',
            "quantity": 1,
            "weight_g": 1250,
            "unit_price": 199,
            "amount": 249,
            "tax_class": "reduced",
            "tax_rate": "10",
            "tax": 22,
            "price_override_reason": "damaged",
        },
        {
            "voided": True,
            "line_no": 2,
            "sku": "1001",
            "gtin": "05410188031430",
            "name": "Water",
            "quantity": 2,
            "unit_price": 89,
            "amount": 178,
            "tax_class": "standard",
            "tax_rate": "21",
            "tax": 0,
            "deposit": 25,
        },
    ],
    "totals": {"net": 227, "tax": 22, "deposit": 0, "total": 249, "item_count": 1},
    "tax_summary": [{"tax_class": "reduced", "rate": "10", "net": 227, "tax": 22, "gross": 249}],
    "payments": [
        {"reference": "p-1", "method": "card", "amount": 249, "outcome": "approved"},
        {"reference": "p-0", "method": "card", "amount": 249, "outcome": "declined"},
    ],
    "interventions": [{"kind": "weight", "raised_at": "2026-11-22T10:00:30Z", "resolution": "ok"}],
    "audit": [{"at": "2026-11-22T10:00:40Z", "action": "override", "details": {"b": [1, "x"]}}],
}
_PINNED_SHA256 = "fcab9706c4ee040b087e6973594e84f8e8e44a1e2217394a20fa0583fbbdcc00"


def test_the_stored_json_of_a_sale_is_pinned_and_the_same_on_both_paths():
    body = _body([_PINNED_SALE], ensure_ascii=False)
    model = SaleBatch.model_validate(json.loads(body)).sales[0]
    fast = fast_ingest.decode(body)
    assert fast is not None
    assert sale_problems(model) == []
    (encoded,) = fast_ingest.encode(fast.sales)
    text = canonical_json(model)
    assert encoded.values[-1] == text
    assert encoded.sha256 == hashlib.sha256(text.encode()).hexdigest() == _PINNED_SHA256


def test_timings_are_kept_by_hq_and_read_with_the_admin_token(hq_engine, lane_token):
    server = ServerThread(hq_engine, max_body_bytes=1024 * 1024)
    web.configure(server.server.config.app, admin_token="admin-secret-123")
    with server:
        url = f"{server.url}/api/v1/timings"
        assert httpx.get(url).status_code == 401
        assert httpx.get(url, headers={"Authorization": f"Bearer {lane_token}"}).status_code == 401
        hq = Hq(server, hq_engine, lane_token)
        assert hq.send(_body(_sales(2, 60))).status_code == 200
        assert hq.send(b"{").status_code == 422
        reading = httpx.get(url, headers={"Authorization": "Bearer admin-secret-123"}).json()
    sales = reading["routes"]["POST /api/v1/sales/batch"]
    assert sales["count"] == 2
    assert sum(sales["buckets"].values()) == 2
    assert reading["steps_per_doubling"] == 16
    assert {"fast", "declined"} <= set(reading["fast_sales"])


def test_the_timings_are_off_without_an_admin_token(hq_server):
    assert httpx.get(f"{hq_server.url}/api/v1/timings").status_code == 404


# -- hypothesis: whatever the fast path accepts, the models accept, with the same JSON --

_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(
        ["", "2026-11-22T10:00:00Z", "2026-02-30T10:00:00Z", "EUR", "4111111111111111"]
    ),
)
_VALUE = st.recursive(
    _LEAF,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            found += _paths(value, (*prefix, n))
    return found


@st.composite
def _mutated_bodies(draw: st.DrawFn) -> bytes:
    sales = _sales(draw(st.integers(1, 3)), seed=draw(st.integers(0, 50)))
    for _ in range(draw(st.integers(0, 3))):
        n = draw(st.integers(0, len(sales) - 1))
        path = draw(st.sampled_from(_paths(sales[n])))
        choice = draw(st.sampled_from(["value", "delete", "extra", "nudge"]))
        if choice == "delete":
            sales[n] = _changed(sales[n], path, _DELETE)
        elif choice == "extra" and isinstance(path[-1], str):
            sales[n] = _changed(sales[n], (*path[:-1], draw(st.text(max_size=8))), 1)
        elif choice == "nudge":
            node: Any = sales[n]
            for key in path:
                node = node[key]
            if isinstance(node, int) and not isinstance(node, bool):
                sales[n] = _changed(sales[n], path, node + draw(st.integers(-2, 2)))
        else:
            sales[n] = _changed(sales[n], path, draw(_VALUE))
    try:
        return _body(sales, ensure_ascii=draw(st.booleans()))
    except (TypeError, ValueError):
        return b"{"


def _agree(body: bytes) -> None:
    fast = fast_ingest.decode(body)
    try:
        model = SaleBatch.model_validate(json.loads(body))
    except (ValueError, ValidationError):  # json.JSONDecodeError is a ValueError
        assert fast is None
        return
    if fast is None:
        return  # in doubt: the model path answers
    assert len(fast.sales) == len(model.sales)
    for fast_sale, encoded, model_sale in zip(
        fast.sales, fast_ingest.encode(fast.sales), model.sales, strict=True
    ):
        assert encoded.values[-1] == canonical_json(model_sale)
        assert adds_up(fast_sale) == adds_up(model_sale) == (not sale_problems(model_sale))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_bodies())
def test_what_the_fast_path_accepts_the_models_accept_with_the_same_json(body):
    _agree(body)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200) | _VALUE.map(lambda v: json.dumps({"sales": [v]}).encode()))
def test_garbage_never_passes_the_fast_path_alone(body):
    _agree(body)


_RULE_FIELDS = (
    ("lines", 0, "amount"),
    ("lines", 0, "quantity"),
    ("lines", 0, "unit_price"),
    ("lines", 0, "tax"),
    ("lines", 0, "deposit"),
    ("lines", 0, "line_no"),
    ("lines", 1, "amount"),
    ("lines", 1, "tax"),
    ("lines", 1, "deposit"),
    ("totals", "net"),
    ("totals", "tax"),
    ("totals", "deposit"),
    ("totals", "total"),
    ("totals", "item_count"),
    ("payments", 0, "amount"),
    ("tax_summary", 0, "net"),
    ("tax_summary", 0, "tax"),
    ("tax_summary", 0, "gross"),
)


@st.composite
def _rule_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A sale that adds up (some lines weighed, voided, with deposits; a tax summary),
    then 0-2 of its numbers nudged, a line voided or the status changed."""
    sale = _sales(1, seed=draw(st.integers(0, 1000)))[0]
    sale["lines"] = [copy.deepcopy(x) for x in sale["lines"][:1] * 2 + sale["lines"][1:]]
    for n, line in enumerate(sale["lines"]):
        line["line_no"] = n + 1
        if draw(st.booleans()):
            line.update(quantity=1, weight_g=draw(st.integers(1, 5000)))
            line["amount"] = (line["unit_price"] * line["weight_g"] + 500) // 1000
        line["voided"] = n > 0 and draw(st.integers(0, 4)) == 0
        line["tax"] = 0
    active = [line for line in sale["lines"] if not line["voided"]]
    taxes = {}
    for line in active:
        line["tax"] = line["amount"] * int(line["tax_rate"]) // (100 + int(line["tax_rate"]))
        taxes.setdefault(line["tax_class"], [line["tax_rate"], 0, 0])
        taxes[line["tax_class"]][1] += line["amount"] - line["tax"]
        taxes[line["tax_class"]][2] += line["tax"]
    total = sum(line["amount"] for line in active)
    tax = sum(line["tax"] for line in active)
    sale["totals"] = {
        "net": total - tax,
        "tax": tax,
        "deposit": 0,
        "total": total,
        "item_count": sum(line["quantity"] for line in active),
    }
    sale["payments"][0]["amount"] = total
    if draw(st.booleans()):
        sale["tax_summary"] = [
            {"tax_class": k, "rate": r, "net": net, "tax": t, "gross": net + t}
            for k, (r, net, t) in taxes.items()
        ]
    for _ in range(draw(st.integers(0, 2))):
        path = draw(st.sampled_from(_RULE_FIELDS))
        try:
            node: Any = sale
            for key in path:
                node = node[key]
        except (IndexError, KeyError):
            continue
        sale = _changed(sale, path, max(1, node + draw(st.integers(-3, 3))))
    if draw(st.integers(0, 5)) == 0:
        sale["lines"][-1]["voided"] = not sale["lines"][-1]["voided"]
    if draw(st.integers(0, 5)) == 0:
        sale["status"] = "cancelled"
    return sale


@settings(max_examples=300, deadline=None)
@given(_rule_cases())
def test_the_one_pass_rules_agree_with_the_named_rules(sale):
    model = SaleDocument.model_validate(sale)
    fast = fast_ingest.decode(_body([sale]))
    assert fast is not None
    expected = not sale_problems(model)
    assert adds_up(model) == adds_up(fast.sales[0]) == expected


@pytest.mark.postgres
def test_a_sale_stored_between_the_look_up_and_the_copy_is_written_again_safely(
    request, tmp_path, monkeypatch
):
    """PostgreSQL's COPY path looks up what is stored, then COPYs the rest: a concurrent
    request storing one of them in between makes the COPY fail; the batch is then written
    again with INSERT ... ON CONFLICT and the stored sale is reported, not lost or doubled."""
    engine = create_engine(make_hq_url("postgres", tmp_path, request), pool_size=2)
    upgrade(engine)
    try:
        who = LaneIdentity(STORE, LANE)
        documents = [SaleDocument.model_validate(s) for s in _sales(60, 70)]
        assert {r.status for r in store_batch(engine, who, documents[:1])} == {"accepted"}
        real = pg_copy.look_up
        calls = []

        def stale(conn, store_id, lane_id, tids):  # as if read before the other commit
            calls.append(len(tids))
            stored, new = real(conn, store_id, lane_id, tids)
            if len(calls) == 1:
                new.update((tid, 10_000 + n) for n, tid in enumerate(stored))
                stored = {}
            return stored, new

        monkeypatch.setattr(pg_copy, "look_up", stale)
        results = store_batch(engine, who, documents)
        assert calls == [60]  # the second write did not use the COPY look-up
        assert [r.status for r in results] == ["duplicate"] + ["accepted"] * 59
        with engine.connect() as conn:
            count = conn.execute(sa.text("SELECT count(*) FROM sale")).scalar_one()
            lines = conn.execute(sa.text("SELECT count(*) FROM sale_line")).scalar_one()
        assert (count, lines) == (60, sum(len(d.lines) for d in documents))
    finally:
        engine.dispose()
