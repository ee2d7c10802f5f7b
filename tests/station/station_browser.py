"""A real headless Chromium driven over the DevTools protocol (no Selenium needed).

``Browser(tmp_path)`` starts Debian's ``chromium --headless`` with a private profile;
``open(url)``, ``js(expression)`` (awaits promises, returns the value) and
``touch(selector)`` (scrolls it into view, checks with ``document.elementFromPoint`` at
the element's centre that it is the one on top, then clicks it like a finger would);
``type(selector, text)`` sets an input's value as typing would.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import websocket

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    def __init__(self, profile: Path, width: int = 390, height: int = 844) -> None:
        assert CHROMIUM is not None
        self.process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--remote-debugging-port=0",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "--no-first-run",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stderr is not None
        for line in self.process.stderr:
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                break
        else:
            raise AssertionError("chromium did not start its DevTools endpoint")
        port = found[1].split(":")[2].split("/")[0]
        targets = json.loads(_get(f"http://127.0.0.1:{port}/json"))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.ids = itertools.count(1)
        self.call("Page.enable")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == number:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete'")

    def js(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20.0) -> None:
        """Poll ``expression`` until it is truthy (the page updates on its own)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.js(f"Boolean({expression})"):
                return
            time.sleep(0.05)  # polling another process (the browser), not a timing check
        raise AssertionError(f"never true: {expression}")

    def touch(self, selector: str) -> None:
        """Tap the element, after checking it is what is on top at its centre."""
        on_top = self.js(
            f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return "missing"; e.scrollIntoView({{block: "center"}});
            const r = e.getBoundingClientRect();
            const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return hit === e || e.contains(hit) ? "ok" : "covered"; }})()"""
        )
        assert on_top == "ok", f"{selector}: {on_top}"
        self.js(f"document.querySelector({json.dumps(selector)}).click()")

    def type(self, selector: str, text: str) -> None:
        """Put ``text`` in the input ``selector`` (focused, as a finger and keyboard would)."""
        found = self.js(
            f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return false; e.focus(); e.value = {json.dumps(text)};
            e.dispatchEvent(new Event("input", {{bubbles: true}})); return true; }})()"""
        )
        assert found, f"{selector}: missing"

    def screenshot(self, path: Path) -> None:
        import base64

        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot")["data"]))

    def close(self) -> None:
        self.socket.close()
        self.process.kill()
        self.process.wait()


def _get(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as reply:
        return reply.read().decode()
