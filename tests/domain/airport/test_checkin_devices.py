"""The devices a check-in needs (``DeviceChanged``): a document reader that is down stops
the documents step for an agent and the check-in goes on by itself when it is back; a
printer that is down stops before printing (``printer_out``), nothing half printed."""

from __future__ import annotations

from airport_domain_factories import ANNA_PASSPORT, LARS_PASSPORT, NOW, Journey
from test_checkin_journey import through_safety

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.interventions import AirportInterventionKind, Verdict
from kiosk.domain.airport.states import DeviceRole, DocumentCheck, Outcome, Step

K = AirportInterventionKind


def down(device: str, role: str, detail: str = "offline") -> ev.DeviceChanged:
    return ev.DeviceChanged(device, role, False, detail, NOW)


def up(device: str, role: str, low: bool = False) -> ev.DeviceChanged:
    return ev.DeviceChanged(device, role, True, "", NOW, low)


def test_reader_down_on_the_welcome_screen_is_noted_and_calls_an_agent_on_the_documents_step() -> (
    None
):
    j = Journey()
    j.send(down("docreader", "document_reader", "port closed"))
    assert j.state.step is Step.WELCOME
    assert j.state.device_down(DeviceRole.DOCUMENT_READER).detail == "port closed"
    assert not j.of(fx.CallAgent)
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))  # typing still works
    j.send(ev.PassengersConfirmed(NOW))
    assert j.state.step is Step.INTERVENTION
    assert j.state.resume is Step.DOCUMENTS
    i = j.state.intervention
    assert (i.kind, i.passenger_id) == (K.DOCUMENT_FAILED, "P1")
    assert i.detail == "device docreader: port closed"
    j.send(up("docreader", "document_reader"))  # plugged in again: no agent needed
    assert j.state.step is Step.DOCUMENTS
    assert j.state.document_for == "P1"
    resolved = j.state.interventions[-1]
    assert (resolved.staff_id, resolved.verdict) == ("", None)
    assert [type(e) for e in j.effects if isinstance(e, fx.AgentCleared)] == [fx.AgentCleared]
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    j.send(ev.DocumentScanned(LARS_PASSPORT, NOW))
    assert j.state.step is Step.SAFETY


def test_reader_lost_while_a_document_is_awaited_and_an_agents_retry_while_still_down() -> None:
    j = Journey()
    j.send(ev.BookingEntered("KX7Q2M", "ERIKSSON", NOW))
    j.send(ev.PassengersConfirmed(NOW))
    j.send(ev.DocumentScanned(ANNA_PASSPORT, NOW))
    j.send(down("docreader", "document_reader"))
    assert j.state.intervention.passenger_id == "P2"
    assert j.state.passenger("P1").document is DocumentCheck.ACCEPTED
    j.send(down("docreader", "document_reader"))  # told twice (shell and runner): once
    assert len(j.of(fx.CallAgent)) == 1
    j.send(ev.AgentVerdict(K.DOCUMENT_FAILED, Verdict.RETRY, "S1", NOW))
    assert j.state.step is Step.INTERVENTION  # still down: the agent is called again
    assert len(j.of(fx.CallAgent)) == 2
    j.send(ev.AgentVerdict(K.DOCUMENT_FAILED, Verdict.REFUSE, "S1", NOW))
    assert j.state.step is Step.SAFETY  # Lars stays home; Anna goes on
    assert [p.passenger_id for p in j.state.travelling()] == ["P1"]


def test_a_printer_out_of_paper_stops_before_printing_and_prints_when_refilled() -> None:
    j = Journey()
    through_safety(j)
    j.send(ev.SeatsDone(NOW))
    j.send(up("atb", "boarding_pass_printer", low=True))
    assert j.state.devices_low == ("atb",)
    j.send(down("atb", "boarding_pass_printer", "paper out"))
    assert j.state.devices_low == ()
    j.send(ev.BagsCounted(NOW))  # no bags: straight to the boarding passes
    assert j.state.step is Step.INTERVENTION
    assert j.state.resume is Step.PRINTING
    assert j.state.intervention.kind is K.PRINTER_OUT
    assert j.state.intervention.detail == "device atb: paper out"
    assert not j.of(fx.PrintBoardingPass)
    j.send(up("atb", "boarding_pass_printer"))  # refilled: no agent needed
    assert j.state.step is Step.DONE
    assert j.state.outcome is Outcome.COMPLETED
    assert j.world.printed == ["bp:P1:S1", "bp:P2:S1"]
    assert (j.state.interventions[-1].staff_id, j.state.interventions[-1].verdict) == ("", None)


def test_an_agents_fixed_is_taken_before_the_printer_reports_it() -> None:
    j = Journey()
    through_safety(j)
    j.send(ev.SeatsDone(NOW))
    j.send(down("atb", "boarding_pass_printer", "paper out"))
    j.send(ev.BagsCounted(NOW))
    assert j.state.intervention.kind is K.PRINTER_OUT
    j.send(ev.AgentVerdict(K.PRINTER_OUT, Verdict.FIXED, "S1", NOW))
    assert j.state.step is Step.DONE
    assert j.world.printed == ["bp:P1:S1", "bp:P2:S1"]
    assert j.state.devices_down == ()
    j.send(up("atb", "boarding_pass_printer"))  # its status catches up: nothing changes


def test_devices_down_stay_for_the_next_traveller_and_others_are_ignored() -> None:
    j = Journey()
    j.send(down("btp", "bag_tag_printer"))
    j.send(up("scanner", "scanner"))
    before = j.state
    j.send(down("scanner", "scanner"))
    assert j.state is before
    through_safety(j)
    j.send(ev.Cancelled(NOW))
    j.send(ev.Reset("C2", NOW))
    assert j.state.checkin_id == "C2"
    assert j.state.device_down(DeviceRole.BAG_TAG_PRINTER) is not None
