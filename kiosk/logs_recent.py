"""The lane's last error log records, for its heartbeat (HQ's lane page shows them).

:class:`RecentErrors` is a logging handler that keeps the last ``keep`` records of level
ERROR and above as small dicts (time, logger, message). It carries its own
:class:`kiosk.logs.SecretFilter` (the one redaction point), so what it keeps is redacted
even when no other handler is installed; control characters become spaces and texts are
cut to what HQ's heartbeat model takes.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import deque
from datetime import UTC, datetime
from typing import Any

from kiosk.logs import SecretFilter

KEEP = 10
MAX_MESSAGE = 500
MAX_LOGGER = 64
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]+")


def clean(text: str, limit: int) -> str:
    """``text`` on one line (control characters as spaces), at most ``limit`` characters."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


class RecentErrors(logging.Handler):
    """Keeps the last ``keep`` ERROR (and worse) records; thread-safe."""

    def __init__(self, keep: int = KEEP, level: int = logging.ERROR) -> None:
        super().__init__(level)
        self.addFilter(SecretFilter())
        self._records: deque[dict[str, str]] = deque(maxlen=keep)
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()  # redacted by the filter already
        if record.exc_text:
            message = f"{message} | {record.exc_text.strip().splitlines()[-1]}"
        at = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
        entry = {
            "at": at[:23] + "Z",
            "logger": clean(record.name, MAX_LOGGER) or "root",
            "message": clean(message, MAX_MESSAGE),
        }
        with self._guard:
            self._records.append(entry)

    def snapshot(self) -> list[dict[str, Any]]:
        """The kept records, oldest first (copies)."""
        with self._guard:
            return [dict(r) for r in self._records]

    def install(self, logger: logging.Logger | None = None) -> RecentErrors:
        """Attach to ``logger`` (the root logger by default); returns self."""
        (logger or logging.getLogger()).addHandler(self)
        return self

    def uninstall(self, logger: logging.Logger | None = None) -> None:
        (logger or logging.getLogger()).removeHandler(self)
