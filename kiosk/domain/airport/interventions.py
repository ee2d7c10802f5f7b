"""Interventions of the airport check-in: what stops the journey until an agent decides.

An :class:`AirportIntervention` names its kind, the passenger it is about (``""``
for the whole booking), a detail for the agent (never document data: no MRZ, no
document number) and when it was raised. The agent answers with a
:class:`Verdict`; :data:`VERDICTS` lists the verdicts that make sense for each
kind (the agent desk offers exactly those, the machine refuses any other):

* ``accept``: the agent checked and overrides the kiosk (a name that differs, a
  visa seen, a heavy bag taken, a payment seen approved on the terminal...);
* ``refuse``: this passenger does not travel; the others go on (for a booking-wide
  kind such as ``safety_answer`` nobody travels and the check-in is cancelled;
  for a payment, the fee was not paid and the traveller is back on the pay screen);
* ``retry``: try the same step again (read the document again, weigh the bag
  again, call the DCS again);
* ``fixed``: the agent fixed the device (a printer refilled): carry on where the
  journey stopped (for the printer: print what is not printed yet).

A resolved intervention is kept as a :class:`ResolvedAirportIntervention` for the
check-in record and the service events.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class AirportInterventionKind(enum.Enum):
    """Why the kiosk called an agent (values are the check-in record's ``kind``)."""

    DOCUMENT_FAILED = "document_failed"  # unreadable after the retries, or not a travel document
    NAME_MISMATCH = "name_mismatch"  # the document's name is not the booked passenger's
    DOCUMENT_EXPIRED = "document_expired"  # not valid on the last travel date
    AGENT_NEEDED = "agent_needed"  # the DCS wants an agent (visa / ESTA / entry rules)
    INHIBITED_PASSENGER = "inhibited_passenger"  # the DCS will not check them in at a kiosk
    BAG_OVER_MAXIMUM = "bag_over_maximum"  # heavier than the heavy limit (or no fee to pay)
    DCS_UNREACHABLE = "dcs_unreachable"  # the airline's system did not answer
    PRINTER_OUT = "printer_out"  # paper out, jammed, offline
    PAYMENT_FAILED = "payment_failed"  # outcome unknown, or too many declines
    SAFETY_ANSWER = "safety_answer"  # a safety question answered the wrong way


class Verdict(enum.Enum):
    """An agent's answer to an intervention (see the module docstring)."""

    ACCEPT = "accept"
    REFUSE = "refuse"
    RETRY = "retry"
    FIXED = "fixed"


_K = AirportInterventionKind
_V = Verdict

#: The verdicts an agent may give for each kind, in the order the desk shows them.
VERDICTS: dict[AirportInterventionKind, tuple[Verdict, ...]] = {
    _K.DOCUMENT_FAILED: (_V.RETRY, _V.REFUSE),
    _K.NAME_MISMATCH: (_V.ACCEPT, _V.RETRY, _V.REFUSE),
    _K.DOCUMENT_EXPIRED: (_V.ACCEPT, _V.RETRY, _V.REFUSE),
    _K.AGENT_NEEDED: (_V.ACCEPT, _V.REFUSE),
    _K.INHIBITED_PASSENGER: (_V.ACCEPT, _V.REFUSE),
    _K.BAG_OVER_MAXIMUM: (_V.ACCEPT, _V.RETRY, _V.REFUSE),
    _K.DCS_UNREACHABLE: (_V.RETRY,),
    _K.PRINTER_OUT: (_V.FIXED, _V.ACCEPT),
    _K.PAYMENT_FAILED: (_V.ACCEPT, _V.REFUSE),
    _K.SAFETY_ANSWER: (_V.ACCEPT, _V.REFUSE),
}

#: What each verdict means per kind, for the desk and docs/airport.md (English, for staff).
VERDICT_MEANING: dict[tuple[AirportInterventionKind, Verdict], str] = {
    (_K.DOCUMENT_FAILED, _V.RETRY): "read the document again (the retries start over)",
    (_K.DOCUMENT_FAILED, _V.REFUSE): "this passenger does not travel; go on with the others",
    (_K.NAME_MISMATCH, _V.ACCEPT): "the agent checked: the document is this passenger's",
    (_K.NAME_MISMATCH, _V.RETRY): "read another document",
    (_K.NAME_MISMATCH, _V.REFUSE): "this passenger does not travel; go on with the others",
    (_K.DOCUMENT_EXPIRED, _V.ACCEPT): "the agent accepts the document (entry rules allow it)",
    (_K.DOCUMENT_EXPIRED, _V.RETRY): "read another document",
    (_K.DOCUMENT_EXPIRED, _V.REFUSE): "this passenger does not travel; go on with the others",
    (_K.AGENT_NEEDED, _V.ACCEPT): "the agent saw the visa / ESTA: the passenger may travel",
    (_K.AGENT_NEEDED, _V.REFUSE): "this passenger does not travel; go on with the others",
    (_K.INHIBITED_PASSENGER, _V.ACCEPT): "the agent cleared the passenger at the DCS",
    (_K.INHIBITED_PASSENGER, _V.REFUSE): "this passenger does not travel; go on with the others",
    (_K.BAG_OVER_MAXIMUM, _V.ACCEPT): "take the bag at this weight (overweight fee, if any)",
    (_K.BAG_OVER_MAXIMUM, _V.RETRY): "weigh the bag again (repacked)",
    (_K.BAG_OVER_MAXIMUM, _V.REFUSE): "the bag is not taken (removed from the list)",
    (_K.DCS_UNREACHABLE, _V.RETRY): "ask the airline's system again",
    (_K.PRINTER_OUT, _V.FIXED): "printer fixed: print what is not printed yet",
    (_K.PRINTER_OUT, _V.ACCEPT): "finish without printing the rest (printed at the desk)",
    (_K.PAYMENT_FAILED, _V.ACCEPT): "the terminal shows the fee paid",
    (_K.PAYMENT_FAILED, _V.REFUSE): "not paid: back to the pay screen",
    (_K.SAFETY_ANSWER, _V.ACCEPT): "the agent dealt with it: go on",
    (_K.SAFETY_ANSWER, _V.REFUSE): "nobody travels: the check-in is cancelled",
}


@dataclass(frozen=True, slots=True)
class AirportIntervention:
    """An open intervention: the journey waits for an agent's verdict.

    ``passenger_id`` is ``""`` when it is about the whole booking; ``detail`` is
    for the agent (never document data).
    """

    kind: AirportInterventionKind
    passenger_id: str
    detail: str
    raised_at: datetime

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """The verdicts the agent may give."""
        return VERDICTS[self.kind]


@dataclass(frozen=True, slots=True)
class ResolvedAirportIntervention:
    """A resolved intervention as the check-in record keeps it.

    ``staff_id`` is ``""`` when the journey ended (cancel, idle) before an agent came;
    ``verdict`` is then ``None``.
    """

    kind: AirportInterventionKind
    passenger_id: str
    detail: str
    raised_at: datetime
    resolved_at: datetime
    staff_id: str
    verdict: Verdict | None
