"""Every check-in record the machine can produce is one HQ takes: random journeys (the
domain tests' events and mishaps) end in records whose schema-1 document passes HQ's
``CheckinDocument`` model, and their service events pass HQ's event model."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "domain" / "airport"))

from airport_domain_factories import Journey
from test_checkin_properties import HAPPY, step

from kiosk.app.airport.records import CheckinCommitter, service_occurrences
from kiosk.app.service_events import Ids, envelope
from kiosk.domain.airport import effects as fx
from kiosk.domain.airport.states import IllegalEvent
from kiosk.hq.checkin_models import CheckinDocument
from kiosk.hq.event_models import ServiceEvent

EVENTS = TypeAdapter(ServiceEvent)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(HAPPY)), step), max_size=12))
def test_every_record_is_one_hq_takes(inserts: list[tuple[int, tuple[str, object]]]) -> None:
    script: list[tuple[str, object]] = [("event", e) for e in HAPPY]
    for position, item in sorted(inserts, key=lambda x: -x[0]):
        script.insert(position, item)
    j = Journey()
    for kind, value in script:
        if kind == "dcs":
            j.world.fail[value.call] = value  # type: ignore[attr-defined]
        elif kind == "print":
            j.world.print_fail[value] = "paper out"  # type: ignore[index]
        elif kind == "pay":
            j.world.payment = value  # type: ignore[assignment]
        else:
            with contextlib.suppress(IllegalEvent):
                j.send(value)  # type: ignore[arg-type]
    committer = CheckinCommitter(None, store_id="store-1", lane_id="lane-1", language="es")
    for commit in j.of(fx.CommitCheckin):
        CheckinDocument.model_validate(committer.document(commit.record))
        ids = Ids("store-1", "lane-1")
        for occurrence in service_occurrences(ids, commit.record, "es"):
            event = envelope(
                occurrence,
                store_id="store-1",
                lane_id="lane-1",
                language="es",
                journey="airport_checkin",
            )
            EVENTS.validate_python(event)
