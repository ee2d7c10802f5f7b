"""Errors of the lane store; sqlite3's own exceptions stop at this package's boundary."""

from __future__ import annotations


class StoreError(Exception):
    """The lane store cannot do what was asked; the message says what and where."""


class CorruptDatabaseError(StoreError):
    """``PRAGMA quick_check`` found damage; the file must be restored or replaced."""
