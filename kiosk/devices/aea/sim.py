"""A virtual common-use printer (ATB or BTP): the logic behind ``kiosk sim aea``.

:class:`AeaSimulator` is sans-IO: :meth:`~AeaSimulator.feed` takes what the
host sent and returns the printer's answers. It keeps the pectabs it was sent
(``PECTAB OK``), answers ``QS``/``PS``/``PC``, and for a print command checks
every field against the named pectab, renders the document to PNG (kept in
:attr:`documents` and, with ``out_dir``, written as ``boarding-pass-0001.png``
or ``bag-tag-0001.png``) and answers ``OK``. Console commands
(:meth:`~AeaSimulator.command`) change the paper (``paper ok|low|out|N`` where
N documents are left), jam it now (``jam``) or during the next print (``jam
next``: the document is lost and the answer is ``ERR;PAPERJAM``), take the
printer off line (``offline``: it stops answering) and put everything right
(``recover``).

:func:`serve_pty` puts a simulator on a :class:`~kiosk.devices.sim.pty.VirtualPort`
(:func:`serve_tcp` on a TCP port, for ``driver = "network"``);
:func:`watch_control_file` applies commands written to a file (for scripts).
"""

from __future__ import annotations

import logging
import select
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk import clock as kiosk_clock
from kiosk.devices.aea.commands import (
    BadCommand,
    ClearPectabs,
    CommandParser,
    PrintDocument,
    QueryPectabs,
    QueryStatus,
    Stray,
    UploadPectab,
)
from kiosk.devices.aea.framing import frame
from kiosk.devices.aea.pectab import ATB, BTP, BarcodeElement, Pectab
from kiosk.devices.aea.render import render, to_png
from kiosk.devices.aea.replies import (
    Fault,
    Media,
    Ok,
    PectabList,
    PectabStored,
    Refused,
    Reply,
    StatusReport,
    reply_text,
)
from kiosk.devices.errors import DeviceError
from kiosk.devices.sim.pty import VirtualPort

log = logging.getLogger(__name__)

HELP = (
    "commands: paper ok | paper low | paper out | paper N (documents left) | jam | jam next | "
    "offline | online | recover | status | help"
)
LOW_AT = 5  # documents left when the paper-low sensor trips


class AeaSimulator:
    """See the module docstring. ``kind`` is ``"atb"`` or ``"btp"``. Thread-safe."""

    def __init__(
        self,
        kind: str,
        out_dir: str | Path | None = None,
        on_document: Callable[[Path | None, bytes], None] | None = None,
    ) -> None:
        if kind not in (ATB, BTP):
            raise ValueError(f"kind {kind!r}: expected 'atb' or 'btp'")
        self.kind = kind
        self.pectabs: dict[str, Pectab] = {}
        self.documents: list[bytes] = []
        self.fields: list[dict[str, str]] = []  # what each printed document said
        self.paper_left: int | None = None  # None: plenty
        self.paper = Media.OK
        self.jammed = False
        self.jam_next = False
        self.online = True
        self.lost = 0
        self.status_queries = 0
        self.bad_commands: list[str] = []
        self._out_dir = Path(out_dir) if out_dir else None
        self._on_document = on_document
        self._parser = CommandParser(kind)
        self._lock = threading.Lock()

    @property
    def prefix(self) -> str:
        return "boarding-pass" if self.kind == ATB else "bag-tag"

    def feed(self, data: bytes) -> bytes:
        """Process bytes from the host; return the printer's answers (framed)."""
        with self._lock:
            out = bytearray()
            for event in self._parser.feed(data):
                if not self.online:
                    continue  # an offline printer says nothing
                reply = self._handle(event)
                if reply is not None:
                    out += frame(reply_text(reply))
            return bytes(out)

    def _handle(self, event: object) -> Reply | None:
        if isinstance(event, Stray):
            return None
        if isinstance(event, BadCommand):
            self.bad_commands.append(event.reason)
            log.info("%s sim: bad command: %s", self.kind, event.reason)
            return Refused(Fault.DATA, event.reason[:120])
        if isinstance(event, QueryStatus):
            self.status_queries += 1
            return self.report()
        if isinstance(event, QueryPectabs):
            return PectabList(tuple(sorted(self.pectabs)))
        if isinstance(event, ClearPectabs):
            if event.key:
                self.pectabs.pop(event.key, None)
            else:
                self.pectabs.clear()
            return Ok()
        if isinstance(event, UploadPectab):
            self.pectabs[event.pectab.key] = event.pectab
            return PectabStored(event.pectab.key)
        if isinstance(event, PrintDocument):
            return self._print(event)
        return None

    def report(self) -> StatusReport:
        return StatusReport(self.online, self.paper, self.jammed, False)

    def _print(self, command: PrintDocument) -> Reply:
        pectab = self.pectabs.get(command.key)
        if pectab is None:
            return Refused(Fault.NO_PECTAB, command.key)
        fields = dict(command.fields)
        for number, value in fields.items():
            element = pectab.element(number)
            if element is None:
                return Refused(Fault.DATA, f"element {number} not in pectab {pectab.key}")
            if not isinstance(element, BarcodeElement) and len(value) > element.length:
                return Refused(Fault.DATA, f"element {number} longer than {element.length}")
        if self.jammed:
            return Refused(Fault.PAPER_JAM, "clear the paper path")
        if self.paper is Media.OUT:
            return Refused(Fault.PAPER_OUT, "load paper")
        if self.jam_next:
            self.jam_next = False
            self.jammed = True
            self.lost += 1
            return Refused(Fault.PAPER_JAM, "jammed while printing")
        for _ in range(command.copies):
            page, problems = render(pectab, fields)
            for problem in problems:
                log.info("%s sim: %s", self.kind, problem)
            self._keep(to_png(page), fields)
            self._use_paper()
        return Ok()

    def _use_paper(self) -> None:
        if self.paper_left is not None:
            self.paper_left = max(self.paper_left - 1, 0)
            self._paper_from_count()

    def _paper_from_count(self) -> None:
        left = self.paper_left
        if left is not None:
            self.paper = Media.OUT if left == 0 else Media.LOW if left <= LOW_AT else Media.OK

    def _keep(self, png: bytes, fields: dict[str, str]) -> None:
        self.documents.append(png)
        self.fields.append(fields)
        path = None
        if self._out_dir is not None:
            self._out_dir.mkdir(parents=True, exist_ok=True)
            path = self._out_dir / f"{self.prefix}-{len(self.documents):04d}.png"
            path.write_bytes(png)
            log.info("printed %s", path)
        if self._on_document is not None:
            self._on_document(path, png)

    def command(self, line: str) -> str:
        """Apply a console command (see HELP); return the text to show."""
        words = line.strip().lower().split()
        with self._lock:
            match words:
                case ["paper", ("ok" | "low" | "out") as state]:
                    self.paper = {"ok": Media.OK, "low": Media.LOW, "out": Media.OUT}[state]
                    self.paper_left = None
                case ["paper", count] if count.isdigit():
                    self.paper_left = int(count)
                    self._paper_from_count()
                case ["jam"]:
                    self.jammed = True
                case ["jam", "next"]:
                    self.jam_next = True
                case ["offline"]:
                    self.online = False
                case ["online"]:
                    self.online = True
                case ["recover"]:
                    self.jammed = self.jam_next = False
                    self.online = True
                    self.paper, self.paper_left = Media.OK, None
                case ["status"] | []:
                    pass
                case _:
                    return HELP
            return self.describe()

    def describe(self) -> str:
        left = "" if self.paper_left is None else f" ({self.paper_left} left)"
        return (
            f"{self.kind}: paper {self.paper.value.lower()}{left}, "
            f"{'jammed' if self.jammed else 'not jammed'}"
            f"{' (jams on the next print)' if self.jam_next else ''}, "
            f"{'online' if self.online else 'offline'}; pectabs {sorted(self.pectabs)}; "
            f"printed {len(self.documents)}, lost {self.lost}"
        )


def serve_pty(sim: AeaSimulator, port: VirtualPort, stop: threading.Event) -> None:
    """Answer the driver on ``port`` (plugged) until ``stop`` or until it is unplugged."""
    while not stop.is_set() and port.plugged:
        try:
            ready, _, _ = select.select([port.fileno()], [], [], 0.1)
            if not ready:
                continue
            reply = sim.feed(port.read(65536))
            if reply:
                port.write(reply)
        except (OSError, ValueError, DeviceError) as error:  # unplugged under us
            log.debug("aea sim pty closed: %s", error)
            return


def watch_control_file(
    sim: AeaSimulator,
    path: Path,
    stop: threading.Event,
    show: Callable[[str], None] = print,
    interval: float = 0.2,
) -> None:
    """Apply each line written to ``path`` as a console command, then empty the file."""
    while not stop.wait(interval):
        try:
            text = path.read_text()
        except OSError:
            continue
        if not text.strip():
            continue
        path.write_text("")
        for line in text.splitlines():
            if line.strip():
                show(f"[{kiosk_clock.utc_now():%H:%M:%S}] {line.strip()}: {sim.command(line)}")
