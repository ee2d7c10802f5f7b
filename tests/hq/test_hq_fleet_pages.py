"""The fleet on HQ's pages in a real headless Chromium (Debian's ``chromium``) against a
real HQ server on SQLite and PostgreSQL: the overview shows each lane's software and
config version (and a refused HQ configuration); a lane's page shows its device health
history and last errors, escaped."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from hq_fixtures import LANE, STORE

from kiosk.hq import web
from kiosk.hq.auth import enrol_lane
from kiosk.hq.server import ServerThread

ADMIN = "admin-token-0123456789abcdef"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
EVIL = "<script>alert(1)</script> & <b>bold</b>"


def chromium_dom(tmp_path: Path, url: str) -> str:
    """The DOM headless Chromium built for ``url`` (its own profile in ``tmp_path``)."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1600", "--dump-dom", url],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return done.stdout


class Rows(HTMLParser):
    """Headings, table rows (cell texts) and element names of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self.tags: set[str] = set()
        self.paragraphs: list[str] = []
        self._cell: list[str] | None = None
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("h2", "p"):
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag in ("h2", "p") and self._text is not None:
            text = " ".join("".join(self._text).split())
            (self.headings if tag == "h2" else self.paragraphs).append(text)
            self._text = None

    def handle_data(self, data: str) -> None:
        for sink in (self._cell, self._text):
            if sink is not None:
                sink.append(data)


def parse(dom: str) -> Rows:
    rows = Rows()
    rows.feed(dom)
    return rows


@pytest.fixture
def fleet_server(hq_engine: sa.Engine) -> Iterator[ServerThread]:
    server = ServerThread(hq_engine, max_body_bytes=1024 * 1024)
    web.configure(server.server.config.app, admin_token=ADMIN)
    server.start()
    yield server
    server.stop(force=True)


def send(server: ServerThread, token: str, n: int, **fields: object) -> None:
    body = {
        "state": "selling",
        "app_version": "1.2.3",
        "outbox_depth": 0,
        "sent_at": f"2026-11-22T10:0{n}:00.000Z",
        **fields,
    }
    answer = httpx.post(
        f"{server.url}/api/v1/lanes/heartbeat",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text


def scanner_printer(printer: str) -> list[dict[str, str]]:
    return [
        {"name": "scanner", "kind": "scanner", "status": "ok"},
        {"name": "printer", "kind": "printer", "status": printer, "detail": "front"},
    ]


@needs_chromium
def test_the_overview_shows_software_and_config_versions(fleet_server, hq_engine, tmp_path):
    token = enrol_lane(hq_engine, STORE, LANE)
    refused = enrol_lane(hq_engine, STORE, "lane-02")
    old = enrol_lane(hq_engine, STORE, "lane-03")
    send(fleet_server, token, 0, config_version="0a1b2c3d4e5f")
    send(fleet_server, refused, 0, app_version="1.3.0", config_version="ffff00001111",
         config_error="ui.idle_timeout_s = 'soon': expected a whole number")  # fmt: skip
    send(fleet_server, old, 0, app_version="0.9.0")  # a lane older than the fleet fields

    page = parse(chromium_dom(tmp_path, f"{fleet_server.url}/?token={ADMIN}"))

    header = next(r for r in page.rows if r and r[0] == "Lane")
    by_lane = {r[0]: dict(zip(header, r, strict=True)) for r in page.rows if r and r[0] != "Lane"}
    assert by_lane[LANE]["App version"] == "1.2.3"
    assert by_lane[LANE]["Config version"] == "0a1b2c3d4e5f"
    assert by_lane["lane-02"]["App version"] == "1.3.0"
    assert by_lane["lane-02"]["Config version"] == "ffff00001111 HQ config refused"
    assert by_lane["lane-03"]["App version"] == "0.9.0"
    assert by_lane["lane-03"]["Config version"] == "-"


@needs_chromium
def test_the_lane_page_shows_device_history_and_last_errors(fleet_server, hq_engine, tmp_path):
    token = enrol_lane(hq_engine, STORE, LANE)
    for n, printer in enumerate(["ok", "paper_out", "paper_out", "offline", "ok"]):
        send(fleet_server, token, n, devices=scanner_printer(printer))
    errors = [
        {"at": "2026-11-22T10:03:10.000Z", "logger": "kiosk.sync.service", "message": "HQ away"},
        {"at": "2026-11-22T10:03:20.000Z", "logger": "kiosk.devices", "message": EVIL},
    ]
    refusal = "lane.store_id: HQ may not set it"
    send(fleet_server, token, 5, devices=scanner_printer("ok"), errors=errors,
         config_version="0a1b2c3d4e5f", config_error=refusal)  # fmt: skip

    dom = chromium_dom(tmp_path, f"{fleet_server.url}/lanes/{STORE}/{LANE}?token={ADMIN}")
    page = parse(dom)

    assert "script" not in page.tags  # the message stayed text
    assert "b" not in page.tags
    assert "Config version: 0a1b2c3d4e5f" in page.paragraphs
    assert "HQ configuration refused: lane.store_id: HQ may not set it" in page.paragraphs
    assert "Last 2 errors" in page.headings
    assert ["2026-11-22T10:03:20.000Z", "kiosk.devices", EVIL] in page.rows
    assert ["2026-11-22T10:03:10.000Z", "kiosk.sync.service", "HQ away"] in page.rows
    assert "Device health history (last 5 changes)" in page.headings
    changes = [r for r in page.rows if len(r) == 5 and r[1] in ("scanner", "printer")]
    assert [(r[0][11:16], r[1], r[3]) for r in changes] == [
        ("10:04", "printer", "ok"),
        ("10:03", "printer", "offline"),
        ("10:01", "printer", "paper_out"),
        ("10:00", "printer", "ok"),  # the same heartbeat, newest row first
        ("10:00", "scanner", "ok"),
    ]


@needs_chromium
def test_a_lane_that_never_reported_says_so(fleet_server, hq_engine, tmp_path):
    enrol_lane(hq_engine, STORE, LANE)
    page = parse(chromium_dom(tmp_path, f"{fleet_server.url}/lanes/{STORE}/{LANE}?token={ADMIN}"))
    assert "Config version: -" in page.paragraphs
    assert "No errors reported." in page.paragraphs
    assert "No device status reported." in page.paragraphs
