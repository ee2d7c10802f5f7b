"""The bar-coded boarding pass (IATA Resolution 792, BCBP): what a pass holds.

Theory of operation. A BCBP string is fixed-width text in four parts:

1. the *mandatory unique* section (23 characters): format code ``M``, number of
   legs (1-4), passenger name (20), electronic ticket indicator (``E``);
2. per leg, the *mandatory repeated* section (37 characters) ending with a
   2-digit hex size of the leg's variable part that follows it;
3. the variable part: on the first leg only, ``>`` + version number + a hex
   size + the *conditional unique* fields (passenger description, sources of
   check-in and issuance, date of issue, document type, issuer, bag tags); then
   on every leg a hex size + the *conditional repeated* fields (airline numeric
   code, document serial, selectee, documentation verification, marketing
   carrier, frequent flyer, ID/AD, free baggage, fast track); what is left of
   the variable part is for the airline's own use;
4. an optional *security* section: ``^``, its type, a hex length and the data.

A conditional section holds a prefix of its fields: the size says how many
characters, and a reader of an older version stops where the size ends (a newer
version's extra fields are kept as ``*_extra``). Field values are kept as
printed, minus trailing blanks; ``None`` means the field was not in the data at
all. :mod:`kiosk.domain.travel.bcbp_parse` reads a string into
:class:`BoardingPass`; :mod:`kiosk.domain.travel.bcbp_encode` writes one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

FORMAT_CODE: Final = "M"
MAX_LEGS: Final = 4
NAME_LENGTH: Final = 20

# (attribute, field name as the Implementation Guide calls it, length)
FieldSpec = tuple[str, str, int]

MANDATORY_LEG_FIELDS: Final[tuple[FieldSpec, ...]] = (
    ("pnr", "operating carrier PNR code", 7),
    ("origin", "from city airport code", 3),
    ("destination", "to city airport code", 3),
    ("carrier", "operating carrier designator", 3),
    ("flight_number", "flight number", 5),
    ("flight_day", "date of flight", 3),
    ("compartment", "compartment code", 1),
    ("seat", "seat number", 4),
    ("check_in_sequence", "check-in sequence number", 5),
    ("passenger_status", "passenger status", 1),
)
MANDATORY_LEG_LENGTH: Final = sum(spec[2] for spec in MANDATORY_LEG_FIELDS) + 2

UNIQUE_FIELDS: Final[tuple[FieldSpec, ...]] = (
    ("passenger_description", "passenger description", 1),
    ("check_in_source", "source of check-in", 1),
    ("issuance_source", "source of boarding pass issuance", 1),
    ("issue_date_text", "date of issue of boarding pass", 4),
    ("document_type", "document type", 1),
    ("issuer", "airline designator of boarding pass issuer", 3),
    ("bag_tag_1", "baggage tag licence plate number(s)", 13),
    ("bag_tag_2", "1st non-consecutive baggage tag licence plate number(s)", 13),
    ("bag_tag_3", "2nd non-consecutive baggage tag licence plate number(s)", 13),
)

REPEATED_FIELDS: Final[tuple[FieldSpec, ...]] = (
    ("airline_numeric_code", "airline numeric code", 3),
    ("document_serial", "document form/serial number", 10),
    ("selectee", "selectee indicator", 1),
    ("documentation_verification", "international documentation verification", 1),
    ("marketing_carrier", "marketing carrier designator", 3),
    ("frequent_flyer_airline", "frequent flyer airline designator", 3),
    ("frequent_flyer_number", "frequent flyer number", 16),
    ("id_ad_indicator", "ID/AD indicator", 1),
    ("free_baggage_allowance", "free baggage allowance", 3),
    ("fast_track", "fast track", 1),
)


@dataclass(frozen=True)
class Leg:
    """One flight coupon: the mandatory repeated fields and the leg's conditional data.

    ``flight_day`` is the day of the year as printed (None when blank);
    ``flight_date`` is that day resolved against the reference date.
    """

    pnr: str
    origin: str
    destination: str
    carrier: str
    flight_number: str
    flight_day: int | None
    compartment: str
    seat: str
    check_in_sequence: str
    passenger_status: str
    flight_date: date | None = None
    airline_numeric_code: str | None = None
    document_serial: str | None = None
    selectee: str | None = None
    documentation_verification: str | None = None
    marketing_carrier: str | None = None
    frequent_flyer_airline: str | None = None
    frequent_flyer_number: str | None = None
    id_ad_indicator: str | None = None
    free_baggage_allowance: str | None = None
    fast_track: str | None = None
    repeated_extra: str = ""
    airline_use: str = ""

    def has_repeated_section(self) -> bool:
        """True when the leg carries a conditional repeated section (or airline data)."""
        return bool(self.repeated_extra or self.airline_use) or any(
            getattr(self, attribute) is not None for attribute, _, _ in REPEATED_FIELDS
        )


@dataclass(frozen=True)
class Security:
    """The security section: its type character and its data (a signature, as printed)."""

    type: str
    data: str


@dataclass(frozen=True)
class BoardingPass:
    """A parsed (or to-be-printed) BCBP.

    ``electronic_ticket`` is ``"E"`` normally, ``""`` when blank and None when the
    character is missing altogether (some airlines leave it out). ``version`` is
    None when the pass has no conditional unique section (no ``>``).
    ``warnings`` lists where the data bent the standard but could still be read.
    """

    passenger_name: str
    legs: tuple[Leg, ...]
    electronic_ticket: str | None = "E"
    version: str | None = None
    passenger_description: str | None = None
    check_in_source: str | None = None
    issuance_source: str | None = None
    issue_date_text: str | None = None
    document_type: str | None = None
    issuer: str | None = None
    bag_tag_1: str | None = None
    bag_tag_2: str | None = None
    bag_tag_3: str | None = None
    unique_extra: str = ""
    issue_date: date | None = None
    security: Security | None = None
    warnings: tuple[str, ...] = ()

    @property
    def surname(self) -> str:
        """The name before the ``/`` (the whole name if there is none)."""
        return self.passenger_name.partition("/")[0].strip()

    @property
    def given_names(self) -> str:
        """The name after the ``/`` (may hold a title such as ``MR``)."""
        return self.passenger_name.partition("/")[2].strip()

    @property
    def bag_tags(self) -> tuple[str, ...]:
        """The non-blank bag tag fields, in order."""
        tags = (self.bag_tag_1, self.bag_tag_2, self.bag_tag_3)
        return tuple(tag for tag in tags if tag)

    def has_unique_section(self) -> bool:
        """True when the pass carries ``>`` and the conditional unique section."""
        return (
            self.version is not None
            or bool(self.unique_extra)
            or any(getattr(self, attribute) is not None for attribute, _, _ in UNIQUE_FIELDS)
        )


def licence_plates(tag: str) -> tuple[str, ...]:
    """The 10-digit bag tag numbers of a 13-digit BCBP bag tag field.

    The field is the first licence plate (leading digit, airline numeric code,
    6-digit serial) and 3 digits counting the consecutive tags that follow it.
    Returns () for a blank or non-numeric field.
    """
    if len(tag) != 13 or not tag.isdigit():
        return ()
    first, following = int(tag[4:10]), int(tag[10:13])
    return tuple(f"{tag[:4]}{(first + step) % 1_000_000:06d}" for step in range(following + 1))


def julian_day(flight: date) -> int:
    """The day of the year of ``flight``, as a BCBP prints the date of flight."""
    return flight.timetuple().tm_yday
