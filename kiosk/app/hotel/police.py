"""The hotel runner's port to the guest register's report (Spain: SES.HOSPEDAJES).

Theory of operation. The document numbers the report needs are not in the visit's
state (it keeps a summary: invariant 6); they pass through the runner in the
``UpdateGuest`` effects that send each guest's identity to the PMS.
:meth:`PoliceReports.seen` keeps the document of each (in memory, by the guest's
PMS id, for the visit under way). When the visit ends, :meth:`PoliceReports.prepare`
builds the report from the final state
(:func:`kiosk.domain.hotel.police.ses.traveller_report`), writes and validates its
XML (:func:`kiosk.backoffice.ses.solicitud_xml`) and hands the runner a
:class:`PendingReport` whose ``write`` the record's committer runs inside the
transaction that stores the visit's record (:mod:`.records`,
:func:`kiosk.store.police_reports.insert_report`): the document numbers live only
in memory until then, so a lane killed between the two would lose the report; in
one transaction a stored record always has its report queued. After the commit,
:meth:`PoliceReports.stored` logs it and wakes the sender (:mod:`.police_sender`).
A report that cannot be built is kept ``failed`` with the field named, and logged
as an error for staff; a country with no duty queues nothing. Nothing here raises
into the runner. :meth:`PoliceReports.recorded` queues a report in a transaction
of its own (a record stored without one).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.pms import IdentityDocument
from kiosk.domain.hotel.police import SES_HOSPEDAJES, duty_of
from kiosk.domain.hotel.police.ses import ReportIncomplete, owes_report, traveller_report
from kiosk.domain.hotel.states import HotelState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingReport:
    """A visit's report, built, to be written in its record's transaction.

    ``write(conn)`` inserts the row (``queued`` with the XML, or ``failed`` with
    ``problem`` when it could not be built) without a transaction of its own.
    """

    checkin_id: str
    reference: str
    guests: int
    write: Callable[[Any], object] = field(repr=False)
    problem: str = ""


class PoliceReports:
    """Queues each check-in's report (see the module).

    Args:
        conn: the runner thread's lane-store connection.
        country: the hotel's country (alpha-2): no duty, nothing queued.
        establishment: SES's code of the establishment (``[hotel] ses_establishment``).
        wake: called after a report was queued (the sender's ``wake``), or None.
    """

    def __init__(
        self,
        conn: Any,
        country: str,
        establishment: str,
        wake: Callable[[], None] | None = None,
    ) -> None:
        self.conn = conn
        self.duty = duty_of(country)
        self.establishment = establishment
        self.wake = wake
        self._documents: dict[str, IdentityDocument] = {}
        self._visit = ""

    def seen(self, effect: fx.Effect, state: HotelState) -> None:
        """Keep the document an ``UpdateGuest`` sends to the PMS (memory only)."""
        if not self.duty or not isinstance(effect, fx.UpdateGuest):
            return
        if state.checkin_id != self._visit:
            self._documents, self._visit = {}, state.checkin_id
        self._documents[effect.pms_id] = effect.identity.document

    def prepare(self, state: HotelState, at: datetime) -> PendingReport | None:
        """The report of the finished visit ``state`` (recorded at ``at``) ready to be
        written with its record, or None (no duty, nothing to report, or a fault that
        was logged)."""
        documents = self._documents if state.checkin_id == self._visit else {}
        if not self.duty or not owes_report(state):
            return None
        try:
            return self._build(state, documents, at)
        except Exception:
            log.exception(
                "ALERT visit %s: the police report (%s) was not built", state.checkin_id, self.duty
            )
            return None

    def stored(self, pending: PendingReport) -> None:
        """The record and ``pending`` were committed: say so, wake the sender. The
        visit's documents are forgotten only now (a record the store refused is tried
        again, and its report with it)."""
        if pending.checkin_id == self._visit:
            self._documents, self._visit = {}, ""
        if pending.problem:
            log.error(
                "ALERT visit %s (stay %s): the police report cannot be sent: %s; the front "
                "desk must report these guests by hand",
                pending.checkin_id,
                pending.reference,
                pending.problem,
            )
            return
        log.info("visit %s: police report queued (%d guests)", pending.checkin_id, pending.guests)
        if self.wake is not None:
            self.wake()

    def recorded(self, state: HotelState, at: datetime) -> None:
        """The visit ``state`` was recorded at ``at`` without its report: queue it now,
        in a transaction of its own, if it owes one."""
        from kiosk.store.db import write_transaction

        pending = self.prepare(state, at)
        if pending is None:
            if state.checkin_id == self._visit:
                self._documents, self._visit = {}, ""
            return
        try:
            with write_transaction(self.conn):
                pending.write(self.conn)
        except Exception:
            log.exception(
                "ALERT visit %s: the police report (%s) was not queued", state.checkin_id, self.duty
            )
            return
        self.stored(pending)

    def _build(
        self, state: HotelState, documents: dict[str, IdentityDocument], at: datetime
    ) -> PendingReport | None:
        from kiosk.backoffice.ses import SesError, solicitud_xml
        from kiosk.store.police_reports import insert_refused, insert_report

        stay = state.stay
        assert stay is not None
        ids = {
            "report_id": state.checkin_id,
            "service": SES_HOSPEDAJES,
            "stay_id": stay.stay_id,
            "reference": stay.confirmation_number,
        }
        try:
            report = traveller_report(state, documents, at=at, establishment=self.establishment)
            if report is None:
                return None
            payload = solicitud_xml(report)
        except (ReportIncomplete, SesError) as error:
            problem = f"not built: {error}"
            return PendingReport(
                state.checkin_id, stay.confirmation_number, 0,
                lambda conn: insert_refused(conn, **ids, error=problem, at=at), str(error),
            )  # fmt: skip
        return PendingReport(
            state.checkin_id, stay.confirmation_number, len(report.persons),
            lambda conn: insert_report(conn, **ids, payload=payload, at=at),
        )  # fmt: skip
