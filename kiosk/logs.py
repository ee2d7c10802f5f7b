"""The one logging setup: every process calls ``setup_logging`` once at start.

Every handler it installs carries :class:`SecretFilter`, the one place where log
text is redacted (DESIGN.md invariant 6): a card number in any spacing and
MRZ-like text are masked in the message, its arguments, the exception text and
the stack text of every record, so a traceback that quotes a scanned code
cannot leak it either.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from kiosk.domain.cardlike import redact_card_numbers
from kiosk.domain.mrzlike import redact_mrz

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


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
        return True


def setup_logging(level: str = "INFO", file: Path | None = None) -> None:
    """Configure the root logger: stderr, plus a rotating file when ``file`` is given.

    Every handler gets a :class:`SecretFilter`.
    """
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                file, maxBytes=10_000_000, backupCount=5, encoding="utf-8"
            )
        )
    for handler in handlers:
        handler.addFilter(SecretFilter())
    logging.basicConfig(level=level, format=FORMAT, handlers=handlers, force=True)
