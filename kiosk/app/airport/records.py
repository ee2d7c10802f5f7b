"""The check-in record's commit: document, outbox row, service events, payments closed.

:class:`CheckinCommitter` turns a domain :class:`CheckinRecord` into the schema-1
document (:func:`kiosk.domain.airport.record.record_document` with the lane's
ids and language) and commits it with :func:`kiosk.store.checkins.commit_checkin`
in one transaction together with:

* the check-in's service events (:func:`service_occurrences`):
  ``transaction.started``, each intervention ``raised`` and ``resolved`` (with
  their own times), then ``transaction.completed`` or ``transaction.abandoned``
  (``cancelled`` or ``idle_timeout``), journey ``airport_checkin``;
* closing the check-in's card payments in the payment journal, so that start-up
  never takes them for orphans to give back (invariant 3). The fees of a check-in
  that did not complete are not closed: they are given back (``give_back``, and
  at the next start if that failed).

Before any of that, inside the same transaction, a completed record's money is
checked against the payment journal (:func:`check_checkin_paid`, invariant 9, as
the self-checkout's ``commit_paid_sale`` does for a sale): ``fees_total`` must be
what the journal says the cards still carry for this check-in (approved minus
reversed and refunded), and every payment the record shows as taken must be an
approved journal row. A record that does not add up is not stored
(:class:`CheckinNotPaid`; the runner hands the machine ``RecordRefused``, an
agent's ``payment_failed``, and the record is then built on the journal's word).

Afterwards the lane's service-event recorder knows this check-in as the last
transaction, so the thank-you screen's rating and NPS answer go with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from kiosk.app.payments import SaleNotPaid, approved_payments
from kiosk.app.service_events import Ids, Occurrence
from kiosk.app.travel import records as travel
from kiosk.domain.airport.dcs import DcsError, DcsErrorKind, DepartureControl
from kiosk.domain.airport.record import CheckinRecord, paid_minor, record_document
from kiosk.domain.airport.states import Outcome
from kiosk.domain.money import Money
from kiosk.payment.money_check import charged_per_basket
from kiosk.store.checkins import drop_open, note_checked_in, note_printed, open_checkins

log = logging.getLogger(__name__)
JOURNEY = "airport_checkin"


def service_occurrences(ids: Ids, record: CheckinRecord, language: str) -> list[Occurrence]:
    """What one finished check-in means for HQ's service measures (docs/service-events.md)."""
    travellers = sum(1 for p in record.passengers if p.checked_in)
    return travel.service_occurrences(
        ids, record, language, items=travellers, total_minor=paid_minor(record)
    )


class CheckinNotPaid(SaleNotPaid):
    """A check-in record whose card payments do not add up to the payment journal's
    (invariant 9); ``approved`` is the journal's word: (reference, amount) pairs."""


def check_checkin_paid(document: dict[str, Any], records: list[Any]) -> None:
    """Raise :class:`CheckinNotPaid` unless a completed check-in's ``fees_total`` is what
    the journal's cards still carry for it (approved minus reversed / refunded) and each
    payment the document shows as taken is an approved journal row at that amount. A
    check-in that did not complete is not checked: its fees are given back after the
    commit."""
    if document.get("status") != Outcome.COMPLETED.value:
        return
    checkin_id = str(document["transaction_id"])
    currency = str(document["currency"])
    charged = charged_per_basket(records).get(checkin_id, 0)
    journal = {
        r.reference: (r.approved_amount or r.amount).minor for r in approved_payments(records)
    }
    shown = {
        str(p["reference"]): int(p["amount"])
        for p in document.get("payments", ())
        if p.get("outcome") in ("approved", "confirmed")
    }
    fees_total = int(document["fees_total"])
    backed = all(journal.get(ref) == amount for ref, amount in shown.items())
    if fees_total == charged and backed:
        return
    pairs = tuple((ref, Money(minor, currency)) for ref, minor in journal.items())
    raise CheckinNotPaid(
        f"check-in {checkin_id}: fees_total {Money(fees_total, currency)} with payments "
        f"{', '.join(shown) or 'none'}, but the payment journal's cards carry "
        f"{Money(charged, currency)} ({', '.join(journal) or 'none'}): not stored",
        pairs,
    )


class CheckinCommitter(travel.RecordCommitter):
    """Commits check-in records on the runner's thread (``conn`` is that thread's).

    Args: those of :class:`kiosk.app.travel.records.RecordCommitter`, and
        payments_for: ``(conn, checkin_id)`` reads the check-in's payment journal rows
            on the record's connection (``PaymentJournal.for_sale_on``); by default that
            of the journal whose ``close_sale`` is ``close_payments``.
        give_back: ``(checkin_id, references)`` reverses the card fees of a check-in that
            did not complete (an agent cancelled it after the traveller paid); called
            after the commit (or None).

    Committing raises :class:`CheckinNotPaid` when a record's card payments do not add
    up (nothing stored), and ``StoreError`` when the store refused the write.
    """

    journey = JOURNEY
    record_document = staticmethod(record_document)
    occurrences = staticmethod(service_occurrences)

    def __init__(
        self,
        conn: Any,
        *,
        give_back: Callable[[str, tuple[str, ...]], object] | None = None,
        payments_for: Callable[[Any, str], list[Any]] | None = None,
        **lane: Any,
    ) -> None:
        super().__init__(conn, **lane)
        self.give_back = give_back
        journal = getattr(self.close_payments, "__self__", None)
        self.payments_for = payments_for or getattr(journal, "for_sale_on", None)

    def _check(self, conn: Any, record: CheckinRecord, document: dict[str, Any]) -> None:
        if self.payments_for is not None:  # read inside the record's transaction
            check_checkin_paid(document, self.payments_for(conn, record.checkin_id))

    def _closes(self, record: CheckinRecord) -> bool:
        # a cancelled check-in's fees stay open: they are given back
        return record.status is Outcome.COMPLETED

    def _committed(self, record: CheckinRecord) -> None:
        paid = [p.reference for p in record.payments if p.outcome in ("approved", "confirmed")]
        completed = record.status is Outcome.COMPLETED
        if not completed and paid and self.give_back is not None:
            self.give_back(record.checkin_id, tuple(paid))


class OpenCheckins:
    """The runner's ``progress`` port: check-ins under way at the DCS, in the lane store
    (on the runner's thread and connection), so a restart can undo what it lost."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def checked_in(self, checkin_id: str, record_locator: str, ids: tuple[str, ...]) -> None:
        note_checked_in(self.conn, checkin_id, record_locator, ids)

    def printed(self, checkin_id: str) -> None:
        note_printed(self.conn, checkin_id)


def undo_lost_checkins(conn: Any, dcs: DepartureControl) -> list[str]:
    """At start-up: cancel at the DCS each check-in a restart lost before anything was
    printed (one printed stands: the traveller holds a pass). A DCS that cannot be
    reached keeps the row for the next start. Returns one line per check-in settled."""
    done: list[str] = []
    for lost in open_checkins(conn):
        if not lost.printed:
            try:
                dcs.cancel_check_in(lost.record_locator, lost.passenger_ids)
            except DcsError as error:
                if error.kind is DcsErrorKind.UNREACHABLE:
                    log.error("check-in %s: DCS unreachable, cancel later", lost.checkin_id)
                    continue
                log.warning("check-in %s: the DCS refused the cancel: %s", lost.checkin_id, error)
        what = "left (printed)" if lost.printed else "cancelled at the DCS"
        log.warning(
            "check-in %s of %s lost by a restart: %s", lost.checkin_id, lost.record_locator, what
        )
        drop_open(conn, lost.checkin_id)
        done.append(f"{lost.checkin_id} {lost.record_locator}: {what}")
    return done
