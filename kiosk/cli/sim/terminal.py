"""``kiosk sim terminal``: a simulated card terminal (Adyen local Terminal API) on a port.

The console shows each "card" interaction. Scenarios for the next payments can be
queued with ``--queue decline,pin`` at start or, while it runs, by
``POST /sim/scenario {"scenario": "decline", "count": 1}``.
"""

from __future__ import annotations

import argparse

SCENARIOS = ("approve", "decline", "cancel", "pin", "hang", "late", "slow", "drop", "partial")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``kiosk sim terminal``."""
    parser = subparsers.add_parser("terminal", help="simulated card terminal (nexo / Adyen)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8443)
    parser.add_argument("--poi-id", default="SIM-0001", help="the terminal's POIID")
    parser.add_argument(
        "--ledger",
        default="terminal-sim-ledger.jsonl",
        help="file keeping what the terminal did (survives restarts)",
    )
    parser.add_argument(
        "--scenario",
        choices=SCENARIOS,
        default="approve",
        help="what happens to payments by default",
    )
    parser.add_argument("--queue", default="", help="comma-separated scenarios to use first")
    parser.add_argument("--pin-delay", type=float, default=2.0, help="seconds of PIN entry")
    parser.add_argument(
        "--late-delay", type=float, default=20.0, help="seconds before a 'late' answer"
    )
    parser.add_argument("--key-id", default="", help="shared key identifier (empty: plain)")
    parser.add_argument("--key-version", type=int, default=1)
    parser.add_argument("--key-passphrase", default="", help="shared key passphrase")
    parser.add_argument("--cert", default="", help="TLS certificate (PEM): serve HTTPS")
    parser.add_argument("--cert-key", default="", help="TLS private key (PEM)")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.cli import UserError
    from kiosk.payment.nexo.crypto import SharedKey
    from kiosk.payment.sim.ledger import Ledger
    from kiosk.payment.sim.server import TerminalServer
    from kiosk.payment.sim.terminal import Scenario, SimulatedTerminal

    key = SharedKey(args.key_id, args.key_version, args.key_passphrase) if args.key_id else None
    try:
        queued = [Scenario(s) for s in args.queue.split(",") if s]
    except ValueError as error:
        raise UserError(f"--queue: {error}; expected some of {', '.join(SCENARIOS)}") from None
    terminal = SimulatedTerminal(
        Ledger(Path(args.ledger)),
        poi_id=args.poi_id,
        key=key,
        default=Scenario(args.scenario),
        pin_delay=args.pin_delay,
        late_delay=args.late_delay,
        show=lambda s: print(s, flush=True),
    )
    terminal.queue(*queued)
    try:
        server = TerminalServer(
            terminal,
            args.host,
            args.port,
            certfile=Path(args.cert) if args.cert else None,
            keyfile=Path(args.cert_key) if args.cert_key else None,
        )
    except OSError as error:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {error}") from None
    print(f"terminal {args.poi_id} listening on {server.url} (ledger {args.ledger})", flush=True)
    try:
        server.serve_forever()
    finally:
        terminal.stop()
    return 0
