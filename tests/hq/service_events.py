"""Service events for the tests of HQ's event contract and KPI engine: an event builder
and a hand-made day of two lanes whose KPIs are worked out by hand in ``EXPECTED``."""

from __future__ import annotations

import itertools
import uuid
from typing import Any

EVENTS = "/api/v1/events"
STORE = "store-001"
DAY = "2026-11-22"
_COUNTER = itertools.count(1)


def event_id() -> str:
    return str(uuid.UUID(int=next(_COUNTER), version=4))


def event(
    type_: str,
    at: str,
    data: dict[str, Any] | None = None,
    *,
    lane: str = "lane-01",
    tid: str | None = "t-1",
    language: str | None = "en",
    journey: str = "self_checkout",
) -> dict[str, Any]:
    """One valid event of ``lane`` at ``DAY`` ``at`` (HH:MM:SS)."""
    body: dict[str, Any] = {
        "schema": 1,
        "event_id": event_id(),
        "store_id": STORE,
        "lane_id": lane,
        "journey": journey,
        "transaction_id": tid,
        "type": type_,
        "at": f"{DAY}T{at}Z",
        "language": language,
    }
    if data is not None:
        body["data"] = data
    return body


def intervention(n: int) -> str:
    return f"0b9f6c1e-2d4a-4c8e-9f10-{n:012d}"


def _transaction(
    lane: str, tid: str, language: str, span: tuple[str, str], items: int | None, **steps: Any
) -> list[dict[str, Any]]:
    """started at ``span[0]``; completed with ``items`` (or abandoned for ``steps["reason"]``)
    at ``span[1]``; ``steps["help"]``: (kind, raised, arrived, resolved, intervention no.[,
    how: "at_lane" unless given])."""
    start, end = span
    mine = {"lane": lane, "tid": tid, "language": language}
    out = [event("transaction.started", start, **mine)]
    if "help" in steps:
        kind, raised, arrived, resolved, n, *how = steps["help"]
        ref = {"intervention_id": intervention(n), "kind": kind}
        staff = {**ref, "staff_id": "staff-7", "how": how[0] if how else "at_lane"}
        out += [
            event("intervention.raised", raised, ref, **mine),
            event("intervention.staff_arrived", arrived, staff, **mine),
            event("intervention.resolved", resolved, {**staff, "outcome": "approved"}, **mine),
        ]
    if items is None:
        out.append(event("transaction.abandoned", end, {"reason": steps["reason"]}, **mine))
    else:
        done = {"items": items, "total_minor": 100 * items, "currency": "EUR", "language": language}
        out.append(event("transaction.completed", end, done, **mine))
    return out


def _coupons(lane: str, tid: str) -> list[dict[str, Any]]:
    """Three coupons accepted (30 + 25 + 50 EUR off) and three refused, at 12:30:40-58;
    the first withdrawn by a void and back again, the third withdrawn as expired."""
    mine = {"lane": lane, "tid": tid}
    saved = [("store:00001", 30), ("8110:0810000:654321", 25), ("8112:0810000:123456", 50)]
    refused = ["expired", "twice", "unreadable"]
    out = []
    for n, ((coupon_id, saving), reason) in enumerate(zip(saved, refused, strict=True)):
        data = {"coupon_id": coupon_id, "kind": coupon_id.split(":")[0],
                "saving_minor": saving, "currency": "EUR"}  # fmt: skip
        out.append(event("coupon.accepted", f"12:30:{40 + 6 * n}", data, **mine))
        out.append(event("coupon.refused", f"12:30:{43 + 6 * n}", {"reason": reason}, **mine))
    changes = [("coupon.withdrawn", 0, "requirement_not_met"), ("coupon.reinstated", 0, None),
               ("coupon.withdrawn", 2, "expired")]  # fmt: skip
    for n, (type_, which, reason) in enumerate(changes):
        coupon_id, saving = saved[which]
        data = {"coupon_id": coupon_id, "kind": coupon_id.split(":")[0],
                "saving_minor": saving, "currency": "EUR"}  # fmt: skip
        if reason:
            data["reason"] = reason
        out.append(event(type_, f"12:30:{56 + n}", data, **mine))
    return out


def scenario() -> dict[str, list[dict[str, Any]]]:
    """A day of lane-01 (English) and lane-02 (Spanish), events per lane, oldest first."""
    l1, l2 = "lane-01", "lane-02"
    one = [
        *_transaction(l1, "t-1", "en", ("10:00:00", "10:02:00"), 4),
        event("feedback.rating", "10:02:05", {"rating": 5}, lane=l1, tid="t-1"),
        event("feedback.nps", "10:02:09", {"score": 10}, lane=l1, tid="t-1"),
        *_transaction(
            l1,
            "t-2",
            "en",
            ("10:10:00", "10:13:00"),
            6,
            help=("age_check", "10:10:30", "10:11:00", "10:11:30", 1),
        ),
        event("feedback.rating", "10:13:05", {"rating": 4}, lane=l1, tid="t-2"),
        event(
            "feedback.nps",
            "10:13:09",
            {"score": 9, "reasons": ["had_to_wait_for_help"], "comment": "fine"},
            lane=l1,
            tid="t-2",
        ),
        *_transaction(l1, "t-5", "en", ("12:00:00", "12:00:40"), None, reason="cancelled"),
        event("transaction.started", "12:30:00", lane=l1, tid="t-6"),
        event("help.asked", "12:30:30", {}, lane=l1, tid="t-6"),
        *_coupons(l1, "t-6"),
        event(
            "transaction.completed",
            "12:31:00",
            {"items": 1, "total_minor": 100, "currency": "EUR", "language": "en"},
            lane=l1,
            tid="t-6",
        ),
    ]
    es = {"lane": l2, "language": "es"}
    two = [
        event("language.chosen", "10:59:50", {"language": "es"}, tid="t-3", **es),
        *_transaction(l2, "t-3", "es", ("11:00:00", "11:05:00"), None, reason="walk_away"),
        event("feedback.nps", "11:05:10", {"score": 3, "reasons": ["too_slow", "item_not_found"]},
              tid="t-3", **es),
        event("coupon.refused", "11:08:00", {"reason": "scan_items_first"}, tid=None, **es),
        *_transaction(
            l2, "t-4", "es", ("11:10:00", "11:15:00"), 2,
            help=("unknown_item", "11:10:20", "11:12:20", "11:14:20", 2, "remote"),
        ),
        event("feedback.rating", "11:15:05", {"rating": 2}, tid="t-4", **es),
        event("accessibility.used", "11:15:06", {"option": "high_contrast"}, tid="t-4", **es),
        event("device.fault", "12:55:00", {"device": "printer", "detail": "paper out"}, tid=None,
              **es),
        event("lane.unavailable", "13:00:00", {"reason": "printer"}, tid=None, **es),
        event("lane.available", "14:00:00", {}, tid=None, **es),
        event("device.restored", "14:00:00", {"device": "printer"}, tid=None, **es),
    ]  # fmt: skip
    return {l1: one, l2: two}


# Worked out by hand from scenario(); see kiosk.hq.kpis for the definitions.
EXPECTED: dict[str, Any] = {
    "transactions": 6,
    "started": 6,
    "completed": 4,
    "abandoned": 2,
    "abandoned_by_reason": {"cancelled": 1, "walk_away": 1},
    "suspended": 0,
    "completion_rate": 0.6667,
    "abandonment_rate": 0.3333,
    "first_contact_resolution": 0.5,  # t-2 and t-4 needed staff
    "interventions": 2,
    "interventions_by_kind": {"age_check": 1, "unknown_item": 1},
    "interventions_per_100": 33.33,
    "interventions_per_100_by_kind": {"age_check": 16.67, "unknown_item": 16.67},
    "help_asked": 1,
    "response_time_s": {"count": 2, "p50": 30, "p90": 120},
    "handling_time_s": {"count": 2, "p50": 60, "p90": 240},
    "resolved_by_how": {"at_lane": 1, "remote": 1},  # the unknown item from the station
    "arrived_by_how": {"at_lane": 1, "remote": 1},
    "handling_time_s_by_how": {"at_lane": 60.0, "remote": 240.0},
    "transaction_time_s": {"count": 4, "p50": 120, "p90": 300},  # 60, 120, 180, 300 s
    "items_per_minute": 1.18,  # 13 items in 11 minutes
    "lane_days": 2,
    "unavailable_s": 3600,
    "availability": 0.9792,  # 1 - 1 h / 48 h
    "device_faults": {"printer": 1},
    "ratings": {"2": 1, "4": 1, "5": 1},
    "csat": 0.6667,
    "nps": 33.3,  # 2 promoters, 1 detractor of 3
    "nps_responses": 3,
    "nps_scores": {"10": 1, "3": 1, "9": 1},
    "nps_reasons": {"had_to_wait_for_help": 1, "item_not_found": 1, "too_slow": 1},
    "languages": {"es": 1},
    "accessibility": {"high_contrast": 1},
    "coupons_accepted": 3,
    "coupons_accepted_by_kind": {"8110": 1, "8112": 1, "store": 1},
    "coupons_refused": 4,  # one on lane-02 before its basket opened
    "coupons_refused_by_reason": {"expired": 1, "scan_items_first": 1, "twice": 1,
                                  "unreadable": 1},
    "coupons_withdrawn": 2,
    "coupons_withdrawn_by_reason": {"expired": 1, "requirement_not_met": 1},
    "coupons_reinstated": 1,
    "coupon_acceptance_rate": 0.4286,  # 3 of 7
    "coupon_savings_minor": {"EUR": 55},  # 30 + 25 + 50, - 30 + 30 (back), - 50 (expired)
    "coupon_savings_withdrawn_minor": {"EUR": 80},  # 30 + 50
    "coupon_refusals_per_100": 66.67,  # 4 x 100 / 6 transactions
}  # fmt: skip
# Utilisation by hour: time in transactions ended that hour / (2 lane-days x 1 h).
EXPECTED_UTILISATION = {"10": 0.0417, "11": 0.0833, "12": 0.0139}
EXPECTED_HEATMAP = {("store-001/lane-01", 10): 1, ("store-001/lane-02", 11): 1}


def load_scenario(server: Any, engine: Any) -> None:
    """Send the scenario to a real HQ ``server``, each lane with its own token, in
    batches of 5, then all of it again (a replay that must add nothing)."""
    from hq_calls import post

    from kiosk.hq.auth import enrol_lane

    for lane, events in scenario().items():
        token = enrol_lane(engine, STORE, lane)
        for start in range(0, len(events), 5):
            answer = post(server, token, EVENTS, {"events": events[start : start + 5]})
            assert answer.status_code == 200, answer.text
            assert {r["status"] for r in answer.json()["results"]} == {"accepted"}
        replay = post(server, token, EVENTS, {"events": events})
        assert {r["status"] for r in replay.json()["results"]} == {"duplicate"}
