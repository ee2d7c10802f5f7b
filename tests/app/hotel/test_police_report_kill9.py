"""A lane killed around the moment a check-in is recorded never keeps the record
without its police report (issue 13: the report's document numbers are only in
memory until then).

Real parts: a lane process of its own (``police_kill_child.py``: the hotel runner's
record step with the real ``HotelCommitter`` and ``PoliceReports``) finishing
check-ins in Spain one after another on a real SQLite lane store, killed with
SIGKILL at random moments (seeded, so a failure can be replayed), over and over on
the same database.

GIVEN check-ins being recorded WHEN the lane dies at any point THEN every check-in
record in the store has its traveller report queued (and no report is there
without its record), and a restarted lane goes on recording both together.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.store import police_reports
from kiosk.store.checkins import checkin_ids
from kiosk.store.db import connect

CHILD = Path(__file__).with_name("police_kill_child.py")
ROUNDS = 12


def _records_and_reports(db: Path) -> tuple[set[str], set[str]]:
    conn = connect(db, migrate=False)
    try:
        records = set(checkin_ids(conn))
        rows = police_reports.list_reports(conn, limit=1_000_000)
    finally:
        conn.close()
    assert all(r.state == "queued" for r in rows), [r for r in rows if r.state != "queued"]
    return records, {r.report_id for r in rows}


def test_a_lane_killed_around_the_record_never_keeps_a_record_without_its_report(
    tmp_path: Path,
) -> None:
    db = tmp_path / "lane.sqlite3"
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    stored_before = 0
    for round_ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(db), f"r{round_}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # up and recording: the next ones are under way
        assert first.startswith("stored "), child.stderr.read() if child.stderr else ""
        time.sleep(chance.uniform(0.0, 0.08))  # anywhere in a later visit's record
        child.send_signal(signal.SIGKILL)
        child.communicate()
        assert child.returncode == -signal.SIGKILL
        records, reports = _records_and_reports(db)
        assert records == reports, f"seed {seed}, round {round_}: {records ^ reports}"
        assert len(records) > stored_before, f"seed {seed}: round {round_} recorded nothing"
        stored_before = len(records)
