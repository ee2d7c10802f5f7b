"""The [hq] section: settings of the HQ service (``kiosk hq serve``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config import checks
from kiosk.config.loader import setting


def _admin_token(value: Any) -> str | None:
    if value == "" or (len(value) >= 16 and value.isprintable() and value.strip() == value):
        return None
    return "empty (pages disabled) or at least 16 printable characters without spaces around"


@dataclass(frozen=True)
class HqConfig:
    database_url: str = setting(
        "sqlite:///var/hq.sqlite3", doc="SQLAlchemy URL: sqlite:///FILE or postgresql+psycopg://..."
    )
    host: str = setting("127.0.0.1", doc="address `kiosk hq serve` listens on")
    port: int = setting(
        8080, doc="TCP port `kiosk hq serve` listens on", check=checks.between(1, 65535)
    )
    max_body_bytes: int = setting(
        8 * 1024 * 1024,
        doc="largest request body accepted (413 above)",
        check=checks.between(1024, 1024**3),
    )
    max_catalog_page: int = setting(
        10_000, doc="most catalog changes one request may ask for", check=checks.between(1, 100_000)
    )
    threads: int = setting(
        8,
        doc="threads that run requests (fewer threads, fewer GIL hand-overs per database "
        "round trip; 200 busy lanes measured no worse with 8 than with 40)",
        check=checks.between(1, 200),
    )
    currency: str = setting(
        "EUR", doc="currency of prices in imported catalog CSV files", check=checks.currency
    )
    tls_certfile: Path | None = setting(None, doc="PEM certificate: serve HTTPS (production)")
    tls_keyfile: Path | None = setting(None, doc="PEM private key of tls_certfile")
    tls_client_ca: Path | None = setting(
        None, doc="CA bundle: also require lanes to present client certificates (mutual TLS)"
    )
    admin_token: str = setting(
        "",
        doc="token for the read-only staff web pages (/ and /lanes/STORE/LANE), sent as "
        "'Authorization: Bearer TOKEN' or opened once as ?token=TOKEN (sets a cookie); "
        "empty: the pages are disabled (404)",
        check=_admin_token,
    )
    not_reporting_minutes: int = setting(
        10,
        doc="the web overview marks a lane 'not reporting' when its last heartbeat is older",
        check=checks.between(1, 7 * 24 * 60),
    )
