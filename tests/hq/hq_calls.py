"""HTTP calls and database peeks shared by the tests of HQ's input rules (items 6-8 and
10 of issue 9): post a body as a lane would, count rows, read every stored text."""

from __future__ import annotations

import copy
import json
import random
import re
from typing import Any

import httpx
import sqlalchemy as sa
from hq_fixtures import LANE, STORE

from kiosk.hq.samples import make_sale
from kiosk.hq.server import ServerThread

SALES = "/api/v1/sales/batch"
AUDIT = "/api/v1/audit/batch"
HEARTBEAT = "/api/v1/lanes/heartbeat"
STORED_TABLES = ("sale", "sale_line", "lane_audit", "lane_status")


def post(server: ServerThread, token: str, path: str, body: Any) -> httpx.Response:
    """POST ``body`` as JSON (ASCII escapes, so lone surrogates and NULs travel intact)."""
    return httpx.post(
        f"{server.url}{path}",
        content=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        timeout=30,
    )


def count(engine: sa.Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


def stored_rows(engine: sa.Engine) -> int:
    """Rows in every table a lane's upload can write."""
    return sum(count(engine, table) for table in STORED_TABLES)


def stored_values(engine: sa.Engine) -> list[str]:
    """Every value of every table a lane's upload can write, as text."""
    values = []
    with engine.connect() as conn:
        for table in STORED_TABLES:
            for row in conn.execute(sa.text(f"SELECT * FROM {table}")):
                values.extend(str(value) for value in row)
    return values


def digits_stored(engine: sa.Engine, digits: str) -> bool:
    """True if some stored value holds ``digits`` once everything but digits is removed
    (so however the number was spelled, in JSON or in a column)."""
    return any(digits in re.sub(r"[^0-9]", "", value) for value in stored_values(engine))


def sale(seed: int = 1, **changes: Any) -> dict[str, Any]:
    """A valid sale document (kiosk.hq.samples) with top-level ``changes``."""
    document = make_sale(STORE, LANE, random.Random(seed))
    document.update(changes)
    return document


def audit_record(n: int = 1, **changes: Any) -> dict[str, Any]:
    """A valid lane audit record (kiosk.store.audit.audit_document's shape)."""
    record = {
        "schema": 1,
        "kind": "audit",
        "transaction_id": f"0b9f6c1e-2d4a-4c8e-9f10-{n:012d}",
        "store_id": STORE,
        "lane_id": LANE,
        "at": "2026-11-22T10:00:00.000000Z",
        "staff_id": "s-17",
        "action": "suspend_basket",
        "reason": "shopper went to fetch a wallet",
        "details": {"basket_id": "7f1d2c3b-4a5e-4f60-8a71-92b3c4d5e6f7", "lines": 3},
    }
    record.update(changes)
    return record


def heartbeat(**changes: Any) -> dict[str, Any]:
    beat = {
        "state": "selling",
        "app_version": "1.2.3",
        "outbox_depth": 0,
        "dead_letters": 0,
        "sent_at": "2026-11-22T10:00:00.123Z",
        "devices": [{"name": "printer", "kind": "printer", "status": "ok", "detail": "ready"}],
    }
    beat.update(changes)
    return beat


def set_path(document: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """A deep copy of ``document`` with the value at ``path`` replaced."""
    changed = copy.deepcopy(document)
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed
