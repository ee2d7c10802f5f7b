"""The fast path of ``POST /api/v1/sales/batch`` for the common case: a clean batch.

Theory of operation: most batches a lane sends are well formed and add up. For them
the pydantic path (``json.loads``, then the models, then :mod:`kiosk.hq.sale_rules`)
cost more than writing the rows (issue 16: validation 33 % and ``json.loads`` 18 % of
HQ's samples). Here the raw body is decoded by msgspec straight into strict structs
that mirror :mod:`kiosk.hq.models` field for field (types, lengths, patterns, ranges,
unknown keys refused; the patterns of the fields every sale or line has are checked
once per batch, a regex over the batch's distinct values, instead of one per value); what
msgspec cannot express is checked with the models' own functions (real dates, card
numbers in free text, masked PANs, audit details); the sale rules in one pass
(:func:`kiosk.hq.sale_rules.adds_up`; a discounted sale, with ``totals.savings`` and
``discounts`` since offers, is checked by the named rules). As in
the model's dump, an absent or null ``savings`` / ``discounts`` is left out of the
canonical JSON, so a lane without offers keeps its documents' hashes. Each sale's canonical JSON
is encoded once (msgspec writes the bytes ``SaleDocument.model_dump_json(by_alias=True)``
writes: tests/hq pins it, since replays are detected by that text's SHA-256), rows go
to :func:`kiosk.hq.sales.store_overlapped` (on PostgreSQL the rules and the encoding run
while the database draws the new sales' ids), and the answer is encoded once.

Any doubt sends the request down the pydantic path unchanged: a body msgspec refuses,
a control character anywhere in the body or an escape that may stand for one (or for
a surrogate: an emoji written as ``\\ud83d\\ude00``), a check that fails, a sale of
another lane, a sale that does not add up, a float in audit details, a content type
other than ``application/json``, or a database error. So every 4xx/5xx answer is the
model path's, word for word; the fast path only ever answers 200, with the bytes the
model path would answer (tests/hq compares the two on bad inputs and garbage).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal

import msgspec
import sqlalchemy as sa
from msgspec import UNSET, Meta, UnsetType

from kiosk.hq import sales
from kiosk.hq.auth import LaneIdentity
from kiosk.hq.cards import SHORTEST, card_number_in, masked_pan_problem
from kiosk.hq.errors import HqError
from kiosk.hq.fields import check_details
from kiosk.hq.sale_rules import adds_up

log = logging.getLogger(__name__)
ENABLED = True  # False: every batch takes the model path (tests compare the two)
# Batches answered here ("fast") and handed to the model path ("declined"); the
# benchmarks read them in GET /api/v1/timings.
counts: Counter[str] = Counter()

# In the raw body: a raw DEL or a C1 control in UTF-8; and every JSON escape, read left to
# right (so the "n" of an escaped backslash "\\\\n" is not taken for a newline).
_RAW_DOUBT = re.compile(rb"\x7f|\xc2[\x80-\x9f]")
_ESCAPE = re.compile(rb"\\(?:u([0-9a-fA-F]{4})|(.))", re.DOTALL)


# The same limits as kiosk.hq.fields / kiosk.hq.models (tests/hq compares the two paths).
_UTC_BODY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z"
_UTC = f"^{_UTC_BODY}$"
_IDENT_BODY = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"
_GTIN_BODY, _PLU_BODY, _CURRENCY_BODY = r"[0-9]{14}", r"[0-9]{4,5}", r"[A-Z]{3}"
_RATE_BODY = r"[0-9]{1,3}(\.[0-9]{1,4})?"
Ident = Annotated[str, Meta(min_length=1, max_length=64, pattern=f"^{_IDENT_BODY}$")]
TransactionId = Annotated[str, Meta(min_length=1, max_length=64)]
UtcTime = Annotated[str, Meta(max_length=32, pattern=_UTC)]  # + a real date and time
Short = Annotated[str, Meta(max_length=64)]
Long = Annotated[str, Meta(max_length=200)]
Free = Annotated[str, Meta(max_length=500)]  # + no card number
Label = Annotated[str, Meta(max_length=64)]  # + no card number
Pan = Annotated[str, Meta(max_length=32)]  # + a masked card number
Gtin = Annotated[str, Meta(max_length=14, pattern=f"^{_GTIN_BODY}$")]
Plu = Annotated[str, Meta(max_length=5, pattern=f"^{_PLU_BODY}$")]
Currency = Annotated[str, Meta(max_length=3, pattern=f"^{_CURRENCY_BODY}$")]
Rate = Annotated[str, Meta(max_length=8, pattern=f"^{_RATE_BODY}$")]
# The same fields without their pattern, for the fields every sale or line has: those
# patterns are checked once per batch by _patterns_pass (msgspec's check, one re.search
# per value, was ~1.5 ms of a 500-sale batch's ~10 ms in HQ; issue 16).
IdentText = Annotated[str, Meta(min_length=1, max_length=64)]
TimeText = Annotated[str, Meta(max_length=32)]
GtinText = Annotated[str, Meta(max_length=14)]
PluText = Annotated[str, Meta(max_length=5)]
CurrencyText = Annotated[str, Meta(max_length=3)]
RateText = Annotated[str, Meta(max_length=8)]
Units = Annotated[int, Meta(ge=1, le=100_000)]
Grams = Annotated[int, Meta(ge=1, le=10_000_000)]
Amount = Annotated[int, Meta(ge=0, le=10**12)]
Count = Annotated[int, Meta(ge=0, le=10**9)]


class _Struct(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, gc=False):
    """gc=False: decoded JSON has no reference cycles, so the structs are left out of the
    cyclic collector (a 500-sale batch made ~3,000 tracked objects; decoding took ~40 %
    longer with the collections they set off)."""


class Line(_Struct, kw_only=True):
    line_no: Units
    sku: Short
    gtin: GtinText | None = None  # _patterns_pass
    plu: PluText | None = None  # _patterns_pass
    name: Long
    quantity: Units
    weight_g: Grams | None = None
    unit_price: Amount
    amount: Amount
    tax_class: Short
    tax_rate: RateText  # _patterns_pass
    tax: Amount
    deposit: Amount = 0
    voided: bool = False
    price_override_reason: Free | None = None


class Totals(_Struct, kw_only=True, omit_defaults=True):
    net: Amount
    tax: Amount
    deposit: Amount
    total: Amount
    item_count: Count
    # Since offers; absent or null is left out of the canonical JSON, as the model does.
    savings: Amount | None = None


class DiscountClass(_Struct, kw_only=True):
    tax_class: Short
    amount: Amount
    tax: Amount


class Discount(_Struct, kw_only=True):
    offer_id: Short
    name: Long
    amount: Amount
    lines: Annotated[list[Units], Meta(max_length=2000)] = []
    classes: Annotated[list[DiscountClass], Meta(max_length=50)] = []


class TaxRow(_Struct, kw_only=True):
    tax_class: Short
    rate: RateText  # _patterns_pass
    net: Amount
    tax: Amount
    gross: Amount


class Payment(_Struct, kw_only=True):
    reference: Short
    method: Label
    amount: Amount
    outcome: Label
    auth_code: Short | None = None
    masked_pan: Pan | None = None
    brand: Label | None = None
    terminal_transaction_id: Short | None = None


class Intervention(_Struct, kw_only=True):
    kind: Short
    raised_at: UtcTime
    resolved_at: UtcTime | None = None
    staff_id: Short | None = None
    resolution: Label | None = None


class AuditEntry(_Struct, kw_only=True):
    at: UtcTime
    staff_id: Short | None = None
    action: Short
    reason: Free | None = None
    details: dict[str, Any] = {}


class Sale(_Struct, kw_only=True):
    schema_: Literal[1] = msgspec.field(name="schema")
    store_id: IdentText  # _patterns_pass, as the four below
    lane_id: IdentText
    transaction_id: TransactionId
    started_at: TimeText
    completed_at: TimeText
    currency: CurrencyText
    status: Literal["completed", "cancelled"]
    lines: Annotated[list[Line], Meta(max_length=2000)]
    totals: Totals
    tax_summary: Annotated[list[TaxRow], Meta(max_length=50)] = []
    payments: Annotated[list[Payment], Meta(max_length=50)] = []
    interventions: Annotated[list[Intervention], Meta(max_length=200)] = []
    audit: Annotated[list[AuditEntry], Meta(max_length=1000)] = []
    # Since offers. Not sent and null are both left out of the canonical JSON (the model's
    # dump drops None): decode() turns a null into UNSET, which msgspec does not write.
    discounts: Annotated[list[Discount], Meta(max_length=500)] | UnsetType | None = UNSET


class Batch(_Struct, kw_only=True):
    sales: Annotated[list[Sale], Meta(min_length=1, max_length=1000)]


class _Result(msgspec.Struct):
    transaction_id: str
    status: str
    reason: str | None


class _Answer(msgspec.Struct):
    results: list[_Result]


_DECODER = msgspec.json.Decoder(Batch)
_ENCODER = msgspec.json.Encoder()


def decode(body: bytes) -> Batch | None:
    """The batch in ``body`` if it is clean by every field rule, else None (doubt)."""
    if _doubtful(body):
        return None
    try:
        batch = _DECODER.decode(body)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if not _patterns_pass(batch.sales):
        return None
    for sale in batch.sales:
        if not _fields_pass(sale):
            return None
        if sale.discounts is None:
            sale.discounts = UNSET
    return batch


def _doubtful(body: bytes) -> bool:
    """True if ``body`` may hold a control character or a surrogate: an escape standing
    for one (``\\b \\f \\n \\r \\t``, ``\\u0000``-``\\u001f``, ``\\u007f``-``\\u009f``,
    ``\\ud800``-``\\udfff``, so an emoji escaped as a surrogate pair too), or a raw DEL or C1
    control. Such a body goes down the model path, which names the field. The ``in``
    tests skip the regexes for the usual body."""
    if (b"\x7f" in body or b"\xc2" in body) and _RAW_DOUBT.search(body):
        return True
    if b"\\" not in body:
        return False
    for escape in _ESCAPE.finditer(body):
        code, char = escape.groups()
        if char is not None:
            if char in b"bfnrt":
                return True
        else:
            point = int(code, 16)
            if point < 0x20 or 0x7F <= point <= 0x9F or 0xD800 <= point <= 0xDFFF:
                return True
    return False


def _lines_of(body: str) -> re.Pattern[str]:
    """Full-matches values that each match ``body``, each followed by a newline."""
    return re.compile(f"(?:{body}\n)*")


_IDENTS, _TIMES, _GTINS, _PLUS, _CURRENCIES, _RATES = map(
    _lines_of, (_IDENT_BODY, _UTC_BODY, _GTIN_BODY, _PLU_BODY, _CURRENCY_BODY, _RATE_BODY)
)


def _all_match(lines_of: re.Pattern[str], values: Iterable[str]) -> bool:
    """True if every one of ``values`` matches (as msgspec's ``^...$`` pattern would): one
    regex over the distinct values, a line each. Exact because no decoded string here
    holds a newline (JSON has none raw, and _doubtful declined a body with an escaped
    one), so each line is one whole value."""
    distinct = set(values)
    return not distinct or lines_of.fullmatch("\n".join(distinct) + "\n") is not None


def _patterns_pass(sales_: Sequence[Sale]) -> bool:
    """The patterns of the fields declared without one (IdentText...), for the batch."""
    lines = [line for sale in sales_ for line in sale.lines]
    return (
        _all_match(_IDENTS, [x for sale in sales_ for x in (sale.store_id, sale.lane_id)])
        and _all_match(_TIMES, [x for sale in sales_ for x in (sale.started_at, sale.completed_at)])
        and _all_match(_CURRENCIES, [sale.currency for sale in sales_])
        and _all_match(_GTINS, [line.gtin for line in lines if line.gtin is not None])
        and _all_match(_PLUS, [line.plu for line in lines if line.plu is not None])
        and _all_match(
            _RATES,
            [line.tax_rate for line in lines]
            + [row.rate for sale in sales_ for row in sale.tax_summary],
        )
    )


def _real_time(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _free_ok(value: str | None) -> bool:
    # Shorter than a card number cannot hold one: "card", "approved", "VISA" skip the scan.
    return value is None or len(value) < SHORTEST or not card_number_in(value)


def _fields_pass(sale: Sale) -> bool:
    """The checks of kiosk.hq.fields that msgspec's constraints do not express."""
    if not (_real_time(sale.started_at) and _real_time(sale.completed_at)):
        return False
    for line in sale.lines:
        if not _free_ok(line.price_override_reason):
            return False
    for payment in sale.payments:
        if not (_free_ok(payment.method) and _free_ok(payment.outcome) and _free_ok(payment.brand)):
            return False
        if payment.masked_pan is not None and masked_pan_problem(payment.masked_pan) is not None:
            return False
    for item in sale.interventions:
        if not (_real_time(item.raised_at) and _free_ok(item.resolution)):
            return False
        if item.resolved_at is not None and not _real_time(item.resolved_at):
            return False
    for entry in sale.audit:
        if not (_real_time(entry.at) and _free_ok(entry.reason)):
            return False
        if entry.details and not _details_ok(entry.details):
            return False
    return True


def _details_ok(details: dict[str, Any]) -> bool:
    """The model's limits hold, and no float (pydantic and msgspec write some differently)."""
    try:
        check_details(details)
    except ValueError:  # PydanticCustomError is a ValueError
        return False
    stack: list[Any] = [details]
    while stack:
        node = stack.pop()
        if isinstance(node, float):
            return False
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return True


def encode(sales_: Sequence[Sale]) -> list[sales.EncodedSale]:
    """Each sale with its canonical JSON (encoded once) and that text's SHA-256."""
    out = []
    for sale in sales_:
        raw = _ENCODER.encode(sale)
        out.append(sales.encode_sale(sale, raw.decode(), hashlib.sha256(raw).hexdigest()))
    return out


def answer(outcomes: Sequence[sales.Outcome]) -> bytes:
    """The 200 body, as the model path's ``BatchResult`` would be written."""
    return _ENCODER.encode(_Answer([_Result(t, s, r) for t, s, r in outcomes]))


def try_batch(
    engine: sa.Engine, who: LaneIdentity, body: bytes, content_type: bytes | None
) -> bytes | None:
    """The 200 answer for a clean batch, written; None if in any doubt (nothing written)."""
    answered = _try_batch(engine, who, body, content_type)
    counts["declined" if answered is None else "fast"] += 1
    return answered


def _try_batch(
    engine: sa.Engine, who: LaneIdentity, body: bytes, content_type: bytes | None
) -> bytes | None:
    if content_type != b"application/json":
        return None
    batch = decode(body)
    if batch is None:
        return None
    lane = (who.store_id, who.lane_id)
    if any((sale.store_id, sale.lane_id) != lane for sale in batch.sales):
        return None

    def prepare() -> list[sales.EncodedSale] | None:
        # On PostgreSQL this runs while the database draws the batch's sale ids.
        if not all(_adds_up(sale) for sale in batch.sales):
            return None
        return encode(batch.sales)

    tids = [sale.transaction_id for sale in batch.sales]
    try:
        outcomes = sales.store_overlapped(engine, who, tids, prepare)
    except (sa.exc.SQLAlchemyError, HqError) as error:
        # Rolled back (a failed commit too, as far as HQ can know): the model path writes
        # again and answers the error its way; a sale that did commit meanwhile would be
        # answered "duplicate", which the lane treats as sent.
        log.info("fast sales path: %s; the model path answers", type(error).__name__)
        return None
    return None if outcomes is None else answer(outcomes)


def _adds_up(sale: Sale) -> bool:
    try:
        return adds_up(sale)
    except ValueError:
        return False
