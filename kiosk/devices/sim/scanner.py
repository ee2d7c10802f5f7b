"""A virtual serial scanner: codes in, the bytes a real scanner would send out on a pty.

Codes come from the caller (interactive stdin, a file, the demo script).
Each line of a script is a code, optionally with an AIM identifier in front
(``]E04006381333931``), ``# comment``, ``sleep SECONDS``, or ``raw HEX`` for
noise and broken frames. ``\\x1d`` in a code stands for the GS1 separator.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.devices.scanner.scan import split_aim
from kiosk.devices.sim.pty import VirtualPort

DEMO_SCRIPT = """\
# kiosk sim scanner demo: a grocery basket
# (first give the lane time to open the port: bytes sent before that are flushed)
sleep 2
]E04006381333931
]E05000112637922
sleep 0.5
]E02123456005992
# a GS1-128 with best-before and batch
]C1010950110153000317261231\\x1d10ABC123
]E04006381333931
# noise on the line, then a scan that is still read
raw 00ff11
]E096385074
# a GS1 DataMatrix boarding pass style code
]d20109501101530003\\x1d21SERIAL42
"""


@dataclass(frozen=True, slots=True)
class ScriptStep:
    """One thing to do: send a frame built from ``code``, send ``raw`` bytes, or wait."""

    code: str | None = None
    raw: bytes | None = None
    sleep: float = 0.0


def parse_script(lines: Iterable[str]) -> Iterator[ScriptStep]:
    """Turn script lines into steps. Raises ValueError naming a malformed line."""
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        word, _, rest = text.partition(" ")
        try:
            if word == "sleep":
                yield ScriptStep(sleep=float(rest))
            elif word == "raw":
                yield ScriptStep(raw=bytes.fromhex(rest))
            else:
                yield ScriptStep(code=codecs.decode(text, "unicode_escape"))
        except ValueError as error:
            raise ValueError(f"script line {number}: {text!r}: {error}") from None


class ScannerSimulator:
    """Frames codes like a configured scanner and writes them to a :class:`VirtualPort`.

    Args:
        port: where to write.
        terminator / prefix: framing, as the driver is configured.
        aim: send the AIM identifier when a code has one (else strip it).
    """

    def __init__(
        self, port: VirtualPort, terminator: bytes = b"\r", prefix: bytes = b"", aim: bool = True
    ) -> None:
        self.port = port
        self.terminator = terminator
        self.prefix = prefix
        self.aim = aim

    def frame(self, code: str) -> bytes:
        """The bytes a scanner sends for ``code`` (which may start with an AIM id)."""
        symbology, bare = split_aim(code)
        body = (symbology or "") + bare if self.aim else bare
        return self.prefix + body.encode("utf-8") + self.terminator

    def scan(self, code: str) -> None:
        """Send one code in one write. Raises DeviceOffline when unplugged."""
        self.port.write(self.frame(code))

    def play(
        self,
        steps: Iterable[ScriptStep],
        sleep: Callable[[float], None] = time.sleep,
        echo: Callable[[str], None] | None = None,
    ) -> int:
        """Run script steps; return the number of codes sent."""
        sent = 0
        for step in steps:
            if step.sleep:
                sleep(step.sleep)
            elif step.raw is not None:
                self.port.write(step.raw)
            elif step.code is not None:
                self.scan(step.code)
                sent += 1
                if echo:
                    echo(step.code)
        return sent


def run_line(sim: ScannerSimulator, line: str) -> str:
    """Do one interactive line: a code, ``raw HEX``, ``sleep S``, ``unplug``, ``replug``.

    Returns a short report for the operator. Raises ValueError for a malformed line,
    DeviceError when the port is unplugged and a code is sent.
    """
    command = line.strip()
    if command == "unplug":
        sim.port.unplug()
        return "unplugged"
    if command == "replug":
        return f"plugged in at {sim.port.plug()}"
    sent = sim.play(parse_script([command]))
    return f"sent {command}" if sent else ""


def load_script(path: str | Path | None) -> list[ScriptStep]:
    """Steps from a script file, or the demo script when ``path`` is None."""
    text = DEMO_SCRIPT if path is None else Path(path).read_text(encoding="utf-8")
    return list(parse_script(text.splitlines()))
