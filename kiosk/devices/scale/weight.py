"""Scale readings and the one unit conversion rule.

Every protocol turns a frame into a :class:`WeightReading` in integer grams.
Scales that report pounds or ounces are converted exactly (1 lb =
453.59237 g by definition, 1 oz = 1/16 lb) and rounded half up to the gram,
once, here. Nothing in the lane ever holds a weight as a float.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from kiosk.domain.money import Rounding, round_fraction


class WeightUnit(enum.Enum):
    KG = "kg"
    G = "g"
    LB = "lb"
    OZ = "oz"


GRAMS_PER_UNIT: dict[WeightUnit, Fraction] = {
    WeightUnit.KG: Fraction(1000),
    WeightUnit.G: Fraction(1),
    WeightUnit.LB: Fraction(45359237, 100000),
    WeightUnit.OZ: Fraction(45359237, 1600000),
}


def parse_unit(text: str) -> WeightUnit | None:
    """``"kg"``, ``"KG"``, ``"lb"``, ``"LBS"``... as a unit, or None."""
    cleaned = text.strip().lower().rstrip("s") if text.strip().lower() != "g" else "g"
    try:
        return WeightUnit(cleaned)
    except ValueError:
        return None


def to_grams(value: Decimal, unit: WeightUnit) -> int:
    """``value`` in ``unit`` as whole grams, exact until one half-up rounding."""
    return round_fraction(Fraction(value) * GRAMS_PER_UNIT[unit], Rounding.HALF_UP)


def from_grams(grams: int, unit: WeightUnit, decimals: int) -> Decimal:
    """``grams`` expressed in ``unit`` with ``decimals`` places (for simulators and display)."""
    scaled = Fraction(grams) / GRAMS_PER_UNIT[unit] * 10**decimals
    return Decimal(round_fraction(scaled, Rounding.HALF_UP)).scaleb(-decimals)


def parse_number(text: str, implied_decimals: int = 0) -> Decimal | None:
    """A weight number as sent by a scale ("001.234", "1234" with implied decimals), or None."""
    text = text.strip()
    if not text or len(text) > 12 or not all(c.isdigit() or c == "." for c in text):
        return None
    if text.count(".") > 1 or not any(c.isdigit() for c in text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if "." in text else value.scaleb(-implied_decimals)


@dataclass(frozen=True, slots=True)
class WeightReading:
    """What the scale said in one frame.

    ``grams`` is None when the frame carries no usable weight (status-only
    reply, over-capacity bars). ``motion`` means the scale says the weight is
    not settled. ``fault`` names an internal scale error, if any.
    """

    grams: int | None
    motion: bool = False
    over_capacity: bool = False
    under_zero: bool = False
    at_zero: bool = False
    net: bool = False
    fault: str = ""
    raw: bytes = field(default=b"", repr=False, compare=False)

    @property
    def usable(self) -> bool:
        """A weight that may be sold if it stays put: present, in range, no fault."""
        return (
            self.grams is not None
            and not self.over_capacity
            and not self.under_zero
            and not self.fault
        )


class ScaleCommand(enum.Enum):
    """What a driver can ask a scale (not every protocol knows every command)."""

    WEIGHT = "weight"
    STATUS = "status"
    ZERO = "zero"
    TARE = "tare"


class UnsupportedCommand(ValueError):
    """The protocol has no way to send this command."""
