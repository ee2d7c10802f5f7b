"""``kiosk sim ses``: a simulated SES.HOSPEDAJES web service (Spain's traveller reports).

Serves the SOAP ``comunicacion`` endpoint on 127.0.0.1 (default port 8795): checks
the Basic user and password and the landlord code (printed on the first line, for
the lane's ``[hotel] ses_*`` keys), validates each parte de viajeros against the
kiosk's XSD and answers a lote, or a refusal naming what is wrong. Faults for the
next calls: ``--fail down,refuse`` at start, or while it runs
``POST /sim/fault {"kind": "refuse", "count": 1}`` (kinds: down, refuse, garbage,
bad_answer, drop).
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``kiosk sim ses``."""
    parser = subparsers.add_parser("ses", help="simulated SES.HOSPEDAJES (Spain's guest reports)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8795, help="port (0 picks a free one)")
    parser.add_argument("--fail", default="", help="comma-separated faults for the first calls")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.backoffice.ses.sim import LANDLORD, PASSWORD, USER, SesSimulator
    from kiosk.backoffice.ses.sim.server import FAULT_KINDS, Fault
    from kiosk.cli import UserError

    faults = [f.strip() for f in args.fail.split(",") if f.strip()]
    for fault in faults:
        if fault not in FAULT_KINDS:
            raise UserError(f"--fail: {fault!r} is not one of {', '.join(FAULT_KINDS)}")
    try:
        sim = SesSimulator(args.host, args.port)
    except OSError as error:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {error}") from None
    for fault in faults:
        sim.faults.add(Fault(fault))
    print(
        f"ses listening on {sim.url} (user {USER}, password {PASSWORD}, "
        f"codigoArrendador {LANDLORD})",
        flush=True,
    )
    sim.serve_until_interrupted()
    return 0
