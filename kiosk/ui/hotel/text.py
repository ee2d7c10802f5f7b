"""How the hotel screens write dates and names of days: the guest's language's own
month and weekday names (``QLocale``), e.g. "Sat 5 Dec 2026" / "sáb 5 dic 2026"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale


def day_text(day: date, language: str, *, weekday: bool = True) -> str:
    """``day`` written short in ``language`` (with the weekday unless ``weekday`` is False)."""
    pattern = "ddd d MMM yyyy" if weekday else "d MMM yyyy"
    return QLocale(language).toString(QDate(day.year, day.month, day.day), pattern)
