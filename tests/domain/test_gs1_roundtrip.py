"""Round trips over the whole AI table: element string, HRI and digital link give back the data.

Values are generated from each AI's own spec (length, character set, check digit,
dates), so every AI in the table is exercised by the same property.
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.gs1.ai_table import AI_TABLE, CHARSETS, AiSpec, Component
from kiosk.domain.gs1.digital_link import PRIMARY_KEYS, parse_digital_link, to_digital_link
from kiosk.domain.gs1.element_string import (
    make_element,
    parse_element_string,
    parse_hri,
    to_element_string,
    to_hri,
)
from kiosk.domain.gs1.scan import ScanKind, parse_scan
from kiosk.domain.gtin import check_digit

_FIXED_TEXT = {
    "yesno": st.sampled_from(["0", "1"]),
    "hyphen": st.just("-"),
    "zero": st.just("0"),
    "hhmm": st.builds(lambda h, m: f"{h:02d}{m:02d}", st.integers(0, 23), st.integers(0, 59)),
    "piece": st.integers(1, 99).flatmap(
        lambda total: st.integers(1, total).map(lambda p: f"{p:02d}{total:02d}")
    ),
    "iso3166": st.sampled_from(["724", "276", "840"]),
    "iso4217": st.sampled_from(["978", "840", "826", "752"]),
}
_DATE = st.dates(date(2000, 1, 1), date(2099, 12, 31)).map(lambda d: d.strftime("%y%m%d"))


def component_text(component: Component) -> st.SearchStrategy[str]:
    for name in component.checks:
        if name in _FIXED_TEXT:
            return _FIXED_TEXT[name]
        if name in ("date", "date0"):
            return _DATE
    alphabet = sorted(CHARSETS[component.charset])
    text = st.text(
        alphabet=alphabet, min_size=max(component.min_length, 1), max_size=component.max_length
    )
    if "csum" in component.checks:
        body = st.text(
            alphabet="0123456789",
            min_size=component.max_length - 1,
            max_size=component.max_length - 1,
        )
        return body.map(lambda b: b + str(check_digit(b)))
    return text


def value_for(spec: AiSpec) -> st.SearchStrategy[str]:
    parts = []
    for component in spec.components:
        strategy = component_text(component)
        if component.optional:
            strategy = st.one_of(st.just(""), strategy)
        parts.append(strategy)
    return st.tuples(*parts).map("".join)


def _pair(ai: str) -> st.SearchStrategy[tuple[str, str]]:
    return value_for(AI_TABLE[ai]).map(lambda value: (ai, value))


def elements_strategy(ais: list[str]) -> st.SearchStrategy[list[tuple[str, str]]]:
    def pick(chosen: list[str]) -> st.SearchStrategy[list[tuple[str, str]]]:
        families: set[str] = set()
        unique: list[str] = []
        for ai in chosen:
            family = ai[:3] if AI_TABLE[ai].decimals is not None else ai
            if family not in families and not ({"01", "02"} <= {*unique, ai}):
                families.add(family)
                unique.append(ai)
        return st.tuples(*(_pair(ai) for ai in unique)).map(list)

    return st.lists(st.sampled_from(ais), min_size=1, max_size=6).flatmap(pick)


ALL_AIS = sorted(AI_TABLE)


@settings(max_examples=120)
@given(elements_strategy(ALL_AIS))
def test_element_string_round_trip(pairs: list[tuple[str, str]]) -> None:
    elements = [make_element(ai, value) for ai, value in pairs]
    data = to_element_string(elements)
    assert [(e.ai, e.value) for e in parse_element_string(data)] == pairs
    scanned = parse_scan("]C1" + data)
    assert scanned.kind is ScanKind.GS1
    assert [(e.ai, e.value) for e in scanned.elements] == pairs


@settings(max_examples=80)
@given(elements_strategy(ALL_AIS))
def test_hri_round_trip(pairs: list[tuple[str, str]]) -> None:
    # a value that itself looks like "(NN)" cannot be told apart in the printed form
    if any(re.search(r"\(\d{2,4}\)", value) for _, value in pairs):
        return
    elements = [make_element(ai, value) for ai, value in pairs]
    assert [(e.ai, e.value) for e in parse_hri(to_hri(elements))] == [
        (ai, value.strip()) for ai, value in pairs
    ]


_ATTRIBUTES = [
    ai for ai in ALL_AIS if ai not in PRIMARY_KEYS and ai not in ("22", "10", "21", "235")
]


@settings(max_examples=80)
@given(
    value_for(AI_TABLE["01"]),
    st.lists(st.sampled_from(["22", "10", "21"]), unique=True),
    elements_strategy(_ATTRIBUTES),
)
def test_digital_link_round_trip(
    gtin: str, qualifiers: list[str], attributes: list[tuple[str, str]]
) -> None:
    pairs = [("01", gtin)]
    pairs += [(ai, "Q" + ai) for ai in qualifiers]
    pairs += [(ai, v) for ai, v in attributes if ai not in {"01", "02"}]
    elements = [make_element(ai, value) for ai, value in pairs]
    uri = to_digital_link(elements, "https://example.com/prefix/")
    parsed = parse_digital_link(uri)
    assert sorted((e.ai, e.value) for e in parsed) == sorted(pairs)
