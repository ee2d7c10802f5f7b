"""A fault-injecting TCP proxy for the sync tests: lane -> proxy -> HQ on 127.0.0.1.

Faults are planned per connection (``drop``: close at once, before any request)
and per HTTP response (``reset``: HQ has answered - so it committed - but the
lane gets a TCP reset instead of the reply; ``http500``: the reply is replaced
by a 500). ``latency`` delays every chunk both ways. ``retarget`` points the
proxy at a restarted HQ. A response starts with the first bytes HQ sends after
the lane sent a request (no pipelining, which httpx does not do).
"""

from __future__ import annotations

import collections
import contextlib
import selectors
import socket
import struct
import threading
import time

_BODY_500 = b'{"error":"injected","message":"fault 500"}'
_HTTP_500 = (
    b"HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\n"
    b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(_BODY_500), _BODY_500)
)


class FaultProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.latency = 0.0
        self.connection_faults: collections.deque[str] = collections.deque()
        self.response_faults: collections.deque[str] = collections.deque()
        self.injected: collections.Counter[str] = collections.Counter()
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)  # so close() is noticed without a connection
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, name="proxy-accept", daemon=True)
        self._accepter.start()

    def retarget(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port

    def plan(self, *, connections: tuple[str, ...] = (), responses: tuple[str, ...] = ()) -> None:
        with self._lock:
            self.connection_faults.extend(connections)
            self.response_faults.extend(responses)

    def close(self) -> None:
        self._closed.set()
        self._accepter.join(5)
        self._listener.close()
        for thread in self._threads:
            thread.join(5)

    def _take(self, queue: collections.deque[str]) -> str:
        with self._lock:
            fault = queue.popleft() if queue else "pass"
            if fault != "pass":
                self.injected[fault] += 1
            return fault

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            if self._take(self.connection_faults) == "drop":
                _reset(client)
                continue
            thread = threading.Thread(
                target=self._serve, args=(client,), daemon=True, name="proxy-conn"
            )
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
        except OSError:
            _reset(client)
            return
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        awaiting_response = False
        try:
            while not self._closed.is_set():
                for key, _ in selector.select(timeout=0.2):
                    source: socket.socket = key.fileobj  # type: ignore[assignment]
                    target: socket.socket = key.data
                    data = source.recv(65536)
                    if not data:
                        return
                    if self.latency:
                        time.sleep(self.latency)
                    if source is client:
                        awaiting_response = True
                    elif awaiting_response:
                        awaiting_response = False
                        fault = self._take(self.response_faults)
                        if fault == "reset":
                            _reset(client)
                            return
                        if fault == "http500":
                            client.sendall(_HTTP_500)
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
    """Close with RST instead of FIN (SO_LINGER 0), as a crashed middlebox would."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    except OSError:
        pass
