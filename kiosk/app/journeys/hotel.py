"""The hotel journey (``lane.mode = "hotel_checkin"``): check-in, check-out, key help.

``build`` makes the journey's parts from the shell's services: the PMS driver
(:class:`kiosk.backoffice.pms.mews.MewsConnector`, ``[hotel]`` section), the key
encoder (device type ``keyencoder``), the document readers' events, the card
payments through the same journaled payment flow as the self-checkout
(unfinished payments settled first, approvals of a visit that never finished given
back: invariant 3), the registration card and invoice on the receipt printer, the
deposits and signatures in the lane store (:mod:`kiosk.store.stays`), the deposits
captured or released at check-out and the guests' e-mails queued and sent in the
background (:mod:`kiosk.app.hotel.background`, a lane extra), the record's
commit (:class:`kiosk.app.hotel.records.HotelCommitter`) and the
:class:`~kiosk.app.hotel.runner.HotelRunner`. Screens: ``kiosk.app.journeys.hotel_ui``.
It sends ``checkin`` documents to HQ (docs/hotel.md).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.app.hotel.background import HotelSender
from kiosk.app.hotel.deposits import DepositQueue
from kiosk.app.hotel.mail import MailQueue, smtp_settings
from kiosk.app.hotel.police import PoliceReports
from kiosk.app.hotel.police_sender import sender_from_config
from kiosk.app.hotel.ports import (
    HotelKeys,
    HotelPayments,
    HotelPrinter,
    follow_document_readers,
)
from kiosk.app.hotel.records import HotelCommitter
from kiosk.app.hotel.room_ready import RoomReadyNotices
from kiosk.app.hotel.runner import HotelRunner, HotelStays
from kiosk.app.journeys.hotel_desk import build_hotel_desk, open_hotel_desk
from kiosk.app.journeys.spec import (
    JourneyParts,
    JourneySpec,
    JourneyUi,
    JourneyUiContext,
    ShellServices,
)
from kiosk.app.service_events import Ids
from kiosk.config import KioskConfig
from kiosk.domain.hotel.states import HotelSettings
from kiosk.domain.money import Money
from kiosk.payment.factory import terminal_from_config
from kiosk.payment.flow import PaymentFlow, SaleState
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.store.checkins import load_checkin
from kiosk.store.db import connect
from kiosk.store.hotel_queues import deposit_tasks
from kiosk.store.stays import load_signature

log = logging.getLogger(__name__)


def hotel_settings(config: KioskConfig, zone: ZoneInfo, now: datetime) -> HotelSettings:
    """The machine's settings from the ``[hotel]`` section (``now``: the lane clock's time,
    for the property's current offset from UTC)."""
    hotel, currency = config.hotel, config.lane.currency
    offset = now.astimezone(zone).utcoffset()
    return HotelSettings(
        hotel=hotel.hotel,
        country=hotel.country,
        currency=currency,
        max_keys=hotel.max_keys,
        document_retries=hotel.document_retries,
        max_declines=hotel.max_declines,
        max_find_misses=hotel.max_find_misses,
        adult_age=hotel.adult_age,
        deposit=Money(hotel.deposit_minor, currency) if hotel.deposit_minor else None,
        utc_offset_minutes=0 if offset is None else int(offset.total_seconds() // 60),
    )


def reconcile_payments(flow: PaymentFlow, conn: Any) -> list[str]:
    """Settle SENT/UNKNOWN payments, then close the approvals of every stored visit. An
    approval of a visit the lane lost (stopped part-way) is *not* given back: a balance
    is posted to the hotel's bill right after the terminal approves it, so the front
    desk settles it with the stay's bill; one line per such visit, for staff.

    A deposit captured (or released) through the check-out's queue goes in the journal
    under the visit that pre-authorised it (the check-in): it is named as what it is -
    the check-out's capture of that stay's deposit, with its task's state - and the
    check-in visit is listed only for payments of its own."""
    for outcome in flow.reconcile():
        log.warning("payment %s reconciled as %s", outcome.record.reference, outcome.state.value)
    lost: list[str] = []

    def visit_state(visit_id: str) -> SaleState:
        if load_checkin(conn, visit_id) is not None:
            return "completed"  # its payments are on the record (and the hotel's bill)
        lost.append(visit_id)
        return "open"

    report = flow.reverse_orphans(visit_state)
    lines = [
        f"payment {record.reference} could not be settled: {why}" for record, why in report.failed
    ]
    if not lost:
        return lines
    queued = {task.reference: task for task in deposit_tasks(conn, None)}
    left = [r for r in flow.journal.unclosed_approved() if r.sale_id in set(lost)]
    for visit_id in dict.fromkeys(lost):
        rows = [r for r in left if r.sale_id == visit_id]
        if any(r.reference not in queued for r in rows):
            lines.append(
                f"visit {visit_id} stopped part-way after a card payment: check the stay's bill"
            )
        for record in (r for r in rows if r.reference in queued):
            task = queued[record.reference]
            lines.append(
                f"deposit {task.action} {record.reference} of stay {task.stay_id or '?'} "
                f"({record.approved_amount or record.amount}) queued at its check-out: "
                f"{_TASK_STATES.get(task.state, task.state)} (not a payment of visit {visit_id})"
            )
    return lines


#: A queued deposit task's state as the reconciliation says it.
_TASK_STATES = {
    "done": "done",
    "queued": "still queued",
    "failed": "failed (the front desk's alert)",
}


def _mews(config: KioskConfig) -> Any:
    """A Mews Connector client of the ``[hotel]`` section."""
    from kiosk.backoffice.pms.mews import MewsConnector

    hotel = config.hotel
    return MewsConnector(
        hotel.base_url,
        hotel.client_token,
        hotel.access_token,
        hotel.client_name,
        hotel.timeout_s,
        property_timezone=hotel.property_timezone,
        currency=config.lane.currency,
    )


def build_hotel(services: ShellServices) -> JourneyParts:
    """The hotel runner and its ports over the shell's store and devices.

    Raises:
        ConfigError: the ``[hotel]`` section lacks what a hotel lane needs.
        PmsError: an unknown property time zone. StoreError, PaymentError: with a
            message naming what is wrong.
    """
    config, conn, clock = services.config, services.conn, services.clock
    hotel = config.hotel
    hotel.require()
    pms = _mews(config)
    zone = ZoneInfo(hotel.property_timezone)
    journal = PaymentJournal(services.connect(), clock)
    flow = PaymentFlow(
        terminal_from_config(config.payment, config.lane.lane_id),
        journal,
        backoff=config.payment.status_backoff_s,
    )
    unreturned = reconcile_payments(flow, conn)
    types = {d.name: d.type for d in config.devices}
    committer = HotelCommitter(
        conn,
        store_id=config.lane.store_id,
        lane_id=config.lane.lane_id,
        language=config.lane.languages[0],
        close_payments=journal.close_sale,
        recorder=services.service_events,
        wake_sync=services.wake_sync,
    )

    deposits = DepositQueue(
        services.connect,
        flow.terminal,
        clock,
        wait_s=hotel.deposit_wait_s,
        backoff=config.payment.status_backoff_s,
        ids=Ids(config.lane.store_id, config.lane.lane_id),
        doubt_rounds=hotel.deposit_doubt_rounds,
    )
    printer = HotelPrinter.from_devices(services.devices, types, hotel.hotel, hotel.terms)
    signatures = services.connect()
    mail = MailQueue(
        services.connect,
        smtp_settings(hotel),
        hotel=hotel.hotel,
        terms=printer.terms_text,
        signature=lambda ref: load_signature(signatures, ref),
    )
    room_notices = RoomReadyNotices(services.connect, _mews(config), mail)  # its own client
    sender = HotelSender(
        [deposits.run_once, room_notices.run_once, mail.run_once], every_s=hotel.mail_every_s
    )
    deposits.wake = mail.wake = room_notices.wake = sender.wake
    police_sender = sender_from_config(config, clock)  # Spain's traveller reports, or None
    police_wake = None if police_sender is None else police_sender.wake

    def resolve_payment(reference: str, paid: bool, staff_id: str) -> bool:
        record = flow.resolve(reference, paid, staff_id)
        return record.state is PaymentState.APPROVED

    runner = HotelRunner(
        settings=hotel_settings(config, zone, clock()),
        pms=pms,
        keys=HotelKeys.from_devices(services.devices, types, zone, clock),
        payments=HotelPayments(flow, clock, config.lane.currency, deposits),
        printer=printer,
        commit=committer,
        stays=HotelStays(conn, config.lane.currency, journal),
        clock=clock,
        resolve_payment=resolve_payment,
        abandon_after_s=hotel.abandon_after_s,
        mail=mail,
        police=PoliceReports(conn, hotel.country, hotel.ses_establishment, police_wake),
        room_notices=room_notices,
    )
    runner.front_desk_alerts = deposits.alerts  # the station's hotel view lists them
    runner.front_desk = deposits  # the hotel desk settles them
    follow_document_readers(services.devices, types, runner.send)
    for detail in unreturned:
        log.error("%s", detail)
    path, timeout = config.store.path, config.store.busy_timeout_ms

    def give_back_orphans() -> list[str]:
        other = connect(path, busy_timeout_ms=timeout, migrate=False)
        try:
            return reconcile_payments(flow, other)
        finally:
            other.close()

    return JourneyParts(
        runner=runner,
        payment_flow=flow,
        give_back_orphans=give_back_orphans,
        extras=[sender, *([police_sender] if police_sender else [])],
    )


def open_hotel_ui(context: JourneyUiContext) -> JourneyUi:
    """The hotel's screens and presenter on the shell's window (imports Qt)."""
    from kiosk.app.journeys.hotel_ui import open_hotel_screens

    return open_hotel_screens(context)


HOTEL_CHECKIN = JourneySpec(
    mode="hotel_checkin",
    summary="hotel check-in and check-out: booking, guests' IDs, registration, deposit, keys",
    build=build_hotel,
    open_ui=open_hotel_ui,
    attendant=build_hotel_desk,
    desk_ui=open_hotel_desk,
    document_kinds=("checkin",),
)
