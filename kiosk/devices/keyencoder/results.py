"""What the key encoder hands the hotel journey: confirmed keys, a key read back, failures.

:class:`KeyResult` is one key the Salto server confirmed; :class:`KeyInfo` what a
key read back opens and when; :class:`KeyEncoderError` a key not encoded or not
read, with a ``reason`` the journey can act on (:data:`REASONS` maps Salto's error
codes to them; the other reasons are ``blank_card``, ``timeout`` and ``offline``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.devices.errors import DeviceError

#: Salto error code -> KeyEncoderError.reason
REASONS: dict[str, str] = {
    "EP": "no_card",
    "ED": "no_card",
    "EF": "card_error",
    "TD": "unknown_room",
    "EA": "room_checked_out",
    "OS": "out_of_service",
    "OV": "busy",
    "EO": "busy",
    "NC": "encoder_unreachable",
    "ES": "refused",
    "NF": "refused",
    "EG": "refused",
}


@dataclass(frozen=True, slots=True)
class KeyResult:
    """One key the encoder confirmed: ``number`` of ``count`` for ``room``."""

    room: str
    number: int
    count: int
    guest: str
    valid_from: datetime
    valid_to: datetime
    copy: bool  # True: a CC copy (earlier keys still work); False: a CN new key


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What a key read back opens and when (hotel local time, as encoded)."""

    room: str
    rooms: tuple[str, ...]
    valid_from: datetime
    valid_to: datetime


class KeyEncoderError(DeviceError):
    """A key was not encoded or read. ``reason``: see the module docstring; ``code``: the
    Salto error code or ""; ``encoded``: the keys confirmed before the failure."""

    def __init__(
        self,
        message: str,
        device: str | None,
        reason: str,
        code: str = "",
        encoded: Sequence[KeyResult] = (),
    ) -> None:
        super().__init__(message, device)
        self.reason = reason
        self.code = code
        self.encoded = list(encoded)
