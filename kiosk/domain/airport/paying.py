"""Fees at the card terminal, then bag tags, boarding passes and the printouts.

Paying: ``PayRequested`` charges what is due (``StartPayment``); the journaled
payment flow answers approved / declined / unknown. An unknown outcome is never
retried: it is ``payment_failed`` for an agent, whose ``accept`` means the
terminal, asked again, shows it paid (``confirmed``) and ``refuse`` that it was
not (``failed``). ``max_declines`` declines in a row also call an agent, whose
``accept`` waives the fee (collected at the desk) and ``refuse`` lets the
traveller try again.

Printing (see :func:`.steps.advance`): each bag's tag from the DCS (one call
per bag; a second answer for a bag that has its tag is ignored, so no bag ever
has two tags), the boarding passes, then one printout at a time. A failure
(paper out, jam) is ``printer_out``; after the agent's ``fixed`` only what is
not printed yet is printed, the failed one included; nothing printed is
printed again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.airport import effects as fx
from kiosk.domain.airport.dcs import DcsErrorKind
from kiosk.domain.airport.events import (
    BagTagIssued,
    BoardingPassesReceived,
    DcsFailed,
    DocumentPrinted,
    PaymentApproved,
    PaymentDeclined,
    PaymentUnknown,
    PayRequested,
    PrintFailed,
)
from kiosk.domain.airport.states import CheckinState, FeePayment, PrintKind, Printout
from kiosk.domain.airport.steps import Kind, Result, advance, intervene, note


def pay(state: CheckinState, event: PayRequested, now: datetime) -> Result:
    if state.paying_now:
        return note(state, "payment_in_progress")
    due = state.amount_due()
    if due.minor <= 0:
        return advance(state, now)
    paying = replace(state, paying_now=True, payment_failure="", notice="")
    return paying, [fx.StartPayment(state.checkin_id, due)]


def _known(state: CheckinState, reference: str) -> bool:
    """An outcome already recorded (a reference of "" - nothing was sent - never is)."""
    return bool(reference) and any(p.reference == reference for p in state.payments)


def approved(state: CheckinState, event: PaymentApproved, now: datetime) -> Result:
    if _known(state, event.reference):
        return state, []  # the same outcome twice: counted once
    record = FeePayment(
        event.reference,
        event.amount,
        "approved",
        now,
        event.masked_pan,
        event.brand,
        event.auth_code,
    )
    after = replace(
        state, payments=(*state.payments, record), paying_now=False, declines=0, notice=""
    )
    return advance(after, now)


def declined(state: CheckinState, event: PaymentDeclined, now: datetime) -> Result:
    if _known(state, event.reference):
        return state, []
    due = state.amount_due()
    record = FeePayment(event.reference, due, "declined", now)
    declines = state.declines + 1
    after = replace(
        state,
        payments=(*state.payments, record),
        paying_now=False,
        declines=declines,
        payment_failure=event.reason or "declined",
    )
    if declines >= state.settings.max_declines:
        return intervene(after, Kind.PAYMENT_FAILED, "", "declined", now)
    return after, []


def unknown(state: CheckinState, event: PaymentUnknown, now: datetime) -> Result:
    if _known(state, event.reference):
        return state, []
    record = FeePayment(event.reference, event.amount, "unknown", now)
    after = replace(state, payments=(*state.payments, record), paying_now=False)
    return intervene(after, Kind.PAYMENT_FAILED, "", f"unknown outcome {event.reference}", now)


def settle_unknown(state: CheckinState, confirmed: bool, now: datetime) -> CheckinState:
    """An agent's verdict on payment_failed: unknown payments confirmed or failed; with
    no unknown payment (too many declines) ``accept`` waives what is due."""
    outcome = "confirmed" if confirmed else "failed"
    if any(p.outcome == "unknown" for p in state.payments):
        payments = tuple(
            replace(p, outcome=outcome) if p.outcome == "unknown" else p for p in state.payments
        )
        return replace(state, payments=payments, declines=0)
    if confirmed and state.amount_due().minor > 0:
        waived = FeePayment("", state.amount_due(), "waived", now)
        return replace(state, payments=(*state.payments, waived), declines=0)
    return replace(state, declines=0)


# --- tags, passes, printouts ------------------------------------------------------------


def tag_issued(state: CheckinState, event: BagTagIssued, now: datetime) -> Result:
    state = replace(state, waiting=None, retry_call=None)
    bag = next((b for b in state.bags if b.bag_no == event.bag_no), None)
    if bag is None or bag.tag is not None:
        return advance(state, now)  # never two tags for one bag
    bags = tuple(replace(b, tag=event.tag) if b.bag_no == event.bag_no else b for b in state.bags)
    return advance(replace(state, bags=bags), now)


def passes_received(state: CheckinState, event: BoardingPassesReceived, now: datetime) -> Result:
    state = replace(state, waiting=None, retry_call=None)
    travelling = {p.passenger_id for p in state.travelling()}
    passes = tuple(bp for bp in event.passes if bp.passenger_id in travelling)
    if not passes:
        return intervene(state, Kind.AGENT_NEEDED, "", "no boarding pass", now)
    printouts = [
        Printout(
            f"bp:{bp.passenger_id}:{bp.segment_id}",
            PrintKind.BOARDING_PASS,
            bp.passenger_id,
            bp.flight,
        )
        for bp in passes
    ]
    printouts += [
        Printout(
            f"tag:{b.tag.licence_plate}", PrintKind.BAG_TAG, b.passenger_id, b.tag.licence_plate
        )
        for b in state.bags
        if b.tag is not None
    ]
    unique = tuple({p.document_id: p for p in printouts}.values())
    return advance(replace(state, passes=passes, printouts=unique), now)


def issue_failed(state: CheckinState, event: DcsFailed, now: datetime) -> Result:
    if event.kind is DcsErrorKind.UNREACHABLE:
        return intervene(state, Kind.DCS_UNREACHABLE, "", event.call.value, now)
    return intervene(state, Kind.AGENT_NEEDED, "", event.code or event.kind.value, now)


def printed(state: CheckinState, event: DocumentPrinted, now: datetime) -> Result:
    if event.document_id != state.printing_now:
        return state, []  # not the one at the printer: nothing to mark
    printouts = tuple(
        replace(p, printed=True) if p.document_id == event.document_id else p
        for p in state.printouts
    )
    return advance(replace(state, printouts=printouts, printing_now=""), now)


def print_failed(state: CheckinState, event: PrintFailed, now: datetime) -> Result:
    if event.document_id != state.printing_now:
        return state, []
    printouts = tuple(
        replace(p, failures=p.failures + 1) if p.document_id == event.document_id else p
        for p in state.printouts
    )
    after = replace(state, printouts=printouts, printing_now="")
    return intervene(after, Kind.PRINTER_OUT, "", event.reason or "printer", now)
