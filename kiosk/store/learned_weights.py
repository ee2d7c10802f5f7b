"""Learned item weights in the lane store (table ``learned_weight``, migration 0013).

The bagging area learns what one unit of an item weighs from every accepted placement
of a single item (:class:`kiosk.domain.bagging.learned.WeightBook`, a running mean,
variance and range per SKU). The book lives in the checkout, carried from one basket to
the next; this repository keeps it across restarts: :meth:`LearnedWeightRepository.save`
upserts the SKUs whose weight changed (one ``BEGIN IMMEDIATE`` transaction) and
:meth:`LearnedWeightRepository.load` reads the whole book back at start.

A row that no longer makes sense (a count below 1, a mean that is not a number, a range
upside down: a hand-edited or damaged file) is skipped and logged, never fatal: that
item is simply learned again (DESIGN.md invariant 8).
"""

from __future__ import annotations

import logging
import math
import sqlite3
from collections.abc import Mapping
from typing import Any

from kiosk.domain.bagging.learned import LearnedWeight, WeightBook
from kiosk.store.db import write_transaction
from kiosk.store.errors import sqlite_errors

log = logging.getLogger(__name__)


class LearnedWeightRepository:
    """Reads and writes learned item weights on one lane connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def load(self) -> WeightBook:
        """Every good stored weight (bad rows are skipped and logged)."""
        with sqlite_errors("reading learned item weights"):
            rows = self._conn.execute(
                "SELECT sku, count, mean, m2, low_g, high_g FROM learned_weight ORDER BY sku"
            ).fetchall()
        weights: dict[str, LearnedWeight] = {}
        for row in rows:
            weight = weight_of_row(row[1:])
            if weight is None:
                log.error("skipping learned weight of %r: not a weight %r", row[0], row[1:])
                continue
            weights[str(row[0])] = weight
        return WeightBook(weights)

    def save(self, weights: Mapping[str, LearnedWeight], at: str) -> None:
        """Upsert ``weights`` (SKU -> learned weight) as of ``at`` (ISO 8601), atomically.

        Raises:
            StoreError: the store refused (nothing of it is written).
        """
        good = {
            sku: weight_of_row((w.count, w.mean, w.m2, w.low, w.high)) for sku, w in weights.items()
        }
        rows = [
            (sku, w.count, w.mean, w.m2, w.low, w.high, at)
            for sku, w in sorted(good.items())
            if w is not None
        ]
        if not rows:
            return
        with sqlite_errors("saving learned item weights"), write_transaction(self._conn):
            self._conn.executemany(
                "INSERT INTO learned_weight (sku, count, mean, m2, low_g, high_g, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET "
                "count = excluded.count, mean = excluded.mean, m2 = excluded.m2, "
                "low_g = excluded.low_g, high_g = excluded.high_g, "
                "updated_at = excluded.updated_at",
                rows,
            )


def weight_of_row(values: tuple[Any, ...] | list[Any]) -> LearnedWeight | None:
    """(count, mean, m2, low, high) as a :class:`LearnedWeight`, or None if they are not
    one (wrong types, a count below 1, a mean or M2 that is not a finite number, a
    negative M2, low above high)."""
    if len(values) != 5:
        return None
    count, mean, m2, low, high = values
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (count, low, high)):
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (mean, m2)):
        return None
    if count < 1 or low > high or not math.isfinite(mean) or not math.isfinite(m2):
        return None
    if m2 < -1e-6:  # float rounding may leave a running M2 a hair below 0; more is damage
        return None
    return LearnedWeight(count, float(mean), max(0.0, float(m2)), low, high)
