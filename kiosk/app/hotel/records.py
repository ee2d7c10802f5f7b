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
* closing the visit's card payments in the payment journal, so that start-up never
  takes them for orphans to give back (invariant 3). A cancelled visit's are closed
  too: a balance the terminal took was posted to the hotel's bill at once (the front
  desk settles it with the stay), and a deposit this visit reserved was released
  before the record.

Afterwards the lane's service-event recorder knows this visit as the last
transaction, so the thank-you screen's rating and NPS answer go with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from kiosk.app.service_events import Ids, Occurrence, envelope, intervention_id, language_tag
from kiosk.domain.hotel.record import CheckinRecord, record_document, taken_minor
from kiosk.domain.hotel.states import Outcome
from kiosk.store.checkins import commit_checkin
from kiosk.store.service_events import insert_events

log = logging.getLogger(__name__)
JOURNEY = "hotel_checkin"


def service_occurrences(ids: Ids, record: CheckinRecord, language: str) -> list[Occurrence]:
    """What one finished visit means for HQ's service measures (docs/service-events.md)."""
    tx = record.checkin_id
    found = [Occurrence("transaction.started", record.started_at, tx, tx)]
    for i in record.interventions:
        kind = i.kind.value
        iid = intervention_id(ids.store_id, ids.lane_id, tx, kind, i.raised_at)
        found.append(
            Occurrence(
                "intervention.raised", i.raised_at, tx, iid, {"intervention_id": iid, "kind": kind}
            )
        )
        resolved: dict[str, Any] = {
            "intervention_id": iid,
            "kind": kind,
            "outcome": "abandoned" if i.verdict is None else i.verdict.value,
        }
        if i.staff_id:
            resolved.update(staff_id=i.staff_id[:64], how="at_lane")
        else:
            resolved["how"] = "shopper"
        found.append(Occurrence("intervention.resolved", i.resolved_at, tx, iid, resolved))
    items = record.keys_encoded
    if record.status is Outcome.COMPLETED:
        data = {
            "items": items,
            "total_minor": taken_minor(record),
            "currency": record.currency,
            "language": language_tag(language) or "en",
        }
        found.append(Occurrence("transaction.completed", record.completed_at, tx, tx, data))
    else:
        reason = "idle_timeout" if record.status is Outcome.ABANDONED else "cancelled"
        found.append(
            Occurrence(
                "transaction.abandoned",
                record.completed_at,
                tx,
                tx,
                {"reason": reason, "items": items},
            )
        )
    return found


class HotelCommitter:
    """Commits visit records on the runner's thread (``conn`` is that thread's).

    Args:
        conn: the lane store's connection.
        store_id, lane_id, language: the lane's ids and default language.
        close_payments: ``(conn, checkin_id)`` closes the visit's card payments in the
            payment journal inside the record's transaction (or None).
        recorder: the lane's ``ServiceEventRecorder`` (its ``last_transaction`` is set).
        wake_sync: asks sync to upload now.
    """

    def __init__(
        self,
        conn: Any,
        *,
        store_id: str,
        lane_id: str,
        language: str,
        close_payments: Callable[[Any, str], object] | None = None,
        recorder: Any = None,
        wake_sync: Callable[[], None] = lambda: None,
    ) -> None:
        self.conn = conn
        self.ids = Ids(store_id, lane_id)
        self.language = language
        self.close_payments = close_payments
        self.recorder = recorder
        self.wake_sync = wake_sync
        self.last_document: dict[str, Any] | None = None

    def document(self, record: CheckinRecord, language: str = "") -> dict[str, Any]:
        return record_document(
            record,
            store_id=self.ids.store_id,
            lane_id=self.ids.lane_id,
            language=language_tag(language or self.language) or "en",
            journey=JOURNEY,
        )

    def __call__(self, record: CheckinRecord, language: str = "") -> None:
        """Commit ``record`` (``language``: the guest's, else the lane's). Raises StoreError."""
        language = language or self.language
        document = self.document(record, language)
        events = [
            envelope(
                o,
                store_id=self.ids.store_id,
                lane_id=self.ids.lane_id,
                language=language,
                journey=JOURNEY,
            )
            for o in service_occurrences(self.ids, record, language)
        ]
        completed = record.status is Outcome.COMPLETED

        def also(conn: Any) -> None:
            insert_events(conn, events)
            if self.close_payments is not None:
                self.close_payments(conn, record.checkin_id)

        commit_checkin(self.conn, document, also)
        self.last_document = document
        if self.recorder is not None and completed:
            self.recorder.last_transaction = record.checkin_id
        self.wake_sync()
