"""Replay recorded lane sessions against a candidate bagging policy (pure).

Recording format (JSON Lines, one object per line, in time order)::

    {"basket": "b-1", "t": "2026-12-05T10:00:00+00:00", "event": "bag", "g": 40}
    {"basket": "b-1", "t": "...", "event": "sold", "sku": "S00001", "units": 1}
    {"basket": "b-1", "t": "...", "event": "sold", "sku": "S00077", "units": 1, "weight_g": 850}
    {"basket": "b-1", "t": "...", "event": "skip"}
    {"basket": "b-1", "t": "...", "event": "outcome", "kind": "bagging_item_removed",
     "resolution": "approved"}

``bag`` is a stable reading of the bagging scale (total grams); ``sold`` is a line
change (``units`` < 0: voided; ``weight_g`` for a weighed item); ``outcome`` is what
really happened to an intervention: ``approved`` (staff accepted the bag: a false
alarm), ``denied`` or ``corrected`` (the shopper had to put it right: a true alarm).
A new ``basket`` id starts a new session (learned weights carry over).

:func:`parse_recording` reads the text (raising :class:`RecordingError` naming the line);
:func:`replay` counts the alarms the policy would raise, by kind, next to the recorded
outcomes.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.domain.bagging.policy import BaggingPolicy
from kiosk.domain.bagging.tracker import BaggingError, BagTracker

EVENTS = ("bag", "sold", "skip", "outcome")
TRUE_ALARM = ("denied", "corrected")


class RecordingError(ValueError):
    """A recording line that cannot be read; the message names the line and the field."""


@dataclass(frozen=True, slots=True)
class Record:
    basket: str
    at: datetime
    event: str
    grams: int = 0
    sku: str = ""
    units: int = 0
    weight_g: int | None = None
    kind: str = ""
    resolution: str = ""


@dataclass
class ReplayReport:
    baskets: int = 0
    items: int = 0
    raised: Counter[str] = field(default_factory=Counter)
    recorded_true: Counter[str] = field(default_factory=Counter)
    recorded_false: Counter[str] = field(default_factory=Counter)


def parse_recording(text: str) -> list[Record]:
    """Read a JSONL recording.

    Raises:
        RecordingError: naming the line number and what is wrong on it.
    """
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(_record(json.loads(line)))
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise RecordingError(f"line {number}: {error}") from None
    return records


def _record(data: object) -> Record:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    event = data["event"]
    if event not in EVENTS:
        raise ValueError(f"event {event!r} is not one of {', '.join(EVENTS)}")
    at = datetime.fromisoformat(str(data["t"]))
    if at.tzinfo is None:
        raise ValueError(f"t {data['t']!r} has no time zone")
    basket = str(data["basket"])
    if event == "bag":
        return Record(basket, at, event, grams=_int(data, "g"))
    if event == "sold":
        weight = data.get("weight_g")
        units = _int(data, "units")
        if units == 0:
            raise ValueError("units is 0")
        return Record(basket, at, event, sku=str(data["sku"]), units=units,
                      weight_g=None if weight is None else _int(data, "weight_g"))  # fmt: skip
    if event == "outcome":
        return Record(basket, at, event, kind=str(data["kind"]),
                      resolution=str(data["resolution"]))  # fmt: skip
    return Record(basket, at, event)


def _int(data: dict[str, object], key: str) -> int:
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key} {value!r} is not a whole number")
    return value


def replay(records: list[Record], policy: BaggingPolicy) -> ReplayReport:
    """Run ``records`` through a tracker with ``policy``; count the alarms by kind."""
    report = ReplayReport()
    bag = BagTracker(policy)
    basket = None
    for record in records:
        if record.basket != basket:
            basket = record.basket
            bag = bag.next_basket()
            report.baskets += 1
        before = bag.alarm
        bag = bag.timed_out(record.at)
        _count(report, before, bag)
        before = bag.alarm
        bag = _apply(bag, record, report)
        _count(report, before, bag)
    return report


def _apply(bag: BagTracker, record: Record, report: ReplayReport) -> BagTracker:
    if record.event == "bag":
        return bag.read(record.grams)
    if record.event == "sold":
        report.items += max(record.units, 0)
        opened = bag if bag.opened else bag.open()
        return opened.expect(record.sku, record.units, record.at, measured_g=record.weight_g)
    if record.event == "skip":
        try:
            return bag.skip()
        except BaggingError:
            return bag
    if record.resolution in TRUE_ALARM:
        report.recorded_true[record.kind] += 1
    else:
        report.recorded_false[record.kind] += 1
    if bag.alarm is None:
        return bag
    return bag.accept() if record.resolution == "approved" else bag.refuse()


def _count(report: ReplayReport, before: object, bag: BagTracker) -> None:
    alarm = bag.alarm
    if alarm is None:
        return
    if before is None or getattr(before, "kind", None) is not alarm.kind:
        report.raised[alarm.kind.value] += 1
