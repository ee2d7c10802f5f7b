"""``kiosk station serve``: the store's attendant station (see :mod:`kiosk.station`).

Its files live in ``--dir`` (``station.sqlite3``: alerts, commands, audit;
``staff.sqlite3``: the accounts, managed with ``kiosk staff ... --db DIR/staff.sqlite3``).
Lanes authenticate with the station key: ``--key`` or ``$KIOSK_STATION_KEY`` (at least
20 characters; the same value in each lane's ``[station] key``).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("station", help="the store's attendant station (web page)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    serve = actions.add_parser("serve", help="serve the station on the store network")
    serve.add_argument("--dir", type=Path, default=Path("var/station"), help="its files")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on")
    serve.add_argument("--port", type=int, default=8090)
    serve.add_argument("--key", help="the lanes' station key (default: $KIOSK_STATION_KEY)")
    serve.add_argument(
        "--escalate-after",
        type=float,
        default=60.0,
        help="seconds before every attendant is alerted again",
    )
    serve.add_argument(
        "--supervisor-after",
        type=float,
        default=180.0,
        help="seconds before supervisors are alerted",
    )
    serve.add_argument(
        "--offline-after",
        type=float,
        default=20.0,
        help="seconds without a report before a lane shows as offline",
    )
    serve.set_defaults(func=_serve)


def _serve(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.station.server import serve

    key = args.key or os.environ.get("KIOSK_STATION_KEY", "")
    if len(key) < 20:
        raise UserError(
            "the station key must be at least 20 characters (--key or $KIOSK_STATION_KEY)"
        )
    serve(
        args.dir,
        args.host,
        args.port,
        key=key,
        escalate_after_s=args.escalate_after,
        supervisor_after_s=args.supervisor_after,
        offline_after_s=args.offline_after,
    )
    return 0
