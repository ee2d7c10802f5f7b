"""A virtual MRZ document reader: the logic behind ``kiosk sim docreader``.

:class:`DocReaderSimulator` "reads" a sample document
(:data:`~kiosk.devices.docreader.samples.SAMPLE_DOCUMENTS`) when one is
presented and writes the bytes a real reader sends, framed by the same
:func:`~kiosk.devices.docreader.protocol.encode_document` the parser is tested
against, to a :class:`~kiosk.devices.sim.pty.VirtualPort`. Operator commands
(:meth:`DocReaderSimulator.command`) come from stdin or, so a demo can present
a document without a terminal, from a Unix socket (:class:`ControlServer`,
:func:`send_command`): one command per line, one reply line back.

Commands: a document name (``anna``, ``lars``, ``anna_expired``, ``stranger``,
``kenji``, ``td1_card``, ``garbled``), ``remove`` (take the document off the
reader; a reader sends nothing for that), ``list``, ``raw HEX`` (noise, broken
frames), ``unplug``, ``replug``, ``help``. Replies name the document, never its
MRZ lines.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import socketserver
import threading
from collections.abc import Sequence
from pathlib import Path

from kiosk.devices.docreader.protocol import encode_document
from kiosk.devices.docreader.samples import DESCRIPTIONS, SAMPLE_DOCUMENTS
from kiosk.devices.errors import DeviceError
from kiosk.devices.sim.pty import VirtualPort
from kiosk.threads import start_thread

log = logging.getLogger(__name__)

HELP = (
    "commands: " + " | ".join(SAMPLE_DOCUMENTS) + " | remove | list | raw HEX | unplug | "
    "replug | help"
)
LINE_ENDS = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n"}


class DocReaderSimulator:
    """Presents documents on ``port`` as a reader with the given framing would. Thread-safe.

    Args:
        port: where to write (plugged by the caller).
        framing / checksum / line_end: as the driver is configured (see the protocol).
    """

    def __init__(
        self,
        port: VirtualPort,
        framing: str = "stx",
        checksum: str = "none",
        line_end: bytes = b"\r",
    ) -> None:
        encode_document(("",), framing, checksum)  # refuse an unknown framing now
        self.port = port
        self.framing = framing
        self.checksum = checksum
        self.line_end = line_end
        self.on_reader: str | None = None
        self.presented = 0
        self._lock = threading.Lock()

    def frame(self, lines: Sequence[str]) -> bytes:
        """The bytes the reader sends for a document with ``lines``."""
        return encode_document(tuple(lines), self.framing, self.checksum, self.line_end)

    def present(self, name: str) -> None:
        """Put the sample document ``name`` on the reader: its lines go to the driver.

        Raises:
            ValueError: no sample document is called ``name``.
            DeviceError: the port is unplugged.
        """
        lines = SAMPLE_DOCUMENTS.get(name)
        if lines is None:
            known = ", ".join(SAMPLE_DOCUMENTS)
            raise ValueError(f"no sample document {name!r}; known: {known}")
        self.present_lines(lines, name)

    def present_lines(self, lines: Sequence[str], name: str = "document") -> None:
        """Send any ``lines`` as one read (tests, odd documents). Raises DeviceError."""
        with self._lock:
            self.port.write(self.frame(lines))
            self.on_reader = name
            self.presented += 1

    def remove(self) -> None:
        """Take the document off the reader (nothing is sent: readers only report reads)."""
        with self._lock:
            self.on_reader = None

    def command(self, line: str) -> str:
        """Do one operator command (see the module docstring); return the reply.

        Never raises for a bad command or an unplugged port: the reply says what failed.
        """
        words = line.strip().split()
        try:
            return self._command(words)
        except (ValueError, DeviceError) as error:
            return f"error: {error}"

    def _command(self, words: list[str]) -> str:
        match words:
            case []:
                return ""
            case [name] if name in SAMPLE_DOCUMENTS:
                self.present(name)
                return f"presented {name}: {DESCRIPTIONS[name]}"
            case ["remove"]:
                was = self.on_reader
                self.remove()
                return f"removed {was}" if was else "nothing on the reader"
            case ["list"]:
                return "; ".join(f"{n}: {d}" for n, d in DESCRIPTIONS.items())
            case ["raw", hex_text]:
                self.port.write(bytes.fromhex(hex_text))
                return f"sent {len(hex_text) // 2} raw bytes"
            case ["unplug"]:
                self.port.unplug()
                return "unplugged"
            case ["replug"]:
                return f"plugged in at {self.port.plug()}"
            case _:
                return HELP


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        sim: DocReaderSimulator = self.server.sim  # type: ignore[attr-defined]
        for raw in self.rfile:
            reply = sim.command(raw.decode("utf-8", "replace"))
            self.wfile.write(reply.replace("\n", " ").encode("utf-8") + b"\n")
            self.wfile.flush()


class ControlServer:
    """A Unix socket at ``path`` that takes simulator commands (one per line, reply per line).

    ``start()`` serves on a thread from :mod:`kiosk.threads`; ``stop()`` ends it and
    removes the socket file.
    """

    def __init__(self, sim: DocReaderSimulator, path: str | Path) -> None:
        self.path = Path(path)
        self._server: socketserver.UnixStreamServer | None = None
        self.sim = sim

    def start(self) -> None:
        """Bind and serve. Raises OSError when the path cannot be bound."""
        with contextlib.suppress(FileNotFoundError):
            if self.path.is_socket():
                self.path.unlink()
        server = socketserver.UnixStreamServer(str(self.path), _Handler)
        server.sim = self.sim  # type: ignore[attr-defined]
        self._server = server
        start_thread("sim-docreader-control", server.serve_forever)

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)


def send_command(path: str | Path, command: str, timeout: float = 5.0) -> str:
    """Send one command to a running simulator's control socket; return its reply.

    Raises:
        OSError: no simulator listens at ``path`` (or it did not answer in time).
    """
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.connect(str(path))
        sock.sendall(command.strip().encode("utf-8") + b"\n")
        reply = bytearray()
        while not reply.endswith(b"\n"):
            chunk = sock.recv(4096)
            if not chunk:
                break
            reply += chunk
    return reply.decode("utf-8", "replace").strip()
