"""HTTPS to the terminal with a pinned CA, and the [payment] config building the driver."""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import KEY
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.config import ConfigError, load_config
from kiosk.domain.money import Money
from kiosk.payment.errors import PaymentError, TerminalUnreachableError
from kiosk.payment.factory import terminal_from_config
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import SimulatedTerminal
from kiosk.payment.types import Outcome


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "SIM-0001")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "terminal.pem", tmp_path / "terminal.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def https_server(certificate: tuple[Path, Path]) -> Iterator[TerminalServer]:
    terminal = SimulatedTerminal(Ledger(), key=KEY, show=lambda s: None)
    with TerminalServer(terminal, certfile=certificate[0], keyfile=certificate[1]) as server:
        yield server


def write_config(tmp_path: Path, payment: str) -> Path:
    path = tmp_path / "lane.toml"
    path.write_text(f'[lane]\nstore_id = "store-001"\nlane_id = "lane-01"\n\n[payment]\n{payment}')
    return path


def payment_section(url: str, ca: Path | str) -> str:
    return (
        f'driver = "adyen-local"\nterminal_url = "{url}"\npoi_id = "SIM-0001"\n'
        f'tls_ca_file = "{ca}"\nkey_identifier = "{KEY.identifier}"\n'
        f'key_version = {KEY.version}\nkey_passphrase = "{KEY.passphrase}"\n'
    )


def test_payment_over_https_with_the_terminal_ca(
    tmp_path: Path, https_server: TerminalServer, certificate: tuple[Path, Path]
) -> None:
    assert https_server.url.startswith("https://")
    config = load_config(write_config(tmp_path, payment_section(https_server.url, certificate[0])))
    terminal = terminal_from_config(config.payment, config.lane.lane_id)
    assert terminal.sale_id == "lane-01"
    assert terminal.purchase(Money(500, "EUR"), "ref-tls").outcome is Outcome.APPROVED
    terminal.close()


def test_an_unknown_certificate_is_refused_before_anything_is_sent(
    tmp_path: Path, https_server: TerminalServer
) -> None:
    config = load_config(write_config(tmp_path, payment_section(https_server.url, "")))
    terminal = terminal_from_config(config.payment, "lane-01")
    with pytest.raises(TerminalUnreachableError) as caught:
        terminal.purchase(Money(500, "EUR"), "ref-untrusted")
    assert caught.value.sent is False
    terminal.close()


def test_missing_ca_file_is_a_payment_error(tmp_path: Path) -> None:
    section = payment_section("https://10.0.0.5:8443/nexo", tmp_path / "missing.pem")
    config = load_config(write_config(tmp_path, section))
    with pytest.raises(PaymentError, match="tls_ca_file"):
        terminal_from_config(config.payment, "lane-01")


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('terminal_url = "http://10.0.0.5:8443/nexo"', "payment.terminal_url"),
        ('driver = "zvt"', "payment.driver"),
        ("status_backoff_s = []", "payment.status_backoff_s"),
        ("payment_timeout_s = 0", "payment.payment_timeout_s"),
    ],
)
def test_bad_payment_settings_name_the_key(tmp_path: Path, line: str, key: str) -> None:
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        load_config(write_config(tmp_path, line + "\n"))
