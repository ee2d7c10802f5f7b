"""What the hotel runner does when its parts fail, on the same real parts as the e2e test:
the PMS down (an intervention staff retry), the key encoder failing a key (an
intervention; the key made again), a bill larger than the deposit (the pre-authorisation
is raised to it, then captured; one the card's limit refuses: what is held is captured,
the rest paid by card).
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hotel_lane_rig import (
    NOW,
    at,
    check_in_to_keys,
    check_in_to_paying,
    check_in_to_registration,
    hotel_rig,
    outbox,
    register_guests,
    running_lane,
    wait_for,
)

from kiosk.app.hotel.runner import VerdictRefused
from kiosk.backoffice.pms.sim.data import charge
from kiosk.domain.airport.interventions import Verdict
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.interventions import HotelInterventionKind as Kind
from kiosk.domain.hotel.states import DepositState, HotelState, Outcome, Step
from kiosk.payment.journal import PaymentState
from kiosk.payment.sim.terminal import Scenario
from kiosk.store.db import connect
from kiosk.store.stays import held_deposit


def test_the_pms_down_calls_staff_who_retry_once_it_is_back(tmp_path: Path) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        runner = lane.controller
        rig.demo.pms.fail_next(1_000, status=503)
        runner.send(ev.ConfirmationEntered("4701", NOW))
        state = wait_for(lane, at(Step.INTERVENTION))
        assert state.intervention is not None
        assert state.intervention.kind is Kind.PMS_UNREACHABLE
        rig.demo.pms.faults.clear()
        runner.agent_verdict(ev.AgentVerdict(Kind.PMS_UNREACHABLE, Verdict.RETRY, "", NOW), "s1")
        state = wait_for(lane, at(Step.STAY))
        assert state.stay is not None
        assert state.stay.confirmation_number == "4701"
        assert [i.kind for i in state.interventions] == [Kind.PMS_UNREACHABLE]
        assert state.interventions[0].staff_id == "s1"


def test_a_key_the_encoder_did_not_confirm_calls_staff_and_is_made_again(
    tmp_path: Path,
) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        runner = lane.controller
        check_in_to_keys(rig, lane)
        rig.demo.salto.command("remove after 1")  # the card is pulled during the 2nd key
        runner.send(ev.KeyCountChosen(2, NOW))
        state = wait_for(lane, at(Step.INTERVENTION))
        assert state.intervention is not None
        assert state.intervention.kind is Kind.ENCODER_FAILED
        assert state.keys_encoded() == 1  # the first key was confirmed, the second not
        assert len(rig.demo.salto.keys) == 1
        runner.agent_verdict(ev.AgentVerdict(Kind.ENCODER_FAILED, Verdict.RETRY, "", NOW), "s1")
        state = wait_for(lane, lambda s: s.step is Step.DONE)
        assert state.outcome is Outcome.COMPLETED
        assert state.keys_encoded() == 2
    assert [(k.room, k.copy) for k in rig.demo.salto.keys] == [("204", False), ("204", True)]


def _check_out_with_a_spa_bill(rig: Any, lane: Any) -> HotelState:
    """Check in, then check out two days later with 200.00 of spa on the bill (the
    deposit held is 150.00): the state once the deposit is settled."""
    runner = lane.controller
    check_in_to_keys(rig, lane)
    runner.send(ev.KeyCountChosen(1, NOW))
    state = wait_for(lane, lambda s: s.step is Step.DONE)
    reservation = rig.demo.pms.hotel.reservations[state.stay.stay_id]
    rig.clock.advance(timedelta(days=2, hours=-6))
    charge(rig.demo.pms.hotel, reservation, "Spa", "200.00", rig.clock().date(),
           kind="ProductOrder")  # fmt: skip
    runner.reset()
    wait_for(lane, at(Step.WELCOME))
    runner.send(ev.CheckOutChosen(NOW))
    wait_for(lane, at(Step.FIND_ROOM))
    runner.send(ev.RoomEntered("204", "García", NOW))
    wait_for(lane, lambda s: at(Step.FOLIO)(s) and s.folio is not None)
    runner.send(ev.FolioConfirmed(NOW))
    return wait_for(lane, lambda s: at(Step.PAYING)(s) or at(Step.INVOICE)(s), timeout=60)


def test_a_bill_over_the_deposit_raises_the_pre_authorisation_then_captures_it(
    tmp_path: Path,
) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        state = _check_out_with_a_spa_bill(rig, lane)
        # the bill's 200.00 (more than the 150.00 held): UpdateReservation, then capture
        assert state.deposit_state is DepositState.CAPTURED
        assert state.balance_due().minor == 0
        assert state.step is Step.INVOICE
        purposes = [(p.purpose.value, p.outcome, p.amount.minor) for p in state.payments]
        assert purposes == [("adjust", "approved", 20000), ("capture", "approved", 20000)]
    ledger = rig.demo.terminal.ledger.entries()
    updates = [e for e in ledger if e.payment_type == "UpdateReservation"]
    assert [(e.state, e.amount_minor) for e in updates] == [("approved", 20000)]
    captured = [e for e in ledger if e.payment_type == "Completion" and e.state == "approved"]
    assert [e.amount_minor for e in captured] == [20000]


def test_a_bill_over_the_cards_limit_captures_what_is_held_and_the_rest_by_card(
    tmp_path: Path,
) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        rig.demo.terminal.reservation_limit = 18000  # the card takes no reservation of 200.00
        runner = lane.controller
        check_in_to_keys(rig, lane)
        runner.send(ev.KeyCountChosen(1, NOW))
        state = wait_for(lane, lambda s: s.step is Step.DONE)
        reservation = rig.demo.pms.hotel.reservations[state.stay.stay_id]
        rig.clock.advance(timedelta(days=2, hours=-6))
        today = rig.clock().date()
        charge(rig.demo.pms.hotel, reservation, "Spa", "200.00", today, kind="ProductOrder")
        runner.reset()
        wait_for(lane, at(Step.WELCOME))
        runner.send(ev.CheckOutChosen(NOW))
        wait_for(lane, at(Step.FIND_ROOM))
        runner.send(ev.RoomEntered("204", "García", NOW))
        wait_for(lane, lambda s: at(Step.FOLIO)(s) and s.folio is not None)
        runner.send(ev.FolioConfirmed(NOW))
        state = wait_for(lane, lambda s: at(Step.PAYING)(s) or at(Step.INVOICE)(s), timeout=60)
        # the adjustment is refused: 150.00 held is captured, 50.00 is left to pay
        assert state.deposit_state is DepositState.CAPTURED
        assert state.balance_due().minor == 5000
        assert state.step is Step.PAYING
        runner.send(ev.PayRequested(NOW))
        state = wait_for(lane, at(Step.INVOICE), timeout=60)
        assert state.balance_due().minor == 0
        purposes = [(p.purpose.value, p.outcome, p.amount.minor) for p in state.payments]
        assert purposes == [
            ("adjust", "declined", 20000),
            ("capture", "approved", 15000),
            ("balance", "approved", 5000),
        ]


def test_a_visit_lost_after_the_balance_was_paid_is_not_given_back_but_shown_to_staff(
    tmp_path: Path,
) -> None:
    with hotel_rig(tmp_path) as rig:
        with running_lane(rig) as lane:
            check_in_to_paying(rig, lane)
            lane.controller.send(ev.PayRequested(NOW))
            state = wait_for(lane, lambda s: s.payments and all(p.posted for p in s.payments))
            [paid] = state.payments
            visit = state.checkin_id
        # the lane stopped part-way (no record); the balance is on the hotel's bill
        with running_lane(rig) as lane:
            lines = lane.give_back_orphans()
            assert lines == [
                f"visit {visit} stopped part-way after a card payment: check the stay's bill"
            ]
            record = lane.payment_flow.journal.get(paid.reference)
            assert record.state is PaymentState.APPROVED  # not reversed


def test_a_deposit_whose_outcome_is_unknown_is_never_sent_again_by_itself(
    tmp_path: Path,
) -> None:
    with hotel_rig(tmp_path) as rig:
        payment = dataclasses.replace(
            rig.config.payment,
            payment_timeout_s=0.5,
            request_timeout_s=0.5,
            status_backoff_s=(0.05, 0.05),
        )
        rig.config = dataclasses.replace(rig.config, payment=payment)
        with running_lane(rig) as lane:
            runner = lane.controller
            check_in_to_paying(rig, lane)
            runner.send(ev.PayRequested(NOW))  # the balance
            wait_for(lane, lambda s: at(Step.PAYING)(s) and s.balance_due().minor == 0)
            rig.demo.terminal.queue(Scenario.HANG)
            runner.send(ev.PayRequested(NOW))  # the deposit: the terminal hangs
            state = wait_for(lane, at(Step.INTERVENTION))
            assert state.intervention is not None
            assert state.intervention.kind is Kind.PAYMENT_FAILED
            refused = ev.AgentVerdict(Kind.PAYMENT_FAILED, Verdict.REFUSE, "", NOW)
            with pytest.raises(VerdictRefused, match="still working"):
                runner.agent_verdict(refused, "s1")
            rig.demo.terminal.power_cycle()
            runner.agent_verdict(refused, "s1")  # the terminal, asked again, did not take it
            state = wait_for(lane, at(Step.PAYING))
            assert [p.outcome for p in state.payments] == ["approved", "failed"]
            runner.send(ev.PayRequested(NOW))  # the guest tries again
            state = wait_for(lane, at(Step.KEYS))
            assert state.deposit_state is DepositState.AUTHORISED
        sent = [e for e in rig.demo.terminal.ledger.entries() if e.category == "Payment"]
        assert len(sent) == 3  # the balance, the hung deposit, the deposit: none re-sent


def test_a_room_not_ready_calls_staff_who_retry_once_housekeeping_cleaned_it(
    tmp_path: Path,
) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        runner = lane.controller
        runner.send(ev.ConfirmationEntered("4703", NOW))  # Claire Dubois, room 112 dirty
        wait_for(lane, at(Step.STAY))
        runner.send(ev.StayConfirmed(NOW))
        register_guests(rig, lane, {"Claire": "claire"})
        wait_for(lane, at(Step.REGISTRATION))
        runner.sign(b"\x89PNG signature", "fr")
        wait_for(lane, lambda s: bool(s.signature_ref))
        runner.send(ev.CardDeliveryChosen(ev.Delivery.NONE, NOW))
        wait_for(lane, at(Step.PAYING))
        runner.send(ev.PayRequested(NOW))  # the balance
        wait_for(lane, lambda s: at(Step.PAYING)(s) and s.balance_due().minor == 0)
        runner.send(ev.PayRequested(NOW))  # the deposit; then the PMS refuses the check-in
        state = wait_for(lane, at(Step.INTERVENTION))
        assert state.intervention is not None
        assert state.intervention.kind is Kind.ROOM_NOT_READY
        assert not state.checked_in
        rig.demo.pms.set_room_state("112", "Inspected")
        runner.agent_verdict(ev.AgentVerdict(Kind.ROOM_NOT_READY, Verdict.RETRY, "", NOW), "s1")
        state = wait_for(lane, at(Step.KEYS))
        assert state.checked_in
        assert state.room is not None
        assert state.room.number == "112"


def test_a_registration_card_the_printer_could_not_print_calls_staff(tmp_path: Path) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        runner = lane.controller
        check_in_to_registration(rig, lane)
        runner.sign(b"\x89PNG signature", "es")
        wait_for(lane, lambda s: bool(s.signature_ref))
        rig.demo.printer.command("paper out")
        runner.send(ev.CardDeliveryChosen(ev.Delivery.PRINT, NOW))
        state = wait_for(lane, at(Step.INTERVENTION), timeout=60)
        assert state.intervention is not None
        assert state.intervention.kind is Kind.PRINTER_OUT
        assert rig.demo.printer.receipts == []
        assert lane.devices["printer"].receipts.held() == ()  # no copy waits in the queue
        rig.demo.printer.command("paper ok")
        runner.agent_verdict(ev.AgentVerdict(Kind.PRINTER_OUT, Verdict.FIXED, "", NOW), "s1")
        state = wait_for(lane, at(Step.PAYING), timeout=60)
        assert state.card_delivered
        assert len(rig.demo.printer.receipts) == 1  # printed again once


def test_a_refused_room_releases_the_deposit_this_visit_reserved(tmp_path: Path) -> None:
    with hotel_rig(tmp_path) as rig, running_lane(rig) as lane:
        runner = lane.controller
        runner.send(ev.ConfirmationEntered("4703", NOW))  # room 112 dirty
        wait_for(lane, at(Step.STAY))
        runner.send(ev.StayConfirmed(NOW))
        register_guests(rig, lane, {"Claire": "claire"})
        wait_for(lane, at(Step.REGISTRATION))
        runner.sign(b"\x89PNG signature", "fr")
        wait_for(lane, lambda s: bool(s.signature_ref))
        runner.send(ev.CardDeliveryChosen(ev.Delivery.NONE, NOW))
        wait_for(lane, at(Step.PAYING))
        runner.send(ev.PayRequested(NOW))
        wait_for(lane, lambda s: at(Step.PAYING)(s) and s.balance_due().minor == 0)
        runner.send(ev.PayRequested(NOW))
        state = wait_for(lane, at(Step.INTERVENTION))
        stay_id, deposit_ref = state.stay.stay_id, state.deposit_ref
        runner.agent_verdict(ev.AgentVerdict(Kind.ROOM_NOT_READY, Verdict.REFUSE, "", NOW), "s1")
        state = wait_for(lane, lambda s: s.step is Step.DONE, timeout=60)
        assert state.outcome is Outcome.CANCELLED
        assert state.deposit_state is DepositState.RELEASED
        assert lane.payment_flow.journal.get(deposit_ref).state is PaymentState.REVERSED
    [document] = outbox(tmp_path / "lane.sqlite3", "checkin")
    assert document["status"] == "cancelled"
    assert [p["method"] for p in document["payments"]] == [
        "card",
        "card_preauth",
        "card_preauth_cancel",
    ]
    conn = connect(tmp_path / "lane.sqlite3")
    try:
        assert held_deposit(conn, stay_id) is None  # released: nothing to capture later
    finally:
        conn.close()


def test_a_visit_nobody_touches_is_abandoned_and_recorded(tmp_path: Path) -> None:
    with hotel_rig(tmp_path, abandon_after_s=1.0) as rig, running_lane(rig) as lane:
        lane.controller.send(ev.ConfirmationEntered("4701", NOW))
        wait_for(lane, at(Step.STAY))
        state = wait_for(lane, lambda s: s.step is Step.DONE, timeout=20)
        assert state.outcome is Outcome.ABANDONED
        visit = state.checkin_id
    [document] = outbox(tmp_path / "lane.sqlite3", "checkin")
    assert (document["transaction_id"], document["status"]) == (visit, "abandoned")
    events = outbox(tmp_path / "lane.sqlite3", "event")
    [abandoned] = [e for e in events if e["type"] == "transaction.abandoned"]
    assert abandoned["data"]["reason"] == "idle_timeout"
