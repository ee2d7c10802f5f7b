"""[lane] receipt_language and [tax] letters: the shopper's language and letters from
the highest rate by default, configured letters read into the receipt's, bad values
named with their key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config

MINIMAL = '[lane]\nstore_id = "store-9"\nlane_id = "lane-3"\n'


def write(tmp_path: Path, lane: str = "", tax: str = "") -> Path:
    path = tmp_path / "lane.toml"
    path.write_text(f"{MINIMAL}{lane}\n[tax]\n{tax}\n", encoding="utf-8")
    return path


def test_the_defaults_follow_the_shopper_and_letter_the_rates_from_the_highest(
    tmp_path: Path,
) -> None:
    config = load_config(write(tmp_path), environ={})
    assert config.lane.receipt_language == "shopper"
    letters = config.tax.tax_letters()
    assert [letters.letter(c) for c in ("standard", "reduced", "super_reduced", "zero")] == [
        "A", "B", "C", "D",
    ]  # fmt: skip


def test_a_store_chooses_its_language_and_its_letters(tmp_path: Path) -> None:
    path = write(tmp_path, 'receipt_language = "store"', "letters = { zero = 'Z', reduced = '2' }")
    config = load_config(path, environ={})
    assert config.lane.receipt_language == "store"
    letters = config.tax.tax_letters()
    assert (letters.letter("zero"), letters.letter("reduced"), letters.letter("standard")) == (
        "Z", "2", "A",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("lane", "tax", "key"),
    [
        ('receipt_language = "es"', "", "receipt_language"),
        ("", "letters = { standard = 'AB' }", "letters"),
        ("", "letters = { standard = 'a' }", "letters"),
        ("", "letters = { standard = 'A', reduced = 'A' }", "letters"),
        ("", "letters = ['A']", "letters"),
    ],
)
def test_a_bad_value_is_named(tmp_path: Path, lane: str, tax: str, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, lane, tax), environ={})
    assert key in str(caught.value)
