"""The lane's own metrics, written as a Prometheus text file.

A lane has no HTTP server to scrape; like other appliances it writes its metrics to a
file that node_exporter's textfile collector (or any agent) picks up:
``[logging] metrics_file``. Rewritten every ``metrics_every_s`` seconds, atomically
(a temporary file renamed over the old one), so a reader never sees half a file.

What it holds: scan-to-screen time (a code arriving at the lane until the screen
showing it has been painted), card payment times by outcome, the outbox depth (what
HQ has not yet confirmed), and the time the file was written. Observations come from
the UI thread and the payment worker; one lock guards the numbers.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kiosk import clock as kiosk_clock
from kiosk.threads import Repeating, start_repeating

log = logging.getLogger(__name__)

SCAN_BUCKETS = (0.004, 0.008, 0.0167, 0.033, 0.05, 0.1, 0.25, 0.5, 1.0)
PAYMENT_BUCKETS = (1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0, 300.0)


class Histogram:
    """Cumulative buckets, sum and count, as Prometheus wants them."""

    def __init__(self, buckets: tuple[float, ...]) -> None:
        self.bounds = buckets
        self.counts = [0] * (len(buckets) + 1)  # the last one is +Inf
        self.total = 0.0

    def observe(self, value: float) -> None:
        index = next((i for i, bound in enumerate(self.bounds) if value <= bound), -1)
        self.counts[index] += 1
        self.total += value

    def lines(self, name: str, labels: str = "") -> list[str]:
        sep = "," if labels else ""
        out, running = [], 0
        for bound, count in zip((*self.bounds, math.inf), self.counts, strict=True):
            running += count
            le = "+Inf" if bound == math.inf else repr(bound)
            out.append(f'{name}_bucket{{{labels}{sep}le="{le}"}} {running}')
        braces = f"{{{labels}}}" if labels else ""
        out.append(f"{name}_sum{braces} {self.total!r}")
        out.append(f"{name}_count{braces} {running}")
        return out


class LaneMetrics:
    """Collects the lane's figures and writes them to ``path``."""

    def __init__(
        self,
        path: Path | str,
        *,
        lane: tuple[str, str],
        outbox_depth: Callable[[], int],
        every_s: float = 15.0,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.store_id, self.lane_id = lane
        self.outbox_depth = outbox_depth
        self.every_s = every_s
        self.wall_clock = wall_clock
        self.scan_to_screen = Histogram(SCAN_BUCKETS)
        self.payments: dict[str, Histogram] = {}
        self._scans: list[float] = []
        self._lock = threading.Lock()
        self._rounds: Repeating | None = None

    def scan_arrived(self) -> None:
        """A code reached the lane (scanner thread): the clock starts."""
        with self._lock:
            self._scans.append(kiosk_clock.monotonic())

    def screen_updated(self) -> None:
        """The UI thread has shown the lane's new state: every waiting scan is done (a
        scan older than 5 s never changed the screen: dropped, not counted)."""
        now = kiosk_clock.monotonic()
        with self._lock:
            stamps, self._scans = self._scans, []
        for stamp in stamps:
            if now - stamp < 5.0:
                self.observe_scan_to_screen(now - stamp)

    def observe_scan_to_screen(self, seconds: float) -> None:
        """One code shown on the screen ``seconds`` after it reached the lane."""
        with self._lock:
            self.scan_to_screen.observe(seconds)

    def observe_payment(self, seconds: float, outcome: str) -> None:
        """One card payment that took ``seconds`` and ended ``outcome`` (approved, ...)."""
        with self._lock:
            self.payments.setdefault(outcome, Histogram(PAYMENT_BUCKETS)).observe(seconds)

    def render(self) -> str:
        """The Prometheus text exposition of every figure."""
        try:
            depth: int | None = self.outbox_depth()
        except Exception as error:  # the file must still be written: say what failed
            log.warning("metrics: outbox depth unreadable: %s", error)
            depth = None
        who = f'store="{self.store_id}",lane="{self.lane_id}"'
        with self._lock:
            lines = [
                "# HELP kiosk_lane_scan_to_screen_seconds a code reaching the lane until on screen",
                "# TYPE kiosk_lane_scan_to_screen_seconds histogram",
                *self.scan_to_screen.lines("kiosk_lane_scan_to_screen_seconds", who),
                "# HELP kiosk_lane_payment_seconds card payment time, by outcome",
                "# TYPE kiosk_lane_payment_seconds histogram",
            ]
            for outcome, histogram in sorted(self.payments.items()):
                labels = f'{who},outcome="{outcome}"'
                lines += histogram.lines("kiosk_lane_payment_seconds", labels)
        if depth is not None:
            lines += [
                "# HELP kiosk_lane_outbox_depth records HQ has not confirmed yet",
                "# TYPE kiosk_lane_outbox_depth gauge",
                f"kiosk_lane_outbox_depth{{{who}}} {depth}",
            ]
        lines += [
            "# HELP kiosk_lane_metrics_written_seconds when this file was written (Unix time)",
            "# TYPE kiosk_lane_metrics_written_seconds gauge",
            f"kiosk_lane_metrics_written_seconds{{{who}}} {self.wall_clock()!r}",
        ]
        return "\n".join(lines) + "\n"

    def write(self) -> None:
        """Write the file now (atomically); an error is logged, never raised."""
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(self.render(), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as error:
            log.warning("metrics: cannot write %s: %s", self.path, error)

    def start(self) -> None:
        """Write now and every ``every_s`` seconds on a background timer."""
        self.write()
        self._rounds = start_repeating("lane-metrics", self.every_s, self.write)

    def stop(self) -> None:
        """Stop the timer and write a last time."""
        if self._rounds is not None:
            self._rounds.cancel()
        self.write()
