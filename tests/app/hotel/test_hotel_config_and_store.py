"""The [hotel] section (a hotel lane passes ``kiosk config check``; a bad value is a
ConfigError naming the key; the PMS tokens stay out of the config version; a lane without
its PMS is refused at build) and the lane store's stays (deposits, signatures)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk.app.wiring import build_lane
from kiosk.cli import main
from kiosk.config import ConfigError, load_config
from kiosk.config.remote import config_version
from kiosk.store.db import connect
from kiosk.store.errors import StoreError
from kiosk.store.stays import (
    held_deposit,
    load_signature,
    note_deposit,
    save_signature,
    settle_deposit,
)

LANE = '[lane]\nstore_id = "s"\nlane_id = "l"\nmode = "hotel_checkin"\n'
HOTEL = '[hotel]\nhotel = "Hotel Baixa"\ncountry = "ES"\nbase_url = "http://127.0.0.1:8791"\n'


def test_a_hotel_lane_passes_config_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lane.toml"
    extra = 'property_timezone = "Europe/Madrid"\ndeposit_minor = 15000\nmax_keys = 2\n'
    extra += 'terms = { es = "terms-es.txt", en = "terms-en.txt" }\n'
    path.write_text(LANE + HOTEL + extra, "utf-8")
    assert main(["config", "check", str(path)]) == 0
    assert "OK" in capsys.readouterr().out
    config = load_config(path, environ={"KIOSK__HOTEL__ACCESS_TOKEN": "secret-token"})
    assert config.hotel.access_token == "secret-token"
    assert (config.hotel.deposit_minor, config.hotel.max_keys) == (15000, 2)
    assert config.hotel.terms == {"es": "terms-es.txt", "en": "terms-en.txt"}
    # the tokens are secrets: another token is the same configuration version
    other = dataclasses.replace(config, hotel=dataclasses.replace(config.hotel, access_token="x"))
    assert config_version(other) == config_version(config)


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('country = "spain"', "hotel.country"),
        ('base_url = "ftp://pms"', "hotel.base_url"),
        ('pms = "opera"', "hotel.pms"),
        ('property_timezone = "Mars/Olympus"', "hotel.property_timezone"),
        ("max_keys = 5", "hotel.max_keys"),
        ("deposit_minor = -1", "hotel.deposit_minor"),
        ("timeout_s = 0", "hotel.timeout_s"),
        ('terms = { spanish = "t.txt" }', "hotel.terms"),
        ("no_such_key = 1", "hotel.no_such_key"),
    ],
)
def test_a_bad_value_names_the_key(tmp_path: Path, line: str, key: str) -> None:
    path = tmp_path / "lane.toml"
    path.write_text(LANE + "[hotel]\n" + line + "\n", "utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(path, environ={})
    assert refused.value.key == key


@pytest.mark.parametrize("missing", ["hotel", "country", "base_url"])
def test_a_hotel_lane_without_what_it_needs_is_refused_at_build(
    tmp_path: Path, missing: str
) -> None:
    path = tmp_path / "lane.toml"
    path.write_text(LANE + f'[store]\npath = "{tmp_path / "lane.sqlite3"}"\n' + HOTEL, "utf-8")
    config = load_config(path, environ={})
    config = dataclasses.replace(config, hotel=dataclasses.replace(config.hotel, **{missing: ""}))
    with pytest.raises(ConfigError) as refused:
        build_lane(config, with_sync=False)
    assert refused.value.key == f"hotel.{missing}"


def test_a_deposit_is_held_once_and_settled_once(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lane.sqlite3")
    try:
        assert held_deposit(conn, "s1") is None
        note_deposit(
            conn, stay_id="s1", checkin_id="v1", reference="pre1", amount_minor=15000,
            currency="EUR",
        )  # fmt: skip
        held = held_deposit(conn, "s1")
        assert held is not None
        assert (held.reference, held.amount_minor, held.checkin_id) == ("pre1", 15000, "v1")
        assert settle_deposit(conn, "pre1", "captured") is True
        assert held_deposit(conn, "s1") is None
        assert settle_deposit(conn, "pre1", "released") is False  # not held any more
        with pytest.raises(StoreError, match="state 'lost'"):
            settle_deposit(conn, "pre1", "lost")
        with pytest.raises(StoreError, match="must not be empty"):
            note_deposit(
                conn, stay_id="", checkin_id="v1", reference="p", amount_minor=1, currency="EUR"
            )
    finally:
        conn.close()


def test_a_signature_is_kept_with_the_stay_by_its_reference(tmp_path: Path) -> None:
    conn = connect(tmp_path / "lane.sqlite3")
    try:
        reference = save_signature(conn, "s1", "v1", b"\x89PNG...")
        assert reference.startswith("sig-")
        assert save_signature(conn, "s1", "v1", b"\x89PNG...") != reference
        assert load_signature(conn, reference) == b"\x89PNG..."
        assert load_signature(conn, "sig-none") is None
        with pytest.raises(StoreError, match="image is empty"):
            save_signature(conn, "s1", "v1", b"")
    finally:
        conn.close()
