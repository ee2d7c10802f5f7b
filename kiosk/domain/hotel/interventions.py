"""Interventions of the hotel journey: what stops it until a member of staff decides.

A :class:`HotelIntervention` names its kind, the guest it is about (``""`` for
the whole stay), a detail for staff (never document data: no MRZ, no document
number) and when it was raised. Staff answer with a
:class:`~kiosk.domain.airport.interventions.Verdict` (one vocabulary for every
journey's attendant desk); :data:`VERDICTS` lists those that make sense for
each kind, :data:`VERDICT_MEANING` says what each does. The machine refuses any
other verdict.

A resolved intervention is kept as a :class:`ResolvedHotelIntervention` for the
check-in record and the service events.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.airport.interventions import Verdict


class HotelInterventionKind(enum.Enum):
    """Why the kiosk called staff (values are the record's intervention ``kind``)."""

    BOOKING_NOT_FOUND = "booking_not_found"  # searched too many times without a stay
    DOCUMENT_FAILED = "document_failed"  # unreadable after the retries, or no identity document
    NAME_MISMATCH = "name_mismatch"  # the document's name is no guest's of the stay
    DOCUMENT_EXPIRED = "document_expired"  # not valid on the day of arrival
    REGISTER_INCOMPLETE = "register_incomplete"  # the register needs what the guest cannot type
    PAYMENT_FAILED = "payment_failed"  # outcome unknown, or too many declines
    ENCODER_FAILED = "encoder_failed"  # a key card was not confirmed by the encoder
    ROOM_NOT_READY = "room_not_ready"  # no room yet, or not clean
    PMS_UNREACHABLE = "pms_unreachable"  # the hotel's system did not answer
    PMS_REFUSED = "pms_refused"  # the hotel's system said no (``detail``: its code)
    PRINTER_OUT = "printer_out"  # paper out, jammed, offline


_K = HotelInterventionKind
_V = Verdict

#: The verdicts staff may give for each kind, in the order the desk shows them.
VERDICTS: dict[HotelInterventionKind, tuple[Verdict, ...]] = {
    _K.BOOKING_NOT_FOUND: (_V.RETRY, _V.REFUSE),
    _K.DOCUMENT_FAILED: (_V.RETRY, _V.REFUSE),
    _K.NAME_MISMATCH: (_V.ACCEPT, _V.RETRY, _V.REFUSE),
    _K.DOCUMENT_EXPIRED: (_V.ACCEPT, _V.RETRY, _V.REFUSE),
    _K.REGISTER_INCOMPLETE: (_V.ACCEPT, _V.RETRY, _V.REFUSE),
    _K.PAYMENT_FAILED: (_V.ACCEPT, _V.REFUSE),
    _K.ENCODER_FAILED: (_V.RETRY, _V.ACCEPT),
    _K.ROOM_NOT_READY: (_V.RETRY, _V.ACCEPT, _V.REFUSE),
    _K.PMS_UNREACHABLE: (_V.RETRY, _V.REFUSE),
    _K.PMS_REFUSED: (_V.RETRY, _V.REFUSE),
    _K.PRINTER_OUT: (_V.FIXED, _V.ACCEPT),
}

#: What each verdict does, for the desk and docs/hotel.md (English, for staff).
VERDICT_MEANING: dict[tuple[HotelInterventionKind, Verdict], str] = {
    (_K.BOOKING_NOT_FOUND, _V.RETRY): "the guest searches again (the count starts over)",
    (_K.BOOKING_NOT_FOUND, _V.REFUSE): "the guest is served at the front desk: the visit ends",
    (_K.DOCUMENT_FAILED, _V.RETRY): "read the document again (the retries start over)",
    (_K.DOCUMENT_FAILED, _V.REFUSE): "the guests are served at the front desk: the visit ends",
    (_K.NAME_MISMATCH, _V.ACCEPT): "staff checked: the document is this guest's",
    (_K.NAME_MISMATCH, _V.RETRY): "read another document",
    (_K.NAME_MISMATCH, _V.REFUSE): "the guests are served at the front desk: the visit ends",
    (_K.DOCUMENT_EXPIRED, _V.ACCEPT): "staff accept the document",
    (_K.DOCUMENT_EXPIRED, _V.RETRY): "read another document",
    (_K.DOCUMENT_EXPIRED, _V.REFUSE): "the guests are served at the front desk: the visit ends",
    (_K.REGISTER_INCOMPLETE, _V.ACCEPT): "staff complete the register at the desk: go on",
    (_K.REGISTER_INCOMPLETE, _V.RETRY): "read another document",
    (_K.REGISTER_INCOMPLETE, _V.REFUSE): "the guests are served at the front desk: the visit ends",
    (_K.PAYMENT_FAILED, _V.ACCEPT): "the terminal shows it done (or it was settled at the desk)",
    (_K.PAYMENT_FAILED, _V.REFUSE): "not done: back to the payment screen",
    (_K.ENCODER_FAILED, _V.RETRY): "encode the key that failed again",
    (_K.ENCODER_FAILED, _V.ACCEPT): "finish with the keys made so far (the rest at the desk)",
    (_K.ROOM_NOT_READY, _V.RETRY): "ask the hotel's system again (the room is ready now)",
    (
        _K.ROOM_NOT_READY,
        _V.ACCEPT,
    ): "the guest leaves the luggage and is told when the room is ready",
    (_K.ROOM_NOT_READY, _V.REFUSE): "the guests are served at the front desk: the visit ends",
    (_K.PMS_UNREACHABLE, _V.RETRY): "ask the hotel's system again",
    (_K.PMS_UNREACHABLE, _V.REFUSE): "the guests are served at the front desk: the visit ends",
    (_K.PMS_REFUSED, _V.RETRY): "staff fixed it in the hotel's system: ask again",
    (_K.PMS_REFUSED, _V.REFUSE): "the guests are served at the front desk: the visit ends",
    (_K.PRINTER_OUT, _V.FIXED): "printer fixed: print it again",
    (_K.PRINTER_OUT, _V.ACCEPT): "go on without printing (handed over at the desk)",
}


@dataclass(frozen=True, slots=True)
class HotelIntervention:
    """An open intervention: the journey waits for staff (``guest_id`` ``""``: the stay)."""

    kind: HotelInterventionKind
    guest_id: str
    detail: str
    raised_at: datetime

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """The verdicts staff may give."""
        return VERDICTS[self.kind]


@dataclass(frozen=True, slots=True)
class ResolvedHotelIntervention:
    """A resolved intervention as the record keeps it (``verdict`` None and ``staff_id``
    ``""`` when the visit ended before staff came)."""

    kind: HotelInterventionKind
    guest_id: str
    detail: str
    raised_at: datetime
    resolved_at: datetime
    staff_id: str
    verdict: Verdict | None
