"""Discounted sales (``totals.savings`` and ``discounts``, issue 15) on the sales upload's
fast path (kiosk.hq.fast_ingest) against the model path.

The fast path must accept exactly the documents the models and sale rules accept, store
the same rows and canonical JSON (so the same SHA-256: replays stay ``duplicate`` across
paths), and step aside for everything else so each 422 is the model path's word for word.
Two real HQ servers (SQLite; PostgreSQL with KIOSK_TEST_PG_URL) get the same requests, one
with the fast path off; hypothesis builds documents the way a lane does (a basket priced by
offers) and spoils them.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hq_sale_discounts import ITEMS, OFFERS, RATES, START, _payment, discounted_documents
from test_hq_sales_fast_path import _DELETE, JSON, Hq, _agree, _body, _changed, _sales, twin

from kiosk.app.documents import iso
from kiosk.domain.basket import Basket
from kiosk.domain.offers import OfferBook
from kiosk.domain.tax import TaxRules
from kiosk.hq import fast_ingest
from kiosk.hq.models import SaleBatch
from kiosk.hq.sale_rules import adds_up, sale_problems
from kiosk.hq.sales import canonical_json
from kiosk.store.sales import build_sale_document

__all__ = ["twin"]  # the fixture: two real HQ servers, one per path


def _lane_document(seed: int, tid: str) -> dict[str, Any]:
    """A discounted document as a lane builds it (every offer on, 3-8 items, a void)."""
    rng = random.Random(seed)
    rules = TaxRules.from_strings(RATES, prices_include_tax=rng.random() < 0.5)
    basket = Basket(tid, "EUR").with_offers(OfferBook.of(OFFERS))
    for _ in range(rng.randint(3, 8)):
        item = rng.choice(ITEMS)
        if item.sold_by_weight:
            basket, _ = basket.add_item(item, 1, rng.randint(100, 2500))
        else:
            basket, _ = basket.add_item(item, rng.randint(1, 4))
    if rng.random() < 0.3 and len(basket.active_lines) > 1:
        basket, _ = basket.void_line(basket.active_lines[0].line_no)
    totals = basket.totals(rules)
    return build_sale_document(
        basket=basket,
        totals=totals,
        transaction_id=tid,
        store_id="store-001",
        lane_id="lane-01",
        started_at=iso(START),
        completed_at=iso(START + dt.timedelta(minutes=2)),
        payments=[_payment(totals.total.minor)] if totals.total.minor else [],
    )


def _discounted(seed: int, tid: str) -> dict[str, Any]:
    """A lane document that has at least one discount with a class share and a line."""
    for n in range(seed, seed + 200):
        document = _lane_document(n, tid)
        discounts = document.get("discounts") or []
        if any(d["classes"] and d["lines"] for d in discounts):
            return document
    raise AssertionError("no discounted basket in 200 seeds")


def _corpus() -> list[tuple[str, bytes, bool]]:
    """(what, body, answered by the fast path), in the order sent."""
    good = _discounted(1, "d-good")
    other = _discounted(50, "d-other")
    old = _sales(1, seed=90)[0]  # a lane without offers
    base = _discounted(100, "d-base")

    def spoiled(tid: str, path: tuple[Any, ...], value: Any) -> dict[str, Any]:
        out = _changed(base, path, value)
        out["transaction_id"] = tid
        return out

    first = base["discounts"][0]
    share = first["classes"][0]
    cases: list[tuple[str, Any, bool]] = [
        ("discounted and old lane in one batch", [good, other, old], True),
        ("replay", [good, other, old], True),
        ("conflict on a discount", [_changed(good, ("discounts", 0, "name"), "Other")], True),
        ("savings null", [spoiled("d-nulls", ("totals", "savings"), None)], False),
        ("savings 0, discounts []", [_with(old, "d-zero", savings=0, discounts=[])], True),
        ("savings null, discounts null", [_with(old, "d-n2", savings=None, discounts=None)], True),
        ("savings absent, discounts []", [_with(old, "d-empty", discounts=[])], True),
        ("savings 5, no discounts", [_with(old, "d-s5", savings=5)], False),
        ("discounts, no savings key", [spoiled("d-nokey", ("totals", "savings"), _DELETE)], False),
        ("wrong savings", [spoiled("d-ws", ("totals", "savings"), 1)], False),
        ("share off", [spoiled("d-sh", ("discounts", 0, "classes", 0, "amount"), share["amount"] + 1)], False),  # noqa: E501
        ("share tax off", [spoiled("d-st", ("discounts", 0, "classes", 0, "tax"), share["tax"] + 1)], False),  # noqa: E501
        ("line not in the sale", [spoiled("d-ln", ("discounts", 0, "lines", 0), 999)], False),
        ("line 0", [spoiled("d-l0", ("discounts", 0, "lines", 0), 0)], False),
        ("line a bool", [spoiled("d-lb", ("discounts", 0, "lines", 0), True)], False),
        ("line a string", [spoiled("d-lst", ("discounts", 0, "lines", 0), "1")], False),
        ("negative savings", [spoiled("d-neg", ("totals", "savings"), -1)], False),
        ("float savings", [spoiled("d-fl", ("totals", "savings"), float(base["totals"]["savings"]))], False),  # noqa: E501
        ("unknown discount key", [spoiled("d-uk", ("discounts", 0, "colour"), "red")], False),
        ("no offer id", [spoiled("d-noid", ("discounts", 0, "offer_id"), _DELETE)], False),
        ("long offer id", [spoiled("d-long", ("discounts", 0, "offer_id"), "x" * 65)], False),
        ("long name", [spoiled("d-name", ("discounts", 0, "name"), "n" * 201)], False),
        ("name with a newline", [spoiled("d-nl", ("discounts", 0, "name"), "a\nb")], False),
        ("null lines", [spoiled("d-nll", ("discounts", 0, "lines"), None)], False),
        ("discounts an object", [spoiled("d-obj", ("discounts",), {})], False),
        ("51 class shares", [spoiled("d-51", ("discounts", 0, "classes"), [share] * 51)], False),
        ("2001 lines", [spoiled("d-2001", ("discounts", 0, "lines"), [1] * 2001)], False),
        ("no lines or classes", [_bare(base, "d-bare", first)], True),
        ("non-ASCII name", [spoiled("d-utf", ("discounts", 0, "name"), "Prix \"fou\" \\ é ✓")], True),  # noqa: E501
        ("summary tax not less discount", [_summary_off(base, "d-sum")], False),
        ("second sale spoiled", [_discounted(7, "d-fine"), spoiled("d-2nd", ("totals", "savings"), 0)], False),  # noqa: E501
        # Enough for PostgreSQL's COPY path.
        ("60 discounted", [_discounted(300 + 3 * n, f"d-60-{n}") for n in range(60)], True),
    ]  # fmt: skip
    return [(what, _body(sales, ensure_ascii=False), fast) for what, sales, fast in cases]


def _with(document: dict[str, Any], tid: str, **fields: Any) -> dict[str, Any]:
    out = copy.deepcopy(document)
    out["transaction_id"] = tid
    if "savings" in fields:
        out["totals"]["savings"] = fields["savings"]
    if "discounts" in fields:
        out["discounts"] = fields["discounts"]
    return out


def _bare(document: dict[str, Any], tid: str, discount: dict[str, Any]) -> dict[str, Any]:
    """``document`` with one more discount of amount 0 that names no line and no class."""
    out = copy.deepcopy(document)
    out["transaction_id"] = tid
    out["discounts"].append({"offer_id": discount["offer_id"], "name": "zero", "amount": 0})
    return out


def _summary_off(document: dict[str, Any], tid: str) -> dict[str, Any]:
    """A tax summary whose rows carry the lines' tax without the discounts' share."""
    out = copy.deepcopy(document)
    out["transaction_id"] = tid
    for row in out["tax_summary"]:
        share = sum(
            c["tax"]
            for d in out["discounts"]
            for c in d["classes"]
            if c["tax_class"] == row["tax_class"]
        )
        row["tax"] += share
        row["gross"] += share
    return out


def test_discounted_batches_get_the_same_answers_and_rows_on_both_paths(twin, monkeypatch):
    model, fast = twin
    answered_fast, expected_fast = [], []
    for what, body, takes_fast_path in _corpus():
        monkeypatch.setattr(fast_ingest, "ENABLED", False)
        expected = model.send(body)
        monkeypatch.setattr(fast_ingest, "ENABLED", True)
        before = fast_ingest.counts["fast"]
        got = fast.send(body)
        if fast_ingest.counts["fast"] > before:
            answered_fast.append(what)
        if takes_fast_path:
            expected_fast.append(what)
        assert (got.status_code, got.content) == (expected.status_code, expected.content), what
        assert expected.status_code == (200 if takes_fast_path else 422), (what, expected.text)
    # Every batch the models accept was answered by the fast path (none fell back).
    assert answered_fast == expected_fast
    assert fast.stored() == model.stored()


def test_a_discounted_sale_stored_by_the_model_path_replays_as_duplicate_on_the_fast_path(
    hq_server, hq_engine, lane_token, monkeypatch
):
    hq = Hq(hq_server, hq_engine, lane_token)
    body = _body([_discounted(n, f"r-{n}") for n in (11, 12, 13)], ensure_ascii=False)
    monkeypatch.setattr(fast_ingest, "ENABLED", False)
    assert {r["status"] for r in hq.send(body).json()["results"]} == {"accepted"}
    monkeypatch.setattr(fast_ingest, "ENABLED", True)
    before = fast_ingest.counts["fast"]
    assert {r["status"] for r in hq.send(body).json()["results"]} == {"duplicate"}
    assert fast_ingest.counts["fast"] == before + 1


def test_old_lanes_documents_keep_their_json_and_hash_on_the_fast_path():
    """No savings key and no discounts key in the stored JSON of a lane without offers,
    whether it sent nothing or nulls (the pinned hash is in test_hq_sales_fast_path)."""
    old = _sales(1, seed=5)[0]
    nulls = _with(old, old["transaction_id"], savings=None, discounts=None)
    for document in (old, nulls):
        batch = fast_ingest.decode(_body([document]))
        assert batch is not None
        (encoded,) = fast_ingest.encode(batch.sales)
        text = encoded.values[-1]
        assert "discounts" not in json.loads(text)
        assert "savings" not in json.loads(text)["totals"]
        assert text == canonical_json(SaleBatch.model_validate({"sales": [old]}).sales[0])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(discounted_documents())
def test_every_document_a_lane_builds_takes_the_fast_path_with_the_models_json(document):
    body = _body([document], ensure_ascii=False)
    batch = fast_ingest.decode(body)
    assert batch is not None
    assert adds_up(batch.sales[0])
    _agree(body)


_DISCOUNT_FIELDS = (
    ("totals", "savings"),
    ("totals", "tax"),
    ("totals", "total"),
    ("totals", "net"),
    ("discounts", 0, "amount"),
    ("discounts", 0, "lines", 0),
    ("discounts", 0, "classes", 0, "amount"),
    ("discounts", 0, "classes", 0, "tax"),
    ("discounts", -1, "amount"),
    ("discounts", -1, "classes", -1, "tax"),
    ("tax_summary", 0, "tax"),
    ("payments", 0, "amount"),
)
_ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.just(10**13),
    st.floats(allow_nan=False, width=16),
    st.text(max_size=3),
    st.just([]),
    st.just({}),
)


@st.composite
def _spoiled_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A lane's discounted document with 0-3 of its discount-related numbers nudged, a
    key deleted, or an odd value put in."""
    document = draw(discounted_documents())
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(_DISCOUNT_FIELDS))
        try:
            node: Any = document
            for key in path:
                node = node[key]
        except (IndexError, KeyError, TypeError):
            continue
        how = draw(st.sampled_from(["nudge", "delete", "odd"]))
        if how == "nudge" and isinstance(node, int) and not isinstance(node, bool):
            document = _changed(document, path, node + draw(st.integers(-2, 2)))
        elif how == "delete":
            document = _changed(document, path, _DELETE)
        else:
            document = _changed(document, path, draw(_ODD))
    return document


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_spoiled_documents())
def test_spoiled_discounts_are_refused_by_both_or_accepted_by_both(document):
    body = _body([document])
    _agree(body)
    try:
        [model] = SaleBatch.model_validate(json.loads(body)).sales
    except ValueError:  # pydantic's ValidationError is a ValueError
        assert fast_ingest.decode(body) is None
        return
    batch = fast_ingest.decode(body)
    assert batch is not None  # a clean-by-field document is never declined for its shape
    assert adds_up(batch.sales[0]) == (not sale_problems(model))


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(_spoiled_documents(), min_size=1, max_size=3))
def test_spoiled_batches_over_http_answer_and_store_the_same(twin, monkeypatch, documents):
    model, fast = twin
    body = _body(documents)
    monkeypatch.setattr(fast_ingest, "ENABLED", False)
    expected = model.send(body, JSON)
    monkeypatch.setattr(fast_ingest, "ENABLED", True)
    got = fast.send(body, JSON)
    assert (got.status_code, got.content) == (expected.status_code, expected.content)
    assert fast.stored() == model.stored()
