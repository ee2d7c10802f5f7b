"""Traveller reports for the SES tests: a couple, a family, and guests built by hypothesis."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from hypothesis import strategies as st

from kiosk.domain.hotel.pms import Address
from kiosk.domain.hotel.police.ses import (
    Contract,
    Person,
    SesAddress,
    TravellerReport,
)
from kiosk.domain.hotel.register import RegisterData, Relationship
from kiosk.domain.hotel.states import GuestCheck, GuestState

HOME = SesAddress("Rua Augusta 1", "1100-048", "PRT", municipality="Lisboa")


def _spaniard(names: tuple[str, str, str], born: date, sex: str, **rest: str) -> Person:
    """A Spanish guest living at HOME; ``names``: given names and both surnames."""
    return Person(*names, born, HOME, nationality="ESP", sex=sex, **rest)


# fmt: off
ANA = _spaniard(("ANA", "GARCIA", "LOPEZ"), date(1985, 3, 2), "M", document_type="NIF",
                document_number="12345678Z", support_number="BAA000589", email="ana@example.com")
LUIS = _spaniard(("LUIS", "MARTIN", ""), date(1983, 7, 9), "H", document_type="PAS",
                 document_number="PXC765432", phone="+34600111222")
PABLO = _spaniard(("PABLO", "GARCIA", "MARTIN"), date(2019, 6, 1), "H", email="ana@example.com",
                  relationship="PM")
# fmt: on


def report(*persons: Person, reference: str = "4701", checkin_id: str = "v1") -> TravellerReport:
    people = persons or (ANA, LUIS)
    contract = Contract(
        reference=reference,
        contract_date=date(2026, 12, 5),
        arrival=datetime(2026, 12, 5, 16, 0),
        departure=datetime(2026, 12, 8, 12, 0),
        persons=len(people),
        payment_type="TARJT",
    )
    return TravellerReport(checkin_id, "s1", "0000000042", contract, tuple(people))


def with_contract(built: TravellerReport, **changes: object) -> TravellerReport:
    return replace(built, contract=replace(built.contract, **changes))  # type: ignore[arg-type]


# -- guests as the kiosk collects them, anything goes -------------------------------------

_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
_country = st.sampled_from(["ES", "PT", "FR", "DE", "GB", "US", "", "XX", "es"])
addresses = st.one_of(
    st.none(),
    st.builds(Address, _text, _text, _text, _country, _text),
)
register_data = st.builds(
    RegisterData,
    surname=_text,
    given_names=_text,
    sex=st.sampled_from(["M", "F", "X", "", "Q"]),
    birth_date=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2026, 12, 5))),
    nationality=_country,
    address=addresses,
    email=st.one_of(st.just(""), st.emails(), _text),
    phone=_text,
    relationship=st.one_of(st.none(), st.sampled_from(Relationship)),
    guardian_id=st.just("g1"),
)
guests = st.builds(
    lambda gid, data, minor: GuestState(
        gid,
        data.surname,
        data.given_names,
        pms_id=gid,
        minor=minor,
        check=GuestCheck.DONE,
        data=data,
    ),
    st.sampled_from(["g1", "g2", "g3"]),
    register_data,
    st.booleans(),
)
