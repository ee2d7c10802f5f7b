"""``kiosk sim aea``: a virtual common-use boarding pass (ATB) or bag tag (BTP) printer.

Runs on a pseudo-terminal (``--link`` keeps a stable symlink to it, the port a
lane's ``atb_printer``/``btp_printer`` device opens with ``driver = "serial"``),
keeps the pectabs it is sent, answers status queries and writes every printed
document to ``--out`` as PNG. Console commands on stdin (and lines written to
``--control FILE``) run out of paper, jam and recover. The logic lives in
:mod:`kiosk.devices.aea.sim`.
"""

from __future__ import annotations

import argparse
import sys
import threading


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "aea", help="virtual boarding pass / bag tag printer (AEA strings on a pty)"
    )
    parser.add_argument("--kind", choices=("atb", "btp"), default="atb", help="ATB or BTP")
    parser.add_argument("--link", default="", help="keep this symlink to the pty")
    parser.add_argument("--out", default="documents", help="folder for the printed PNGs")
    parser.add_argument(
        "--control", default="", help="also apply console commands written to this file"
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.cli import UserError
    from kiosk.devices.aea.sim import HELP, AeaSimulator, serve_pty, watch_control_file
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.sim.pty import VirtualPort
    from kiosk.threads import start_thread

    def printed(path: Path | None, _png: bytes) -> None:
        print(f"printed {path or 'a document'}", flush=True)

    sim = AeaSimulator(args.kind, args.out, on_document=printed)
    stop = threading.Event()
    port = VirtualPort(args.link or None, name=f"sim-{args.kind}")
    try:
        device_type = "atb_printer" if args.kind == "atb" else "btp_printer"
        print(
            f'{args.kind} printer port: {port.plug()}  (type = "{device_type}", driver = "serial")',
            flush=True,
        )
        start_thread(f"sim-{args.kind}", lambda: serve_pty(sim, port, stop))
        if args.control:
            control = Path(args.control)
            control.touch()
            start_thread(f"sim-{args.kind}-control", lambda: watch_control_file(sim, control, stop))
        print(HELP, flush=True)
        for line in sys.stdin:
            print(sim.command(line), flush=True)
        print("stdin closed; still printing until Ctrl-C", flush=True)
        threading.Event().wait()
    except (DeviceError, OSError, ValueError) as error:
        raise UserError(f"{args.kind} printer simulator: {error}") from error
    finally:
        stop.set()
        port.unplug()
    return 0
