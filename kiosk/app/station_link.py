"""The lane's link to the store's attendant station (:mod:`kiosk.station`); what it
reports is made by :mod:`kiosk.app.station_views`.

Two background loops (started through :mod:`kiosk.threads`):

- the *reporter* sends the lane's report whenever the lane says it changed
  (:meth:`StationLink.changed`) and at least every ``every_s`` seconds, with the
  results of the commands applied since the last report; every ``accounts_every_s`` it
  also copies the store's staff accounts from the station (``on_accounts``);
- the *listener* long-polls the station for commands (answers within a second of an
  attendant's touch) and hands each new one to ``on_command`` once, which answers
  with the result (applied, or refused and why) that the next report carries back.

A command is applied at most once, across restarts of either side: the
:class:`CommandLedger` keeps, in the lane's store (``sync_state``, through
:mod:`kiosk.store.sync_state`), the last command id applied, the one being applied,
the recent results and which station file numbered them (a station set up anew numbers
from 1 again: the lane then counts from 0). A command is marked *in flight* before it is applied and
*done* with its result after; a lane that dies in between does not apply it again
after its restart but reports it refused ("the lane restarted while applying it"), as
a payment in doubt is never retried by itself. A command the station still lists
after the lane applied it (the lane died before it could say so) gets its stored
result again. When the station cannot be reached the lane carries on selling; the
loops retry with a doubling wait (max 30 s) and pending commands flow when it is back.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk import clock as kiosk_clock

log = logging.getLogger(__name__)

Report = dict[str, Any]
Result = dict[str, Any]
KEEP_RESULTS = 64  # results kept for re-acknowledging, newest last
INTERRUPTED = "the lane restarted while applying this command; look at the lane"


class CommandLedger:
    """Which station commands this lane applied, in the lane's store (thread-safe)."""

    def __init__(self, store_path: Path | str) -> None:
        from kiosk.store.db import connect
        from kiosk.store.sync_state import get_state

        self._conn = connect(store_path, migrate=False)
        self._lock = threading.Lock()
        state = get_state(self._conn)
        self.station = state.get("station_instance", "")
        self.last = _int(state.get("station_last_command"))
        self._results: dict[int, Result] = {
            int(k): v for k, v in _json(state.get("station_results"), {}).items()
        }
        in_flight = _int(state.get("station_in_flight"))
        if in_flight > self.last:  # died while applying it: never again, said so
            self.finish(in_flight, {"ok": False, "message": INTERRUPTED})

    def close(self) -> None:
        self._conn.close()

    def meet(self, station: str) -> None:
        """Commands come from the station file ``station``: one this lane has not met
        before (the station was set up anew and numbers from 1 again) resets the count."""
        from kiosk.store.db import write_transaction
        from kiosk.store.sync_state import set_state

        with self._lock:
            if not station or station == self.station:
                return
            if self.station:
                log.warning("a new station (%s): its commands are counted from 1", station)
                self.last, self._results = 0, {}
            self.station = station
            with write_transaction(self._conn):
                set_state(
                    self._conn,
                    station_instance=station,
                    station_last_command=str(self.last),
                    station_results=json.dumps({str(k): v for k, v in self._results.items()}),
                )

    def begin(self, command_id: int) -> None:
        """``command_id`` is about to be applied (written before it is)."""
        from kiosk.store.sync_state import set_state

        with self._lock:
            set_state(self._conn, station_in_flight=str(command_id))

    def finish(self, command_id: int, result: Result) -> None:
        """``command_id`` was applied (or refused) with ``result``."""
        from kiosk.store.db import write_transaction
        from kiosk.store.sync_state import set_state

        with self._lock:
            self.last = max(self.last, command_id)
            self._results[command_id] = result
            for old in sorted(self._results)[:-KEEP_RESULTS]:
                del self._results[old]
            with write_transaction(self._conn):
                set_state(
                    self._conn,
                    station_last_command=str(self.last),
                    station_in_flight="",
                    station_results=json.dumps({str(k): v for k, v in self._results.items()}),
                )

    def result_of(self, command_id: int) -> Result:
        """The stored result of an applied command (an old one: applied, no detail)."""
        with self._lock:
            return dict(self._results.get(command_id, {"ok": True, "message": ""}))


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _json(text: str | None, default: Any) -> Any:
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default


class StationLink:
    """Reports the lane to the station and applies the station's commands."""

    def __init__(
        self,
        url: str,
        key: str,
        lane_id: str,
        *,
        report: Callable[[], Report],
        on_command: Callable[[dict[str, Any]], Result | None],
        ledger: CommandLedger,
        on_accounts: Callable[[list[dict[str, Any]]], object] | None = None,
        every_s: float = 5.0,
        accounts_every_s: float = 20.0,
        timeout_s: float = 5.0,
    ) -> None:
        self.base = f"{url.rstrip('/')}/api/lanes/{lane_id}"
        self.headers = {"Authorization": f"Bearer {key}"}
        self.report, self.on_command, self.ledger = report, on_command, ledger
        self.on_accounts = on_accounts
        self.every_s, self.accounts_every_s, self.timeout_s = every_s, accounts_every_s, timeout_s
        self.reachable = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._apply_lock = threading.Lock()
        self._unreported: dict[int, Result] = {}
        self._last_refusal = ""
        self._accounts_at: float | None = None

    def changed(self) -> None:
        """The lane changed: report at once (called from any thread)."""
        self._wake.set()

    def start(self) -> None:
        from kiosk.threads import start_thread

        start_thread("station-report", self._report_loop)
        start_thread("station-commands", self._command_loop)

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    # ------------------------------------------------------------------ loops

    def _report_loop(self) -> None:
        import httpx

        wait = 1.0
        with httpx.Client(headers=self.headers, timeout=self.timeout_s) as http:
            while not self._stop.is_set():
                self._wake.wait(self.every_s)
                self._wake.clear()
                if self._stop.is_set():
                    return
                try:
                    self.send_report(http)
                    wait = 1.0
                except (httpx.HTTPError, ValueError) as error:
                    self._offline(error)
                except Exception:  # a report the lane could not build: never stop the loop
                    log.exception("the station report could not be made")
                else:
                    self._copy_accounts(http)
                    continue
                self._stop.wait(wait)
                wait = min(30.0, wait * 2)
                self._wake.set()  # try again after the wait

    def send_report(self, http: Any) -> None:
        """One report now (with the results of the commands applied since the last one)."""
        with self._apply_lock:
            results = dict(self._unreported)
        body = {**self.report(), "results": [{"id": k, **v} for k, v in sorted(results.items())]}
        answer = http.post(f"{self.base}/report", json=body)
        answer.raise_for_status()
        with self._apply_lock:
            for command_id in results:
                self._unreported.pop(command_id, None)
        self.reachable = True
        self._apply(answer.json().get("commands", []), http)

    def _copy_accounts(self, http: Any) -> None:
        import httpx

        try:
            self.copy_accounts(http)
        except (httpx.HTTPError, ValueError) as error:
            self._offline(error)
        except Exception:  # the lane's store refused: keep the accounts it has
            log.exception("the store's staff accounts could not be copied")

    def copy_accounts(self, http: Any, *, now: bool = False) -> None:
        """Copy the store's staff accounts when they are due (or ``now``)."""
        if self.on_accounts is None:
            return
        at = kiosk_clock.monotonic()
        due = self._accounts_at is None or at - self._accounts_at >= self.accounts_every_s
        if not (now or due):
            return
        answer = http.get(f"{self.base}/staff")
        answer.raise_for_status()
        accounts = answer.json().get("accounts")
        if not isinstance(accounts, list):
            raise ValueError("the station's staff answer has no 'accounts' list")
        self.on_accounts(accounts)
        self._accounts_at = at

    def _command_loop(self) -> None:
        import httpx

        wait = 1.0
        with httpx.Client(headers=self.headers, timeout=self.timeout_s + 25) as http:
            while not self._stop.is_set():
                try:
                    answer = http.get(
                        f"{self.base}/commands", params={"after": self.ledger.last, "wait": 20}
                    )
                    answer.raise_for_status()
                    self._apply(answer.json().get("commands", []), http)
                    wait = 1.0
                except (httpx.HTTPError, ValueError) as error:
                    self._offline(error)
                    self._stop.wait(wait)
                    wait = min(30.0, wait * 2)

    def _apply(self, commands: list[dict[str, Any]], http: Any) -> None:
        for command in commands[:1]:
            self.ledger.meet(str(command.get("station") or ""))
        if any(int(c["id"]) > self.ledger.last for c in commands):
            # who may act is the store's word as of now: a member of staff added or
            # disabled a moment ago is known before their command is applied
            self.copy_accounts(http, now=True)
        with self._apply_lock:
            if self._stop.is_set():  # a long poll that ended after stop(): not ours now
                return
            for command in sorted(commands, key=lambda c: int(c["id"])):
                number = int(command["id"])
                if number <= self.ledger.last:  # applied; the station did not hear of it
                    self._unreported.setdefault(number, self.ledger.result_of(number))
                    continue
                self.ledger.begin(number)
                try:
                    result = self.on_command(command) or {"ok": True, "message": ""}
                except Exception as error:  # one command the lane cannot apply stops no other
                    log.exception("station command %s (%s) failed", number, command.get("kind"))
                    result = {"ok": False, "message": f"the lane could not apply it: {error}"}
                result = {**result, "message": str(result.get("message", ""))[:200]}
                self.ledger.finish(number, result)
                self._unreported[number] = result
        if commands:
            self._wake.set()  # tell the station at once

    def _offline(self, error: Exception) -> None:
        response = getattr(error, "response", None)
        if response is not None and 400 <= response.status_code < 500:
            text = f"the station refused the lane's request: {response.text[:300]}"
            if text != self._last_refusal:  # a bug in what the lane sends: say it once
                log.error("%s", text)
                self._last_refusal = text
        elif self.reachable:
            log.warning("attendant station unreachable: %s", error)
        self.reachable = False
