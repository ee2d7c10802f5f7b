"""Cancel and idle: nothing left at the DCS before check-in, the check-in undone after it
(before anything printed), and the record committed either way."""

from __future__ import annotations

from airport_domain_factories import ANNA_PASSPORT, GARBLED, LARS_PASSPORT, NOW, Journey

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.states import Outcome, Step


def documents_read(j: Journey) -> None:
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    j.send(ev.PassengersConfirmed(NOW))
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))


def checked_in(j: Journey) -> None:
    documents_read(j)
    j.send(ev.SafetyAnswered("dangerous_goods", False, NOW))
    j.send(ev.SafetyAnswered("packed_yourself", True, NOW))
    assert j.state.checked_in


def test_cancel_before_check_in_leaves_nothing_at_the_dcs() -> None:
    j = Journey()
    documents_read(j)
    j.send(ev.Cancelled(NOW))
    assert j.state.step is Step.DONE
    assert j.state.outcome is Outcome.CANCELLED
    assert not j.of(fx.CheckIn)
    assert not j.of(fx.CancelCheckIn)
    record = j.of(fx.CommitCheckin)[0].record
    assert record.status is Outcome.CANCELLED
    assert record.record_locator == "KX7Q2M"


def test_cancel_after_check_in_undoes_it_before_the_record() -> None:
    j = Journey()
    checked_in(j)
    j.send(ev.Cancelled(NOW))
    kinds = [type(e) for e in j.effects if isinstance(e, (fx.CancelCheckIn, fx.CommitCheckin))]
    assert kinds == [fx.CancelCheckIn, fx.CommitCheckin]
    assert j.of(fx.CancelCheckIn)[0].passenger_ids == ("P1", "P2")
    record = j.of(fx.CommitCheckin)[0].record
    assert not any(p.checked_in for p in record.passengers)
    assert j.state.step is Step.DONE


def test_cancel_stuck_at_an_unreachable_dcs_is_closed_by_an_agent() -> None:
    from airport_domain_factories import failure

    j = Journey()
    checked_in(j)
    j.world.fail[ev.DcsCall.CANCEL_CHECK_IN] = failure(ev.DcsCall.CANCEL_CHECK_IN)
    j.send(ev.Cancelled(NOW))
    assert j.state.step is Step.INTERVENTION
    assert j.state.resume is Step.CLOSING
    j.send(ev.IdleTimedOut(NOW))  # nothing more is asked of the traveller
    assert j.state.step is Step.INTERVENTION
    j.send(ev.Cancelled(NOW, staff_id="S1"))
    assert j.state.step is Step.DONE
    assert j.state.interventions[-1].staff_id == "S1"


def test_idle_abandons_and_closes_the_open_intervention() -> None:
    j = Journey()
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    j.send(ev.PassengersConfirmed(NOW))
    for _ in range(3):
        j.send(ev.DocumentScanned(GARBLED, NOW))
    assert j.state.step is Step.INTERVENTION
    j.send(ev.IdleTimedOut(NOW))
    assert j.state.outcome is Outcome.ABANDONED
    record = j.of(fx.CommitCheckin)[0].record
    assert [(i.kind.value, i.verdict) for i in record.interventions] == [("document_failed", None)]


def test_idle_on_the_welcome_screen_does_nothing() -> None:
    j = Journey()
    j.send(ev.IdleTimedOut(NOW))
    j.send(ev.Cancelled(NOW))
    assert j.state.step is Step.WELCOME
    assert j.effects == []


def test_after_a_fee_is_paid_only_an_agent_may_cancel() -> None:
    j = Journey()
    checked_in(j)
    j.world.payment = "unknown"
    j.send(ev.SeatsDone(NOW))
    j.send(ev.BagCountChosen("P1", 2, NOW))
    j.send(ev.BagsCounted(NOW))
    j.send(ev.ScaleRead(10_000, True, NOW))
    j.send(ev.ScaleRead(0, True, NOW))
    j.send(ev.ScaleRead(10_000, True, NOW))
    j.send(ev.BagsConfirmed(NOW))
    j.world.payment = "approved"
    j.auto = False
    j.send(ev.PayRequested(NOW))
    j.send(ev.Cancelled(NOW))
    assert j.state.notice == "payment_in_progress"
    pay = j.of(fx.StartPayment)[0]
    j.send(ev.PaymentApproved("R1", pay.amount, NOW))
    assert j.state.step is Step.PRINTING
    j.send(ev.Cancelled(NOW))
    assert j.state.notice == "cancel_needs_agent"
    j.send(ev.Cancelled(NOW, staff_id="S9"))
    assert j.state.step is Step.CLOSING
    assert j.of(fx.CancelCheckIn)
