"""The [sync] section: how the lane reaches HQ."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.config import checks
from kiosk.config.loader import setting


@dataclass(frozen=True)
class SyncConfig:
    hq_url: str = setting("", doc="HQ base URL; empty: the lane runs standalone")
    token: str = setting(
        "",
        doc="STORE:LANE:SECRET from `kiosk hq enrol-lane`; better set "
        "through the environment variable KIOSK__SYNC__TOKEN",
    )
    ca_file: Path | None = setting(
        None, doc="CA bundle to verify HQ's TLS certificate (none: the system's CAs)"
    )
    client_certfile: Path | None = setting(None, doc="PEM client certificate for mutual TLS")
    client_keyfile: Path | None = setting(None, doc="PEM private key of client_certfile")
    timeout_s: float = setting(
        15.0, doc="seconds to wait for HQ on one request", check=checks.between(0.1, 600)
    )
    batch_size: int = setting(
        500, doc="most sales sent in one upload request", check=checks.between(1, 1000)
    )
    in_flight: int = setting(
        3,
        doc="sale batches posted to HQ at once, each on its own connection "
        "(1: one at a time, waiting for each reply; 3 drains a backlog within 2x of "
        "PostgreSQL's raw COPY, benchmarks/README.md)",
        check=checks.between(1, 8),
    )
    catalog_page_size: int = setting(
        10_000, doc="catalog changes asked for per request", check=checks.between(1, 100_000)
    )
    catalog_interval_s: float = setting(
        60.0, doc="seconds between catalog checks", check=checks.between(1, 86_400)
    )
    heartbeat_interval_s: float = setting(
        30.0, doc="seconds between heartbeats", check=checks.between(1, 3600)
    )
    idle_poll_s: float = setting(
        2.0, doc="seconds between outbox checks when it was empty", check=checks.between(0.05, 600)
    )
    backoff_initial_s: float = setting(
        1.0,
        doc="first wait after a failed call (doubles, with jitter)",
        check=checks.between(0.001, 600),
    )
    backoff_max_s: float = setting(
        300.0, doc="longest wait between retries", check=checks.between(0.01, 86_400)
    )
    apply_catalog_during_basket: bool = setting(
        False,
        doc="true: apply price changes while a shopper's basket is open (scanned lines "
        "keep their price either way); false: wait until no basket is open",
    )
