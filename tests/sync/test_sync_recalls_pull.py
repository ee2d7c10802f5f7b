"""Recalled batches go from HQ (``kiosk hq recalls import``) to the lane store with the
catalog pull, each page with its cursor in one transaction (invariant 5); a lifted
recall leaves the lane's copy; the copy stays when HQ stops. Real HQ server over HTTP on
SQLite (and PostgreSQL when KIOSK_TEST_PG_URL is set)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lane_helpers import lane_db

from kiosk.cli import main
from kiosk.hq import recalls as hq_recalls
from kiosk.hq.errors import HqError
from kiosk.store.recalls import RecallRepository
from kiosk.sync.catalog_pull import pull
from kiosk.sync.client import HqClient
from kiosk.sync.errors import HqRefused, HqUnreachable

MILK = "04000000000013"
BEER = "05000000000005"
CSV = f"gtin,batch\n{MILK[1:]},L42\n{BEER},B7\n{MILK},L43\n"


@pytest.fixture
def lane(tmp_path):
    conn = lane_db(tmp_path / "lane.sqlite3")
    yield conn
    conn.close()


@pytest.fixture
def client(hq_server, lane_token):
    client = HqClient(hq_server.url, lane_token, timeout_s=5)
    yield client
    client.close()


def _import(hq_url: str, path, *extra: str) -> None:
    assert main(["hq", "--database-url", hq_url, "recalls", "import", str(path), *extra]) == 0


def test_recalls_reach_the_lane_and_lifts_follow(lane, client, hq_url, tmp_path, capsys):
    (tmp_path / "recalls.csv").write_text(CSV, encoding="utf-8")
    _import(hq_url, tmp_path / "recalls.csv")
    assert "3 recalls written, 0 lifted" in capsys.readouterr().out
    report = pull(lane, client, page_size=2)  # two pages
    repo = RecallRepository(lane)
    assert report.recalls == 3
    assert repo.recalled() == {(MILK, "L42"), (BEER, "B7"), (MILK, "L43")}
    cursor = repo.cursor()
    assert cursor > 0
    assert pull(lane, client, page_size=2).recalls == 0  # nothing new

    _import(hq_url, tmp_path / "recalls.csv")  # the same file again: nothing changes
    assert "0 recalls written, 0 lifted" in capsys.readouterr().out
    (tmp_path / "lift.csv").write_text(f"gtin,batch,withdrawn\n{BEER},B7,true\n", "utf-8")
    _import(hq_url, tmp_path / "lift.csv")
    (tmp_path / "only.csv").write_text(f"gtin,batch\n{MILK},L42\n", "utf-8")
    _import(hq_url, tmp_path / "only.csv", "--replace")  # lifts L43
    assert pull(lane, client, page_size=10).recalls == 2
    assert repo.recalled() == {(MILK, "L42")}
    assert repo.cursor() > cursor


def test_the_lanes_copy_holds_when_hq_is_down(lane, hq_server, lane_token, hq_url, tmp_path):
    (tmp_path / "recalls.csv").write_text(CSV, encoding="utf-8")
    _import(hq_url, tmp_path / "recalls.csv")
    client = HqClient(hq_server.url, lane_token, timeout_s=1)
    try:
        pull(lane, client, page_size=100)
        hq_server.stop()
        with pytest.raises(HqUnreachable):
            pull(lane, client, page_size=100)
    finally:
        client.close()
    assert (MILK, "L42") in RecallRepository(lane).recalled()


def test_the_api_needs_a_lane_token(hq_server):
    client = HqClient(hq_server.url, "store-001:lane-01:wrong", timeout_s=5)
    try:
        with pytest.raises(HqRefused) as refused:
            client._call("GET", "/recalls/changes", params={"cursor": 0})
    finally:
        client.close()
    assert refused.value.status == 401


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("gtin\n4000000000013\n", "columns gtin and batch"),
        ("gtin,batch\n4000000000014,L1\n", "row 2: gtin"),
        ("gtin,batch\n4000000000013,\n", "row 2: batch"),
        ("gtin,batch\n4000000000013,L\u00e91\n", "row 2: batch"),
        ("gtin,batch,withdrawn\n4000000000013,L1,maybe\n", "row 2: withdrawn"),
        ("gtin,batch\n4000000000013,L1\n04000000000013,L1\n", "row 3: gtin 04000000000013"),
    ],
)
def test_bad_files_name_the_row_and_column(text: str, problem: str) -> None:
    with pytest.raises(HqError, match=problem):
        hq_recalls.parse_csv(text)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(st.text(max_size=200))
def test_garbage_files_are_an_hq_error_or_recalls(text: str) -> None:
    try:
        found = hq_recalls.parse_csv(text)
    except HqError as error:
        problem = str(error)
        assert "row" in problem or "columns" in problem
    else:
        assert all(len(r.gtin14) == 14 and 1 <= len(r.batch) <= 20 for r in found)
