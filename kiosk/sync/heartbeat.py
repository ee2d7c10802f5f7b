"""Build and send the lane heartbeat: state, device statuses, outbox depth, version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from kiosk import __version__
from kiosk.store.sync_state import dead_letter_count, pending_count, utc_now
from kiosk.sync.client import HqClient

DevicesProvider = Callable[[], list[dict[str, Any]]]


def heartbeat_body(
    conn: sqlite3.Connection, state: str, devices: list[dict[str, Any]]
) -> dict[str, Any]:
    """The heartbeat document HQ's ``Heartbeat`` model expects. ``devices`` are dicts with
    name, kind, status and an optional detail."""
    return {
        "state": state,
        "app_version": __version__,
        "outbox_depth": pending_count(conn),
        "dead_letters": dead_letter_count(conn),
        "sent_at": utc_now()[:23] + "Z",
        "devices": [
            {k: d[k] for k in ("name", "kind", "status", "detail") if k in d} for d in devices
        ],
    }


def send_heartbeat(
    conn: sqlite3.Connection, client: HqClient, state: str, devices: list[dict[str, Any]]
) -> None:
    """Send one heartbeat.

    Raises:
        HqUnreachable / HqRefused: from the client.
    """
    client.heartbeat(heartbeat_body(conn, state, devices))
