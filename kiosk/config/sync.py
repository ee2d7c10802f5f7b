"""The [sync] section: how the lane reaches HQ."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config.loader import setting


@dataclass(frozen=True)
class SyncConfig:
    hq_url: str = setting("", doc="HQ base URL; empty: the lane runs standalone")
