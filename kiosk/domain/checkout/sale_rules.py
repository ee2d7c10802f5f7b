"""What a scanned pack may not do: expired, recalled, outside its sale hours, counted twice.

Theory of operation: 2D codes (GS1 DataMatrix, GS1 QR, a QR with a GS1 Digital Link)
tell the lane more about the pack in hand than its EAN: the expiry date (AI 17), the
best-before date (AI 15), the batch (AI 10) and the serial (AI 21). The lane copies them
onto :class:`~kiosk.domain.checkout.events.ItemScanned`;
:func:`kiosk.domain.checkout.packs.screen` reads them with the lane's :class:`SaleRules`
before the item is offered to the basket, in this order:

1. **Recalled** batch: (GTIN, batch) in ``recalls`` (pushed from HQ, the lane's stored
   copy, so the rule holds offline): refused and the attendant paged.
2. **Expired**: AI 17 before today in the store's time zone, with ``block_expired``:
   refused and the attendant paged (the shopper keeps scanning: a page, not a pause).
3. **Sale hours**: an item whose catalog ``category`` has :class:`SaleHours` rules may
   only be sold when one of them allows the store's local time; else it is refused with
   the hours.
4. **Counted twice** (:func:`is_second_look`): a pack often carries both a 1D (EAN) and a
   2D code, and a shopper may scan both. A scan of GTIN g in one *form* (linear: EAN/UPC,
   GS1-128, DataBar, ITF; matrix: DataMatrix, QR, Aztec, DotCode, PDF417) that follows
   an *unpaired* scan of g in the *other* form within ``dual_scan_window_s`` seconds is
   the same pack: it is ignored ("Already scanned", a soft beep) and the first scan is
   marked paired, so a third scan is a new pack again. Two scans of g in the *same* form
   are two packs (a shopper scanning two packs of the same item). A scan whose
   symbology is unknown (no AIM id) or that has no GTIN is never ignored: counting a
   pack twice is visible on the screen and fixable, ignoring a real pack is not.
   The refusals come first on purpose: an EAN cannot tell that a pack expired, so the
   2D code scanned after it must still refuse it (and page the attendant, who removes
   the line the EAN added) rather than be ignored as its twin. Nor can an EAN say the
   pack is close to its date: a 2D twin whose date gives a markdown marks down the unit
   the EAN added instead of being ignored (:mod:`kiosk.domain.checkout.packs`).

Then, for a pack that passes, :func:`markdown` gives its reduced unit price when its
expiry (or best-before) date is close: ``markdown_percent`` off when the date is less
than ``markdown_days`` days away (``markdown_days = 1``: on the last day). The reduced
price is never negative and is rounded half up to the minor unit.

Pure: the store's time zone is a ``tzinfo`` passed in, the time is the event's ``at``.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from fractions import Fraction

from kiosk.domain.money import Money, MoneyError, Rounding

#: weekday names as in config ("mon-sat"), Monday first like ``date.weekday()``
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Form(enum.Enum):
    """The form of a barcode symbol, for the dual-scan rule."""

    LINEAR = "linear"
    MATRIX = "matrix"


_MATRIX = frozenset(
    {"qr", "gs1-qr", "datamatrix", "gs1-datamatrix", "aztec", "gs1-aztec", "dotcode"}
    | {"gs1-dotcode", "pdf417"}
)
_LINEAR = frozenset(
    {"ean-upc", "ean-8", "ean-add-on", "gs1-128", "code-128", "gs1-databar", "itf"}
    | {"code-39", "code-93", "codabar"}
)


def form_of(symbology: str) -> Form | None:
    """The form of a symbology (``kiosk.domain.gs1.aim.Symbology`` value), or None when
    the scanner did not say (``"unknown"``, ``""``) or the family is not known."""
    if symbology in _MATRIX:
        return Form.MATRIX
    if symbology in _LINEAR:
        return Form.LINEAR
    return None


def parse_days(text: str) -> frozenset[int]:
    """Weekdays (0 = Monday) from ``"mon-sat"``, ``"sat,sun"``, ``"fri-mon"`` or ``"*"``.

    Raises:
        ValueError: naming the part that is not a day or a range of days.
    """
    if text.strip() == "*":
        return frozenset(range(7))
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        first, _, last = part.partition("-")
        if first not in DAY_NAMES or (last and last not in DAY_NAMES):
            raise ValueError(f"{part!r} is not a day (mon..sun) or a range of days (mon-fri)")
        start, end = DAY_NAMES.index(first), DAY_NAMES.index(last or first)
        days.update((start + n) % 7 for n in range((end - start) % 7 + 1))
    return frozenset(days)


@dataclass(frozen=True, slots=True)
class SaleHours:
    """Items of ``category`` may be sold on ``days`` (0 = Monday) from ``opens`` until
    ``closes`` (local time, ``closes`` excluded). ``closes`` at or before ``opens``
    means the hours run past midnight: a Friday 20:00-02:00 rule allows Saturday 01:00.
    """

    category: str
    days: frozenset[int]
    opens: time
    closes: time
    label: str = ""  # the days as configured ("mon-sat"), for the shopper's message

    def allows(self, local: datetime) -> bool:
        """Whether the local wall time ``local`` falls within these hours."""
        now = local.time().replace(tzinfo=None)
        weekday = local.weekday()
        if self.opens < self.closes:
            return weekday in self.days and self.opens <= now < self.closes
        if weekday in self.days and now >= self.opens:
            return True
        return (weekday - 1) % 7 in self.days and now < self.closes


class Refusal(enum.Enum):
    """Why a pack may not be sold (the value is the shopper's message key)."""

    RECALLED = "item_recalled"
    EXPIRED = "item_expired"
    SALE_HOURS = "item_sale_hours"


@dataclass(frozen=True, slots=True)
class RecentScan:
    """A scan the dual-scan rule remembers: GTIN, form, time, whether its pair (the
    same pack's code in the other form) was already ignored, and the basket line it
    added its unit to (None: none yet, e.g. it waits for an attendant)."""

    gtin14: str
    form: Form
    at: datetime
    paired: bool = False
    line_no: int | None = None


@dataclass(frozen=True, slots=True)
class SaleRules:
    """The lane's rules for packs (see the module docstring).

    Attributes:
        zone: the store's time zone (expiry "today" and sale hours are local).
        block_expired: refuse a pack whose AI 17 date is before today.
        markdown_days: a pack this close to its date is marked down; 0: never.
        markdown_percent: the markdown, 0-100.
        sale_hours: per category, when it may be sold (no rule: any time).
        recalls: recalled (GTIN-14, batch) pairs.
        dual_scan_window_s: seconds within which a 1D and a 2D scan are one pack; 0: off.
    """

    zone: tzinfo = UTC
    block_expired: bool = True
    markdown_days: int = 0
    markdown_percent: int = 0
    sale_hours: tuple[SaleHours, ...] = ()
    recalls: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    dual_scan_window_s: float = 2.0

    def __post_init__(self) -> None:
        if not 0 <= self.markdown_percent <= 100:
            raise ValueError(f"markdown_percent {self.markdown_percent} is not 0-100")
        if self.markdown_days < 0 or self.dual_scan_window_s < 0:
            raise ValueError("markdown_days and dual_scan_window_s must not be negative")

    def local(self, at: datetime) -> datetime:
        """``at`` on the store's wall clock."""
        return at.astimezone(self.zone)

    def hours_for(self, category: str) -> tuple[SaleHours, ...]:
        """The sale-hours rules of ``category`` (empty: it may be sold any time)."""
        return tuple(rule for rule in self.sale_hours if rule.category == category)


NO_SALE_RULES = SaleRules()


@dataclass(frozen=True, slots=True)
class PackFacts:
    """What a scan says about the pack in hand (all optional)."""

    gtin14: str | None = None
    symbology: str = ""
    expiry: date | None = None
    batch: str | None = None
    category: str = ""


def is_second_look(
    recent: tuple[RecentScan, ...],
    gtin14: str | None,
    form: Form | None,
    at: datetime,
    window_s: float,
) -> bool:
    """Whether this scan is the other code of a pack just scanned (see rule 1 above)."""
    if gtin14 is None or form is None or window_s <= 0:
        return False
    last = first_look(recent, gtin14)
    if last is None or last.paired or last.form is form:
        return False
    return timedelta(0) <= at - last.at <= timedelta(seconds=window_s)


def remember(
    recent: tuple[RecentScan, ...],
    gtin14: str | None,
    form: Form | None,
    at: datetime,
    window_s: float,
    *,
    paired: bool,
) -> tuple[RecentScan, ...]:
    """``recent`` after this scan: older scans than the window dropped; an ignored scan
    marks its GTIN's last scan paired, a counted one is added."""
    if gtin14 is None or form is None or window_s <= 0:
        return recent
    horizon = at - timedelta(seconds=window_s)
    kept = tuple(scan for scan in recent if scan.at >= horizon)
    if paired:
        index = max(i for i, scan in enumerate(kept) if scan.gtin14 == gtin14)
        marked = replace(kept[index], paired=True)
        return (*kept[:index], marked, *kept[index + 1 :])
    return (*kept, RecentScan(gtin14, form, at))


def first_look(recent: tuple[RecentScan, ...], gtin14: str | None) -> RecentScan | None:
    """The last remembered scan of ``gtin14`` (the first code of a pack whose twin is
    being scanned), or None."""
    return next((scan for scan in reversed(recent) if scan.gtin14 == gtin14), None)


def refusal(rules: SaleRules, pack: PackFacts, at: datetime) -> tuple[Refusal, str] | None:
    """Why the pack may not be sold at ``at``, with a detail for the attendant, or None."""
    if pack.batch is not None and (pack.gtin14, pack.batch) in rules.recalls:
        return Refusal.RECALLED, f"recalled batch {pack.batch} of {pack.gtin14}"
    local = rules.local(at)
    if rules.block_expired and pack.expiry is not None and pack.expiry < local.date():
        return Refusal.EXPIRED, f"expired {pack.expiry.isoformat()} ({pack.gtin14})"
    hours = rules.hours_for(pack.category)
    if hours and not any(rule.allows(local) for rule in hours):
        return Refusal.SALE_HOURS, f"{pack.category} not sold at {local:%a %H:%M}"
    return None


def hours_text(rules: SaleRules, category: str) -> tuple[str, str]:
    """(days, times) of ``category``'s sale hours for the shopper, e.g. ("mon-sat",
    "08:00-22:00"); several rules are joined by ", "."""
    hours = rules.hours_for(category)
    days = ", ".join(rule.label or "*" for rule in hours)
    times = ", ".join(f"{rule.opens:%H:%M}-{rule.closes:%H:%M}" for rule in hours)
    return days, times


def markdown(rules: SaleRules, price: Money, dated: date | None, at: datetime) -> Money | None:
    """The marked-down unit price of a pack dated ``dated`` (expiry, else best-before),
    or None when no markdown applies. Never negative, rounded half up."""
    if dated is None or rules.markdown_days <= 0 or rules.markdown_percent <= 0:
        return None
    days_left = (dated - rules.local(at).date()).days
    if not 0 <= days_left < rules.markdown_days:
        return None
    reduced = price.scaled(Fraction(100 - rules.markdown_percent, 100), Rounding.HALF_UP)
    return reduced if reduced.minor >= 0 else Money.zero(price.currency)


_MARKDOWN = re.compile(r"markdown (\d{1,3})% of (-?\d+(?:\.\d+)?) ([A-Z]{3}) \(date (\S+)\)")


def markdown_reason(percent: int, price: Money, dated: date) -> str:
    """The line's override reason for a markdown: ``"markdown 30% of 0.95 EUR (date
    2026-12-05)"`` (read back by :func:`markdown_of` for the cart and the receipt)."""
    return f"markdown {percent}% of {price} (date {dated.isoformat()})"


def markdown_of(reason: str | None) -> tuple[int, Money] | None:
    """(percent, price before it) of a markdown reason, or None for any other reason."""
    match = _MARKDOWN.fullmatch(reason or "")
    if match is None:
        return None
    try:
        return int(match.group(1)), Money.parse(match.group(2), match.group(3))
    except MoneyError:
        return None
