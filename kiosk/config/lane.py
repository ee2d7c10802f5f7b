"""The [lane], [tax], [store] and [logging] sections: who this lane is and how it sells."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config import checks
from kiosk.config.loader import setting
from kiosk.domain.checkout.flow import AgeCheck, ShopperFlow, UnknownBarcode
from kiosk.domain.money import Rounding
from kiosk.domain.tax import TaxRules
from kiosk.domain.tax_letters import TaxLetters


def _tax_letters(value: Any) -> str | None:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and re.fullmatch(r"[A-Z0-9]", v)
        for k, v in value.items()
    ):
        return "a table of tax class = one capital letter or digit, e.g. {standard = 'A'}"
    if len(set(value.values())) != len(value):
        return "a different letter for each tax class"
    return None


def _bag_skus(value: Any) -> str | None:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
        return "a list of SKUs, e.g. ['BAG1', 'BAG2']"
    if len(value) > 4 or len(set(value)) != len(value):
        return "at most 4 different SKUs"
    return None


@dataclass(frozen=True)
class LaneConfig:
    store_id: str = setting(
        doc="HQ's id of the store this lane belongs to",
        check=checks.identifier,
        example="store-001",
    )
    lane_id: str = setting(
        doc="this lane's id, unique within the store", check=checks.identifier, example="lane-01"
    )
    mode: str = setting(
        "self_checkout",
        doc="which journey the lane offers (one registered in kiosk.app.journeys)",
        check=checks.identifier,
    )
    currency: str = setting("EUR", doc="ISO 4217 currency of every price", check=checks.currency)
    languages: tuple[str, ...] = setting(
        ("en", "es", "fr"),
        doc="languages a shopper may choose, first is the default",
        check=checks.languages,
    )
    timezone: str = setting("UTC", doc="IANA time zone for receipts and the business day")
    # the shopper keeps scanning (kiosk.domain.checkout.aside / pending_age)
    unknown_barcode: str = setting(
        "pause",
        doc="pause: an unknown barcode stops the lane until an attendant comes; put_aside: "
        "the shopper puts it aside and keeps scanning, the attendant is alerted and Pay "
        "waits until the attendant has added or dismissed every item put aside",
        check=checks.one_of("pause", "put_aside"),
    )
    age_check: str = setting(
        "at_once",
        doc="at_once: an age-restricted item waits for the attendant's check before it is "
        "added; before_payment: it is added with its check pending and Pay waits for one "
        "check of every such item (a refusal removes them)",
        check=checks.one_of("at_once", "before_payment"),
    )
    # 2D codes (kiosk.domain.checkout.sale_rules): one pack, expiry, markdown
    dual_scan_window_s: float = setting(
        2.0,
        doc="a 1D and a 2D code of the same GTIN scanned within this many seconds are one "
        "pack (the second is ignored: 'Already scanned'); 0: off",
        check=checks.between(0, 60),
    )
    block_expired: bool = setting(
        True, doc="refuse a pack whose 2D code's expiry date (AI 17) is before today"
    )
    markdown_days: int = setting(
        0,
        doc="mark a pack down when its expiry (or best-before) date is fewer than this "
        "many days away (1: on its last day); 0: no markdown",
        check=checks.between(0, 365),
    )
    markdown_percent: int = setting(
        30, doc="the markdown close to the date, in percent", check=checks.between(0, 100)
    )
    store_name: str = setting("Kiosk Market", doc="shown on the screen and the receipt header")
    receipt_header: tuple[str, ...] = setting((), doc="more receipt header lines (address, tax id)")
    ereceipt_base_url: str = setting(
        "",
        doc="e-receipt links are <this>/<transaction id> (QR on screen and receipt); "
        "empty: no e-receipt",
    )
    staff_badge_prefix: str = setting(
        "STF",
        doc="scanned codes starting with this are staff badges, not items "
        "(empty: badges are not used)",
    )
    receipt_footer: tuple[str, ...] = setting(("Thank you!",), doc="receipt footer lines")
    receipt_language: str = setting(
        "shopper",
        doc="shopper: receipts (and the sale's item names) in the language the shopper chose; "
        "store: always in the lane's first language",
        check=checks.one_of("shopper", "store"),
    )
    merge_identical: bool = setting(
        False,
        doc="true: a scan of an item already in the basket adds to its line ('2 x'); "
        "weighed items, prices from the barcode and lines with a staff price never merge",
    )
    bag_prompt: bool = setting(
        False, doc="true: 'Do you need bags?' after Start, selling the bag_skus items"
    )
    bag_skus: tuple[str, ...] = setting(
        (),
        doc="the catalog's carrier bags offered by bag_prompt, in order (SKUs)",
        check=_bag_skus,
    )


def shopper_flow(lane: LaneConfig) -> ShopperFlow:
    """The domain's flow choices of the [lane] section (values already checked)."""
    return ShopperFlow(UnknownBarcode(lane.unknown_barcode), AgeCheck(lane.age_check))


@dataclass(frozen=True)
class TaxConfig:
    prices_include_tax: bool = setting(
        True,
        doc="true: shelf prices include VAT (EU); false: tax is added at the total (US sales tax)",
    )
    rounding: str = setting(
        "per_line",
        doc="where tax is rounded to the minor unit",
        check=checks.one_of("per_line", "per_total"),
    )
    rounding_mode: Rounding = setting(Rounding.HALF_UP, doc="how a half minor unit rounds")
    rates: dict[str, str] = setting(
        default_factory=lambda: {
            "standard": "21",
            "reduced": "10",
            "super_reduced": "4",
            "zero": "0",
        },
        doc="tax class -> rate in percent (strings keep them exact)",
        check=checks.percent_table,
    )
    deposit_taxed: bool = setting(
        False,
        doc="true: container deposits are taxed at their "
        "item's rate (e.g. DE); false: deposits are outside tax",
    )
    letters: dict[str, str] = setting(
        default_factory=dict,
        doc="tax class -> the letter printed for its rate on every receipt (e.g. "
        "{standard = 'A'}); rates not listed are lettered A, B... from the highest",
        check=_tax_letters,
    )

    def to_rules(self) -> TaxRules:
        """The domain's tax rules for this section (rates already checked by the loader)."""
        return TaxRules.from_strings(
            self.rates,
            prices_include_tax=self.prices_include_tax,
            per_line=self.rounding == "per_line",
            mode=self.rounding_mode,
            deposit_taxed=self.deposit_taxed,
        )

    def tax_letters(self) -> TaxLetters:
        """The receipt letter of each rate of this section (kiosk.domain.tax_letters)."""
        return TaxLetters.from_table(self.rates, self.letters)


@dataclass(frozen=True)
class StoreConfig:
    path: Path = setting(
        Path("var/lane.sqlite3"),
        doc="the lane's SQLite file (relative paths are relative to the working directory)",
    )
    busy_timeout_ms: int = setting(
        5000, doc="how long a writer waits for the lock", check=checks.between(0, 600_000)
    )
    backup_dir: Path | None = setting(
        None,
        doc="take online backups of the store into this folder while the lane runs; none: off",
    )
    backup_every_s: int = setting(
        3600, doc="seconds between two backups", check=checks.between(60, 7 * 86400)
    )
    backup_keep: int = setting(
        24, doc="how many backups are kept (the oldest are deleted)", check=checks.between(1, 1000)
    )


@dataclass(frozen=True)
class LoggingConfig:
    level: str = setting(
        "INFO", doc="log level", check=checks.one_of("DEBUG", "INFO", "WARNING", "ERROR")
    )
    file: Path | None = setting(None, doc="also log to this file (rotated); none: stderr only")
    format: str = setting(
        "text",
        doc="text: one readable line per record; json: one JSON object per line",
        check=checks.one_of("text", "json"),
    )
    rotate_bytes: int = setting(
        10_000_000,
        doc="the log file is rotated when it reaches this size",
        check=checks.between(100_000, 1_000_000_000),
    )
    rotate_keep: int = setting(
        5, doc="how many rotated log files are kept", check=checks.between(1, 100)
    )
    metrics_file: Path | None = setting(
        None,
        doc="write the lane's metrics (Prometheus text: scan-to-screen, payments, outbox) "
        "here for node_exporter's textfile collector; none: off",
    )
    metrics_every_s: int = setting(
        15, doc="seconds between two writes of metrics_file", check=checks.between(1, 3600)
    )


__all__ = ["LaneConfig", "LoggingConfig", "StoreConfig", "TaxConfig", "shopper_flow"]
