"""The check-in runner's ports: printers, the document reader, card payments.

* :class:`AirportPrinters` prints a boarding pass on the ATB printer (device type
  ``atb_printer``) or, when the lane has none, on the receipt printer
  (:func:`kiosk.devices.printer.boarding_pass.boarding_pass_receipt`), and a bag
  tag on the BTP printer (``btp_printer``). Each call blocks until the printer
  confirms and raises :class:`~kiosk.devices.errors.DeviceError` naming why not.
* :func:`follow_document_readers` hands every ``DocumentRead`` of a ``docreader``
  device to the runner (the lines are never logged: invariant 6), and every change
  of health of the reader and the ATB / BTP printers (``DeviceChanged``: the
  machine stops for an agent when a device it needs is down, invariant 7).
* :class:`FeePayments` charges fees through the self-checkout's journaled
  payment flow (:class:`kiosk.app.payments.FlowPayments`, invariant 3) and turns
  its outcomes into the check-in machine's events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from kiosk.app.travel import devices as travel_devices
from kiosk.app.travel.devices import first_of
from kiosk.app.travel.runner import EPOCH
from kiosk.domain.airport import events as ev
from kiosk.domain.airport.dcs import BagTag, BoardingPassData
from kiosk.domain.checkout import events as checkout_events
from kiosk.domain.money import Money

log = logging.getLogger(__name__)
RECEIPT_TIMEOUT_S = 60.0


class AirportPrinters:
    """The lane's boarding-pass and bag-tag printers, found by device type.

    Args:
        devices: the lane's devices by name.
        types: device name -> its configured type (``atb_printer``, ``btp_printer``,
            ``printer``).
    """

    def __init__(self, devices: Mapping[str, Any], types: Mapping[str, str]) -> None:
        self.atb = first_of(devices, types, "atb_printer")
        self.btp = first_of(devices, types, "btp_printer")
        self.receipt = first_of(devices, types, "printer")

    def boarding_pass(self, data: BoardingPassData, checkin_id: str) -> None:
        """Print ``data``; blocks until printed.

        Raises:
            DeviceError: the printer refused, ran out of paper, jammed, or there is none.
        """
        if self.atb is not None:
            self.atb.print_boarding_pass(data)
            return
        if self.receipt is None:
            raise _missing("no boarding pass printer (atb_printer) and no receipt printer")
        from kiosk.devices.printer.boarding_pass import boarding_pass_receipt

        try:
            job = self.receipt.submit_bytes(boarding_pass_receipt(data), checkin_id)
        except ValueError as error:  # a BCBP that cannot be drawn as PDF417
            raise _missing(f"boarding pass cannot be printed on receipt paper: {error}") from None
        try:
            failed = self.receipt.wait_for(job, RECEIPT_TIMEOUT_S)
        except TimeoutError as error:
            raise _missing(str(error)) from None
        if failed is not None:
            raise _missing(f"receipt printer: {getattr(failed, 'reason', '') or 'not printed'}")

    def bag_tag(self, tag: BagTag, passenger_name: str) -> None:
        """Print ``tag``; blocks until printed.

        Raises:
            DeviceError: the printer refused, ran out of stock, jammed, or there is none.
        """
        if self.btp is None:
            raise _missing("no bag tag printer (btp_printer)")
        self.btp.print_bag_tag(tag, passenger_name)


def _missing(detail: str) -> Exception:
    from kiosk.devices.errors import DeviceError

    return DeviceError(detail, "printer")


#: The device types a check-in needs, and what each does for it (``DeviceChanged.role``).
ROLES: dict[str, str] = {
    "docreader": "document_reader",
    "atb_printer": "boarding_pass_printer",
    "btp_printer": "bag_tag_printer",
}
#: A printer's conditions that mean its media runs low (receipt paper, AEA stock).
_LOW = frozenset({"paper_low", "media_low"})


def follow_document_readers(
    devices: Mapping[str, Any], types: Mapping[str, str], deliver: Callable[[ev.Event], None]
) -> list[str]:
    """Send each document read by a ``docreader`` device to ``deliver`` as a
    ``DocumentScanned`` (stamped by the runner), and every change of health of the
    devices a check-in needs (:data:`ROLES`: the document readers, the boarding pass
    and bag tag printers) as a ``DeviceChanged``; returns the readers' names."""
    return travel_devices.follow_document_readers(
        devices,
        types,
        lambda lines: deliver(ev.DocumentScanned(lines, EPOCH)),
        status=lambda event: deliver(
            device_changed(event, ROLES.get(types.get(event.device, ""), ""))
        ),
        watched=ROLES,
    )


def device_changed(event: Any, role: str) -> ev.DeviceChanged:
    """A device's ``StatusEvent`` as the check-in machine's ``DeviceChanged``."""
    status = event.status
    ok = bool(status.usable)
    detail = "" if ok else (status.detail or status.health.value)
    low = bool(_LOW & set(status.conditions))
    return ev.DeviceChanged(event.device, role, ok, detail, EPOCH, low)


class FeePayments:
    """Fees charged through the journaled payment flow (the port of ``StartPayment``).

    ``flow_payments`` is a :class:`kiosk.app.payments.FlowPayments` (or anything with
    ``start(sale_id, amount, deliver)``); its checkout outcomes become the check-in's.
    """

    def __init__(self, flow_payments: Any) -> None:
        self.flow_payments = flow_payments

    @property
    def flow(self) -> Any:
        return getattr(self.flow_payments, "flow", None)

    def start(self, checkin_id: str, amount: Money, deliver: Callable[[ev.Event], None]) -> None:
        """Charge ``amount`` towards ``checkin_id`` on a worker; ``deliver`` gets the outcome."""

        def outcome(event: checkout_events.Event) -> None:
            deliver(translate(event))

        self.flow_payments.start(checkin_id, amount, outcome)


def translate(event: Any) -> ev.Event:
    """A checkout payment outcome as the check-in machine's event."""
    if isinstance(event, checkout_events.PaymentApproved):
        return ev.PaymentApproved(
            event.reference, event.amount, event.at, event.masked_pan, event.brand, event.auth_code
        )
    if isinstance(event, checkout_events.PaymentUnknown):
        return ev.PaymentUnknown(event.reference, event.amount, event.at)
    if isinstance(event, checkout_events.PaymentDeclined):
        return ev.PaymentDeclined(event.reference, event.reason, event.at)
    raise TypeError(f"not a payment outcome: {type(event).__name__}")
