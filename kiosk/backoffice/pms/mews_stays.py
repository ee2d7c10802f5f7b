"""Assemble the domain's stays and folios from the Mews reads they need.

A Mews reservation holds ids, not names: its guests are customers linked through
companionships, its room a resource, its room type a resource category, its rate
a rate, its guests' ages age categories, its money order items and payments, its
deposit a payment policy assigned to its rate. :class:`StayAssembler` reads each of
these once for a batch of reservations and joins them. The age categories do not
change during a day and are read once per connector.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal
from fractions import Fraction

from kiosk.backoffice.pms import mews_wire as wire
from kiosk.domain.hotel.pms import (
    Address,
    DocumentSummary,
    Folio,
    FolioLine,
    FolioLineKind,
    Guest,
    PmsError,
    PmsErrorKind,
    RoomAssignment,
    RoomState,
    Stay,
    StayState,
)
from kiosk.domain.money import Money, Rounding

Call = Callable[[str, dict[str, object]], wire.Node]
PAGE = {"Count": 1000}

STAY_STATES = {
    "Confirmed": StayState.EXPECTED,
    "Started": StayState.CHECKED_IN,
    "Processed": StayState.CHECKED_OUT,
    "Canceled": StayState.CANCELED,
    "Inquired": StayState.UNCONFIRMED,
    "Enquired": StayState.UNCONFIRMED,
    "Requested": StayState.UNCONFIRMED,
    "Optional": StayState.UNCONFIRMED,
}
ROOM_STATES = {
    "Dirty": RoomState.DIRTY,
    "Clean": RoomState.CLEAN,
    "Inspected": RoomState.INSPECTED,
    "OutOfService": RoomState.OUT_OF_SERVICE,
    "OutOfOrder": RoomState.OUT_OF_ORDER,
}
COUNTED_ITEMS = ("Open", "Closed")


class StayAssembler:
    """Joins the reads of :class:`~kiosk.backoffice.pms.mews.MewsConnector` into stays."""

    def __init__(self, call: Call, zone: tzinfo, currency: str) -> None:
        self._call = call
        self._zone = zone
        self._currency = currency
        self._age_categories: dict[str, str] = {}
        self._aged_services: set[str] = set()

    def _get(self, operation: str, **parameters: object) -> wire.Node:
        return self._call(operation, {**parameters, "Limitation": PAGE})

    def _local(self, instant: datetime) -> datetime:
        return instant.astimezone(self._zone)

    # -- guests ------------------------------------------------------------------

    def guest_ids(self, reservation: wire.Reservation) -> list[str]:
        """The owner first, then the companions."""
        return self._companions([reservation])[reservation.reservation_id]

    def _companions(self, reservations: list[wire.Reservation]) -> dict[str, list[str]]:
        root = self._get(
            "companionships/getAll",
            ReservationIds=[r.reservation_id for r in reservations],
            Extent={},
        )
        links = wire.companionships(root)
        found = {}
        for reservation in reservations:
            ids = [reservation.account_id]
            ids += [cid for rid, cid in links if rid == reservation.reservation_id]
            found[reservation.reservation_id] = list(dict.fromkeys(ids))
        return found

    def guest(self, customer: wire.Customer, documents: Iterable[wire.IdentityDocument]) -> Guest:
        address = customer.address
        return Guest(
            guest_id=customer.customer_id,
            surname=customer.last_name,
            given_names=customer.first_name,
            nationality=customer.nationality,
            birth_date=customer.birth_date,
            sex=customer.sex,
            email=customer.email,
            language=customer.language,
            address=None
            if address is None or not address.line1
            else Address(
                line1=address.line1,
                line2=address.line2,
                city=address.city,
                postal_code=address.postal_code,
                country=address.country,
                subdivision=address.subdivision,
            ),
            documents=tuple(
                DocumentSummary(d.type, d.issuing_country, d.expiry, d.number[-4:])
                for d in documents
                if d.customer_id == customer.customer_id
            ),
        )

    def _guests(self, customer_ids: list[str]) -> dict[str, Guest]:
        if not customer_ids:
            return {}
        customers = wire.customers(
            self._get(
                "customers/getAll",
                CustomerIds=customer_ids,
                Extent={"Customers": True, "Addresses": True},
            )
        )
        documents = wire.identity_documents(
            self._get("identityDocuments/getAll", CustomerIds=customer_ids)
        )
        return {c.customer_id: self.guest(c, documents) for c in customers}

    # -- rooms, rates, ages --------------------------------------------------------

    def _rooms(self, reservations: list[wire.Reservation]) -> dict[str, RoomAssignment]:
        ids = sorted({r.resource_id for r in reservations if r.resource_id})
        if not ids:
            return {}
        found = wire.resources(
            self._get("resources/getAll", ResourceIds=ids, Extent={"Resources": True})
        )
        return {
            room.resource_id: RoomAssignment(
                room.resource_id, room.name, ROOM_STATES[room.state], room.floor
            )
            for room in found
        }

    def _names(
        self, operation: str, collection: str, services: set[str], **filters: object
    ) -> dict[str, str]:
        root = self._get(operation, ServiceIds=sorted(services), **filters)
        return wire.names_by_id(root, collection)

    def _ages(self, service_ids: set[str]) -> dict[str, str]:
        missing = sorted(service_ids - self._aged_services)
        if missing:
            root = self._get("ageCategories/getAll", ServiceIds=missing)
            self._age_categories.update(wire.age_categories(root))
            self._aged_services.update(missing)
        return self._age_categories

    # -- money -----------------------------------------------------------------------

    def _items(self, reservation_ids: list[str]) -> list[tuple[str, wire.OrderItem]]:
        root = self._get(
            "orderItems/getAll",
            ServiceOrderIds=reservation_ids,
            AccountingStates=list(COUNTED_ITEMS),
        )
        pairs = []
        for node, item in zip(root.get("OrderItems").items(), wire.order_items(root), strict=True):
            pairs.append((node.string("ServiceOrderId"), item))
        return pairs

    def _payments(self, reservation_ids: list[str]) -> list[tuple[str, wire.Payment]]:
        root = self._get("payments/getAll", ReservationIds=reservation_ids, States=["Charged"])
        pairs = []
        for node, payment in zip(root.get("Payments").items(), wire.payments(root), strict=True):
            pairs.append((node.opt_string("ReservationId"), payment))
        return pairs

    def _lines(
        self,
        reservation_id: str,
        items: list[tuple[str, wire.OrderItem]],
        payments: list[tuple[str, wire.Payment]],
    ) -> tuple[FolioLine, ...]:
        lines = [
            FolioLine(
                item.item_id,
                FolioLineKind.CHARGE,
                item.description,
                item.amount,
                None if item.consumed is None else self._local(item.consumed).date(),
            )
            for rid, item in items
            if rid == reservation_id
        ]
        lines += [
            FolioLine(
                payment.payment_id,
                FolioLineKind.PAYMENT,
                payment.kind,
                -payment.amount,
                None if payment.charged is None else self._local(payment.charged).date(),
                payment.reference,
            )
            for rid, payment in payments
            if rid == reservation_id and payment.state == "Charged"
        ]
        return tuple(lines)

    def _currency_of(self, lines: tuple[FolioLine, ...]) -> str:
        currencies = {line.amount.currency for line in lines}
        if len(currencies) > 1:
            raise PmsError(PmsErrorKind.INVALID, f"Mews bill mixes currencies {sorted(currencies)}")
        return currencies.pop() if currencies else self._currency

    def folio(self, reservation: wire.Reservation) -> Folio:
        ids = [reservation.reservation_id]
        lines = self._lines(reservation.reservation_id, self._items(ids), self._payments(ids))
        return Folio(reservation.reservation_id, lines, self._currency_of(lines))

    def _deposits(self, rate_ids: set[str], totals: dict[str, Money]) -> dict[str, Money]:
        """Rate id -> the pre-authorisation its payment policy asks at check-in."""
        root = self._get("paymentPolicyAssignments/getAll", RateIds=sorted(rate_ids))
        assignments = [
            (node.opt_string("RateId"), node.string("PaymentPolicyId"))
            for node in root.array("PaymentPolicyAssignments")
        ]
        if not assignments:
            return {}
        policies = {
            p.policy_id: p
            for p in wire.payment_policies(
                self._get(
                    "paymentPolicies/getAll",
                    PaymentPolicyIds=sorted({pid for _, pid in assignments}),
                )
            )
        }
        found = {}
        for rate_id, policy_id in assignments:
            policy = policies.get(policy_id)
            if policy is None or policy.action != "CreatePreauthorization":
                continue
            if policy.trigger != "Start":
                continue
            if policy.absolute is not None:
                found[rate_id] = policy.absolute
            elif policy.relative is not None and rate_id in totals:
                fraction = policy.relative
                found[rate_id] = _scaled(totals[rate_id], fraction)
        return found

    # -- the whole stay ------------------------------------------------------------

    def build(self, reservations: list[wire.Reservation]) -> list[Stay]:
        """The stays of these reservations, in the given order."""
        if not reservations:
            return []
        ids = [r.reservation_id for r in reservations]
        companions = self._companions(reservations)
        guests = self._guests(list(dict.fromkeys(g for r in ids for g in companions[r])))
        rooms = self._rooms(reservations)
        services = {r.service_id for r in reservations}
        categories = self._names(
            "resourceCategories/getAll",
            "ResourceCategories",
            services,
            ResourceCategoryIds=sorted({r.category_id for r in reservations}),
        )
        rates = self._names(
            "rates/getAll",
            "Rates",
            services,
            RateIds=sorted({r.rate_id for r in reservations}),
            Extent={"Rates": True, "AvailabilityBlockAssignments": False},
        )
        ages = self._ages(services)
        items, payments = self._items(ids), self._payments(ids)
        folios = {rid: self._lines(rid, items, payments) for rid in ids}
        stays = []
        for reservation in reservations:
            lines = folios[reservation.reservation_id]
            folio = Folio(reservation.reservation_id, lines, self._currency_of(lines))
            stays.append((reservation, folio))
        totals = {r.rate_id: f.charges for r, f in stays}
        deposits = self._deposits({r.rate_id for r in reservations}, totals)
        joined = _Joined(companions, guests, rooms, categories, rates, ages, deposits)
        return [self._stay(r, f, joined) for r, f in stays]

    def _stay(self, reservation: wire.Reservation, folio: Folio, joined: _Joined) -> Stay:
        companions, guests, rooms = joined.companions, joined.guests, joined.rooms
        categories, rates, ages, deposits = (
            joined.categories,
            joined.rates,
            joined.ages,
            joined.deposits,
        )
        adults = children = 0
        for age_id, count in reservation.person_counts:
            if ages.get(age_id, "Adult") == "Child":
                children += count
            else:
                adults += count
        start = self._local(reservation.scheduled_start)
        end = self._local(reservation.scheduled_end)
        return Stay(
            stay_id=reservation.reservation_id,
            confirmation_number=reservation.number,
            state=STAY_STATES[reservation.state],
            arrival=start.date(),
            departure=end.date(),
            arrival_at=reservation.scheduled_start,
            departure_at=reservation.scheduled_end,
            room_type=categories.get(reservation.category_id, ""),
            room=rooms.get(reservation.resource_id),
            adults=adults,
            children=children,
            guests=tuple(guests[g] for g in companions[reservation.reservation_id] if g in guests),
            rate=rates.get(reservation.rate_id, ""),
            total=folio.charges,
            paid=folio.payments,
            deposit=deposits.get(reservation.rate_id),
            owner_id=reservation.account_id,
        )


@dataclass(frozen=True)
class _Joined:
    """What :meth:`StayAssembler.build` read for a batch, by id."""

    companions: dict[str, list[str]]
    guests: dict[str, Guest]
    rooms: dict[str, RoomAssignment]
    categories: dict[str, str]
    rates: dict[str, str]
    ages: dict[str, str]
    deposits: dict[str, Money]


def _scaled(total: Money, fraction: Decimal) -> Money:
    return total.scaled(Fraction(fraction), Rounding.HALF_UP)
