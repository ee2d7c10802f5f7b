"""The station's board: each lane's last report, the alerts, commands for lanes, audit.

Theory of operation. A lane's report lists its open alerts, each with a key that is
stable while the alert is open (e.g. its intervention id). The board opens an alert
the first time a key appears and closes it when a report no longer lists it; so a
lost report costs nothing (the next one says it all), and a lane that restarts
re-reports what is still open. Staff acting on an alert (acknowledging it: "I'm on
my way") queue a *command* for the lane; commands are numbered, kept until the lane
says it applied them, and a lane asks for those after the last one it applied, so a
restart on either side never applies one twice.

An alert nobody has acknowledged for ``escalate_after_s`` goes to level 1 (every
attendant is alerted again); after ``supervisor_after_s`` to level 2 (supervisors).

Everything lives in the station's own SQLite file (alerts, commands, audit), so a
station restart keeps what staff did; lanes' reports are held in memory (a lane
reports again within seconds). One lock: the HTTP handlers run on worker threads.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS alert (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lane_id TEXT NOT NULL,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    acked_by TEXT,
    acked_at TEXT,
    resolved_at TEXT,
    level INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS alert_open ON alert (lane_id, key) WHERE resolved_at IS NULL;
CREATE TABLE IF NOT EXISTS command (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lane_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    args TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    applied_at TEXT,
    result TEXT
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    where_from TEXT NOT NULL,
    action TEXT NOT NULL,
    lane_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    after_alert_s REAL
);
"""


@dataclass(frozen=True)
class Alert:
    id: int
    lane_id: str
    key: str
    kind: str
    detail: str
    raised_at: str
    acked_by: str | None
    acked_at: str | None
    level: int


@dataclass(frozen=True)
class Command:
    id: int
    lane_id: str
    kind: str
    args: dict[str, Any]
    staff_id: str
    created_at: str


class StationError(Exception):
    """A request the board refuses (unknown alert or lane, already acknowledged...)."""


class Board:
    """The station's state; every method is thread-safe."""

    def __init__(
        self,
        path: Path | str,
        *,
        clock: Callable[[], datetime],
        escalate_after_s: float = 60.0,
        supervisor_after_s: float = 180.0,
    ) -> None:
        self.clock = clock
        self.escalate_after_s = escalate_after_s
        self.supervisor_after_s = supervisor_after_s
        self.version = 0
        self.lanes: dict[str, dict[str, Any]] = {}
        self._seen: dict[str, datetime] = {}
        self._lock = threading.Lock()
        self._listeners: list[Callable[[], object]] = []
        self._open_index: dict[str, dict[str, int]] = {}
        self._pending_index: dict[str, list[Command]] = {}
        self._snapshot: tuple[int, bytes] = (-1, b"")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # No fsync per commit: a power cut may lose the last second of acknowledgements
        # (staff tap again; lanes report their alerts again), never the file itself.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def on_change(self, listener: Callable[[], object]) -> None:
        """Call ``listener`` (from any thread) after every change of the board."""
        self._listeners.append(listener)

    # ----------------------------------------------------------------- lanes

    def report(self, lane_id: str, report: dict[str, Any]) -> list[Command]:
        """Take a lane's report; returns the commands it has not applied yet.

        The file is written only when an alert opens or closes or a command was applied:
        most reports (items, total, step) change the board in memory only.
        """
        now = self.clock()
        with self._lock:
            self.lanes[lane_id] = report
            self._seen[lane_id] = now
            keys = {a["key"]: a for a in report.get("alerts", [])}
            open_keys = self._open_keys(lane_id)
            closing = [alert_id for key, alert_id in open_keys.items() if key not in keys]
            opening = [alert for key, alert in keys.items() if key not in open_keys]
            unapplied = {c.id for c in self._pending(lane_id)}
            applied = [c for c in report.get("applied", []) if c in unapplied]
            if closing or opening or applied:
                self._db.execute("BEGIN IMMEDIATE")
                for alert_id in closing:
                    self._db.execute(
                        "UPDATE alert SET resolved_at = ? WHERE id = ?", (_iso(now), alert_id)
                    )
                for alert in opening:
                    self._db.execute(
                        "INSERT INTO alert (lane_id, key, kind, detail, raised_at) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (
                            lane_id,
                            alert["key"],
                            alert["kind"],
                            alert.get("detail", ""),
                            alert["raised_at"],
                        ),
                    )
                for command_id in applied:
                    self._db.execute(
                        "UPDATE command SET applied_at = coalesce(applied_at, ?) "
                        "WHERE id = ? AND lane_id = ?",
                        (_iso(now), command_id, lane_id),
                    )
                self._db.execute("COMMIT")
                self._open_index.pop(lane_id, None)
                self._pending_index.pop(lane_id, None)
            pending = self._pending(lane_id)
        self._changed()
        return pending

    def _open_keys(self, lane_id: str) -> dict[str, int]:
        """The lane's open alerts, key -> id (cached until they change)."""
        if lane_id not in self._open_index:
            rows = self._db.execute(
                "SELECT key, id FROM alert WHERE lane_id = ? AND resolved_at IS NULL", (lane_id,)
            ).fetchall()
            self._open_index[lane_id] = dict(rows)
        return self._open_index[lane_id]

    def commands_after(self, lane_id: str, after: int) -> list[Command]:
        """The lane's unapplied commands numbered after ``after``."""
        with self._lock:
            return [c for c in self._pending(lane_id) if c.id > after]

    def _pending(self, lane_id: str) -> list[Command]:
        """The lane's unapplied commands (cached until one is queued or applied)."""
        if lane_id not in self._pending_index:
            rows = self._db.execute(
                "SELECT id, lane_id, kind, args, staff_id, created_at FROM command "
                "WHERE lane_id = ? AND applied_at IS NULL ORDER BY id",
                (lane_id,),
            ).fetchall()
            self._pending_index[lane_id] = [
                Command(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows
            ]
        return list(self._pending_index[lane_id])

    # ---------------------------------------------------------------- staff

    def acknowledge(
        self, alert_id: int, staff_id: str, staff_name: str, where_from: str
    ) -> Command:
        """ "I'm on my way": mark the alert and tell its lane who is coming."""
        now = self.clock()
        with self._lock:
            row = self._db.execute(
                "SELECT lane_id, key, raised_at, acked_by, resolved_at FROM alert WHERE id = ?",
                (alert_id,),
            ).fetchone()
            if row is None:
                raise StationError(f"no alert {alert_id}")
            lane_id, key, raised_at, acked_by, resolved_at = row
            if resolved_at is not None:
                raise StationError("this alert is already resolved at the lane")
            if acked_by is not None:
                raise StationError(f"{acked_by} is already on the way")
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "UPDATE alert SET acked_by = ?, acked_at = ? WHERE id = ?",
                (staff_name, _iso(now), alert_id),
            )
            command = self._queue(
                lane_id, "on_my_way", {"alert": key, "staff": staff_name}, staff_id, now
            )
            self._audit(now, staff_id, where_from, "on_my_way", lane_id, key, raised_at)
            self._db.execute("COMMIT")
            self._pending_index.pop(lane_id, None)
        self._changed()
        return command

    def _queue(
        self, lane_id: str, kind: str, args: dict[str, Any], staff_id: str, now: datetime
    ) -> Command:
        cursor = self._db.execute(
            "INSERT INTO command (lane_id, kind, args, staff_id, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (lane_id, kind, json.dumps(args), staff_id, _iso(now)),
        )
        return Command(int(cursor.lastrowid or 0), lane_id, kind, args, staff_id, _iso(now))

    def _audit(  # noqa: PLR0917 - one row's columns
        self,
        now: datetime,
        staff_id: str,
        where_from: str,
        action: str,
        lane_id: str,
        detail: str,
        raised_at: str | None,
    ) -> None:
        after = None
        if raised_at:
            after = (now - datetime.fromisoformat(raised_at)).total_seconds()
        self._db.execute(
            "INSERT INTO audit (at, staff_id, where_from, action, lane_id, detail, after_alert_s) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (_iso(now), staff_id, where_from, action, lane_id, detail, after),
        )

    def audit_rows(self) -> list[dict[str, Any]]:
        """Every audited action, oldest first."""
        with self._lock:
            cursor = self._db.execute(
                "SELECT at, staff_id, where_from, action, lane_id, detail, after_alert_s "
                "FROM audit ORDER BY id"
            )
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # ---------------------------------------------------------------- time

    def escalate(self) -> bool:
        """Raise the level of alerts nobody acknowledged in time; True if any changed."""
        now = self.clock()
        changed = False
        with self._lock:
            rows = self._db.execute(
                "SELECT id, raised_at, level FROM alert "
                "WHERE resolved_at IS NULL AND acked_by IS NULL"
            ).fetchall()
            for alert_id, raised_at, level in rows:
                age = (now - datetime.fromisoformat(raised_at)).total_seconds()
                wanted = (
                    2
                    if age >= self.supervisor_after_s
                    else 1
                    if age >= self.escalate_after_s
                    else 0
                )
                if wanted > level:
                    self._db.execute("UPDATE alert SET level = ? WHERE id = ?", (wanted, alert_id))
                    changed = True
        if changed:
            self._changed()
        return changed

    # ---------------------------------------------------------------- views

    def open_alerts(self) -> list[Alert]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, lane_id, key, kind, detail, raised_at, acked_by, acked_at, level "
                "FROM alert WHERE resolved_at IS NULL ORDER BY raised_at, id"
            ).fetchall()
        return [Alert(*row) for row in rows]

    def snapshot(self) -> dict[str, Any]:
        """What the page shows: every lane's last report and how long ago, open alerts."""
        now = self.clock()
        with self._lock:
            lanes = [
                {
                    **report,
                    "lane_id": lane_id,
                    "seen_s": round((now - self._seen[lane_id]).total_seconds(), 1),
                }
                for lane_id, report in sorted(self.lanes.items())
            ]
        alerts = [
            {
                **asdict(a),
                "age_s": round((now - datetime.fromisoformat(a.raised_at)).total_seconds()),
            }
            for a in self.open_alerts()
        ]
        return {
            "version": self.version,
            "now": _iso(now),
            "escalate_after_s": self.escalate_after_s,
            "lanes": lanes,
            "alerts": alerts,
        }

    def snapshot_json(self) -> bytes:
        """:meth:`snapshot` as JSON, made once per version of the board (every page
        listening gets the same bytes)."""
        version = self.version
        cached = self._snapshot
        if cached[0] == version:
            return cached[1]
        made = json.dumps(self.snapshot()).encode()
        self._snapshot = (version, made)
        return made

    def _changed(self) -> None:
        with self._lock:
            self.version += 1
        for listener in list(self._listeners):
            listener()


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")
