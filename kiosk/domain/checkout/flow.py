"""How a store wants the shopper's flow: an unknown code paused or put aside, the age check
at once or before payment (``[lane] unknown_barcode`` / ``[lane] age_check``).

The defaults are the lane's first behaviour: an unknown code pauses the lane until an
attendant comes, and an age-restricted item waits for its check before it is added.
The other choices keep the shopper scanning: see :mod:`kiosk.domain.checkout.aside` and
:mod:`kiosk.domain.checkout.pending_age`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class UnknownBarcode(enum.Enum):
    """What an unknown code (or one without a tax rate) does to the lane."""

    PAUSE = "pause"  # the lane waits for an attendant (UNKNOWN_BARCODE intervention)
    PUT_ASIDE = "put_aside"  # "put it aside, keep scanning"; the attendant is alerted


class AgeCheck(enum.Enum):
    """When an age-restricted item is checked."""

    AT_ONCE = "at_once"  # the lane waits for the check before the item is added
    BEFORE_PAYMENT = "before_payment"  # added with its check pending; checked at Pay


@dataclass(frozen=True, slots=True)
class ShopperFlow:
    """The store's choices (see the module docstring)."""

    unknown_barcode: UnknownBarcode = UnknownBarcode.PAUSE
    age_check: AgeCheck = AgeCheck.AT_ONCE

    @property
    def puts_aside(self) -> bool:
        """True if an unknown code is put aside rather than pausing the lane."""
        return self.unknown_barcode is UnknownBarcode.PUT_ASIDE

    @property
    def defers_age(self) -> bool:
        """True if age-restricted items are added with their check pending."""
        return self.age_check is AgeCheck.BEFORE_PAYMENT


PAUSE_AT_ONCE = ShopperFlow()

__all__ = ["PAUSE_AT_ONCE", "AgeCheck", "ShopperFlow", "UnknownBarcode"]
