"""What a document reader hands the lane: the MRZ lines of one document read.

The lines are held in memory only, for the journey to parse at once (DESIGN.md
invariant 6: no full MRZ on disk or in a log), so ``repr`` shows how many lines
there were and never what they say.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DocumentRead:
    """One document read: its MRZ lines as the reader sent them (top to bottom)."""

    lines: tuple[str, ...] = field(repr=False)
    device: str = ""

    def __repr__(self) -> str:
        return f"DocumentRead(device={self.device!r}, lines=<{len(self.lines)} hidden>)"
