"""The one logging setup: every process calls ``setup_logging`` once at start.

Every handler it installs carries :class:`SecretFilter`, the one place where log
text is redacted (DESIGN.md invariant 6): a card number in any spacing and
MRZ-like text are masked in the message, its arguments, the exception text and
the stack text of every record, so a traceback that quotes a scanned code
cannot leak it either.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from kiosk.domain.cardlike import redact_card_numbers
from kiosk.domain.mrzlike import redact_mrz

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# What every LogRecord has; anything else on a record came from ``extra=``.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
}


class LoggingSettings(Protocol):
    """What :func:`setup_lane_logging` reads (``kiosk.config.lane.LoggingConfig``)."""

    level: str
    file: Path | None
    format: str
    rotate_bytes: int
    rotate_keep: int


def redact(text: str) -> str:
    """``text`` with card numbers and MRZ-like runs masked (see kiosk.domain)."""
    return redact_card_numbers(redact_mrz(text))


class SecretFilter(logging.Filter):
    """Masks secrets in a record before any handler formats it; never drops a record.

    The message is rendered with its arguments first (so a card number split between
    the format string and an argument is still seen whole) and the record keeps only
    the redacted text. Exception and stack text are rendered and redacted too; the
    formatter then uses that text instead of rendering the exception again.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception as error:  # a bad format string must not lose the record
            message = f"{record.msg!r} (unformattable: {type(error).__name__})"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for name, value in list(vars(record).items()):
            if name not in _STANDARD and isinstance(value, str):
                setattr(record, name, redact(value))
        return True


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, logger, thread, message,
    the exception text when there is one, and every ``extra=`` field.

    It formats what :class:`SecretFilter` left on the record, so the one redaction point
    covers this format too.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "thread": record.threadName,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        for name, value in vars(record).items():
            if name not in _STANDARD and name not in entry:
                entry[name] = (
                    value if isinstance(value, (int, float, bool, type(None))) else str(value)
                )
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(
    level: str = "INFO",
    file: Path | None = None,
    *,
    json_lines: bool = False,
    rotate_bytes: int = 10_000_000,
    rotate_keep: int = 5,
) -> None:
    """Configure the root logger: stderr, plus a file rotated at ``rotate_bytes`` (keeping
    ``rotate_keep`` old ones) when ``file`` is given; JSON lines instead of text when asked.

    Every handler gets a :class:`SecretFilter`.
    """
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if file is not None:
        from logging.handlers import RotatingFileHandler  # socket, pickle...: only here

        file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            RotatingFileHandler(
                file, maxBytes=rotate_bytes, backupCount=rotate_keep, encoding="utf-8"
            )
        )
    formatter = JsonLinesFormatter() if json_lines else logging.Formatter(FORMAT)
    for handler in handlers:
        handler.addFilter(SecretFilter())
        handler.setFormatter(formatter)
    logging.basicConfig(level=level, handlers=handlers, force=True)


def setup_lane_logging(config: LoggingSettings) -> None:
    """:func:`setup_logging` from a lane's ``[logging]`` section."""
    setup_logging(
        config.level,
        config.file,
        json_lines=config.format == "json",
        rotate_bytes=config.rotate_bytes,
        rotate_keep=config.rotate_keep,
    )
