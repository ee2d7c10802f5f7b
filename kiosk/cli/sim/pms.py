"""``kiosk sim pms``: a simulated hotel PMS speaking the Mews Connector API on a port.

Serves the sample stays of :mod:`kiosk.backoffice.pms.sim.data` (arriving today,
a family, a room not ready, a stay already paid, a deposit, a departure) with the
simulator's tokens, which the first line printed names for the lane's config.
Faults for the next calls can be queued with ``--fail 503,429`` at start or, while
it runs, by ``POST /sim/fault {"kind": "status", "status": 503, "count": 1}``.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``kiosk sim pms``."""
    parser = subparsers.add_parser("pms", help="simulated hotel PMS (Mews Connector API)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8791, help="port (0 picks a free one)")
    parser.add_argument("--client-token", default="", help="ClientToken to accept")
    parser.add_argument("--access-token", default="", help="AccessToken to accept")
    parser.add_argument(
        "--fail", default="", help="comma-separated HTTP statuses for the first calls"
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.backoffice.pms.sim import ACCESS_TOKEN, CLIENT_TOKEN, MewsSimulator
    from kiosk.cli import UserError

    try:
        statuses = [int(s) for s in args.fail.split(",") if s.strip()]
    except ValueError:
        raise UserError(f"--fail: {args.fail!r} is not a list of HTTP statuses") from None
    client_token = args.client_token or CLIENT_TOKEN
    access_token = args.access_token or ACCESS_TOKEN
    try:
        sim = MewsSimulator(
            args.host, args.port, client_token=client_token, access_token=access_token
        )
    except OSError as error:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {error}") from None
    for status in statuses:
        sim.fail_next(1, status)
    print(
        f"pms listening on {sim.url} (Mews Connector API; ClientToken {client_token}, "
        f"AccessToken {access_token})",
        flush=True,
    )
    stays = sorted(sim.hotel.reservations.values(), key=lambda r: r["Number"])
    for reservation in stays:
        owner = sim.hotel.customers[reservation["AccountId"]]
        print(
            f"  {reservation['Number']}  {owner['LastName']:<14} {reservation['State']:<10} "
            f"{reservation['ScheduledStartUtc'][:10]} -> {reservation['ScheduledEndUtc'][:10]}",
            flush=True,
        )
    sim.serve_until_interrupted()
    return 0
