"""Errors of the lane store; sqlite3's own exceptions stop at this package's boundary."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator


class StoreError(Exception):
    """The lane store cannot do what was asked; the message says what and where."""


class CorruptDatabaseError(StoreError):
    """``PRAGMA quick_check`` found damage; the file must be restored or replaced."""


class CatalogImportError(StoreError):
    """A catalog file had bad rows; nothing from it was stored.

    Attributes:
        problems: ``(row_number, column, message)`` for each bad value found
            (row 1 is the header; at most :data:`MAX_REPORTED` are kept).
        bad_rows: how many rows were bad in total.
    """

    MAX_REPORTED = 100

    def __init__(self, source: str, problems: list[tuple[int, str, str]], bad_rows: int) -> None:
        self.source = source
        self.problems = problems
        self.bad_rows = bad_rows
        shown = "; ".join(
            f"row {row} column {column}: {message}" for row, column, message in problems[:10]
        )
        more = f" (and {bad_rows - min(bad_rows, 10)} more bad rows)" if bad_rows > 10 else ""
        super().__init__(f"{source}: {bad_rows} bad row(s), nothing imported: {shown}{more}")


@contextlib.contextmanager
def sqlite_errors(what: str) -> Iterator[None]:
    """Turn sqlite3's exceptions raised inside the block into :class:`StoreError`.

    ``what`` says what was being done ("looking up 0123..."); a damaged file
    becomes :class:`CorruptDatabaseError`.
    """
    try:
        yield
    except sqlite3.Error as error:
        if is_corruption(error):
            raise CorruptDatabaseError(f"{what}: the database is damaged ({error})") from error
        raise StoreError(f"{what}: {error}") from error


_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def is_corruption(error: sqlite3.Error) -> bool:
    """True if sqlite3 says the file is damaged or not a database (not busy, not full...)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(error)
    return "malformed" in text or "not a database" in text
