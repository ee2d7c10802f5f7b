"""The fast path's per-batch pattern check (kiosk.hq.fast_ingest._patterns_pass), and
the PostgreSQL look-up's ids sent as one text (kiosk.hq.pg_copy._LOOK_UP_LINES).

The fields every sale or line has (store and lane ids, start and end times, currency,
GTIN, PLU, tax rates) are decoded without msgspec's per-value pattern and checked once
per batch instead. That must decline exactly what the models refuse: a value that
breaks its pattern in any sale of a batch (not only the first) sends the batch down the
model path, and a value the models accept is not declined for its pattern. Hypothesis
draws values near each pattern (valid ones, digits and letters, dots, Unicode digits,
spaces) and puts them in the middle sale of a three-sale batch.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import pytest
from hq_fixtures import LANE, STORE, make_hq_url
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kiosk.hq import fast_ingest, pg_copy
from kiosk.hq.auth import LaneIdentity
from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.models import SaleBatch, SaleDocument
from kiosk.hq.sale_rules import adds_up
from kiosk.hq.sales import store_batch
from kiosk.hq.samples import make_sale

WHO = LaneIdentity(STORE, LANE)


def _sales(seed: int = 5) -> list[dict[str, Any]]:
    """Three sample sales, each with a tax summary (the samples have none) that adds up."""
    rng = random.Random(seed)
    sales = [make_sale(STORE, LANE, rng) for _ in range(3)]
    for sale in sales:
        rows: dict[str, dict[str, Any]] = {}
        for line in sale["lines"]:
            row = rows.setdefault(
                line["tax_class"],
                {"tax_class": line["tax_class"], "rate": line["tax_rate"], "net": 0, "tax": 0},
            )
            row["net"] += line["amount"] - line["tax"]
            row["tax"] += line["tax"]
        sale["tax_summary"] = [row | {"gross": row["net"] + row["tax"]} for row in rows.values()]
        assert sum(row["net"] for row in rows.values()) == sale["totals"]["net"]
        assert adds_up(SaleDocument.model_validate(sale))
    return sales


def _set(sale: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(sale)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


# Every field _patterns_pass covers, as a path in a sale.
FIELDS = (
    ("store_id",),
    ("lane_id",),
    ("started_at",),
    ("completed_at",),
    ("currency",),
    ("lines", 0, "gtin"),
    ("lines", 1, "plu"),
    ("lines", 2, "tax_rate"),
    ("tax_summary", 0, "rate"),
)
_NEAR = st.text(alphabet="0123456789AZaz.-_:T Z\u0663\u00e9", max_size=18)
_VALID = st.sampled_from(
    [
        "2026-11-22T10:59:00Z",
        "2026-11-22T10:59:00.123456Z",
        "05410188031430",
        "4011",
        "40111",
        "EUR",
        "21",
        "5.5",
        "100.1234",
        STORE,
        LANE,
    ]
)


def _check(body: bytes) -> None:
    """The fast path declines what the models refuse, and passes (for its patterns) what
    they accept."""
    fast = fast_ingest.decode(body)
    try:
        SaleBatch.model_validate(json.loads(body))
    except (ValueError, ValidationError):
        assert fast is None
        return
    # The models accept: the patterns held, so only a rule beyond them may decline
    # (none of the sample sales' other checks change here).
    assert fast is not None


@pytest.mark.parametrize("path", FIELDS, ids=lambda p: ".".join(map(str, p)))
@pytest.mark.parametrize("where", [0, 1, 2])
def test_a_bad_value_in_any_sale_of_the_batch_is_declined(path, where):
    sales = _sales()
    assert fast_ingest.decode(json.dumps({"sales": sales}).encode()) is not None
    sales[where] = _set(sales[where], path, "-x")
    body = json.dumps({"sales": sales}).encode()
    with pytest.raises(ValidationError):
        SaleBatch.model_validate(json.loads(body))
    assert fast_ingest.decode(body) is None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIELDS), _VALID | _NEAR, st.booleans())
def test_the_batch_check_declines_exactly_what_the_models_refuse(path, value, ascii_only):
    sales = _sales()
    sales[1] = _set(sales[1], path, value)
    _check(json.dumps({"sales": sales}, ensure_ascii=ascii_only).encode())


def test_an_empty_value_breaks_the_pattern_even_when_it_is_the_only_one():
    sales = _sales()
    for n in range(3):
        for line in sales[n]["lines"]:
            line["tax_rate"] = ""
    assert fast_ingest.decode(json.dumps({"sales": sales}).encode()) is None


@pytest.mark.postgres
def test_the_look_up_by_lines_answers_as_the_array_and_probes_the_index(request, tmp_path):
    """The PostgreSQL look-up sends the ids as one text of lines (kiosk.hq.pg_copy
    _LOOK_UP_LINES) unless one holds a newline or is empty: both forms find the same
    stored sales, with odd ids too, and the lines form still probes the index per id."""
    engine = create_engine(make_hq_url("postgres", tmp_path, request), pool_size=2)
    upgrade(engine)
    odd = ["a,b", "{x}", 'q"uote', "back\\slash", "sp ace", "NULL", "\u00e9\U0001f600"]
    try:
        rng = random.Random(9)
        documents = []
        for tid in [*odd, *(f"plain-{n}" for n in range(60))]:
            sale = make_sale(STORE, LANE, rng)
            sale["transaction_id"] = tid
            documents.append(SaleDocument.model_validate(sale))
        assert {r.status for r in store_batch(engine, WHO, documents)} == {"accepted"}
        asked = [*odd, "plain-3", "new-1", "new-2"]
        with engine.begin() as conn:
            assert pg_copy._look_up_query(asked)[0] == pg_copy._LOOK_UP_LINES
            stored, new = pg_copy.look_up(conn, STORE, LANE, asked)
            conn.rollback()
        with engine.begin() as conn:
            as_array = conn.exec_driver_sql(
                pg_copy._LOOK_UP, {"tids": asked, "store": STORE, "lane": LANE}
            ).all()
            conn.rollback()
        assert stored == {tid: sha for tid, sha, new_id in as_array if new_id is None}
        assert set(stored) == {*odd, "plain-3"}
        assert set(new) == {"new-1", "new-2"}
        for awkward in (["a\nb", "c"], ["", "c"]):
            assert pg_copy._look_up_query(awkward) == (pg_copy._LOOK_UP, awkward)
            with engine.begin() as conn:
                assert pg_copy.look_up(conn, STORE, LANE, awkward)[0] == {}
                conn.rollback()
        with engine.begin() as conn:
            plan = "\n".join(
                row[0]
                for row in conn.exec_driver_sql(
                    "EXPLAIN " + pg_copy._LOOK_UP_LINES,
                    {"tids": "\n".join(asked), "store": STORE, "lane": LANE},
                )
            )
        assert "Hash" not in plan, plan
        assert "sale_lane_transaction" in plan, plan
    finally:
        engine.dispose()
