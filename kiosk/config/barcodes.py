"""The [barcodes] section: how scanned codes are interpreted on this lane."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config.loader import setting


@dataclass(frozen=True)
class BarcodeConfig:
    country: str = setting("es", doc="variable-measure (in-store 02/20-29) profile by country")
