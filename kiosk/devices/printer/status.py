"""Real-time printer status (DLE EOT n), sans-IO.

Theory of operation: the host sends ``DLE EOT n`` (``10 04 n``) for n = 1
(printer), 2 (offline cause), 3 (error cause) and 4 (roll paper sensor); an
Epson-compatible printer answers each with one byte in which bits 1 and 4 are
always 1 and bits 0 and 7 always 0 (``byte & 0x93 == 0x12``). A byte that
breaks that rule is not a status reply (line noise, an ASB message, a
printer in another mode) and counts as no answer.

:class:`StatusExchange` walks the four queries: ``next_query()`` gives the
bytes to send, ``feed(data)`` gives it the reply, ``no_reply()`` records a
timeout, and ``result()`` combines what it learned into a :class:`PrinterStatus`.
Unlike python-escpos's ``paper_status()``, which turns a missing reply into
a number that looks like an answer, a query without a valid reply leaves its
facts *unknown*, and no reply to query 1 means the printer is offline.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.devices.status import Condition, DeviceStatus, Health

QUERIES = (1, 2, 3, 4)


def query_bytes(n: int) -> bytes:
    """``DLE EOT n``."""
    return bytes((0x10, 0x04, n))


def is_status_byte(value: int) -> bool:
    """True for a byte shaped like a DLE EOT reply (fixed bits 0x12 set, 0x81 clear)."""
    return value & 0x93 == 0x12


class PaperState(enum.Enum):
    OK = "ok"
    LOW = "low"
    OUT = "out"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What the printer said; ``None`` means it did not say."""

    online: bool | None = None
    paper: PaperState = PaperState.UNKNOWN
    cover_open: bool | None = None
    error: bool | None = None
    drawer_pin_high: bool | None = None  # drawer sensor level; open/closed depends on the drawer

    @property
    def can_print(self) -> bool:
        """True when nothing known stands in the way (unknown paper does not block)."""
        return (
            self.online is not False
            and self.paper is not PaperState.OUT
            and not self.cover_open
            and not self.error
        )

    def device_status(self) -> DeviceStatus:
        """The common :class:`DeviceStatus` for this printer status."""
        conditions = set()
        if self.paper is PaperState.OUT:
            conditions.add(Condition.PAPER_OUT)
        elif self.paper is PaperState.LOW:
            conditions.add(Condition.PAPER_LOW)
        if self.cover_open:
            conditions.add(Condition.COVER_OPEN)
        frozen = frozenset(str(c) for c in conditions)
        if self.online is None:
            return DeviceStatus(Health.OFFLINE, frozen, "printer does not answer status queries")
        if self.paper is PaperState.OUT:
            return DeviceStatus(Health.ERROR, frozen, "paper out")
        if self.cover_open:
            return DeviceStatus(Health.ERROR, frozen, "cover open")
        if self.error:
            return DeviceStatus(Health.ERROR, frozen, "printer error (cutter or mechanism)")
        if self.online is False:
            return DeviceStatus(Health.OFFLINE, frozen, "printer reports offline")
        detail = "paper low" if self.paper is PaperState.LOW else ""
        return DeviceStatus(Health.READY, frozen, detail)


def parse_reply(n: int, value: int) -> dict[str, object]:
    """The facts one valid reply byte to query ``n`` states (empty for an invalid byte)."""
    if not is_status_byte(value):
        return {}
    if n == 1:
        return {"online": not value & 0x08, "drawer_pin_high": bool(value & 0x04)}
    if n == 2:
        return {
            "cover_open": bool(value & 0x04),
            "paper_stop": bool(value & 0x20),
            "error": bool(value & 0x40),
        }
    if n == 3:
        return {"error": bool(value & 0x68)}
    if n == 4:
        if value & 0x60:
            return {"paper": PaperState.OUT}
        return {"paper": PaperState.LOW if value & 0x0C else PaperState.OK}
    return {}


class StatusExchange:
    """One round of DLE EOT 1..4; see the module docstring."""

    def __init__(self, queries: tuple[int, ...] = QUERIES) -> None:
        self._queries = list(queries)
        self._current: int | None = None
        self._facts: dict[str, object] = {}
        self._answered: set[int] = set()

    def next_query(self) -> bytes | None:
        """The next query to send, or None when the round is over."""
        if not self._queries:
            self._current = None
            return None
        self._current = self._queries.pop(0)
        return query_bytes(self._current)

    def feed(self, data: bytes) -> bool:
        """Take the reply bytes read after the current query; True if one was a valid reply.

        Bytes that are not status replies are ignored; the first valid one counts.
        """
        if self._current is None:
            return False
        for value in data:
            if is_status_byte(value):
                facts = parse_reply(self._current, value)
                if facts.get("error") is False and self._facts.get("error"):
                    facts.pop("error")  # an error seen by one query is not cleared by another
                self._facts.update(facts)
                self._answered.add(self._current)
                self._current = None
                return True
        return False

    def no_reply(self) -> None:
        """The current query timed out."""
        self._current = None

    def result(self) -> PrinterStatus:
        """Everything learned this round."""
        facts = self._facts
        online = facts.get("online") if 1 in self._answered else None
        paper = facts.get("paper", PaperState.UNKNOWN)
        if facts.get("paper_stop") and paper is not PaperState.OUT:
            paper = PaperState.OUT
        return PrinterStatus(
            online=online,  # type: ignore[arg-type]
            paper=paper if online is not None else PaperState.UNKNOWN,  # type: ignore[arg-type]
            cover_open=facts.get("cover_open"),  # type: ignore[arg-type]
            error=facts.get("error"),  # type: ignore[arg-type]
            drawer_pin_high=facts.get("drawer_pin_high"),  # type: ignore[arg-type]
        )


def encode_reply(
    n: int,
    *,
    online: bool = True,
    paper: PaperState = PaperState.OK,
    cover_open: bool = False,
    error: bool = False,
    drawer_pin_high: bool = False,
) -> bytes:
    """The byte an Epson-compatible printer would answer to ``DLE EOT n`` (for the simulator)."""
    value = 0x12
    if n == 1:
        value |= 0 if online else 0x08
        value |= 0x04 if drawer_pin_high else 0
    elif n == 2:
        value |= (0x04 if cover_open else 0) | (0x20 if paper is PaperState.OUT else 0)
        value |= 0x40 if error else 0
    elif n == 3:
        value |= 0x40 if error else 0
    elif n == 4:
        if paper is PaperState.OUT:
            value |= 0x6C
        elif paper is PaperState.LOW:
            value |= 0x0C
    return bytes((value,))
