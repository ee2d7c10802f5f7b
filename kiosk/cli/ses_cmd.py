"""``kiosk ses-status``: the traveller reports to Spain's SES.HOSPEDAJES kept at this lane.

One line per report, newest first: the visit, the booking's reference, its state
(``queued``: waiting to be sent, or tried again after a network failure; ``sent``
with the lote the Ministry filed it under; ``failed`` with the reason: the front
desk reports those guests by hand), attempts and the last error. ``--state``
shows one state only. Read-only: a running lane goes on sending. The database is
``--db PATH``, else the ``[store] path`` of ``--config`` / ``$KIOSK_CONFIG``,
else ``var/lane.sqlite3``. Exit status 1 when any report failed (for monitoring).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.catalog_cmd import DEFAULT_DB, _config, _db_path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "ses-status", help="list the traveller reports to SES.HOSPEDAJES (queued, sent, failed)"
    )
    parser.add_argument(
        "--db", help=f"the lane database (default: from the config, else {DEFAULT_DB})"
    )
    parser.add_argument("--config", help="the lane's TOML config (default: $KIOSK_CONFIG)")
    parser.add_argument("--state", choices=("queued", "sent", "failed"), help="only this state")
    parser.add_argument("--limit", type=int, default=100, help="at most this many (newest first)")
    parser.set_defaults(func=_status)


def _status(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.store.db import connect
    from kiosk.store.police_reports import list_reports

    path = _db_path(args, _config(args))
    if not Path(path).is_file():
        raise UserError(f"{path}: no such lane database")
    conn = connect(path, migrate=False)
    try:
        rows = list_reports(conn, args.state, args.limit)
    finally:
        conn.close()
    if not rows:
        print("no traveller reports")
        return 0
    for r in rows:
        outcome = f"lote {r.lote}" if r.state == "sent" else r.error or "-"
        print(
            f"{r.created_at[:19]}  {r.report_id:<24} {r.reference:<12} {r.state:<7} "
            f"tries {r.attempts}  {outcome}"
        )
    counts = {s: sum(1 for r in rows if r.state == s) for s in ("queued", "sent", "failed")}
    print(", ".join(f"{n} {s}" for s, n in counts.items()))
    return 1 if counts["failed"] else 0
