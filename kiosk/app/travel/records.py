"""What the airport and hotel record committers share: a finished journey's record
committed as its document, outbox row and service events in one transaction.

Theory of operation. :class:`RecordCommitter` turns a domain record into the
schema-1 ``checkin`` document (the journey's ``record_document`` with the lane's
ids and language) and commits it with :func:`kiosk.store.checkins.commit_checkin`
in one ``BEGIN IMMEDIATE`` transaction together with the journey's service events
(:func:`service_occurrences`) and, where the journey says so (:meth:`_closes`),
closing its card payments in the payment journal. A journey's subclass names its
``journey``, ``record_document`` and ``occurrences``, and may check the record inside the
transaction (:meth:`_check`) or act after the commit (:meth:`_committed`).
Afterwards the lane's service-event recorder knows a completed journey as the last
transaction, so the thank-you screen's rating and NPS answer go with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from kiosk.app.service_events import Ids, Occurrence, envelope, intervention_id, language_tag
from kiosk.domain.travel.journey import Outcome
from kiosk.store.checkins import commit_checkin
from kiosk.store.service_events import insert_events


def service_occurrences(
    ids: Ids, record: Any, language: str, *, items: int, total_minor: int
) -> list[Occurrence]:
    """What one finished journey means for HQ's service measures
    (docs/service-events.md): ``transaction.started``, each intervention ``raised``
    and ``resolved`` (their own times), then ``transaction.completed`` (``items``,
    ``total_minor``) or ``transaction.abandoned`` (``cancelled`` / ``idle_timeout``)."""
    tx = record.checkin_id
    found = [Occurrence("transaction.started", record.started_at, tx, tx)]
    for i in record.interventions:
        kind = i.kind.value
        iid = intervention_id(ids.store_id, ids.lane_id, tx, kind, i.raised_at)
        raised = {"intervention_id": iid, "kind": kind}
        found.append(Occurrence("intervention.raised", i.raised_at, tx, iid, raised))
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
    if record.status is Outcome.COMPLETED:
        data = {
            "items": items,
            "total_minor": total_minor,
            "currency": record.currency,
            "language": language_tag(language) or "en",
        }
        found.append(Occurrence("transaction.completed", record.completed_at, tx, tx, data))
    else:
        reason = "idle_timeout" if record.status is Outcome.ABANDONED else "cancelled"
        data = {"reason": reason, "items": items}
        found.append(Occurrence("transaction.abandoned", record.completed_at, tx, tx, data))
    return found


class RecordCommitter:
    """Commits a journey's records on the runner's thread (``conn`` is that thread's).

    Args:
        conn: the lane store's connection.
        store_id, lane_id, language: the lane's ids and default language.
        close_payments: ``(conn, checkin_id)`` closes the journey's card payments in the
            payment journal inside the record's transaction (or None: no card payments).
        recorder: the lane's ``ServiceEventRecorder`` (its ``last_transaction`` is set).
        wake_sync: asks sync to upload now.
    """

    journey: ClassVar[str]  # the documents' and events' journey: "airport_checkin"
    #: the journey's ``record_document(record, *, store_id, lane_id, language, journey)``
    record_document: ClassVar[Callable[..., dict[str, Any]]]
    #: the journey's ``service_occurrences(ids, record, language)``
    occurrences: ClassVar[Callable[[Ids, Any, str], list[Occurrence]]]

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

    def document(self, record: Any, language: str = "") -> dict[str, Any]:
        """``record`` as the schema-1 document (``language``: the person's, else the lane's)."""
        return self._document(record, language_tag(language or self.language) or "en")

    def __call__(self, record: Any, language: str = "") -> None:
        """Commit ``record`` (``language``: the person's, else the lane's).

        Raises:
            StoreError: the store refused the write (nothing stored); or what the
                journey's :meth:`_check` raises (nothing stored).
        """
        language = language or self.language
        document = self.document(record, language)
        events = [
            envelope(
                o,
                store_id=self.ids.store_id,
                lane_id=self.ids.lane_id,
                language=language,
                journey=self.journey,
            )
            for o in self._occurrences(record, language)
        ]

        def also(conn: Any) -> None:
            self._check(conn, record, document)
            insert_events(conn, events)
            if self.close_payments is not None and self._closes(record):
                self.close_payments(conn, record.checkin_id)

        commit_checkin(self.conn, document, also)
        self.last_document = document
        self._committed(record)
        if self.recorder is not None and record.status is Outcome.COMPLETED:
            self.recorder.last_transaction = record.checkin_id
        self.wake_sync()

    def _document(self, record: Any, language: str) -> dict[str, Any]:
        """The journey's ``record_document`` with this lane's ids and ``language``."""
        return type(self).record_document(
            record,
            store_id=self.ids.store_id,
            lane_id=self.ids.lane_id,
            language=language,
            journey=self.journey,
        )

    def _occurrences(self, record: Any, language: str) -> list[Occurrence]:
        """The journey's service events for ``record``."""
        return type(self).occurrences(self.ids, record, language)

    def _check(self, conn: Any, record: Any, document: dict[str, Any]) -> None:
        """A hook inside the record's transaction: raise to store nothing."""

    def _closes(self, record: Any) -> bool:
        """Whether ``record``'s card payments are closed in the journal with it."""
        return True

    def _committed(self, record: Any) -> None:
        """A hook after the commit."""
