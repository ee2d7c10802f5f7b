"""``kiosk sim docreader``: a virtual MRZ document reader on a real pseudo-terminal.

Prints the port to configure (``type = "docreader"``, ``driver = "serial"``,
``port = "..."``), then presents the sample documents named on stdin
(``anna``, ``lars``, ``anna_expired``, ``stranger``, ``kenji``, ``td1_card``,
``garbled``; also ``remove``, ``list``, ``raw HEX``, ``unplug``, ``replug``,
``quit``). With ``--control PATH`` it also takes the same commands on a Unix
socket, so a demo can present a document without a terminal:
``kiosk sim docreader --control PATH --send anna`` sends one and prints the
reply. The logic lives in :mod:`kiosk.devices.docreader.sim`.
"""

from __future__ import annotations

import argparse
import sys
import threading


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("docreader", help="virtual MRZ document reader on a pty")
    parser.add_argument(
        "--link",
        default="",
        help="also keep this symlink to the pty (a stable path that survives unplug/replug)",
    )
    parser.add_argument("--framing", choices=("stx", "lines"), default="stx")
    parser.add_argument("--checksum", choices=("none", "lrc"), default="none")
    parser.add_argument("--line-end", choices=("CR", "LF", "CRLF"), default="CR")
    parser.add_argument("--control", default="", help="also take commands on this Unix socket")
    parser.add_argument(
        "--send",
        default="",
        metavar="COMMAND",
        help="send COMMAND to the simulator listening on --control, print its reply, exit",
    )
    parser.add_argument(
        "--exit",
        action="store_true",
        help="exit when stdin ends (default: keep the port open until Ctrl-C or 'quit')",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError

    if args.send:
        return _send(args, UserError)
    from kiosk.devices.docreader.sim import LINE_ENDS, ControlServer, DocReaderSimulator
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.sim.pty import VirtualPort

    port = VirtualPort(args.link or None, name="sim-docreader")
    control = None
    try:
        print(f"docreader port: {port.plug()}", flush=True)
        sim = DocReaderSimulator(port, args.framing, args.checksum, LINE_ENDS[args.line_end])
        if args.control:
            control = ControlServer(sim, args.control)
            control.start()
            print(f"control socket: {args.control}", flush=True)
        print(f"type a document name or a command ({sim.command('help')})", flush=True)
        for line in sys.stdin:
            if line.strip() == "quit":
                return 0
            reply = sim.command(line)
            if reply:
                print(reply, flush=True)
        if not args.exit:
            print("stdin closed; the reader stays on until Ctrl-C", flush=True)
            threading.Event().wait()
    except (DeviceError, OSError, ValueError) as error:
        raise UserError(f"document reader simulator: {error}") from error
    finally:
        if control is not None:
            control.stop()
        port.unplug()
    return 0


def _send(args: argparse.Namespace, user_error: type[Exception]) -> int:
    from kiosk.devices.docreader.sim import send_command

    if not args.control:
        raise user_error("--send needs --control PATH (the simulator's control socket)")
    try:
        reply = send_command(args.control, args.send)
    except OSError as error:
        raise user_error(f"no document reader simulator at {args.control}: {error}") from error
    print(reply, flush=True)
    return 1 if reply.startswith("error:") else 0
