"""An outbox row whose document is missing from ``outbox_payload`` (lane migration 0017:
the two are written by ``outbox.enqueue`` in one transaction; a row written outside one,
then a crash, or a damaged file leaves a row without its document) is dead-lettered by
the drain, naming what is missing, so that `kiosk sync status` and the attendant see it.
Before, the drain's JOIN skipped it for ever while the status counted it as pending.
"""

from __future__ import annotations

import pytest
from hq_fixtures import hq_sales
from lane_helpers import add_sales, lane_db

from kiosk.store import outbox
from kiosk.store.db import write_transaction
from kiosk.store.errors import StoreError
from kiosk.store.sync_state import dead_letters, pending_count
from kiosk.sync.client import HqClient
from kiosk.sync.uploader import drain


@pytest.fixture
def lane(tmp_path):
    conn = lane_db(tmp_path / "lane.sqlite3")
    yield conn
    conn.close()


def _lose_document(conn, transaction_id: str) -> None:
    """The state a row written without its document leaves (what the drain must cope with)."""
    with write_transaction(conn):
        conn.execute(
            "DELETE FROM outbox_payload WHERE id = "
            "(SELECT id FROM outbox WHERE transaction_id = ?)",
            (transaction_id,),
        )


@pytest.mark.parametrize("in_flight", [1, 3])
def test_a_row_without_its_document_is_dead_lettered_and_the_rest_flow(
    lane, hq_server, lane_token, hq_engine, in_flight
):
    # GIVEN 30 sales queued, the 12th without its document
    sales = add_sales(lane, 30, seed=5)
    lost = sales[11]["transaction_id"]
    _lose_document(lane, lost)
    # WHEN the lane drains its outbox
    client = HqClient(hq_server.url, lane_token, timeout_s=15)
    try:
        report = drain(
            lane,
            client,
            10,
            in_flight=in_flight,
            make_client=lambda: HqClient(hq_server.url, lane_token, timeout_s=15),
        )
    finally:
        client.close()
    # THEN the 29 others are at HQ, the lost one is a dead letter that says why
    assert (report.sent, report.dead) == (29, 1)
    assert len(hq_sales(hq_engine)) == 29
    assert pending_count(lane) == 0
    [letter] = dead_letters(lane)
    assert letter.transaction_id == lost
    assert "document" in letter.reason
    assert "missing" in letter.reason


def test_a_row_is_queued_only_inside_the_callers_transaction(lane):
    # A row and its document written as two autocommit statements: a crash between
    # them leaves a row without a document. Refused, and nothing is written.
    with pytest.raises(StoreError, match="transaction"):
        outbox.enqueue(lane, "t-1", "sale", "{}", "2026-12-05T10:00:00Z")
    assert lane.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    assert lane.execute("SELECT count(*) FROM outbox_payload").fetchone()[0] == 0
