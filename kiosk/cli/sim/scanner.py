"""``kiosk sim scanner``: a virtual serial barcode scanner on a real pseudo-terminal.

Prints the port to configure (``port = "..."`` with ``driver = "serial"``),
then sends codes typed on stdin (one per line; also ``unplug``, ``replug``,
``raw HEX``, ``sleep S``), or plays ``--file SCRIPT`` / ``--demo``.
"""

from __future__ import annotations

import argparse
import sys
import threading

TERMINATORS = ("CR", "LF", "CRLF", "TAB", "ETX")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("scanner", help="virtual serial barcode scanner on a pty")
    parser.add_argument(
        "--link",
        default="",
        help="also make this symlink to the pty (a stable path that survives unplug/replug)",
    )
    parser.add_argument("--terminator", choices=TERMINATORS, default="CR")
    parser.add_argument("--prefix", default="", help="text sent before each code")
    parser.add_argument(
        "--no-aim",
        action="store_true",
        help="strip AIM identifiers (]E0...) instead of sending them",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--file", help="script: one code per line, 'sleep S', 'raw HEX', '#'")
    source.add_argument("--demo", action="store_true", help="play the built-in demo basket")
    parser.add_argument(
        "--exit",
        action="store_true",
        help="exit when the script or stdin ends (default: keep the port open until Ctrl-C)",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.scanner.protocol import TERMINATORS as BYTES
    from kiosk.devices.sim.pty import VirtualPort
    from kiosk.devices.sim.scanner import ScannerSimulator, load_script, run_line

    port = VirtualPort(args.link or None, name="sim-scanner")
    try:
        print(f"scanner port: {port.plug()}", flush=True)
        sim = ScannerSimulator(
            port, BYTES[args.terminator], args.prefix.encode("latin-1"), aim=not args.no_aim
        )
        if args.file or args.demo:
            sent = sim.play(load_script(args.file), echo=lambda c: print(f"sent {c}", flush=True))
            print(f"{sent} codes sent", flush=True)
            if sys.stdin.isatty() and not args.exit:
                _read_commands(sim, run_line)
        else:
            print("type a code per line (or unplug / replug / raw HEX)", flush=True)
            _read_commands(sim, run_line)
        if not args.exit:
            print("port stays open; Ctrl-C ends", flush=True)
            threading.Event().wait()
    except (DeviceError, OSError, ValueError) as error:
        raise UserError(str(error)) from error
    finally:
        port.unplug()
    return 0


def _read_commands(sim: object, run_line: object) -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            report = run_line(sim, line)  # type: ignore[operator]
        except ValueError as error:
            report = f"ignored: {error}"
        if report:
            print(report, flush=True)
