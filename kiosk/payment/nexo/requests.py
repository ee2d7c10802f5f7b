"""nexo SaleToPOIRequest messages: build them (the lane) and read them (the simulator).

Sans-IO: :func:`encode_request` turns a request into the JSON object that goes on
the wire and :func:`decode_request` turns such an object back, raising
:class:`~kiosk.payment.errors.TerminalProtocolError` for anything malformed.
Field names follow the Adyen Terminal API (nexo Sale to POI protocol 3.0).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.domain.money import Money
from kiosk.payment.errors import TerminalProtocolError
from kiosk.payment.nexo.codec import Header, amount, money_json, obj, text


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    """PaymentRequest; ``payment_type`` is nexo's Normal / Refund / FirstReservation /
    UpdateReservation / Completion; an update of a reservation and a completion name the
    ``original`` POI transaction (id, timestamp)."""

    header: Header
    reference: str
    timestamp: str
    amount: Money
    payment_type: str = "Normal"
    original: tuple[str, str] | None = None
    sale_to_acquirer_data: str = ""


@dataclass(frozen=True, slots=True)
class StatusRequest:
    """TransactionStatusRequest for the request (category, sale id, service id) named."""

    header: Header
    ref_category: str
    ref_sale_id: str
    ref_service_id: str


@dataclass(frozen=True, slots=True)
class AbortRequest:
    """AbortRequest for the running request named by its MessageReference."""

    header: Header
    ref_category: str
    ref_sale_id: str
    ref_service_id: str
    reason: str = "MerchantAbort"


@dataclass(frozen=True, slots=True)
class ReversalRequest:
    """ReversalRequest of the POI transaction ``original`` (id, timestamp)."""

    header: Header
    reference: str
    timestamp: str
    original: tuple[str, str]
    reason: str = "MerchantCancel"


Request = PaymentRequest | StatusRequest | AbortRequest | ReversalRequest


def _txn_id(pair: tuple[str, str]) -> dict[str, str]:
    return {"TransactionID": pair[0], "TimeStamp": pair[1]}


def _reference(category: str, sale_id: str, service_id: str) -> dict[str, str]:
    return {"MessageCategory": category, "SaleID": sale_id, "ServiceID": service_id}


def encode_request(request: Request) -> dict[str, Any]:
    """The ``{"SaleToPOIRequest": ...}`` object for ``request``."""
    body: dict[str, Any]
    if isinstance(request, PaymentRequest):
        sale_data: dict[str, Any] = {
            "SaleTransactionID": _txn_id((request.reference, request.timestamp))
        }
        if request.sale_to_acquirer_data:
            sale_data["SaleToAcquirerData"] = request.sale_to_acquirer_data
        transaction: dict[str, Any] = {
            "AmountsReq": {
                "Currency": request.amount.currency,
                "RequestedAmount": money_json(request.amount),
            }
        }
        if request.original is not None:
            transaction["OriginalPOITransaction"] = {"POITransactionID": _txn_id(request.original)}
        body = {
            "PaymentRequest": {
                "SaleData": sale_data,
                "PaymentTransaction": transaction,
                "PaymentData": {"PaymentType": request.payment_type},
            }
        }
    elif isinstance(request, StatusRequest):
        body = {
            "TransactionStatusRequest": {
                "ReceiptReprintFlag": True,
                "DocumentQualifier": ["CashierReceipt", "CustomerReceipt"],
                "MessageReference": _reference(
                    request.ref_category, request.ref_sale_id, request.ref_service_id
                ),
            }
        }
    elif isinstance(request, AbortRequest):
        body = {
            "AbortRequest": {
                "AbortReason": request.reason,
                "MessageReference": _reference(
                    request.ref_category, request.ref_sale_id, request.ref_service_id
                ),
            }
        }
    else:
        body = {
            "ReversalRequest": {
                "OriginalPOITransaction": {"POITransactionID": _txn_id(request.original)},
                "ReversalReason": request.reason,
                "SaleData": {"SaleTransactionID": _txn_id((request.reference, request.timestamp))},
            }
        }
    return {"SaleToPOIRequest": {"MessageHeader": request.header.to_json(), **body}}


def decode_request(message: Any) -> Request:
    """Read a ``{"SaleToPOIRequest": ...}`` object.

    Raises:
        TerminalProtocolError: naming the first missing or malformed field.
    """
    root = obj(message, "", "SaleToPOIRequest")
    header = Header.from_json(obj(root, "SaleToPOIRequest", "MessageHeader"), "MessageHeader")
    if header.message_type != "Request":
        raise TerminalProtocolError(f"MessageType {header.message_type!r} is not Request")
    if header.category == "Payment":
        return _payment(header, obj(root, "", "PaymentRequest"))
    if header.category == "TransactionStatus":
        ref = obj(
            obj(root, "", "TransactionStatusRequest"),
            "TransactionStatusRequest",
            "MessageReference",
        )
        return StatusRequest(header, *_read_reference(ref))
    if header.category == "Abort":
        body = obj(root, "", "AbortRequest")
        ref = obj(body, "AbortRequest", "MessageReference")
        return AbortRequest(
            header,
            *_read_reference(ref),
            reason=text(body, "AbortRequest", "AbortReason", required=False),
        )
    body = obj(root, "", "ReversalRequest")
    reference, timestamp = _read_txn(
        obj(obj(body, "ReversalRequest", "SaleData"), "SaleData", "SaleTransactionID"),
        "SaleTransactionID",
    )
    original = _read_txn(
        obj(
            obj(body, "ReversalRequest", "OriginalPOITransaction"),
            "OriginalPOITransaction",
            "POITransactionID",
        ),
        "POITransactionID",
    )
    return ReversalRequest(
        header, reference, timestamp, original, text(body, "ReversalRequest", "ReversalReason")
    )


def _payment(header: Header, body: dict[str, Any]) -> PaymentRequest:
    sale = obj(body, "PaymentRequest", "SaleData")
    reference, timestamp = _read_txn(
        obj(sale, "SaleData", "SaleTransactionID"), "SaleTransactionID"
    )
    transaction = obj(body, "PaymentRequest", "PaymentTransaction")
    amounts = obj(transaction, "PaymentTransaction", "AmountsReq")
    money = amount(
        amounts, "AmountsReq", "RequestedAmount", text(amounts, "AmountsReq", "Currency")
    )
    original_obj = obj(transaction, "PaymentTransaction", "OriginalPOITransaction", required=False)
    original = (
        _read_txn(
            obj(original_obj, "OriginalPOITransaction", "POITransactionID"), "POITransactionID"
        )
        if original_obj
        else None
    )
    payment_type = (
        text(
            obj(body, "PaymentRequest", "PaymentData", required=False),
            "PaymentData",
            "PaymentType",
            required=False,
        )
        or "Normal"
    )
    return PaymentRequest(
        header,
        reference,
        timestamp,
        money,
        payment_type,
        original,
        text(sale, "SaleData", "SaleToAcquirerData", required=False),
    )


def _read_txn(data: dict[str, Any], path: str) -> tuple[str, str]:
    return text(data, path, "TransactionID"), text(data, path, "TimeStamp")


def _read_reference(data: dict[str, Any]) -> tuple[str, str, str]:
    return (
        text(data, "MessageReference", "MessageCategory"),
        text(data, "MessageReference", "SaleID"),
        text(data, "MessageReference", "ServiceID"),
    )
