"""The hotel visit's record: document, outbox row, service events, payments closed.

:class:`HotelCommitter` turns a domain :class:`~kiosk.domain.hotel.record.CheckinRecord`
into the schema-1 ``checkin`` document (:func:`kiosk.domain.hotel.record.record_document`
with the lane's ids and language; journey ``hotel_checkin``) and commits it with
:func:`kiosk.store.checkins.commit_checkin` in one ``BEGIN IMMEDIATE`` transaction
together with:

* the visit's service events (:func:`service_occurrences`):
  ``transaction.started``, each intervention ``raised`` and ``resolved`` (their own
  times), then ``transaction.completed`` or ``transaction.abandoned``
  (``cancelled`` / ``idle_timeout``), journey ``hotel_checkin``;
* the visit's police report, when the hotel's country asks for one (``also``:
  :meth:`kiosk.app.hotel.police.PoliceReports.prepare`), so that a lane that dies
  cannot keep the record and lose the report;
* closing the visit's card payments in the payment journal, so that start-up never
  takes them for orphans to give back (invariant 3). A cancelled visit's are closed
  too: a balance the terminal took was posted to the hotel's bill at once (the front
  desk settles it with the stay), and a deposit this visit reserved was released
  before the record.

Afterwards the lane's service-event recorder knows this visit as the last
transaction, so the thank-you screen's rating and NPS answer go with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.app.service_events import Ids, Occurrence
from kiosk.app.travel import records as travel
from kiosk.domain.hotel.record import CheckinRecord, record_document, taken_minor

JOURNEY = "hotel_checkin"


def service_occurrences(ids: Ids, record: CheckinRecord, language: str) -> list[Occurrence]:
    """What one finished visit means for HQ's service measures (docs/service-events.md)."""
    return travel.service_occurrences(
        ids, record, language, items=record.keys_encoded, total_minor=taken_minor(record)
    )


class HotelCommitter(travel.RecordCommitter):
    """Commits visit records on the runner's thread (``conn`` is that thread's); a visit's
    card payments are closed with its record, cancelled or not (see the module).

    Args: those of :class:`kiosk.app.travel.records.RecordCommitter`.
    """

    journey = JOURNEY
    record_document = staticmethod(record_document)
    occurrences = staticmethod(service_occurrences)
    _also: Callable[[Any], object] | None = None

    def __call__(
        self, record: Any, language: str = "", also: Callable[[Any], object] | None = None
    ) -> None:
        """Commit ``record`` as the base does; ``also(conn)`` writes more in the same
        transaction (the visit's police report: never a record without it)."""
        self._also = also
        try:
            super().__call__(record, language)
        finally:
            self._also = None

    def _check(self, conn: Any, record: Any, document: dict[str, Any]) -> None:
        super()._check(conn, record, document)
        if self._also is not None:
            self._also(conn)
