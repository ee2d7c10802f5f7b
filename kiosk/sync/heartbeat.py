"""Build and send the lane heartbeat: state, device statuses, outbox depth, version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

from kiosk import __version__
from kiosk.store.sync_state import dead_letter_count, pending_count, utc_now
from kiosk.sync.client import HqClient
from kiosk.sync.errors import HqRefused

DevicesProvider = Callable[[], list[dict[str, Any]]]


def heartbeat_body(
    conn: sqlite3.Connection,
    state: str,
    devices: list[dict[str, Any]],
    fleet: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The heartbeat document HQ's ``Heartbeat`` model expects. ``devices`` are dicts with
    name, kind, status and an optional detail; ``fleet``: config_version, config_error
    and errors (kiosk.logs_recent), sent since HQ's fleet pages."""
    return {
        "state": state,
        "app_version": __version__,
        "outbox_depth": pending_count(conn),
        "dead_letters": dead_letter_count(conn),
        "sent_at": utc_now()[:23] + "Z",
        "devices": [
            {k: d[k] for k in ("name", "kind", "status", "detail") if k in d} for d in devices
        ],
        **(fleet or {}),
    }


def send_heartbeat(
    conn: sqlite3.Connection,
    client: HqClient,
    state: str,
    devices: list[dict[str, Any]],
    fleet: Mapping[str, Any] | None = None,
) -> None:
    """Send one heartbeat. If HQ refuses one with ``fleet`` fields (422: an HQ older than
    its fleet pages, or an error text it will not store), send it again without them.

    Raises:
        HqUnreachable / HqRefused: from the client.
    """
    try:
        client.heartbeat(heartbeat_body(conn, state, devices, fleet))
    except HqRefused as refused:
        if not fleet or refused.status != 422:
            raise
        client.heartbeat(heartbeat_body(conn, state, devices))
