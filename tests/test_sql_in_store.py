"""SQL lives in kiosk/store (the lane) and kiosk/hq (the HQ service's own database layer):
no other package runs a statement on a database connection (DESIGN.md, "one owner per
concern"). Checked on the syntax tree: any ``.execute``/``.executemany``/``.executescript``
call outside those packages is a finding."""

from __future__ import annotations

import ast
from pathlib import Path

KIOSK = Path(__file__).resolve().parents[1] / "kiosk"
OWNERS = ("store", "hq", "station")  # the station service keeps its own file
SQL_CALLS = {"execute", "executemany", "executescript"}


def sql_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SQL_CALLS
    ]


def test_sql_only_in_the_store_and_hq() -> None:
    found = {}
    for path in sorted(KIOSK.rglob("*.py")):
        relative = path.relative_to(KIOSK).as_posix()
        if relative.split("/")[0] in OWNERS:
            continue
        lines = sql_calls(path)
        if lines:
            found[relative] = lines
    assert found == {}
