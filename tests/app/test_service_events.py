"""Service events at the lane: what each checkout step means (pure mapping), that every
event the lane makes is one HQ's contract takes (kiosk.hq.event_models, the models HQ
validates with), stable event ids, the rating scale, refused feedback, and the
recorder's outbox rows on a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from kiosk.app.service_events import (
    FACE_RATINGS,
    NPS_REASONS,
    FeedbackRefused,
    Ids,
    Occurrence,
    change_occurrences,
    check_comment,
    envelope,
    nps_occurrence,
    rating_occurrence,
    sale_occurrences,
)
from kiosk.app.service_recorder import ServiceEventRecorder
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout import events as ev
from kiosk.domain.checkout.interventions import IDLE_SUSPENDED, InterventionKind
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules
from kiosk.hq.event_models import ABANDON_REASONS, EventBatch, ServiceEvent
from kiosk.hq.event_models import NPS_REASONS as HQ_NPS_REASONS
from kiosk.store.db import connect
from kiosk.store.service_events import queued_events

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
IDS = Ids("store-001", "lane-01")
MILK = CatalogItem("milk", (("en", "Milk"),), Money(129, "EUR"), "reduced")
EVENT = TypeAdapter(ServiceEvent)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def fresh() -> Checkout:
    rules = TaxRules.from_strings({"reduced": "10"})
    return Checkout.start(CheckoutSettings("EUR", rules), "b-1")


def steps(*events: ev.Event) -> list[list[Occurrence]]:
    """Occurrences of each event, fed one by one from a fresh checkout."""
    checkout, out = fresh(), []
    for event in events:
        after, effects = checkout.handle(event)
        out.append(change_occurrences(IDS, checkout, after, effects, at(99)))
        checkout = after
    return out


def types(found: list[Occurrence]) -> list[str]:
    return [o.type for o in found]


def valid(occurrence: Occurrence) -> dict[str, Any]:
    """The envelope, validated by HQ's own model (raises if HQ would refuse it)."""
    event = envelope(occurrence, store_id="store-001", lane_id="lane-01", language="en")
    EVENT.validate_python(event)
    return event


def test_a_basket_opens_with_its_first_scan() -> None:
    (opened,) = steps(ev.ItemScanned(MILK, "1", at(1)))
    assert types(opened) == ["transaction.started"]
    assert (opened[0].at, opened[0].transaction_id) == (at(1), "b-1")
    valid(opened[0])


def test_help_raised_staff_resolve_it_at_the_lane() -> None:
    _, asked, resolved = steps(
        ev.ItemScanned(MILK, "1", at(1)),
        ev.HelpRequested(at(2)),
        ev.InterventionResolved(InterventionKind.HELP_REQUESTED, "s-17", True, at(5)),
    )
    assert types(asked) == ["intervention.raised", "help.asked"]
    raised = valid(asked[0])
    assert raised["data"]["kind"] == "help_requested"
    assert raised["at"] == "2026-11-22T10:02:00.000000Z"
    (done,) = resolved
    event = valid(done)
    assert event["data"] == {
        "intervention_id": raised["data"]["intervention_id"],
        "kind": "help_requested",
        "outcome": "approved",
        "staff_id": "s-17",
        "how": "at_lane",
    }
    assert event["at"] == "2026-11-22T10:05:00.000000Z"


def test_a_request_the_shopper_withdraws_is_resolved_by_the_shopper() -> None:
    *_, withdrawn = steps(
        ev.ItemScanned(MILK, "1", at(1)), ev.HelpRequested(at(2)), ev.RequestWithdrawn(at(3))
    )
    (done,) = withdrawn
    assert valid(done)["data"]["how"] == "shopper"
    assert "staff_id" not in done.data


def test_nobody_answering_puts_the_basket_on_hold() -> None:
    _, held = steps(ev.ItemScanned(MILK, "1", at(1)), ev.HelpRequested(at(2), IDLE_SUSPENDED))
    assert types(held) == ["intervention.raised", "transaction.suspended"]
    assert held[0].data["kind"] == "idle_suspended"
    for occurrence in held:
        valid(occurrence)


def test_a_device_fault_that_stops_the_lane_measures_the_time_it_could_not_serve() -> None:
    _, fault, cleared = steps(
        ev.ItemScanned(MILK, "1", at(1)),
        ev.DeviceFaulted("scanner", "unplugged 4111 1111 1111 1111", at(2)),
        ev.InterventionResolved(InterventionKind.DEVICE_FAULT, "s-17", True, at(9)),
    )
    assert types(fault) == ["intervention.raised", "device.fault", "lane.unavailable"]
    assert fault[1].data["device"] == "scanner"
    assert "4111 1111 1111 1111" not in fault[1].data["detail"]  # invariant 6
    assert types(cleared) == ["intervention.resolved", "lane.available"]
    assert cleared[1].at == at(9)
    for occurrence in [*fault, *cleared]:
        valid(occurrence)


def test_help_pressed_while_paying_is_help_asked_at_the_lane_clock() -> None:
    *_, paged = steps(
        ev.ItemScanned(MILK, "1", at(1)), ev.PayRequested(at(2)), ev.HelpRequested(at(3))
    )
    assert types(paged) == ["help.asked"]
    assert paged[0].at == at(99)
    valid(paged[0])


def document(status: str, **extra: Any) -> dict[str, Any]:
    return {
        "transaction_id": "b-1",
        "status": status,
        "currency": "EUR",
        "completed_at": "2026-11-22T10:04:00.000000Z",
        "totals": {"item_count": 3, "total": 387},
        "audit": [],
        "interventions": [],
        **extra,
    }


def test_a_completed_sale() -> None:
    (done,) = sale_occurrences(document("completed"), "es")
    assert valid(done)["data"] == {
        "items": 3,
        "total_minor": 387,
        "currency": "EUR",
        "language": "es",
    }


@pytest.mark.parametrize(
    ("extra", "suspended", "reason"),
    [
        ({}, False, "cancelled"),
        ({}, True, "idle_timeout"),
        ({"interventions": [{"kind": "idle_suspended"}]}, False, "idle_timeout"),
        ({"audit": [{"action": "cancel_basket", "reason": "walk_away"}]}, False, "walk_away"),
        ({"audit": [{"action": "cancel_basket", "reason": "changed mind"}]}, False, "cancelled"),
    ],
)
def test_why_a_basket_was_abandoned(extra: dict[str, Any], suspended: bool, reason: str) -> None:
    (gone,) = sale_occurrences(document("cancelled", **extra), "en", suspended)
    assert valid(gone)["data"] == {"reason": reason, "items": 3}


def test_the_faces_are_sent_on_hqs_scale_with_only_great_counted_as_satisfied() -> None:
    assert {face: FACE_RATINGS[face] for face in (1, 2, 3)} == {1: 1, 2: 3, 3: 5}
    for face in (1, 2, 3):
        valid(rating_occurrence("b-1", face, T0))
    with pytest.raises(FeedbackRefused):
        rating_occurrence("b-1", 4, T0)


def test_the_lane_knows_the_contracts_lists() -> None:
    assert NPS_REASONS == HQ_NPS_REASONS
    from kiosk.app.service_events import ABANDON_REASONS as LANE_REASONS

    assert LANE_REASONS == ABANDON_REASONS


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        ("my card 4111 1111 1111 1111 was fine", "card number"),
        ("4111111111111111", "card number"),
        ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "travel document"),
        ("L898902C36UTO7408122F1204159ZE184226B<<<<<10", "travel document"),
        ("x" * 201, "at most 200"),
        ("bell\x07", "control"),
    ],
)
def test_a_comment_with_a_card_number_or_an_mrz_is_refused_without_quoting_it(
    comment: str, problem: str
) -> None:
    with pytest.raises(FeedbackRefused) as refused:
        check_comment(comment)
    assert problem in str(refused.value)
    assert "1111" not in str(refused.value)
    assert "ERIKSSON" not in str(refused.value)


def test_nps_answer() -> None:
    nps = nps_occurrence("b-1", 9, ["too_slow", "prices", "too_slow"], " quick\n and easy ", T0)
    assert valid(nps)["data"] == {
        "score": 9,
        "reasons": ["too_slow", "prices"],
        "comment": "quick and easy",
    }
    for bad in (-1, 11, True):
        with pytest.raises(FeedbackRefused):
            nps_occurrence("b-1", bad, [], "", T0)  # type: ignore[arg-type]
    with pytest.raises(FeedbackRefused, match="no reason 'rude'"):
        nps_occurrence("b-1", 5, ["rude"], "", T0)


@given(st.text(max_size=300))
def test_any_comment_is_either_refused_clearly_or_accepted_by_hq(text: str) -> None:
    message = ""
    try:
        occurrence = nps_occurrence("b-1", 7, [], text, T0)
    except FeedbackRefused as refused:
        message = str(refused)
    else:
        valid(occurrence)
        return
    assert message.startswith("a comment ")


@given(st.text(max_size=300), st.text(max_size=40))
def test_any_device_detail_reaches_hq_safely(detail: str, device: str) -> None:
    before = fresh()
    checkout, _ = before.handle(ev.ItemScanned(MILK, "1", at(1)))
    after, effects = checkout.handle(ev.DeviceFaulted(device, detail, at(2)))
    for occurrence in change_occurrences(IDS, checkout, after, effects, at(3)):
        valid(occurrence)


def test_event_ids_are_stable_and_distinct() -> None:
    one = valid(rating_occurrence("b-1", 3, T0))
    again = valid(rating_occurrence("b-1", 3, at(1)))
    other = valid(rating_occurrence("b-2", 3, T0))
    assert one["event_id"] == again["event_id"] != other["event_id"]
    EventBatch.model_validate({"events": [one, other]})


class FakeController:
    """Just what the recorder follows: listeners, ``call`` and ``checkout``."""

    def __init__(self) -> None:
        self.listeners: list[Any] = []
        self.checkout = fresh()

    def call(self, job: Any) -> None:
        job()

    def handle(self, event: ev.Event) -> None:
        self.checkout, effects = self.checkout.handle(event)
        for listener in self.listeners:
            listener(self.checkout, effects)


class Audit:
    def __init__(self, action: str, staff_id: str | None, when: datetime, **details: Any):
        self.action, self.staff_id, self.at, self.details = action, staff_id, when, details


def test_the_recorder_writes_each_event_once_in_the_lane_outbox(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lane.sqlite3")
    recorder = ServiceEventRecorder(
        conn, store_id="store-001", lane_id="lane-01", language="en", clock=lambda: at(50)
    )
    controller = FakeController()
    recorder.attach(controller)
    controller.handle(ev.ItemScanned(MILK, "1", at(1)))
    controller.handle(ev.HelpRequested(at(2)))
    recorder.audit_recorded(Audit("sign_in", "s-17", at(3)))
    recorder.audit_recorded(Audit("sign_in", "s-17", at(4)))  # already there: not again
    controller.handle(ev.InterventionResolved(InterventionKind.HELP_REQUESTED, "s-17", True, at(5)))
    recorder.language_changed("es")
    recorder.accessibility_changed(True, False)
    recorder.accessibility_changed(True, True)
    recorder.device_status("printer", False, "paper out")
    recorder.device_status("printer", False, "paper out")
    recorder.device_status("printer", True)
    recorder.rating(3)  # no completed sale yet: nothing to rate
    events = queued_events(conn)
    assert [e["type"] for e in events] == [
        "transaction.started",
        "intervention.raised",
        "help.asked",
        "intervention.staff_arrived",
        "intervention.resolved",
        "language.chosen",
        "accessibility.used",
        "accessibility.used",
        "device.fault",
        "device.restored",
    ]
    arrived = events[3]
    assert arrived["at"] == "2026-11-22T10:03:00.000000Z"
    assert arrived["data"]["how"] == "at_lane"
    assert [e["data"]["option"] for e in events[6:8]] == ["large_text", "high_contrast"]
    assert events[-1]["language"] == "es"
    EventBatch.model_validate({"events": events})
    # the same fact recorded again is the same row
    before = len(queued_events(conn))
    recorder._write([rating_occurrence("b-1", 1, T0)])
    recorder._write([rating_occurrence("b-1", 1, T0)])
    assert len(queued_events(conn)) == before + 1
