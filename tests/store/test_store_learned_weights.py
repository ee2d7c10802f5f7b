"""Learned item weights in the lane store (kiosk.store.learned_weights, migration 0013):
what is saved is read back, a later save of a SKU replaces it, and a row that is not a
weight (a damaged or hand-edited file) is skipped, never fatal."""

from __future__ import annotations

import math
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.bagging.learned import WeightBook
from kiosk.store.db import connect
from kiosk.store.learned_weights import LearnedWeightRepository, weight_of_row

AT = "2026-12-05T10:00:00+00:00"


def test_saved_weights_are_read_back_and_replaced(tmp_path: Path) -> None:
    repository = LearnedWeightRepository(connect(tmp_path / "lane.sqlite3"))
    book = WeightBook().learn("milk", 1040).learn("milk", 1050).learn("bread", 410)
    repository.save(book.weights, AT)
    assert repository.load() == book
    more = book.learn("milk", 1030)
    repository.save({"milk": more.weights["milk"]}, AT)  # only what changed
    assert repository.load() == more
    assert LearnedWeightRepository(connect(tmp_path / "lane.sqlite3")).load() == more


def test_a_row_that_is_not_a_weight_is_skipped(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lane.sqlite3")
    repository = LearnedWeightRepository(conn)
    repository.save(WeightBook().learn("milk", 1040).weights, AT)
    conn.execute(
        "INSERT INTO learned_weight VALUES ('bad', 2, 'heavy', 0.0, 1, 2, ?)", (AT,)
    )  # REAL affinity keeps text that is not a number
    conn.execute("INSERT INTO learned_weight VALUES ('odd', 2, 10.5, 'x', 10, 11, ?)", (AT,))
    assert set(repository.load().weights) == {"milk"}


def test_nothing_to_save_writes_nothing(tmp_path: Path) -> None:
    repository = LearnedWeightRepository(connect(tmp_path / "lane.sqlite3"))
    repository.save({}, AT)
    assert repository.load() == WeightBook()


_ANY = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5), st.binary(max_size=5)
)


@given(st.lists(_ANY, max_size=7))
def test_garbage_rows_are_a_weight_or_none_never_an_error(values: list[object]) -> None:
    weight = weight_of_row(values)
    if weight is not None:
        assert weight.count >= 1
        assert weight.low <= weight.high
        assert math.isfinite(weight.mean)
        assert weight.m2 >= 0


@given(st.lists(st.integers(min_value=1, max_value=50_000), min_size=1, max_size=20))
def test_every_learned_weight_is_a_good_row(grams: list[int]) -> None:
    book = WeightBook()
    for g in grams:
        book = book.learn("sku", g)
    w = book.weights["sku"]
    assert weight_of_row((w.count, w.mean, w.m2, w.low, w.high)) == w
