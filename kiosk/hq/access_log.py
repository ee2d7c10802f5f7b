"""Keep secrets in URLs out of the HQ's logs (DESIGN.md invariant 6).

The staff pages accept ``?token=<admin token>`` once (kiosk.hq.web.routes); uvicorn's
access log writes every request line with its query string, so the token would sit
in the log in clear. :func:`install` puts a :class:`RedactQuerySecrets` filter on
uvicorn's loggers: the value of any ``token``-like query parameter becomes
``[redacted]`` before a handler sees the record. It runs after uvicorn has configured
its loggers (``uvicorn.Config`` re-applies its logging config, which keeps filters).
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_plus

LOGGERS = ("uvicorn.access", "uvicorn.error")
REDACTED = "[redacted]"
_QUERY = re.compile(r"\?[^\s\"']*")
# token, access_token, admin_token, secret, password... compared after %-decoding, the
# way the app reads them (?%74oken=X is ?token=X to Starlette).
_SECRET_NAME = re.compile(r"(?i)^\s*[a-z_]*(token|secret|password)\s*$")


def _redact_query(match: re.Match[str]) -> str:
    pairs = re.split(r"([&;])", match.group(0)[1:])
    for n in range(0, len(pairs), 2):
        name, equals, _value = pairs[n].partition("=")
        if equals and _SECRET_NAME.match(unquote_plus(name)):
            pairs[n] = f"{name}={REDACTED}"
    return "?" + "".join(pairs)


def redact(text: str) -> str:
    """``text`` with the values of secret query parameters replaced by ``[redacted]``."""
    return _QUERY.sub(_redact_query, text) if "?" in text else text


class RedactQuerySecrets(logging.Filter):
    """Redacts secret query parameters in a record's message and arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


def install() -> None:
    """Add the filter to uvicorn's loggers once (calling it again changes nothing)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactQuerySecrets) for f in logger.filters):
            logger.addFilter(RedactQuerySecrets())
