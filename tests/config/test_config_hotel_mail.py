"""[hotel] Wi-Fi, breakfast and SMTP keys: read with their defaults, a bad sender
address named with its key, the SMTP password (a secret) kept out of the configuration's
version and out of what HQ may set, the demo's configuration loads them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.config.remote import config_version, refusal

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = '[lane]\nstore_id = "store-9"\nlane_id = "lane-3"\n'


def write(tmp_path: Path, hotel: str) -> Path:
    path = tmp_path / "lane.toml"
    path.write_text(f"{MINIMAL}\n[hotel]\n{hotel}\n", encoding="utf-8")
    return path


def test_the_defaults_show_nothing_and_keep_e_mails_queued(tmp_path: Path) -> None:
    hotel = load_config(write(tmp_path, ""), environ={}).hotel
    assert (hotel.wifi_network, hotel.wifi_password, hotel.breakfast) == ("", "", "")
    assert (hotel.smtp_host, hotel.smtp_port, hotel.smtp_starttls) == ("", 587, True)
    assert hotel.deposit_wait_s == 5.0


def test_the_keys_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'wifi_network = "Guests"\nwifi_password = "nata"\nbreakfast = "07:00-10:30"\n'
        'smtp_host = "mail.example"\nsmtp_port = 25\nsmtp_from = "Hotel <desk@hotel.example>"\n'
        'smtp_user = "desk"\nsmtp_starttls = false\n',
    )
    hotel = load_config(path, environ={"KIOSK__HOTEL__SMTP_PASSWORD": "s3cret"}).hotel
    assert (hotel.wifi_network, hotel.wifi_password, hotel.breakfast) == (
        "Guests", "nata", "07:00-10:30",
    )  # fmt: skip
    assert (hotel.smtp_host, hotel.smtp_port, hotel.smtp_user) == ("mail.example", 25, "desk")
    assert hotel.smtp_password == "s3cret"
    assert hotel.smtp_starttls is False


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('smtp_from = "not an address"', "hotel.smtp_from"),
        ('smtp_from = "desk@nowhere"', "hotel.smtp_from"),
        ("smtp_port = 0", "hotel.smtp_port"),
        ("deposit_wait_s = -1", "hotel.deposit_wait_s"),
    ],
)
def test_a_bad_value_is_named_with_its_key(tmp_path: Path, line: str, key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        load_config(write(tmp_path, line), environ={})


def test_the_smtp_password_is_a_secret(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'smtp_host = "mail.example"'), environ={})
    other = dataclasses.replace(
        config, hotel=dataclasses.replace(config.hotel, smtp_password="changed")
    )
    assert config_version(config) == config_version(other)
    assert refusal("hotel.smtp_password") == "secrets stay local"
    assert refusal("hotel.smtp_host") is None
    moved = dataclasses.replace(config, hotel=dataclasses.replace(config.hotel, smtp_port=25))
    assert config_version(config) != config_version(moved)


def test_the_hotel_demo_configures_them() -> None:
    hotel = load_config(ROOT / "config" / "demo-hotel.toml", environ={}).hotel
    assert hotel.wifi_network
    assert hotel.breakfast
    assert hotel.smtp_host == "127.0.0.1"
    assert hotel.smtp_starttls is False
