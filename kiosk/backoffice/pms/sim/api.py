"""The simulated Mews Connector API: one operation in, one (status, JSON object) out.

:class:`MewsApi` serves the operations the kiosk uses (docs/pms-api.md) over a
:class:`~kiosk.backoffice.pms.sim.data.Hotel`, with Mews's rules where the kiosk
meets them: tokens checked on every call (401), ``Limitation`` required on the
paged reads (400 ``Invalid Limitation``), a reservation started only when it is
Confirmed, due today and its room clean or inspected, processed only when Started,
on its last day and with a zero balance (403 with a message, as Mews does). One
lock makes each call atomic. No sockets here (:mod:`.server` moves the bytes).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from kiosk.backoffice.pms.sim.data import CURRENCY, Hotel, Obj, pay, stamp

Reply = tuple[int, Obj]
Clock = Callable[[], datetime]
Handler = Callable[["MewsApi", Obj], Reply]
PAGED = (
    "reservations/getAll/2023-06-06",
    "customers/getAll",
    "companionships/getAll",
    "identityDocuments/getAll",
    "resources/getAll",
    "resourceCategories/getAll",
    "rates/getAll",
    "ageCategories/getAll",
    "orderItems/getAll",
    "payments/getAll",
    "paymentPolicies/getAll",
    "paymentPolicyAssignments/getAll",
)


class BadRequest(Exception):
    """A 400 reply: ``Invalid <Parameter>`` as Mews words it."""


class Refused(Exception):
    """A 403 reply: a business rule said no (the message is for the hotel's staff)."""


def _ok(body: Obj) -> Reply:
    return 200, body


def _filter(items: list[Obj], body: Obj, key: str, field: str) -> list[Obj]:
    wanted = body.get(key)
    if wanted is None:
        return items
    if not isinstance(wanted, list):
        raise BadRequest(f"Invalid {key}")
    return [item for item in items if item.get(field) in wanted]


def _interval(body: Obj, key: str) -> tuple[datetime, datetime] | None:
    value = body.get(key)
    if value is None:
        return None
    try:
        start = datetime.fromisoformat(value["StartUtc"])
        end = datetime.fromisoformat(value["EndUtc"])
    except (TypeError, KeyError, ValueError):
        raise BadRequest(f"Invalid {key}") from None
    if start.tzinfo is None or end.tzinfo is None or end < start:
        raise BadRequest(f"Invalid {key}")
    return start, end


def _when(item: Obj, field: str) -> datetime:
    return datetime.fromisoformat(item[field])


def _required(body: Obj, key: str) -> Any:
    value = body.get(key)
    if value is None or value == "":
        raise BadRequest(f"Invalid {key}")
    return value


class MewsApi:
    """The operations of the simulated property (``handle`` is thread-safe)."""

    def __init__(self, hotel: Hotel, clock: Clock, client_token: str, access_token: str) -> None:
        self.hotel = hotel
        self.clock = clock
        self.client_token = client_token
        self.access_token = access_token
        self._lock = threading.Lock()
        self.calls: list[str] = []  # operations served, for tests

    def today(self) -> date:
        return self.clock().astimezone(UTC).date()

    def handle(self, operation: str, body: object) -> Reply:
        """Serve one call: ``operation`` is the path after ``/api/connector/v1/``."""
        handler = HANDLERS.get(operation)
        if handler is None:
            return 404, {"Message": f"Operation {operation[:60]} not found."}
        if not isinstance(body, dict):
            return 400, {"Message": "Invalid JSON"}
        if body.get("ClientToken") != self.client_token:
            return 401, {"Message": "Invalid ClientToken."}
        if body.get("AccessToken") != self.access_token:
            return 401, {"Message": "Invalid AccessToken."}
        if not body.get("Client"):
            return 400, {"Message": "Invalid Client"}
        if operation in PAGED and not isinstance(body.get("Limitation"), dict):
            return 400, {"Message": "Invalid Limitation"}
        with self._lock:
            self.calls.append(operation)
            try:
                return handler(self, body)
            except BadRequest as error:
                return 400, {"Message": str(error)}
            except Refused as error:
                return 403, {"Message": str(error)}

    # -- reads -----------------------------------------------------------------------

    def reservations(self, body: Obj) -> Reply:
        found = list(self.hotel.reservations.values())
        found = _filter(found, body, "ReservationIds", "Id")
        found = _filter(found, body, "Numbers", "Number")
        found = _filter(found, body, "AccountIds", "AccountId")
        found = _filter(found, body, "AssignedResourceIds", "AssignedResourceId")
        found = _filter(found, body, "States", "State")
        starting = _interval(body, "ScheduledStartUtc")
        if starting is not None:
            found = [r for r in found if starting[0] <= _when(r, "ScheduledStartUtc") < starting[1]]
        colliding = _interval(body, "CollidingUtc")
        if colliding is not None:
            found = [
                r
                for r in found
                if _when(r, "ScheduledStartUtc") < colliding[1]
                and _when(r, "ScheduledEndUtc") > colliding[0]
            ]
        return _ok({"Reservations": found, "Cursor": found[-1]["Id"] if found else None})

    def customers(self, body: Obj) -> Reply:
        if not isinstance(body.get("Extent"), dict):
            raise BadRequest("Invalid Extent")
        found = list(self.hotel.customers.values())
        found = _filter(found, body, "CustomerIds", "Id")
        for key, field in (("LastNames", "LastName"), ("FirstNames", "FirstName")):
            names = body.get(key)
            if names is not None:
                wanted = {str(n).casefold() for n in names}
                found = [c for c in found if str(c.get(field) or "").casefold() in wanted]
        return _ok({"Customers": found, "Cursor": found[-1]["Id"] if found else None})

    def companionships(self, body: Obj) -> Reply:
        if body.get("ReservationIds") is None and body.get("CustomerIds") is None:
            raise BadRequest("Invalid ReservationIds")
        found = list(self.hotel.companionships.values())
        found = _filter(found, body, "ReservationIds", "ReservationId")
        found = _filter(found, body, "CustomerIds", "CustomerId")
        return _ok({"Companionships": found, "Cursor": None})

    def documents(self, body: Obj) -> Reply:
        _required(body, "CustomerIds")
        found = _filter(list(self.hotel.documents.values()), body, "CustomerIds", "CustomerId")
        found = _filter(found, body, "Types", "Type")
        return _ok({"IdentityDocuments": found, "Cursor": None})

    def resources(self, body: Obj) -> Reply:
        found = _filter(list(self.hotel.resources.values()), body, "ResourceIds", "Id")
        found = _filter(found, body, "Names", "Name")
        public = [{k: v for k, v in r.items() if k != "CategoryId"} for r in found]
        return _ok({"Resources": public, "Cursor": None})

    def categories(self, body: Obj) -> Reply:
        _required(body, "ServiceIds")
        found = _filter(list(self.hotel.categories.values()), body, "ServiceIds", "ServiceId")
        found = _filter(found, body, "ResourceCategoryIds", "Id")
        return _ok({"ResourceCategories": found, "Cursor": None})

    def rates(self, body: Obj) -> Reply:
        _required(body, "ServiceIds")
        found = _filter(list(self.hotel.rates.values()), body, "ServiceIds", "ServiceId")
        return _ok({"Rates": _filter(found, body, "RateIds", "Id"), "Cursor": None})

    def ages(self, body: Obj) -> Reply:
        _required(body, "ServiceIds")
        found = _filter(list(self.hotel.age_categories.values()), body, "ServiceIds", "ServiceId")
        return _ok({"AgeCategories": found, "Cursor": None})

    def order_items(self, body: Obj) -> Reply:
        found = _filter(
            list(self.hotel.order_items.values()), body, "ServiceOrderIds", "ServiceOrderId"
        )
        found = _filter(found, body, "AccountingStates", "AccountingState")
        return _ok({"OrderItems": found, "Cursor": None})

    def payments(self, body: Obj) -> Reply:
        found = _filter(list(self.hotel.payments.values()), body, "ReservationIds", "ReservationId")
        found = _filter(found, body, "States", "State")
        return _ok({"Payments": found, "Cursor": None})

    def policies(self, body: Obj) -> Reply:
        found = _filter(list(self.hotel.policies.values()), body, "PaymentPolicyIds", "Id")
        return _ok({"PaymentPolicies": found, "Cursor": None})

    def policy_assignments(self, body: Obj) -> Reply:
        found = _filter(list(self.hotel.policy_assignments.values()), body, "RateIds", "RateId")
        return _ok({"PaymentPolicyAssignments": found, "Cursor": None})

    # -- guests ----------------------------------------------------------------------

    def _customer(self, body: Obj) -> Obj:
        customer = self.hotel.customers.get(_required(body, "CustomerId"))
        if customer is None:
            raise BadRequest("Invalid CustomerId")
        return customer

    def add_customer(self, body: Obj) -> Reply:
        cid = str(uuid.uuid4())
        now = stamp(self.clock())
        customer = {
            "Id": cid,
            "ChainId": None,
            "Number": str(1000 + len(self.hotel.customers)),
            "FirstName": body.get("FirstName"),
            "LastName": _required(body, "LastName"),
            "NationalityCode": body.get("NationalityCode"),
            "BirthDate": body.get("BirthDate"),
            "Email": body.get("Email"),
            "Sex": body.get("Sex"),
            "HasOtaEmail": False,
            "CreatedUtc": now,
            "UpdatedUtc": now,
            "Address": None,
            "Classifications": [],
            "Options": [],
            "IsActive": True,
        }
        self.hotel.customers[cid] = customer
        return _ok(customer)

    def update_customer(self, body: Obj) -> Reply:
        customer = self._customer(body)
        for key in (
            "FirstName",
            "LastName",
            "NationalityCode",
            "BirthDate",
            "Sex",
            "BirthPlace",
            "Email",
        ):
            if body.get(key) is not None:
                customer[key] = body[key]
        address = body.get("Address")
        if isinstance(address, dict):
            customer["Address"] = {"Id": str(uuid.uuid4()), **address}
        customer["UpdatedUtc"] = stamp(self.clock())
        return _ok(customer)

    def add_documents(self, body: Obj) -> Reply:
        added = []
        for params in _required(body, "IdentityDocuments"):
            if params.get("CustomerId") not in self.hotel.customers:
                raise BadRequest("Invalid CustomerId")
            if params.get("Type") not in ("Passport", "IdentityCard", "Visa", "DriversLicense"):
                raise BadRequest("Invalid Type")
            document = {"Id": str(uuid.uuid4()), "IssuingCountrySubdivisionCode": None, **params}
            document.setdefault("IsVerified", False)
            self.hotel.documents[document["Id"]] = document
            added.append(document)
        return _ok({"IdentityDocuments": added})

    def update_documents(self, body: Obj) -> Reply:
        updated = []
        for params in _required(body, "IdentityDocuments"):
            document = self.hotel.documents.get(params.get("Id"))
            if document is None:
                raise BadRequest("Invalid Id")
            for key, value in params.items():
                if key != "Id" and isinstance(value, dict):
                    document[key] = value.get("Value")
            updated.append(document)
        return _ok({"IdentityDocuments": updated})

    def _reservation(self, body: Obj) -> Obj:
        reservation = self.hotel.reservations.get(_required(body, "ReservationId"))
        if reservation is None:
            raise BadRequest("Invalid ReservationId")
        return reservation

    def add_companion(self, body: Obj) -> Reply:
        reservation = self._reservation(body)
        customer = self._customer(body)
        links = [
            c for c in self.hotel.companionships.values() if c["ReservationId"] == reservation["Id"]
        ]
        capacity = sum(count["Count"] for count in reservation["PersonCounts"])
        if len(links) >= capacity:
            raise Refused(
                f"No space for another companion: the reservation is for {capacity} persons."
            )
        link_id = str(uuid.uuid4())
        self.hotel.companionships[link_id] = {
            "Id": link_id,
            "CustomerId": customer["Id"],
            "ReservationGroupId": reservation["GroupId"],
            "ReservationId": reservation["Id"],
        }
        return _ok({"CompanionshipId": link_id})

    # -- check-in, payments, check-out ---------------------------------------------

    def start(self, body: Obj) -> Reply:
        reservation = self._reservation(body)
        if reservation["State"] != "Confirmed":
            raise Refused(f"Reservation is in state {reservation['State']}, it must be Confirmed.")
        if _when(reservation, "ScheduledStartUtc").date() > self.today():
            raise Refused("Reservation cannot be started before its start date.")
        room = self.hotel.resources.get(reservation["AssignedResourceId"] or "")
        if room is None:
            raise Refused("Reservation cannot be started: no resource is assigned.")
        if room["State"] not in ("Clean", "Inspected"):
            raise Refused(
                f"The assigned resource {room['Name']} is {room['State']}, it must be Inspected."
            )
        reservation["State"] = "Started"
        reservation["ActualStartUtc"] = stamp(self.clock())
        reservation["Options"] = {"OwnerCheckedIn": True, "ConnectorCheckIn": True}
        return _ok({})

    def balance(self, reservation_id: str) -> Decimal:
        charged = sum(
            (
                i["Amount"]["GrossValue"]
                for i in self.hotel.order_items.values()
                if i["ServiceOrderId"] == reservation_id
                and i["AccountingState"] in ("Open", "Closed")
            ),
            Decimal(0),
        )
        paid = sum(
            (
                p["Amount"]["GrossValue"]
                for p in self.hotel.payments.values()
                if p["ReservationId"] == reservation_id and p["State"] == "Charged"
            ),
            Decimal(0),
        )
        return charged + paid  # payments are negative

    def _amount(self, body: Obj) -> str:
        amount = _required(body, "Amount")
        if not isinstance(amount, dict) or amount.get("Currency") != CURRENCY:
            raise BadRequest("Invalid Amount")
        value = amount.get("GrossValue")
        if isinstance(value, bool) or not isinstance(value, int | Decimal) or value <= 0:
            raise BadRequest("Invalid Amount")
        return str(value)

    def add_external(self, body: Obj) -> Reply:
        reservation = self._reservation(body)
        if body.get("AccountId") != reservation["AccountId"]:
            raise BadRequest("Invalid AccountId")
        kind = "CashPayment" if body.get("Type") == "Cash" else "ExternalPayment"
        payment = pay(
            self.hotel,
            reservation,
            self._amount(body),
            self.clock(),
            kind=kind,
            reference=str(body.get("ExternalIdentifier") or ""),
        )
        payment["Data"] = {
            "Discriminator": "External",
            "External": {
                "Type": body.get("Type"),
                "ExternalIdentifier": body.get("ExternalIdentifier"),
            },
        }
        return _ok({"ExternalPaymentId": payment["Id"]})

    def add_credit_card(self, body: Obj) -> Reply:
        reservation = self._reservation(body)
        if body.get("CustomerId") != reservation["AccountId"]:
            raise BadRequest("Invalid CustomerId")
        card = _required(body, "CreditCard")
        number = str(card.get("Number") or "") if isinstance(card, dict) else ""
        if "*" not in number:
            raise BadRequest("Invalid CreditCard")  # only obfuscated numbers are accepted
        payment = pay(
            self.hotel,
            reservation,
            self._amount(body),
            self.clock(),
            kind="CreditCardPayment",
            reference=str(body.get("ReceiptIdentifier") or ""),
        )
        card_id = str(uuid.uuid4())
        payment["Data"] = {"Discriminator": "CreditCard", "CreditCard": {"CreditCardId": card_id}}
        return _ok({"CreditCardId": card_id})

    def process(self, body: Obj) -> Reply:
        reservation = self._reservation(body)
        if reservation["State"] != "Started":
            raise Refused(f"Reservation is in state {reservation['State']}, it must be Started.")
        if _when(reservation, "ScheduledEndUtc").date() > self.today():
            raise Refused("Reservation cannot be processed sooner than the last day of the stay.")
        balance = self.balance(reservation["Id"])
        if balance and not body.get("AllowOpenBalance"):
            raise Refused(
                f"The balance of the reservation's bills is {balance} {CURRENCY}; it must be zero."
            )
        if body.get("CloseBills"):
            for item in self.hotel.order_items.values():
                if (
                    item["ServiceOrderId"] == reservation["Id"]
                    and item["AccountingState"] == "Open"
                ):
                    item["AccountingState"] = "Closed"
        reservation["State"] = "Processed"
        reservation["ActualEndUtc"] = stamp(self.clock())
        room = self.hotel.resources.get(reservation["AssignedResourceId"] or "")
        if room is not None:
            room["State"] = "Dirty"
        return _ok({})


HANDLERS: dict[str, Handler] = {
    "reservations/getAll/2023-06-06": MewsApi.reservations,
    "customers/getAll": MewsApi.customers,
    "customers/add": MewsApi.add_customer,
    "customers/update": MewsApi.update_customer,
    "companionships/getAll": MewsApi.companionships,
    "identityDocuments/getAll": MewsApi.documents,
    "identityDocuments/add": MewsApi.add_documents,
    "identityDocuments/update": MewsApi.update_documents,
    "resources/getAll": MewsApi.resources,
    "resourceCategories/getAll": MewsApi.categories,
    "rates/getAll": MewsApi.rates,
    "ageCategories/getAll": MewsApi.ages,
    "orderItems/getAll": MewsApi.order_items,
    "payments/getAll": MewsApi.payments,
    "payments/addExternal": MewsApi.add_external,
    "payments/addCreditCard": MewsApi.add_credit_card,
    "paymentPolicies/getAll": MewsApi.policies,
    "paymentPolicyAssignments/getAll": MewsApi.policy_assignments,
    "reservations/addCompanion": MewsApi.add_companion,
    "reservations/start": MewsApi.start,
    "reservations/process": MewsApi.process,
}
