"""Reading a file given to ``kiosk hq <feed> import``: its text, parsed, errors naming it.

The offers, recalls and coupons imports (:mod:`kiosk.hq.offers`, :mod:`kiosk.hq.recalls`,
:mod:`kiosk.hq.coupons`) read UTF-8 files (a byte-order mark, as spreadsheets write
it, is allowed) and parse the text with their own parser; whatever goes wrong becomes
one :class:`~kiosk.hq.errors.HqError` that starts with the file's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kiosk.hq.errors import HqError

T = TypeVar("T")


def read_import(
    path: Path,
    parse: Callable[[str], T],
    problems: tuple[type[Exception], ...] = (HqError,),
) -> T:
    """``parse`` of the text of ``path``.

    Raises:
        HqError: ``<path>: cannot read: ...``, or ``<path>: `` and what ``parse`` raised
            (one of ``problems``: it names the row or entry and the field).
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise HqError(f"{path}: cannot read: {error}") from None
    try:
        return parse(text)
    except problems as error:
        raise HqError(f"{path}: {error}") from None


__all__ = ["read_import"]
