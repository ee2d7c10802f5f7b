"""A virtual retail scale: the logic behind ``kiosk sim scale``.

:class:`ScaleSimulator` holds what lies on the platter (``load_g``), whether
it is moving, the zero offset and the capacity, and speaks one protocol:
:meth:`~ScaleSimulator.feed` answers Toledo / NCI requests,
:meth:`~ScaleSimulator.frame` is the next CAS continuous line. It encodes
with the same rules the parsers decode (pounds rounded to 0.01 lb, kilograms
to the gram). :func:`serve_pty` puts it on a pseudo-terminal.
"""

from __future__ import annotations

import logging
import select
import threading

from kiosk import clock as kiosk_clock
from kiosk.devices.errors import DeviceError
from kiosk.devices.scale.weight import WeightUnit, from_grams
from kiosk.devices.sim.pty import VirtualPort

log = logging.getLogger(__name__)

HELP = "commands: weight GRAMS | motion on|off | zero | capacity GRAMS | status | help"
_DECIMALS = {WeightUnit.KG: 3, WeightUnit.LB: 2, WeightUnit.G: 0}


class ScaleSimulator:
    """See the module docstring. Thread-safe."""

    def __init__(
        self, protocol: str = "toledo", unit: WeightUnit = WeightUnit.KG, capacity_g: int = 15000
    ) -> None:
        if protocol not in ("toledo", "nci", "cas"):
            raise ValueError(f"unknown scale protocol {protocol!r}")
        self.protocol = protocol
        self.unit = unit
        self.capacity_g = capacity_g
        self.load_g = 0
        self.zero_offset_g = 0
        self.motion = False
        self.requests = 0
        self._pending = bytearray()
        self._lock = threading.Lock()

    @property
    def shown_g(self) -> int:
        return self.load_g - self.zero_offset_g

    @property
    def over(self) -> bool:
        return self.shown_g > self.capacity_g

    @property
    def under(self) -> bool:
        return self.shown_g < 0

    def feed(self, data: bytes) -> bytes:
        """Answer the host's request bytes (nothing for CAS, which only talks)."""
        with self._lock:
            if self.protocol == "toledo":
                return b"".join(self._toledo(chr(b)) for b in data)
            if self.protocol == "nci":
                self._pending += data
                replies = []
                while b"\r" in self._pending:
                    line, _, rest = bytes(self._pending).partition(b"\r")
                    self._pending = bytearray(rest)
                    replies.append(self._nci(line.strip().decode("ascii", "replace")))
                return b"".join(replies)
            return b""

    def _toledo(self, command: str) -> bytes:
        if command == "W":
            self.requests += 1
            if self.motion or self.over or self.under:
                return self._toledo_status()
            return b"\x02" + self._number(6).encode() + b"\r"
        if command == "Z":
            if not self.motion:
                self.zero_offset_g = self.load_g
            return self._toledo_status()
        return b""

    def _toledo_status(self) -> bytes:
        status = 0x20 | self.motion | self.over << 1 | self.under << 2 | (self.shown_g == 0) << 4
        return b"\x02?" + bytes((status,)) + b"\r"

    def _nci(self, command: str) -> bytes:
        if command == "W":
            self.requests += 1
            if self.over:
                weight = "^^^^^^^" + self.unit.value
            else:
                weight = f"{self._number(7, signed=True)}{self.unit.value}"
            return b"\n" + weight.encode() + b"\r\n" + self._nci_status() + b"\r\x03"
        if command == "Z":
            if not self.motion:
                self.zero_offset_g = self.load_g
            return b"\n" + self._nci_status() + b"\r\x03"
        if command == "S":
            return b"\n" + self._nci_status() + b"\r\x03"
        return b"\n?\r\x03"

    def _nci_status(self) -> bytes:
        first = 0x30 | self.motion | (self.shown_g == 0) << 1
        second = 0x30 | self.under | self.over << 1
        return bytes((first, second))

    def frame(self) -> bytes:
        """The next CAS continuous line for the current state."""
        with self._lock:
            if self.over:
                return b"OL,GS,+  -----kg\r\n"
            state = "US" if self.motion else "ST"
            sign = "-" if self.shown_g < 0 else "+"
            number = from_grams(abs(self.shown_g), WeightUnit.KG, 3)
            return f"{state},GS,{sign}{number:>8}kg\r\n".encode()

    def _number(self, width: int, signed: bool = False) -> str:
        decimals = _DECIMALS.get(self.unit, 3)
        value = from_grams(self.shown_g if signed else abs(self.shown_g), self.unit, decimals)
        if decimals == 0:
            return f"{int(value):0{width}d}"
        return f"{value:0{width}.{decimals}f}"

    def command(self, line: str) -> str:
        """Apply a console command (see HELP); return the text to show."""
        words = line.strip().lower().split()
        with self._lock:
            match words:
                case ["weight" | "w", grams] if grams.lstrip("-").isdigit():
                    self.load_g = int(grams)
                case ["motion", ("on" | "off") as state]:
                    self.motion = state == "on"
                case ["zero"]:
                    self.zero_offset_g = self.load_g
                case ["capacity", grams] if grams.isdigit():
                    self.capacity_g = int(grams)
                case ["status"] | []:
                    pass
                case _:
                    return HELP
            moving = "moving" if self.motion else "still"
            return (
                f"{self.protocol}: load {self.load_g} g, shown {self.shown_g} g, {moving}"
                f"{', OVER CAPACITY' if self.over else ''}"
                f"{', UNDER ZERO' if self.under else ''}"
            )


def serve_pty(
    sim: ScaleSimulator, port: VirtualPort, stop: threading.Event, interval: float = 0.1
) -> None:
    """Answer (or, for CAS, stream to) the driver on ``port`` until ``stop`` or unplug."""
    next_frame = kiosk_clock.monotonic()
    while not stop.is_set() and port.plugged:
        try:
            timeout = (
                max(0.0, next_frame - kiosk_clock.monotonic()) if sim.protocol == "cas" else 0.1
            )
            ready, _, _ = select.select([port.fileno()], [], [], timeout)
            if ready:
                reply = sim.feed(port.read(4096))
                if reply:
                    port.write(reply)
            if sim.protocol == "cas" and kiosk_clock.monotonic() >= next_frame:
                port.write(sim.frame())
                next_frame = kiosk_clock.monotonic() + interval
        except (OSError, ValueError, DeviceError) as error:  # unplugged under us
            log.debug("scale sim pty closed: %s", error)
            return
