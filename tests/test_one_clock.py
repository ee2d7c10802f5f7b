"""One clock (STYLE.md): "now" and elapsed time are read through kiosk/clock.py, which
the lane passes in where a time is stored or compared. No other module of the package
calls ``datetime.now``, ``time.time`` or ``time.monotonic`` itself. Checked on the
syntax tree."""

from __future__ import annotations

import ast
from pathlib import Path

KIOSK = Path(__file__).resolve().parents[1] / "kiosk"
CLOCK_MODULES = {"clock.py"}
#: Separate services, not the lane (HQ, the attendant station): their clocks are their own.
SERVICES = ("hq/", "station/")
READS = {("datetime", "now"), ("datetime", "utcnow"), ("time", "time"), ("time", "monotonic")}
#: Still to move (issue 10): files whose owners have not passed the clock in yet. The
#: test fails when one is cleaned up, so the list only shrinks.
NOT_YET_MOVED = {
    "app/console.py",
    "app/demo.py",
    "app/lane.py",
    "app/lane_extras.py",  # new in the station and metrics work (issue 14), after this test
    "app/lane_metrics.py",
    "cli/doctor_cmd.py",
    "cli/devices_cmd.py",
    "cli/parse_cmd.py",
    "cli/payment_cmd.py",
    "cli/run_cmd.py",
    "devices/base.py",  # device events are stamped with monotonic time
    "devices/camera/device.py",
    "devices/printer/driver.py",
    "devices/scale/driver.py",
    "devices/scale/sim.py",
    "payment/nexo/driver.py",
    "payment/sim/terminal.py",
    "store/integrity.py",
    "sync/service.py",
}


def clock_reads(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and (node.func.value.id, node.func.attr) in READS
    ]


def test_only_the_clock_module_reads_the_clock() -> None:
    found = {}
    for path in sorted(KIOSK.rglob("*.py")):
        relative = path.relative_to(KIOSK).as_posix()
        if relative in CLOCK_MODULES or relative.startswith(SERVICES):
            continue
        lines = clock_reads(path)
        if lines:
            found[relative] = lines
    assert set(found) == NOT_YET_MOVED, found
