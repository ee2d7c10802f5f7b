"""The lane's link to the store's attendant station (:mod:`kiosk.station`).

Two background loops (started through :mod:`kiosk.threads`):

- the *reporter* sends the lane's report whenever the lane says it changed
  (:meth:`StationLink.changed`) and at least every ``every_s`` seconds, with the ids
  of the commands applied since the last report;
- the *listener* long-polls the station for commands (answers within a second of an
  attendant's touch) and hands each new one to ``on_command`` once.

A command is applied once even across restarts: the last applied id is kept in a
small file next to the store (``<store>.station.json``, written atomically), and the
station is only ever asked for commands after it. When the station cannot be reached
the lane carries on selling; the loops retry with a doubling wait (max 30 s).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.domain.money import currency_exponent

log = logging.getLogger(__name__)

Report = dict[str, Any]


class AppliedCommands:
    """The id of the last command this lane applied, kept in a file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.last = int(json.loads(self.path.read_text())["last_applied"])
        except (OSError, ValueError, KeyError, TypeError):
            self.last = 0

    def record(self, command_id: int) -> None:
        self.last = max(self.last, command_id)
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps({"last_applied": self.last}))
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)


class StationLink:
    """Reports the lane to the station and applies the station's commands."""

    def __init__(
        self,
        url: str,
        key: str,
        lane_id: str,
        *,
        report: Callable[[], Report],
        on_command: Callable[[str, dict[str, Any]], object],
        applied: AppliedCommands,
        every_s: float = 5.0,
        timeout_s: float = 5.0,
    ) -> None:
        self.base = f"{url.rstrip('/')}/api/lanes/{lane_id}"
        self.headers = {"Authorization": f"Bearer {key}"}
        self.report, self.on_command, self.applied = report, on_command, applied
        self.every_s, self.timeout_s = every_s, timeout_s
        self.reachable = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._apply_lock = threading.Lock()
        self._unreported: list[int] = []
        self._last_refusal = ""

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
                    continue
                self._stop.wait(wait)
                wait = min(30.0, wait * 2)
                self._wake.set()  # try again after the wait

    def send_report(self, http: Any) -> None:
        """One report now (with the commands applied since the last one)."""
        with self._apply_lock:
            applied = list(self._unreported)
        answer = http.post(f"{self.base}/report", json={**self.report(), "applied": applied})
        answer.raise_for_status()
        with self._apply_lock:
            self._unreported = [c for c in self._unreported if c not in applied]
        self.reachable = True
        self._apply(answer.json().get("commands", []))

    def _command_loop(self) -> None:
        import httpx

        wait = 1.0
        with httpx.Client(headers=self.headers, timeout=self.timeout_s + 25) as http:
            while not self._stop.is_set():
                try:
                    answer = http.get(
                        f"{self.base}/commands", params={"after": self.applied.last, "wait": 20}
                    )
                    answer.raise_for_status()
                    self._apply(answer.json().get("commands", []))
                    wait = 1.0
                except (httpx.HTTPError, ValueError) as error:
                    self._offline(error)
                    self._stop.wait(wait)
                    wait = min(30.0, wait * 2)

    def _apply(self, commands: list[dict[str, Any]]) -> None:
        with self._apply_lock:
            for command in sorted(commands, key=lambda c: int(c["id"])):
                number = int(command["id"])
                if number <= self.applied.last:
                    continue
                try:
                    self.on_command(str(command["kind"]), dict(command.get("args", {})))
                except Exception:  # a command the lane cannot apply must not stop the rest
                    log.exception("station command %s (%s) failed", number, command.get("kind"))
                self.applied.record(number)
                self._unreported.append(number)
        if commands:
            self._wake.set()  # tell the station at once

    def _offline(self, error: Exception) -> None:
        response = getattr(error, "response", None)
        if response is not None and 400 <= response.status_code < 500:
            text = f"the station refused the lane's report: {response.text[:300]}"
            if text != self._last_refusal:  # a bug in what the lane sends: say it once
                log.error("%s", text)
                self._last_refusal = text
        elif self.reachable:
            log.warning("attendant station unreachable: %s", error)
        self.reachable = False


def checkout_report(
    checkout: Any,
    *,
    journey: str,
    closed: bool,
    paused: bool,
    devices: list[Any],
    fault_since: dict[str, datetime],
    last_touch_s: float,
) -> Report:
    """The self-checkout's report: state, step, items and total (no card data), devices,
    paper, and its open alerts (the pending intervention; each device that cannot work,
    raised when ``fault_since`` says it stopped)."""
    totals = checkout.totals()
    places = currency_exponent(totals.total.currency)
    faulty = [d for d in devices if not d.usable]
    state = "closed" if closed else "paused" if paused else "open"
    if faulty and state == "open":
        state = "out_of_service"
    alerts = []
    pending = checkout.pending
    if pending is not None:
        raised = _iso(pending.raised_at)
        alerts.append(
            {
                "key": _key(checkout.basket.basket_id, pending.kind.value, raised),
                "kind": pending.kind.value,
                "detail": str(pending.detail)[:200],
                "raised_at": raised,
            }
        )
    for device in faulty:
        if device.name in fault_since:
            alerts.append(
                {
                    "key": f"device:{device.name}",
                    "kind": "device_fault",
                    "detail": f"{device.name}: {device.status}"[:200],
                    "raised_at": _iso(fault_since[device.name]),
                }
            )
    paper = [d for d in devices if "paper" in str(d.status).lower()]
    return {
        "state": state,
        "journey": journey,
        "step": checkout.phase.name.lower(),
        "items": int(totals.item_count),
        "total": f"{totals.total.minor / 10**places:.{places}f}"
        if places
        else str(totals.total.minor),
        "currency": totals.total.currency,
        "last_touch_s": round(max(0.0, last_touch_s), 1),
        "devices": [
            {"name": d.name, "status": str(d.status)[:200], "ok": bool(d.usable)} for d in devices
        ],
        "consumables": {"paper": _level(str(paper[0].status))} if paper else {},
        "alerts": alerts,
    }


def _level(status: str) -> str:
    """A printer's paper as the station shows it: "out", "low" or "ok"."""
    lowered = status.lower()
    return "out" if "out" in lowered else "low" if "low" in lowered else "ok"


def _key(*parts: str) -> str:
    """A short key, stable while the alert is open (the station keeps keys short)."""
    return f"{parts[1][:20]}-{hashlib.sha256(':'.join(parts).encode()).hexdigest()[:16]}"


def _iso(moment: datetime) -> str:
    return moment.isoformat()
