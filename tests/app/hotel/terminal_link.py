"""The network between a lane and the card terminal simulator, for the deposit tests.

A TCP proxy on 127.0.0.1 in front of the simulator's server. ``open`` (the default)
passes everything both ways. ``mute()``: every request still reaches the terminal, but
its answer never comes back - the connection is reset as soon as the terminal starts
answering (a network that fails after the request left: the terminal captures, the lane
cannot know). ``unmute()`` heals it. The terminal's own ledger says what it did.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import struct
import threading


class TerminalLink:
    """A proxy to the terminal server on ``upstream_port``; ``url`` is its nexo endpoint."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.muted = threading.Event()
        self.cut_answers = 0  # answers the terminal gave that never reached the lane
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)  # so close() is noticed without a connection
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/nexo"
        self._closed = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, name="link-accept", daemon=True)
        self._accepter.start()

    def mute(self) -> None:
        self.muted.set()

    def unmute(self) -> None:
        self.muted.clear()

    def close(self) -> None:
        self._closed.set()
        self._accepter.join(5)
        self._listener.close()
        for thread in self._threads:
            thread.join(5)

    def __enter__(self) -> TerminalLink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            thread = threading.Thread(
                target=self._serve, args=(client,), daemon=True, name="link-conn"
            )
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
        except OSError:
            _reset(client)
            return
        upstream.settimeout(None)
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        try:
            while not self._closed.is_set():
                for key, _ in selector.select(timeout=0.2):
                    source: socket.socket = key.fileobj  # type: ignore[assignment]
                    target: socket.socket = key.data
                    data = source.recv(65536)
                    if not data:
                        return
                    if source is upstream and self.muted.is_set():
                        self.cut_answers += 1
                        _reset(client)  # the terminal answered; the lane never hears it
                        return
                    target.sendall(data)
        except OSError:
            return
        finally:
            selector.close()
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.close()


def _reset(sock: socket.socket) -> None:
    """Close with RST instead of FIN (SO_LINGER 0), as a failing network would."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    except OSError:
        pass
