"""``kiosk sim printer``: a virtual ESC/POS receipt printer on a TCP port or a pty.

Accepts ESC/POS bytes, answers DLE EOT status queries, and writes each cut
receipt to ``--out/receipt-NNNN.png``. Console commands on stdin switch the
paper (``paper ok|low|out``), the cover (``cover open|close``) and errors.
The logic lives in :mod:`kiosk.devices.printer.sim`.
"""

from __future__ import annotations

import argparse
import sys
import threading


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("printer", help="virtual ESC/POS printer (TCP 9100 or pty)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--tcp",
        default="127.0.0.1:9100",
        metavar="HOST:PORT",
        help="listen here (default 127.0.0.1:9100; port 0 picks a free one)",
    )
    where.add_argument("--pty", action="store_true", help="use a pseudo-terminal instead")
    parser.add_argument("--link", default="", help="with --pty: also keep this symlink to it")
    parser.add_argument("--out", default="receipts", help="folder for the receipt PNGs")
    parser.add_argument("--columns", type=int, default=42, help="characters per line (42/48)")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    import socket

    from kiosk.cli import UserError
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.printer.sim import HELP, PrinterSimulator, serve_pty
    from kiosk.devices.sim.pty import VirtualPort
    from kiosk.devices.sim.tcp import serve_tcp
    from kiosk.devices.worker import start_thread

    sim = PrinterSimulator(
        args.columns,
        args.out,
        on_receipt=lambda _: print(
            f"receipt {len(sim.receipts)} printed to {args.out}", flush=True
        ),
    )
    stop = threading.Event()
    port = VirtualPort(args.link or None, name="sim-printer") if args.pty else None
    listener: socket.socket | None = None
    try:
        if port is not None:
            print(f'printer port: {port.plug()}  (driver = "serial")', flush=True)
            start_thread("sim-printer", lambda: serve_pty(sim, port, stop))
        else:
            host, _, number = args.tcp.rpartition(":")
            listener = socket.create_server((host or "127.0.0.1", int(number)))
            bound = listener.getsockname()
            print(f'printer listening on {bound[0]}:{bound[1]}  (driver = "network")', flush=True)
            start_thread("sim-printer", lambda: serve_tcp(sim, listener, stop))
        print(HELP, flush=True)
        for line in sys.stdin:
            print(sim.command(line), flush=True)
        print("stdin closed; still printing until Ctrl-C", flush=True)
        threading.Event().wait()
    except (DeviceError, OSError, ValueError) as error:
        raise UserError(f"printer simulator: {error}") from error
    finally:
        stop.set()
        if listener is not None:
            listener.close()
        if port is not None:
            port.unplug()
    return 0
