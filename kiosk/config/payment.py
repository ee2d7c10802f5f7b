"""The [payment] section: the card terminal."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.config.loader import setting


@dataclass(frozen=True)
class PaymentConfig:
    driver: str = setting("simulator", doc="terminal protocol driver")
