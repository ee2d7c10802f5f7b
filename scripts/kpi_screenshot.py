"""Render HQ's service-measures page (/kpis) to a PNG for the README.

A week of three lanes' service events is made with the lane's own mapping
(``kiosk.app.service_events``: the same envelopes, ids and rating scale a lane sends),
uploaded through the lane's own HQ client to a real HQ server on 127.0.0.1 (SQLite in
a temporary directory), and the page is shot in headless Chromium (Debian's
``chromium``). The shoppers are random but seeded, so the picture only changes when
the page does.

    .venv/bin/python scripts/kpi_screenshot.py docs/screenshots/kpis.png
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.app.service_events import Occurrence, envelope, intervention_id
from kiosk.domain.feedback import FACE_RATINGS, NPS_REASONS
from kiosk.hq import web
from kiosk.hq.auth import enrol_lane
from kiosk.hq.db import create_engine, upgrade
from kiosk.hq.server import ServerThread
from kiosk.sync.client import HqClient

STORE, LANES = "store-001", ("lane-01", "lane-02", "lane-03")
ADMIN = "admin-token-screenshot-0123456789"
FIRST_DAY = datetime(2026, 11, 16, tzinfo=UTC)
KINDS = ("age_restricted", "unknown_barcode", "help_requested", "weight_mismatch")


def shopper(rng: random.Random, lane: str, n: int, start: datetime) -> list[Occurrence]:
    """One shopper's events at ``lane`` from ``start``."""
    tx = f"{lane}-{n}"
    out = [Occurrence("transaction.started", start, tx, tx)]
    t = start + timedelta(seconds=rng.randint(20, 90))
    if rng.random() < 0.18:
        kind = rng.choice(KINDS)
        iid = intervention_id(STORE, lane, tx, kind, t)
        ids = {"intervention_id": iid, "kind": kind}
        out.append(Occurrence("intervention.raised", t, tx, iid, ids))
        if kind == "help_requested":
            out.append(Occurrence("help.asked", t, tx, iid, {"intervention_id": iid}))
        arrived = t + timedelta(seconds=rng.choice((15, 25, 40, 70, 100, 150, 260)))
        staff = {**ids, "staff_id": "s-1", "how": "at_lane"}
        out.append(Occurrence("intervention.staff_arrived", arrived, tx, iid, staff))
        t = arrived + timedelta(seconds=rng.randint(10, 120))
        out.append(
            Occurrence("intervention.resolved", t, tx, iid, {**staff, "outcome": "approved"})
        )
    items = rng.randint(1, 25)
    t += timedelta(seconds=items * rng.randint(6, 14))
    if rng.random() < 0.07:
        reason = rng.choice(("cancelled", "cancelled", "idle_timeout", "walk_away"))
        return [
            *out,
            Occurrence("transaction.abandoned", t, tx, tx, {"reason": reason, "items": items}),
        ]
    language = rng.choice(("en", "en", "en", "es", "fr"))
    done = {
        "items": items,
        "total_minor": items * rng.randint(90, 400),
        "currency": "EUR",
        "language": language,
    }
    out.append(Occurrence("transaction.completed", t, tx, tx, done))
    if rng.random() < 0.4:
        face = rng.choices((1, 2, 3), weights=(1, 2, 6))[0]
        out.append(
            Occurrence(
                "feedback.rating", t + timedelta(seconds=5), tx, tx, {"rating": FACE_RATINGS[face]}
            )
        )
    if rng.random() < 0.1:
        score = rng.choices(range(11), weights=(1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 9))[0]
        reasons = rng.sample(NPS_REASONS[:5], rng.randint(0, 2)) if score < 9 else []
        nps = {"score": score, "reasons": reasons, "comment": ""}
        out.append(Occurrence("feedback.nps", t + timedelta(seconds=20), tx, tx, nps))
    return out


def week(rng: random.Random, lane: str) -> list[Occurrence]:
    """A week of shoppers at ``lane``, busier at lunch and after work, and one printer
    fault that stops the lane for a while."""
    events: list[Occurrence] = []
    for day in range(7):
        base = FIRST_DAY + timedelta(days=day)
        busy = rng.randint(25, 45)
        for n in range(busy):
            hour = rng.choices(range(8, 21), weights=(1, 2, 3, 3, 5, 5, 3, 2, 3, 5, 6, 4, 2))[0]
            start = base + timedelta(
                hours=hour, minutes=rng.randint(0, 59), seconds=rng.randint(0, 59)
            )
            events.extend(shopper(rng, lane, day * 1000 + n, start))
        if rng.random() < 0.3:
            down = base + timedelta(hours=rng.randint(9, 18))
            up = down + timedelta(minutes=rng.randint(5, 40))
            key = f"{lane}/{day}"
            events.append(
                Occurrence(
                    "device.fault", down, None, key, {"device": "printer", "detail": "paper out"}
                )
            )
            events.append(
                Occurrence("lane.unavailable", down, None, key, {"reason": "device_fault"})
            )
            events.append(Occurrence("device.restored", up, None, key, {"device": "printer"}))
            events.append(Occurrence("lane.available", up, None, key, {"reason": "fault_cleared"}))
    return sorted(events, key=lambda o: o.at)


def main(out: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("Debian's chromium is needed to render the page")
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'hq.sqlite3'}", pool_size=5)
        upgrade(engine)
        server = ServerThread(engine, max_body_bytes=8 * 1024 * 1024)
        web.configure(server.server.config.app, admin_token=ADMIN)
        server.start()
        try:
            for lane in LANES:
                client = HqClient(server.url, enrol_lane(engine, STORE, lane))
                bodies = [
                    envelope(o, store_id=STORE, lane_id=lane, language="en")
                    for o in week(rng, lane)
                ]
                payloads = [json.dumps(b) for b in bodies]
                for start in range(0, len(payloads), 500):
                    client.upload("event", payloads[start : start + 500])
                client.close()
            subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 f"--user-data-dir={Path(tmp) / 'profile'}", "--window-size=1280,2850",
                 "--hide-scrollbars", f"--screenshot={out.resolve()}",
                 f"{server.url}/kpis?token={ADMIN}"],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
        finally:
            server.stop(force=True)
            engine.dispose()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/kpis.png"))
