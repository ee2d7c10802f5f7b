"""Fuzz the Mews reply readers: garbage in -> a PmsError ``invalid`` naming where, never a crash."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kiosk.backoffice.pms import mews_wire as wire
from kiosk.domain.hotel.pms import PmsError, PmsErrorKind, RefusalCode

READERS: list[Callable[[wire.Node], object]] = [
    wire.reservations,
    wire.customers,
    wire.identity_documents,
    wire.companionships,
    wire.resources,
    lambda root: wire.names_by_id(root, "Rates"),
    lambda root: wire.names_by_id(root, "ResourceCategories"),
    wire.age_categories,
    wire.order_items,
    wire.payments,
    wire.payment_policies,
    wire.payment_policy_ids,
]
COLLECTIONS = [
    "Reservations",
    "Customers",
    "IdentityDocuments",
    "Companionships",
    "Resources",
    "Rates",
    "ResourceCategories",
    "AgeCategories",
    "OrderItems",
    "Payments",
    "PaymentPolicies",
    "PaymentPolicyAssignments",
]
FIELDS = [
    "Id",
    "Number",
    "State",
    "AccountId",
    "RateId",
    "RequestedResourceCategoryId",
    "AssignedResourceId",
    "ScheduledStartUtc",
    "ScheduledEndUtc",
    "PersonCounts",
    "AgeCategoryId",
    "Count",
    "LastName",
    "FirstName",
    "BirthDate",
    "Sex",
    "Address",
    "CustomerId",
    "Type",
    "ExpirationDate",
    "ReservationId",
    "Name",
    "Names",
    "Data",
    "Value",
    "Amount",
    "Currency",
    "GrossValue",
    "AccountingState",
    "ConsumedUtc",
    "Classification",
    "SettlementAction",
    "SettlementTrigger",
    "RelativeValue",
    "AbsoluteValue",
    "PaymentPolicyId",
    "ChargedUtc",
    "Identifier",
    "ServiceId",
    "MaximalAge",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.sampled_from(
        [
            "2026-12-05T14:00:00Z",
            "2026-12-05",
            "Confirmed",
            "Inspected",
            "EUR",
            "Passport",
            "Adult",
            "Male",
            "",
            "x",
            "2026-13-45T99:00:00Z",
        ]
    )
    | st.text(max_size=12)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(FIELDS), children, max_size=6)
    ),
    max_leaves=30,
)


def outcome(call: Callable[[], object]) -> PmsError | None:
    """The PmsError ``call`` raised, or None (any other exception fails the test)."""
    try:
        call()
    except PmsError as error:
        return error
    return None


def read_all(root: wire.Node) -> None:
    for reader in READERS:
        error = outcome(functools.partial(reader, root))
        if error is not None:
            assert error.kind is PmsErrorKind.INVALID
            assert error.message.startswith("malformed Mews reply: ")


@given(st.binary(max_size=300))
def test_any_bytes_decode_or_fail_clearly(body: bytes) -> None:
    error = outcome(lambda: wire.decode(body, "reservations/getAll"))
    if error is not None:
        assert error.kind is PmsErrorKind.INVALID
        assert "reservations/getAll" in error.message
        return
    read_all(wire.decode(body, "reservations/getAll"))


@given(st.dictionaries(st.sampled_from(COLLECTIONS), json_values, max_size=4))
def test_any_json_shape_reads_or_names_the_field(document: dict[str, object]) -> None:
    read_all(wire.decode(wire.encode(document), "op"))


@given(json_values)
def test_encode_then_decode_keeps_every_value_exactly(value: object) -> None:
    root = wire.decode(wire.encode({"V": value}), "op")
    assert root.value == {"V": value}


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=2, min_value=-(10**9), max_value=10**9
    )
)
def test_amounts_travel_as_exact_numbers(value: Decimal) -> None:
    root = wire.decode(wire.encode({"Currency": "EUR", "GrossValue": value}), "op")
    assert wire.amount(root).to_decimal() == value


@given(st.text(max_size=80))
def test_any_refusal_message_gets_a_known_code(message: str) -> None:
    assert wire.refusal_code(message) in vars(RefusalCode).values()


def test_error_message_reads_mews_message_or_says_what_came() -> None:
    assert wire.error_message(b'{"Message": "Invalid AccessToken."}') == "Invalid AccessToken."
    assert wire.error_message(b"<html>").startswith("(not JSON")
    assert wire.error_message(b'{"Error": 1}').startswith("(no Message")


@given(st.text(max_size=120) | json_values.map(lambda v: wire.encode(v).decode()))
def test_any_scanned_text_is_a_booking_qr_or_none(text: str) -> None:
    ids = wire.qr_reservation_ids(text)
    assert all(isinstance(i, str) for i in ids)
