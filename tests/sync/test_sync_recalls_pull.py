"""Recalled batches go from HQ (``kiosk hq recalls import``) to the lane store with the
catalog pull, each page with its cursor in one transaction (invariant 5); a lifted
recall leaves the lane's copy; the copy stays when HQ stops. Real HQ server over HTTP on
SQLite (and PostgreSQL when KIOSK_TEST_PG_URL is set)."""

from __future__ import annotations

import http.server
import json
import threading

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
from kiosk.sync.errors import HqRefused, HqUnreachable, SyncError
from kiosk.sync.recalls_pull import pull_recalls

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


class _Canned(http.server.BaseHTTPRequestHandler):
    """Answers every request with the body the test put on the server (one page)."""

    def do_GET(self) -> None:
        body = self.server.canned  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def canned_hq():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Canned)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
ENTRY = st.fixed_dictionaries(
    {},
    optional={
        "gtin": st.sampled_from([MILK, BEER, MILK[1:], "123", "04000000000014"]) | JSON,
        "batch": st.text(max_size=22) | JSON,
        "withdrawn": st.booleans() | JSON,
        "version": st.integers(0, 10**6) | JSON,
    },
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(entries=st.lists(ENTRY | JSON, max_size=5), noise=JSON)
def test_a_garbage_page_is_a_sync_error_or_applies_only_good_recalls(
    canned_hq, tmp_path_factory, entries, noise
):
    conn = lane_db(tmp_path_factory.mktemp("recalls") / "lane.sqlite3")
    page = {"recalls": entries, "cursor": 7, "more": False}
    canned_hq.canned = json.dumps(page if noise is None else [page, noise]).encode()
    client = HqClient(f"http://127.0.0.1:{canned_hq.server_address[1]}", "s:l:x", timeout_s=5)
    try:
        pull_recalls(conn, client, page_size=10)
    except SyncError:
        assert RecallRepository(conn).cursor() == 0  # nothing of the page applied
    else:
        for gtin, batch in RecallRepository(conn).recalled():
            assert len(gtin) == 14
            assert gtin.isdigit()
            assert 1 <= len(batch) <= 20
    finally:
        client.close()
        conn.close()


def test_one_bad_recall_never_blocks_the_good_ones(canned_hq, tmp_path):
    conn = lane_db(tmp_path / "lane.sqlite3")
    good = {"gtin": MILK, "batch": "L42", "withdrawn": False, "version": 5}
    bad = [{"gtin": "04000000000014", "batch": "L1", "withdrawn": False, "version": 6},
           {"gtin": MILK, "batch": "x" * 21, "withdrawn": False, "version": 6},
           {"gtin": MILK, "batch": "L2", "withdrawn": "no", "version": 6}, "junk"]  # fmt: skip
    canned_hq.canned = json.dumps({"recalls": [*bad, good], "cursor": 7, "more": False}).encode()
    client = HqClient(f"http://127.0.0.1:{canned_hq.server_address[1]}", "s:l:x", timeout_s=5)
    try:
        assert pull_recalls(conn, client, page_size=10) == 1
    finally:
        client.close()
    assert RecallRepository(conn).recalled() == {(MILK, "L42")}
    assert RecallRepository(conn).cursor() == 7
    conn.close()


def test_a_bad_file_is_refused_whole_with_its_row(hq_url, hq_engine, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(f"gtin,batch\n{MILK},L1\n4000000000014,L2\n", encoding="utf-8")
    assert main(["hq", "--database-url", hq_url, "recalls", "import", str(bad)]) != 0
    error = capsys.readouterr().err
    assert f"{bad}: row 3: gtin" in error
    assert hq_recalls.changes_since(hq_engine, 0, 10)["recalls"] == []  # nothing written
