"""Errors of the HQ service; SQLAlchemy, Alembic and psycopg errors stop here."""

from __future__ import annotations


class HqError(Exception):
    """HQ cannot do what was asked; the message says what and where."""


class CatalogImportError(HqError):
    """A catalog CSV row is wrong; the message names the line and the column."""
