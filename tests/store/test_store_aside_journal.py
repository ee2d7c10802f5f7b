"""Items put aside, journaled with their open basket (kiosk.store.aside_journal): what was
recorded last is what comes back, a replay doubles nothing, the rows go with the basket,
and a damaged row is left out without holding up the rest."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.checkout.interventions import Intervention, InterventionKind
from kiosk.store.aside_journal import parse_raised_at
from kiosk.store.errors import StoreError
from kiosk.store.journal import BasketJournal, delete_open_basket

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
UNKNOWN = InterventionKind.UNKNOWN_BARCODE


def entry(minute: int, code: str) -> Intervention:
    return Intervention(UNKNOWN, T0 + timedelta(minutes=minute), code)


def test_the_last_list_recorded_comes_back_oldest_first(conn: sqlite3.Connection) -> None:
    journal = BasketJournal(conn)
    journal.start("b-1", "EUR")
    journal.record_aside("b-1", [entry(1, "111"), entry(2, "222: no tax rate for S9")])
    assert journal.aside_of("b-1") == (
        (T0 + timedelta(minutes=1), "111"),
        (T0 + timedelta(minutes=2), "222: no tax rate for S9"),
    )
    journal.record_aside("b-1", [entry(2, "222: no tax rate for S9")])  # 111 was dealt with
    journal.record_aside("b-1", [entry(2, "222: no tax rate for S9")])  # replayed
    assert journal.aside_of("b-1") == ((T0 + timedelta(minutes=2), "222: no tax rate for S9"),)
    journal.record_aside("b-1", [])
    assert journal.aside_of("b-1") == ()


def test_a_basket_that_is_not_open_is_refused(conn: sqlite3.Connection) -> None:
    with pytest.raises(StoreError, match="not open"):
        BasketJournal(conn).record_aside("b-9", [entry(1, "111")])


def test_the_rows_go_with_the_basket(conn: sqlite3.Connection) -> None:
    journal = BasketJournal(conn)
    journal.start("b-1", "EUR")
    journal.record_aside("b-1", [entry(1, "111")])
    conn.execute("BEGIN IMMEDIATE")
    delete_open_basket(conn, "b-1")  # as the sale's transaction does
    conn.execute("COMMIT")
    assert conn.execute("SELECT COUNT(*) FROM open_basket_aside").fetchone()[0] == 0


def test_a_damaged_row_is_left_out_and_the_rest_come_back(conn: sqlite3.Connection) -> None:
    journal = BasketJournal(conn)
    journal.start("b-1", "EUR")
    journal.record_aside("b-1", [entry(1, "111"), entry(2, "222")])
    conn.execute("UPDATE open_basket_aside SET raised_at = 'yesterday' WHERE seq = 0")
    assert journal.aside_of("b-1") == ((T0 + timedelta(minutes=2), "222"),)


@given(st.one_of(st.text(max_size=40), st.integers(), st.none(), st.binary(max_size=20)))
def test_any_stored_time_is_read_or_refused_never_raised(text: object) -> None:
    at = parse_raised_at(text)
    assert at is None or at.tzinfo is not None


@given(st.datetimes(datetime(2000, 1, 1), datetime(2200, 1, 1), timezones=st.just(UTC)))
def test_a_time_written_is_read_back(at: datetime) -> None:
    written = at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    assert parse_raised_at(written) == at
