"""The [hq] section: settings of the HQ service (``kiosk hq serve``)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config.loader import setting


@dataclass(frozen=True)
class HqConfig:
    database_url: str = setting("sqlite:///var/hq.sqlite3",
                                doc="SQLAlchemy URL: sqlite:///FILE or postgresql+psycopg://...")
