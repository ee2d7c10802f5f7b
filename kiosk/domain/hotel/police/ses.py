"""Spain's parte de viajeros (SES.HOSPEDAJES): what one check-in reports, as data.

Theory of operation. :func:`traveller_report` turns a finished check-in visit into
a :class:`TravellerReport` - one ``comunicacion`` of the published
``altaParteHospedaje`` request: the establishment's code, the contract (the
booking: reference, dates, people, how it is paid) and one :class:`Person` per
registered guest, all with role ``VI`` (viajero). The XML, its schema and the web
service live in ``kiosk.backoffice.ses``; ``docs/ses-hospedajes.md`` names the
sources and the decisions taken where they are silent. In short:

* the names are the document's; a Spanish DNI or NIE holder's surname is split
  into ``apellido1`` / ``apellido2`` at the first word (particles such as ``DE``,
  ``DEL``, ``LA`` stay with the word they introduce); others send the whole
  surname as ``apellido1``;
* ``tipoDocumento``: ``PAS`` for a passport, ``NIF`` / ``NIE`` for a Spanish
  identity card whose number is a DNI / NIE (then ``soporteDocumento`` is
  required), ``OTRO`` for any other identity card; a minor (under 18) without a
  document of their own sends none, with ``parentesco`` instead;
* ``sexo``: the MRZ's ``M`` / ``F`` / ``X`` are SES's ``H`` / ``M`` / ``O``;
  nationality and country ISO 3166-1 alpha-3;
* the address and contact are the guest's own, else the first registered adult's
  (a family travels from one home); an address in Spain goes by the INE
  municipality code (``codigoMunicipio``): the one the guest picked at the kiosk
  (``Address.municipality_code``), else the town of the postal code's province
  with exactly the address's town name (:mod:`.municipalities`); a town that is
  neither is refused with the field named;
* ``fechaEntrada`` is the check-in moment, ``fechaSalida`` the stay's scheduled
  departure, both in the hotel's local time; ``fechaContrato`` the check-in day
  (the kiosk does not know when the booking was made); ``tipoPago`` is ``TARJT``
  when a card was used at the kiosk, else ``DESTI`` (paid at the hotel);
* free text longer than the schema allows is cut to its length; a missing field
  the report cannot go without is a :class:`ReportIncomplete` naming it.

Document numbers are in this report because the law asks for them; never an MRZ
(invariant 6), and ``repr`` hides the numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kiosk.domain.hotel.countries import ALPHA2
from kiosk.domain.hotel.pms import Address, DocumentType, IdentityDocument
from kiosk.domain.hotel.police import SES_HOSPEDAJES, duty_of
from kiosk.domain.hotel.police.municipalities import default_table, province_of
from kiosk.domain.hotel.register import RegisterData, Relationship, age_on
from kiosk.domain.hotel.states import GuestCheck, GuestState, HotelState, Purpose

#: SES's age of majority: from it a traveller shows a document; under it, ``parentesco``.
ADULT_AGE = 18
#: The schema's lengths (``docs/ses-hospedajes.md``).
LENGTHS = {
    "establishment": 10,
    "reference": 50,
    "name": 50,
    "document_number": 15,
    "support_number": 9,
    "street": 100,
    "municipality": 100,
    "postal_code": 20,
    "phone": 20,
    "email": 250,
}

_DNI = re.compile(r"^[0-9]{8}[A-Z]$")
_IDENTIFIER = re.compile(r"[A-Z0-9]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_NIE = re.compile(r"^[XYZ][0-9]{7}[A-Z]$")
_PARTICLES = frozenset({"DE", "DEL", "LA", "LAS", "LOS", "Y", "SAN", "SANTA"})
_SEX = {"M": "H", "F": "M", "X": "O"}
#: What the accompanying adult is to the minor (SES's TIPO_PARENTESCO catalogue).
RELATIONSHIP_CODES = {
    Relationship.PARENT: "PM",
    Relationship.GRANDPARENT: "AB",
    Relationship.SIBLING: "HR",
    Relationship.UNCLE_AUNT: "TI",
    Relationship.LEGAL_GUARDIAN: "TU",
    Relationship.OTHER: "OT",
}
#: ISO 3166-1 alpha-2 to alpha-3 (the first alpha-3 listed for each country).
ALPHA3: dict[str, str] = {}
for _a3, _a2 in ALPHA2.items():
    if (len(_a3) == 3 and not _a3.startswith("GB")) or _a3 == "GBR":
        ALPHA3.setdefault(_a2, _a3)


class ReportIncomplete(ValueError):
    """The report cannot be built: ``guest`` (a guest id, ``""`` for the stay) lacks
    ``field`` (a register field name, or ``establishment``, ``second_surname``,
    ``address.municipality_code``, ``departure`` ...)."""

    def __init__(self, guest: str, field_name: str, detail: str = "") -> None:
        self.guest = guest
        self.field = field_name
        where = f"guest {guest}" if guest else "the stay"
        super().__init__(f"{where}: {field_name} {detail or 'is missing'}")


@dataclass(frozen=True, slots=True)
class SesAddress:
    street: str  # direccion
    postal_code: str  # codigoPostal
    country: str  # pais, alpha-3
    municipality: str = ""  # nombreMunicipio (outside Spain)
    municipality_code: str = ""  # codigoMunicipio, INE (in Spain)
    extra: str = ""  # direccionComplementaria


@dataclass(frozen=True, slots=True)
class Person:
    """One ``persona`` of the report (role ``VI``)."""

    given_names: str
    surname1: str
    surname2: str
    birth_date: date
    address: SesAddress
    document_type: str = ""  # NIF | NIE | PAS | OTRO | "" (a minor without one)
    document_number: str = field(default="", repr=False)
    support_number: str = field(default="", repr=False)
    nationality: str = ""  # alpha-3
    sex: str = ""  # H | M | O
    phone: str = ""
    email: str = ""
    relationship: str = ""  # parentesco, a minor's
    role: str = "VI"


@dataclass(frozen=True, slots=True)
class Contract:
    """The ``contrato``: the booking as checked in (local times, no zone)."""

    reference: str
    contract_date: date
    arrival: datetime
    departure: datetime
    persons: int
    payment_type: str  # TIPO_PAGO: TARJT, DESTI, ...
    rooms: int = 1


@dataclass(frozen=True, slots=True)
class TravellerReport:
    """One check-in's parte de viajeros (``report``: which service it goes to)."""

    checkin_id: str
    stay_id: str
    establishment: str
    contract: Contract
    persons: tuple[Person, ...]
    report: str = SES_HOSPEDAJES


def clean(text: str) -> str:
    """``text`` as XML can carry it: control, format and unassigned characters dropped,
    any run of spaces one space, no space at either end."""
    kept = "".join(
        " " if unicodedata.category(c).startswith("Z") else c
        for c in text
        if not unicodedata.category(c).startswith("C") or c in "\t\n\r"
    )
    return " ".join(kept.split())


def _clip(text: str, what: str) -> str:
    return clean(text)[: LENGTHS[what]].strip()


def alpha3(code: str) -> str:
    """The alpha-3 code of alpha-2 ``code`` (``"ES"`` -> ``"ESP"``), or ``""``."""
    return ALPHA3.get(code.strip().upper(), "")


def split_surname(surname: str) -> tuple[str, str]:
    """A Spanish surname's two parts: ``"GARCIA LOPEZ"`` -> ``("GARCIA", "LOPEZ")``,
    ``"DE LA FUENTE RUIZ"`` -> ``("DE LA FUENTE", "RUIZ")``; one word: ``(word, "")``."""
    words = surname.split()
    first: list[str] = []
    for i, word in enumerate(words):
        first.append(word)
        if word.upper() not in _PARTICLES:
            return " ".join(first), " ".join(words[i + 1 :])
    return " ".join(first), ""


def document_type_of(document: IdentityDocument) -> str:
    """SES's TIPO_DOCUMENTO of ``document`` (see the module)."""
    if document.type is DocumentType.PASSPORT:
        return "PAS"
    if document.issuing_state == "ES" and _DNI.match(document.number):
        return "NIF"
    if document.issuing_state == "ES" and _NIE.match(document.number):
        return "NIE"
    return "OTRO"


def payment_type_of(state: HotelState) -> str:
    """``TARJT`` when the kiosk's card terminal approved anything for the stay, else
    ``DESTI``."""
    used = any(p.outcome in ("approved", "confirmed") for p in state.payments)
    return "TARJT" if used else "DESTI"


def _address(guest: str, address: Address) -> SesAddress:
    country = alpha3(address.country)
    if not clean(address.line1) or not country:
        raise ReportIncomplete(guest, "address")
    if country == "ESP":
        return _spanish_address(guest, address)
    if not clean(address.city) or not clean(address.postal_code):
        raise ReportIncomplete(guest, "address", "has no town or postal code")
    return SesAddress(
        street=_clip(address.line1, "street"),
        postal_code=_clip(address.postal_code, "postal_code"),
        country=country,
        municipality=_clip(address.city, "municipality"),
        extra=_clip(address.line2, "street"),
    )


def _spanish_address(guest: str, address: Address) -> SesAddress:
    """An address in Spain: its town by INE code, the one the guest picked or else the
    one of the postal code's province with the town's exact name."""
    if not clean(address.line1):
        raise ReportIncomplete(guest, "address")
    postal = clean(address.postal_code)
    province = province_of(postal)
    if not province:
        raise ReportIncomplete(guest, "address.postal_code", "is not a Spanish one (5 digits)")
    table = default_table()
    code = address.municipality_code.strip() or table.code_for(province, address.city)
    town = table.get(code)
    if town is None:
        raise ReportIncomplete(
            guest, "address.municipality_code", "(INE code) is needed: the town is not in the table"
        )
    if town.province != province:
        raise ReportIncomplete(
            guest, "address.municipality_code", "is not in the postal code's province"
        )
    return SesAddress(
        street=_clip(address.line1, "street"),
        postal_code=postal,
        country="ESP",
        municipality_code=town.code,
        extra=_clip(address.line2, "street"),
    )


def _names(guest: GuestState, data: RegisterData, kind: str) -> tuple[str, str, str]:
    given = clean(data.given_names) or clean(guest.given_names)
    surname = clean(data.surname) or clean(guest.surname)
    if not given:
        raise ReportIncomplete(guest.guest_id, "given_names")
    if not surname:
        raise ReportIncomplete(guest.guest_id, "surname")
    first, second = split_surname(surname) if kind in ("NIF", "NIE") else (surname, "")
    if kind == "NIF" and not second:
        raise ReportIncomplete(guest.guest_id, "second_surname", "is required with a DNI")
    return _clip(given, "name"), _clip(first, "name"), _clip(second, "name")


def _document(
    guest: GuestState, document: IdentityDocument | None, adult: bool
) -> tuple[str, str, str]:
    if document is None or not document.number.strip():
        if adult:
            raise ReportIncomplete(guest.guest_id, "document_number")
        return "", "", ""
    kind = document_type_of(document)
    number = document.number.strip().upper()
    if len(number) > LENGTHS["document_number"] or not _IDENTIFIER.fullmatch(number):
        raise ReportIncomplete(guest.guest_id, "document_number", "is not 1-15 letters or digits")
    support = document.support_number.strip().upper()
    if kind in ("NIF", "NIE") and not support:
        raise ReportIncomplete(guest.guest_id, "support_number")
    if support and (len(support) > LENGTHS["support_number"] or not _IDENTIFIER.fullmatch(support)):
        raise ReportIncomplete(guest.guest_id, "support_number", "is not 1-9 letters or digits")
    return kind, number, support


def _contact(data: RegisterData) -> tuple[str, str]:
    """The telephone and e-mail the report can carry (an unusable one is left out)."""
    phone = _clip(data.phone, "phone")
    email = clean(data.email)
    if len(email) > LENGTHS["email"] or not _EMAIL.fullmatch(email):
        email = ""
    return phone, email


def person_of(
    guest: GuestState,
    document: IdentityDocument | None,
    day: date,
    lead: RegisterData | None,
) -> Person:
    """The ``persona`` of one registered guest (``document``: the one they showed, or
    None; ``day``: the check-in day, for their age; ``lead``: the first registered
    adult's data, whose address and contact serve a guest without their own).

    Raises:
        ReportIncomplete: naming the guest and the missing field.
    """
    data, gid = guest.data, guest.guest_id
    if data.birth_date is None:
        raise ReportIncomplete(gid, "birth_date")
    age = age_on(data.birth_date, day)
    adult = age is None or age >= ADULT_AGE
    kind, number, support = _document(guest, document, adult)
    given, surname1, surname2 = _names(guest, data, kind)
    nationality = alpha3(data.nationality)
    if adult and not nationality:
        raise ReportIncomplete(gid, "nationality")
    address = data.address or (lead.address if lead is not None else None)
    if address is None:
        raise ReportIncomplete(gid, "address")
    phone, email = _contact(data)
    if not (phone or email) and lead is not None:
        phone, email = _contact(lead)
    if not (phone or email):
        raise ReportIncomplete(gid, "contact", "is missing (an e-mail address or a telephone)")
    relationship = ""
    if not adult:
        if data.relationship is None:
            raise ReportIncomplete(gid, "relationship")
        relationship = RELATIONSHIP_CODES[data.relationship]
    return Person(
        given_names=given,
        surname1=surname1,
        surname2=surname2,
        birth_date=data.birth_date,
        address=_address(gid, address),
        document_type=kind,
        document_number=number,
        support_number=support,
        nationality=nationality,
        sex=_SEX.get(data.sex.strip().upper(), ""),
        phone=phone,
        email=email,
        relationship=relationship,
    )


def owes_report(state: HotelState) -> bool:
    """Whether this finished visit is a check-in the hotel's country must report."""
    return (
        duty_of(state.settings.country) == SES_HOSPEDAJES
        and state.purpose is Purpose.CHECK_IN
        and state.checked_in
        and state.stay is not None
        and any(g.check is GuestCheck.DONE for g in state.guests)
    )


def traveller_report(
    state: HotelState,
    documents: Mapping[str, IdentityDocument],
    *,
    at: datetime,
    establishment: str,
) -> TravellerReport | None:
    """The parte de viajeros of the finished visit ``state`` (None: nothing to report,
    see :func:`owes_report`).

    Args:
        state: the visit's final state.
        documents: the documents the guests showed, by the guest's PMS id (or visit id).
        at: when the guests checked in (UTC, aware).
        establishment: SES's code of the establishment (``[hotel] ses_establishment``).

    Raises:
        ReportIncomplete: naming the guest (or the stay) and the field.
    """
    if not owes_report(state):
        return None
    stay = state.stay
    assert stay is not None
    code = establishment.strip()
    if not code or len(code) > LENGTHS["establishment"]:
        raise ReportIncomplete("", "establishment", "code must be 1-10 characters")
    offset = timedelta(minutes=state.settings.utc_offset_minutes)
    arrival = (at + offset).replace(tzinfo=None, microsecond=0)
    departure = (stay.departure_at + offset).replace(tzinfo=None, microsecond=0)
    if departure <= arrival:
        raise ReportIncomplete("", "departure", "is not after the check-in")
    day = arrival.date()
    registered = [g for g in state.guests if g.check is GuestCheck.DONE]
    lead = next((g.data for g in registered if not g.minor), None)
    persons = tuple(
        person_of(g, documents.get(g.pms_id) or documents.get(g.guest_id), day, lead)
        for g in registered
    )
    reference = _clip(stay.confirmation_number or stay.stay_id, "reference")
    if not reference:
        raise ReportIncomplete("", "reference")
    contract = Contract(
        reference=reference,
        contract_date=day,
        arrival=arrival,
        departure=departure,
        persons=len(persons),
        payment_type=payment_type_of(state),
    )
    return TravellerReport(state.checkin_id, stay.stay_id, code, contract, persons)
