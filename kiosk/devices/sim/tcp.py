"""A simulated device on a TCP port: one connection at a time, bytes in, answer out.

Every simulator whose protocol is "the host writes, the device answers" (the receipt
printer, the boarding pass and bag tag printers) serves its port with :func:`serve_tcp`.
"""

from __future__ import annotations

import socket
import threading
from typing import Protocol


class Answers(Protocol):
    """A simulator: the bytes it answers to what the host wrote."""

    def feed(self, data: bytes) -> bytes: ...


def serve_tcp(sim: Answers, listener: socket.socket, stop: threading.Event) -> None:
    """Answer one connection at a time on ``listener`` (bound, listening) until ``stop``."""
    listener.settimeout(0.1)
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        except OSError:
            return
        with conn:
            conn.settimeout(0.1)
            while not stop.is_set():
                try:
                    data = conn.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not data:
                    break
                reply = sim.feed(data)
                if reply:
                    conn.sendall(reply)
