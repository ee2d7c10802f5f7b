"""Passport scan -> matched passenger on screen, through the whole airport lane (issue 12).

What is timed: a real airport lane (``build_lane`` with ``lane.mode =
"airport_checkin"``, ``config/demo-airport.toml`` on a fresh SQLite store) on the
``AirportDemoRig`` simulators, in the real ``KioskWindow`` (1920x1080, offscreen
platform painting into a real backing store). The DCS simulator runs in this
process on 127.0.0.1 and answers at once (no injected delay); the document reader
is a real pty read by the real serial driver.

- ``t0`` = ``perf_counter()`` just before the reader simulator's framed bytes of
  Anna's passport (``SAMPLE_DOCUMENTS["anna"]``, TD3, 2 x 44) are written to the
  pty (framed before the clock: a reader sends bytes it already has).
- ``t1`` = just after the window has finished the frame (its ``UpdateRequest``:
  every dirty widget painted into the backing store and flushed to the offscreen
  screen) in which the passengers screen's button reading ``ANNA MARIA ERIKSSON``
  was painted. An event filter on the window takes the ``UpdateRequest``, lets
  the window handle it (``window.event``, what Qt would call next) and then
  stamps, if a ``Paint`` of that button (an event filter on the button, installed
  when the UI thread has rendered the passengers step) happened inside it. So the
  whole frame the traveller sees is inside the clock, not only the name.

In between: the driver's worker thread parses the frame (``DocumentRead``), the
runner's thread parses the MRZ (``parse_mrz`` in the check-in machine) and asks
the DCS (``find_by_name`` over HTTP with the lane's ``HttpDepartureControl``),
the machine loads the booking (two passengers), the presenter posts the state
through the ``Bridge`` to the UI thread, which renders the passengers screen.
Intermediate stamps split the time: pty -> ``DocumentRead`` from the driver,
-> runner broadcast "asking the DCS" (queue hop + MRZ parse + machine), -> runner
broadcast "passengers" (DCS round trip + reply parse + machine), -> UI applied
(``Bridge.changed`` slot after the presenter's), -> the name's button painting,
-> frame done; plus, inside them, the time in garbage collections (``gc.callbacks``,
any thread) and, inside "UI applied", in the passengers screen's ``set_model`` and in
``window.show_screen`` (instance-attribute wrappers). Each run also prints its three
slowest reads split the same way.

Between reads the passengers screen's Cancel button is clicked (the check-in is
cancelled, its record committed, the presenter resets to the welcome screen);
the next read starts once the welcome screen is up, not busy, and the event loop
ran ``--gap-ms`` more. Untimed warm-up reads come first.

Anchors, measured in the same run, interleaved (one of each after every read, on
the welcome screen):

1. ``parse_mrz`` of the same two lines (bare, on the main thread);
2. a bare DCS simulator round trip: ``find_by_name("ERIKSSON", "ANNA MARIA", day)``
   through a second ``HttpDepartureControl`` on its own keep-alive connection;
3. the pty write -> read of the same framed bytes with no parsing: a second
   ``VirtualPort`` read through the driver's transport (``open_serial``,
   ``SerialStream.read`` on a worker thread, as the driver reads) until every byte
   arrived, stamped on that thread.

The full path's ratio is to the sum of the anchors (p50 to the sum of the p50s,
p99 to the sum of the p99s). ``--runs`` runs (default 3) of ``--reads`` (default
200); each run's p50 / p95 / p99 / max, then min / median over the runs. Then the
parse throughput of BCBP and MRZ (``bench_travel_parse``'s sides and anchors,
interleaved, ``--parse-seconds`` per side and run).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_airport_scan.py
[--reads 200] [--runs 3] [--warmup 5] [--gap-ms 20] [--parse-seconds 0.5]`` (under
``nice -n 10`` on a shared machine). Target (issue 12): p99 < 100 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import itertools
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import bench_travel_parse
from _lane_harness import percentile, uptime, wait_until
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.clock import utc_now
from kiosk.devices.docreader.events import DocumentRead
from kiosk.devices.docreader.samples import SAMPLE_DOCUMENTS
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.status import DataEvent
from kiosk.domain.airport.states import Step
from kiosk.domain.travel import parse_mrz
from kiosk.threads import start_thread

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "config" / "demo-airport.toml"
NAME = "ANNA MARIA ERIKSSON"
LINES = SAMPLE_DOCUMENTS["anna"]
TARGET_P99_MS = 100.0
TIMEOUT_S = 20.0
SEGMENTS = (
    "pty->DocumentRead",
    "->runner asks DCS",
    "->runner has booking",
    "->UI applied",
    "->name painting",
    "->frame done",
    "(GC pauses, any thread)",
    "(in UI applied: passengers set_model)",
    "(in UI applied: window.show_screen)",
)
ANCHORS = ("parse_mrz", "DCS find_by_name", "pty write->read")


# -- the lane ----------------------------------------------------------------------------
@dataclasses.dataclass
class AirportLane:
    """The running lane and what the benchmark reaches in it."""

    rig: Any
    lane: Any
    window: Any
    presenter: Any
    day: date  # the lane's local date: what the DCS is searched by

    @property
    def runner(self) -> Any:
        return self.lane.controller

    @property
    def passengers(self) -> Any:
        return self.presenter.screens.passengers

    @property
    def identify(self) -> Any:
        return self.presenter.screens.identify


@contextlib.contextmanager
def airport_lane(workdir: Path) -> Iterator[AirportLane]:
    """The airport lane on the demo rig, in the real window, shown offscreen at 1920x1080."""
    from kiosk.app.demo_airport import AirportDemoRig
    from kiosk.app.shell import open_lane_window
    from kiosk.app.wiring import build_lane
    from kiosk.config import load_config

    QApplication.instance() or QApplication(["bench"])
    config = load_config(CONFIG, environ={})
    config = dataclasses.replace(
        config, store=dataclasses.replace(config.store, path=workdir / "lane.sqlite3")
    )
    with AirportDemoRig(workdir / "rig", with_hq=False, airport=config.airport.airport) as rig:
        lane = build_lane(rig.configure(config), with_sync=False)
        window, presenter, _attendant = open_lane_window(
            lane, show=False, kiosk_mode=False, idle_timeout_ms=3_600_000
        )
        try:
            window.resize(1920, 1080)
            window.show()
            gc.collect()  # as kiosk.app.shell.run_lane_app does after the first paint
            gc.freeze()
            reader = lane.devices["docreader"]
            wait_until(lambda: reader.status.usable, TIMEOUT_S)
            runner = lane.controller
            day = runner.settings.local_date(utc_now())
            session = AirportLane(rig, lane, window, presenter, day)
            wait_until(lambda: _at_welcome(session), TIMEOUT_S)
            yield session
        finally:
            presenter.detach()
            lane.stop()
            window.shutdown()


def _at_welcome(session: AirportLane) -> bool:
    state = session.runner.state
    return bool(
        state.step is Step.WELCOME
        and state.waiting is None
        and session.presenter.state().step is Step.WELCOME
        and session.window.current_screen() is session.identify
        and not session.identify.busy()
    )


def pause(ms: int) -> None:
    """Run the event loop for ``ms`` (the rest of a frame, timers; never a sleep)."""
    if ms > 0:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()


# -- the probe ---------------------------------------------------------------------------
class FrameProbe(QObject):
    """Stamps the end of the window frame in which the armed name's button was painted.

    Also collects the intermediate stamps (``marks``) from the driver's, the runner's
    and the UI thread's listeners.
    """

    def __init__(self, session: AirportLane) -> None:
        super().__init__()
        self.session = session
        self.window = session.window
        self.marks: dict[str, float] = {}
        self.loop: QEventLoop | None = None
        self.button: QWidget | None = None
        self.done_at: float | None = None
        self.armed = False
        self.in_frame = False  # inside the window's UpdateRequest (a frame being painted)
        self.paint_in_frame = True
        self.window.installEventFilter(self)
        session.lane.devices["docreader"].add_listener(self._on_driver)
        session.runner.listeners.append(self._on_runner)  # after the presenter's
        session.presenter._bridge.changed.connect(self._on_ui)  # after the presenter's slot
        self._gc_started = 0.0
        gc.callbacks.append(self._on_gc)
        # instance attributes wrapping two calls of the presenter's render: instrumentation
        session.passengers.set_model = self._timed("set_model", session.passengers.set_model)
        self.window.show_screen = self._timed("show_screen", self.window.show_screen)

    def _timed(self, key: str, call: Callable[..., Any]) -> Callable[..., Any]:
        """``call``, adding the seconds it takes to ``marks[key]`` (the UI thread)."""

        def timed(*args: Any) -> Any:
            start = time.perf_counter()
            try:
                return call(*args)
            finally:
                self.marks[key] = self.marks.get(key, 0.0) + time.perf_counter() - start

        return timed

    def arm(self, loop: QEventLoop) -> None:
        self.marks.clear()
        self.loop, self.done_at, self.armed = loop, None, True

    def close(self) -> None:
        self.window.removeEventFilter(self)
        with contextlib.suppress(ValueError):
            self.session.runner.listeners.remove(self._on_runner)
        self.session.lane.devices["docreader"].remove_listener(self._on_driver)
        gc.callbacks.remove(self._on_gc)

    def _on_gc(self, phase: str, _info: dict[str, int]) -> None:  # whichever thread collects
        now = time.perf_counter()
        if phase == "start":
            self._gc_started = now
        elif self.armed:
            self.marks["gc"] = self.marks.get("gc", 0.0) + now - self._gc_started

    def _on_driver(self, event: object) -> None:  # the reader's worker thread
        if isinstance(event, DataEvent) and isinstance(event.data, DocumentRead):
            self.marks.setdefault("driver", time.perf_counter())

    def _on_runner(self, state: Any, _effects: object) -> None:  # the runner's thread
        now = time.perf_counter()
        if state.step is Step.WELCOME and state.waiting is not None:
            self.marks.setdefault("asking", now)
        elif state.step is Step.PASSENGERS:
            self.marks.setdefault("booking", now)

    def _on_ui(self, event: object) -> None:  # the UI thread, after the presenter rendered
        state = getattr(event, "state", None)
        if not self.armed or state is None or state.step is not Step.PASSENGERS:
            return
        self.marks.setdefault("ui", time.perf_counter())
        screen = self.session.passengers
        for button in screen.list.buttons:
            if NAME in button.text() and button is not self.button:
                button.installEventFilter(self)
                self.button = button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.button and kind == QEvent.Type.Paint and self.armed:
            if "paint" not in self.marks:
                self.marks["paint"] = time.perf_counter()
                self.paint_in_frame = self.in_frame
            return False
        if watched is self.window and kind == QEvent.Type.UpdateRequest:
            self.in_frame = True
            try:
                self.window.event(event)  # the whole frame, as Qt would do right after us
            finally:
                self.in_frame = False
            if self.armed and "paint" in self.marks:
                self.done_at, self.armed = time.perf_counter(), False
                if self.loop is not None:
                    self.loop.quit()
            return True
        return False


# -- one read and the anchors -------------------------------------------------------------
class Reads:
    """Times one passport read through the lane, and one of each anchor."""

    def __init__(self, session: AirportLane, gap_ms: int) -> None:
        from kiosk.backoffice.dcs import HttpDepartureControl

        self.session, self.gap_ms = session, gap_ms
        self.probe = FrameProbe(session)
        self.frame = session.rig.docreader.frame(LINES)
        dcs = session.rig.dcs
        self.dcs = HttpDepartureControl(dcs.url, dcs.api_key, 10.0)
        self.echo = PtyEcho(len(self.frame))
        self.outside_frame = 0  # reads whose name was painted outside a window frame

    def close(self) -> None:
        self.probe.close()
        self.dcs.close()
        self.echo.close()

    def full(self) -> tuple[float, tuple[float, ...]]:
        """One read: (seconds from the pty write to the frame done, the segments)."""
        session, probe = self.session, self.probe
        loop = QEventLoop()
        watchdog = QTimer()
        watchdog.setSingleShot(True)
        watchdog.timeout.connect(loop.quit)
        watchdog.start(int(TIMEOUT_S * 1000))
        probe.arm(loop)
        t0 = time.perf_counter()
        session.rig.docreader_port.write(self.frame)
        if probe.done_at is None:
            loop.exec()
        watchdog.stop()
        t1 = probe.done_at
        if t1 is None:
            state = session.runner.state
            raise TimeoutError(
                f"{NAME} not painted within {TIMEOUT_S:g} s (step {state.step.value}, "
                f"waiting {state.waiting}, notice {state.notice!r}, marks {sorted(probe.marks)})"
            )
        self._check_shown()
        keys = ("driver", "asking", "booking", "ui", "paint")
        stamps = [t0] + [probe.marks.get(k, t1) for k in keys] + [t1]
        # a thread's stamp can land after the next thread already moved on: keep them ordered
        for i in range(len(stamps) - 2, 0, -1):
            stamps[i] = min(stamps[i], stamps[i + 1])
        marks = probe.marks
        parts = (
            *(b - a for a, b in itertools.pairwise(stamps)),
            marks.get("gc", 0.0),
            marks.get("set_model", 0.0),
            marks.get("show_screen", 0.0),
        )
        return t1 - t0, parts

    def _check_shown(self) -> None:
        """The frame that stopped the clock shows the passengers screen with the name, and
        the name was painted inside that frame (else the clock would have stopped late)."""
        session, button = self.session, self.probe.button
        shown = session.window.current_screen() is session.passengers
        if not (shown and button is not None and button.isVisible() and NAME in button.text()):
            raise RuntimeError(f"the clock stopped without {NAME} on the passengers screen")
        if not self.probe.paint_in_frame:
            self.outside_frame += 1

    def back_to_welcome(self) -> None:
        """Cancel (the passengers screen's button), then wait for the welcome screen."""
        session = self.session
        wait_until(lambda: session.window.current_screen() is session.passengers, TIMEOUT_S)
        session.passengers.cancel_button.click()
        wait_until(lambda: _at_welcome(session), TIMEOUT_S)
        pause(self.gap_ms)

    def anchors(self) -> tuple[float, float, float]:
        """One of each anchor, in seconds."""
        t0 = time.perf_counter()
        parse_mrz(list(LINES), self.session.day)
        t1 = time.perf_counter()
        found = self.dcs.find_by_name("ERIKSSON", "ANNA MARIA", self.session.day)
        t2 = time.perf_counter()
        if not found:
            raise RuntimeError("the DCS anchor found no booking: it would not be the same call")
        echo = self.echo.round_trip(self.frame)
        return t1 - t0, t2 - t1, echo


class PtyEcho:
    """The transport floor: bytes written to a pty, read back through the driver's serial
    transport on a worker thread, with no parsing; the reader stamps the last byte."""

    def __init__(self, size: int) -> None:
        from kiosk.devices.transport import open_serial

        self.size = size
        self.port = VirtualPort(name="bench-echo")
        self.port.plug()
        self.stream = open_serial(self.port.path, name="bench-echo")
        self.stop = threading.Event()
        self.arrived = threading.Event()
        self.got = 0
        self.at = 0.0
        start_thread("bench-echo", self._read)

    def _read(self) -> None:
        while not self.stop.is_set():
            try:
                data = self.stream.read(4096, 0.1)  # what the driver's worker calls
            except Exception:  # the port was closed at the end
                return
            if data:
                self.got += len(data)
                if self.got >= self.size:
                    self.at = time.perf_counter()
                    self.arrived.set()

    def round_trip(self, frame: bytes) -> float:
        self.got, self.at = 0, 0.0
        self.arrived.clear()
        t0 = time.perf_counter()
        self.port.write(frame)
        if not self.arrived.wait(TIMEOUT_S):
            raise TimeoutError("the pty anchor's bytes did not arrive")
        return self.at - t0

    def close(self) -> None:
        self.stop.set()
        with contextlib.suppress(Exception):
            self.stream.close()
        self.port.unplug()


# -- the report ----------------------------------------------------------------------------
def ms_stats(seconds: list[float]) -> dict[str, float]:
    values = sorted(s * 1000 for s in seconds)
    return {
        "p50": percentile(values, 0.50),
        "p95": percentile(values, 0.95),
        "p99": percentile(values, 0.99),
        "max": values[-1],
    }


def fmt(stats: dict[str, float], digits: int = 2) -> str:
    return "  ".join(f"{k} {v:.{digits}f}" for k, v in stats.items()) + " ms"


@dataclasses.dataclass
class Run:
    full: dict[str, float]
    anchors: dict[str, dict[str, float]]
    segments: list[float]  # p50 of each segment, ms
    slowest: list[tuple[float, tuple[float, ...]]]  # the 3 slowest reads: ms, segments in ms
    load: tuple[float, float]

    def anchor_sum(self, key: str) -> float:
        return sum(a[key] for a in self.anchors.values())

    def ratio(self, key: str) -> float:
        return self.full[key] / self.anchor_sum(key)


def one_run(reads: Reads, count: int) -> Run:
    load_before = os.getloadavg()[0]
    totals: list[float] = []
    segments: list[tuple[float, ...]] = []
    anchors: list[tuple[float, float, float]] = []
    for _ in range(count):
        total, parts = reads.full()
        totals.append(total)
        segments.append(parts)
        reads.back_to_welcome()
        anchors.append(reads.anchors())
    split = [percentile(sorted(s[k] * 1000 for s in segments), 0.50) for k in range(len(SEGMENTS))]
    return Run(
        full=ms_stats(totals),
        anchors={name: ms_stats([a[i] for a in anchors]) for i, name in enumerate(ANCHORS)},
        segments=split,
        slowest=sorted(
            (
                (t * 1000, tuple(p * 1000 for p in parts))
                for t, parts in zip(totals, segments, strict=True)
            ),
            reverse=True,
        )[:3],
        load=(load_before, os.getloadavg()[0]),
    )


def report_run(number: int, run: Run) -> None:
    print(f"\nrun {number} (load average {run.load[0]:.2f} -> {run.load[1]:.2f})")
    print(f"  scan -> {NAME} painted  {fmt(run.full)}")
    for name, stats in run.anchors.items():
        print(f"  anchor {name:<18} {fmt(stats, 3)}")
    print(
        f"  sum of anchors            p50 {run.anchor_sum('p50'):.3f}  p99 "
        f"{run.anchor_sum('p99'):.3f} ms; full / sum: p50 x{run.ratio('p50'):.1f}, "
        f"p99 x{run.ratio('p99'):.1f}"
    )
    split = ", ".join(f"{n} {v:.2f}" for n, v in zip(SEGMENTS, run.segments, strict=True))
    print(f"  p50 of each segment (ms): {split}")
    for total, parts in run.slowest:
        print(f"  slow read {total:.1f} ms = [{', '.join(f'{p:.1f}' for p in parts)}]")


def report_summary(runs: list[Run]) -> None:
    def mm(values: list[float], digits: int = 2) -> str:
        return f"{min(values):.{digits}f} / {statistics.median(values):.{digits}f}"

    print(f"\nmin / median of {len(runs)} runs")
    for key in ("p50", "p95", "p99", "max"):
        print(f"  full path {key:<4} {mm([r.full[key] for r in runs])} ms")
    for name in ANCHORS:
        for key in ("p50", "p99"):
            values = [r.anchors[name][key] for r in runs]
            print(f"  anchor {name:<18} {key} {mm(values, 3)} ms")
    for key in ("p50", "p99"):
        sums = [r.anchor_sum(key) for r in runs]
        ratios = [r.ratio(key) for r in runs]
        print(
            f"  sum of anchors {key} {mm(sums, 3)} ms; full / sum {key} "
            f"x{min(ratios):.1f} / x{statistics.median(ratios):.1f}"
        )
    split = ", ".join(
        f"{n} {statistics.median(r.segments[i] for r in runs):.2f}" for i, n in enumerate(SEGMENTS)
    )
    print(f"  p50 of each segment, median of runs (ms): {split}")
    p99 = statistics.median(r.full["p99"] for r in runs)
    verdict = "MET" if p99 < TARGET_P99_MS else "MISSED"
    print(f"  target p99 < {TARGET_P99_MS:.0f} ms (median of runs): {p99:.2f} ms {verdict}")


def parse_throughput(runs: int, seconds: float) -> None:
    """BCBP and MRZ parses per second against bench_travel_parse's anchors, interleaved."""
    work: dict[str, Callable[[], int]] = bench_travel_parse.sides()
    for side in work.values():
        side()
    results: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(runs):
        for name, side in work.items():
            results[name].append(bench_travel_parse.rate(side, seconds))
    print(
        f"\nparse throughput (bench_travel_parse's inputs: {len(bench_travel_parse.BCBP_SPECIMENS)}"
        f" IATA BCBP specimens, {len(bench_travel_parse.MRZS)} ICAO 9303 MRZs), "
        f"{runs} runs of {seconds} s per side, interleaved; min / median parses/s"
    )
    medians = {name: statistics.median(values) for name, values in results.items()}
    for name, values in results.items():
        print(f"  {name:34s} {min(values):>10,.0f} / {medians[name]:>10,.0f}")
    gs1 = medians["GS1 parse_element_string anchor"]
    for kind in ("BCBP", "MRZ"):
        own, sliced = medians[f"{kind} parse_{kind.lower()}"], medians[f"{kind} slicing anchor"]
        print(
            f"  {kind}: {1e6 / own:.1f} us per parse; slicing anchor / parser "
            f"x{sliced / own:.1f}; parser / GS1 anchor x{own / gs1:.2f}"
        )


def conditions(session: AirportLane, args: argparse.Namespace, frame: bytes) -> None:
    import urllib.parse
    import urllib.request

    import PySide6

    dcs = session.rig.dcs
    query = urllib.parse.urlencode(
        {"surname": "ERIKSSON", "given_names": "ANNA MARIA", "date": session.day.isoformat()}
    )
    request = urllib.request.Request(
        f"{dcs.url}/bookings?{query}", headers={"X-Api-Key": dcs.api_key}
    )
    with urllib.request.urlopen(request, timeout=10) as reply:  # the simulator on 127.0.0.1
        reply_bytes = len(reply.read())
    print(
        f"python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"{os.cpu_count()} CPUs, nice {os.nice(0)}, QT_QPA_PLATFORM "
        f"{os.environ.get('QT_QPA_PLATFORM')}, window "
        f"{session.window.width()}x{session.window.height()}"
    )
    print(
        f"{args.runs} runs x {args.reads} timed reads ({args.warmup} untimed first), gap "
        f"{args.gap_ms} ms; document: TD3 passport, {len(LINES)} x {len(LINES[0])} characters, "
        f"{len(frame)} bytes framed; DCS simulator in this process on 127.0.0.1, no delay; "
        f"find_by_name reply {reply_bytes} bytes (1 booking, 2 passengers); fresh SQLite store"
    )
    from kiosk.ui.airport.hint import ReaderHint

    ticks = [h._timer.interval() for h in session.identify.findChildren(ReaderHint)]
    print(
        f"the welcome screen, where each read starts, runs {len(ticks)} animated reader "
        f"hint(s) redrawn every {', '.join(map(str, ticks)) or '-'} ms (as on the lane)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=200, help="timed reads per run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=5, help="untimed reads first")
    parser.add_argument("--gap-ms", type=int, default=20, help="event loop time between reads")
    parser.add_argument("--parse-seconds", type=float, default=0.5, help="per side and run")
    args = parser.parse_args(argv)
    print(f"load before: {uptime()}")
    tmp = tempfile.TemporaryDirectory(prefix="kiosk-bench-airport-")
    with tmp, airport_lane(Path(tmp.name)) as session:
        reads = Reads(session, args.gap_ms)
        try:
            conditions(session, args, reads.frame)
            for _ in range(args.warmup):
                reads.full()
                reads.back_to_welcome()
                reads.anchors()
            runs = []
            for number in range(1, args.runs + 1):
                run = one_run(reads, args.reads)
                report_run(number, run)
                runs.append(run)
        finally:
            reads.close()
    report_summary(runs)
    print(f"  reads whose name was painted outside a window frame: {reads.outside_frame}")
    parse_throughput(args.runs, args.parse_seconds)
    print(f"\nload after: {uptime()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
