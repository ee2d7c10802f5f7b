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
_STAFF = str(QT_TRANSLATE_NOOP("AirportDesk", "Agent: %1 (%2)"))
_PERSON = str(QT_TRANSLATE_NOOP("AirportDesk", "Passenger: %1"))


#: Intervention kind -> its title on the desk.
KINDS: dict[str, str] = {
    "document_failed": str(QT_TRANSLATE_NOOP("AirportDesk", "Document could not be read")),
    "name_mismatch": str(QT_TRANSLATE_NOOP("AirportDesk", "Name does not match the booking")),
    "document_expired": str(QT_TRANSLATE_NOOP("AirportDesk", "Document expired")),
    "agent_needed": str(QT_TRANSLATE_NOOP("AirportDesk", "Visa or entry check needed")),
    "inhibited_passenger": str(
        QT_TRANSLATE_NOOP("AirportDesk", "Passenger inhibited by the airline")
    ),
    "bag_over_maximum": str(QT_TRANSLATE_NOOP("AirportDesk", "Bag over the maximum weight")),
    "dcs_unreachable": str(QT_TRANSLATE_NOOP("AirportDesk", "Airline system not answering")),
    "printer_out": str(QT_TRANSLATE_NOOP("AirportDesk", "Printer out of order")),
    "payment_failed": str(QT_TRANSLATE_NOOP("AirportDesk", "Payment problem")),
    "safety_answer": str(QT_TRANSLATE_NOOP("AirportDesk", "Safety question answered “yes”")),
}

_REFUSE_PASSENGER = str(QT_TRANSLATE_NOOP("AirportDesk", "Refuse passenger"))
_READ_ANOTHER = str(QT_TRANSLATE_NOOP("AirportDesk", "Read another document"))
_ACCEPT_DOCUMENT = str(QT_TRANSLATE_NOOP("AirportDesk", "Accept document"))

#: (kind, verdict) -> the words on the verdict's button.
VERDICTS: dict[tuple[str, str], str] = {
    ("document_failed", "retry"): str(QT_TRANSLATE_NOOP("AirportDesk", "Read the document again")),
    ("document_failed", "refuse"): _REFUSE_PASSENGER,
    ("name_mismatch", "accept"): _ACCEPT_DOCUMENT,
    ("name_mismatch", "retry"): _READ_ANOTHER,
    ("name_mismatch", "refuse"): _REFUSE_PASSENGER,
    ("document_expired", "accept"): _ACCEPT_DOCUMENT,
    ("document_expired", "retry"): _READ_ANOTHER,
    ("document_expired", "refuse"): _REFUSE_PASSENGER,
    ("agent_needed", "accept"): str(
        QT_TRANSLATE_NOOP("AirportDesk", "Documents checked: may travel")
    ),
    ("agent_needed", "refuse"): _REFUSE_PASSENGER,
    ("inhibited_passenger", "accept"): str(QT_TRANSLATE_NOOP("AirportDesk", "Passenger cleared")),
    ("inhibited_passenger", "refuse"): _REFUSE_PASSENGER,
    ("bag_over_maximum", "accept"): str(QT_TRANSLATE_NOOP("AirportDesk", "Take the bag")),
    ("bag_over_maximum", "retry"): str(QT_TRANSLATE_NOOP("AirportDesk", "Weigh the bag again")),
    ("bag_over_maximum", "refuse"): str(QT_TRANSLATE_NOOP("AirportDesk", "Do not take the bag")),
    ("dcs_unreachable", "retry"): str(
        QT_TRANSLATE_NOOP("AirportDesk", "Ask the airline system again")
    ),
    ("printer_out", "fixed"): str(
        QT_TRANSLATE_NOOP("AirportDesk", "Printer fixed: print the rest")
    ),
    ("printer_out", "accept"): str(QT_TRANSLATE_NOOP("AirportDesk", "Finish without printing")),
    ("payment_failed", "accept"): str(QT_TRANSLATE_NOOP("AirportDesk", "Fee paid")),
    ("payment_failed", "refuse"): str(QT_TRANSLATE_NOOP("AirportDesk", "Not paid")),
    ("safety_answer", "accept"): str(QT_TRANSLATE_NOOP("AirportDesk", "Dealt with: go on")),
    ("safety_answer", "refuse"): str(QT_TRANSLATE_NOOP("AirportDesk", "Cancel the check-in")),
}

#: What the check-in wrote as an intervention's detail -> what the agent reads.
DETAILS: dict[str, str] = {
    "unreadable": str(QT_TRANSLATE_NOOP("AirportDesk", "The document could not be read.")),
    "invalid": str(
        QT_TRANSLATE_NOOP("AirportDesk", "The airline system refused the document data.")
    ),
    "name differs": str(
        QT_TRANSLATE_NOOP("AirportDesk", "The name on the document differs from the booking.")
    ),
    "no expiry date": str(QT_TRANSLATE_NOOP("AirportDesk", "The document has no expiry date.")),
    "expires before the last flight": str(
        QT_TRANSLATE_NOOP("AirportDesk", "The document expires before the last flight.")
    ),
    "visa_required": str(QT_TRANSLATE_NOOP("AirportDesk", "A visa is needed for the destination.")),
    "esta_required": str(
        QT_TRANSLATE_NOOP("AirportDesk", "An ESTA is needed for the destination.")
    ),
    "refused": str(
        QT_TRANSLATE_NOOP("AirportDesk", "The airline will not check this passenger in at a kiosk.")
    ),
    "inhibited": str(
        QT_TRANSLATE_NOOP("AirportDesk", "The airline will not check this passenger in at a kiosk.")
    ),
    "declined": str(QT_TRANSLATE_NOOP("AirportDesk", "The card was declined too many times.")),
    "no boarding pass": str(
        QT_TRANSLATE_NOOP("AirportDesk", "The airline system gave no boarding pass.")
    ),
}
_NO_ANSWER = str(QT_TRANSLATE_NOOP("AirportDesk", "No answer from the airline system (%1)."))

#: A verdict's words when its kind has none of its own.
PLAIN_VERDICTS: dict[str, str] = {
    "accept": str(QT_TRANSLATE_NOOP("AirportDesk", "Accept")),
    "refuse": _REFUSE_PASSENGER,
    "retry": str(QT_TRANSLATE_NOOP("AirportDesk", "Try again")),
    "fixed": str(QT_TRANSLATE_NOOP("AirportDesk", "Fixed")),
}

#: ICAO 9303 document codes (the first letter of the MRZ) -> words.
DOCUMENT_TYPES: dict[str, str] = {
    "P": str(QT_TRANSLATE_NOOP("AirportDesk", "Passport")),
    "I": str(QT_TRANSLATE_NOOP("AirportDesk", "Identity card")),
    "A": str(QT_TRANSLATE_NOOP("AirportDesk", "Identity card")),
    "C": str(QT_TRANSLATE_NOOP("AirportDesk", "Identity card")),
    "V": str(QT_TRANSLATE_NOOP("AirportDesk", "Visa")),
}

#: Staff roles (``kiosk.domain.staff.Role`` values) as the airport calls them.
ROLES: dict[str, str] = {
    "attendant": str(QT_TRANSLATE_NOOP("AirportDesk", "agent")),
    "supervisor": str(QT_TRANSLATE_NOOP("AirportDesk", "supervisor")),
    "manager": str(QT_TRANSLATE_NOOP("AirportDesk", "manager")),
    "technician": str(QT_TRANSLATE_NOOP("AirportDesk", "technician")),
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

    @staticmethod
    def staff_text(name: str, role: str) -> str:
        """Who is signed in at the desk (``role`` already in words)."""
        return _tr(_STAFF).replace("%1", name).replace("%2", role)

    @staticmethod
    def person_text(who: str) -> str:
        """Whom the case is about."""
        return _tr(_PERSON).replace("%1", who)
