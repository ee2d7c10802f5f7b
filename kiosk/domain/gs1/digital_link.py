"""GS1 Digital Link URIs: ``https://id.gs1.org/01/09506000134352/10/ABC?17=271231``.

Theory of operation (GS1 Digital Link standard 1.x, URI syntax): any http(s)
host, an optional path prefix of the owner's choosing, then a primary key as
``/AI/value`` (01 GTIN, 00 SSCC, 414 GLN, ...), then that key's qualifiers in
their fixed order (for 01: 22, 10, 21, or 235), then data attributes as query
parameters whose names are AIs (``?17=271231&3103=000500``). Other query
parameters (``linkType``...) and the fragment are ignored. Short names
(``/gtin/``, ``/lot/``, ``/ser/``...) are accepted for the path. A GTIN-8/12/13
in the path is padded to 14 digits. A URI counts as a digital link only when the
value after the key has the key's shape (digits of a GTIN length after ``/01/``),
so ``https://example.com/blog/01/intro`` is just a URL. Every pair is validated by
:func:`~kiosk.domain.gs1.element_string.make_element`, so a digital link gives
the same elements as the element string with the same data.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from kiosk.domain.gs1.ai_table import ai_spec
from kiosk.domain.gs1.element_string import Element, combine, make_element
from kiosk.domain.gtin import BarcodeError

DEFAULT_RESOLVER = "https://id.gs1.org"

# Primary key -> allowed qualifier sequences (each in its fixed order).
PRIMARY_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "01": (("22", "10", "21"), ("235",)),
    "00": (),
    "253": (),
    "255": (),
    "401": (),
    "402": (),
    "414": (("254",), ("7040",)),
    "415": (("8020",),),
    "417": (("7040",),),
    "8003": (),
    "8004": (("7040",),),
    "8006": (("22", "10", "21"),),
    "8010": (("8011",),),
    "8013": (),
    "8017": (("8019",),),
    "8018": (("8019",),),
}
SHORT_NAMES: dict[str, str] = {
    "gtin": "01", "sscc": "00", "cpv": "22", "lot": "10", "ser": "21", "tpx": "235",
    "gdti": "253", "gcn": "255", "ginc": "401", "gsin": "402", "gln": "414", "glnx": "254",
    "payTo": "415", "refNo": "8020", "party": "417", "grai": "8003", "giai": "8004",
    "itip": "8006", "cpid": "8010", "cpsn": "8011", "gmn": "8013", "gsrnp": "8017",
    "gsrn": "8018", "srin": "8019",
}  # fmt: skip


def _ai_name(segment: str) -> str:
    return SHORT_NAMES.get(segment, segment)


def _plausible_key(ai: str, value: str) -> bool:
    """True if ``value`` has the shape of ``ai``'s key, so that a URI such as
    ``/blog/01/intro`` is not taken for a digital link."""
    if ai == "01":
        return value.isascii() and value.isdigit() and len(value) in (8, 12, 13, 14)
    spec = ai_spec(ai)
    first = spec.components[0] if spec else None
    if first is not None and first.charset == "N" and not first.optional:
        head = value[: first.max_length]
        return len(head) >= first.min_length and head.isascii() and head.isdigit()
    return bool(value)


def _primary_index(segments: Sequence[str]) -> int | None:
    for index, segment in enumerate(segments):
        rest = len(segments) - index
        ai = _ai_name(segment)
        if (
            ai in PRIMARY_KEYS
            and rest >= 2
            and rest % 2 == 0
            and _plausible_key(ai, unquote(segments[index + 1]))
        ):
            return index
    return None


def looks_like_digital_link(text: str) -> bool:
    """True if ``text`` is an http(s) URI whose path holds a GS1 primary key and value.

    Never raises.
    """
    text = text.strip()
    if not text[:8].lower().startswith(("http://", "https://")):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return _primary_index(parts.path.strip("/").split("/")) is not None


def _check_qualifiers(primary: str, qualifiers: Sequence[str]) -> None:
    if not qualifiers:
        return
    for sequence in PRIMARY_KEYS[primary]:
        positions = [sequence.index(q) if q in sequence else -1 for q in qualifiers]
        if -1 not in positions and positions == sorted(set(positions)):
            return
    allowed = " or ".join("/".join(s) for s in PRIMARY_KEYS[primary]) or "none"
    raise BarcodeError(
        f"digital link: qualifiers {'/'.join(qualifiers)} are not allowed "
        f"after ({primary}), expected in order: {allowed}"
    )


def parse_digital_link(uri: str, today: date | None = None) -> tuple[Element, ...]:
    """Parse a GS1 Digital Link URI into elements: primary key, qualifiers, attributes.

    Raises:
        BarcodeError: if it is not an http(s) URI with a primary key, a qualifier
            is misplaced, a query AI is unknown, or any value is invalid.
    """
    try:
        parts = urlsplit(uri.strip())
    except ValueError as error:
        raise BarcodeError(f"digital link: not a URI ({error})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise BarcodeError(f"digital link must be an http(s) URI with a host, got {uri[:40]!r}")
    segments = parts.path.strip("/").split("/")
    start = _primary_index(segments)
    if start is None:
        raise BarcodeError(f"digital link {uri[:60]!r} has no GS1 primary key such as /01/<GTIN>")
    pairs = [
        (_ai_name(segments[i]), unquote(segments[i + 1])) for i in range(start, len(segments), 2)
    ]
    primary, value = pairs[0]
    if primary == "01" and len(value) in (8, 12, 13) and value.isdigit():
        value = value.zfill(14)
    _check_qualifiers(primary, [ai for ai, _ in pairs[1:]])
    elements = [make_element(primary, value, today)]
    elements += [make_element(ai, text, today) for ai, text in pairs[1:]]
    for name, text in parse_qsl(parts.query, keep_blank_values=True):
        if not (name.isascii() and name.isdigit()):
            continue  # linkType, context and other non-AI parameters
        if name in PRIMARY_KEYS:
            raise BarcodeError(f"digital link: primary key ({name}) cannot be a query parameter")
        elements.append(make_element(name, text, today))
    return combine(elements)


def to_digital_link(elements: Sequence[Element], resolver: str = DEFAULT_RESOLVER) -> str:
    """Build the canonical digital link for ``elements`` on ``resolver``.

    Raises:
        BarcodeError: if no element is a primary key.
    """
    primary = next((e for e in elements if e.ai in PRIMARY_KEYS), None)
    if primary is None:
        raise BarcodeError("no GS1 primary key (such as (01) GTIN) to build a digital link from")
    sequence: tuple[str, ...] = ()
    by_ai = {e.ai: e for e in elements}
    for candidate in PRIMARY_KEYS[primary.ai]:
        if any(ai in by_ai for ai in candidate):
            sequence = candidate
            break
    path = [primary.ai, quote(primary.value, safe="")]
    used = {primary.ai}
    for ai in sequence:
        if ai in by_ai:
            path += [ai, quote(by_ai[ai].value, safe="")]
            used.add(ai)
    query = [(e.ai, e.value) for e in elements if e.ai not in used]
    uri = resolver.rstrip("/") + "/" + "/".join(path)
    return uri + ("?" + urlencode(query) if query else "")
