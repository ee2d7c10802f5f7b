"""Tell a wedge scan from a person typing, in a stream of key characters. Pure.

For lanes where the scanner's keystrokes reach the UI (no evdev access), the
Qt key filter feeds every character with its timestamp. A scanner types a
whole code in a fast burst (a few ms per key) and ends with a terminator; a
person types slower. The detector holds characters back while they might be
a scan, then says either ``BurstScan(code)`` (swallow the keys) or
``Typed(text)`` (hand them to the focused widget after all). Call
:meth:`BurstDetector.poll` from a timer so held keys are released when no
terminator follows. Times are seconds from any monotonic clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.devices.scanner.scan import split_aim


@dataclass(frozen=True, slots=True)
class BurstScan:
    """A burst that was a scan: its code and AIM identifier (if any)."""

    code: str
    symbology: str | None = None


@dataclass(frozen=True, slots=True)
class Typed:
    """Keys that were not a scan, to be delivered as normal typing."""

    text: str


class BurstDetector:
    """Args:
    max_gap: the longest pause between two keys of one scan (seconds).
    min_length: the fewest characters a scan has (shorter bursts are typing).
    terminators: characters that end a scan (``"\\r"``, ``"\\n"``, ``"\\t"``).
    aim: split a leading AIM identifier off the code.
    """

    def __init__(
        self,
        max_gap: float = 0.03,
        min_length: int = 4,
        terminators: str = "\r\n",
        aim: bool = True,
    ) -> None:
        self.max_gap = max_gap
        self.min_length = min_length
        self.terminators = terminators
        self.aim = aim
        self._held: list[str] = []
        self._last = 0.0

    @property
    def holding(self) -> bool:
        """True while characters are held back (the UI should keep its timer running)."""
        return bool(self._held)

    def feed(self, char: str, at: float) -> list[BurstScan | Typed]:
        """One typed character at time ``at``; returns what is decided by it."""
        out: list[BurstScan | Typed] = []
        if self._held and at - self._last > self.max_gap:
            out.append(self._release())
        self._last = at
        if char in self.terminators:
            if len(self._held) >= self.min_length:
                out.append(self._scan())
            else:
                out.append(Typed("".join(self._held) + char))
                self._held.clear()
            return out
        self._held.append(char)
        return out

    def poll(self, now: float) -> list[BurstScan | Typed]:
        """Release held characters if no key came for ``max_gap``."""
        if self._held and now - self._last > self.max_gap:
            return [self._release()]
        return []

    def _release(self) -> Typed:
        text = "".join(self._held)
        self._held.clear()
        return Typed(text)

    def _scan(self) -> BurstScan:
        text = "".join(self._held)
        self._held.clear()
        symbology, code = split_aim(text) if self.aim else (None, text)
        return BurstScan(code, symbology)
