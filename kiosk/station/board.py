"""The station's board: each lane's last report, the alerts, commands for lanes, audit.

Theory of operation. A lane's report lists its open alerts, each with a key that is
stable while the alert is open (e.g. its intervention id). The board opens an alert
the first time a key appears and closes it when a report no longer lists it; so a
lost report costs nothing (the next one says it all), and a lane that restarts
re-reports what is still open. Staff acting on an alert (acknowledging it: "I'm on
my way") queue a *command* for the lane; commands are numbered, kept until the lane
says it applied them, and a lane asks for those after the last one it applied, so a
restart on either side never applies one twice.

Remote help is a command too (:meth:`Board.command`): the station checks what it can
(the lane is known, the alert is still open, its kind is one the lane accepts remotely:
the lane's report lists them in ``remote``), stamps the command with who asked, from
where, the basket the page showed and when the alert was raised, and audits it. The
lane applies it through its own attendant service as that person (roles and lane audit
are the lane's) and answers with a *result* in its next report (``results``: applied or
refused, with the reason and the seconds from raised to resolved), which closes the
command and is audited in turn; the page shows the last commands with their outcome.

An alert nobody has acknowledged for ``escalate_after_s`` goes to level 1 (every
attendant is alerted again); after ``supervisor_after_s`` to level 2 (supervisors).

Everything lives in the station's own SQLite file (alerts, commands, audit), so a
station restart keeps what staff did; lanes' reports are held in memory (a lane
reports again within seconds). One lock: the HTTP handlers run on worker threads.
"""

from __future__ import annotations

import json
import secrets
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
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
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


#: What staff may ask a lane to do from the page (the lane checks everything again).
REMOTE_COMMANDS = frozenset(
    {
        "resolve",
        "void_line",
        "set_quantity",
        "override_price",
        "suspend",
        "resume",
        "open_lane",
        "close_lane",
    }
)
#: Why an alert of a kind the lane does not take remotely stays at the lane.
AT_THE_LANE = {
    "device_fault": "a device fault needs a person at the lane",
    "age_restricted": "an age check needs a person at the lane (the store's policy)",
    "payment_unknown": "a payment in doubt needs a person at the lane",
    "payment_failure": "a declined payment needs a person at the lane",
}
RECENT_COMMANDS = 20


@dataclass(frozen=True)
class Command:
    id: int
    lane_id: str
    kind: str
    args: dict[str, Any]
    staff_id: str
    created_at: str
    #: This station file's random id: a lane that meets another one (the station was
    #: set up anew, its numbers start again) forgets the numbers it had applied.
    station: str = ""


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
        offline_after_s: float = 20.0,
    ) -> None:
        self.clock = clock
        self.offline_after_s = offline_after_s
        self.escalate_after_s = escalate_after_s
        self.supervisor_after_s = supervisor_after_s
        self.version = 0
        self.lanes: dict[str, dict[str, Any]] = {}
        self._seen: dict[str, datetime] = {}
        self._lock = threading.Lock()
        self._listeners: list[Callable[[], object]] = []
        self._open_index: dict[str, dict[str, int]] = {}
        self._pending_index: dict[str, list[Command]] = {}
        self._recent: list[dict[str, Any]] | None = None  # until a command changes
        self._snapshot: tuple[int, bytes] = (-1, b"")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # No fsync per commit: a power cut may lose the last second of acknowledgements
        # (staff tap again; lanes report their alerts again), never the file itself.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._db.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('instance', ?)",
            (secrets.token_hex(8),),
        )
        row = self._db.execute("SELECT value FROM meta WHERE key = 'instance'").fetchone()
        self.instance: str = row[0]

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
            results = {int(r["id"]): r for r in report.get("results", []) if r["id"] in unapplied}
            applied = [c for c in report.get("applied", []) if c in unapplied and c not in results]
            if closing or opening or applied or results:
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
                for command_id, result in results.items():
                    self._close_command(lane_id, command_id, result, now)
                self._db.execute("COMMIT")
                self._open_index.pop(lane_id, None)
                self._pending_index.pop(lane_id, None)
                self._recent = None
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
                Command(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], self.instance) for r in rows
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
            self._recent = None
        self._changed()
        return command

    def command(
        self,
        lane_id: str,
        kind: str,
        args: dict[str, Any],
        *,
        staff_id: str,
        staff_name: str,
        where_from: str,
        alert_id: int | None = None,
    ) -> Command:
        """Queue remote help for ``lane_id`` (see the module docstring).

        Raises:
            StationError: an unknown command or lane, an alert that is gone or belongs to
                another lane, or one of a kind that needs a person at the lane.
        """
        if kind not in REMOTE_COMMANDS:
            raise StationError(f"unknown command {kind!r}")
        if kind == "resolve" and alert_id is None:
            raise StationError("say which alert to resolve (alert_id)")
        now = self.clock()
        with self._lock:
            report = self.lanes.get(lane_id)
            if report is None:
                raise StationError(f"lane {lane_id} has not reported to this station")
            stamped = {
                **args,
                "basket_id": report.get("basket_id") or "",
                "staff": staff_name,
                "from": where_from,
            }
            raised_at = None
            if alert_id is not None:
                row = self._db.execute(
                    "SELECT lane_id, key, kind, raised_at, resolved_at FROM alert WHERE id = ?",
                    (alert_id,),
                ).fetchone()
                if row is None or row[0] != lane_id:
                    raise StationError(f"no alert {alert_id} at lane {lane_id}")
                if row[4] is not None:
                    raise StationError("this alert is already resolved at the lane")
                if row[2] not in report.get("remote", []):
                    why = AT_THE_LANE.get(row[2], f"a {row[2]} needs a person at the lane")
                    raise StationError(why)
                raised_at = row[3]
                stamped.update(alert=row[1], alert_kind=row[2], raised_at=raised_at)
            self._db.execute("BEGIN IMMEDIATE")
            command = self._queue(lane_id, kind, stamped, staff_id, now)
            detail = json.dumps({"command": command.id, **args}, sort_keys=True)
            self._audit(now, staff_id, where_from, f"remote {kind}", lane_id, detail, raised_at)
            self._db.execute("COMMIT")
            self._pending_index.pop(lane_id, None)
            self._recent = None
        self._changed()
        return command

    def _close_command(
        self, lane_id: str, command_id: int, result: dict[str, Any], now: datetime
    ) -> None:
        """The lane's result of a command: stored, and audited (inside a transaction)."""
        row = self._db.execute(
            "SELECT kind, args, staff_id FROM command WHERE id = ? AND lane_id = ?",
            (command_id, lane_id),
        ).fetchone()
        if row is None:
            return
        outcome = {"ok": bool(result["ok"]), "message": str(result.get("message", ""))}
        if result.get("took_s") is not None:
            outcome["took_s"] = float(result["took_s"])
        self._db.execute(
            "UPDATE command SET applied_at = coalesce(applied_at, ?), result = ? WHERE id = ?",
            (_iso(now), json.dumps(outcome), command_id),
        )
        if row[0] == "on_my_way":  # audited when it was asked; the lane only showed it
            return
        args = json.loads(row[1])
        verdict = "done" if outcome["ok"] else "refused"
        self._db.execute(
            "INSERT INTO audit (at, staff_id, where_from, action, lane_id, detail, after_alert_s) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                _iso(now),
                row[2],
                str(args.get("from", "")),
                f"remote {row[0]} {verdict}",
                lane_id,
                json.dumps({"command": command_id, "message": outcome["message"]}),
                outcome.get("took_s"),
            ),
        )

    def recent_commands(self) -> list[dict[str, Any]]:
        """The last commands (newest first) with their outcome, for the page (read once
        per change of a command, not once per report)."""
        with self._lock:
            if self._recent is not None:
                return self._recent
            rows = self._db.execute(
                "SELECT id, lane_id, kind, args, created_at, applied_at, result FROM command "
                "ORDER BY id DESC LIMIT ?",
                (RECENT_COMMANDS,),
            ).fetchall()
            self._recent = [
                {
                    "id": r[0],
                    "lane_id": r[1],
                    "kind": r[2],
                    "staff": json.loads(r[3]).get("staff", ""),
                    "created_at": r[4],
                    "applied_at": r[5],
                    "result": json.loads(r[6]) if r[6] else None,
                }
                for r in rows
            ]
            return self._recent

    def _queue(
        self, lane_id: str, kind: str, args: dict[str, Any], staff_id: str, now: datetime
    ) -> Command:
        cursor = self._db.execute(
            "INSERT INTO command (lane_id, kind, args, staff_id, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (lane_id, kind, json.dumps(args), staff_id, _iso(now)),
        )
        command_id = int(cursor.lastrowid or 0)
        return Command(command_id, lane_id, kind, args, staff_id, _iso(now), self.instance)

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
            "offline_after_s": self.offline_after_s,
            "lanes": lanes,
            "alerts": alerts,
            "commands": self.recent_commands(),
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
