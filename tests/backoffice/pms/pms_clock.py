"""The fixed clock of the PMS tests (a module of its own: ``from conftest import`` picks
whichever conftest was imported last when several test folders run together)."""

from __future__ import annotations

from datetime import UTC, date, datetime

NOW = datetime(2026, 12, 5, 10, 30, tzinfo=UTC)
TODAY: date = NOW.date()
