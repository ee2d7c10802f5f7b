"""The [payment] section: the card terminal and how the lane talks to it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.config import checks
from kiosk.config.loader import setting


def _url(value: Any) -> str | None:
    if not (value.startswith(("https://", "http://127.0.0.1", "http://localhost"))):
        return "an https:// URL of the terminal's /nexo endpoint (plain http only to localhost)"
    return None


def _positive(value: Any) -> str | None:
    return None if value > 0 else "a number of seconds greater than 0"


def _backoff(value: Any) -> str | None:
    if not value or any(v < 0 for v in value):
        return "a non-empty list of seconds (>= 0), e.g. [1, 2, 4, 8]"
    return None


@dataclass(frozen=True)
class PaymentConfig:
    driver: str = setting(
        "simulator", doc="terminal protocol driver", check=checks.one_of("simulator", "adyen-local")
    )
    terminal_url: str = setting(
        "http://127.0.0.1:8443/nexo",
        check=_url,
        doc="the terminal's Terminal API endpoint (https://IP:8443/nexo)",
    )
    poi_id: str = setting(
        "SIM-0001",
        check=checks.identifier,
        doc="the terminal's POIID, MODEL-SERIAL (e.g. V400m-123456789)",
    )
    sale_id: str = setting("", doc="this lane's SaleID towards the terminal; empty: the lane id")
    tls_ca_file: str = setting(
        "",
        doc="CA bundle that signed the terminal's certificate "
        "(Adyen's terminal root); empty: system CAs",
    )
    tls_verify: bool = setting(True, doc="verify the terminal's TLS certificate (keep true)")
    key_identifier: str = setting(
        "", doc="shared key identifier set on the terminal; empty: messages are not encrypted"
    )
    key_version: int = setting(1, doc="shared key version set on the terminal")
    key_passphrase: str = setting(
        "",
        doc="shared key passphrase; prefer the environment variable KIOSK__PAYMENT__KEY_PASSPHRASE",
    )
    payment_timeout_s: float = setting(
        150.0, check=_positive, doc="seconds to wait for a payment to finish"
    )
    request_timeout_s: float = setting(
        10.0, check=_positive, doc="seconds to wait for status, abort and reversal"
    )
    status_backoff_s: tuple[float, ...] = setting(
        (1.0, 2.0, 4.0, 8.0, 15.0),
        check=_backoff,
        doc="waits between status inquiries after a timeout; then the outcome is UNKNOWN",
    )
