"""The Mews Connector API driver: :class:`MewsConnector` implements the PMS contract.

Theory of operation. Every Mews operation is ``POST
<base>/api/connector/v1/<resource>/<operation>`` with a JSON body that carries the
credentials (``ClientToken``, ``AccessToken``, ``Client``) beside the operation's
parameters (docs/pms-api.md lists the operations and fields used, with their
pages). :meth:`MewsConnector._call` is the one place that talks HTTP: a transport
error, a timeout, a 408/429/5xx become ``unreachable``; 401 ``refused``
(``unauthorized``); 403 ``refused`` with a code read from Mews's message; 400/404
``invalid``; a reply that is not the documented JSON ``invalid`` naming the field.
No httpx exception leaves this module.

A :class:`~kiosk.domain.hotel.pms.Stay` is assembled from several reads
(:mod:`.mews_stays`): the reservation, its companionships, the customers and their
identity documents, the room and its category, the rate, the age categories, the
order items and payments (total and paid) and the rate's payment policy (deposit).
The property's time zone turns Mews's UTC times into the hotel's calendar dates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx

from kiosk.backoffice.pms import mews_wire as wire
from kiosk.backoffice.pms.mews_stays import StayAssembler
from kiosk.backoffice.pms.names import given_names_match, name_keys, surnames_match
from kiosk.domain.hotel.pms import (
    Folio,
    Guest,
    GuestIdentity,
    NewGuest,
    PaymentMethod,
    PaymentRecord,
    PmsError,
    PmsErrorKind,
    RefusalCode,
    Stay,
)

log = logging.getLogger(__name__)

API_PREFIX = "/api/connector/v1/"
PAGE = {"Count": 1000}
ACTIVE_STATES = ["Confirmed", "Started"]
_EXTERNAL_TYPES = {PaymentMethod.CASH: "Cash", PaymentMethod.OTHER: "Unspecified"}


class MewsConnector:
    """The kiosk's client of one property's Mews Connector API.

    ``base_url`` is the platform address (``https://api.mews-demo.com``);
    ``client_name`` is sent as ``Client`` (name and version). ``property_timezone``
    (IANA name) turns UTC times into the hotel's dates; ``currency`` is used for a
    stay that has no items yet.

    Raises:
        PmsError: ``invalid`` for a time zone that does not exist.
    """

    def __init__(
        self,
        base_url: str,
        client_token: str,
        access_token: str,
        client_name: str = "Kiosk 1.0",
        timeout_s: float = 10.0,
        *,
        property_timezone: str = "UTC",
        currency: str = "EUR",
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        try:
            self.zone = ZoneInfo(property_timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise PmsError(
                PmsErrorKind.INVALID, f"unknown property time zone {property_timezone!r}"
            ) from None
        self._credentials = {
            "ClientToken": client_token,
            "AccessToken": access_token,
            "Client": client_name,
        }
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"), timeout=timeout_s, transport=transport
        )
        self._stays = StayAssembler(self._call, self.zone, currency)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> MewsConnector:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transport ---------------------------------------------------------------

    def _call(self, operation: str, parameters: dict[str, object]) -> wire.Node:
        """POST one operation; the decoded reply, or PmsError."""
        body = wire.encode({**self._credentials, **parameters})
        try:
            reply = self._http.post(
                API_PREFIX + operation,
                content=body,
                headers={"Content-Type": "application/json"},
            )
        except httpx.TimeoutException as error:
            raise PmsError(
                PmsErrorKind.UNREACHABLE, f"Mews {operation}: timed out ({error})", "timeout"
            ) from None
        except httpx.HTTPError as error:
            raise PmsError(
                PmsErrorKind.UNREACHABLE, f"Mews {operation}: {type(error).__name__}: {error}"
            ) from None
        log.debug("Mews %s: HTTP %d", operation, reply.status_code)  # never the body
        if reply.status_code in (200, 204):
            return wire.decode(reply.content or b"{}", operation)
        raise _status_error(operation, reply)

    # -- finding stays -----------------------------------------------------------

    def _reservations(self, **filters: object) -> list[wire.Reservation]:
        root = self._call("reservations/getAll/2023-06-06", {**filters, "Limitation": PAGE})
        return wire.reservations(root)

    def _day(self, on: date) -> dict[str, str]:
        start = datetime.combine(on, time(), self.zone)
        return {"StartUtc": wire.utc_text(start), "EndUtc": wire.utc_text(start + timedelta(1))}

    def find_by_confirmation(self, confirmation_number: str) -> Stay:
        """By the number as typed, or by the booking e-mail's QR code (Mews ``QrCodeData``)."""
        text = confirmation_number.strip()
        if text.startswith("{"):
            ids = wire.qr_reservation_ids(text)
            if not ids:
                raise PmsError(PmsErrorKind.NOT_FOUND, "the scanned code is not a Mews booking QR")
            found = self._reservations(ReservationIds=ids[:1])
        else:
            found = self._reservations(Numbers=[text])
        if not found:
            raise PmsError(PmsErrorKind.NOT_FOUND, f"no reservation for {text[:40]!r}")
        return self._stays.build(found[:1])[0]

    def _customer_ids(self, surname: str, given_names: str = "") -> list[str]:
        filters: dict[str, object] = {"LastNames": [surname.strip()]}
        if given_names.strip():
            filters["FirstNames"] = [given_names.strip()]
        root = self._call(
            "customers/getAll",
            {**filters, "Extent": {"Customers": True}, "Limitation": PAGE},
        )
        return [customer.customer_id for customer in wire.customers(root)]

    def _stays_of(self, customer_ids: list[str], **filters: object) -> list[wire.Reservation]:
        """Reservations owned by or accompanied by these customers (companionships)."""
        if not customer_ids:
            return []
        owned = self._reservations(AccountIds=customer_ids, **filters)
        root = self._call(
            "companionships/getAll",
            {"CustomerIds": customer_ids, "Extent": {}, "Limitation": PAGE},
        )
        accompanied = [rid for rid, _ in wire.companionships(root) if rid]
        known = {r.reservation_id for r in owned}
        extra = [rid for rid in dict.fromkeys(accompanied) if rid not in known]
        if extra:
            owned += self._reservations(ReservationIds=extra, **filters)
        return owned

    def _matching(
        self, day: dict[str, str], which: str, keep: Callable[[Stay], bool], ids: list[str]
    ) -> tuple[Stay, ...]:
        """Stays of these customers on ``day``; if none, the day's stays whose names match.

        Mews matches names as stored ("García López"); the guest may type "Garcia"
        or show an MRZ ("GARCIA<LOPEZ"), so the fallback reads the day's list and
        compares with :mod:`.names`.
        """
        found = self._stays_of(ids, **{which: day}, States=ACTIVE_STATES)
        if not found:
            found = self._reservations(**{which: day}, States=ACTIVE_STATES)
        return tuple(stay for stay in self._stays.build(found) if keep(stay))

    def find_by_surname(self, surname: str, arrival: date) -> tuple[Stay, ...]:
        if not name_keys(surname):
            return ()

        def keep(stay: Stay) -> bool:
            return any(surnames_match(surname, guest.surname) for guest in stay.guests)

        ids = self._customer_ids(surname)
        return self._matching(self._day(arrival), "ScheduledStartUtc", keep, ids)

    def find_by_guest_name(self, surname: str, given_names: str, on: date) -> tuple[Stay, ...]:
        if not name_keys(surname):
            return ()

        def keep(stay: Stay) -> bool:
            return any(
                surnames_match(surname, guest.surname)
                and given_names_match(given_names, guest.given_names)
                for guest in stay.guests
            )

        ids = self._customer_ids(surname, given_names)
        return self._matching(self._day(on), "CollidingUtc", keep, ids)

    def find_by_room(self, room_number: str, surname: str) -> Stay:
        root = self._call(
            "resources/getAll",
            {"Names": [room_number.strip()], "Extent": {"Resources": True}, "Limitation": PAGE},
        )
        rooms = wire.resources(root)
        if not rooms:
            raise PmsError(PmsErrorKind.NOT_FOUND, f"no room {room_number!r}")
        found = self._reservations(
            AssignedResourceIds=[room.resource_id for room in rooms], States=["Started"]
        )
        for stay in self._stays.build(found):
            if not name_keys(surname) or any(  # "": the room's key card was read
                surnames_match(surname, guest.surname) for guest in stay.guests
            ):
                return stay
        raise PmsError(
            PmsErrorKind.NOT_FOUND, f"no checked-in stay in room {room_number!r} for that surname"
        )

    def _reservation(self, stay_id: str) -> wire.Reservation:
        found = self._reservations(ReservationIds=[stay_id])
        if not found:
            raise PmsError(PmsErrorKind.NOT_FOUND, f"no reservation {stay_id!r}")
        return found[0]

    def stay(self, stay_id: str) -> Stay:
        return self._stays.build([self._reservation(stay_id)])[0]

    # -- guests ------------------------------------------------------------------

    def add_companion(self, stay_id: str, guest: NewGuest) -> Guest:
        self._reservation(stay_id)
        parameters: dict[str, object] = {
            "FirstName": guest.given_names,
            "LastName": guest.surname,
            "OverwriteExisting": False,
        }
        if guest.nationality:
            parameters["NationalityCode"] = guest.nationality
        if guest.birth_date is not None:
            parameters["BirthDate"] = guest.birth_date.isoformat()
        if guest.email:
            parameters["Email"] = guest.email
        customer = wire.customer(self._call("customers/add", parameters))
        self._call(
            "reservations/addCompanion",
            {"ReservationId": stay_id, "CustomerId": customer.customer_id},
        )
        return self._stays.guest(customer, ())

    def update_guest_identity(self, stay_id: str, guest_id: str, identity: GuestIdentity) -> Guest:
        reservation = self._reservation(stay_id)
        if guest_id not in self._stays.guest_ids(reservation):
            raise PmsError(PmsErrorKind.NOT_FOUND, f"guest {guest_id!r} is not on stay {stay_id!r}")
        customer = wire.customer(
            self._call("customers/update", _customer_update(guest_id, identity))
        )
        self._store_document(guest_id, identity)
        root = self._call(
            "identityDocuments/getAll", {"CustomerIds": [guest_id], "Limitation": PAGE}
        )
        return self._stays.guest(customer, wire.identity_documents(root))

    def _store_document(self, guest_id: str, identity: GuestIdentity) -> None:
        document = identity.document
        kind = wire.MEWS_DOCUMENT_TYPE[document.type]
        root = self._call(
            "identityDocuments/getAll",
            {"CustomerIds": [guest_id], "Types": [kind], "Limitation": PAGE},
        )
        existing = wire.identity_documents(root)
        fields: dict[str, object] = {
            "Number": document.number,
            "ExpirationDate": _midnight(document.expiry),
            "IssuanceDate": _midnight(document.issued),
            "IssuingCountryCode": document.issuing_state or None,
            "IssuingCity": document.issuing_city or None,
            "IdentityDocumentSupportNumber": document.support_number or None,
        }
        if existing:
            update: dict[str, object] = {"Id": existing[0].document_id}
            update.update({key: {"Value": value} for key, value in fields.items()})
            update["IsVerified"] = {"Value": True}
            self._call("identityDocuments/update", {"IdentityDocuments": [update]})
        else:
            new = {"CustomerId": guest_id, "Type": kind, **fields, "IsVerified": True}
            self._call("identityDocuments/add", {"IdentityDocuments": [new]})

    # -- check-in, money, check-out ---------------------------------------------

    def check_in(self, stay_id: str) -> Stay:
        self._call("reservations/start", {"ReservationId": stay_id})
        return self.stay(stay_id)

    def folio(self, stay_id: str) -> Folio:
        return self._stays.folio(self._reservation(stay_id))

    def post_payment(self, stay_id: str, payment: PaymentRecord) -> str:
        reservation = self._reservation(stay_id)
        common: dict[str, object] = {
            "ReservationId": stay_id,
            "Amount": wire.amount_body(payment.amount),
            "Notes": payment.notes or None,
        }
        if payment.method is PaymentMethod.CARD:
            root = self._call(
                "payments/addCreditCard",
                {
                    "CustomerId": reservation.account_id,
                    **common,
                    "CreditCard": {
                        "Type": payment.card_brand or None,
                        "Number": payment.masked_card or None,
                        "Expiration": payment.card_expiry or None,
                        "Name": payment.cardholder or None,
                    },
                    "ReceiptIdentifier": payment.reference,
                },
            )
            return root.string("CreditCardId")
        root = self._call(
            "payments/addExternal",
            {
                "AccountId": reservation.account_id,
                **common,
                "ExternalIdentifier": payment.reference,
                "Type": _EXTERNAL_TYPES[payment.method],
            },
        )
        return root.string("ExternalPaymentId")

    def check_out(self, stay_id: str) -> Stay:
        self._call(
            "reservations/process",
            {"ReservationId": stay_id, "CloseBills": True, "AllowOpenBalance": False},
        )
        return self.stay(stay_id)


def _midnight(day: date | None) -> str | None:
    return None if day is None else wire.utc_text(datetime.combine(day, time(), UTC))


def _customer_update(guest_id: str, identity: GuestIdentity) -> dict[str, object]:
    update: dict[str, object] = {
        "CustomerId": guest_id,
        "FirstName": identity.given_names,
        "LastName": identity.surname,
    }
    if identity.nationality:
        update["NationalityCode"] = identity.nationality
    if identity.birth_date is not None:
        update["BirthDate"] = identity.birth_date.isoformat()
    if identity.sex in ("M", "F"):
        update["Sex"] = "Male" if identity.sex == "M" else "Female"
    if identity.birth_place:
        update["BirthPlace"] = identity.birth_place
    if identity.address is not None:
        address = identity.address
        update["Address"] = {
            "Line1": address.line1,
            "Line2": address.line2 or None,
            "City": address.city,
            "PostalCode": address.postal_code,
            "CountryCode": address.country,
            "CountrySubdivisionCode": address.subdivision or None,
        }
    return update


def _status_error(operation: str, reply: httpx.Response) -> PmsError:
    status = reply.status_code
    message = f"Mews {operation}: HTTP {status}: {wire.error_message(reply.content)}"
    if status == 401:
        return PmsError(PmsErrorKind.REFUSED, message, RefusalCode.UNAUTHORIZED)
    if status == 403:
        return PmsError(
            PmsErrorKind.REFUSED, message, wire.refusal_code(wire.error_message(reply.content))
        )
    if status == 409:
        return PmsError(PmsErrorKind.REFUSED, message, RefusalCode.CONFLICT)
    if status == 429:
        retry = reply.headers.get("Retry-After", "")
        suffix = f" (retry after {retry[:10]} s)" if retry else ""
        return PmsError(PmsErrorKind.UNREACHABLE, message + suffix, "rate_limited")
    if status == 408 or status >= 500:
        return PmsError(PmsErrorKind.UNREACHABLE, message, "timeout" if status == 408 else "server")
    return PmsError(PmsErrorKind.INVALID, message)
