"""An HTTP reverse proxy in front of the test HQ that refuses some requests itself, the way
a real front end does: nginx answers a body over ``client_max_body_size`` with an HTML
413 page, a web application firewall answers a body matching one of its rules with an
HTML 400 or 403, a busy balancer answers 429 or 503. Everything else is passed to HQ and
HQ's reply is passed back unchanged."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable
from dataclasses import dataclass

import httpx

HTML = "text/html"


@dataclass(frozen=True)
class Refusal:
    status: int
    body: bytes = b"<html><body><h1>refused</h1><hr>nginx</body></html>"
    content_type: str = HTML


Rule = Callable[[bytes], Refusal | None]


class RefusingProxy:
    """``rule(body)`` says whether to refuse a request (and how); use as a context manager."""

    def __init__(self, upstream: str, rule: Rule) -> None:
        self.upstream = upstream.rstrip("/")
        self.rule = rule
        self.refused: list[int] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _relay(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                refusal = proxy.rule(body)
                if refusal is not None:
                    proxy.refused.append(refusal.status)
                    self._answer(refusal.status, refusal.content_type, refusal.body)
                    return
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")
                }
                reply = httpx.request(
                    self.command,
                    proxy.upstream + self.path,
                    content=body or None,
                    headers=headers,
                    timeout=30,
                )
                self._answer(
                    reply.status_code, reply.headers.get("content-type", ""), reply.content
                )

            def _answer(self, status: int, content_type: str, body: bytes) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _relay

            def log_message(self, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> RefusingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
