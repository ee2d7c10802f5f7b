"""Lane app cold start to an interactive attract screen, and memory over 500 sales.

Start-up (``--starts N``, default 5): how it is measured. The parent makes a
store holding the sample catalog and starts the ``DemoRig`` simulators (scanner,
scale, printer on real ptys, card terminal over HTTP; no HQ), then writes a lane
TOML pointing at them (``config/demo.toml`` + those devices, window not full
screen). For each run, ``t0 = time.monotonic()`` is taken just before
``subprocess.Popen([python, this script, "--child", toml])``. The child is a new
interpreter that imports ``kiosk.cli`` (as the ``kiosk`` script does) and calls
``kiosk.cli.main(["run", "--config", toml])``: exactly what ``kiosk run`` does
(hold the collector, load the config, logging, ``build_lane`` with its payment
reconciliation, the ``QApplication`` (offscreen), the window, presenter, attendant
screens, the devices and lane thread, ``app.exec()``); the probe is put on
``AttractScreen.paintEvent`` by an import hook when ``kiosk run`` imports that
screen, so the child imports and makes nothing ahead of it. The measured children
import no module of the harness either (not even the standard ones the parent uses:
they would add the same time to both and flatter the ratio). When the ``AttractScreen`` has painted
for the first time, the wrapper posts a zero-time timer; when the event loop has
run it (``t1``: the attract screen is painted *and* the loop is processing
events: interactive) the child prints ``time.monotonic()`` (CLOCK_MONOTONIC is
system-wide, so it compares with the parent's) and quits. The figure is
``t1 - t0``, median over N runs (the first run is the coldest: page cache).
The child also reports its own split (interpreter up -> imports done -> window
built -> painted -> interactive). The probe costs one Python call per paint of
the attract screen (an application event filter, used before, cost a Python call
for each of the start's ~5,000 events, which the lane paid and the anchor hardly
did); the anchor's label is probed the same way (a ``paintEvent`` override).

Memory (``--sales 500``): the same lane (``LaneSession``: rig, lane and window in
one process, like ``kiosk demo``) runs complete sales: ``--items`` codes scanned
through the scanner pty, Pay (the scanning screen's ``payRequested``; the
terminal simulator approves at once; the sale is committed to SQLite), then
``presenter.finish_customer()`` (what the thank-you screen does) back to attract.
VmRSS (/proc/self/status) is sampled every ``--every`` sales without forcing a
collection, and at the marks (100 and 500) again after ``gc.collect()``; the peak
is the kernel's high-water mark VmHWM at the end (not the highest sample). The
process holds the simulators too (as ``kiosk demo`` does); one run per process:
run it three times for min/median.
Targets (issue 4): start < 2 s; RSS < 250 MB; growth < 10 MB from sale 100 to 500.

Side by side (``--side-by-side``, issue 16): the anchor is a bare PySide6 window
showing one label (``--bare-child``: a new interpreter, QApplication offscreen,
a QLabel, the same first-paint + zero-timer "interactive" stamp), started the
same way in the same run. The lane runs on a copy of ``--store`` (else a store
of ``--store-items``, default 1,000,000 generated items, is built first) with
the rig's devices. After an untimed warm-up of each, ``--runs`` (default 3)
rounds start, in turn: the bare window; ``kiosk run`` after a clean stop (the
clean-stop marker present: what a lane stopped by staff finds); ``kiosk run``
after an unclean stop (marker removed, as after SIGKILL: the whole-file check is
owed and starts in the background); ``kiosk run`` on a store holding only the
sample catalog (does the start still depend on the store's size?); with
``--what-if-gc-held`` also the lane with the cyclic collector held from the child's
first line until the window's first paint (``kiosk.warmup.hold_collections``, what
``kiosk run`` would do on its first line); with ``--what-if-escpos-cache`` also the lane
with python-escpos' capabilities pickle kept between starts (it is rebuilt from
YAML in a new temporary folder at every start otherwise). Printed: min/median of
each, the ratio to the anchor (median/median, and per round), VmHWM of each child
at interactive and its ratio, how many starts began a full store check, and the
split of each start. Target: ``kiosk run`` within 4x of the anchor. The children
write and reuse compiled bytecode in a folder of the run (as an installed lane, whose
``.pyc`` files pip compiled at install; ``--no-bytecode-cache`` keeps the caller's
``PYTHONDONTWRITEBYTECODE``: every start then compiles the lane's modules from source).
``--tracemalloc`` also diffs tracemalloc snapshots (Python allocations only, not
Qt's C++ heap) taken at the two marks and lists the top growers (slower run; RSS
then includes tracemalloc's own bookkeeping).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_lane_start.py
[--starts 5] [--sales 500] [--items 3] [--marks 100,500] [--tracemalloc]``
(``--starts 0`` or ``--sales 0`` skips a part), or ``... --side-by-side [--runs 3]
[--store PATH | --store-items N] [--what-if-escpos-cache]``.
"""

from __future__ import annotations

import os
import sys
import time

_T_INTERPRETER = time.monotonic()  # the child's first moment in Python code
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _HERE)
sys.path.insert(0, os.path.dirname(_HERE))

# A measured child imports nothing of the harness, not even the standard modules the
# parent uses (argparse, json, sqlite3, statistics, subprocess, tempfile...): those
# would add the same ~10 ms to both children and flatter the ratio. Each child reports
# with ``repr`` of a dict of plain values (read back with ``ast.literal_eval``).
_CHILD = len(sys.argv) == 3 and sys.argv[1] in ("--child", "--bare-child")
if not _CHILD:
    import argparse
    import ast
    import contextlib
    import gc
    import json
    import sqlite3
    import statistics
    import subprocess
    import tempfile
    from pathlib import Path
    from typing import Any

    from _lane_harness import (
        DEMO_CONFIG,
        LaneSession,
        prepare_store,
        rss_mb,
        uptime,
    )

# -- start-up: the child --------------------------------------------------------------

HOLD_GC = "KIOSK_BENCH_HOLD_GC"


def child(toml: str) -> int:
    """Run ``kiosk run --config toml`` and report when the attract screen is interactive.

    Nothing of the lane is imported or made here ahead of ``kiosk run`` (it imports the
    attract screen, makes the ``QApplication`` and holds the collector itself): the
    probe is put on the attract screen's class when ``kiosk run`` imports it."""
    if os.environ.get(HOLD_GC):  # the what-if: the collector held from the child's start
        from kiosk import warmup

        warmup.hold_collections()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.cli import main as kiosk_main

    t_imports = time.monotonic()
    stamps: dict[str, float] = {}

    def probe(module: Any) -> None:  # kiosk.ui.screens.attract, just imported
        from PySide6.QtCore import QTimer

        screen_class = module.AttractScreen
        painted_by_class = screen_class.paintEvent

        def first_paint(screen: Any, event: Any) -> None:
            painted_by_class(screen, event)
            if "painted" not in stamps:
                stamps["painted"] = time.monotonic()
                QTimer.singleShot(0, interactive)

        screen_class.paintEvent = first_paint

    def interactive() -> None:
        from PySide6.QtWidgets import QApplication

        stamps["interactive"] = time.monotonic()
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if hasattr(w, "navigator"))
        line = {
            "ready": stamps["interactive"],
            "interpreter": _T_INTERPRETER,
            "imports": t_imports,
            "painted": stamps["painted"],
            "screen": window.navigator.current_name(),
            "visible": window.isVisible(),
            "vmhwm_mb": vm_mb("VmHWM"),
            "cpu_s": time.process_time(),  # every thread, from the process's start
            "main_cpu_s": time.thread_time(),  # the main (UI) thread alone
        }
        print(f"READY {line!r}", flush=True)
        app.quit()

    sys.meta_path.insert(0, _AfterImport("kiosk.ui.screens.attract", probe))
    return int(kiosk_main(["run", "--config", toml]) or 0)


class _AfterImport:
    """A meta path finder that calls ``then(module)`` right after module ``name`` is
    executed (the first time it is imported), then leaves ``sys.meta_path``."""

    def __init__(self, name: str, then: Any) -> None:
        self.name, self.then = name, then

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec(fullname)
        run_body = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            run_body(module)
            self.then(module)

        spec.loader.exec_module = exec_module
        return spec


def vm_mb(field: str) -> float:
    """A field of /proc/self/status (VmHWM: peak resident set size), in MB (10^6 bytes)."""
    with open("/proc/self/status", encoding="ascii") as status:
        lines = status.read().splitlines()
    for line in lines:
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"no {field} in /proc/self/status")


def bare_child() -> int:
    """The anchor: a bare PySide6 window showing one label, to interactive, measured alike."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    t_imports = time.monotonic()
    app = QApplication(sys.argv[:1])
    stamps: dict[str, float] = {}

    class ProbedLabel(QLabel):
        def paintEvent(self, event: Any) -> None:
            super().paintEvent(event)
            if "painted" not in stamps:
                stamps["painted"] = time.monotonic()
                QTimer.singleShot(0, interactive)

    label = ProbedLabel("Touch the screen to start")

    def interactive() -> None:
        line = {
            "ready": time.monotonic(),
            "interpreter": _T_INTERPRETER,
            "imports": t_imports,
            "painted": stamps["painted"],
            "screen": "attract",
            "visible": label.isVisible(),
            "vmhwm_mb": vm_mb("VmHWM"),
            "cpu_s": time.process_time(),  # every thread, from the process's start
        }
        print(f"READY {line!r}", flush=True)
        app.quit()

    label.resize(1024, 768)
    label.show()
    return int(app.exec())


# -- start-up: the parent -------------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(str(value))


def write_lane_toml(path: Path, store: Path, rig: Any) -> None:
    """``config/demo.toml``'s lane and barcode settings, the rig's devices and terminal."""
    import tomllib

    demo = tomllib.loads(DEMO_CONFIG.read_text(encoding="utf-8"))
    sections = {
        "lane": demo["lane"],
        "barcodes": demo.get("barcodes", {}),
        "store": {"path": str(store)},
        "payment": {
            "driver": "simulator",
            "terminal_url": rig.terminal_server.url,
            "poi_id": rig.terminal.poi_id,
        },
        "ui": {"fullscreen": False},
    }
    out = []
    for name, values in sections.items():
        out.append(f"[{name}]")
        out += [f"{k} = {_toml_value(v)}" for k, v in values.items()]
        out.append("")
    devices = rig.configure(_plain_config(store)).devices
    for device in devices:
        out.append("[[devices]]")
        for key in ("name", "type", "driver", "port", "required", "options"):
            out.append(f"{key} = {_toml_value(getattr(device, key))}")
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


def _plain_config(store: Path) -> Any:
    from _lane_harness import demo_config

    return demo_config(store)


def start_once(toml: Path | None, env: dict[str, str], mode: str) -> tuple[dict[str, Any], float]:
    """Spawn one measured child (``--child``: the lane; ``--bare-child``: the anchor).

    Returns its READY report (with its stderr as ``"stderr"``) and the parent's t0.
    """
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, __file__, mode, str(toml or "-")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    out, err = proc.communicate(timeout=180)
    ready = next((ln for ln in out.splitlines() if ln.startswith("READY ")), None)
    if ready is None:
        raise RuntimeError(f"the child did not get ready:\n{out}\n{err}")
    info = ast.literal_eval(ready[6:])
    if info["screen"] != "attract" or not info["visible"]:
        raise RuntimeError(f"not on a visible attract screen: {info}")
    info["stderr"] = err
    return info, t0


def run_starts(runs: int) -> None:
    from kiosk.app.demo import DemoRig

    with tempfile.TemporaryDirectory(prefix="kiosk-start-") as tmp:
        work = Path(tmp)
        store = work / "lane.sqlite3"
        prepare_store(store)
        with DemoRig(work / "rig", with_hq=False) as rig:
            toml = work / "lane.toml"
            write_lane_toml(toml, store, rig)
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
            totals, splits = [], []
            for _ in range(runs):
                info, t0 = start_once(toml, env, "--child")
                totals.append(info["ready"] - t0)
                splits.append(
                    (
                        info["interpreter"] - t0,
                        info["imports"] - info["interpreter"],
                        info["painted"] - info["imports"],
                        info["ready"] - info["painted"],
                    )
                )
    print(f"\ncold start of `kiosk run` to an interactive attract screen, {runs} runs")
    print("  runs (s): " + ", ".join(f"{t:.3f}" for t in totals))
    median = statistics.median(totals)
    verdict = "MET" if median < 2 else "MISSED"
    print(f"  median {median:.3f} s  max {max(totals):.3f} s -> target < 2 s: {verdict}")
    names = ("spawn+interpreter", "imports", "config+lane+window+paint", "paint->interactive")
    for i, name in enumerate(names):
        print(f"    {name:<26} median {statistics.median(s[i] for s in splits):.3f} s")


# -- start-up side by side with the bare-window anchor -----------------------------------

FULL_CHECK = "checking the whole database in the background"


def big_store(store: Path, source: Path | None, items: int) -> tuple[int, float]:
    """Copy ``source`` (checkpointed first) or build a store of ``items`` generated items.

    Returns (items in the catalog, file size in MB).
    """
    import shutil

    from kiosk.store.catalog_import import import_csv
    from kiosk.store.db import connect
    from kiosk.store.sample_catalog import write_catalog_csv

    if source is not None:
        with contextlib.closing(sqlite3.connect(source)) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copyfile(source, store)
    else:
        csv = store.with_suffix(".csv")
        write_catalog_csv(csv, items)
        conn = connect(store)
        try:
            import_csv(conn, csv, progress=False)
        finally:
            conn.close()
        csv.unlink()
    with contextlib.closing(sqlite3.connect(store)) as db:
        count = db.execute("SELECT count(*) FROM catalog_item").fetchone()[0]
    return count, store.stat().st_size / 1e6


def _min_median(values: list[float], unit: str, digits: int = 3) -> str:
    return f"min {min(values):.{digits}f} / median {statistics.median(values):.{digits}f} {unit}"


def children_env(work: Path, bytecode: bool) -> dict[str, str]:
    """The children's environment: offscreen; with ``bytecode``, Python's compiled
    bytecode is written to and read from a folder of this run (the untimed warm-up fills
    it), as an installed lane finds it (pip compiles ``.pyc`` files at install): a
    developer shell's ``PYTHONDONTWRITEBYTECODE=1`` would otherwise make every start
    compile the lane's ~200 modules from source, which the anchor (PySide6 alone,
    compiled at install) never pays."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def run_side_by_side(
    runs: int,
    source: Path | None,
    items: int,
    escpos_cache: bool,
    *,
    bytecode: bool = True,
    gc_held: bool = False,
) -> None:
    """``kiosk run`` to interactive against a bare PySide6 window, interleaved, same run."""
    from kiosk.app.demo import DemoRig
    from kiosk.store.integrity import check_file, mark_clean_stop, marker_path

    with tempfile.TemporaryDirectory(prefix="kiosk-start-") as tmp:
        work = Path(tmp)
        store = work / "lane.sqlite3"
        count, size_mb = big_store(store, source, items)
        with DemoRig(work / "rig", with_hq=False) as rig:
            toml = work / "lane.toml"
            write_lane_toml(toml, store, rig)
            small_store = work / "small.sqlite3"
            prepare_store(small_store)  # the sample catalog: is the start store-size free?
            small_toml = work / "small.toml"
            write_lane_toml(small_toml, small_store, rig)
            env = children_env(work, bytecode)
            cached = {**env, "ESCPOS_CAPABILITIES_PICKLE_DIR": str(work)}
            kinds = {
                "bare": ("--bare-child", env, None),
                "clean": ("--child", env, toml),
                "unclean": ("--child", env, toml),
                "small-store": ("--child", env, small_toml),
            }
            if escpos_cache:
                kinds["escpos-cached"] = ("--child", cached, toml)
            if gc_held:
                kinds["gc-held"] = ("--child", {**env, HOLD_GC: "1"}, toml)
            # Untimed warm-up (page cache, escpos' pickle for the what-if); the lane's
            # orderly quit leaves the clean-stop marker, as a lane stopped by staff does.
            start_once(toml, env, "--child")
            start_once(toml, cached, "--child")
            start_once(small_toml, env, "--child")
            start_once(None, env, "--bare-child")
            series: dict[str, list[dict[str, Any]]] = {name: [] for name in kinds}
            for _ in range(runs):
                for name, (mode, child_env, child_toml) in kinds.items():
                    own_store = small_store if child_toml == small_toml else store
                    if name != "unclean" and not marker_path(own_store).exists():
                        mark_clean_stop(own_store)  # e.g. the unclean start's lane owed a check
                    if name == "unclean":
                        marker_path(store).unlink(missing_ok=True)  # as after a SIGKILL
                    info, t0 = start_once(child_toml, child_env, mode)
                    info["t0"] = t0
                    series[name].append(info)
            checks = [check_file(store) for _ in range(runs)]
    report_side_by_side(series, runs, count, size_mb)
    print(
        "  bytecode: "
        + (
            "compiled once in the warm-up and reused (PYTHONPYCACHEPREFIX), as installed"
            if bytecode
            else "as the caller's environment has it (PYTHONDONTWRITEBYTECODE="
            f"{os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})"
        )
    )
    print(
        f"  the whole-file check alone (PRAGMA quick_check, what every start ran in the "
        f"foreground before): {_min_median(checks, 's')}"
    )


def _conditions(count: int, size_mb: float) -> str:
    """What the reading depends on, printed with the ratio."""
    import platform

    import PySide6

    return (
        f"store {count:,} items ({size_mb:.0f} MB) after a clean stop, the rig's devices, no "
        f"HQ, QT_QPA_PLATFORM=offscreen, {os.cpu_count()} CPUs, "
        f"load {uptime().split('load ')[-1]}, "
        f"nice {os.nice(0)}, Python {platform.python_version()}, PySide6 {PySide6.__version__}"
    )


def report_side_by_side(
    series: dict[str, list[dict[str, Any]]], runs: int, count: int, size_mb: float
) -> None:
    times = {name: [i["ready"] - i["t0"] for i in infos] for name, infos in series.items()}
    hwm = {name: [i["vmhwm_mb"] for i in infos] for name, infos in series.items()}
    bare = statistics.median(times["bare"])
    labels = {
        "bare": "bare PySide6 window, one label (anchor)",
        "clean": "kiosk run, after a clean stop",
        "unclean": "kiosk run, after an unclean stop",
        "escpos-cached": "what-if: kiosk run, escpos pickle kept",
        "small-store": "kiosk run, sample store (clean stop)",
        "gc-held": "what-if: kiosk run holding the collector",
    }
    print(
        f"\nstart to an interactive screen, side by side: {runs} runs of each, interleaved "
        f"({', '.join(series)}); store {count:,} items, {size_mb:.0f} MB"
    )
    for name in series:
        ratio = statistics.median(times[name]) / bare
        pairs = [t / b for t, b in zip(times[name], times["bare"], strict=True)]
        print(
            f"  {labels[name]:<42} {_min_median(times[name], 's')}  x{ratio:.2f} "
            f"(per run {_min_median(pairs, '', 2)})  VmHWM {_min_median(hwm[name], 'MB', 1)} "
            f"x{statistics.median(hwm[name]) / statistics.median(hwm['bare']):.2f}"
        )
    ratio = statistics.median(times["clean"]) / bare
    per_run = statistics.median(t / b for t, b in zip(times["clean"], times["bare"], strict=True))
    cpu_ratio = statistics.median(i["cpu_s"] for i in series["clean"]) / statistics.median(
        i["cpu_s"] for i in series["bare"]
    )
    print(
        f"  target kiosk run within 4x of the anchor: x{ratio:.2f} "
        f"{'MET' if ratio <= 4 else 'MISSED'} (median / median of {runs} interleaved runs; "
        f"median of the per-run ratios x{per_run:.2f}, CPU x{cpu_ratio:.2f}); conditions: "
        f"{_conditions(count, size_mb)}"
    )
    # CPU time to interactive hardly moves with the machine's load, the wall time does.
    cpu = {name: [i["cpu_s"] for i in infos] for name, infos in series.items()}
    bare_cpu = statistics.median(cpu["bare"])
    print(
        "  CPU time to interactive (all threads of the child; steadier than wall time on a "
        "loaded machine): "
        + ", ".join(
            f"{name} {_min_median(values, 's')} x{statistics.median(values) / bare_cpu:.2f}"
            for name, values in cpu.items()
        )
    )
    checks = {name: sum(FULL_CHECK in i["stderr"] for i in series[name]) for name in series}
    print("  full store checks started: " + ", ".join(f"{n} {c}/{runs}" for n, c in checks.items()))
    names = ("spawn+interpreter", "imports", "config+lane+window+paint", "paint->interactive")
    for name, infos in series.items():
        parts = [
            [i["interpreter"] - i["t0"] for i in infos],
            [i["imports"] - i["interpreter"] for i in infos],
            [i["painted"] - i["imports"] for i in infos],
            [i["ready"] - i["painted"] for i in infos],
        ]
        split = ", ".join(
            f"{n} {statistics.median(v):.3f}" for n, v in zip(names, parts, strict=True)
        )
        print(f"  split (median s), {name}: {split}")


# -- memory over sales ----------------------------------------------------------------


def run_sales(sales: int, items: int, every: int, marks: list[int], trace: bool) -> None:
    import tracemalloc

    if trace:
        tracemalloc.start(10)
    samples: list[tuple[int, float]] = []
    at_marks: dict[int, tuple[float, float]] = {}
    snapshots: dict[int, Any] = {}
    started = time.perf_counter()
    with LaneSession() as session:
        samples.append((0, rss_mb()))
        offset = 0
        for sale in range(1, sales + 1):
            session.fill(items, offset=offset)
            offset += items
            session.pay_and_finish()
            if sale % every == 0:
                samples.append((sale, rss_mb()))
            if sale in marks:
                before = rss_mb()
                gc.collect()
                at_marks[sale] = (before, rss_mb())
                if trace:
                    snapshots[sale] = tracemalloc.take_snapshot()
        elapsed = time.perf_counter() - started
        ledger = len(session.rig.terminal.ledger._entries)
        with contextlib.closing(sqlite3.connect(session.workdir / "lane.sqlite3")) as db:
            outbox = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    print(f"\nmemory over {sales} complete sales ({items} scanned items each), {elapsed:.0f} s")
    print("  VmRSS (MB) by sale: " + ", ".join(f"{n}: {mb:.1f}" for n, mb in samples))
    for sale, (before, after) in sorted(at_marks.items()):
        print(f"  sale {sale}: VmRSS {before:.1f} MB, after gc.collect() {after:.1f} MB")
    if trace:
        print(
            "  (tracemalloc run: VmRSS includes tracemalloc's traces and the snapshot kept "
            "from the first mark, so it says nothing about the lane; run without it for RSS)"
        )
    elif len(marks) >= 2 and marks[0] in at_marks and marks[-1] in at_marks:
        first, last = at_marks[marks[0]][1], at_marks[marks[-1]][1]
        # The kernel's high-water mark, not the highest sample; it is updated lazily
        # (per-thread RSS counters), so it can trail the last VmRSS by a few pages.
        hwm, sampled = vm_mb("VmHWM"), max(mb for _, mb in samples)
        peak = max(hwm, sampled)
        growth = last - first
        print(
            f"  peak {peak:.1f} MB: VmHWM {hwm:.1f}, highest VmRSS sample {sampled:.1f} "
            f"(target < 250: {'MET' if peak < 250 else 'MISSED'}); "
            f"growth sale {marks[0]} -> {marks[-1]} {growth:+.1f} MB after gc "
            f"(target < 10: {'MET' if growth < 10 else 'MISSED'})"
        )
    print(f"  sales in the store's outbox: {outbox} (expected {sales})")
    print(f"  (the terminal simulator's in-process ledger holds {ledger} entries by the end)")
    if trace and len(snapshots) >= 2:
        first_snap, last_snap = snapshots[marks[0]], snapshots[marks[-1]]
        print(f"  tracemalloc growth sale {marks[0]} -> {marks[-1]} (top 15 lines):")
        for stat in last_snap.compare_to(first_snap, "lineno")[:15]:
            print(f"    {stat.size_diff / 1e3:+9.1f} kB {stat.count_diff:+7d} blocks  {stat}")
        print("  by file (top 10):")
        for stat in last_snap.compare_to(first_snap, "filename")[:10]:
            print(f"    {stat.size_diff / 1e3:+9.1f} kB  {stat.traceback[0].filename}")
        top = last_snap.compare_to(first_snap, "traceback")[:3]
        for stat in top:
            print(f"  traceback of a top grower ({stat.size_diff / 1e3:+.1f} kB):")
            for line in stat.traceback.format()[-12:]:
                print("     " + line)


def main(argv: list[str] | None = None) -> int:
    if argv is None and _CHILD:
        return child(sys.argv[2]) if sys.argv[1] == "--child" else bare_child()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5, help="cold starts (median)")
    parser.add_argument("--sales", type=int, default=500, help="complete sales for memory")
    parser.add_argument("--items", type=int, default=3, help="scanned items per sale")
    parser.add_argument("--every", type=int, default=50, help="sample VmRSS every N sales")
    parser.add_argument("--marks", default="100,500", help="sales where growth is compared")
    parser.add_argument("--tracemalloc", action="store_true", help="diff Python allocations")
    parser.add_argument(
        "--side-by-side",
        action="store_true",
        help="only: kiosk run with a big store against a bare PySide6 window, same run",
    )
    parser.add_argument("--runs", type=int, default=3, help="side-by-side runs of each")
    parser.add_argument(
        "--what-if-escpos-cache",
        action="store_true",
        help="side-by-side: also time the lane with python-escpos' capabilities pickle kept",
    )
    parser.add_argument("--store", type=Path, help="side-by-side: copy this store")
    parser.add_argument(
        "--what-if-gc-held",
        action="store_true",
        help="side-by-side: also the lane with the collector held from its first line "
        "to the first paint (kiosk.warmup.hold_collections)",
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="side-by-side: children inherit PYTHONDONTWRITEBYTECODE (compile from source)",
    )
    parser.add_argument(
        "--store-items", type=int, default=1_000_000, help="side-by-side: else build one this big"
    )
    args = parser.parse_args(argv)
    print(f"load before: {uptime()}")
    if args.side_by_side:
        run_side_by_side(
            args.runs,
            args.store,
            args.store_items,
            args.what_if_escpos_cache,
            bytecode=not args.no_bytecode_cache,
            gc_held=args.what_if_gc_held,
        )
        print(f"\nload after: {uptime()}")
        return 0
    if args.starts:
        run_starts(args.starts)
    if args.sales:
        marks = [int(m) for m in args.marks.split(",") if m]
        run_sales(args.sales, args.items, args.every, marks, args.tracemalloc)
    print(f"\nload after: {uptime()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
