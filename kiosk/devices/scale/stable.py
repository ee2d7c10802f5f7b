"""StableWeight: when a reading may be sold, and the tare the driver applies.

A weight is *stable* only when the scale says it is not in motion AND the
last ``repeats`` readings are the same number of grams. Anything else (a
motion flag, a different reading, over capacity, under zero, a scale fault, a
status-only reply) breaks the run and the weight is not stable. Tare is kept
here in software (the 8213 and CAS protocols have no tare command): the net
weight is gross minus tare, and a tare can only be taken from a stable gross.
Pure: readings in, :class:`ScaleWeight` out.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.devices.scale.weight import WeightReading


@dataclass(frozen=True, slots=True)
class ScaleWeight:
    """What the lane may show and sell.

    ``net_g`` is None when the scale gave no weight; ``stable`` is True only
    when ``net_g`` may be charged.
    """

    net_g: int | None
    gross_g: int | None
    tare_g: int
    stable: bool
    motion: bool
    over_capacity: bool
    under_zero: bool
    fault: str = ""


class StableWeight:
    """Track readings; see the module docstring.

    Args:
        repeats: equal, motion-free readings needed before a weight is stable (>= 1).
    """

    def __init__(self, repeats: int = 3) -> None:
        if repeats < 1:
            raise ValueError("repeats must be at least 1")
        self.repeats = repeats
        self.tare_g = 0
        self._run_value: int | None = None
        self._run_length = 0
        self._last: WeightReading | None = None
        self.current: ScaleWeight | None = None

    def update(self, reading: WeightReading) -> ScaleWeight:
        """Take one reading; return the resulting weight state."""
        if reading.usable and not reading.motion:
            if reading.grams == self._run_value:
                self._run_length += 1
            else:
                self._run_value, self._run_length = reading.grams, 1
        else:
            self._run_value, self._run_length = None, 0
        self._last = reading
        self.current = self._compose(reading)
        return self.current

    def _compose(self, reading: WeightReading) -> ScaleWeight:
        gross = reading.grams
        net = None if gross is None else gross - self.tare_g
        stable = self._run_length >= self.repeats and net is not None and net >= 0
        return ScaleWeight(
            net,
            gross,
            self.tare_g,
            stable,
            reading.motion,
            reading.over_capacity,
            reading.under_zero or (net is not None and net < 0),
            reading.fault,
        )

    @property
    def stable_grams(self) -> int | None:
        """The net weight that may be sold now, or None."""
        current = self.current
        return current.net_g if current is not None and current.stable else None

    def take_tare(self) -> int:
        """Use the current stable gross weight as the tare; return it.

        Raises:
            ValueError: if the weight is not stable now.
        """
        current = self.current
        if current is None or not current.stable or current.gross_g is None:
            raise ValueError("cannot tare: the weight is not stable")
        self.tare_g = current.gross_g
        self._refresh()
        return self.tare_g

    def clear_tare(self) -> None:
        self.tare_g = 0
        self._refresh()

    def reset(self) -> None:
        """Forget the run (after a zero command or a reconnect)."""
        self._run_value, self._run_length = None, 0
        self._last = None
        self.current = None

    def _refresh(self) -> None:
        if self._last is not None:
            self.current = self._compose(self._last)
