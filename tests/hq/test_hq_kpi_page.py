"""The service-measures page (/kpis) in a real headless Chromium (Debian's ``chromium``)
against a real HQ server on SQLite and PostgreSQL holding the hand-made day of
service_events.py: the charts render with the right number of marks, and every number
shown equals what ``GET /api/v1/kpis`` answers. Also: escaping, access, bad filters."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import sqlalchemy as sa
from service_events import DAY, STORE, load_scenario

from kiosk.hq import web
from kiosk.hq.server import ServerThread
from kiosk.hq.web.kpi_page import HEADLINE, lookup

ADMIN = "admin-token-0123456789abcdef"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


@pytest.fixture
def page_server(hq_engine: sa.Engine) -> Iterator[ServerThread]:
    server = ServerThread(hq_engine, max_body_bytes=1024 * 1024)
    web.configure(server.server.config.app, admin_token=ADMIN)
    server.start()
    load_scenario(server, hq_engine)
    yield server
    server.stop(force=True)


def chromium(tmp_path: Path, url: str, *args: str) -> str:
    """Run headless Chromium on ``url`` (its own profile in ``tmp_path``); its stdout."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2600", *args, url],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return done.stdout


class Marks(HTMLParser):
    """The SVG marks and data-kpi values of a page, by chart class."""

    def __init__(self) -> None:
        super().__init__()
        self.chart: str | None = None
        self.marks: dict[str, list[dict[str, str | None]]] = {}
        self.kpi: str | None = None
        self.kpis: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "svg":
            self.chart = (found.get("class") or "").split()[-1]
            self.marks[self.chart] = []
        elif tag in ("circle", "rect") and self.chart:
            self.marks[self.chart].append(found)
        if "data-kpi" in found:
            self.kpi = found["data-kpi"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.chart = None

    def handle_data(self, data: str) -> None:
        if self.kpi is not None:
            self.kpis.setdefault(self.kpi, data)
            self.kpi = None


def _values(marks: list[dict[str, str | None]]) -> list[float]:
    return [float(m["data-value"] or 0) for m in marks]


@needs_chromium
def test_the_page_in_chromium_draws_the_charts_and_shows_the_apis_numbers(page_server, tmp_path):
    dom = chromium(tmp_path, f"{page_server.url}/kpis?token={ADMIN}", "--dump-dom")
    page = Marks()
    page.feed(dom)
    api = httpx.get(
        f"{page_server.url}/api/v1/kpis", headers={"Authorization": f"Bearer {ADMIN}"}
    ).json()["kpis"]
    for name, _ in HEADLINE:
        shown = lookup(api, name)
        assert page.kpis[name] == ("-" if shown is None else str(shown)), name
    assert page.kpis["nps_responses"] == "3"
    # one point per day on every trend line: the scenario is one day
    for trend in ("trend-transactions", "trend-completion", "trend-interventions", "trend-nps"):
        assert len(page.marks[trend]) == 1, trend
    assert _values(page.marks["trend-transactions"]) == [6]
    # the heat map: 2 lanes x 24 hours, one intervention each at 10:00 and 11:00
    cells = page.marks["heatmap"]
    assert len(cells) == 48
    hot = {
        (c["data-row"], c["data-column"]): c["data-value"] for c in cells if c["data-value"] != "0"
    }
    assert hot == {(f"{STORE}/lane-01", "10"): "1", (f"{STORE}/lane-02", "11"): "1"}
    assert len(page.marks["utilisation"]) == 24
    assert _values(page.marks["utilisation"])[10:13] == [0.0417, 0.0833, 0.0139]
    # response times 30 s and 120 s: one in "30-60 s", one in "2-5 min"
    assert _values(page.marks["response"]) == [0, 0, 1, 0, 1, 0, 0]
    split = {m["data-label"]: m["data-value"] for m in page.marks["nps-split"]}
    assert split == {"detractors": "1", "passives": "0", "promoters": "2"}
    assert len(page.marks["nps-reasons"]) == 3
    assert "<script" not in dom.lower()


@needs_chromium
def test_a_screenshot_of_the_page(page_server, tmp_path):
    """The page renders to a PNG (looked at by a person when it changes)."""
    shot = tmp_path / "kpis.png"
    chromium(tmp_path, f"{page_server.url}/kpis?token={ADMIN}", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert len(data) > 20_000  # charts and text, not a blank page


def test_the_page_needs_the_admin_token(page_server, hq_engine):
    assert httpx.get(f"{page_server.url}/kpis").status_code == 401
    good = httpx.get(f"{page_server.url}/kpis", headers={"Authorization": f"Bearer {ADMIN}"})
    assert good.status_code == 200
    assert good.headers["content-security-policy"].startswith("default-src 'none'")


@pytest.mark.parametrize(
    ("query", "status"),
    [(f"from={DAY}&to={DAY}", 200), ("store=%3Cscript%3E", 200), ("from=2026-02-30", 422),
     ("lane=%00", 422), ("journey=" + quote('"><svg onload=alert(1)>'), 200)],
)  # fmt: skip
def test_filters_are_checked_and_escaped(page_server, query, status):
    answer = httpx.get(
        f"{page_server.url}/kpis?{query}", headers={"Authorization": f"Bearer {ADMIN}"}
    )
    assert answer.status_code == status
    assert "<script>" not in answer.text
    assert "<svg onload" not in answer.text
