"""The guest register's per-country rules, names matched to the booking, country codes,
and what a document gives the PMS (a Spanish DNI's support number included)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hotel_domain_factories import ADDRESS, mrz

from kiosk.domain.hotel.countries import ALPHA2, alpha2
from kiosk.domain.hotel.identity import identity_of, read_mrz, same_person
from kiosk.domain.hotel.pms import DocumentType
from kiosk.domain.hotel.register import (
    DEFAULT_RULE,
    RULES,
    RegisterData,
    RegisterField,
    Relationship,
    age_on,
    missing_fields,
    required_fields,
    rule_for,
)

F = RegisterField
TODAY = date(2026, 12, 5)
PASSPORT = RegisterData(
    surname="GARCIA LOPEZ",
    given_names="ANA",
    sex="F",
    birth_date=date(1985, 3, 2),
    nationality="ES",
    document_code="P",
    has_document_number=True,
    issuing_state="ESP",
    document_expiry=date(2031, 4, 15),
)


def names(fields: tuple[RegisterField, ...]) -> set[str]:
    return {f.value for f in fields}


@pytest.mark.parametrize(
    ("country", "nationality", "age", "missing"),
    [
        # Spain (SES.HOSPEDAJES): everyone; address and a contact; 14+ show an ID
        ("ES", "ES", 40, {"address", "contact"}),
        ("ES", "FR", 40, {"address", "contact"}),
        ("ES", "FR", 15, {"address", "contact"}),
        ("ES", "FR", 10, {"address", "relationship"}),
        # Italy (Alloggiati Web): everyone; the birth place
        ("IT", "IT", 40, {"birth_place"}),
        ("IT", "DE", 12, {"birth_place", "relationship"}),
        # Portugal, France, Germany, Great Britain: foreigners give more than nationals
        ("PT", "PT", 40, set()),
        ("PT", "ES", 40, {"birth_place", "residence_country"}),
        ("FR", "FR", 40, set()),
        ("FR", "ES", 40, {"birth_place", "address", "contact"}),
        ("FR", "ES", 12, {"relationship"}),
        ("DE", "DE", 40, set()),
        ("DE", "ES", 40, {"address"}),
        ("GB", "ES", 40, set()),
        # a country with no row: the document the kiosk reads of every adult
        ("US", "ES", 40, set()),
    ],
)
def test_what_each_country_asks(
    country: str, nationality: str, age: int, missing: set[str]
) -> None:
    data = replace(PASSPORT, nationality=nationality)
    assert names(missing_fields(rule_for(country), data, age)) == missing


def test_spains_register_asks_the_most() -> None:
    spain = rule_for("ES").fields
    for rule in RULES.values():
        assert len(rule.fields) <= len(spain)
    assert {F.ADDRESS, F.CONTACT, F.SUPPORT_NUMBER, F.DOCUMENT_NUMBER} <= spain
    assert rule_for("ES").report == "ses_hospedajes"
    assert rule_for("ES").document_from_age == 14


def test_a_spanish_id_card_needs_its_support_number() -> None:
    dni = replace(PASSPORT, document_code="I", address=ADDRESS, email="a@b.es")
    assert names(missing_fields(rule_for("ES"), dni, 40)) == {"support_number"}
    assert missing_fields(rule_for("ES"), replace(dni, has_support_number=True), 40) == ()
    # a French ID card in Spain has no support number to give
    french = replace(dni, issuing_state="FRA", nationality="FR")
    assert missing_fields(rule_for("ES"), french, 40) == ()


def test_an_adult_is_never_asked_for_a_relationship() -> None:
    for rule in (*RULES.values(), DEFAULT_RULE):
        assert F.RELATIONSHIP not in missing_fields(rule, PASSPORT, None)
        assert F.RELATIONSHIP not in missing_fields(rule, PASSPORT, 30)


def test_a_relationship_needs_the_adult_too() -> None:
    child = replace(PASSPORT, relationship=Relationship.PARENT, address=ADDRESS)
    assert F.RELATIONSHIP in missing_fields(rule_for("ES"), child, 8)
    assert F.RELATIONSHIP not in missing_fields(rule_for("ES"), replace(child, guardian_id="g1"), 8)


def test_the_rules_are_data_with_a_row_per_country() -> None:
    assert rule_for(" es ") is RULES["ES"]
    assert rule_for("ZZ") is DEFAULT_RULE
    assert required_fields(RULES["PT"], "PT", 40) == RULES["PT"].national_fields
    assert required_fields(RULES["ES"], "", None) == RULES["ES"].fields


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2012, 12, 5), date(2026, 12, 5), 14),
        (date(2012, 12, 6), date(2026, 12, 5), 13),
        (date(2008, 2, 29), date(2026, 2, 28), 17),
        (None, date(2026, 12, 5), None),
    ],
)
def test_age_on_a_day(born: date | None, on: date, age: int | None) -> None:
    assert age_on(born, on) == age


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surname", "given", "doc_surname", "doc_given", "same"),
    [
        ("García López", "Ana", "GARCIA LOPEZ", "ANA", True),
        ("García", "Ana", "GARCIA LOPEZ", "ANA", True),  # one of two surnames
        ("García López", "Ana", "GARCIA", "ANA", True),
        ("Müller", "Jürgen", "MUELLER", "JUERGEN", True),  # ICAO transliteration
        ("Müller", "Jürgen", "MULLER", "JURGEN", True),
        ("Søren", "Kierkegaard", "SOEREN", "KIERKEGAARD", True),
        ("O'Brien", "Seán", "OBRIEN", "SEAN", True),
        ("Van der Berg", "Anna Maria", "VAN DER BERG", "ANNA", True),  # a name left out
        ("García", "Ana", "MARTIN", "ANA", False),
        ("García", "Ana", "GARCIA", "LUISA", False),
    ],
)
def test_document_names_match_the_booking_tolerantly(
    surname: str, given: str, doc_surname: str, doc_given: str, same: bool
) -> None:
    document = read_mrz(mrz(doc_surname, doc_given), TODAY)
    assert document is not None
    assert same_person(surname, given, document) is same


def test_a_name_truncated_by_the_mrz_still_matches() -> None:
    long_given = "MARIA DE LOS ANGELES ESPERANZA"
    document = read_mrz(mrz("RODRIGUEZ DE LA FUENTE", long_given), TODAY)
    assert document is not None
    assert document.name_truncated
    assert same_person("Rodríguez de la Fuente", "María de los Ángeles Esperanza", document)


# --- what the PMS gets --------------------------------------------------------------------


def test_a_passport_gives_the_pms_alpha2_codes_and_the_whole_number() -> None:
    document = read_mrz(mrz(), TODAY)
    assert document is not None
    identity = identity_of(document, RegisterData())
    assert (identity.nationality, identity.document.issuing_state) == ("ES", "ES")
    assert identity.document.type is DocumentType.PASSPORT
    assert identity.document.number == "PAB123456"
    assert "PAB123456" not in repr(identity)


def test_a_spanish_dni_gives_its_number_and_its_support_number() -> None:
    lines = mrz(code="ID", layout="TD1", number="BAA000589", optional="99999999R")
    document = read_mrz(lines, TODAY)
    assert document is not None
    identity = identity_of(document, RegisterData())
    assert identity.document.type is DocumentType.IDENTITY_CARD
    assert (identity.document.number, identity.document.support_number) == (
        "99999999R",
        "BAA000589",
    )


@pytest.mark.parametrize(
    ("code", "country"),
    [("ESP", "ES"), ("D", "DE"), ("D<<", "DE"), ("GBR", "GB"), ("GBO", "GB"), ("UTO", ""),
     ("XXA", ""), ("RKS", "XK"), ("usa", "US")],
)  # fmt: skip
def test_mrz_states_to_alpha2(code: str, country: str) -> None:
    assert alpha2(code) == country


def test_the_country_table_is_one_to_one_but_for_icao_aliases() -> None:
    assert len(ALPHA2) > 250
    assert all(len(a3) in (1, 3) and len(a2) == 2 for a3, a2 in ALPHA2.items())
