"""Pure helpers of the camera pipeline: region of interest and the repeat filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class RegionOfInterest:
    """The part of the frame to decode, as fractions of its width/height (0..1).

    Raises:
        ValueError: a region outside the frame or empty.
    """

    x: float = 0.0
    y: float = 0.0
    width: float = 1.0
    height: float = 1.0

    def __post_init__(self) -> None:
        if not (
            0 <= self.x < 1
            and 0 <= self.y < 1
            and 0 < self.width <= 1
            and 0 < self.height <= 1
            and self.x + self.width <= 1 + 1e-9
            and self.y + self.height <= 1 + 1e-9
        ):
            raise ValueError(f"region {self} is not inside the frame (fractions 0..1)")

    @property
    def whole(self) -> bool:
        return (self.x, self.y, self.width, self.height) == (0.0, 0.0, 1.0, 1.0)

    def crop(self, frame: Any) -> Any:
        """The region of ``frame`` (a numpy image, rows x columns[, channels]); a view."""
        if self.whole:
            return frame
        rows, cols = frame.shape[:2]
        top, left = round(self.y * rows), round(self.x * cols)
        bottom = max(top + 1, round((self.y + self.height) * rows))
        right = max(left + 1, round((self.x + self.width) * cols))
        return frame[top:bottom, left:right]


class RepeatFilter:
    """Report a code once while it stays in view.

    A code is accepted if it was not *seen* during the last ``window`` seconds;
    every sighting (accepted or not) restarts its window, so a product held in
    front of the camera is reported once, and shown again after being away for
    ``window`` seconds it is reported again (a deliberate second scan).
    """

    def __init__(self, window: float) -> None:
        self.window = window
        self._seen: dict[str, float] = {}

    def accept(self, code: str, now: float) -> bool:
        """True if ``code`` seen at ``now`` should be reported."""
        last = self._seen.get(code)
        self._seen[code] = now
        if len(self._seen) > 256:
            self._forget(now)
        return last is None or now - last >= self.window

    def _forget(self, now: float) -> None:
        self._seen = {c: t for c, t in self._seen.items() if now - t < self.window}
