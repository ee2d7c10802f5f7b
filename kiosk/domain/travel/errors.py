"""The two errors of travel-document parsing; each names the field and where it is.

A message is one line meant for an agent's screen or a terminal. It never holds
a whole MRZ line (DESIGN.md invariant 6): at most the characters of the field
that is wrong.
"""

from __future__ import annotations


class TravelDocumentError(ValueError):
    """Base class: ``field`` is the field's name, ``position`` where it starts (0-based)."""

    def __init__(self, field: str, position: int | None, problem: str) -> None:
        self.field = field
        self.position = position
        self.problem = problem
        super().__init__(self._text())

    def _where(self) -> str:
        return "" if self.position is None else f" at position {self.position}"

    def _text(self) -> str:
        return f"{self.field}{self._where()}: {self.problem}"


class BcbpError(TravelDocumentError):
    """A bar-coded boarding pass (IATA Resolution 792) that cannot be read or written.

    ``position`` is the 0-based offset of the field in the BCBP string.
    """


class MrzError(TravelDocumentError):
    """A machine-readable zone (ICAO 9303) that cannot be read.

    ``line`` and ``column`` are 1-based, as Doc 9303 numbers them; ``position``
    is the 0-based offset in the line (``None`` when the whole MRZ is wrong).
    """

    def __init__(
        self, field: str, problem: str, *, line: int | None = None, column: int | None = None
    ) -> None:
        self.line = line
        self.column = column
        super().__init__(field, None if column is None else column - 1, problem)

    def _where(self) -> str:
        if self.line is None:
            return ""
        if self.column is None:
            return f" (line {self.line})"
        return f" (line {self.line}, column {self.column})"
