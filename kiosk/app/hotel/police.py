"""The hotel runner's port to the guest register's report (Spain: SES.HOSPEDAJES).

Theory of operation. The document numbers the report needs are not in the visit's
state (it keeps a summary: invariant 6); they pass through the runner in the
``UpdateGuest`` effects that send each guest's identity to the PMS.
:meth:`PoliceReports.seen` keeps the document of each (in memory, by the guest's
PMS id, for the visit under way). Once the visit's record is stored,
:meth:`PoliceReports.recorded` builds the report from the final state
(:func:`kiosk.domain.hotel.police.ses.traveller_report`), writes and validates its
XML (:func:`kiosk.backoffice.ses.solicitud_xml`) and queues it in the lane store
(:mod:`kiosk.store.police_reports`) on the runner's connection, then wakes the
sender (:mod:`.police_sender`). A report that cannot be built is kept ``failed``
with the field named, and logged as an error for staff; a country with no duty
queues nothing. Nothing here raises into the runner: the record is already stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.pms import IdentityDocument
from kiosk.domain.hotel.police import SES_HOSPEDAJES, duty_of
from kiosk.domain.hotel.police.ses import ReportIncomplete, owes_report, traveller_report
from kiosk.domain.hotel.states import HotelState

log = logging.getLogger(__name__)


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

    def recorded(self, state: HotelState, at: datetime) -> None:
        """The visit ``state`` was recorded at ``at``: queue its report, if it owes one."""
        documents = self._documents if state.checkin_id == self._visit else {}
        self._documents, self._visit = {}, ""
        if not self.duty or not owes_report(state):
            return
        try:
            self._queue(state, documents, at)
        except Exception:
            log.exception(
                "ALERT visit %s: the police report (%s) was not queued", state.checkin_id, self.duty
            )

    def _queue(
        self, state: HotelState, documents: dict[str, IdentityDocument], at: datetime
    ) -> None:
        from kiosk.backoffice.ses import SesError, solicitud_xml
        from kiosk.store.police_reports import note_refused, queue_report

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
                return
            payload = solicitud_xml(report)
        except (ReportIncomplete, SesError) as error:
            log.error(
                "ALERT visit %s (stay %s): the police report cannot be sent: %s; the front "
                "desk must report these guests by hand",
                state.checkin_id,
                stay.confirmation_number,
                error,
            )
            note_refused(self.conn, **ids, error=f"not built: {error}", at=at)
            return
        queue_report(self.conn, **ids, payload=payload, at=at)
        log.info(
            "visit %s: police report queued (%d guests)", state.checkin_id, len(report.persons)
        )
        if self.wake is not None:
            self.wake()
