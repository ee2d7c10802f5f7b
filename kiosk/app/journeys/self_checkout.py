"""The self-checkout journey: the checkout machine, its lane controller and its ports.

``build`` turns the shell's services into the checkout's parts: the payment
journal and flow (with start-up reconciliation of unfinished payments, DESIGN.md
invariant 3), the basket journal, the receipt printer port and the
:class:`~kiosk.app.lane.LaneController` that runs the pure
:class:`~kiosk.domain.checkout.machine.Checkout`. Its screens and presenter are in
``kiosk.ui`` (``LaneScreens``, ``LanePresenter``), put on the window by
:mod:`kiosk.app.journeys.self_checkout_ui`; its attendant desk is
:class:`~kiosk.app.attendant.AttendantService`; it sends ``sale`` documents to HQ.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from kiosk.app.held_receipts import HeldReceiptFile
from kiosk.app.journeys.spec import (
    Clock,
    JourneyParts,
    JourneySpec,
    JourneyUi,
    JourneyUiContext,
    ShellServices,
)
from kiosk.app.lane import LaneController, LaneIdentity, RecoveredPayments
from kiosk.app.learned_weights import keep_learned_weights
from kiosk.app.payments import FlowPayments, approved_payments, commit_paid_sale
from kiosk.app.receipts import PrinterReceipts
from kiosk.config import KioskConfig
from kiosk.config.lane import shopper_flow
from kiosk.config.sale_rules import sale_rules
from kiosk.domain.checkout.states import CheckoutSettings
from kiosk.domain.checkout.states import PaymentRecord as DomainPayment
from kiosk.payment.factory import terminal_from_config
from kiosk.payment.flow import PaymentFlow
from kiosk.payment.journal import PaymentJournal, PaymentState
from kiosk.store.catalog import CatalogRepository
from kiosk.store.coupons import CouponRepository, record_redemptions
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal
from kiosk.store.learned_weights import LearnedWeightRepository
from kiosk.store.offers import OfferRepository
from kiosk.store.recalls import RecallRepository
from kiosk.store.sales import load_sale_document

log = logging.getLogger(__name__)


def build_checkout(services: ShellServices) -> JourneyParts:
    """The checkout's controller and ports over the shell's store and devices.

    Unfinished payments are settled first; an approval that cannot be given back
    calls the attendant (a device fault "payment").

    Raises:
        StoreError, ConfigError, PaymentError: with a message naming what is wrong.
    """
    config, conn, clock = services.config, services.conn, services.clock
    path, timeout = config.store.path, config.store.busy_timeout_ms
    payment_journal = PaymentJournal(services.connect(), clock)
    flow = PaymentFlow(
        terminal_from_config(config.payment, config.lane.lane_id),
        payment_journal,
        backoff=config.payment.status_backoff_s,
    )
    journal = BasketJournal(conn)
    journal.discard_empty()  # baskets a crash left without a line would pile up for ever
    offers = OfferRepository(conn)
    recalls = RecallRepository(conn)  # the lane's copy of HQ's recalls: holds offline
    settings = CheckoutSettings(
        config.lane.currency,
        config.tax.to_rules(),
        offers=offers.catalog(),
        bagging=_bagging_policy(config),
        sale_rules=sale_rules(config.lane, config.sale_hours, recalls.recalled()),
        merge_identical=config.lane.merge_identical,
        flow=shopper_flow(config.lane),  # unknown codes put aside? age checked at Pay?
    )
    unreturned = _reconcile_payments(flow, conn, journal)

    def commit_sale(document: dict[str, Any], basket_id: str) -> None:
        """Store the sale only if the journal's payments pay exactly what it is due
        (checked inside the sale's transaction). Raises SaleNotPaid, StoreError."""
        events = services.service_events  # the sale's service events, in its transaction
        with_events = events.store_with_sale(document) if events is not None else None

        def also(sale_conn: Any) -> None:  # its coupons are used once, with the sale
            record_redemptions(sale_conn, document)
            if with_events is not None:
                with_events(sale_conn)

        commit_paid_sale(conn, payment_journal, document, basket_id, also)
        services.wake_sync()  # upload now rather than at the next idle poll

    identity = LaneIdentity(config.lane.store_id, config.lane.lane_id, config.lane.languages[0])
    controller = LaneController(
        identity=identity,
        settings=settings,
        scan_rules=config.barcodes.scan_rules(config.lane.currency),
        catalog=CatalogRepository(conn),
        journal=journal,
        commit_sale=commit_sale,
        payments=FlowPayments(flow, clock),
        receipts=_receipts(config, services.devices, identity),
        clock=clock,
        recovered_payments=_recovered_payments(flow),
        coupons=CouponRepository(conn),
        language_follows_shopper=config.lane.receipt_language == "shopper",
    )
    recorder = services.service_events
    if recorder is not None:  # refused packs: station alerts until staff take them away
        from kiosk.app.pack_pages import PackPages, name_in

        pages = PackPages(services.connect(), recorder.ids, clock, name_in(controller.catalog))
        pages.attach(controller, language=lambda: recorder.language)
    if config.bagging.enabled and config.bagging.record_sessions:  # for `kiosk bagging replay`
        from kiosk.app.bagging_record import SessionRecorder

        controller.listeners.append(SessionRecorder(Path(config.bagging.record_sessions), clock))
    if config.bagging.enabled:  # what the bagging area learned outlives a restart
        keep_learned_weights(controller, LearnedWeightRepository(conn))
    for detail in unreturned:  # a failed reversal is an intervention, never only a log line
        controller.device_faulted("payment", detail)
    return JourneyParts(
        runner=controller,
        catalog_view=CatalogRepository(services.connect()),
        payment_flow=flow,
        give_back_orphans=lambda: _give_back_orphans(flow, path, timeout),
        # new offers from HQ: read on the lane thread (its connection), for the next basket
        offers_changed=lambda: controller.call(lambda: _reread(controller, offers, recalls)),
    )


def _reread(controller: LaneController, offers: OfferRepository, recalls: Any) -> None:
    """New offers (for the next basket) and recalls (at once) stored by sync."""
    controller.use_offers(offers.catalog())
    controller.use_recalls(recalls.recalled())


def open_checkout_ui(context: JourneyUiContext) -> JourneyUi:
    """The checkout's screens and presenter on the shell's window (imports Qt)."""
    from kiosk.app.journeys.self_checkout_ui import open_checkout_screens

    return open_checkout_screens(context)


def checkout_attendant(lane: Any, staff: Any, audit: Any, clock: Clock) -> Any:
    """The attendant desk of the checkout: every intervention kind, voids, prices."""
    from kiosk.app.attendant import AttendantService

    return AttendantService(lane, staff, audit, clock)


SELF_CHECKOUT = JourneySpec(
    mode="self_checkout",
    summary="grocery self-checkout: scan, weigh, pay by card, receipt",
    build=build_checkout,
    open_ui=open_checkout_ui,
    attendant=checkout_attendant,
    document_kinds=("sale",),
)


def _bagging_policy(config: KioskConfig) -> Any:
    """The [bagging] policy; off (logged) when no [[devices]] scale has the [bagging]
    scale's name: without its scale the lane would wait for ever for items to be placed."""
    policy = config.bagging.policy()
    scales = {d.name for d in config.devices if d.type == "scale"}
    if policy.enabled and config.bagging.scale not in scales:
        log.error("[bagging] is on but no scale is named %r: no checks", config.bagging.scale)
        return dataclasses.replace(policy, enabled=False)
    return policy


def _receipts(config: KioskConfig, devices: dict[str, Any], identity: LaneIdentity) -> Any:
    """The receipt port: the first printer (its held receipts kept in a file), or none."""
    kinds = {d.name: d.type for d in config.devices}
    printer = next((d for name, d in devices.items() if kinds.get(name) == "printer"), None)
    path = config.store.path
    if printer is not None:
        held = HeldReceiptFile(Path(path).with_name(Path(path).name + ".held-receipts.json"))
        printer.receipts.restore(held.load())
        printer.on_queue_change(held.save)
    return PrinterReceipts(
        printer,
        header=(config.lane.store_name, *config.lane.receipt_header),
        footer=config.lane.receipt_footer,
        language=identity.language,
        ereceipt_base_url=config.lane.ereceipt_base_url or None,
        tax_letters=config.tax.tax_letters(),
        timezone=config.lane.timezone,
    )


def _reconcile_payments(flow: PaymentFlow, conn: Any, journal: BasketJournal) -> list[str]:
    """Settle SENT/UNKNOWN payments, then give back approvals whose sale is gone.

    An approval whose basket is still open is kept: it counts towards that basket's
    total when the lane shows it again (split tender). Any other approval whose sale
    was not stored is reversed, so the shopper is never charged for nothing. Returns
    one line per approval that could not be given back: each calls the attendant.
    """
    for outcome in flow.reconcile():
        log.warning("payment %s reconciled as %s", outcome.record.reference, outcome.state.value)
    shown = {info.basket.basket_id for info in journal.open_baskets() if info.basket.lines}

    def sale_state(sale_id: str) -> Literal["open", "completed", "gone"]:
        if load_sale_document(conn, sale_id) is not None:
            return "completed"
        return "open" if sale_id in shown else "gone"

    report = flow.reverse_orphans(sale_state)
    return [
        f"payment {record.reference} of {record.approved_amount or record.amount} for a sale "
        f"that was not completed could not be given back: {why}"
        for record, why in report.failed
    ]


def _give_back_orphans(flow: PaymentFlow, path: Any, timeout: int) -> list[str]:
    """Try again to give back approvals whose sale is gone (the attendant fixed the
    terminal); reads the store on a connection of its own (an attendant thread)."""
    conn = connect(path, busy_timeout_ms=timeout, migrate=False)
    try:
        return _reconcile_payments(flow, conn, BasketJournal(conn))
    finally:
        conn.close()


def _recovered_payments(flow: PaymentFlow) -> Callable[[str], RecoveredPayments]:
    """What the payment journal holds for a basket the lane restores after a restart."""

    def recovered(basket_id: str) -> RecoveredPayments:
        records = flow.journal.for_sale(basket_id)
        approved = tuple(
            DomainPayment(
                r.reference,
                r.approved_amount or r.amount,
                "approved",
                _parse_iso(r.updated_at),
                auth_code=r.auth_code,
                masked_pan=str(r.masked_pan) if r.masked_pan else None,
                brand=r.brand,
                terminal_transaction_id=r.terminal_transaction_id,
            )
            for r in approved_payments(records)
        )
        unresolved = tuple(
            (r.reference, r.amount)
            for r in records
            if r.state in (PaymentState.SENT, PaymentState.UNKNOWN)
        )
        return RecoveredPayments(approved, unresolved)

    return recovered


def _parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
