"""The SES.HOSPEDAJES driver's one error type: what went wrong, and whether to retry.

``UNREACHABLE`` (no connection, a timeout, an HTTP 5xx or 429): the network or the
service is down, the report stays queued and is tried again later.
``REFUSED``: the service answered and said no (a ``codigo`` other than 0, with its
``descripcion``): this report is marked failed, the others go on.
``AUTH`` (HTTP 401/403): the user or password is wrong: retried (staff fix the
configuration), and said loudly. ``BAD_ANSWER``: the answer is not the published
shape: retried, as the report may well have been fine. ``INVALID``: our XML does not
validate (it is never sent).
"""

from __future__ import annotations

import enum


class SesErrorKind(enum.Enum):
    UNREACHABLE = "unreachable"
    REFUSED = "refused"
    AUTH = "auth"
    BAD_ANSWER = "bad_answer"
    INVALID = "invalid"


#: Kinds after which the same report is tried again later.
RETRIED = frozenset({SesErrorKind.UNREACHABLE, SesErrorKind.AUTH, SesErrorKind.BAD_ANSWER})


class SesError(Exception):
    """A failed communication (``kind``), with a message naming what was wrong;
    ``code`` is the service's ``codigo`` when it gave one."""

    def __init__(self, kind: SesErrorKind, message: str, code: str = "") -> None:
        self.kind = kind
        self.code = code
        super().__init__(message)

    @property
    def retried(self) -> bool:
        return self.kind in RETRIED
