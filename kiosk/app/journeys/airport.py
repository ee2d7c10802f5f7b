"""The airport check-in journey (``lane.mode = "airport_checkin"``): spec and build.

``build`` makes the journey's parts from the shell's services: the DCS driver
(:class:`kiosk.backoffice.dcs.HttpDepartureControl`, ``[airport]`` section),
the printers (ATB / BTP, or the receipt printer for boarding passes), the
document readers' events, the card payments for fees through the same journaled
payment flow as the self-checkout (unfinished payments settled first, approvals
of a check-in that never finished given back: invariant 3), the record's commit
(:class:`kiosk.app.airport.records.CheckinCommitter`) and the
:class:`~kiosk.app.airport.runner.AirportRunner`. A check-in a restart lost
after the DCS made it and before anything printed is cancelled at the DCS. Screens: H5's
``kiosk.app.journeys.airport_ui``; the agent desk is added by its own module.
It sends ``checkin`` documents to HQ (docs/airport.md).
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from kiosk.app.airport.ports import AirportPrinters, FeePayments, follow_document_readers
from kiosk.app.airport.records import CheckinCommitter, OpenCheckins, undo_lost_checkins
from kiosk.app.airport.runner import AirportRunner
from kiosk.app.journeys.airport_desk import build_airport_desk, open_airport_desk
from kiosk.app.journeys.spec import (
    JourneyParts,
    JourneySpec,
    JourneyUi,
    JourneyUiContext,
    ShellServices,
)
from kiosk.app.payments import FlowPayments
from kiosk.domain.airport.states import CheckinSettings
from kiosk.payment.factory import terminal_from_config
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.store.checkins import load_checkin
from kiosk.store.db import connect
from kiosk.threads import start_thread

log = logging.getLogger(__name__)


def build_airport(services: ShellServices) -> JourneyParts:
    """The check-in runner and its ports over the shell's store and devices.

    Raises:
        ConfigError: the ``[airport]`` section lacks what an airport lane needs.
        StoreError, PaymentError: with a message naming what is wrong.
    """
    config, conn, clock = services.config, services.conn, services.clock
    airport = config.airport
    airport.require()
    from kiosk.backoffice.dcs import HttpDepartureControl

    dcs = HttpDepartureControl(airport.dcs_url, airport.dcs_key, airport.dcs_timeout_s)
    journal = PaymentJournal(services.connect(), clock)
    flow = PaymentFlow(
        terminal_from_config(config.payment, config.lane.lane_id),
        journal,
        backoff=config.payment.status_backoff_s,
    )
    unreturned = reconcile_payments(flow, conn)
    types = {d.name: d.type for d in config.devices}
    settings = CheckinSettings(
        airport=airport.airport,
        currency=config.lane.currency,
        max_bags_per_passenger=airport.max_bags_per_passenger,
        document_retries=airport.document_retries,
        bag_min_weight_g=airport.bag_min_weight_g,
        utc_offset_minutes=airport.utc_offset_minutes,
    )
    committer = CheckinCommitter(
        conn,
        store_id=config.lane.store_id,
        lane_id=config.lane.lane_id,
        language=config.lane.languages[0],
        close_payments=journal.close_sale,
        payments_for=journal.for_sale_on,
        recorder=services.service_events,
        wake_sync=services.wake_sync,
        give_back=lambda checkin_id, refs: start_thread(
            "airport-give-back", lambda: give_back_fees(flow, checkin_id, refs)
        ),
    )

    def resolve_payment(reference: str, paid: bool, staff_id: str) -> bool:
        record = flow.resolve(reference, paid, staff_id)
        return record.state is PaymentState.APPROVED

    runner = AirportRunner(
        settings=settings,
        dcs=dcs,
        printers=AirportPrinters(services.devices, types),
        payments=FeePayments(FlowPayments(flow, clock)),
        commit=committer,
        clock=clock,
        resolve_payment=resolve_payment,
        abandon_after_s=airport.abandon_after_s,
        progress=OpenCheckins(conn),
    )
    # first job on the runner's thread: a DCS that is down must not hold up the start
    runner.call(lambda: _undo_lost(conn, dcs))
    follow_document_readers(services.devices, types, runner.send)
    for detail in unreturned:
        log.error("%s", detail)
    path, timeout = config.store.path, config.store.busy_timeout_ms
    return JourneyParts(
        runner=runner,
        payment_flow=flow,
        give_back_orphans=lambda: _give_back_orphans(flow, path, timeout),
    )


def _undo_lost(conn: Any, dcs: Any) -> None:
    try:
        undo_lost_checkins(conn, dcs)
    except Exception:  # never worth a stopped kiosk: the rows wait for the next start
        log.exception("check-ins lost by a restart not settled")


def reconcile_payments(flow: PaymentFlow, conn: Any) -> list[str]:
    """Settle SENT/UNKNOWN payments, then give back approvals of check-ins that were not
    stored (a check-in under way does not survive a restart); one line per approval that
    could not be given back."""
    for outcome in flow.reconcile():
        log.warning("payment %s reconciled as %s", outcome.record.reference, outcome.state.value)

    def checkin_state(checkin_id: str) -> Literal["open", "completed", "gone"]:
        document = load_checkin(conn, checkin_id)
        done = document is not None and document.get("status") == "completed"
        return "completed" if done else "gone"  # a cancelled check-in's fees are given back

    report = flow.reverse_orphans(checkin_state)
    return [
        f"payment {record.reference} of {record.approved_amount or record.amount} for a "
        f"check-in that was not completed could not be given back: {why}"
        for record, why in report.failed
    ]


def give_back_fees(flow: PaymentFlow, checkin_id: str, references: tuple[str, ...]) -> None:
    """Reverse the fees of a check-in that did not complete (a worker thread: the terminal
    answers slowly). One that fails stays open and is given back at the next start."""
    for reference in references:
        try:
            outcome = flow.reverse(reference)
        except Exception as error:
            log.error("check-in %s: fee %s not given back: %s", checkin_id, reference, error)
            continue
        log.warning(
            "check-in %s: fee %s given back (%s)", checkin_id, reference, outcome.state.value
        )


def _give_back_orphans(flow: PaymentFlow, path: Any, timeout: int) -> list[str]:
    conn = connect(path, busy_timeout_ms=timeout, migrate=False)
    try:
        return reconcile_payments(flow, conn)
    finally:
        conn.close()


def open_airport_ui(context: JourneyUiContext) -> JourneyUi:
    """The check-in's screens and presenter on the shell's window (imports Qt)."""
    from kiosk.app.journeys.airport_ui import open_airport_screens

    return open_airport_screens(context)


AIRPORT_CHECKIN = JourneySpec(
    mode="airport_checkin",
    summary="airport check-in: booking, passports, seats, bags, boarding passes and bag tags",
    build=build_airport,
    open_ui=open_airport_ui,
    attendant=build_airport_desk,
    desk_ui=open_airport_desk,
    document_kinds=("checkin",),
)
