"""``kiosk sim dcs``: the airline DCS simulator (docs/dcs-api.md) on a local port.

Serves the sample bookings (``KX7Q2M`` / ``ERIKSSON`` and the others in
docs/dcs-api.md) with flights a few hours from now at ``--airport``, prints its
URL (the lane's DCS base URL) and one line per request, and runs until Ctrl+C.
Faults for demos: ``curl -X POST URL_ROOT/sim/faults -d '{"fail": {"count": 2}}'``.
The logic lives in :mod:`kiosk.backoffice.dcs.sim`.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``kiosk sim dcs``."""
    parser = subparsers.add_parser("dcs", help="simulated airline departure control system")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8790, help="TCP port (0: any free one)")
    parser.add_argument("--airport", default="LIS", help="IATA code of the kiosk's airport")
    parser.add_argument(
        "--api-key", default=None, help="the X-Api-Key the lane must send (default sim-dcs-key)"
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.backoffice.dcs.sim import DEFAULT_API_KEY, DcsSimulator
    from kiosk.cli import UserError

    api_key = args.api_key if args.api_key is not None else DEFAULT_API_KEY
    try:
        sim = DcsSimulator(
            airport=args.airport,
            host=args.host,
            port=args.port,
            api_key=api_key,
            show=lambda line: print(line, flush=True),
        )
    except ValueError as error:
        raise UserError(f"--airport: {error}") from None
    except OSError as error:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {error}") from None
    print(
        f"DCS simulator for {sim.airport} listening on {sim.url} (API key {api_key!r}); "
        "Ctrl+C stops it",
        flush=True,
    )
    sim.serve_until_interrupted()
    print("stopped", flush=True)
    return 0
