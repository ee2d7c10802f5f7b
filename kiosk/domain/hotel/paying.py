"""Card payments: the balance and the deposit at check-in; capture, adjust then capture,
or release at check-out; what the terminal's outcomes and staff's verdicts do.

Theory of operation. Every card operation is an effect the runner performs
through the journaled payment flow, one at a time (``HotelState.paying`` names
the one at the terminal); its outcome comes back as ``PaymentApproved`` /
``PaymentDeclined`` / ``PaymentUnknown`` naming its purpose and reference. An
outcome seen twice (the same reference) counts once.

* Check-in: ``PayRequested`` charges the balance due (a sale), then, touched
  again, pre-authorises the deposit. ``max_declines`` declines in a row call
  staff (``payment_failed``: ``accept`` = settled at the desk, the deposit
  waived; ``refuse`` = try again).
* Check-out (automatic, no card needed): with a pre-authorisation held and
  nothing to pay it is released; a balance it covers is captured; a larger
  balance first raises it (adjust), then captures; an adjustment declined
  captures what is held and the rest is paid by card; a capture declined leaves
  the whole balance to pay by card. The deposit is captured at most once.
* An unknown outcome is never retried: ``payment_failed`` for staff, whose
  ``accept`` means the terminal shows it done and ``refuse`` that it was not.

A sale or a capture that took money is then posted to the PMS bill
(:func:`.steps.advance` does it before anything else).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.events import (
    PaymentApproved,
    PaymentDeclined,
    PaymentPurpose,
    PaymentUnknown,
    PayRequested,
)
from kiosk.domain.hotel.states import DepositState, HotelPayment, HotelState, Purpose, Step
from kiosk.domain.hotel.steps import Kind, Result, advance, commit, intervene, note, pay
from kiosk.domain.money import Money

_P = PaymentPurpose


def pay_requested(state: HotelState, event: PayRequested, now: datetime) -> Result:
    if state.paying is not None:
        return note(state, "payment_in_progress")
    stay = state.stay
    assert stay is not None
    due = state.balance_due()
    if due.minor > 0:
        return pay(replace(state, notice=""), fx.ChargeBalance(state.checkin_id, stay.stay_id, due))
    deposit = state.deposit_wanted()
    if deposit is not None:
        effect = fx.PreauthoriseDeposit(state.checkin_id, stay.stay_id, deposit)
        return pay(replace(state, notice=""), effect)
    return advance(state, now)


def _known(state: HotelState, reference: str) -> bool:
    return bool(reference) and any(p.reference == reference for p in state.payments)


def _asked(state: HotelState) -> Money:
    return state.paying_amount or Money.zero(state.settings.currency)


def _then(state: HotelState, now: datetime) -> Result:
    """After an outcome: commit when closing, else go on."""
    if state.step is Step.CLOSING:
        return commit(replace(state, step=Step.CLOSING), now)
    return advance(state, now)


def approved(state: HotelState, event: PaymentApproved, now: datetime) -> Result:
    if _known(state, event.reference):
        return state, []
    amount = event.amount if event.amount.minor >= 0 else _asked(state)
    record = HotelPayment(
        event.purpose, event.reference, amount, "approved", now,
        event.masked_pan, event.brand, event.auth_code,
    )  # fmt: skip
    state = replace(
        state, payments=(*state.payments, record), paying=None, paying_amount=None, declines=0
    )
    return _then(_deposit_done(state, event.purpose, event.reference, amount), now)


def _deposit_done(
    state: HotelState, purpose: PaymentPurpose, ref: str, amount: Money
) -> HotelState:
    """What an approved (or confirmed) operation does to the deposit."""
    if purpose is _P.DEPOSIT:
        return replace(
            state, deposit_ref=ref, deposit_amount=amount, deposit_state=DepositState.AUTHORISED
        )
    if purpose is _P.ADJUST:
        return replace(state, deposit_amount=amount, deposit_state=DepositState.ADJUSTED)
    if purpose is _P.CAPTURE:
        return replace(state, deposit_state=DepositState.CAPTURED)
    if purpose is _P.RELEASE:
        return replace(state, deposit_state=DepositState.RELEASED)
    return state


def _deposit_not_done(state: HotelState, purpose: PaymentPurpose) -> HotelState:
    """What a declined (or failed) operation does to the deposit."""
    if purpose is _P.ADJUST:
        return replace(state, deposit_state=DepositState.ADJUST_DECLINED)
    if purpose in (_P.CAPTURE, _P.RELEASE):
        return replace(state, deposit_state=DepositState.FAILED)
    return state


def declined(state: HotelState, event: PaymentDeclined, now: datetime) -> Result:
    if _known(state, event.reference):
        return state, []
    record = HotelPayment(event.purpose, event.reference, _asked(state), "declined", now)
    state = replace(state, payments=(*state.payments, record), paying=None, paying_amount=None)
    if event.purpose not in (_P.BALANCE, _P.DEPOSIT):
        return _then(_deposit_not_done(state, event.purpose), now)
    declines = state.declines + 1
    state = replace(state, declines=declines, payment_failure=event.reason or "declined")
    if declines >= state.settings.max_declines:
        return intervene(state, Kind.PAYMENT_FAILED, "", f"{event.purpose.value} declined", now)
    return state, []


def unknown(state: HotelState, event: PaymentUnknown, now: datetime) -> Result:
    if _known(state, event.reference):
        return state, []
    amount = event.amount if event.amount.minor >= 0 else _asked(state)
    record = HotelPayment(event.purpose, event.reference, amount, "unknown", now)
    state = replace(state, payments=(*state.payments, record), paying=None, paying_amount=None)
    detail = f"{event.purpose.value} outcome unknown {event.reference}"
    return intervene(state, Kind.PAYMENT_FAILED, "", detail, now)


def settle(state: HotelState, confirmed: bool, now: datetime) -> Result:
    """Staff's verdict on ``payment_failed`` (see the module docstring)."""
    pending = [p for p in state.payments if p.outcome == "unknown"]
    if pending:
        outcome = "confirmed" if confirmed else "failed"
        payments = tuple(
            replace(p, outcome=outcome) if p.outcome == "unknown" else p for p in state.payments
        )
        state = replace(state, payments=payments, declines=0)
        for p in pending:
            if confirmed:
                state = _deposit_done(state, p.purpose, p.reference, p.amount)
            else:
                state = _deposit_not_done(state, p.purpose)
        return _then(state, now)
    state = replace(state, declines=0)
    if confirmed:
        state = _waive(state, now)
    return _then(state, now)


def _waive(state: HotelState, now: datetime) -> HotelState:
    """Staff settled at the desk what the terminal would not take."""
    due = state.balance_due()
    if due.minor > 0:
        waived = HotelPayment(_P.BALANCE, "", due, "waived", now)
        return replace(state, payments=(*state.payments, waived))
    if state.purpose is Purpose.CHECK_IN and state.deposit_wanted() is not None:
        return replace(state, deposit_state=DepositState.WAIVED)
    return state
