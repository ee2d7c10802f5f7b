"""The simulator's sample documents: each parses as the contract describes, ``garbled`` never."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.devices.docreader.samples import DESCRIPTIONS, GARBLED, SAMPLE_DOCUMENTS
from kiosk.domain.travel import MrzError, parse_mrz

TODAY = date(2026, 12, 5)


EXPECTED = {
    "anna": ("TD3", "UTO", "ERIKSSON", "ANNA MARIA", "F", date(1974, 8, 12), date(2032, 4, 15)),
    "lars": ("TD3", "UTO", "ERIKSSON", "LARS", "M", date(1972, 3, 1), date(2031, 9, 30)),
    "anna_expired": (
        "TD3",
        "UTO",
        "ERIKSSON",
        "ANNA MARIA",
        "F",
        date(1974, 8, 12),
        date(2012, 4, 15),
    ),
    "stranger": ("TD3", "UTO", "SMITH", "JOHN", "M", date(1980, 1, 20), date(2030, 6, 30)),
    "kenji": ("TD3", "JPN", "NAKAMURA", "KENJI", "M", date(1985, 5, 5), date(2033, 5, 4)),
    "td1_card": (
        "TD1",
        "UTO",
        "ERIKSSON",
        "ANNA MARIA",
        "F",
        date(1974, 8, 12),
        date(2031, 4, 15),
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_parses_to_the_contract_data(name: str) -> None:
    document = parse_mrz(SAMPLE_DOCUMENTS[name], TODAY)
    assert document.nationality == document.issuing_state
    assert (
        document.format,
        document.issuing_state,
        document.primary_name,
        document.secondary_name,
        document.sex,
        document.birth_date,
        document.expiry_date,
    ) == EXPECTED[name]
    assert document.corrections == ()
    assert document.valid_on(TODAY) is (name != "anna_expired")


def test_every_sample_but_garbled_is_checked_above() -> None:
    assert set(SAMPLE_DOCUMENTS) == {*EXPECTED, GARBLED}


def test_anna_and_lars_passports_are_the_icao_specimen_layout() -> None:
    assert SAMPLE_DOCUMENTS["anna"][0] == "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
    # the expired one is ICAO Doc 9303's own TD3 specimen, check digits and all
    assert SAMPLE_DOCUMENTS["anna_expired"][1] == "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
    assert parse_mrz(SAMPLE_DOCUMENTS["lars"], TODAY).document_number == "L898902D4"


def test_garbled_fails_on_a_check_digit() -> None:
    with pytest.raises(MrzError, match="birth date check digit"):
        parse_mrz(SAMPLE_DOCUMENTS[GARBLED], TODAY)


def test_every_sample_has_a_description_and_a_legal_shape() -> None:
    assert set(DESCRIPTIONS) == set(SAMPLE_DOCUMENTS)
    for lines in SAMPLE_DOCUMENTS.values():
        assert {len(line) for line in lines} in ({44}, {30})
        assert len(lines) == (3 if len(lines[0]) == 30 else 2)
