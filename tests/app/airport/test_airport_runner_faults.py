"""The runner on real parts when things go wrong: the DCS down, a printer out of paper,
an unknown card payment, the traveller cancelling after check-in, walking away, and a
restart that gives back fees of a check-in that never finished."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from airport_lane_rig import (
    NOW,
    airport_rig,
    at,
    running_lane,
    stored_events,
    to_bags,
    to_safety,
    wait_for,
    weigh,
)

from kiosk.app.airport.runner import VerdictRefused
from kiosk.app.wiring import build_lane
from kiosk.clock import monotonic
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.interventions import AirportInterventionKind, Verdict
from kiosk.domain.airport.states import IllegalEvent, Outcome, Step
from kiosk.payment.journal import PaymentState
from kiosk.payment.sim.terminal import Scenario
from kiosk.store.checkins import load_checkin
from kiosk.store.db import connect

K, V = AirportInterventionKind, Verdict


def verdict(kind: K, v: V) -> ev.AgentVerdict:
    return ev.AgentVerdict(kind, v, "", NOW)


def test_dcs_unreachable_is_an_agent_and_retry_goes_on(tmp_path: Path) -> None:
    with airport_rig(tmp_path, dcs_timeout_s=2.0) as rig, running_lane(rig.config) as lane:
        rig.dcs.fail_next(1000)
        lane.controller.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
        state = wait_for(lane, at(Step.INTERVENTION))
        assert state.intervention.kind is K.DCS_UNREACHABLE
        with pytest.raises(IllegalEvent, match="does not apply"):
            lane.controller.agent_verdict(verdict(K.DCS_UNREACHABLE, V.ACCEPT), "s-1")
        rig.dcs.fail_next(0)
        lane.controller.agent_verdict(verdict(K.DCS_UNREACHABLE, V.RETRY), "s-1")
        state = wait_for(lane, at(Step.PASSENGERS))
        assert state.interventions[0].staff_id == "s-1"


def test_paper_out_then_fixed_prints_only_what_is_missing(tmp_path: Path) -> None:
    with airport_rig(tmp_path) as rig, running_lane(rig.config) as lane:
        to_bags(lane, rig)
        rig.atb.command("paper 1")  # one boarding pass left
        lane.controller.send(ev.BagsCounted(NOW))  # no bags: print now
        state = wait_for(lane, at(Step.INTERVENTION), timeout=60)
        assert state.intervention.kind is K.PRINTER_OUT
        assert len(rig.atb.documents) == 1
        printed = [p.document_id for p in state.printouts if p.printed]
        rig.atb.command("recover")
        lane.controller.agent_verdict(verdict(K.PRINTER_OUT, V.FIXED), "tech")
        state = wait_for(lane, lambda s: s.step is Step.DONE, timeout=60)
        assert len(rig.atb.documents) == 2  # the first pass was not printed again
        assert [p.document_id for p in state.printouts if p.printed][: len(printed)] == printed
        assert state.outcome is Outcome.COMPLETED
    events = [
        e for e in stored_events(rig.config.store.path) if e["transaction_id"] == state.checkin_id
    ]
    resolved = [e["data"] for e in events if e["type"] == "intervention.resolved"]
    assert [(r["kind"], r["outcome"], r["staff_id"]) for r in resolved] == [
        ("printer_out", "fixed", "tech")
    ]
    types = [e["type"] for e in events]
    assert types[0] == "transaction.started"
    assert types[-1] == "transaction.completed"
    assert {e["journey"] for e in events} == {"airport_checkin"}


def test_cancel_after_check_in_undoes_it_at_the_dcs(tmp_path: Path) -> None:
    with airport_rig(tmp_path) as rig, running_lane(rig.config) as lane:
        to_bags(lane, rig)
        booking = rig.dcs.state.find_booking("KX7Q2M", "ERIKSSON")
        assert all(p.checked_in for p in booking.passengers)
        lane.controller.send(ev.Cancelled(NOW))
        state = wait_for(lane, lambda s: s.step is Step.DONE)
        assert state.outcome is Outcome.CANCELLED
        conn = connect(rig.config.store.path)
        document = load_checkin(conn, state.checkin_id)
        conn.close()
        assert document is not None
        assert document["status"] == "cancelled"
        assert not any(t["checked_in"] for t in document["travellers"])
        booking = rig.dcs.state.find_booking("KX7Q2M", "ERIKSSON")
        assert not any(p.checked_in for p in booking.passengers)
        # the next traveller starts afresh
        lane.controller.reset()
        wait_for(lane, lambda s: s.step is Step.WELCOME and s.checkin_id != state.checkin_id)
        to_safety(lane, rig)


def test_idle_time_abandons_the_check_in(tmp_path: Path) -> None:
    with airport_rig(tmp_path, abandon_after_s=1.0) as rig, running_lane(rig.config) as lane:
        lane.controller.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
        state = wait_for(lane, lambda s: s.step is Step.DONE, timeout=30)
        assert state.outcome is Outcome.ABANDONED
        conn = connect(rig.config.store.path)
        events = [
            r[0]
            for r in conn.execute(
                "SELECT payload FROM outbox JOIN outbox_payload USING (id) WHERE kind = 'event'"
            )
        ]
        conn.close()
        assert any('"transaction.abandoned"' in e and '"idle_timeout"' in e for e in events)


def test_unknown_payment_waits_for_the_terminal_before_a_verdict(tmp_path: Path) -> None:
    with airport_rig(tmp_path) as rig:
        payment = dataclasses.replace(
            rig.config.payment,
            payment_timeout_s=0.5,
            request_timeout_s=0.5,
            status_backoff_s=(0.05, 0.05),
        )
        config = dataclasses.replace(rig.config, payment=payment)
        with running_lane(config) as lane:
            anna, _ = to_bags(lane, rig)
            lane.controller.send(ev.BagCountChosen(anna, 2, NOW))
            lane.controller.send(ev.BagsCounted(NOW))
            weigh(lane, rig, 10_000, 11_000)
            lane.controller.send(ev.BagsConfirmed(NOW))
            wait_for(lane, at(Step.PAYING))
            rig.demo.terminal.queue(Scenario.HANG)
            lane.controller.send(ev.PayRequested(NOW))
            state = wait_for(lane, at(Step.INTERVENTION), timeout=30)
            assert state.intervention.kind is K.PAYMENT_FAILED
            refused = verdict(K.PAYMENT_FAILED, V.REFUSE)
            with pytest.raises(VerdictRefused, match="still working"):
                lane.controller.agent_verdict(refused, "s-2")
            assert lane.controller.state.step is Step.INTERVENTION
            rig.demo.terminal.power_cycle()
            lane.controller.agent_verdict(refused, "s-2")
            state = wait_for(lane, at(Step.PAYING))
            assert state.payments[-1].outcome == "failed"
            lane.controller.send(ev.PayRequested(NOW))
            state = wait_for(lane, lambda s: s.step is Step.DONE, timeout=60)
            rows = lane.payment_flow.journal.for_sale(state.checkin_id)
            assert [r.state for r in rows] == [PaymentState.CANCELLED, PaymentState.APPROVED]
            sent = [e for e in rig.demo.terminal.ledger.entries() if e.category == "Payment"]
            assert len(sent) == 2  # never charged twice: one hung, one approved


def test_restart_gives_back_fees_of_a_check_in_that_did_not_finish(tmp_path: Path) -> None:
    with airport_rig(tmp_path) as rig:
        with running_lane(rig.config) as lane:
            anna, _ = to_bags(lane, rig)
            lane.controller.send(ev.BagCountChosen(anna, 2, NOW))
            lane.controller.send(ev.BagsCounted(NOW))
            weigh(lane, rig, 10_000, 11_000)
            rig.btp.command("offline")  # the tags cannot print: the check-in stops there
            lane.controller.send(ev.BagsConfirmed(NOW))
            wait_for(lane, at(Step.PAYING))
            lane.controller.send(ev.PayRequested(NOW))
            state = wait_for(lane, lambda s: s.paid().minor > 0, timeout=30)
            checkin_id = state.checkin_id
        # the lane stopped before the record was committed (the traveller's fee is taken):
        # the check-in is gone, so start-up gives the fee back
        lane = build_lane(rig.config, with_sync=False)  # start-up reconciles payments
        try:
            rows = lane.payment_flow.journal.for_sale(checkin_id)
            assert [(r.kind.value, r.state) for r in rows] == [
                ("purchase", PaymentState.REVERSED),
                ("reversal", PaymentState.APPROVED),
            ]
        finally:
            lane.stop()


def test_without_an_atb_printer_boarding_passes_print_on_the_receipt_printer(
    tmp_path: Path,
) -> None:
    with airport_rig(tmp_path) as rig:
        devices = tuple(d for d in rig.config.devices if d.type != "atb_printer")
        with running_lane(dataclasses.replace(rig.config, devices=devices)) as lane:
            to_bags(lane, rig)
            lane.controller.send(ev.BagsCounted(NOW))  # no bags: print now
            state = wait_for(lane, lambda s: s.step is Step.DONE, timeout=60)
        assert state.outcome is Outcome.COMPLETED
        assert len(rig.demo.printer.receipts) == 2
        assert rig.atb.documents == []


def test_a_check_in_lost_by_a_restart_before_printing_is_cancelled_at_the_dcs(
    tmp_path: Path,
) -> None:
    with airport_rig(tmp_path) as rig:
        with running_lane(rig.config) as lane:
            to_bags(lane, rig)  # checked in at the DCS, nothing printed
        booking = rig.dcs.state.find_booking("KX7Q2M", "ERIKSSON")
        assert all(p.checked_in for p in booking.passengers)
        with running_lane(rig.config) as lane:  # the next start undoes it, first thing
            wait_for(lane, lambda s: s.step is Step.WELCOME)
            flushed = threading.Event()
            lane.controller.call(flushed.set)
            assert flushed.wait(20)
        booking = rig.dcs.state.find_booking("KX7Q2M", "ERIKSSON")
        assert not any(p.checked_in for p in booking.passengers)
        conn = connect(rig.config.store.path)
        assert conn.execute("SELECT COUNT(*) FROM checkin_open").fetchone()[0] == 0
        conn.close()


def test_a_completed_check_in_leaves_nothing_to_undo(tmp_path: Path) -> None:
    with airport_rig(tmp_path) as rig, running_lane(rig.config) as lane:
        to_bags(lane, rig)
        conn = connect(rig.config.store.path)
        assert conn.execute("SELECT COUNT(*) FROM checkin_open").fetchone()[0] == 1
        lane.controller.send(ev.BagsCounted(NOW))
        wait_for(lane, lambda s: s.step is Step.DONE, timeout=60)
        assert conn.execute("SELECT COUNT(*) FROM checkin_open").fetchone()[0] == 0
        conn.close()


def test_fees_of_a_check_in_an_agent_cancels_are_given_back(tmp_path: Path) -> None:
    with airport_rig(tmp_path) as rig, running_lane(rig.config) as lane:
        anna, _ = to_bags(lane, rig)
        lane.controller.send(ev.BagCountChosen(anna, 2, NOW))
        lane.controller.send(ev.BagsCounted(NOW))
        weigh(lane, rig, 10_000, 11_000)
        rig.btp.command("offline")  # the tags cannot print: an agent is called
        lane.controller.send(ev.BagsConfirmed(NOW))
        wait_for(lane, at(Step.PAYING))
        lane.controller.send(ev.PayRequested(NOW))
        state = wait_for(lane, at(Step.INTERVENTION), timeout=60)
        assert state.paid().minor == 6000
        lane.controller.send(ev.Cancelled(NOW))  # the traveller cannot, having paid
        state = wait_for(lane, lambda s: s.notice == "cancel_needs_agent")
        lane.controller.send(ev.Cancelled(NOW, staff_id="s-1"))
        state = wait_for(lane, lambda s: s.step is Step.DONE)
        assert state.outcome is Outcome.CANCELLED
        journal = lane.payment_flow.journal

        def given_back() -> bool:
            rows = journal.for_sale(state.checkin_id)
            return [r.state for r in rows] == [PaymentState.REVERSED, PaymentState.APPROVED]

        wait_until(given_back)


def wait_until(test: Callable[[], bool], timeout: float = 20) -> None:
    """Poll ``test`` until it holds (fails after ``timeout`` seconds)."""
    deadline = monotonic() + timeout
    while not test():
        assert monotonic() < deadline, "condition not reached"
        threading.Event().wait(0.05)


def test_the_document_reader_unplugged_calls_an_agent_and_plugged_in_again_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Invariant 7 on real parts: the reader's pty vanishes on the documents step; the lane
    says which device and why (an agent is called), and goes on by itself when it is back."""
    with airport_rig(tmp_path) as rig, running_lane(rig.config) as lane:
        runner = lane.controller
        runner.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
        state = wait_for(lane, at(Step.PASSENGERS))
        anna, lars = (p.passenger_id for p in state.passengers)
        rig.docreader.port.unplug()
        runner.send(ev.PassengersConfirmed(NOW))
        state = wait_for(lane, at(Step.INTERVENTION))
        i = state.intervention
        assert (i.kind, i.passenger_id) == (K.DOCUMENT_FAILED, anna)
        assert i.detail.startswith("device docreader: ")
        assert [d.device for d in state.devices_down] == ["docreader"]
        rig.docreader.port.plug()
        state = wait_for(lane, lambda s: s.step is Step.DOCUMENTS and s.document_for == anna)
        assert state.devices_down == ()
        assert (state.interventions[-1].staff_id, state.interventions[-1].verdict) == ("", None)
        rig.docreader.present("anna")
        wait_for(lane, lambda s: s.document_for == lars and s.waiting is None)
        rig.docreader.present("lars")
        wait_for(lane, at(Step.SAFETY))
        caplog.clear()
    faults = [r.getMessage() for r in caplog.records if "faulted" in r.getMessage()]
    assert faults == []  # the lane stopping is no device fault


def test_a_boarding_pass_printer_out_of_paper_stops_before_printing(tmp_path: Path) -> None:
    with airport_rig(tmp_path) as rig, running_lane(rig.config) as lane:
        to_bags(lane, rig)
        rig.atb.command("paper out")
        state = wait_for(lane, lambda s: bool(s.devices_down), timeout=30)
        assert state.devices_down[0].device == "atb"
        lane.controller.send(ev.BagsCounted(NOW))  # no bags: the boarding passes next
        state = wait_for(lane, at(Step.INTERVENTION))
        assert state.intervention.kind is K.PRINTER_OUT
        assert state.intervention.detail.startswith("device atb: ")
        assert rig.atb.documents == []
        rig.atb.command("paper ok")
        state = wait_for(lane, at(Step.DONE), timeout=30)
        assert state.outcome is Outcome.COMPLETED
        assert len(rig.atb.documents) == 2


def test_a_record_whose_fees_the_journal_does_not_back_is_refused_and_an_agent_called(
    tmp_path: Path,
) -> None:
    """Invariant 9, by tampering: between the payment and the commit the journal's row is
    changed to 50.00; the record showing 60.00 is not stored, an agent is called, and the
    record stored after the agent's verdict holds what the journal says."""
    with airport_rig(tmp_path) as rig, running_lane(rig.config) as lane:
        anna, _ = to_bags(lane, rig)
        lane.controller.send(ev.BagCountChosen(anna, 2, NOW))
        lane.controller.send(ev.BagsCounted(NOW))
        weigh(lane, rig, 10_000, 11_000)
        rig.btp.command("offline")  # the tags wait: time to tamper before the commit
        lane.controller.send(ev.BagsConfirmed(NOW))
        wait_for(lane, at(Step.PAYING))
        lane.controller.send(ev.PayRequested(NOW))
        state = wait_for(lane, at(Step.INTERVENTION), timeout=60)
        assert (state.intervention.kind, state.paid().minor) == (K.PRINTER_OUT, 6000)
        conn = connect(rig.config.store.path)
        with conn:
            conn.execute(
                "UPDATE payment SET approved_amount = 5000 WHERE sale_id = ?", (state.checkin_id,)
            )
        rig.btp.command("online")
        lane.controller.agent_verdict(verdict(K.PRINTER_OUT, V.FIXED), "tech")
        state = wait_for(
            lane, lambda s: s.intervention is not None and s.intervention.kind is K.PAYMENT_FAILED
        )
        assert state.intervention.detail.startswith("record refused: check-in ")
        assert load_checkin(conn, state.checkin_id) is None  # nothing stored
        assert state.paid().minor == 5000  # the journal's word
        lane.controller.agent_verdict(verdict(K.PAYMENT_FAILED, V.ACCEPT), "s-1")
        state = wait_for(lane, lambda s: s.step is Step.DONE)
        stored = load_checkin(conn, state.checkin_id)
        assert stored is not None
        assert stored["status"] == "completed"
        assert stored["fees_total"] == 5000
        assert [(p["amount"], p["outcome"]) for p in stored["payments"]] == [(5000, "approved")]
        conn.close()
