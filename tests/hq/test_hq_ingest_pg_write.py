"""How HQ writes a sales batch on PostgreSQL (kiosk.hq.sales over kiosk.hq.pg_copy): the
look-up of stored sales probes the unique index once per transaction id whatever the
planner's statistics say (so it does not grow with the lane's history); the fast path
draws ids while the rules and encoding run and COPYs every sale as new (a batch found in
doubt then writes nothing; a sale stored already, two requests racing on the same sales
and a failed draw are handled); and the binary COPY stores
exactly what SQLite's INSERT path stores (texts with backslashes, quotes
and non-ASCII; NULLs; booleans)."""

from __future__ import annotations

import copy
import random
import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from hq_fixtures import LANE, STORE, make_hq_url
from test_hq_sales_fast_path import Hq, _body

from kiosk.hq import fast_ingest, pg_copy
from kiosk.hq.auth import LaneIdentity, enrol_lane
from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.models import SaleDocument
from kiosk.hq.sales import store_batch
from kiosk.hq.samples import make_sale
from kiosk.hq.server import ServerThread

pytestmark = pytest.mark.postgres
WHO = LaneIdentity(STORE, LANE)


def _documents(n: int, seed: int) -> list[SaleDocument]:
    rng = random.Random(seed)
    return [SaleDocument.model_validate(make_sale(STORE, LANE, rng)) for _ in range(n)]


def _odd(sale: dict[str, Any], n: int) -> dict[str, Any]:
    """``sale`` with the texts and values a COPY encoding could get wrong (the models
    refuse control characters, so no tab or newline reaches the database)."""
    out = copy.deepcopy(sale)
    out["transaction_id"] = f"odd-{n}\\x"
    line = out["lines"][0]
    line["sku"] = 'a\\b "c"'
    line["name"] = 'Käse "fein" \\N \\t ✓ 😀'
    line["tax_class"] = "std\\"
    line["gtin"] = None
    return out


def _stored(engine: sa.Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        sales = conn.execute(
            sa.text(
                "SELECT store_id, lane_id, transaction_id, status, currency, started_at, "
                "completed_at, net, tax, deposit, total, item_count, document_sha256, document "
                "FROM sale ORDER BY transaction_id"
            )
        ).all()
        lines = conn.execute(
            sa.text(
                "SELECT s.transaction_id, l.line_no, l.sku, l.gtin, l.quantity, l.weight_g, "
                "l.unit_price, l.amount, l.tax_class, l.tax, l.voided FROM sale_line l "
                "JOIN sale s ON s.id = l.sale_id ORDER BY 1, 2"
            )
        ).all()
    return [tuple(r) for r in sales] + [tuple(r) for r in lines]


def test_the_binary_copy_stores_what_sqlite_stores(request, tmp_path):
    rng = random.Random(5)
    raw = [make_sale(STORE, LANE, rng) for _ in range(60)]
    raw[:3] = [_odd(s, n) for n, s in enumerate(raw[:3])]
    raw[3]["lines"][0].update(voided=True, tax=0)  # a voided line (the totals then differ,
    raw[3]["status"] = "cancelled"  # which the store does not check: the API does)
    documents = [SaleDocument.model_validate(s) for s in raw]
    rows = []
    for backend in ("sqlite", "postgres"):
        folder = tmp_path / backend
        folder.mkdir()
        engine = create_engine(make_hq_url(backend, folder, request), pool_size=2)
        upgrade(engine)
        try:
            results = store_batch(engine, WHO, documents)
            assert {r.status for r in results} == {"accepted"}, backend
            rows.append(_stored(engine))
        finally:
            engine.dispose()
    sqlite_rows, postgres_rows = rows
    assert len(postgres_rows) == 60 + sum(len(d.lines) for d in documents)
    assert postgres_rows == sqlite_rows


def test_the_look_up_probes_the_index_per_sale_even_with_stale_statistics(request, tmp_path):
    """Statistics taken while the table was empty (as after a migration, before autovacuum
    analyses a bulk load) made the former LEFT JOIN hash every stored sale of the lane on
    each batch; the look-up must stay one index probe per transaction id."""
    engine = create_engine(make_hq_url("postgres", tmp_path, request), pool_size=2)
    upgrade(engine)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE sale")  # empty: the lane's rows estimated at ~1
        for n in range(4):
            store_batch(engine, WHO, _documents(500, seed=n))
        tids = [uuid.uuid4().hex for _ in range(500)] + ["stored?"]
        with engine.begin() as conn:
            plan = "\n".join(
                row[0]
                for row in conn.exec_driver_sql(
                    "EXPLAIN " + pg_copy._LOOK_UP, {"tids": tids, "store": STORE, "lane": LANE}
                )
            )
            stored, new = pg_copy.look_up(conn, STORE, LANE, tids)
            conn.rollback()
        assert "Hash" not in plan, plan
        assert "Nested Loop" in plan, plan
        assert "sale_lane_transaction" in plan, plan
        assert stored == {}
        assert len(set(new.values())) == len(tids)
    finally:
        engine.dispose()


def test_the_look_up_finds_stored_sales_and_draws_ids_for_the_others(request, tmp_path):
    engine = create_engine(make_hq_url("postgres", tmp_path, request), pool_size=2)
    upgrade(engine)
    try:
        documents = _documents(60, seed=9)
        store_batch(engine, WHO, documents[:30])
        with engine.connect() as conn:
            hashes = dict(
                conn.exec_driver_sql("SELECT transaction_id, document_sha256 FROM sale").all()
            )
            top = conn.exec_driver_sql("SELECT max(id) FROM sale").scalar_one()
        tids = [d.transaction_id for d in documents]
        with engine.begin() as conn:
            stored, new = pg_copy.look_up(conn, STORE, LANE, tids)
        assert stored == hashes
        assert set(new) == set(tids[30:])
        assert min(new.values()) > top
        assert len(set(new.values())) == 30
        # Another lane's sales with the same transaction ids are not this lane's.
        with engine.begin() as conn:
            assert pg_copy.look_up(conn, STORE, "lane-02", tids[:30])[0] == {}
    finally:
        engine.dispose()


# -- the fast path's overlapped write (kiosk.hq.sales.store_overlapped) --


@pytest.fixture
def pg_hq(request, tmp_path):
    engine = create_engine(make_hq_url("postgres", tmp_path, request), pool_size=4)
    upgrade(engine)
    token = enrol_lane(engine, STORE, LANE)
    server = ServerThread(engine, max_body_bytes=4 * 1024 * 1024).start()
    yield Hq(server, engine, token)
    server.stop(force=True)
    engine.dispose()


def _count(engine: sa.Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        sales = conn.exec_driver_sql("SELECT count(*) FROM sale").scalar_one()
        lines = conn.exec_driver_sql("SELECT count(*) FROM sale_line").scalar_one()
    return sales, lines


def test_a_batch_in_doubt_after_the_look_up_writes_nothing(pg_hq):
    """The rules run while the database looks up the batch: a sale that does not add up
    sends the whole batch to the model path (422) and nothing is stored."""
    rng = random.Random(21)
    raw = [make_sale(STORE, LANE, rng) for _ in range(60)]
    raw[59]["totals"]["total"] += 1
    before = dict(fast_ingest.counts)
    reply = pg_hq.send(_body(raw))
    assert reply.status_code == 422, reply.text
    assert "sales[59].totals.total" in reply.text
    assert fast_ingest.counts["declined"] == before.get("declined", 0) + 1
    assert _count(pg_hq.engine) == (0, 0)
    raw[59]["totals"]["total"] -= 1
    reply = pg_hq.send(_body(raw))
    assert {r["status"] for r in reply.json()["results"]} == {"accepted"}
    assert fast_ingest.counts["fast"] == before.get("fast", 0) + 1
    assert _count(pg_hq.engine) == (60, sum(len(s["lines"]) for s in raw))


def test_a_batch_holding_a_stored_sale_is_written_again_the_asking_way(pg_hq, monkeypatch):
    """The fast path COPYs every sale as new; one stored already (a lane that never heard
    the answer sends it again) makes the unique constraint refuse the COPY: rolled back,
    written again the way that asks the database, answered per sale, nothing doubled."""
    rng = random.Random(22)
    raw = [make_sale(STORE, LANE, rng) for _ in range(60)]
    assert pg_hq.send(_body(raw[:1])).status_code == 200
    real = pg_copy.draw_ids_while
    drawn: list[list[int]] = []

    def spy(conn, count, work):
        ids, done = real(conn, count, work)
        drawn.append(ids)
        return ids, done

    monkeypatch.setattr(pg_copy, "draw_ids_while", spy)
    before = fast_ingest.counts["fast"]
    reply = pg_hq.send(_body(raw))
    assert [len(ids) for ids in drawn] == [60]  # ids drawn for all, the COPY refused
    assert fast_ingest.counts["fast"] == before + 1
    assert [r["status"] for r in reply.json()["results"]] == ["duplicate"] + ["accepted"] * 59
    assert _count(pg_hq.engine) == (60, sum(len(s["lines"]) for s in raw))
    with pg_hq.engine.connect() as conn:  # the refused COPY's ids are gaps, not rows
        ids = {r[0] for r in conn.exec_driver_sql("SELECT id FROM sale")}
    assert not ids & set(drawn[0])

    # The whole batch again: every sale a duplicate; one changed document: a conflict.
    changed = copy.deepcopy(raw)
    changed[7]["lines"][0]["name"] += " (changed)"
    statuses = [r["status"] for r in pg_hq.send(_body(changed)).json()["results"]]
    assert statuses == ["duplicate"] * 7 + ["rejected"] + ["duplicate"] * 52
    assert _count(pg_hq.engine) == (60, sum(len(s["lines"]) for s in raw))


def test_two_requests_with_the_same_sales_at_once_store_each_once(pg_hq):
    """Two requests (a lane's retry while its first is still being answered) racing on the
    same sales: each sale stored once, and each request answered for every sale."""
    import threading

    rng = random.Random(24)
    raw = [make_sale(STORE, LANE, rng) for _ in range(200)]
    body = _body(raw)
    replies: list[Any] = []
    go = threading.Barrier(2)

    def send() -> None:
        go.wait()
        replies.append(pg_hq.send(body))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.status_code for r in replies] == [200, 200]
    for n in range(200):
        assert {reply.json()["results"][n]["status"] for reply in replies} <= {
            "accepted",
            "duplicate",
        }
    accepted = sum(r["status"] == "accepted" for reply in replies for r in reply.json()["results"])
    assert accepted == 200  # each sale accepted by exactly one of the two
    assert _count(pg_hq.engine) == (200, sum(len(s["lines"]) for s in raw))


def test_failing_to_draw_ids_hands_the_batch_to_the_model_path(pg_hq, monkeypatch):
    def broken(conn, count, work):
        raise pg_copy.LookUpFailed("drawing sale ids: OperationalError")

    monkeypatch.setattr(pg_copy, "draw_ids_while", broken)
    rng = random.Random(23)
    raw = [make_sale(STORE, LANE, rng) for _ in range(60)]
    before = fast_ingest.counts["declined"]
    reply = pg_hq.send(_body(raw))
    assert {r["status"] for r in reply.json()["results"]} == {"accepted"}
    assert fast_ingest.counts["declined"] == before + 1
    assert _count(pg_hq.engine)[0] == 60
