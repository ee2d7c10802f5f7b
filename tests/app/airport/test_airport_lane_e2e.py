"""The airport check-in end to end on real parts: the lane built as ``kiosk run`` builds
it, the DCS simulator over HTTP, the document reader, the scale and the ATB / BTP
printers on ptys, the card terminal simulator, a real SQLite store.

GIVEN the demo booking KX7Q2M (two adults) WHEN both travel, their passports are read,
Anna checks two bags (the second an extra piece, 60.00 EUR paid by card) and Lars one
THEN the boarding passes and bag tags are printed, the record is committed with its
outbox row and service events, and no MRZ line is anywhere in the store or the logs.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from airport_lane_rig import airport_rig, running_lane, stored_events, wait_for

from kiosk.devices.docreader.samples import SAMPLE_DOCUMENTS
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.states import CheckinState, Outcome, Step
from kiosk.domain.money import Money
from kiosk.store.db import connect

NOW = datetime(2026, 1, 1, tzinfo=UTC)  # any time: the runner stamps events with its clock


def at(step: Step) -> Callable[[CheckinState], bool]:
    return lambda state: state.step is step and state.waiting is None


def test_two_passengers_three_bags_one_paid(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with airport_rig(tmp_path) as rig, running_lane(rig.config) as lane:
        runner = lane.controller
        runner.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
        state = wait_for(lane, at(Step.PASSENGERS))
        assert [p.passenger.surname for p in state.passengers] == ["ERIKSSON", "ERIKSSON"]
        anna, lars = (p.passenger_id for p in state.passengers)
        runner.send(ev.PassengersConfirmed(NOW))
        wait_for(lane, lambda s: s.step is Step.DOCUMENTS and s.document_for == anna)
        rig.docreader.present("anna")
        wait_for(lane, lambda s: s.document_for == lars and s.waiting is None)
        rig.docreader.present("lars")
        state = wait_for(lane, at(Step.SAFETY))
        for question in state.booking.safety_questions:
            safe = question == "packed_yourself"
            runner.send(ev.SafetyAnswered(question, safe, NOW))
        state = wait_for(lane, at(Step.SEATS))
        assert state.checked_in
        assert state.seat_map(state.seat_segment) is not None
        for _ in state.booking.flights:
            runner.send(ev.SeatsDone(NOW))
        state = wait_for(lane, lambda s: s.step in (Step.OFFERS, Step.BAGS))
        if state.step is Step.OFFERS:
            runner.send(ev.OffersDone(NOW))
        wait_for(lane, at(Step.BAGS))
        runner.send(ev.BagCountChosen(anna, 2, NOW))
        runner.send(ev.BagCountChosen(lars, 1, NOW))
        runner.send(ev.BagsCounted(NOW))
        for n, grams in enumerate((18_000, 19_500, 21_000)):
            rig.demo.scale.load_g = grams
            wait_for(lane, lambda s, n=n: len(s.bags) > n and s.bags[n].weight_g is not None)
            rig.demo.scale.load_g = 0
            wait_for(lane, lambda s: s.scale_clear)
        state = runner.state
        assert [b.weight_g for b in state.bags] == [18_000, 19_500, 21_000]
        assert state.amount_due() == Money(6000, "EUR")
        runner.send(ev.BagsConfirmed(NOW))
        wait_for(lane, at(Step.PAYING))
        runner.send(ev.PayRequested(NOW))
        state = wait_for(lane, lambda s: s.step is Step.DONE, timeout=60)
        assert state.outcome is Outcome.COMPLETED
        assert len(rig.atb.documents) == 2
        assert len(rig.btp.documents) == 3
        checkin_id = state.checkin_id
        lane.service_events.rating(3)  # the thank-you screen's face, as after a sale
        rated = threading.Event()
        lane.controller.call(rated.set)  # the rating is written on the runner's thread
        assert rated.wait(10)

    conn = connect(rig.config.store.path)
    rows = conn.execute(
        "SELECT kind, payload FROM outbox JOIN outbox_payload USING (id) ORDER BY id"
    ).fetchall()
    kinds = [r["kind"] for r in rows]
    assert kinds.count("checkin") == 1
    document = json.loads(next(r["payload"] for r in rows if r["kind"] == "checkin"))
    assert document["transaction_id"] == checkin_id
    assert document["reference"] == "KX7Q2M"
    assert document["status"] == "completed"
    assert document["fees_total"] == 6000
    assert [t["document"]["number_last4"] for t in document["travellers"]] == ["02C3", "02D4"]
    assert sorted(b["fee"] for b in document["bags"]) == [0, 0, 6000]
    assert [p["outcome"] for p in document["payments"]] == ["approved"]
    events = [(e["type"], e["transaction_id"]) for e in stored_events(rig.config.store.path)]
    assert events == [
        ("transaction.started", checkin_id),
        ("transaction.completed", checkin_id),
        ("feedback.rating", checkin_id),
    ]
    # the payment is closed with the record: start-up never gives it back as an orphan
    closed = conn.execute("SELECT COUNT(*) FROM payment WHERE sale_id = ?", (checkin_id,))
    assert closed.fetchone()[0] == 1
    conn.close()
    _no_mrz_anywhere(rig.config.store.path, caplog.text)
    from kiosk.hq.checkin_models import CheckinDocument

    CheckinDocument.model_validate(document)  # what HQ's /api/v1/checkins takes


def _no_mrz_anywhere(store: Path, logs: str) -> None:
    lines = [line for name in ("anna", "lars") for line in SAMPLE_DOCUMENTS[name]]
    blobs = b"".join(p.read_bytes() for p in store.parent.glob(store.name + "*"))
    for line in lines:
        assert line.encode() not in blobs
        assert line not in logs
        assert line[:30].encode() not in blobs
    for number in ("L898902C3", "L898902D4"):  # the whole document number stays off disk
        assert number.encode() not in blobs
        assert number not in logs
    sqlite3.connect(store).close()


def test_a_boarding_pass_scanned_at_the_scanner_finds_the_booking(tmp_path: Path) -> None:
    from kiosk.domain.travel import BoardingPass, Leg, encode_bcbp

    bcbp = encode_bcbp(
        BoardingPass(
            "ERIKSSON/ANNA MARIA",
            (Leg("KX7Q2M", "LIS", "CDG", "KX", "0123", 339, "Y", "014A", "0001", "1"),),
        )
    )
    with airport_rig(tmp_path) as rig, running_lane(rig.config) as lane:
        rig.demo.scanner.scan(bcbp)
        state = wait_for(lane, at(Step.PASSENGERS))
        assert state.identified_by == "boarding_pass"
        assert state.booking.record_locator == "KX7Q2M"
