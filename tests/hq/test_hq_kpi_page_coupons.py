"""The coupons on the service-measures page (/kpis) in a real headless Chromium against a
real HQ server (SQLite and PostgreSQL) holding the hand-made day of service_events.py:
each coupon number shown is what ``GET /api/v1/kpis`` answers, and the refusals by reason
are one bar each. A page without coupons says nothing of reasons."""

from __future__ import annotations

import httpx
from test_hq_kpi_page import ADMIN, Marks, _values, chromium, needs_chromium, page_server

from kiosk.hq.web.kpi_page import COUPON_HEADLINE

__all__ = ["page_server"]  # the fixture: a server with the hand-made day


@needs_chromium
def test_the_page_shows_the_coupon_kpis_of_the_api(page_server, tmp_path):
    dom = chromium(tmp_path, f"{page_server.url}/kpis?token={ADMIN}", "--dump-dom")
    page = Marks()
    page.feed(dom)
    api = httpx.get(
        f"{page_server.url}/api/v1/kpis", headers={"Authorization": f"Bearer {ADMIN}"}
    ).json()["kpis"]
    for name, _ in COUPON_HEADLINE:
        assert page.kpis[name] == str(api[name]), name
    assert (page.kpis["coupons_accepted"], page.kpis["coupon_refusals_per_100"]) == ("3", "66.67")
    assert page.kpis["coupon_savings_minor.EUR"] == "55"  # net of the withdrawn ones
    assert (page.kpis["coupons_withdrawn"], page.kpis["coupons_reinstated"]) == ("2", "1")
    bars = {m["data-label"]: m["data-value"] for m in page.marks["coupon-refusals"]}
    assert bars == {"expired": "1.0", "scan_items_first": "1.0", "twice": "1.0",
                    "unreadable": "1.0"}  # fmt: skip
    assert _values(page.marks["coupon-refusals"]) == [1.0] * 4


def test_a_day_without_coupons_shows_zeros_and_no_reasons(page_server):
    answer = httpx.get(
        f"{page_server.url}/kpis",
        params={"from": "2026-11-23"},
        headers={"Authorization": f"Bearer {ADMIN}"},
    )
    assert answer.status_code == 200
    assert 'data-kpi="coupons_accepted">0<' in answer.text
    assert 'data-kpi="coupon_acceptance_rate">-<' in answer.text
    assert "coupon-refusals" not in answer.text
