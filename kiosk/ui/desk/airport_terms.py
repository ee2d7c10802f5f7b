"""The airport desk's words: intervention kinds, verdicts, document types and roles.

The airport check-in names its interventions and verdicts by code
(``kiosk.domain.airport.interventions``); an agent reads them here in the lane's
language (translation context ``AirportDesk``). A verdict is worded for its kind:
``accept`` is "Accept document" for a name that differs and "Passenger cleared" for
an inhibited passenger. An unknown code is shown as it is, underscores as spaces.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AirportDesk"


def _n(text: str) -> str:
    return str(QT_TRANSLATE_NOOP("AirportDesk", text))


#: Intervention kind -> its title on the desk.
KINDS: dict[str, str] = {
    "document_failed": _n("Document could not be read"),
    "name_mismatch": _n("Name does not match the booking"),
    "document_expired": _n("Document expired"),
    "agent_needed": _n("Visa or entry check needed"),
    "inhibited_passenger": _n("Passenger inhibited by the airline"),
    "bag_over_maximum": _n("Bag over the maximum weight"),
    "dcs_unreachable": _n("Airline system not answering"),
    "printer_out": _n("Printer out of order"),
    "payment_failed": _n("Payment problem"),
    "safety_answer": _n("Safety question answered “yes”"),
}

_REFUSE_PASSENGER = _n("Refuse passenger")
_READ_ANOTHER = _n("Read another document")
_ACCEPT_DOCUMENT = _n("Accept document")

#: (kind, verdict) -> the words on the verdict's button.
VERDICTS: dict[tuple[str, str], str] = {
    ("document_failed", "retry"): _n("Read the document again"),
    ("document_failed", "refuse"): _REFUSE_PASSENGER,
    ("name_mismatch", "accept"): _ACCEPT_DOCUMENT,
    ("name_mismatch", "retry"): _READ_ANOTHER,
    ("name_mismatch", "refuse"): _REFUSE_PASSENGER,
    ("document_expired", "accept"): _ACCEPT_DOCUMENT,
    ("document_expired", "retry"): _READ_ANOTHER,
    ("document_expired", "refuse"): _REFUSE_PASSENGER,
    ("agent_needed", "accept"): _n("Documents checked: may travel"),
    ("agent_needed", "refuse"): _REFUSE_PASSENGER,
    ("inhibited_passenger", "accept"): _n("Passenger cleared"),
    ("inhibited_passenger", "refuse"): _REFUSE_PASSENGER,
    ("bag_over_maximum", "accept"): _n("Take the bag"),
    ("bag_over_maximum", "retry"): _n("Weigh the bag again"),
    ("bag_over_maximum", "refuse"): _n("Do not take the bag"),
    ("dcs_unreachable", "retry"): _n("Ask the airline system again"),
    ("printer_out", "fixed"): _n("Printer fixed: print the rest"),
    ("printer_out", "accept"): _n("Finish without printing"),
    ("payment_failed", "accept"): _n("Fee paid"),
    ("payment_failed", "refuse"): _n("Not paid"),
    ("safety_answer", "accept"): _n("Dealt with: go on"),
    ("safety_answer", "refuse"): _n("Cancel the check-in"),
}

#: What the check-in wrote as an intervention's detail -> what the agent reads.
DETAILS: dict[str, str] = {
    "unreadable": _n("The document could not be read."),
    "invalid": _n("The airline system refused the document data."),
    "name differs": _n("The name on the document differs from the booking."),
    "no expiry date": _n("The document has no expiry date."),
    "expires before the last flight": _n("The document expires before the last flight."),
    "visa_required": _n("A visa is needed for the destination."),
    "esta_required": _n("An ESTA is needed for the destination."),
    "refused": _n("The airline will not check this passenger in at a kiosk."),
    "inhibited": _n("The airline will not check this passenger in at a kiosk."),
    "declined": _n("The card was declined too many times."),
    "no boarding pass": _n("The airline system gave no boarding pass."),
}
_NO_ANSWER = _n("No answer from the airline system (%1).")

#: A verdict's words when its kind has none of its own.
PLAIN_VERDICTS: dict[str, str] = {
    "accept": _n("Accept"),
    "refuse": _REFUSE_PASSENGER,
    "retry": _n("Try again"),
    "fixed": _n("Fixed"),
}

#: ICAO 9303 document codes (the first letter of the MRZ) -> words.
DOCUMENT_TYPES: dict[str, str] = {
    "P": _n("Passport"),
    "I": _n("Identity card"),
    "A": _n("Identity card"),
    "C": _n("Identity card"),
    "V": _n("Visa"),
}

#: Staff roles (``kiosk.domain.staff.Role`` values) as the airport calls them.
ROLES: dict[str, str] = {
    "attendant": _n("agent"),
    "supervisor": _n("supervisor"),
    "manager": _n("manager"),
    "technician": _n("technician"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _plain(code: str) -> str:
    return code.replace("_", " ")


class AirportTerms:
    """The words the generic desk screen asks for, for the airport check-in."""

    @staticmethod
    def kind_title(kind: str) -> str:
        """An intervention kind's title."""
        source = KINDS.get(kind)
        return _tr(source) if source is not None else _plain(kind)

    @staticmethod
    def verdict_text(kind: str, verdict: str) -> str:
        """The words on the button of ``verdict`` for a case of ``kind``."""
        source = VERDICTS.get((kind, verdict)) or PLAIN_VERDICTS.get(verdict)
        return _tr(source) if source is not None else _plain(verdict)

    @staticmethod
    def detail_text(kind: str, detail: str) -> str:
        """What failed, in words (a detail the table does not know: as the check-in
        wrote it, e.g. a bag's weight and limit)."""
        if kind == "dcs_unreachable" and detail:
            return _tr(_NO_ANSWER).replace("%1", _plain(detail))
        source = DETAILS.get(detail)
        return _tr(source) if source is not None else _plain(detail)

    @staticmethod
    def document_type(code: str) -> str:
        """A document code's words ("P" -> "Passport"); an unknown one as it is."""
        source = DOCUMENT_TYPES.get(code[:1].upper()) if code else None
        return _tr(source) if source is not None else code

    @staticmethod
    def role_name(role: str) -> str:
        """A staff role's name."""
        source = ROLES.get(role)
        return _tr(source) if source is not None else _plain(role)
