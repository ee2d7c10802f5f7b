"""The guest register: what each country's law asks a hotel to record of a guest, as data.

Theory of operation. Many countries oblige hotels to record their guests and,
in some, to report them to the police (Spain's SES.HOSPEDAJES "parte de
viajeros", Italy's Alloggiati Web). What must be recorded differs by country,
by the guest's age and sometimes by whether the guest is a foreigner. Each
country is one :class:`RegisterRule` row in :data:`RULES` (the hotel's country,
``HotelSettings.country``, picks it; an unlisted country gets
:data:`DEFAULT_RULE`): who is concerned, from which age a guest shows an
identity document of their own, and the :class:`RegisterField` s required of
a guest of that age and of a younger one (who is registered with their adult).

The journey builds a :class:`RegisterData` per guest from the MRZ read and the
details the guest typed, and asks :func:`missing_fields` what is still missing;
the fields a guest can type (:data:`GUEST_SUPPLIED`) are asked on the details
screen, anything else missing calls staff. The rows below follow the public
rules as we read them; a hotel's legal adviser should check its country's row
before use (``docs/hotel.md``). Adding a country is adding a row: no code.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from kiosk.domain.hotel.pms import Address


class RegisterField(enum.Enum):
    """One thing a guest register records (values are used in notices and the record)."""

    SURNAME = "surname"
    GIVEN_NAMES = "given_names"
    SEX = "sex"
    BIRTH_DATE = "birth_date"
    BIRTH_PLACE = "birth_place"
    NATIONALITY = "nationality"
    DOCUMENT_TYPE = "document_type"
    DOCUMENT_NUMBER = "document_number"
    SUPPORT_NUMBER = "support_number"  # Spanish DNI / NIE "número de soporte"
    ISSUING_STATE = "issuing_state"
    DOCUMENT_EXPIRY = "document_expiry"
    ADDRESS = "address"  # street, city, postal code and country of residence
    RESIDENCE_COUNTRY = "residence_country"
    CONTACT = "contact"  # an e-mail address or a telephone number
    RELATIONSHIP = "relationship"  # a minor's relationship to the adult they are with


#: What a guest can type on the details screen (anything else comes from the document).
GUEST_SUPPLIED = frozenset(
    {
        RegisterField.SEX,
        RegisterField.NATIONALITY,
        RegisterField.BIRTH_DATE,
        RegisterField.BIRTH_PLACE,
        RegisterField.SUPPORT_NUMBER,
        RegisterField.ADDRESS,
        RegisterField.RESIDENCE_COUNTRY,
        RegisterField.CONTACT,
        RegisterField.RELATIONSHIP,
    }
)


class Relationship(enum.Enum):
    """A minor's relationship to the adult guest they are registered with."""

    PARENT = "parent"
    GRANDPARENT = "grandparent"
    SIBLING = "sibling"
    UNCLE_AUNT = "uncle_aunt"
    LEGAL_GUARDIAN = "legal_guardian"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class RegisterRule:
    """One country's guest register (see the module docstring).

    ``foreigners_only``: nationals of ``country`` give only ``national_fields``;
    ``document_from_age``: a guest this old or older shows an identity document
    (the kiosk also reads one for every adult, whatever the country);
    ``support_number_states``: MRZ issuers whose identity cards need the support
    number (Spain's DNI and NIE); ``report``: the register is sent to an authority
    (``""``: kept at the hotel only).
    """

    country: str
    register: str
    report: str
    foreigners_only: bool
    document_from_age: int
    fields: frozenset[RegisterField]
    minor_fields: frozenset[RegisterField]
    national_fields: frozenset[RegisterField] = frozenset()
    support_number_states: tuple[str, ...] = ()


_F = RegisterField
_NAMES = frozenset({_F.SURNAME, _F.GIVEN_NAMES})
_DOCUMENT = frozenset({_F.DOCUMENT_TYPE, _F.DOCUMENT_NUMBER, _F.ISSUING_STATE})
_PERSON = _NAMES | {_F.SEX, _F.BIRTH_DATE, _F.NATIONALITY}

#: The rules by the hotel's country (ISO 3166-1 alpha-2).
RULES: dict[str, RegisterRule] = {
    rule.country: rule
    for rule in (
        RegisterRule(
            country="ES",
            register="Registro documental de hospedaje (Real Decreto 933/2021)",
            report="ses_hospedajes",
            foreigners_only=False,
            document_from_age=14,
            fields=_PERSON | _DOCUMENT | {_F.SUPPORT_NUMBER, _F.ADDRESS, _F.CONTACT},
            minor_fields=_PERSON | {_F.ADDRESS, _F.RELATIONSHIP},
            support_number_states=("ESP",),
        ),
        RegisterRule(
            country="IT",
            register="Schedina alloggiati (TULPS art. 109)",
            report="alloggiati_web",
            foreigners_only=False,
            document_from_age=18,
            fields=_PERSON | _DOCUMENT | {_F.BIRTH_PLACE},
            minor_fields=_PERSON | {_F.BIRTH_PLACE, _F.RELATIONSHIP},
        ),
        RegisterRule(
            country="PT",
            register="Boletim de alojamento",
            report="",
            foreigners_only=True,
            document_from_age=18,
            fields=_PERSON | _DOCUMENT | {_F.BIRTH_PLACE, _F.RESIDENCE_COUNTRY},
            minor_fields=_PERSON | {_F.RELATIONSHIP},
            national_fields=_NAMES,
        ),
        RegisterRule(
            country="FR",
            register="Fiche individuelle de police",
            report="",
            foreigners_only=True,
            document_from_age=15,
            fields=_PERSON | {_F.BIRTH_PLACE, _F.ADDRESS, _F.CONTACT},
            minor_fields=_NAMES | {_F.BIRTH_DATE, _F.RELATIONSHIP},
            national_fields=_NAMES,
        ),
        RegisterRule(
            country="DE",
            register="Besonderer Meldeschein (BMG §30)",
            report="",
            foreigners_only=True,
            document_from_age=18,
            fields=_PERSON | _DOCUMENT | {_F.ADDRESS},
            minor_fields=_NAMES | {_F.RELATIONSHIP},
            national_fields=_NAMES,
        ),
        RegisterRule(
            country="GB",
            register="Immigration (Hotel Records) Order 1972",
            report="",
            foreigners_only=True,
            document_from_age=16,
            fields=_NAMES | {_F.NATIONALITY, _F.DOCUMENT_NUMBER, _F.ISSUING_STATE},
            minor_fields=_NAMES | {_F.NATIONALITY},
            national_fields=_NAMES | {_F.NATIONALITY},
        ),
    )
}

#: A country without a row: names, and the document the kiosk reads of every adult.
DEFAULT_RULE = RegisterRule(
    country="",
    register="",
    report="",
    foreigners_only=False,
    document_from_age=18,
    fields=_NAMES | _DOCUMENT,
    minor_fields=_NAMES,
)


def rule_for(country: str) -> RegisterRule:
    """The rule of the hotel's ``country`` (alpha-2), or :data:`DEFAULT_RULE`."""
    return RULES.get(country.strip().upper(), DEFAULT_RULE)


@dataclass(frozen=True, slots=True)
class RegisterData:
    """What the lane has collected of one guest for the register.

    Names and dates as read or typed; ``nationality`` alpha-2 (``""`` unknown);
    ``document_code`` and ``issuing_state`` as the MRZ prints them; the document
    number and support number themselves are not held here, only whether they
    were read (they go to the PMS in memory only: invariant 6).
    """

    surname: str = ""
    given_names: str = ""
    sex: str = ""
    birth_date: date | None = None
    birth_place: str = ""
    nationality: str = ""
    document_code: str = ""
    has_document_number: bool = False
    has_support_number: bool = False
    issuing_state: str = ""
    document_expiry: date | None = None
    address: Address | None = None
    email: str = ""
    phone: str = ""
    relationship: Relationship | None = None
    guardian_id: str = ""


def age_on(birth_date: date | None, day: date) -> int | None:
    """Whole years of age on ``day`` (None when the birth date is unknown)."""
    if birth_date is None:
        return None
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def required_fields(
    rule: RegisterRule, nationality: str, age: int | None
) -> frozenset[RegisterField]:
    """The fields ``rule`` asks of a guest of ``nationality`` (alpha-2) aged ``age``
    (None: unknown, counted as an adult)."""
    if rule.foreigners_only and nationality and nationality == rule.country:
        return rule.national_fields
    if age is not None and age < rule.document_from_age:
        return rule.minor_fields
    return rule.fields


def _present(field: RegisterField, data: RegisterData, rule: RegisterRule) -> bool:
    address = data.address
    checks = {
        _F.SURNAME: bool(data.surname.strip()),
        _F.GIVEN_NAMES: bool(data.given_names.strip()),
        _F.SEX: bool(data.sex),
        _F.BIRTH_DATE: data.birth_date is not None,
        _F.BIRTH_PLACE: bool(data.birth_place.strip()),
        _F.NATIONALITY: bool(data.nationality),
        _F.DOCUMENT_TYPE: bool(data.document_code),
        _F.DOCUMENT_NUMBER: data.has_document_number,
        _F.SUPPORT_NUMBER: data.has_support_number
        or not (
            data.document_code.startswith("I") and data.issuing_state in rule.support_number_states
        ),
        _F.ISSUING_STATE: bool(data.issuing_state),
        _F.DOCUMENT_EXPIRY: data.document_expiry is not None,
        _F.ADDRESS: address is not None
        and all(
            x.strip() for x in (address.line1, address.city, address.postal_code, address.country)
        ),
        _F.RESIDENCE_COUNTRY: address is not None and bool(address.country.strip()),
        _F.CONTACT: bool(data.email.strip() or data.phone.strip()),
        _F.RELATIONSHIP: data.relationship is not None and bool(data.guardian_id),
    }
    return checks[field]


def missing_fields(
    rule: RegisterRule, data: RegisterData, age: int | None
) -> tuple[RegisterField, ...]:
    """The fields ``rule`` requires of this guest that ``data`` lacks, in a fixed order.

    A minor's relationship is asked only of a minor (``age`` known and under 18),
    whatever the row says of younger guests.
    """
    wanted = required_fields(rule, data.nationality, age)
    if age is None or age >= 18:
        wanted = wanted - {_F.RELATIONSHIP}
    return tuple(f for f in RegisterField if f in wanted and not _present(f, data, rule))
