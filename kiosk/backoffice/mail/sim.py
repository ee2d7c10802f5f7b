"""``kiosk sim mail``: an SMTP sink on 127.0.0.1 that writes each message to a folder.

Built on aiosmtpd (its own event-loop thread). Every accepted message becomes
``NNNN-<recipient>.eml`` in ``folder`` (written to a temporary name first, then
renamed, so a reader never sees half a message), with ``X-Sim-Mail-From`` and
``X-Sim-Rcpt-To`` headers naming the envelope on top. A recipient whose domain
is ``refused.invalid`` is refused with ``550`` (a mailbox that does not exist),
so a permanent failure can be shown; :meth:`MailSink.stop` is a server that is down.
"""

from __future__ import annotations

import re
import socket
from pathlib import Path
from typing import Any

REFUSED_DOMAIN = "refused.invalid"


class _Handler:
    def __init__(self, folder: Path, show: Any) -> None:
        self.folder, self.show = folder, show
        self.count = len(list(folder.glob("*.eml")))

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address.lower().endswith("@" + REFUSED_DOMAIN):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.count += 1
        first = envelope.rcpt_tos[0] if envelope.rcpt_tos else "nobody"
        name = f"{self.count:04d}-{re.sub(r'[^A-Za-z0-9@._-]', '_', first)[:80]}.eml"
        head = (
            f"X-Sim-Mail-From: {envelope.mail_from}\r\n"
            f"X-Sim-Rcpt-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode()
        data = envelope.original_content or envelope.content
        temporary = self.folder / f".{name}.part"
        temporary.write_bytes(head + data)
        temporary.replace(self.folder / name)
        self.show(f"mail: {name} ({len(data)} bytes) to {first}")
        return "250 Message accepted for delivery"


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


class MailSink:
    """An SMTP server writing what it receives to ``folder`` (port 0: a free one)."""

    def __init__(
        self, folder: Path | str, host: str = "127.0.0.1", port: int = 8025, show: Any = print
    ) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.host, self.port = host, port or free_port(host)
        self._handler = _Handler(self.folder, show)
        self._controller: Any = None

    def start(self) -> MailSink:
        from aiosmtpd.controller import Controller

        self._controller = Controller(self._handler, hostname=self.host, port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def messages(self) -> list[Path]:
        """The messages received so far, oldest first."""
        return sorted(self.folder.glob("*.eml"))
