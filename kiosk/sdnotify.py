"""Talking to systemd's service manager: READY, WATCHDOG, STATUS, EXTEND_TIMEOUT_USEC
and STOPPING.

systemd (``Type=notify``) gives a service a datagram socket in ``$NOTIFY_SOCKET`` and,
when ``WatchdogSec=`` is set, the watchdog period in ``$WATCHDOG_USEC`` (and the pid it
is meant for in ``$WATCHDOG_PID``). The protocol is one datagram of ``KEY=VALUE`` lines
per notice (sd_notify(3)); it needs no library, so this module speaks it directly.

Outside systemd (no ``$NOTIFY_SOCKET``) every call does nothing, so the lane runs the
same on a developer's desktop, in tests and under the unit. A notice that cannot be
sent is logged once and never raises: telling systemd is never worth stopping a sale.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


class Notifier:
    """Sends sd_notify notices to the socket named by ``environ`` (default: this process's)."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        self.address = _socket_address(env.get("NOTIFY_SOCKET", ""))
        self.watchdog_s = _watchdog_seconds(env)
        self._warned = False

    @property
    def enabled(self) -> bool:
        """True when a service manager is listening."""
        return self.address is not None

    def ready(self, status: str = "") -> None:
        """Tell systemd the service is up (``READY=1``), with an optional status line."""
        self._send("READY=1" + (f"\nSTATUS={status}" if status else ""))

    def watchdog(self) -> None:
        """Feed the watchdog (``WATCHDOG=1``)."""
        self._send("WATCHDOG=1")

    def status(self, text: str) -> None:
        """Set the one-line status ``systemctl status`` shows."""
        self._send(f"STATUS={text}")

    def extend_timeout(self, seconds: float, status: str = "") -> None:
        """Ask for ``seconds`` more from now before the start (or stop) counts as hung
        (``EXTEND_TIMEOUT_USEC``): for slow work the unit's timeout did not plan for, such
        as a migration rewriting a big table."""
        notice = f"EXTEND_TIMEOUT_USEC={int(seconds * 1_000_000)}"
        self._send(notice + (f"\nSTATUS={status}" if status else ""))

    def stopping(self) -> None:
        """Tell systemd the service is shutting down on purpose (``STOPPING=1``)."""
        self._send("STOPPING=1")

    def _send(self, message: str) -> None:
        if self.address is None:
            return
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.sendto(message.encode(), self.address)
        except OSError as error:
            if not self._warned:
                log.warning("cannot notify systemd at %r: %s", self.address, error)
                self._warned = True


def _socket_address(value: str) -> str | bytes | None:
    """The address in ``$NOTIFY_SOCKET``: a path, or an abstract name starting with ``@``."""
    if not value:
        return None
    if value.startswith("@"):
        return b"\0" + value[1:].encode()
    if value.startswith("/"):
        return value
    return None  # vsock and other families are not for a kiosk


def _watchdog_seconds(env: Mapping[str, str]) -> float | None:
    """The watchdog period for this process, or None when there is none (or it is another's)."""
    usec = env.get("WATCHDOG_USEC", "")
    pid = env.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    if pid and (not pid.isdigit() or int(pid) != os.getpid()):
        return None
    return int(usec) / 1_000_000
