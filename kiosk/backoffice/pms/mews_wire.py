"""The JSON of the Mews Connector API, both ways: request bodies out, replies read back.

Theory of operation. Mews sends amounts as JSON numbers with decimals
(``"GrossValue": 23.26``) and times as UTC ISO 8601 (``"2026-12-05T14:00:00Z"``).
:func:`decode` parses a body with every number as an exact ``Decimal`` (never a
float) and wraps it in a :class:`Node`, which remembers its path
(``Reservations[0].ScheduledStartUtc``) so that any field that is missing, null
where required, or of the wrong type raises :class:`PmsError` (``invalid``) naming
that path. :func:`encode` writes request bodies (and the simulator's replies) with
``Decimal`` amounts as exact JSON numbers. The reply readers below turn the Mews
shapes the kiosk uses into small records; :mod:`.mews` assembles them into the
domain's types. Nothing here does I/O.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from kiosk.domain.hotel.pms import DocumentType, PmsError, PmsErrorKind, RefusalCode
from kiosk.domain.money import Money, MoneyError

#: Mews document type names <-> the domain's.
DOCUMENT_TYPES: dict[str, DocumentType] = {
    "Passport": DocumentType.PASSPORT,
    "IdentityCard": DocumentType.IDENTITY_CARD,
    "Visa": DocumentType.VISA,
    "DriversLicense": DocumentType.DRIVERS_LICENSE,
}
MEWS_DOCUMENT_TYPE = {value: key for key, value in DOCUMENT_TYPES.items()}


def malformed(where: str, problem: str) -> PmsError:
    return PmsError(PmsErrorKind.INVALID, f"malformed Mews reply: {where}: {problem}")


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def decode(body: bytes, operation: str) -> Node:
    """Parse a reply body; raises ``invalid`` naming the operation if it is not a JSON object."""
    try:
        value = json.loads(body, parse_float=Decimal, parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:
        raise malformed(operation, f"not JSON ({str(error)[:80]})") from None
    if not isinstance(value, dict):
        raise malformed(operation, f"expected a JSON object, got {_kind(value)}")
    return Node(value, operation)


def encode(value: object) -> bytes:
    """JSON bytes for a body of dicts, lists, str, int, bool, None and exact ``Decimal``."""
    return "".join(_encode(value)).encode()


def _encode(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        yield "{"
        for index, (key, item) in enumerate(value.items()):
            yield ("," if index else "") + json.dumps(str(key)) + ":"
            yield from _encode(item)
        yield "}"
    elif isinstance(value, list | tuple):
        yield "["
        for index, item in enumerate(value):
            if index:
                yield ","
            yield from _encode(item)
        yield "]"
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot send {value} as a JSON number")
        yield format(value, "f")
    elif value is None or isinstance(value, bool | int | str):
        yield json.dumps(value)
    else:
        raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | Decimal):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


class Node:
    """A JSON value and where it is in the reply; accessors raise ``invalid`` naming the path."""

    def __init__(self, value: Any, path: str) -> None:
        self.value = value
        self.path = path

    def _fail(self, problem: str) -> PmsError:
        return malformed(self.path, problem)

    def _object(self) -> dict[str, Any]:
        if not isinstance(self.value, dict):
            raise self._fail(f"expected an object, got {_kind(self.value)}")
        return self.value

    def get(self, key: str) -> Node:
        """A required field (present and not null)."""
        obj = self._object()
        if obj.get(key) is None:
            raise malformed(f"{self.path}.{key}", "missing")
        return Node(obj[key], f"{self.path}.{key}")

    def opt(self, key: str) -> Node | None:
        """An optional field (None if absent or null)."""
        obj = self._object()
        return None if obj.get(key) is None else Node(obj[key], f"{self.path}.{key}")

    def items(self) -> list[Node]:
        if not isinstance(self.value, list):
            raise self._fail(f"expected an array, got {_kind(self.value)}")
        return [Node(item, f"{self.path}[{index}]") for index, item in enumerate(self.value)]

    def array(self, key: str) -> list[Node]:
        """An array field; absent or null reads as empty."""
        node = self.opt(key)
        return [] if node is None else node.items()

    def text(self) -> str:
        if not isinstance(self.value, str):
            raise self._fail(f"expected a string, got {_kind(self.value)}")
        return self.value

    def string(self, key: str) -> str:
        return self.get(key).text()

    def opt_string(self, key: str) -> str:
        node = self.opt(key)
        return "" if node is None else node.text()

    def boolean(self, key: str) -> bool:
        node = self.get(key)
        if not isinstance(node.value, bool):
            raise node._fail(f"expected true or false, got {_kind(node.value)}")
        return node.value

    def integer(self, key: str) -> int:
        node = self.get(key)
        if isinstance(node.value, bool) or not isinstance(node.value, int):
            raise node._fail(f"expected a whole number, got {_kind(node.value)}")
        return node.value

    def decimal(self, key: str) -> Decimal:
        node = self.get(key)
        if isinstance(node.value, bool) or not isinstance(node.value, int | Decimal):
            raise node._fail(f"expected a number, got {_kind(node.value)}")
        return Decimal(node.value)

    def utc(self, key: str) -> datetime:
        return _utc(self.get(key))

    def opt_utc(self, key: str) -> datetime | None:
        node = self.opt(key)
        return None if node is None else _utc(node)

    def opt_date(self, key: str) -> date | None:
        """A date given as ``YYYY-MM-DD`` or as a midnight UTC time (document dates)."""
        node = self.opt(key)
        if node is None:
            return None
        text = node.text()
        try:
            return date.fromisoformat(text) if len(text) == 10 else _utc(node).date()
        except ValueError:
            raise node._fail(f"expected a date like 2026-12-05, got {text[:40]!r}") from None


def _utc(node: Node) -> datetime:
    text = node.text()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise node._fail(f"expected an ISO 8601 UTC time, got {text[:40]!r}") from None
    if value.tzinfo is None:
        raise node._fail(f"expected a UTC time ending in Z, got {text[:40]!r}")
    return value.astimezone(UTC)


def utc_text(value: datetime) -> str:
    """``2026-12-05T14:00:00Z`` (what Mews expects in requests)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def amount(node: Node) -> Money:
    """A Mews ``Amount`` / ``CurrencyValue`` object -> Money (``GrossValue`` or ``Value``)."""
    currency = node.string("Currency")
    key = "GrossValue" if node.opt("GrossValue") is not None else "Value"
    value = node.decimal(key)
    if value and not -12 <= value.adjusted() <= 12:
        raise malformed(f"{node.path}.{key}", f"amount out of range: {str(value)[:30]}")
    try:
        return Money.parse(str(value), currency)
    except (MoneyError, InvalidOperation) as error:
        raise malformed(f"{node.path}.{key}", str(error)) from None


def amount_body(value: Money) -> dict[str, object]:
    """Money -> Mews ``Amount parameters`` (``{"Currency": "EUR", "GrossValue": 12.50}``)."""
    return {"Currency": value.currency, "GrossValue": value.to_decimal()}


def localized(node: Node | None, language: str = "en-US") -> str:
    """A Mews localized text (``{"en-US": "Double room"}``): this language or the first one."""
    if node is None:
        return ""
    texts = node._object()
    if not texts:
        return ""
    chosen = language if texts.get(language) is not None else next(iter(texts))
    return Node(texts[chosen], f"{node.path}.{chosen}").text() if texts[chosen] is not None else ""


# -- reply records -----------------------------------------------------------------


@dataclass(frozen=True)
class Reservation:
    reservation_id: str
    service_id: str
    number: str
    state: str
    account_id: str
    group_id: str
    rate_id: str
    category_id: str
    resource_id: str
    scheduled_start: datetime
    scheduled_end: datetime
    person_counts: tuple[tuple[str, int], ...]


RESERVATION_STATES = (
    "Inquired",
    "Enquired",
    "Requested",
    "Optional",
    "Confirmed",
    "Started",
    "Processed",
    "Canceled",
)


def reservations(root: Node) -> list[Reservation]:
    """``reservations/getAll/2023-06-06`` -> its reservations."""
    found = []
    for node in root.get("Reservations").items():
        state = node.string("State")
        if state not in RESERVATION_STATES:
            raise malformed(f"{node.path}.State", f"unknown reservation state {state[:40]!r}")
        counts = tuple(
            (count.string("AgeCategoryId"), count.integer("Count"))
            for count in node.array("PersonCounts")
        )
        if any(n < 0 for _, n in counts):
            raise malformed(f"{node.path}.PersonCounts", "a negative count")
        start, end = node.utc("ScheduledStartUtc"), node.utc("ScheduledEndUtc")
        if end <= start:
            raise malformed(f"{node.path}.ScheduledEndUtc", "not after ScheduledStartUtc")
        found.append(
            Reservation(
                reservation_id=node.string("Id"),
                service_id=node.string("ServiceId"),
                number=node.string("Number"),
                state=state,
                account_id=node.string("AccountId"),
                group_id=node.opt_string("GroupId"),
                rate_id=node.string("RateId"),
                category_id=node.string("RequestedResourceCategoryId"),
                resource_id=node.opt_string("AssignedResourceId"),
                scheduled_start=start,
                scheduled_end=end,
                person_counts=counts,
            )
        )
    return found


@dataclass(frozen=True)
class Customer:
    customer_id: str
    last_name: str
    first_name: str
    nationality: str
    birth_date: date | None
    sex: str
    email: str
    language: str
    address: Address | None


@dataclass(frozen=True)
class Address:
    line1: str
    line2: str
    city: str
    postal_code: str
    country: str
    subdivision: str


_SEX = {"Male": "M", "Female": "F"}


def customer(node: Node) -> Customer:
    """One Mews ``Customer`` object."""
    sex = node.opt_string("Sex")
    if sex and sex not in _SEX:
        raise malformed(f"{node.path}.Sex", f"unknown sex {sex[:20]!r}")
    address = node.opt("Address")
    return Customer(
        customer_id=node.string("Id"),
        last_name=node.string("LastName"),
        first_name=node.opt_string("FirstName"),
        nationality=node.opt_string("NationalityCode"),
        birth_date=node.opt_date("BirthDate"),
        sex=_SEX.get(sex, ""),
        email=node.opt_string("Email"),
        language=node.opt_string("PreferredLanguageCode") or node.opt_string("LanguageCode"),
        address=None
        if address is None
        else Address(
            line1=address.opt_string("Line1"),
            line2=address.opt_string("Line2"),
            city=address.opt_string("City"),
            postal_code=address.opt_string("PostalCode"),
            country=address.opt_string("CountryCode"),
            subdivision=address.opt_string("CountrySubdivisionCode"),
        ),
    )


def customers(root: Node) -> list[Customer]:
    """``customers/getAll`` -> its customers."""
    return [customer(node) for node in root.get("Customers").items()]


@dataclass(frozen=True)
class IdentityDocument:
    document_id: str
    customer_id: str
    type: DocumentType
    number: str
    issuing_country: str
    expiry: date | None


def identity_documents(root: Node) -> list[IdentityDocument]:
    """``identityDocuments/getAll|add|update`` -> the documents."""
    found = []
    for node in root.get("IdentityDocuments").items():
        kind = node.string("Type")
        if kind not in DOCUMENT_TYPES:
            raise malformed(f"{node.path}.Type", f"unknown document type {kind[:40]!r}")
        found.append(
            IdentityDocument(
                document_id=node.string("Id"),
                customer_id=node.string("CustomerId"),
                type=DOCUMENT_TYPES[kind],
                number=node.opt_string("Number"),
                issuing_country=node.opt_string("IssuingCountryCode"),
                expiry=node.opt_date("ExpirationDate"),
            )
        )
    return found


def companionships(root: Node) -> list[tuple[str, str]]:
    """``companionships/getAll`` -> (reservation id, customer id) pairs."""
    return [
        (node.opt_string("ReservationId"), node.string("CustomerId"))
        for node in root.array("Companionships")
    ]


@dataclass(frozen=True)
class Resource:
    resource_id: str
    name: str
    state: str
    floor: str


RESOURCE_STATES = ("Dirty", "Clean", "Inspected", "OutOfService", "OutOfOrder")


def resources(root: Node) -> list[Resource]:
    """``resources/getAll`` -> the rooms."""
    found = []
    for node in root.array("Resources"):
        state = node.string("State")
        if state not in RESOURCE_STATES:
            raise malformed(f"{node.path}.State", f"unknown resource state {state[:40]!r}")
        data = node.opt("Data")
        value = None if data is None else data.opt("Value")
        floor = "" if value is None else value.opt_string("FloorNumber")
        found.append(Resource(node.string("Id"), node.string("Name"), state, floor))
    return found


def names_by_id(root: Node, collection: str) -> dict[str, str]:
    """``resourceCategories/getAll`` / ``rates/getAll`` -> {id: name} (``Names`` or ``Name``)."""
    found = {}
    for node in root.array(collection):
        name = localized(node.opt("Names")) or node.opt_string("Name")
        found[node.string("Id")] = name
    return found


def age_categories(root: Node) -> dict[str, str]:
    """``ageCategories/getAll`` -> {id: "Adult" | "Child"}.

    ``Classification`` where Mews sends it; otherwise a category with a
    ``MaximalAge`` is one of minors (adults have no upper age).
    """
    found = {}
    for node in root.array("AgeCategories"):
        classification = node.opt_string("Classification")
        if not classification:
            bounded = node.opt("MaximalAge") is not None and node.decimal("MaximalAge") >= 0
            classification = "Child" if bounded else "Adult"
        found[node.string("Id")] = classification
    return found


@dataclass(frozen=True)
class OrderItem:
    item_id: str
    description: str
    amount: Money
    consumed: datetime | None
    state: str


def order_items(root: Node) -> list[OrderItem]:
    """``orderItems/getAll`` -> the revenue items (a negative amount is a rebate)."""
    found = []
    for node in root.get("OrderItems").items():
        found.append(
            OrderItem(
                item_id=node.string("Id"),
                description=node.opt_string("BillingName") or node.opt_string("Type"),
                amount=amount(node.get("Amount")),
                consumed=node.opt_utc("ConsumedUtc"),
                state=node.string("AccountingState"),
            )
        )
    return found


@dataclass(frozen=True)
class Payment:
    payment_id: str
    amount: Money  # as Mews sends it: negative for a payment
    state: str
    reference: str
    kind: str
    charged: datetime | None


def payments(root: Node) -> list[Payment]:
    """``payments/getAll`` -> the payments (``Identifier`` or the external identifier)."""
    found = []
    for node in root.get("Payments").items():
        reference = node.opt_string("Identifier")
        data = node.opt("Data")
        external = None if data is None else data.opt("External")
        if not reference and external is not None:
            reference = external.opt_string("ExternalIdentifier")
        found.append(
            Payment(
                payment_id=node.string("Id"),
                amount=amount(node.get("Amount")),
                state=node.string("State"),
                reference=reference,
                kind=node.string("Type"),
                charged=node.opt_utc("ChargedUtc"),
            )
        )
    return found


@dataclass(frozen=True)
class PaymentPolicy:
    policy_id: str
    action: str
    trigger: str
    relative: Decimal | None
    absolute: Money | None


def payment_policy_ids(root: Node) -> list[str]:
    """``paymentPolicyAssignments/getAll`` -> the assigned policies' ids."""
    return [node.string("PaymentPolicyId") for node in root.array("PaymentPolicyAssignments")]


def payment_policies(root: Node) -> list[PaymentPolicy]:
    """``paymentPolicies/getAll`` -> the policies."""
    found = []
    for node in root.array("PaymentPolicies"):
        absolute = node.opt("AbsoluteValue")
        found.append(
            PaymentPolicy(
                policy_id=node.string("Id"),
                action=node.string("SettlementAction"),
                trigger=node.string("SettlementTrigger"),
                relative=node.decimal("RelativeValue")
                if node.opt("RelativeValue") is not None
                else None,
                absolute=None if absolute is None else amount(absolute),
            )
        )
    return found


def qr_reservation_ids(text: str) -> list[str]:
    """The reservation ids in a Mews booking QR code (``QrCodeData``), or [] if it is not one.

    The QR holds JSON: ``{"Reservations": [{"Id": ..., "GroupId": ..., "CustomerId": ...}]}``.
    """
    try:
        root = decode(text.strip().encode(), "QrCodeData")
        return [node.string("Id") for node in root.array("Reservations")]
    except PmsError:
        return []


def error_message(body: bytes) -> str:
    """The ``Message`` of a Mews error reply, or a short description of what came instead."""
    try:
        value = json.loads(body, parse_float=Decimal, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return f"(not JSON: {body[:60]!r})"
    if isinstance(value, dict) and isinstance(value.get("Message"), str):
        return str(value["Message"])[:500]
    return f"(no Message: {body[:60]!r})"


#: Words in a Mews 403 message -> the domain's refusal code, first match wins.
_REFUSALS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("no resource", "not assigned", "no room"), RefusalCode.NO_ROOM),
    (
        ("dirty", "inspected", "not clean", "out of order", "out of service"),
        RefusalCode.ROOM_NOT_READY,
    ),
    (("balance", "unpaid", "bill"), RefusalCode.OPEN_BALANCE),
    (("companion", "capacity", "no space"), RefusalCode.FULL),
    (("profile", "missing", "incomplete"), RefusalCode.INCOMPLETE_PROFILE),
    (("before", "sooner", "future", "too early"), RefusalCode.TOO_EARLY),
    (("state",), RefusalCode.WRONG_STATE),
)


def refusal_code(message: str) -> str:
    """Classify a Mews 403 message (Mews gives no codes: see docs/pms-api.md)."""
    lowered = message.lower()
    for words, code in _REFUSALS:
        if any(word in lowered for word in words):
            return code
    return RefusalCode.OTHER
