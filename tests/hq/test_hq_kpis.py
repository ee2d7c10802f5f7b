"""The KPI engine (kiosk.hq.kpis, kiosk.hq.rollup): the arithmetic on a hand-made day of
events with known answers (pure, then through a real HQ server on SQLite and
PostgreSQL), and ``kiosk hq kpis --json`` printing exactly what ``GET /api/v1/kpis``
answers."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
import sqlalchemy as sa
from service_events import (
    DAY,
    EXPECTED,
    EXPECTED_HEATMAP,
    EXPECTED_UTILISATION,
    STORE,
    load_scenario,
    scenario,
)

from kiosk.cli import main
from kiosk.hq import kpis, web
from kiosk.hq.auth import enrol_lane
from kiosk.hq.events import rollup_sums
from kiosk.hq.rollup import EventFacts, Opening, bucket, elapsed_ms
from kiosk.hq.server import ServerThread

ADMIN = "admin-token-0123456789abcdef"


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, 0), (4.9, 0), (5, 5), (59.9, 45), (60, 60), (64, 60), (299, 240), (300, 300),
     (329, 300), (1799, 1200), (1800, 1800), (14_399, 7200), (99_999, 14_400), (-5, 0)],
)  # fmt: skip
def test_duration_buckets(seconds, expected):
    assert bucket(seconds) == expected


@pytest.mark.parametrize(
    ("histogram", "fraction", "expected"),
    [({}, 0.5, None), ({7: 1}, 0.5, 7), ({7: 1}, 0.9, 7), ({1: 1, 2: 1}, 0.5, 1),
     ({1: 1, 2: 1}, 0.9, 2), ({1: 9, 100: 1}, 0.9, 1), ({1: 8, 100: 2}, 0.9, 100),
     ({5: 3, 1: 1}, 0.5, 5)],
)  # fmt: skip
def test_nearest_rank_percentiles(histogram, fraction, expected):
    assert kpis.percentile(histogram, fraction) == expected


@pytest.mark.parametrize(
    ("sums", "field", "expected"),
    [
        ({}, "completion_rate", None),
        ({}, "nps", None),
        ({}, "csat", None),
        ({("completed", ""): (3, 9), ("abandoned", "walk_away"): (1, 0)}, "completion_rate", 0.75),
        ({("completed", ""): (4, 0), ("assisted", ""): (1, 0)}, "first_contact_resolution", 0.75),
        ({("nps", "6"): (1, 6), ("nps", "7"): (1, 7), ("nps", "8"): (1, 8)}, "nps", -33.3),
        ({("nps", "10"): (2, 20)}, "nps", 100.0),
        ({("rating", "3"): (1, 3), ("rating", "4"): (1, 4)}, "csat", 0.5),
        ({("txn_time", "120"): (1, 120_000), ("timed_items", ""): (1, 10)}, "items_per_minute", 5),
    ],
)
def test_kpis_from_hand_made_sums(sums, field, expected):
    assert kpis.kpis_from(sums)[field] == expected


def _facts(body: dict) -> EventFacts:
    return EventFacts(
        body["store_id"],
        body["lane_id"],
        body["journey"],
        body["transaction_id"],
        body["type"],
        body["at"],
        body["language"],
        body.get("data", {}),
    )


def _pure_report() -> dict:
    """The scenario through the pure functions only: openings found by hand."""
    pairs = []
    seen: dict[tuple[str, str], str] = {}
    assisted: set[str] = set()
    for events in scenario().values():
        for body in events:
            facts = _facts(body)
            data = facts.data
            ref = data.get("intervention_id") or data.get("device") or facts.type.split(".")[0]
            opening = Opening()
            if facts.type in ("transaction.completed", "transaction.abandoned"):
                opening = Opening(seen.get(("txn", facts.transaction_id or "")),
                                  facts.transaction_id in assisted)  # fmt: skip
            elif facts.type.endswith(("staff_arrived", "resolved", "restored", "available")):
                opening = Opening(seen.get(("ref", ref)))
            if facts.type == "transaction.started":
                seen["txn", facts.transaction_id or ""] = facts.at
            if facts.type in ("intervention.raised", "device.fault", "lane.unavailable"):
                seen["ref", ref] = facts.at
                assisted.add(facts.transaction_id or "")
            pairs.append((facts, opening))
    daily = rollup_sums(pairs)["kpi_day"]
    sums: dict[tuple[str, str], tuple[int, int]] = {}
    for key, (n, total) in daily.items():
        old = sums.get(key[-2:], (0, 0))
        sums[key[-2:]] = (old[0] + n, old[1] + total)
    return kpis.kpis_from(sums, lane_days=len({(k[0], k[2]) for k in daily}))


@pytest.mark.parametrize("field", sorted(EXPECTED))
def test_every_kpi_of_the_hand_made_day_pure(field):
    assert _pure_report()[field] == EXPECTED[field]


@pytest.mark.parametrize(
    ("date_from", "date_to", "months", "days"),
    [
        (None, None, (None, None), []),
        ("2026-01-01", None, ("2026-01", None), []),
        ("2026-01-15", None, ("2026-02", None), [("2026-01-15", "2026-01-31")]),
        (None, "2026-03-31", (None, "2026-03"), []),
        (None, "2026-03-10", (None, "2026-02"), [("2026-03-01", "2026-03-10")]),
        ("2026-01-15", "2026-02-10", None, [("2026-01-15", "2026-02-10")]),
        ("2026-01-01", "2026-01-31", ("2026-01", "2026-01"), []),
        ("2025-12-31", "2026-03-01", ("2026-01", "2026-02"),
         [("2025-12-31", "2025-12-31"), ("2026-03-01", "2026-03-01")]),
        ("2024-02-01", "2024-02-29", ("2024-02", "2024-02"), []),
        ("2026-02-01", "2026-01-01", None, []),
    ],
)  # fmt: skip
def test_a_range_is_split_into_whole_months_and_edge_days(date_from, date_to, months, days):
    assert kpis.split_range(date_from, date_to) == (months, days)


def test_whole_months_and_edge_days_add_up_to_the_same_kpis(kpi_server, hq_engine):
    """The scenario's day read as a whole month, as edge days, and as both."""
    for date_from, date_to in (("2026-11-01", "2026-11-30"), ("2026-11-22", "2026-11-22"),
                               ("2026-10-15", "2026-12-02"), (None, "2026-11-30")):  # fmt: skip
        f = kpis.KpiFilter(date_from, date_to)
        assert kpis.report(hq_engine, f)["kpis"] == EXPECTED, (date_from, date_to)


def test_elapsed_time_is_none_when_the_clock_went_backwards():
    assert elapsed_ms(f"{DAY}T10:00:00Z", f"{DAY}T09:59:59Z") is None
    assert elapsed_ms(f"{DAY}T10:00:00Z", f"{DAY}T10:00:01.5Z") == 1500


@pytest.fixture
def kpi_server(hq_engine: sa.Engine) -> Iterator[ServerThread]:
    """A real HQ server with the admin API on, holding the scenario's events (sent by
    each lane with its own token, in batches of 5, then all of it again as a replay)."""
    server = ServerThread(hq_engine, max_body_bytes=1024 * 1024)
    web.configure(server.server.config.app, admin_token=ADMIN)
    server.start()
    load_scenario(server, hq_engine)
    yield server
    server.stop(force=True)


def _kpis(server: ServerThread, **params: str) -> dict:
    answer = httpx.get(
        f"{server.url}/api/v1/kpis",
        params=params,
        headers={"Authorization": f"Bearer {ADMIN}"},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_every_kpi_of_the_hand_made_day_over_http(kpi_server):
    """GIVEN the scenario sent twice (the replay adds nothing) WHEN the API is asked
    THEN every KPI is the one worked out by hand."""
    assert _kpis(kpi_server)["kpis"] == EXPECTED


@pytest.mark.parametrize(
    ("params", "field", "expected"),
    [
        ({"language": "en"}, "transactions", 4),
        ({"language": "es"}, "abandoned_by_reason", {"walk_away": 1}),
        ({"lane": "lane-02"}, "availability", 0.9583),  # 1 h of one lane-day
        ({"lane": "lane-01"}, "interventions_by_kind", {"age_check": 1}),
        ({"from": "2026-11-23"}, "transactions", 0),
        ({"to": "2026-11-22"}, "transactions", 6),
        ({"journey": "hotel_checkin"}, "transactions", 0),
        ({"store": "elsewhere"}, "nps", None),
    ],
)
def test_filters(kpi_server, params, field, expected):
    assert _kpis(kpi_server, **params)["kpis"][field] == expected


def test_breakdowns(kpi_server):
    by_lane = {g["group"]: g["kpis"] for g in _kpis(kpi_server, by="lane")["groups"]}
    assert by_lane[f"{STORE}/lane-01"]["transactions"] == 4
    assert by_lane[f"{STORE}/lane-02"]["nps_reasons"] == {"item_not_found": 1, "too_slow": 1}
    by_hour = {g["group"]: g["kpis"] for g in _kpis(kpi_server, by="hour")["groups"]}
    got = {h: k["utilisation"] for h, k in by_hour.items() if k["utilisation"]}
    assert got == EXPECTED_UTILISATION
    assert by_hour["11"]["interventions"] == 1
    by_day = _kpis(kpi_server, by="day")["groups"]
    assert [(g["group"], g["kpis"]["transactions"]) for g in by_day] == [(DAY, 6)]


def test_heatmap(kpi_server, hq_engine):
    with hq_engine.connect() as conn:
        assert kpis.heatmap(conn, kpis.KpiFilter()) == EXPECTED_HEATMAP


@pytest.mark.parametrize(
    "args",
    [[], ["--lane", "lane-02"], ["--from", DAY, "--to", DAY, "--by", "hour"],
     ["--journey", "self_checkout", "--store", STORE, "--by", "language"]],
)  # fmt: skip
def test_the_cli_prints_the_json_the_api_answers(kpi_server, hq_url, capsys, args):
    assert main(["hq", "--database-url", hq_url, "kpis", *args, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    names = {"--from": "from", "--to": "to", "--store": "store", "--lane": "lane",
             "--journey": "journey", "--by": "by"}  # fmt: skip
    params = {names[args[i]]: args[i + 1] for i in range(0, len(args), 2)}
    assert printed == _kpis(kpi_server, **params)


def test_the_cli_refuses_a_bad_date(hq_url, hq_engine, capsys):
    assert main(["hq", "--database-url", hq_url, "kpis", "--from", "2026-13-01"]) == 2
    assert "2026-13-01" in capsys.readouterr().err


def test_the_events_export_is_csv_of_every_event(kpi_server):
    answer = httpx.get(
        f"{kpi_server.url}/api/v1/events.csv", headers={"Authorization": f"Bearer {ADMIN}"}
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    lines = answer.text.splitlines()
    assert lines[0].startswith("store_id,lane_id,event_id,journey,transaction_id,type,at")
    assert len(lines) == 1 + sum(len(e) for e in scenario().values())
    lane_two = httpx.get(
        f"{kpi_server.url}/api/v1/events.csv",
        params={"lane": "lane-02", "from": DAY, "to": DAY},
        headers={"Authorization": f"Bearer {ADMIN}"},
    )
    assert len(lane_two.text.splitlines()) == 1 + len(scenario()["lane-02"])


@pytest.mark.parametrize("path", ["/api/v1/kpis", "/api/v1/events.csv"])
def test_the_admin_api_needs_the_admin_token_not_a_lane_token(kpi_server, hq_engine, path):
    lane_token = enrol_lane(hq_engine, STORE, "lane-09")
    for token, status in ((None, 401), ("wrong-token", 401), (lane_token, 401), (ADMIN, 200)):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        assert httpx.get(f"{kpi_server.url}{path}", headers=headers).status_code == status


@pytest.mark.parametrize(
    ("query", "field"),
    [("from=2026-13-01", "2026-13-01"), ("to=yesterday", "to"), ("by=week", "by"),
     ("journey=bus", "journey"), ("lane=%3Cx%3E", "lane")],
)  # fmt: skip
def test_bad_filters_are_422_naming_them(kpi_server, query, field):
    answer = httpx.get(
        f"{kpi_server.url}/api/v1/kpis?{query}", headers={"Authorization": f"Bearer {ADMIN}"}
    )
    assert answer.status_code == 422
    assert field in answer.json()["message"]


def test_the_cli_without_json_prints_one_line_per_kpi(kpi_server, hq_url, capsys):
    assert main(["hq", "--database-url", hq_url, "kpis", "--by", "lane"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["transactions", "6"]
    assert any(line.startswith("nps ") and line.split()[-1] == "33.3" for line in lines)
    assert lines[-1].startswith(f"lane {STORE}/lane-02: 2 transactions")
