"""A virtual ESC/POS receipt printer: the logic behind ``kiosk sim printer``.

:class:`PrinterSimulator` is sans-IO: :meth:`~PrinterSimulator.feed` takes
the bytes a driver sent and returns the bytes the printer answers (one status
byte per DLE EOT query). Print commands go through the ESC/POS interpreter
onto a :class:`~kiosk.devices.printer.png.ReceiptCanvas`; each cut produces
a PNG (kept in memory and, with ``out_dir``, written as
``receipt-0001.png``...). With paper out or the cover open nothing prints:
the interrupted receipt is counted in ``lost`` and never appears, exactly the
case the driver's reprint queue exists for.

:func:`serve_tcp` and :func:`serve_pty` put a simulator on a real TCP port
(9100-like) or pseudo-terminal; they block until ``stop`` is set.
"""

from __future__ import annotations

import logging
import select
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.clock import Clock, utc_now
from kiosk.devices.errors import DeviceError
from kiosk.devices.printer import escpos_events as ev
from kiosk.devices.printer.interpreter import EscposInterpreter
from kiosk.devices.printer.png import ReceiptCanvas, to_png
from kiosk.devices.printer.receipt_files import write_new_receipt
from kiosk.devices.printer.status import PaperState, encode_reply
from kiosk.devices.sim.pty import VirtualPort

log = logging.getLogger(__name__)

HELP = (
    "commands: paper ok | paper low | paper out | cover open | cover close | "
    "error on | error off | status | help"
)


class PrinterSimulator:
    """See the module docstring. Thread-safe: a lock guards every call."""

    def __init__(
        self,
        columns: int = 42,
        out_dir: str | Path | None = None,
        on_receipt: Callable[[bytes], None] | None = None,
        unique_names: bool = False,
        clock: Clock = utc_now,
    ) -> None:
        # True (the demo): each receipt a new file named by time and its first QR code,
        # never overwriting one (kiosk.devices.printer.receipt_files)
        self._unique_names = unique_names
        self._clock = clock
        self._page_code = ""
        self._page_text: list[str] = []
        self.texts: list[str] = []  # the words of each kept receipt, lines joined by \n
        self.paper = PaperState.OK
        self.cover_open = False
        self.error = False
        self.receipts: list[bytes] = []
        self.lost = 0
        self.drawer_kicks = 0
        self.status_queries = 0
        self.unknown_commands = 0
        self._out_dir = Path(out_dir) if out_dir else None
        self._on_receipt = on_receipt
        self._columns = columns
        self._interpreter = EscposInterpreter()
        self._canvas = ReceiptCanvas(columns)
        self._spoiled = False
        self._lock = threading.Lock()

    @property
    def can_print(self) -> bool:
        return self.paper is not PaperState.OUT and not self.cover_open and not self.error

    def feed(self, data: bytes) -> bytes:
        """Process bytes from the host; return the printer's replies."""
        with self._lock:
            reply = bytearray()
            for event in self._interpreter.feed(data):
                reply += self._handle(event)
            return bytes(reply)

    def _handle(self, event: ev.Event) -> bytes:
        if isinstance(event, ev.StatusQuery):
            self.status_queries += 1
            return encode_reply(
                event.n,
                online=self.can_print,
                paper=self.paper,
                cover_open=self.cover_open,
                error=self.error,
            )
        if isinstance(event, ev.DrawerKick):
            self.drawer_kicks += 1
            return b""
        if isinstance(event, ev.Unknown):
            self.unknown_commands += 1
            return b""
        if isinstance(event, ev.Initialize):
            return b""
        if isinstance(event, ev.QrCode) and not self._page_code:  # the sale's id, on a lane
            self._page_code = event.data.decode("ascii", "replace")
        if isinstance(event, ev.Text | ev.LineFeed):
            self._page_text.append(event.text if isinstance(event, ev.Text) else "\n")
        if not self.can_print:
            self._spoiled = True
            if isinstance(event, ev.Cut):
                self._drop()
            return b""
        for page in self._canvas.apply([event]):
            if self._spoiled:
                self._drop()
            else:
                self._keep(to_png(page))
        return b""

    def _drop(self) -> None:
        self._page_code = ""
        self._page_text = []
        self.lost += 1
        self._spoiled = False
        self._canvas = ReceiptCanvas(self._columns)

    def _keep(self, png: bytes) -> None:
        self.receipts.append(png)
        code, self._page_code = self._page_code, ""
        text, self._page_text = "".join(self._page_text), []
        self.texts.append(text)
        if self._out_dir is not None and self._unique_names:
            path = write_new_receipt(self._out_dir, png, self._clock(), code)
            path.with_suffix(".txt").write_text(text, encoding="utf-8")  # to read or grep
            log.info("printed %s", path)
        elif self._out_dir is not None:
            self._out_dir.mkdir(parents=True, exist_ok=True)
            path = self._out_dir / f"receipt-{len(self.receipts):04d}.png"
            path.write_bytes(png)
            log.info("printed %s", path)
        if self._on_receipt is not None:
            self._on_receipt(png)

    def command(self, line: str) -> str:
        """Apply a console command (see HELP); return the text to show."""
        words = line.strip().lower().split()
        with self._lock:
            match words:
                case ["paper", ("ok" | "low" | "out") as state]:
                    self.paper = PaperState(state)
                case ["cover", ("open" | "close") as state]:
                    self.cover_open = state == "open"
                case ["error", ("on" | "off") as state]:
                    self.error = state == "on"
                case ["status"] | []:
                    pass
                case _:
                    return HELP
            return (
                f"paper {self.paper.value}, cover {'open' if self.cover_open else 'closed'}, "
                f"error {'on' if self.error else 'off'}; printed {len(self.receipts)}, "
                f"lost {self.lost}, drawer kicks {self.drawer_kicks}"
            )


def serve_pty(sim: PrinterSimulator, port: VirtualPort, stop: threading.Event) -> None:
    """Answer the driver on ``port`` (plugged) until ``stop`` or until it is unplugged."""
    while not stop.is_set() and port.plugged:
        try:
            ready, _, _ = select.select([port.fileno()], [], [], 0.1)
            if not ready:
                continue
            data = port.read(65536)
            reply = sim.feed(data)
            if reply:
                port.write(reply)
        except (OSError, ValueError, DeviceError) as error:  # unplugged under us
            log.debug("printer sim pty closed: %s", error)
            return
