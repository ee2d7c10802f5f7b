"""GS1 element strings: ``01...17...10...<GS>21...`` and the printed form ``(01)...(10)...``.

Theory of operation: a GS1 symbol (GS1-128, DataBar, GS1 DataMatrix/QR) carries
AI + data pairs back to back. An AI from the predefined-length table is followed
directly by the next AI; any other AI's data runs to a GS character (ASCII 29,
what scanners send for FNC1) or to the end. :func:`parse_element_string` walks
the data with that rule; :func:`parse_hri` reads the human-readable form with
each AI in parentheses. Both check every value with :func:`make_element`, the
one place that validates a pair, which the digital-link parser uses too.

An :class:`Element` keeps the raw value and adds what the lane may need from it:
the date for YYMMDD AIs (only when ``today`` is passed in, for the century rule),
the decimal amount for 31nn-36nn and 390n-395n, and the currency of 391n/393n.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kiosk.domain.gs1.ai_table import AiSpec, ai_spec, find_ai
from kiosk.domain.gs1.content import ISO4217_NUMERIC, check_component
from kiosk.domain.gs1.dates import resolve_date
from kiosk.domain.gtin import BarcodeError

GS = "\x1d"
_HRI_AI = re.compile(r"\((\d{2,4})\)")


@dataclass(frozen=True, slots=True)
class Element:
    """One AI and its data.

    Attributes:
        ai: the Application Identifier ("01", "3103").
        value: the data as encoded, without separators.
        title: the GS1 data title.
        date: for date AIs, the date (DD=00 resolved to the month's last day),
            when the parse was given ``today``; else None.
        amount: for measures and amounts, the value with its implied decimals.
        currency: for 391n/393n, the ISO 4217 code (alphabetic when known,
            else the three digits).
    """

    ai: str
    value: str
    title: str
    date: date | None = None
    amount: Decimal | None = None
    currency: str | None = None


def _split_components(spec: AiSpec, value: str) -> list[str]:
    parts: list[str] = []
    position = 0
    last = len(spec.components) - 1
    for index, component in enumerate(spec.components):
        if component.optional and position >= len(value):
            break
        variable = component.min_length != component.max_length and not component.optional
        end = len(value) if variable or index == last else position + component.max_length
        parts.append(value[position:end])
        position = end
    if position < len(value):
        parts[-1] += value[position:]
    return parts


def make_element(ai: str, value: str, today: date | None = None) -> Element:
    """Validate ``value`` as the data of ``ai`` and interpret it.

    Raises:
        BarcodeError: naming the AI and what is wrong (unknown AI, length,
            character set, check digit, date).
    """
    spec = ai_spec(ai)
    if spec is None:
        raise BarcodeError(f"({ai}) is not a known GS1 application identifier")
    label = f"({ai}) {spec.title}"
    if not value:
        raise BarcodeError(f"{label}: no data")
    if not spec.min_length <= len(value) <= spec.max_length:
        expected = (
            str(spec.max_length)
            if spec.fixed_length is not None
            else f"{spec.min_length} to {spec.max_length}"
        )
        raise BarcodeError(f"{label}: {value!r} has {len(value)} characters, expected {expected}")
    parts = _split_components(spec, value)
    for component, part in zip(spec.components, parts, strict=False):
        problem = check_component(component, part)
        if problem:
            raise BarcodeError(f"{label}: {problem}")
    return _interpret(spec, value, parts, today)


def _interpret(spec: AiSpec, value: str, parts: list[str], today: date | None) -> Element:
    resolved: date | None = None
    first = spec.components[0]
    if today is not None and ("date" in first.checks or "date0" in first.checks):
        resolved = resolve_date(parts[0], today, day_zero="date0" in first.checks)
    amount: Decimal | None = None
    currency: str | None = None
    if spec.decimals is not None:
        digits = parts[-1]
        amount = Decimal(int(digits)).scaleb(-spec.decimals)
        if len(parts) == 2:
            currency = ISO4217_NUMERIC.get(parts[0], parts[0])
    return Element(spec.ai, value, spec.title, resolved, amount, currency)


def _check_combination(elements: Sequence[Element]) -> tuple[Element, ...]:
    """Drop exact repeats; refuse an AI repeated with another value and rival measures."""
    seen: dict[str, Element] = {}
    families: dict[str, str] = {}
    for element in elements:
        earlier = seen.get(element.ai)
        if earlier is not None:
            if earlier.value != element.value:
                raise BarcodeError(
                    f"({element.ai}) appears twice with different values "
                    f"{earlier.value!r} and {element.value!r}"
                )
            continue
        if element.amount is not None:
            family = element.ai[:3]
            rival = families.setdefault(family, element.ai)
            if rival != element.ai:
                raise BarcodeError(f"({rival}) and ({element.ai}) cannot both appear")
        seen[element.ai] = element
    if "01" in seen and "02" in seen:
        raise BarcodeError("(01) GTIN and (02) CONTENT cannot both appear")
    return tuple(seen.values())


def parse_element_string(data: str, today: date | None = None) -> tuple[Element, ...]:
    """Parse AI + data pairs separated by GS where the AI table needs it.

    A leading GS (an FNC1 some scanners transmit) is skipped, and so is a
    superfluous GS after a fixed-length AI.

    Raises:
        BarcodeError: for an unknown AI, a missing or bad value, or data left over.
    """
    body = data[1:] if data.startswith(GS) else data
    if not body:
        raise BarcodeError("empty GS1 element string")
    elements: list[Element] = []
    position = 0
    while position < len(body):
        spec = find_ai(body, position)
        if spec is None:
            raise BarcodeError(
                f"no GS1 application identifier at position {position} "
                f"of the element string: {body[position : position + 4]!r}"
            )
        start = position + len(spec.ai)
        fixed = spec.fixed_length
        if fixed is not None:
            end = start + fixed
            if len(body) < end or GS in body[start:end]:
                raise BarcodeError(
                    f"({spec.ai}) {spec.title}: needs {fixed} characters, got "
                    f"{body[start:end].split(GS)[0]!r}"
                )
        else:
            found = body.find(GS, start)
            end = len(body) if found < 0 else found
        elements.append(make_element(spec.ai, body[start:end], today))
        position = end + 1 if end < len(body) and body[end] == GS else end
    return _check_combination(elements)


def parse_hri(text: str, today: date | None = None) -> tuple[Element, ...]:
    """Parse the human-readable form ``(01)09506000134352(17)271231(10)ABC``.

    Spaces around AIs and values (as printed under a barcode) are ignored.

    Raises:
        BarcodeError: if the text does not start with an AI in parentheses or a
            pair is invalid.
    """
    text = text.strip()
    matches = list(_HRI_AI.finditer(text))
    if not matches or matches[0].start() != 0:
        raise BarcodeError(
            f"GS1 human-readable data must start with an AI in parentheses, got {text[:8]!r}"
        )
    elements = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        elements.append(make_element(match.group(1), text[match.end() : end].strip(), today))
    return _check_combination(elements)


def parse_gs1(text: str, today: date | None = None) -> tuple[Element, ...]:
    """Parse either form: ``(`` first means human-readable, else an element string.

    Raises:
        BarcodeError: as :func:`parse_hri` / :func:`parse_element_string`.
    """
    if text.lstrip().startswith("("):
        return parse_hri(text, today)
    return parse_element_string(text, today)


def combine(elements: Iterable[Element]) -> tuple[Element, ...]:
    """Check a sequence of elements from any source the way the parsers do.

    Raises:
        BarcodeError: for a repeated AI with another value or rival measures.
    """
    return _check_combination(list(elements))


def to_hri(elements: Iterable[Element]) -> str:
    """The human-readable form: ``(01)09506000134352(10)ABC``."""
    return "".join(f"({element.ai}){element.value}" for element in elements)


def to_element_string(elements: Sequence[Element]) -> str:
    """The element string with a GS after each AI that needs one, except the last."""
    pieces = []
    for index, element in enumerate(elements):
        pieces.append(element.ai + element.value)
        spec = ai_spec(element.ai)
        if index + 1 < len(elements) and spec is not None and not spec.predefined:
            pieces.append(GS)
    return "".join(pieces)


def find(elements: Iterable[Element], ai: str) -> Element | None:
    """The element with ``ai``, or None."""
    return next((element for element in elements if element.ai == ai), None)
