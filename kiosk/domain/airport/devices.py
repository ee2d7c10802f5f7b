"""The devices a check-in needs: a document reader and the boarding pass / bag tag printers.

Theory of operation. The runner follows those devices and hands every change of
health to the machine as ``DeviceChanged``; :func:`device_changed` keeps the ones
that cannot be used in ``CheckinState.devices_down`` (and printers running low in
``devices_low``), from one check-in to the next. A device that is down matters
only when the journey needs it:

* the document reader, on the documents step (:func:`reader_needed`, checked by the
  machine after every event): ``document_failed`` for the passenger waiting, its
  detail naming the device and why (the agent can read the passport at the desk's
  reader, or refuse);
* a printer, when its printout is next (:func:`printer_needed`, checked by
  :func:`.steps.advance` before printing): ``printer_out`` before anything is sent
  to it - the traveller has not been handed half the documents.

Such an intervention remembers its device (``device_wait``): when the device comes
back by itself (the cable plugged in again, the paper refilled and the printer
ready) the intervention closes without an agent (resolved with no staff and no
verdict) and the journey goes on: the document is asked for again, or the printing
goes on. An agent's verdict closes it too: an agent's word on ``printer_out``
(``fixed``, ``accept``) counts the printers as working (the printer's status is
polled and may lag; a print that still fails is ``printer_out`` again), while a
``retry`` on the reader with the reader still down stops again. Elsewhere (the
welcome screen, seats, bags) a device that is down is only noted: the screens and
the desk show it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from kiosk.domain.airport.events import DeviceChanged
from kiosk.domain.airport.states import (
    CheckinState,
    DeviceProblem,
    DeviceRole,
    PrintKind,
    Step,
)
from kiosk.domain.airport.steps import Kind, Result, advance, closed, intervene

#: The printer each printout needs.
PRINTER_FOR: dict[PrintKind, DeviceRole] = {
    PrintKind.BOARDING_PASS: DeviceRole.BOARDING_PASS_PRINTER,
    PrintKind.BAG_TAG: DeviceRole.BAG_TAG_PRINTER,
}


def device_changed(state: CheckinState, event: DeviceChanged, now: datetime) -> Result:
    """Note the device's health; stop for an agent if the step needs it, or go on when
    the device the open intervention waits for is back."""
    try:
        role = DeviceRole(event.role)
    except ValueError:
        return state, []  # a device the check-in does not need
    others = tuple(d for d in state.devices_down if d.device != event.device)
    down = others if event.ok else (*others, DeviceProblem(event.device, role, event.detail))
    low_others = tuple(name for name in state.devices_low if name != event.device)
    low = (*low_others, event.device) if event.low and event.ok else low_others
    if down == state.devices_down and low == state.devices_low:
        return state, []  # nothing new (the shell and the runner may both report it)
    state = replace(state, devices_down=down, devices_low=low)
    if event.ok:
        return _back(state, event.device, now)
    if state.step is Step.DOCUMENTS:
        return reader_needed(state, now)
    return state, []


def _back(state: CheckinState, device: str, now: datetime) -> Result:
    """``device`` works again: close the intervention that waited for it, and go on."""
    open_ = state.intervention
    if state.step is not Step.INTERVENTION or state.device_wait != device or open_ is None:
        return state, []
    state, effects = closed(state, "", None, now)
    if open_.kind is Kind.DOCUMENT_FAILED and open_.passenger_id:
        from kiosk.domain.airport.documents import reread

        after, more = reread(state, open_.passenger_id, now)
    else:
        after, more = advance(state, now)
    return after, effects + more


def reader_needed(state: CheckinState, now: datetime) -> Result:
    """On the documents step with the reader down: ``document_failed`` for the passenger
    waiting (unless a call is in flight or an agent is already there)."""
    problem = state.device_down(DeviceRole.DOCUMENT_READER)
    if (
        problem is None
        or state.step is not Step.DOCUMENTS
        or state.waiting is not None
        or not state.document_for
    ):
        return state, []
    detail = f"device {problem.device}: {problem.detail}"
    after, effects = intervene(state, Kind.DOCUMENT_FAILED, state.document_for, detail, now)
    return replace(after, device_wait=problem.device), effects


def printer_needed(state: CheckinState, kind: PrintKind, now: datetime) -> Result | None:
    """``printer_out`` when the printer for ``kind`` is down (None: print)."""
    problem = state.device_down(PRINTER_FOR[kind])
    if problem is None:
        return None
    detail = f"device {problem.device}: {problem.detail}"
    after, effects = intervene(state, Kind.PRINTER_OUT, "", detail, now)
    return replace(after, device_wait=problem.device), effects


__all__ = ["PRINTER_FOR", "device_changed", "printer_needed", "reader_needed"]
