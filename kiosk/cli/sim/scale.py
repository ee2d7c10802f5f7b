"""``kiosk sim scale``: a virtual retail scale on a pseudo-terminal.

Speaks ``--protocol toledo|nci|cas``; set the load with ``weight GRAMS``,
``motion on|off``, ``zero``, ``capacity GRAMS`` on stdin. Configure the lane
with ``driver = "<protocol>"``, the printed port and ``bytesize = 8``,
``parity = "N"`` (pseudo-terminals do not take 7E1). The logic lives in
:mod:`kiosk.devices.scale.sim`.
"""

from __future__ import annotations

import argparse
import sys
import threading


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("scale", help="virtual scale (Toledo, NCI, CAS) on a pty")
    parser.add_argument("--protocol", choices=("toledo", "nci", "cas"), default="toledo")
    parser.add_argument(
        "--unit",
        choices=("kg", "g", "lb"),
        default="kg",
        help="unit the scale reports (Toledo/NCI)",
    )
    parser.add_argument("--capacity", type=int, default=15000, help="capacity in grams")
    parser.add_argument("--link", default="", help="also keep this symlink to the pty")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.scale.sim import HELP, ScaleSimulator, serve_pty
    from kiosk.devices.scale.weight import WeightUnit
    from kiosk.devices.sim.pty import VirtualPort
    from kiosk.devices.worker import start_thread

    sim = ScaleSimulator(args.protocol, WeightUnit(args.unit), args.capacity)
    port = VirtualPort(args.link or None, name="sim-scale")
    stop = threading.Event()
    try:
        print(
            f'scale port: {port.plug()}  (driver = "{args.protocol}", options '
            f'bytesize = 8, parity = "N")',
            flush=True,
        )
        start_thread("sim-scale", lambda: serve_pty(sim, port, stop))
        print(HELP, flush=True)
        for line in sys.stdin:
            print(sim.command(line), flush=True)
        print("stdin closed; scale stays on until Ctrl-C", flush=True)
        threading.Event().wait()
    except (DeviceError, OSError, ValueError) as error:
        raise UserError(f"scale simulator: {error}") from error
    finally:
        stop.set()
        port.unplug()
    return 0
