"""Invariants 1 and 2 under SIGKILL: no reported sale lost, no journaled line lost or doubled.

GIVEN a child process selling baskets (scan, change quantity, void, override,
complete), printing an intent before every durable change and ``OK`` after it
returned, WHEN it is killed with SIGKILL at random points and restarted
(restoring its open basket from the journal) until 200+ sales are stored,
THEN after every kill: each sale the child saw committed is in the database
with exactly one outbox row, no other sale is (except the one in flight), and
the restored open basket equals the last committed state (or the state of the
change in flight), line for line.
"""

from __future__ import annotations

import importlib.util
import json
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.store.catalog_import import import_csv
from kiosk.store.db import connect
from kiosk.store.journal import BasketJournal

CHILD = Path(__file__).with_name("crash_child.py")
TARGET_SALES = 210
MIN_KILLS = 6

_spec = importlib.util.spec_from_file_location("crash_child", CHILD)
assert _spec is not None
assert _spec.loader is not None
crash_child = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(crash_child)


class Model:
    """What the child told us: committed state, the change in flight, sales it saw stored."""

    def __init__(self) -> None:
        self.state: object = None  # basket_state of the open basket, None when there is none
        self.inflight: tuple[str, str] | None = None
        self.completed: set[str] = set()

    def feed(self, line: str) -> None:
        kind, _, rest = line.partition(" ")
        if kind in ("B", "L", "S"):
            assert self.inflight is None, f"two intents without OK: {line!r}"
            self.inflight = (kind, rest)
        elif kind == "OK":
            assert self.inflight is not None
            self.state = self._after(*self.inflight)
            if self.inflight[0] == "S":
                self.completed.add(self.inflight[1])
            self.inflight = None

    def _after(self, kind: str, rest: str) -> object:
        if kind == "B":
            return [rest, []]
        if kind == "L":
            return json.loads(rest)
        return None  # a completed sale closes the basket


def _restored_state(db: Path) -> object:
    conn = connect(db)
    try:
        baskets = BasketJournal(conn).restore()
    finally:
        conn.close()
    assert len(baskets) <= 1, "the lane never has two open baskets"
    return crash_child.basket_state(baskets[0]) if baskets else None


def _check_after_kill(db: Path, model: Model) -> None:
    actual = _restored_state(db)
    conn = connect(db)
    try:
        stored = {row[0] for row in conn.execute("SELECT transaction_id FROM sale")}
        outbox = dict(
            conn.execute(
                "SELECT transaction_id, count(*) FROM outbox GROUP BY transaction_id"
            ).fetchall()
        )
        payloads = dict(
            conn.execute(
                "SELECT transaction_id, payload FROM outbox JOIN outbox_payload USING (id)"
            ).fetchall()
        )
    finally:
        conn.close()
    if model.inflight is not None:
        kind, rest = model.inflight
        in_flight_state = model._after(kind, rest)
        # The change in flight either committed entirely or not at all.
        if kind == "S" and rest in stored:
            assert actual is None
            model.completed.add(rest)
        assert actual in (model.state, in_flight_state), (actual, model.state, in_flight_state)
    else:
        assert actual == model.state
    missing = model.completed - stored
    assert not missing, f"sales reported complete but not stored: {missing}"
    assert stored == model.completed, f"unexpected sales: {stored - model.completed}"
    assert set(outbox) == stored
    assert set(outbox.values()) <= {1}, "a sale with more than one outbox row"
    for txid in stored:
        assert json.loads(payloads[txid])["transaction_id"] == txid
    model.state, model.inflight = actual, None


@pytest.mark.slow
def test_sales_and_open_basket_survive_sigkill(tmp_path: Path, sample_csv: Path) -> None:
    db = tmp_path / "lane.sqlite3"
    conn = connect(db)
    import_csv(conn, sample_csv, progress=False)
    conn.close()
    rng = random.Random(20261122)
    model = Model()
    kills = runs = 0
    finished = False
    while not finished:
        runs += 1
        assert runs < 60, "the child never finished"
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(db), str(rng.getrandbits(32)), str(TARGET_SALES)],
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert child.stdout is not None
        # Early runs are always killed; later ones may run to the end.
        kill_after = rng.randint(5, 300) if kills < MIN_KILLS or rng.random() < 0.5 else None
        killed = False
        for seen, raw in enumerate(child.stdout, start=1):
            line = raw.rstrip("\n")
            if line == "END":
                finished = True
                break
            model.feed(line)
            if kill_after is not None and seen >= kill_after:
                child.send_signal(signal.SIGKILL)
                kills += 1
                killed = True
                break
        for raw in child.stdout:  # what the child printed before it died
            line = raw.rstrip("\n")
            if line == "END":
                finished = True
            else:
                model.feed(line)
        child.wait(timeout=30)
        child.stdout.close()
        assert killed or child.returncode == 0, f"the child failed ({child.returncode})"
        _check_after_kill(db, model)
    assert kills >= MIN_KILLS
    assert len(model.completed) >= TARGET_SALES
