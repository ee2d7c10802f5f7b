"""The simulated hotel: rooms, rates, guests and stays, relative to a given day.

:func:`sample_property` builds a small hotel (time zone UTC, currency EUR) whose
stays exercise every kiosk path on ``today``:

=======  ==========================================  ====================================
number   who                                         what it tests
=======  ==========================================  ====================================
4701     Ana García + Luis Martín, 2 nights          couple arriving today, room 204 ready
4702     Jonas + Lea Müller and Mia (child), 3 n.    family, part prepaid, room 305 clean
4703     Claire Dubois, 1 night                      room 112 not ready (dirty)
4704     John Smith, 2 nights                        already paid in full (prepayment)
4705     Marco Rossi, 2 nights                       balance due + 150 EUR deposit policy
4706     Yuki Tanaka, checked in 2 days ago          leaves today: nights, minibar, city tax
4707     Piotr Kowalski, arrives tomorrow            too early; no room assigned yet
=======  ==========================================  ====================================

Objects are kept in the Mews JSON shapes (``dict``) the API replies with, amounts
as exact ``Decimal``; ids are stable GUIDs (uuid5 of a name) so tests can name them.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

Obj = dict[str, Any]
NAMESPACE = uuid.UUID("6f1d3c1e-5b7a-4a52-9d1e-1c2b3a4d5e6f")
CURRENCY = "EUR"
CHECK_IN, CHECK_OUT = time(14), time(11)
ADULT, CHILD = "age-adult", "age-child"


def guid(name: str) -> str:
    """The simulator's stable id for ``name`` (``guid("res-4701")``)."""
    return str(uuid.uuid5(NAMESPACE, name))


def stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def money(value: str) -> Obj:
    """A Mews ``Amount`` (gross only, no tax breakdown)."""
    gross = Decimal(value)
    return {"Currency": CURRENCY, "NetValue": gross, "GrossValue": gross, "TaxValues": []}


@dataclass
class Hotel:
    """Every collection the simulated API serves, keyed by id."""

    customers: dict[str, Obj] = field(default_factory=dict)
    documents: dict[str, Obj] = field(default_factory=dict)
    resources: dict[str, Obj] = field(default_factory=dict)
    categories: dict[str, Obj] = field(default_factory=dict)
    rates: dict[str, Obj] = field(default_factory=dict)
    age_categories: dict[str, Obj] = field(default_factory=dict)
    reservations: dict[str, Obj] = field(default_factory=dict)
    companionships: dict[str, Obj] = field(default_factory=dict)
    order_items: dict[str, Obj] = field(default_factory=dict)
    payments: dict[str, Obj] = field(default_factory=dict)
    policies: dict[str, Obj] = field(default_factory=dict)
    policy_assignments: dict[str, Obj] = field(default_factory=dict)


def _customer(hotel: Hotel, key: str, first: str, last: str, nationality: str, **extra: Any) -> str:
    cid = guid(f"cus-{key}")
    hotel.customers[cid] = {
        "Id": cid,
        "ChainId": guid("chain"),
        "Number": str(1000 + len(hotel.customers)),
        "Title": None,
        "Sex": extra.get("Sex"),
        "FirstName": first,
        "LastName": last,
        "SecondLastName": None,
        "NationalityCode": nationality,
        "PreferredLanguageCode": extra.get("Language"),
        "LanguageCode": extra.get("Language"),
        "BirthDate": extra.get("BirthDate"),
        "BirthPlace": None,
        "Email": extra.get("Email"),
        "HasOtaEmail": False,
        "Phone": None,
        "Notes": "",
        "CreatedUtc": "2026-01-01T00:00:00Z",
        "UpdatedUtc": "2026-01-01T00:00:00Z",
        "Address": None,
        "AddressId": None,
        "Classifications": [],
        "Options": [],
        "IsActive": True,
    }
    return cid


def _room(hotel: Hotel, number: str, state: str, category: str) -> str:
    rid = guid(f"room-{number}")
    hotel.resources[rid] = {
        "Id": rid,
        "EnterpriseId": guid("enterprise"),
        "IsActive": True,
        "ParentResourceId": None,
        "Name": number,
        "State": state,
        "Descriptions": {},
        "CreatedUtc": "2026-01-01T00:00:00Z",
        "UpdatedUtc": "2026-01-01T00:00:00Z",
        "Data": {"Discriminator": "Space", "Value": {"FloorNumber": number[0]}},
        "ExternalNames": {},
        "Directions": {},
        "CategoryId": guid(f"cat-{category}"),  # simulator bookkeeping (not a Mews field)
    }
    return rid


def _reference_data(hotel: Hotel) -> None:
    for key, name, capacity in (
        ("single", "Single room", 1),
        ("double", "Double room", 2),
        ("family", "Family room", 4),
    ):
        cid = guid(f"cat-{key}")
        hotel.categories[cid] = {
            "Id": cid,
            "ServiceId": guid("service-stay"),
            "IsActive": True,
            "Type": "Room",
            "Names": {"en-US": name},
            "ShortNames": {"en-US": key[:3].upper()},
            "Capacity": capacity,
            "ExtraCapacity": 0,
        }
    for key, name in (
        ("flex", "Flexible"),
        ("saver", "Family Saver"),
        ("nonref", "Non-refundable"),
        ("deposit", "Flexible with deposit"),
    ):
        hotel.rates[guid(f"rate-{key}")] = {
            "Id": guid(f"rate-{key}"),
            "ServiceId": guid("service-stay"),
            "IsActive": True,
            "Names": {"en-US": name},
            "Name": name,
        }
    for aid, maximal, name in ((ADULT, None, "Adults"), (CHILD, 17, "Children")):
        hotel.age_categories[guid(aid)] = {
            "Id": guid(aid),
            "ServiceId": guid("service-stay"),
            "MinimalAge": None if maximal is None else 0,
            "MaximalAge": maximal,
            "Names": {"en-GB": name},
        }
    pid = guid("policy-deposit")
    hotel.policies[pid] = {
        "Id": pid,
        "SettlementAction": "CreatePreauthorization",
        "SettlementTrigger": "Start",
        "SettlementType": "Automatic",
        "SettlementOffset": "P0Y0M0DT0H0M0S",
        "RelativeValue": None,
        "AbsoluteValue": {"Currency": CURRENCY, "Value": Decimal("150.00")},
        "IsActive": True,
        "Name": "Deposit on arrival",
    }
    aid = guid("assignment-deposit")
    hotel.policy_assignments[aid] = {
        "Id": aid,
        "PaymentPolicyId": pid,
        "RateGroupId": None,
        "RateId": guid("rate-deposit"),
        "IsActive": True,
    }


@dataclass(frozen=True)
class _Booking:
    number: str
    guests: tuple[str, ...]  # customer ids, owner first
    arrival: date
    nights: int
    category: str
    rate: str
    room: str | None
    children: int = 0
    state: str = "Confirmed"


def _reserve(hotel: Hotel, booking: _Booking) -> str:
    rid = guid(f"res-{booking.number}")
    start = datetime.combine(booking.arrival, CHECK_IN, UTC)
    end = datetime.combine(booking.arrival + timedelta(booking.nights), CHECK_OUT, UTC)
    adults = len(booking.guests) - booking.children
    hotel.reservations[rid] = {
        "Id": rid,
        "ServiceId": guid("service-stay"),
        "AccountId": booking.guests[0],
        "AccountType": "Customer",
        "Number": booking.number,
        "State": booking.state,
        "Origin": "Connector",
        "CreatedUtc": stamp(start - timedelta(days=30)),
        "UpdatedUtc": stamp(start - timedelta(days=30)),
        "CancelledUtc": None,
        "Options": {"OwnerCheckedIn": booking.state == "Started"},
        "RateId": guid(f"rate-{booking.rate}"),
        "GroupId": guid(f"group-{booking.number}"),
        "RequestedResourceCategoryId": guid(f"cat-{booking.category}"),
        "AssignedResourceId": None if booking.room is None else guid(f"room-{booking.room}"),
        "AssignedResourceLocked": False,
        "ChannelNumber": None,
        "StartUtc": stamp(start),
        "EndUtc": stamp(end),
        "ScheduledStartUtc": stamp(start),
        "ActualStartUtc": stamp(start) if booking.state == "Started" else None,
        "ScheduledEndUtc": stamp(end),
        "ActualEndUtc": None,
        "Purpose": "Leisure",
        "QrCodeData": json.dumps(
            {
                "Reservations": [
                    {
                        "Id": rid,
                        "GroupId": guid(f"group-{booking.number}"),
                        "CustomerId": booking.guests[0],
                    }
                ]
            },
            separators=(",", ":"),
        ),
        "PersonCounts": [
            {"AgeCategoryId": guid(ADULT), "Count": adults},
            {"AgeCategoryId": guid(CHILD), "Count": booking.children},
        ],
    }
    for index, cid in enumerate(booking.guests):
        key = f"comp-{booking.number}-{index}"
        hotel.companionships[guid(key)] = {
            "Id": guid(key),
            "CustomerId": cid,
            "ReservationGroupId": guid(f"group-{booking.number}"),
            "ReservationId": rid,
        }
    return rid


def charge(hotel: Hotel, reservation: Obj, name: str, value: str, on: date, *, kind: str) -> Obj:
    """Post a revenue item (a night, the minibar, city tax) to a reservation."""
    iid = guid(f"item-{reservation['Number']}-{len(hotel.order_items)}")
    consumed = stamp(datetime.combine(on, time(), UTC))
    item = {
        "Id": iid,
        "AccountId": reservation["AccountId"],
        "AccountType": "Customer",
        "ServiceId": reservation["ServiceId"],
        "ServiceOrderId": reservation["Id"],
        "BillId": None,
        "BillingName": name,
        "UnitCount": 1,
        "UnitAmount": money(value),
        "Amount": money(value),
        "RevenueType": "Service" if kind == "SpaceOrder" else "Additional",
        "CreatedUtc": consumed,
        "UpdatedUtc": consumed,
        "ConsumedUtc": consumed,
        "CanceledUtc": None,
        "ClosedUtc": None,
        "AccountingState": "Open",
        "Type": kind,
        "Options": {"CanceledWithReservation": False},
        "Data": None,
    }
    hotel.order_items[iid] = item
    return item


def pay(
    hotel: Hotel, reservation: Obj, value: str, when: datetime, *, kind: str, reference: str
) -> Obj:
    """Record a payment (Mews sends payments as negative amounts)."""
    pid = guid(f"pay-{reservation['Number']}-{len(hotel.payments)}-{reference}")
    payment = {
        "Id": pid,
        "AccountId": reservation["AccountId"],
        "AccountType": "Customer",
        "BillId": None,
        "ReservationId": reservation["Id"],
        "Amount": money(f"-{value}"),
        "OriginalAmount": money(f"-{value}"),
        "Notes": None,
        "CreatedUtc": stamp(when),
        "UpdatedUtc": stamp(when),
        "ChargedUtc": stamp(when),
        "ClosedUtc": None,
        "AccountingState": "Open",
        "State": "Charged",
        "Identifier": reference,
        "Type": kind,
        "Data": None,
    }
    hotel.payments[pid] = payment
    return payment


def _stay_charges(hotel: Hotel, rid: str, per_night: str, city_tax: str) -> None:
    reservation = hotel.reservations[rid]
    first = datetime.fromisoformat(reservation["ScheduledStartUtc"]).date()
    last = datetime.fromisoformat(reservation["ScheduledEndUtc"]).date()
    people = sum(c["Count"] for c in reservation["PersonCounts"])
    adults = reservation["PersonCounts"][0]["Count"]
    for night in range((last - first).days):
        on = first + timedelta(night)
        charge(hotel, reservation, f"Night {night + 1}", per_night, on, kind="SpaceOrder")
        tax = Decimal(city_tax) * adults
        if tax and people:
            charge(hotel, reservation, "City tax", str(tax), on, kind="CityTax")


def sample_property(today: date) -> Hotel:
    """The sample hotel with the stays of the module docstring, for ``today``."""
    hotel = Hotel()
    _reference_data(hotel)
    for number, state, category in (
        ("204", "Inspected", "double"),
        ("305", "Clean", "family"),
        ("112", "Dirty", "single"),
        ("210", "Inspected", "double"),
        ("402", "Inspected", "double"),
        ("118", "Clean", "single"),
        ("120", "Inspected", "single"),
    ):
        _room(hotel, number, state, category)
    c = {
        "ana": _customer(
            hotel,
            "ana",
            "Ana",
            "García López",
            "ES",
            Sex="Female",
            Language="es-ES",
            Email="ana@example.es",
        ),
        "luis": _customer(hotel, "luis", "Luis", "Martín", "ES", Sex="Male"),
        "jonas": _customer(hotel, "jonas", "Jonas", "Müller", "DE", Sex="Male", Language="de-DE"),
        "lea": _customer(hotel, "lea", "Lea", "Müller", "DE", Sex="Female"),
        "mia": _customer(
            hotel,
            "mia",
            "Mia",
            "Müller",
            "DE",
            Sex="Female",
            BirthDate=(today - timedelta(days=365 * 7)).isoformat(),
        ),
        "claire": _customer(
            hotel, "claire", "Claire", "Dubois", "FR", Sex="Female", Language="fr-FR"
        ),
        "john": _customer(hotel, "john", "John", "Smith", "GB", Sex="Male", Language="en-GB"),
        "marco": _customer(hotel, "marco", "Marco", "Rossi", "IT", Sex="Male", Language="it-IT"),
        "yuki": _customer(hotel, "yuki", "Yuki", "Tanaka", "JP", Sex="Female"),
        "piotr": _customer(hotel, "piotr", "Piotr", "Kowalski", "PL", Sex="Male"),
    }
    bookings = (
        _Booking("4701", (c["ana"], c["luis"]), today, 2, "double", "flex", "204"),
        _Booking(
            "4702", (c["jonas"], c["lea"], c["mia"]), today, 3, "family", "saver", "305", children=1
        ),
        _Booking("4703", (c["claire"],), today, 1, "single", "flex", "112"),
        _Booking("4704", (c["john"],), today, 2, "double", "nonref", "210"),
        _Booking("4705", (c["marco"],), today, 2, "double", "deposit", "402"),
        _Booking(
            "4706", (c["yuki"],), today - timedelta(2), 2, "single", "flex", "118", state="Started"
        ),
        _Booking("4707", (c["piotr"],), today + timedelta(1), 1, "single", "flex", None),
    )
    rates = {
        "4701": "120.00",
        "4702": "160.00",
        "4703": "89.00",
        "4704": "110.00",
        "4705": "140.00",
        "4706": "110.00",
        "4707": "89.00",
    }
    booked = datetime.combine(today - timedelta(days=20), time(9), UTC)
    for booking in bookings:
        rid = _reserve(hotel, booking)
        _stay_charges(hotel, rid, rates[booking.number], "2.50")
    res = {r["Number"]: r for r in hotel.reservations.values()}
    pay(hotel, res["4702"], "100.00", booked, kind="ExternalPayment", reference="PREPAY-4702")
    pay(hotel, res["4704"], "225.00", booked, kind="ExternalPayment", reference="PREPAY-4704")
    charge(hotel, res["4706"], "Minibar", "12.50", today - timedelta(1), kind="ProductOrder")
    arrived = datetime.combine(today - timedelta(2), time(15), UTC)
    pay(
        hotel,
        res["4706"],
        "220.00",
        arrived,
        kind="CreditCardPayment",
        reference="LANE-PREAUTH-4706",
    )
    return hotel
