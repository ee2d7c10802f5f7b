"""HTML of the staff web pages: plain server-rendered HTML with a little inline CSS.

No scripts, no external assets. Every value from the database or the request goes
through :func:`e` (``html.escape`` with quotes) before it reaches the page; URLs are
built with ``urllib.parse.quote`` and then escaped as well.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from urllib.parse import quote

from kiosk.domain.money import Money, MoneyError
from kiosk.hq.fleet import FleetInfo
from kiosk.hq.web.queries import AuditRow, Device, LaneRow, SaleRow

_OK_STATUSES = frozenset({"ok", "ready", "online", "connected"})
_BAD_STATUSES = frozenset({"offline", "error", "disconnected", "failed", "missing"})

_CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin-bottom:1.5em}
th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.num{text-align:right}
.bad{background:#fdd;color:#900;font-weight:bold}
.warn{background:#ffe8b0}
.silent{background:#eee;color:#900}
.muted{color:#777}
"""


def e(value: object) -> str:
    """``value`` as text safe inside HTML element content and quoted attributes."""
    return html.escape(str(value), quote=True)


def page(title: str, body: str) -> str:
    """A whole HTML document."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>{_CSS}</style></head>"
        f"<body><h1>{e(title)}</h1>\n{body}\n</body></html>\n"
    )


def message_page(title: str, text: str) -> str:
    """A short page for errors (401, 404)."""
    return page(title, f"<p>{e(text)}</p>")


def money(total: int, currency: str) -> str:
    """``total`` minor units as "12.34 EUR" (unknown currency: the raw minor units)."""
    try:
        return str(Money(total, currency))
    except MoneyError:
        return f"{total} {currency} (minor units)"


def age(seconds: float) -> str:
    """A short human age: "42 s", "7 min", "3 h 5 min", "2 d 4 h"."""
    s = max(0, int(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min"
    if s < 86400:
        return f"{s // 3600} h {s % 3600 // 60} min"
    return f"{s // 86400} d {s % 86400 // 3600} h"


def parse_time(text: str | None) -> dt.datetime | None:
    """A stored ISO 8601 UTC time, or None if absent or unreadable."""
    if not text:
        return None
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def lane_href(store_id: str, lane_id: str) -> str:
    return f"/lanes/{quote(store_id, safe='')}/{quote(lane_id, safe='')}"


def overview_page(
    rows: list[LaneRow],
    now: dt.datetime,
    silent_minutes: int,
    config_versions: dict[tuple[str, str], tuple[str, bool]] | None = None,
) -> str:
    """The overview: one table per store, one row per lane. ``config_versions``: (store,
    lane) -> (the config version its heartbeat reported, whether it reported a config
    error) (:func:`kiosk.hq.fleet.config_versions`)."""
    versions = config_versions or {}
    parts = [
        '<p><a href="/kpis">Service measures</a></p>',
        f'<p class="muted">{e(now.strftime("%Y-%m-%d %H:%M:%S"))} UTC; sales of today '
        f"(UTC day), completed only; lanes silent for more than {e(silent_minutes)} min "
        "are marked not reporting. Dead letters are not stored by HQ yet.</p>",
    ]
    if not rows:
        parts.append("<p>No lanes are enrolled.</p>")
    stores: dict[str, list[LaneRow]] = {}
    for row in rows:
        stores.setdefault(row.store_id, []).append(row)
    for store_id, lanes in stores.items():
        parts.append(f"<h2>Store {e(store_id)}</h2>")
        parts.append(
            _table(
                (
                    "Lane",
                    "State",
                    "Last heartbeat (UTC)",
                    "Age",
                    "App version",
                    "Devices",
                    "Outbox",
                    "Dead letters",
                    "Sales today",
                    "Total today",
                    "Config version",
                ),
                (_lane_cells(row, now, silent_minutes, versions) for row in lanes),
            )
        )
    return page("Kiosk HQ: lanes", "\n".join(parts))


def _lane_cells(
    row: LaneRow,
    now: dt.datetime,
    silent_minutes: int,
    versions: dict[tuple[str, str], tuple[str, bool]],
) -> list[str]:
    received = parse_time(row.received_at)
    link = f'<a href="{e(lane_href(row.store_id, row.lane_id))}">{e(row.lane_id)}</a>'
    if received is None:
        state = '<td class="silent">never reported</td>'
        beat = age_cell = "<td>-</td>"
    else:
        seconds = (now - received).total_seconds()
        silent = seconds > silent_minutes * 60
        label = e(row.state or "")
        state = (
            f'<td class="silent">not reporting (last: {label})</td>'
            if silent
            else f"<td>{label}</td>"
        )
        beat = f"<td>{e(row.received_at)}</td>"
        age_cell = f'<td class="{"silent" if silent else ""}">{e(age(seconds))}</td>'
    if row.disabled:
        state = '<td class="muted">disabled</td>'
    counts = "<br>".join(e(c) for _, c, _ in row.sales_today) or "0"
    totals = "<br>".join(e(money(t, cur)) for cur, _, t in row.sales_today) or "-"
    outbox = "-" if row.outbox_depth is None else e(row.outbox_depth)
    return [
        f"<td>{link}</td>",
        state,
        beat,
        age_cell,
        f"<td>{e(row.app_version or '-')}</td>",
        f"<td>{_devices(row.devices)}</td>",
        f'<td class="num">{outbox}</td>',
        '<td class="muted">not stored</td>',
        f'<td class="num">{counts}</td>',
        f'<td class="num">{totals}</td>',
        _config_cell(versions.get((row.store_id, row.lane_id))),
    ]


def _devices(devices: tuple[Device, ...]) -> str:
    if not devices:
        return '<span class="muted">-</span>'
    items = []
    for d in devices:
        status = d.status.lower()
        css = "" if status in _OK_STATUSES else "bad" if status in _BAD_STATUSES else "warn"
        detail = f" ({e(d.detail)})" if d.detail else ""
        items.append(f'<span class="{css}">{e(d.name)}: {e(d.status)}{detail}</span>')
    return "<br>".join(items)


def _config_cell(version: tuple[str, bool] | None) -> str:
    if version is None or not version[0]:
        return '<td class="muted">-</td>'
    code, failed = version
    note = ' <span class="bad">HQ config refused</span>' if failed else ""
    return f"<td><code>{e(code)}</code>{note}</td>"


def lane_page(
    store_id: str,
    lane_id: str,
    sales: list[SaleRow],
    audit_rows: list[AuditRow],
    info: FleetInfo | None = None,
) -> str:
    """One lane: its configuration, last errors, device history, sales and audit records."""
    sale_rows = (
        [
            f"<td>{e(s.completed_at)}</td>",
            f"<td><code>{e(s.transaction_id)}</code></td>",
            f'<td class="num">{e(money(s.total, s.currency))}</td>',
            "<td>" + ("<br>".join(f"{e(b)} {e(p)}" for b, p in s.payments) or "-") + "</td>",
            f'<td class="{"" if s.status == "completed" else "warn"}">{e(s.status)}</td>',
        ]
        for s in sales
    )
    audit = (
        [
            f"<td>{e(a.at)}</td>",
            f"<td>{e(a.staff_id or '-')}</td>",
            f"<td>{e(a.action)}</td>",
            f"<td>{e(a.reason)}</td>",
            f"<td><code>{e(a.details)}</code></td>",
        ]
        for a in audit_rows
    )
    body = [
        '<p><a href="/">All lanes</a></p>',
        *_fleet_sections(info or FleetInfo(None, None, (), ())),
        f"<h2>Last {len(sales)} sales</h2>",
        _table(("Completed (UTC)", "Transaction", "Total", "Payment", "Status"), sale_rows)
        if sales
        else "<p>No sales received.</p>",
        f"<h2>Last {len(audit_rows)} audit records</h2>",
        _table(("At (UTC)", "Staff", "Action", "Reason", "Details"), audit)
        if audit_rows
        else "<p>No audit records received.</p>",
    ]
    return page(f"Kiosk HQ: {store_id} / {lane_id}", "\n".join(body))


def _fleet_sections(info: FleetInfo) -> list[str]:
    """Configuration, last errors and device history of a lane's page."""
    version = info.config_version or "-"
    parts = [f"<p>Config version: <code>{e(version)}</code></p>"]
    if info.config_error:
        parts.append(f'<p class="bad">HQ configuration refused: {e(info.config_error)}</p>')
    parts.append(f"<h2>Last {len(info.errors)} errors</h2>")
    parts.append(
        _table(
            ("At (UTC)", "Logger", "Message"),
            (
                [f"<td>{e(x.at)}</td>", f"<td>{e(x.logger)}</td>", f"<td>{e(x.message)}</td>"]
                for x in info.errors
            ),
        )
        if info.errors
        else "<p>No errors reported.</p>"
    )
    parts.append(f"<h2>Device health history (last {len(info.history)} changes)</h2>")
    rows = (
        [
            f"<td>{e(h.at)}</td>",
            f"<td>{e(h.device)}</td>",
            f"<td>{e(h.kind or '-')}</td>",
            f'<td class="{_status_css(h.status)}">{e(h.status)}</td>',
            f"<td>{e(h.detail or '-')}</td>",
        ]
        for h in info.history
    )
    parts.append(
        _table(("Since (UTC)", "Device", "Kind", "Status", "Detail"), rows)
        if info.history
        else "<p>No device status reported.</p>"
    )
    return parts


def _status_css(status: str) -> str:
    lower = status.lower()
    return "" if lower in _OK_STATUSES else "bad" if lower in _BAD_STATUSES else "warn"


def _table(headers: tuple[str, ...], rows: Iterable[list[str]]) -> str:
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "\n".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"
