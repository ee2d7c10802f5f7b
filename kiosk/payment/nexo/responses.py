"""nexo SaleToPOIResponse messages: read them (the lane) and build them (the simulator).

:class:`TransactionResponse` is the common content of a PaymentResponse and a
ReversalResponse (and of the one a TransactionStatusResponse repeats).
:func:`decode_response` raises :class:`~kiosk.payment.errors.TerminalProtocolError`
for anything malformed, including a masked card number that shows too much.
Receipt lines follow Adyen's form: each OutputText is URL-encoded
``key=..&name=..&value=..``; the lane keeps ``name: value`` lines.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any

from kiosk.domain.money import Money
from kiosk.payment.errors import MaskedPanError, TerminalProtocolError
from kiosk.payment.nexo.codec import Header, amount, money_json, obj, text
from kiosk.payment.pan import MaskedPan, redact_pans


@dataclass(frozen=True, slots=True)
class TransactionResponse:
    """Result of a payment or reversal as a terminal reports it."""

    category: str  # "Payment" or "Reversal"
    result: str  # "Success", "Failure" or "Partial"
    error_condition: str = ""
    additional: str = ""
    reference: str = ""  # the SaleTransactionID.TransactionID echoed back
    poi_transaction: tuple[str, str] | None = None
    masked_pan: MaskedPan | None = None
    brand: str = ""
    auth_code: str = ""
    amount: Money | None = None
    receipt_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatusResponse:
    """TransactionStatusResponse: ``repeated`` is the original answer when it is known."""

    result: str
    error_condition: str = ""
    repeated: TransactionResponse | None = None


@dataclass(frozen=True, slots=True)
class Response:
    """A decoded SaleToPOIResponse: its header and body."""

    header: Header
    body: TransactionResponse | StatusResponse


def _response_json(result: str, error: str, additional: str) -> dict[str, Any]:
    data = {"Result": result}
    if error:
        data["ErrorCondition"] = error
    if additional:
        data["AdditionalResponse"] = additional
    return data


def _transaction_json(tx: TransactionResponse) -> dict[str, Any]:
    body: dict[str, Any] = {
        "Response": _response_json(tx.result, tx.error_condition, tx.additional)
    }
    if tx.reference:
        body["SaleData"] = {
            "SaleTransactionID": {
                "TransactionID": tx.reference,
                "TimeStamp": "1970-01-01T00:00:00Z",
            }
        }
    if tx.poi_transaction:
        body["POIData"] = {
            "POITransactionID": {
                "TransactionID": tx.poi_transaction[0],
                "TimeStamp": tx.poi_transaction[1],
            }
        }
    if tx.category == "Reversal":
        return body
    result: dict[str, Any] = {}
    if tx.masked_pan is not None or tx.brand:
        card = {"MaskedPan": str(tx.masked_pan or ""), "PaymentBrand": tx.brand}
        result["PaymentInstrumentData"] = {"PaymentInstrumentType": "Card", "CardData": card}
    if tx.amount is not None:
        result["AmountsResp"] = {
            "Currency": tx.amount.currency,
            "AuthorizedAmount": money_json(tx.amount),
        }
    if tx.auth_code:
        result["PaymentAcquirerData"] = {"ApprovalCode": tx.auth_code}
    if result:
        body["PaymentResult"] = result
    if tx.receipt_lines:
        lines = [
            {"Text": urllib.parse.urlencode({"key": f"line{i}", "name": line, "value": ""})}
            for i, line in enumerate(tx.receipt_lines)
        ]
        body["PaymentReceipt"] = [
            {
                "DocumentQualifier": "CustomerReceipt",
                "OutputContent": {"OutputFormat": "Text", "OutputText": lines},
            }
        ]
    return body


def encode_response(header: Header, body: TransactionResponse | StatusResponse) -> dict[str, Any]:
    """The ``{"SaleToPOIResponse": ...}`` object (used by the simulator)."""
    content: dict[str, Any]
    if isinstance(body, StatusResponse):
        content = {"Response": _response_json(body.result, body.error_condition, "")}
        if body.repeated is not None:
            name = f"{body.repeated.category}Response"
            repeated_header = Header(
                body.repeated.category, "Response", header.sale_id, "", header.poi_id
            ).to_json()
            content["RepeatedMessageResponse"] = {
                "MessageHeader": repeated_header,
                "RepeatedResponseMessageBody": {name: _transaction_json(body.repeated)},
            }
        key = "TransactionStatusResponse"
    else:
        content = _transaction_json(body)
        key = f"{body.category}Response"
    return {"SaleToPOIResponse": {"MessageHeader": header.to_json(), key: content}}


def decode_response(message: Any) -> Response:
    """Read a ``{"SaleToPOIResponse": ...}`` object.

    Raises:
        TerminalProtocolError: naming the first missing or malformed field.
    """
    root = obj(message, "", "SaleToPOIResponse")
    header = Header.from_json(obj(root, "SaleToPOIResponse", "MessageHeader"), "MessageHeader")
    if header.message_type != "Response":
        raise TerminalProtocolError(f"MessageType {header.message_type!r} is not Response")
    if header.category in ("Payment", "Reversal"):
        key = f"{header.category}Response"
        return Response(header, _transaction(header.category, obj(root, "", key), key))
    if header.category != "TransactionStatus":
        raise TerminalProtocolError(f"unexpected {header.category} response")
    body = obj(root, "", "TransactionStatusResponse")
    result, error = _result(body, "TransactionStatusResponse")
    repeated = None
    wrapper = obj(body, "TransactionStatusResponse", "RepeatedMessageResponse", required=False)
    if wrapper:
        inner = obj(wrapper, "RepeatedMessageResponse", "RepeatedResponseMessageBody")
        for category in ("Payment", "Reversal"):
            if f"{category}Response" in inner:
                name = f"{category}Response"
                repeated = _transaction(category, obj(inner, "", name), name)
                break
        else:
            raise TerminalProtocolError("RepeatedResponseMessageBody: no known response")
    return Response(header, StatusResponse(result, error, repeated))


def _result(body: dict[str, Any], path: str) -> tuple[str, str]:
    response = obj(body, path, "Response")
    result = text(response, "Response", "Result")
    if result not in ("Success", "Failure", "Partial"):
        raise TerminalProtocolError(f"Response.Result: unknown {result!r}")
    return result, text(response, "Response", "ErrorCondition", required=False)


def _transaction(category: str, body: dict[str, Any], path: str) -> TransactionResponse:
    result, error = _result(body, path)
    additional = redact_pans(
        text(obj(body, path, "Response"), "Response", "AdditionalResponse", required=False)
    )
    sale_txn = obj(
        obj(body, path, "SaleData", required=False), "SaleData", "SaleTransactionID", required=False
    )
    reference = text(sale_txn, "SaleTransactionID", "TransactionID", required=False)
    poi_txn = obj(
        obj(body, path, "POIData", required=False), "POIData", "POITransactionID", required=False
    )
    poi = (
        (
            text(poi_txn, "POITransactionID", "TransactionID"),
            text(poi_txn, "POITransactionID", "TimeStamp", required=False),
        )
        if poi_txn
        else None
    )
    payment = obj(body, path, "PaymentResult", required=False)
    card = obj(
        obj(payment, "PaymentResult", "PaymentInstrumentData", required=False),
        "PaymentInstrumentData",
        "CardData",
        required=False,
    )
    pan_text = text(card, "CardData", "MaskedPan", required=False)
    try:
        masked = MaskedPan(pan_text) if pan_text else None
    except MaskedPanError as refused:
        raise TerminalProtocolError(f"CardData.MaskedPan: {refused}") from None
    amounts = obj(payment, "PaymentResult", "AmountsResp", required=False)
    money = None
    if amounts:
        money = amount(
            amounts, "AmountsResp", "AuthorizedAmount", text(amounts, "AmountsResp", "Currency")
        )
    acquirer = obj(payment, "PaymentResult", "PaymentAcquirerData", required=False)
    return TransactionResponse(
        category,
        result,
        error,
        additional,
        reference,
        poi,
        masked,
        text(card, "CardData", "PaymentBrand", required=False),
        text(acquirer, "PaymentAcquirerData", "ApprovalCode", required=False),
        money,
        _receipt(body.get("PaymentReceipt")),
    )


def _receipt(receipts: Any) -> tuple[str, ...]:
    if receipts is None:
        return ()
    if not isinstance(receipts, list):
        raise TerminalProtocolError("PaymentReceipt: expected a list")
    chosen = [
        r
        for r in receipts
        if isinstance(r, dict) and r.get("DocumentQualifier") == "CustomerReceipt"
    ] or receipts[:1]
    lines: list[str] = []
    for receipt in chosen:
        content = obj(receipt, "PaymentReceipt", "OutputContent")
        output = content.get("OutputText", [])
        if not isinstance(output, list):
            raise TerminalProtocolError("OutputContent.OutputText: expected a list")
        for item in output:
            raw = text(item, "OutputText", "Text")
            lines.append(redact_pans(_receipt_line(raw)))
    return tuple(lines)


def _receipt_line(raw: str) -> str:
    if "name=" not in raw:
        return raw
    fields = dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))
    name, value = fields.get("name", ""), fields.get("value", "")
    return f"{name}: {value}" if name and value else name or value
