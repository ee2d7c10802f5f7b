"""The one logging setup: every process calls ``setup_logging`` once at start."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def setup_logging(level: str = "INFO", file: Path | None = None) -> None:
    """Configure the root logger: stderr, plus a rotating file when ``file`` is given."""
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                file, maxBytes=10_000_000, backupCount=5, encoding="utf-8"
            )
        )
    logging.basicConfig(level=level, format=FORMAT, handlers=handlers, force=True)
