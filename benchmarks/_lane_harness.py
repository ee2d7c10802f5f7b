"""Shared set-up of the lane-app benchmarks: the whole lane on the demo rig, offscreen.

``LaneSession`` builds what ``kiosk demo --no-hq`` runs, minus the terminal
console: ``config/demo.toml`` with a fresh SQLite store holding the sample
catalog, the ``DemoRig`` simulators (scanner, scale and printer on real ptys,
the card terminal simulator over HTTP), ``build_lane`` and the real Qt window
from ``open_lane_window`` shown on the ``offscreen`` platform (so it paints
into a real backing store). Waits run Qt's event loop (``QEventLoop``), never
a sleep or a busy ``processEvents`` loop, so the lane thread gets the CPU.
"""

from __future__ import annotations

import contextlib
import cProfile
import csv
import dataclasses
import gc
import io
import os
import pstats
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
DEMO_CONFIG = ROOT / "config" / "demo.toml"
SAMPLE_CATALOG = ROOT / "assets" / "catalog" / "sample_catalog.csv"


def plain_codes() -> list[str]:
    """EAN-13s of sample items a shopper can scan any number of times without an
    attendant or the scale: sold by the unit, no age limit, no quantity limit (13
    digits only: the scanner frames every code with the EAN-13 identifier ``]E0``)."""
    codes = []
    with SAMPLE_CATALOG.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["gtin"] and row["unit"] != "weight" and not row["age_limit"]:
                code = row["gtin"].split("|")[0]
                if not row["quantity_limit"] and len(code) == 13:
                    codes.append(code)
    return codes


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def rss_mb() -> float:
    """This process's resident set size (VmRSS in /proc/self/status), in MB (10^6 bytes)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError("no VmRSS in /proc/self/status")


def uptime() -> str:
    """``uptime`` (the machine load while measuring)."""
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def prepare_store(path: Path) -> None:
    """A store at ``path`` holding the sample catalog (what ``kiosk demo`` starts with)."""
    from kiosk.store.catalog_import import import_csv
    from kiosk.store.db import connect

    conn = connect(path)
    try:
        import_csv(conn, SAMPLE_CATALOG, progress=False)
    finally:
        conn.close()


def demo_config(store_path: Path) -> Any:
    """``config/demo.toml`` with the store at ``store_path`` and a window (not full screen)."""
    from kiosk.config import load_config

    config = load_config(DEMO_CONFIG, environ={})
    store = dataclasses.replace(config.store, path=store_path)
    ui = dataclasses.replace(config.ui, fullscreen=False)
    return dataclasses.replace(config, store=store, ui=ui)


def wait_until(predicate: Callable[[], bool], timeout_s: float = 20.0, poll_ms: int = 1) -> None:
    """Run the Qt event loop until ``predicate()`` holds; TimeoutError after ``timeout_s``."""
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    timer = QTimer()
    timer.setInterval(poll_ms)

    def check() -> None:
        if predicate() or time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not predicate():
        raise TimeoutError("condition not met in time")


class LaneSession:
    """The lane app on the demo rig in this process; use as a context manager.

    Attributes (after ``__enter__``): ``lane``, ``rig``, ``window``, ``presenter``,
    ``app``, ``codes`` (plain sample GTINs).
    """

    def __init__(self, workdir: Path | None = None) -> None:
        self._tmp = None if workdir else tempfile.TemporaryDirectory(prefix="kiosk-bench-")
        self.workdir = workdir or Path(self._tmp.name)  # type: ignore[union-attr]
        self.codes = plain_codes()
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> LaneSession:
        from PySide6.QtWidgets import QApplication

        from kiosk.app.demo import DemoRig
        from kiosk.app.shell import open_lane_window
        from kiosk.app.wiring import build_lane

        self.app = QApplication.instance() or QApplication(["bench"])
        store_path = self.workdir / "lane.sqlite3"
        prepare_store(store_path)
        self.rig = self._stack.enter_context(DemoRig(self.workdir / "rig", with_hq=False))
        self.lane = build_lane(self.rig.configure(demo_config(store_path)), with_sync=False)
        self._stack.callback(self.lane.stop)
        self.window, self.presenter, self.attendant = open_lane_window(self.lane, show=True)
        gc.collect()  # as kiosk.app.shell.run_lane_app does once the window is built
        gc.freeze()
        self._stack.callback(self._close_window)
        wait_until(lambda: self.lane.device_status.get("scanner", "").startswith("ready"))
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    def _close_window(self) -> None:
        self.presenter.detach()
        self.lane.badge_listeners.clear()
        self.window.shutdown()

    # -- driving the lane -------------------------------------------------------------
    def lines(self) -> int:
        """Basket lines the UI has received."""
        return len(self.presenter.checkout().basket.lines)

    def scan(self, code: str) -> None:
        """Scan ``code`` on the simulated serial scanner (EAN-13 symbology prefix)."""
        self.rig.scanner.scan("]E0" + code)

    def scan_and_wait(self, code: str) -> None:
        """Scan ``code`` and wait until its line reached the UI."""
        expected = self.lines() + 1
        self.scan(code)
        wait_until(lambda: self.lines() >= expected)

    def fill(self, count: int, offset: int = 0) -> None:
        """Add ``count`` lines through the scanner (untimed)."""
        for i in range(count):
            self.scan_and_wait(self.codes[(offset + i) % len(self.codes)])

    def pay_and_finish(self) -> None:
        """Pay by card (the scanning screen's Pay button signal; the terminal simulator
        approves at once), wait for the sale to be committed, then end the customer
        the way the thank-you screen does (``finish_customer``) and wait for attract."""
        from kiosk.domain.checkout.states import Phase

        self.presenter._s.scanning.payRequested.emit()
        wait_until(lambda: self.presenter.checkout().phase is Phase.FINISHED)
        self.presenter.finish_customer()
        wait_until(
            lambda: (
                self.presenter.checkout().phase is Phase.IDLE
                and not self.presenter.checkout().basket.lines
                and self.window.navigator.current_name() == "attract"
            )
        )


@contextlib.contextmanager
def timed() -> Iterator[list[float]]:
    """``with timed() as t:`` leaves the elapsed seconds in ``t[0]``."""
    box: list[float] = []
    start = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - start)


class ThreadProfiles:
    """cProfile of the lane thread and of the UI thread (``--profile``): each profiler
    is enabled on its own thread (``Profile.enable`` is per thread)."""

    def __init__(self, session: LaneSession) -> None:
        self.session = session
        self.lane, self.ui = cProfile.Profile(), cProfile.Profile()

    def __enter__(self) -> ThreadProfiles:
        self.session.lane.controller.call(self.lane.enable)
        self.ui.enable()
        return self

    def __exit__(self, *exc: object) -> None:
        self.ui.disable()
        done: list[bool] = []
        self.session.lane.controller.call(lambda: (self.lane.disable(), done.append(True)))
        wait_until(lambda: bool(done))

    def report(self, top: int) -> None:
        for name, profile in (("lane thread", self.lane), ("UI thread", self.ui)):
            out = io.StringIO()
            stats = pstats.Stats(profile, stream=out)
            stats.sort_stats("cumulative").print_stats(top)
            print(f"\n--- cProfile, {name}, by cumulative time (top {top}) ---")
            print("\n".join(ln for ln in out.getvalue().splitlines()[6:] if ln.strip()))
