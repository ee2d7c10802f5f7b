"""Threads are started in one place, kiosk/threads.py (STYLE.md): no other module of the
package constructs a ``threading.Thread`` or ``threading.Timer`` itself. Checked on the
syntax tree."""

from __future__ import annotations

import ast
from pathlib import Path

KIOSK = Path(__file__).resolve().parents[1] / "kiosk"


def thread_constructions(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"Thread", "Timer"}
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "threading"
    ]


def test_only_kiosk_threads_starts_threads() -> None:
    found = {}
    for path in sorted(KIOSK.rglob("*.py")):
        relative = path.relative_to(KIOSK).as_posix()
        if relative == "threads.py":
            continue
        lines = thread_constructions(path)
        if lines:
            found[relative] = lines
    assert found == {}
