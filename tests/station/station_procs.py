"""Real processes for the station's fault tests: ``kiosk station serve``, a headless
lane (``kiosk run --console``, no devices), and a cuttable link between them.

:class:`CutLink` is a small HTTP relay the lane talks to instead of the station: ``down``
cuts the network (every request, also a long poll already in flight, fails with 503);
``drop_results`` loses only the lane's acknowledgements (reports that carry results),
so a test can kill the lane after it applied a command and before the station heard.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
from station_fixtures import KEY, ROOT, wait_until

from kiosk.station.server import free_port

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "KIOSK_CONFIG": "", "PYTHONUNBUFFERED": "1"}


class StationProcess:
    """``kiosk station serve`` on 127.0.0.1:``port`` with its files in ``folder``."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder, self.port = folder, port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> StationProcess:
        command = [sys.executable, "-m", "kiosk", "station", "serve", "--dir", str(self.folder)]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        log = (self.folder / "station.log").open("ab")
        self.process = subprocess.Popen(
            command, env={**ENV, "KIOSK_STATION_KEY": KEY}, stdout=log, stderr=log, cwd=ROOT
        )
        wait_until(self._up, timeout=60, what="the station serving")
        return self

    def _up(self) -> bool:
        assert self.process is not None
        assert self.process.poll() is None, "the station exited"
        try:
            return httpx.get(self.url, timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def kill(self) -> None:
        """SIGKILL, as a power cut or a crash would."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(30)
            self.process = None


class LaneProcess:
    """``kiosk run --console --config CONFIG``: a real lane without devices."""

    def __init__(self, config: Path) -> None:
        self.config = config
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> LaneProcess:
        log = (self.config.parent / "lane.out").open("a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--console", "--config", str(self.config)],
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=log,
            text=True,
            env=ENV,
            cwd=ROOT,
        )
        return self

    def type(self, line: str) -> None:
        """A console command (a code is scanned)."""
        assert self.process is not None
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def kill(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(30)
            self.process = None

    def quit(self) -> None:
        if self.process is not None:
            assert self.process.stdin is not None
            self.process.stdin.write("quit\n")
            self.process.stdin.close()
            self.process.wait(60)
            self.process = None


class CutLink:
    """An HTTP relay from the lane to ``target`` that a test can cut (see the module)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.down = False
        self.drop_results = False
        self.dropped = 0
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._relay()

            def do_POST(self) -> None:
                self._relay()

            def _relay(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                if relay.down or (relay.drop_results and _has_results(body)):
                    relay.dropped += 1
                    return self._answer(503, b'{"error": "link cut"}')
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() in ("authorization", "content-type")
                }
                try:
                    reply = httpx.request(
                        self.command,
                        relay.target + self.path,
                        content=body,
                        headers=headers,
                        timeout=40,
                    )
                except httpx.HTTPError:
                    return self._answer(502, b'{"error": "station unreachable"}')
                if relay.down:  # cut while the request was in flight: it is lost
                    return self._answer(503, b'{"error": "link cut"}')
                return self._answer(reply.status_code, reply.content)

            def _answer(self, status: int, content: bytes) -> None:
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _has_results(body: bytes) -> bool:
    try:
        return bool(json.loads(body or b"{}").get("results"))
    except ValueError:
        return False
