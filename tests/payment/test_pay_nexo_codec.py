"""The nexo codecs: field names on the wire, round trips, and garbage in."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.money import Money
from kiosk.payment.errors import TerminalProtocolError
from kiosk.payment.nexo import crypto
from kiosk.payment.nexo.codec import Header, dumps, loads, service_id_for
from kiosk.payment.nexo.requests import (
    AbortRequest,
    PaymentRequest,
    ReversalRequest,
    StatusRequest,
    decode_request,
    encode_request,
)
from kiosk.payment.nexo.responses import (
    StatusResponse,
    TransactionResponse,
    decode_response,
    encode_response,
)
from kiosk.payment.pan import MaskedPan

TS = "2026-11-22T10:00:00.000Z"


def header(category: str, kind: str = "Request") -> Header:
    return Header(category, kind, "lane-01", "a1b2c3d4e5", "V400m-1234")


def test_payment_request_uses_the_terminal_api_field_names() -> None:
    request = PaymentRequest(header("Payment"), "ref-1", TS, Money(1234, "EUR"))
    wire = json.loads(dumps(encode_request(request)))
    root = wire["SaleToPOIRequest"]
    assert root["MessageHeader"] == {
        "ProtocolVersion": "3.0",
        "MessageClass": "Service",
        "MessageCategory": "Payment",
        "MessageType": "Request",
        "SaleID": "lane-01",
        "ServiceID": "a1b2c3d4e5",
        "POIID": "V400m-1234",
    }
    body = root["PaymentRequest"]
    assert body["SaleData"]["SaleTransactionID"] == {"TransactionID": "ref-1", "TimeStamp": TS}
    assert body["PaymentTransaction"]["AmountsReq"] == {"Currency": "EUR", "RequestedAmount": 12.34}
    assert b'"RequestedAmount":12.34' in dumps(encode_request(request))


@pytest.mark.parametrize(
    "request_",
    [
        PaymentRequest(header("Payment"), "ref-1", TS, Money(1, "EUR")),
        PaymentRequest(
            header("Payment"),
            "ref-2",
            TS,
            Money(100000, "JPY"),
            "Completion",
            ("poi-1", TS),
            "authorisationType=PreAuth",
        ),
        StatusRequest(header("TransactionStatus"), "Payment", "lane-01", "x1"),
        AbortRequest(header("Abort"), "Payment", "lane-01", "x1"),
        ReversalRequest(header("Reversal"), "ref-3", TS, ("poi-1", TS)),
    ],
)
def test_requests_round_trip(request_: object) -> None:
    assert decode_request(loads(dumps(encode_request(request_)))) == request_  # type: ignore[arg-type]


def test_status_response_round_trip_and_field_names() -> None:
    tx = TransactionResponse(
        "Payment",
        "Success",
        reference="ref-1",
        poi_transaction=("poi-9", TS),
        masked_pan=MaskedPan("411111******1111"),
        brand="VISA",
        auth_code="123456",
        amount=Money(1234, "EUR"),
        receipt_lines=("VISA ****1111", "APPROVED"),
    )
    message = encode_response(
        header("TransactionStatus", "Response"), StatusResponse("Success", "", tx)
    )
    body = message["SaleToPOIResponse"]["TransactionStatusResponse"]
    repeated = body["RepeatedMessageResponse"]["RepeatedResponseMessageBody"]["PaymentResponse"]
    result = repeated["PaymentResult"]
    assert result["PaymentInstrumentData"]["CardData"]["MaskedPan"] == "411111******1111"
    assert result["PaymentAcquirerData"]["ApprovalCode"] == "123456"
    assert repeated["POIData"]["POITransactionID"]["TransactionID"] == "poi-9"
    decoded = decode_response(loads(dumps(message)))
    assert decoded.body == StatusResponse("Success", "", tx)


def test_a_response_with_a_full_card_number_is_refused() -> None:
    tx = TransactionResponse("Payment", "Success", reference="r")
    message = encode_response(header("Payment", "Response"), tx)
    message["SaleToPOIResponse"]["PaymentResponse"]["PaymentResult"] = {
        "PaymentInstrumentData": {"CardData": {"MaskedPan": "4111111111111111"}}
    }
    with pytest.raises(TerminalProtocolError, match="MaskedPan"):
        decode_response(loads(dumps(message)))


def test_receipt_lines_are_redacted() -> None:
    message = encode_response(
        header("Payment", "Response"),
        TransactionResponse("Payment", "Success", receipt_lines=("PAN 4111111111111111",)),
    )
    decoded = decode_response(loads(dumps(message)))
    assert isinstance(decoded.body, TransactionResponse)
    assert decoded.body.receipt_lines == ("PAN ************1111",)


def test_service_id_is_at_most_ten_characters_and_stable() -> None:
    assert len(service_id_for("ref-1")) == 10
    assert service_id_for("ref-1") == service_id_for("ref-1") != service_id_for("ref-2")


def test_amounts_are_never_floats() -> None:
    assert loads(b'{"a": 0.1}')["a"] == Decimal("0.1")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=8)
    | st.decimals(allow_nan=False, allow_infinity=False, places=3),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "SaleToPOIResponse",
                    "MessageHeader",
                    "MessageCategory",
                    "MessageType",
                    "SaleID",
                    "ServiceID",
                    "POIID",
                    "PaymentResponse",
                    "Response",
                    "Result",
                    "PaymentResult",
                    "TransactionStatusResponse",
                    "RepeatedMessageResponse",
                    "RepeatedResponseMessageBody",
                    "AmountsResp",
                    "AuthorizedAmount",
                    "Currency",
                    "PaymentReceipt",
                    "OutputContent",
                    "OutputText",
                    "Text",
                    "CardData",
                    "MaskedPan",
                    "POIData",
                    "POITransactionID",
                    "TransactionID",
                    "ReversalResponse",
                    "PaymentInstrumentData",
                ]
            )
            | st.text(max_size=5),
            children,
            max_size=5,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_structured_garbage_only_raises_protocol_errors(value: object) -> None:
    with contextlib.suppress(TerminalProtocolError):
        decode_response(value)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_byte_garbage_only_raises_protocol_errors(raw: bytes) -> None:
    for parse in (
        lambda: decode_response(loads(raw)),
        lambda: decode_request(loads(raw)),
        lambda: crypto.unprotect(raw, crypto.SharedKey("k", 1, "p")),
    ):
        with contextlib.suppress(TerminalProtocolError):
            parse()


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_structured_garbage_into_the_request_parser(value: object) -> None:
    with contextlib.suppress(TerminalProtocolError):
        decode_request({"SaleToPOIRequest": value})


def _paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _valid_status_message() -> dict[str, object]:
    tx = TransactionResponse(
        "Payment",
        "Success",
        reference="ref-1",
        poi_transaction=("poi-9", TS),
        masked_pan=MaskedPan("411111******1111"),
        brand="VISA",
        auth_code="123456",
        amount=Money(1234, "EUR"),
        receipt_lines=("VISA ****1111", "APPROVED"),
    )
    message = encode_response(
        header("TransactionStatus", "Response"), StatusResponse("Success", "", tx)
    )
    return loads(dumps(message))


VALID_PATHS = _paths(_valid_status_message())


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VALID_PATHS[1:]), json_values)
def test_a_valid_answer_with_one_part_replaced_by_garbage(
    path: tuple[object, ...], garbage: object
) -> None:
    message = _valid_status_message()
    node: object = message
    for step in path[:-1]:
        node = node[step]  # type: ignore[index]
    node[path[-1]] = garbage  # type: ignore[index]
    with contextlib.suppress(TerminalProtocolError):
        decode_response(message)
