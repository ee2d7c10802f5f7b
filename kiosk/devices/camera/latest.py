"""A one-frame slot between the capture thread and the decoder: only the newest frame wins.

The capture thread never waits for the decoder (a slow decode must not let
frames queue up and the picture lag behind the shopper); the decoder waits
for a frame newer than the one it decoded last.
"""

from __future__ import annotations

import threading
from typing import Any


class LatestFrame:
    def __init__(self) -> None:
        self._ready = threading.Condition()
        self._frame: Any = None
        self._number = 0
        self.dropped = 0  # frames overwritten before anyone took them

    def put(self, frame: Any) -> None:
        """Replace the frame (from the capture thread)."""
        with self._ready:
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            self._number += 1
            self._ready.notify_all()

    def take(self, timeout: float) -> Any | None:
        """The newest frame not taken yet, waiting up to ``timeout`` s; None if none came."""
        with self._ready:
            if not self._ready.wait_for(lambda: self._frame is not None, timeout):
                return None
            frame, self._frame = self._frame, None
            return frame

    @property
    def number(self) -> int:
        """How many frames were put so far."""
        return self._number
