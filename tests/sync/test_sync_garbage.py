"""Garbage from HQ never crashes the lane or half-applies: replies and catalog pages."""

from __future__ import annotations

import http.server
import json
import sqlite3
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lane_helpers import lane_db

from kiosk.domain.catalog import CatalogError
from kiosk.store.catalog import CatalogRepository
from kiosk.store.catalog_bulk import NotFast, apply_page_text
from kiosk.sync.catalog_pull import entry_to_item
from kiosk.sync.client import HqClient
from kiosk.sync.errors import HqRefused, HqUnreachable

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
ENTRY = st.fixed_dictionaries(
    {"sku": st.text(max_size=5) | st.integers(), "deleted": st.booleans() | st.none()},
    optional={
        "names": st.dictionaries(st.sampled_from(["en", "es"]), st.text(max_size=5)) | JSON,
        "price": st.integers(-5, 10**6) | st.text(max_size=3),
        "currency": st.sampled_from(["EUR", "EU", "XYZ"]) | JSON,
        "tax_class": st.text(max_size=5),
        "unit": st.sampled_from(["each", "weight", "x"]),
        "gtins": st.lists(st.text("0123456789", min_size=13, max_size=15), max_size=2) | JSON,
        "plu": st.none() | st.text("0123456789a", max_size=6),
        "age_limit": st.none() | st.integers(-5, 150),
        "deposit": JSON,
    },
)


@pytest.fixture(scope="module")
def lane(tmp_path_factory):
    conn = lane_db(tmp_path_factory.mktemp("garbage") / "lane.sqlite3")
    yield conn
    conn.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entry=ENTRY | JSON)
def test_a_garbage_entry_is_a_catalog_error_or_an_item(entry):
    try:
        item = entry_to_item(entry)
    except CatalogError:
        return
    assert item.sku
    assert item.price.minor >= 0


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(items=st.lists(ENTRY, max_size=5), noise=st.booleans())
def test_a_garbage_page_applies_whole_or_not_at_all(lane, items, noise):
    repo = CatalogRepository(lane)
    before = (repo.count(), repo.cursor())
    text = json.dumps({"items": items, "cursor": 7, "more": False})
    if noise:
        text = text[: len(text) // 2]
    try:
        upserts, deletes = apply_page_text(lane, text, "7")
    except (NotFast, sqlite3.Error):
        assert (repo.count(), repo.cursor()) == before
        return
    assert upserts + deletes == len(items)
    assert repo.cursor() == "7"
    for row in lane.execute("SELECT sku FROM catalog_item"):
        assert repo.get(row[0]) is not None  # everything stored reads back as a CatalogItem
    lane.execute("DELETE FROM catalog_item")
    lane.execute("DELETE FROM catalog_meta")


class _Canned(http.server.BaseHTTPRequestHandler):
    """Answers every request with the status and body the test put on the server."""

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, body = self.server.canned  # type: ignore[attr-defined]
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

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


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (200, b"not json", HqUnreachable),
        (200, b'{"results": "x"}', HqUnreachable),
        (200, b'{"results": [{"transaction_id": "t", "status": "maybe"}]}', HqUnreachable),
        (200, b'{"results": []}', HqUnreachable),
        (502, b"<html>bad gateway</html>", HqUnreachable),
        (429, b"{}", HqUnreachable),
        (422, b'{"error": "invalid_body", "message": "lines: bad"}', HqRefused),
        (401, b"[]", HqRefused),
        (413, b"<html>413 Request Entity Too Large</html>", HqRefused),  # nginx's own page
        (400, b"<html>blocked</html>", HqRefused),  # a firewall's
        (408, b"<html>request timeout</html>", HqUnreachable),
        (425, b"{}", HqUnreachable),
    ],
)
def test_a_malformed_or_refusing_reply_becomes_a_sync_error(canned_hq, status, body, error):
    canned_hq.canned = (status, body)
    client = HqClient(f"http://127.0.0.1:{canned_hq.server_address[1]}", "s:l:x", timeout_s=5)
    try:
        with pytest.raises(error):
            client.upload_sales(['{"transaction_id": "t"}'])
        with pytest.raises((HqUnreachable, HqRefused)):
            client.catalog_changes(0, 10)
        with pytest.raises((HqUnreachable, HqRefused)):
            client.catalog_changes_text(0, 10)
    finally:
        client.close()
