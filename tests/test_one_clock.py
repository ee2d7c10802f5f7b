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
#: Still to move: files that read the clock themselves. The test fails when one is
#: cleaned up, so the list only shrinks.
NOT_YET_MOVED: set[str] = set()


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
