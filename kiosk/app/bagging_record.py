"""Record the lane's bagging sessions as JSON Lines for ``kiosk bagging replay``.

With ``[bagging] record_sessions = "FILE"`` the self-checkout adds a
:class:`SessionRecorder` to the controller's listeners. After each handled event it
compares the checkout with the one before and appends what the bagging area saw, in
the format of :mod:`kiosk.domain.bagging.replay`: a new stable bag reading (``bag``),
a line added or removed (``sold``, weighed items with their weight), a skip (``skip``)
and how a bagging intervention ended (``outcome``: approved, denied or corrected).
Only SKUs, grams and times are written: nothing about the shopper or the payment.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.domain.checkout import effects as fx

log = logging.getLogger(__name__)


class SessionRecorder:
    """A lane listener appending bagging records to ``path`` (lane thread only)."""

    def __init__(self, path: Path, clock: Callable[[], datetime]) -> None:
        self.path = path
        self.clock = clock
        self._before: Any = None
        self._lock = threading.Lock()

    def __call__(self, checkout: Any, effects: list[Any]) -> None:
        before, self._before = self._before, checkout
        bag = checkout.bagging
        if bag is None:
            return
        records: list[dict[str, Any]] = []
        was = before.bagging.last_g if before is not None and before.bagging else None
        if bag.last_g is not None and bag.last_g != was:
            records.append({"event": "bag", "g": bag.last_g})
        old_lines = {line.line_no: line for line in before.basket.lines} if before else {}
        for effect in effects:
            if isinstance(effect, fx.JournalLine):
                records.extend(_sold(old_lines.get(effect.line.line_no), effect.line))
            elif isinstance(effect, fx.ShowMessage) and effect.key == "bagging.skipped":
                records.append({"event": "skip"})
            elif isinstance(effect, fx.AttendantCleared) and effect.kind.value.startswith(
                "bagging_"
            ):
                done = checkout.interventions[-1] if checkout.interventions else None
                if done is not None and done.kind is effect.kind:
                    records.append({"event": "outcome", "kind": effect.kind.value,
                                    "resolution": done.resolution})  # fmt: skip
        if records:
            self._write(checkout.basket.basket_id, records)

    def _write(self, basket: str, records: list[dict[str, Any]]) -> None:
        at = self.clock().isoformat()
        text = "".join(
            json.dumps({"basket": basket, "t": at, **record}) + "\n" for record in records
        )
        try:
            with self._lock, self.path.open("a", encoding="utf-8") as out:
                out.write(text)
        except OSError as error:  # a full disk must not stop the lane
            log.warning("bagging session not recorded in %s: %s", self.path, error)


def _sold(old: Any, line: Any) -> list[dict[str, Any]]:
    old_units = 0 if old is None or old.voided else old.quantity
    units = (0 if line.voided else line.quantity) - old_units
    if units == 0:
        return []
    weight = line.weight_g if line.item.sold_by_weight else None
    return [{"event": "sold", "sku": line.item.sku, "units": units, "weight_g": weight}]
