"""The hotel desk's words: intervention kinds, verdicts, what failed and staff roles.

The hotel journey names its interventions and verdicts by code
(``kiosk.domain.hotel.interventions``); staff read them here in the lane's language
(translation context ``HotelDesk``). A verdict is worded for its kind: ``accept`` is
"Accept the ID" for a name that differs and "Keep the luggage: room later" for a
room that is not ready. Document types, the plain words of a verdict and the roles
above the receptionist are the airport desk's (one table each). An unknown code is
shown as it is, underscores as spaces. The lane's deposit alerts shown as cases
(``kiosk.app.journeys.hotel_desk.HotelDeskService``) have their own titles, keys and
what failed (:data:`DEPOSIT_KINDS`), and what settling one came to (:data:`OUTCOMES`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.ui.desk.airport_terms import AirportTerms

CONTEXT = "HotelDesk"
_STAFF = str(QT_TRANSLATE_NOOP("HotelDesk", "Staff: %1 (%2)"))
_GUEST = str(QT_TRANSLATE_NOOP("HotelDesk", "Guest: %1"))

#: Intervention kind -> its title on the desk.
KINDS: dict[str, str] = {
    "booking_not_found": str(QT_TRANSLATE_NOOP("HotelDesk", "Booking not found")),
    "document_failed": str(QT_TRANSLATE_NOOP("HotelDesk", "ID could not be read")),
    "name_mismatch": str(QT_TRANSLATE_NOOP("HotelDesk", "Name on the ID does not match")),
    "document_expired": str(QT_TRANSLATE_NOOP("HotelDesk", "ID expired")),
    "register_incomplete": str(QT_TRANSLATE_NOOP("HotelDesk", "Guest register incomplete")),
    "payment_failed": str(QT_TRANSLATE_NOOP("HotelDesk", "Payment problem")),
    "encoder_failed": str(QT_TRANSLATE_NOOP("HotelDesk", "Key card not encoded")),
    "room_not_ready": str(QT_TRANSLATE_NOOP("HotelDesk", "Room not ready")),
    "pms_unreachable": str(QT_TRANSLATE_NOOP("HotelDesk", "Hotel system not answering")),
    "pms_refused": str(QT_TRANSLATE_NOOP("HotelDesk", "Hotel system refused")),
    "printer_out": str(QT_TRANSLATE_NOOP("HotelDesk", "Printer out of order")),
}

_FRONT_DESK = str(QT_TRANSLATE_NOOP("HotelDesk", "Serve at the front desk"))
_READ_ANOTHER = str(QT_TRANSLATE_NOOP("HotelDesk", "Read another ID"))
_ACCEPT_ID = str(QT_TRANSLATE_NOOP("HotelDesk", "Accept the ID"))

#: (kind, verdict) -> the words on the verdict's button.
VERDICTS: dict[tuple[str, str], str] = {
    ("booking_not_found", "retry"): str(QT_TRANSLATE_NOOP("HotelDesk", "Search again")),
    ("booking_not_found", "refuse"): _FRONT_DESK,
    ("document_failed", "retry"): str(QT_TRANSLATE_NOOP("HotelDesk", "Read the ID again")),
    ("document_failed", "refuse"): _FRONT_DESK,
    ("name_mismatch", "accept"): _ACCEPT_ID,
    ("name_mismatch", "retry"): _READ_ANOTHER,
    ("name_mismatch", "refuse"): _FRONT_DESK,
    ("document_expired", "accept"): _ACCEPT_ID,
    ("document_expired", "retry"): _READ_ANOTHER,
    ("document_expired", "refuse"): _FRONT_DESK,
    ("register_incomplete", "accept"): str(
        QT_TRANSLATE_NOOP("HotelDesk", "Register completed at the desk")
    ),
    ("register_incomplete", "retry"): _READ_ANOTHER,
    ("register_incomplete", "refuse"): _FRONT_DESK,
    ("payment_failed", "accept"): str(QT_TRANSLATE_NOOP("HotelDesk", "Paid or settled")),
    ("payment_failed", "refuse"): str(QT_TRANSLATE_NOOP("HotelDesk", "Not paid: pay again")),
    ("encoder_failed", "retry"): str(QT_TRANSLATE_NOOP("HotelDesk", "Encode the key again")),
    ("encoder_failed", "accept"): str(QT_TRANSLATE_NOOP("HotelDesk", "Finish with the keys made")),
    ("room_not_ready", "retry"): str(QT_TRANSLATE_NOOP("HotelDesk", "Room ready: ask again")),
    ("room_not_ready", "accept"): str(
        QT_TRANSLATE_NOOP("HotelDesk", "Keep the luggage: room later")
    ),
    ("room_not_ready", "refuse"): _FRONT_DESK,
    ("pms_unreachable", "retry"): str(QT_TRANSLATE_NOOP("HotelDesk", "Ask the hotel system again")),
    ("pms_unreachable", "refuse"): _FRONT_DESK,
    ("pms_refused", "retry"): str(QT_TRANSLATE_NOOP("HotelDesk", "Fixed in the system: ask again")),
    ("pms_refused", "refuse"): _FRONT_DESK,
    ("printer_out", "fixed"): str(QT_TRANSLATE_NOOP("HotelDesk", "Printer fixed: print again")),
    ("printer_out", "accept"): str(QT_TRANSLATE_NOOP("HotelDesk", "Go on without printing")),
}

#: What the visit wrote as an intervention's detail -> what staff read.
DETAILS: dict[str, str] = {
    "unreadable": str(QT_TRANSLATE_NOOP("HotelDesk", "The ID could not be read.")),
    "name differs": str(
        QT_TRANSLATE_NOOP("HotelDesk", "The name on the ID is not a guest's of the booking.")
    ),
    "no expiry date": str(QT_TRANSLATE_NOOP("HotelDesk", "The ID has no expiry date.")),
    "expired on arrival": str(
        QT_TRANSLATE_NOOP("HotelDesk", "The ID is not valid on the day of arrival.")
    ),
    "expired": str(QT_TRANSLATE_NOOP("HotelDesk", "The ID has expired.")),
    "no room assigned": str(QT_TRANSLATE_NOOP("HotelDesk", "No room is assigned yet.")),
    "no room": str(QT_TRANSLATE_NOOP("HotelDesk", "No room is assigned yet.")),
    "no_room": str(QT_TRANSLATE_NOOP("HotelDesk", "No room is assigned yet.")),
    "room_not_ready": str(QT_TRANSLATE_NOOP("HotelDesk", "The room is not ready yet.")),
}
#: A deposit alert's kind -> its title on the desk.
DEPOSIT_KINDS: dict[str, str] = {
    "deposit_capture_declined": str(QT_TRANSLATE_NOOP("HotelDesk", "Deposit declined")),
    "deposit_capture_unknown": str(QT_TRANSLATE_NOOP("HotelDesk", "Deposit in doubt")),
    "deposit_taken_after_desk": str(QT_TRANSLATE_NOOP("HotelDesk", "Deposit taken after all")),
}
#: (deposit kind, verdict) -> the words on its key.
DEPOSIT_VERDICTS: dict[tuple[str, str], str] = {
    ("deposit_capture_declined", "accept"): str(
        QT_TRANSLATE_NOOP("HotelDesk", "Charged at the front desk")
    ),
    ("deposit_capture_unknown", "accept"): str(
        QT_TRANSLATE_NOOP("HotelDesk", "Done: the terminal's records show it")
    ),
    ("deposit_capture_unknown", "refuse"): str(
        QT_TRANSLATE_NOOP("HotelDesk", "Not in the terminal's records")
    ),
    ("deposit_taken_after_desk", "accept"): str(
        QT_TRANSLATE_NOOP("HotelDesk", "Given back to the guest")
    ),
}
#: A deposit alert's action -> its word.
_ACTIONS = {
    "capture": str(QT_TRANSLATE_NOOP("HotelDesk", "Capture")),
    "release": str(QT_TRANSLATE_NOOP("HotelDesk", "Release")),
}
#: A deposit kind -> what failed (%1 action, %2 amount, %3 stay, %4 the terminal's reason).
_DEPOSIT_DETAILS = {
    "deposit_capture_declined": str(
        QT_TRANSLATE_NOOP(
            "HotelDesk", "%1 of %2, stay %3: the terminal declined it (%4). Charge the guest."
        )
    ),
    "deposit_capture_unknown": str(
        QT_TRANSLATE_NOOP(
            "HotelDesk", "%1 of %2, stay %3: the terminal cannot say if it was done (asked again)."
        )
    ),
    "deposit_taken_after_desk": str(
        QT_TRANSLATE_NOOP(
            "HotelDesk", "%1 of %2, stay %3: the terminal took it after all. Give back the desk's."
        )
    ),
}
#: What settling a deposit alert came to -> what the desk says after the touch.
OUTCOMES: dict[str, str] = {
    "settled_at_desk": str(QT_TRANSLATE_NOOP("HotelDesk", "Settled.")),
    "given_back": str(QT_TRANSLATE_NOOP("HotelDesk", "Settled.")),
    "taken": str(QT_TRANSLATE_NOOP("HotelDesk", "Settled: counted as done on the terminal.")),
    "not_taken": str(
        QT_TRANSLATE_NOOP("HotelDesk", "Settled: not done. Charge the guest at the front desk.")
    ),
    "terminal_approved": str(
        QT_TRANSLATE_NOOP("HotelDesk", "The terminal answered: it was done. Nothing to charge.")
    ),
    "terminal_declined": str(
        QT_TRANSLATE_NOOP(
            "HotelDesk", "The terminal answered: declined. Charge the guest at the front desk."
        )
    ),
    "not_processed": str(
        QT_TRANSLATE_NOOP(
            "HotelDesk", "The terminal answered: it never ran. The kiosk sends it again."
        )
    ),
}
_NO_ANSWER = str(QT_TRANSLATE_NOOP("HotelDesk", "No answer from the hotel system (%1)."))
_MISSING = str(QT_TRANSLATE_NOOP("HotelDesk", "The register still needs: %1."))

#: What a hotel calls its attendant (the other roles: as the airport desk names them).
_RECEPTIONIST = str(QT_TRANSLATE_NOOP("HotelDesk", "receptionist"))


def _words(source: str | None, code: str) -> str:
    """``source`` translated, else ``code`` with blanks for underscores."""
    if source is None:
        return code.replace("_", " ")
    return QCoreApplication.translate(CONTEXT, source)


class HotelTerms:
    """The words the generic desk screen asks for, for the hotel journey."""

    @staticmethod
    def kind_title(kind: str) -> str:
        """An intervention kind's (or a deposit alert's) title."""
        return _words(KINDS.get(kind) or DEPOSIT_KINDS.get(kind), kind)

    @staticmethod
    def verdict_text(kind: str, verdict: str) -> str:
        """The words on the button of ``verdict`` for a case of ``kind``."""
        source = VERDICTS.get((kind, verdict)) or DEPOSIT_VERDICTS.get((kind, verdict))
        source = source or (_FRONT_DESK if verdict == "refuse" else None)
        if source is None:  # a pair the table does not name: the plain words
            return AirportTerms.verdict_text("", verdict)
        return _words(source, verdict)

    @staticmethod
    def detail_text(kind: str, detail: str) -> str:
        """What failed, in words (a detail the table does not know: as the visit wrote
        it, e.g. a room's number and state, or a key's number and reason)."""
        if kind == "pms_unreachable" and detail:
            return _words(_NO_ANSWER, "").replace("%1", detail.replace("_", " "))
        if kind == "register_incomplete" and detail:
            fields = ", ".join(part.replace("_", " ") for part in detail.split(","))
            return _words(_MISSING, "").replace("%1", fields)
        if kind in _DEPOSIT_DETAILS and detail.count("\t") == 3:
            action, amount, stay, why = detail.split("\t")
            text = _words(_DEPOSIT_DETAILS[kind], "")
            for mark, value in (("%1", _words(_ACTIONS.get(action), action)), ("%2", amount),
                                ("%3", stay), ("%4", why)):  # fmt: skip
                text = text.replace(mark, value)
            return text
        if not kind and detail in OUTCOMES:  # what settling a deposit came to
            return _words(OUTCOMES[detail], detail)
        return _words(DETAILS.get(detail), detail)

    document_type = staticmethod(AirportTerms.document_type)

    @staticmethod
    def role_name(role: str) -> str:
        """A staff role's name."""
        if role == "attendant":
            return _words(_RECEPTIONIST, role)
        return AirportTerms.role_name(role)

    @staticmethod
    def staff_text(name: str, role: str) -> str:
        """Who is signed in at the desk (``role`` already in words)."""
        return _words(_STAFF, "").replace("%1", name).replace("%2", role)

    @staticmethod
    def person_text(who: str) -> str:
        """Whom the case is about."""
        return _words(_GUEST, "").replace("%1", who)
