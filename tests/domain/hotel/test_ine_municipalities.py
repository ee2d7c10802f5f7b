"""Spain's INE municipality table and the town of an address in Spain.

kiosk.domain.hotel.police.municipalities: the shipped table (complete, well formed),
the postal code's province, the towns offered for what a guest types, and the parser
against garbage; kiosk.domain.hotel.police.ses: an address in Spain reported by code.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hotel_police_report import adult, report, visit

from kiosk.domain.hotel.pms import Address
from kiosk.domain.hotel.police.municipalities import (
    COLUMNS,
    Municipality,
    TableError,
    control_digit,
    default_table,
    fold,
    parse_table,
    province_of,
)
from kiosk.domain.hotel.police.ses import ReportIncomplete

HEADER = ",".join(COLUMNS)

#: Each province's capital (INE codes as published; the names as the INE writes them).
CAPITALS = {
    "01059": "Vitoria-Gasteiz", "02003": "Albacete", "03014": "Alicante/Alacant",
    "04013": "Almería", "05019": "Ávila", "06015": "Badajoz", "07040": "Palma",
    "08019": "Barcelona", "09059": "Burgos", "10037": "Cáceres", "11012": "Cádiz",
    "12040": "Castelló de la Plana", "13034": "Ciudad Real", "14021": "Córdoba",
    "15030": "Coruña, A", "16078": "Cuenca", "17079": "Girona", "18087": "Granada",
    "19130": "Guadalajara", "20069": "Donostia/San Sebastián", "21041": "Huelva",
    "22125": "Huesca", "23050": "Jaén", "24089": "León", "25120": "Lleida",
    "26089": "Logroño", "27028": "Lugo", "28079": "Madrid", "29067": "Málaga",
    "30030": "Murcia", "31201": "Pamplona/Iruña", "32054": "Ourense", "33044": "Oviedo",
    "34120": "Palencia", "35016": "Palmas de Gran Canaria, Las", "36038": "Pontevedra",
    "37274": "Salamanca", "38038": "Santa Cruz de Tenerife", "39075": "Santander",
    "40194": "Segovia", "41091": "Sevilla", "42173": "Soria", "43148": "Tarragona",
    "44216": "Teruel", "45168": "Toledo", "46250": "València", "47186": "Valladolid",
    "48020": "Bilbao", "49275": "Zamora", "50297": "Zaragoza", "51001": "Ceuta",
    "52001": "Melilla",
}  # fmt: skip


def test_the_shipped_table_is_the_ine_whole_list_well_formed_and_unique() -> None:
    table = default_table()
    assert len(table) == 8131  # diccionario21: every municipality of Spain
    codes = [m.code for m in table.rows]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 5 and c.isdigit() and 1 <= int(c[:2]) <= 52 for c in codes)
    assert {m.province for m in table.rows} == {f"{p:02d}" for p in range(1, 53)}
    assert default_table() is table  # read once


def test_every_provincial_capital_is_there_under_its_code() -> None:
    table = default_table()
    for code, name in CAPITALS.items():
        town = table.get(code)
        assert town is not None, code
        assert fold(town.name).startswith(fold(name).split("/")[0]), (code, town.name)


@pytest.mark.parametrize(("code", "digit"), [("28079", "6"), ("08019", "3"), ("01001", "4"),
                                             ("35016", "7"), ("52001", "8")])  # fmt: skip
def test_the_control_digit_is_the_ine_one(code: str, digit: str) -> None:
    assert control_digit(code) == digit


@pytest.mark.parametrize(
    ("postal_code", "province"),
    [("28013", "28"), ("01001", "01"), ("52006", "52"), (" 08001 ", "08"), ("00123", ""),
     ("53000", ""), ("2801", ""), ("280133", ""), ("28-13", ""), ("２８０１３", ""), ("", "")],
)  # fmt: skip
def test_a_postal_codes_first_two_digits_are_the_province(postal_code: str, province: str) -> None:
    assert province_of(postal_code) == province


def names(found: tuple[Municipality, ...]) -> list[str]:
    return [m.name for m in found]


def test_the_towns_offered_match_what_is_typed_within_the_province() -> None:
    table = default_table()
    offered = table.matching("28", "alc")
    assert names(offered)[:3] == ["Alcalá de Henares", "Alcobendas", "Alcorcón"]
    assert all(m.province == "28" for m in offered)
    # either name; towns starting with it first, then those with a word starting with it
    assert names(table.matching("03", "ALAC")) == ["Alicante/Alacant", "Sant Joan d'Alacant"]
    assert names(table.matching("05", "avila"))[:2] == ["Ávila", "Barco de Ávila, El"]  # accents
    assert names(table.matching("02", "la roda")) == ["Roda, La"]  # article in front
    assert names(table.matching("35", "palmas")) == ["Palmas de Gran Canaria, Las"]
    assert "Valverde de Alcalá" in names(table.matching("28", "alcala"))  # a later word
    assert table.matching("28", "") == ()
    assert table.matching("99", "a") == ()
    assert len(table.matching("08", "s")) == 6  # a few big buttons, never the whole list


def test_display_names_put_the_article_in_front() -> None:
    table = default_table()
    assert table.get("02069").display_name == "La Roda"  # type: ignore[union-attr]
    assert table.get("03011").display_name == "l'Alfàs del Pi"  # type: ignore[union-attr]
    assert table.get("15030").display_name == "A Coruña"  # type: ignore[union-attr]
    assert table.get("28079").display_name == "Madrid"  # type: ignore[union-attr]


def test_a_town_by_its_exact_name_in_the_province() -> None:
    table = default_table()
    assert table.code_for("41", "SEVILLA") == "41091"
    assert table.code_for("35", "Las Palmas de Gran Canaria") == "35016"
    assert table.code_for("28", "Sevilla") == ""  # not in that province
    assert table.code_for("41", "Sevill") == ""  # a name, not a beginning


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no header"),
        ("CPRO,CMUN,NOMBRE\n28,079,6,Madrid", "header"),
        (f"{HEADER}\n", "no municipalities"),
        (f"{HEADER}\n28,079,6", "3 fields"),
        (f"{HEADER}\n53,001,0,Nowhere", "province 01-52"),
        (f"{HEADER}\n28,79,6,Madrid", "province 01-52"),
        (f"{HEADER}\n28,079,5,Madrid", "control digit"),
        (f"{HEADER}\n28,079,6,", "name"),
        (f"{HEADER}\n28,079,6,Madrid\n28,079,6,Madrid", "twice"),
    ],
)
def test_a_broken_table_is_refused_naming_the_line(text: str, reason: str) -> None:
    with pytest.raises(TableError, match=reason):
        parse_table(text)


def test_comments_and_quoted_names_are_read() -> None:
    table = parse_table(f'# source\n{HEADER}\n02,069,3,"Roda, La"\n28,079,6,Madrid\n')
    assert [(m.code, m.name) for m in table.rows] == [("02069", "Roda, La"), ("28079", "Madrid")]


ROW = st.tuples(
    st.text("0123456789", min_size=0, max_size=4),
    st.text("0123456789x", min_size=0, max_size=4),
    st.text("0123456789", max_size=2),
    st.text(max_size=12),
).map(",".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(ROW, max_size=8).map(
    lambda rows: "\n".join([HEADER, *rows]))))  # fmt: skip
def test_garbage_is_a_table_or_a_table_error_never_anything_else(text: str) -> None:
    try:
        table = parse_table(text)
    except TableError as error:
        line = error.line
        assert line >= 1  # either outcome is allowed, nothing else
        return
    codes = [m.code for m in table.rows]
    assert len(set(codes)) == len(codes)
    assert all(control_digit(c) and province_of(c) for c in codes)


# -- an address in Spain in the report -------------------------------------------------
MADRID = Address("Calle Mayor 12", "Madrid", "28013", "ES", municipality_code="28079")


def test_a_town_picked_at_the_kiosk_is_reported_by_its_ine_code() -> None:
    built = report(visit(adult(address=MADRID)))
    assert built is not None
    home = built.persons[0].address
    assert (home.country, home.municipality_code, home.municipality) == ("ESP", "28079", "")
    assert home.postal_code == "28013"


def test_a_town_typed_by_its_exact_name_is_found_in_the_postal_codes_province() -> None:
    typed = replace(MADRID, city="alcala de henares", postal_code="28801", municipality_code="")
    built = report(visit(adult(address=typed)))
    assert built is not None
    assert built.persons[0].address.municipality_code == "28005"


@pytest.mark.parametrize(
    ("address", "field"),
    [
        (replace(MADRID, postal_code="2801"), "address.postal_code"),
        (
            replace(MADRID, municipality_code="", city="Villa Inventada"),
            "address.municipality_code",
        ),
        (replace(MADRID, municipality_code="99999"), "address.municipality_code"),
        (replace(MADRID, municipality_code="41091"), "address.municipality_code"),  # Sevilla
    ],
)
def test_an_address_in_spain_without_a_known_town_is_refused(address: Address, field: str) -> None:
    with pytest.raises(ReportIncomplete) as refused:
        report(visit(adult(address=address)))
    assert refused.value.field == field
