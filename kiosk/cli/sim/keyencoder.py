"""``kiosk sim keyencoder`` (alias ``kiosk sim encoder``): a virtual Salto server with a key
encoder (PMS Industry Standard).

``--port N`` listens on TCP 127.0.0.1:N (``type = "keyencoder"``, ``driver = "tcp"``,
``port = "127.0.0.1:N"``; 0 picks a free port); ``--link PATH`` answers on a pty
as well, with PATH a stable symlink to it (``driver = "serial"``). With neither,
it listens on TCP 8090, Salto's usual PMS port. Operator commands (``nocard``,
``card``, ``remove [after N]``, ``error CODE``, ``nak``, ``silent``, ``answer``, ``noise``,
``present N``, ``blank``, ``keys``, ``status``, ``quit``) come from stdin and, with
``--control PATH``, from a Unix socket; ``--control PATH --send COMMAND`` sends
one to a running simulator and prints the reply. The logic lives in
:mod:`kiosk.devices.keyencoder.sim` and :mod:`kiosk.devices.keyencoder.serve`.
"""

from __future__ import annotations

import argparse
import sys
import threading


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "keyencoder",
        aliases=["encoder"],  # the name issue 13 gives it; both work
        help="virtual Salto server and key card encoder (TCP and/or pty)",
    )
    parser.add_argument("--port", type=int, default=None, help="TCP port on 127.0.0.1 (0: any)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--link", default="", help="also answer on a pty, symlinked here")
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
        help="exit when stdin ends (default: keep serving until Ctrl-C or 'quit')",
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError

    if args.send:
        return _send(args, UserError)
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.keyencoder.serve import ControlServer, TcpServer, serve_pty
    from kiosk.devices.keyencoder.sim import HELP, SaltoSimulator
    from kiosk.devices.sim.pty import VirtualPort
    from kiosk.threads import start_thread

    sim = SaltoSimulator()
    stop = threading.Event()
    server: TcpServer | None = None
    port: VirtualPort | None = None
    control: ControlServer | None = None
    try:
        if args.port is not None or not args.link:
            server = TcpServer(sim, args.host, 8090 if args.port is None else args.port)
            server.start()
            print(f"keyencoder tcp: {server.address}", flush=True)
        if args.link:
            port = VirtualPort(args.link, name="sim-keyencoder")
            print(f"keyencoder port: {port.plug()}", flush=True)
            pty = port
            start_thread("sim-keyencoder-pty", lambda: serve_pty(sim, pty, stop))
        if args.control:
            control = ControlServer(sim, args.control)
            control.start()
            print(f"control socket: {args.control}", flush=True)
        print(f"type a command ({HELP} | quit)", flush=True)
        for line in sys.stdin:
            if line.strip() == "quit":
                return 0
            reply = sim.command(line)
            if reply:
                print(reply, flush=True)
        if not args.exit:
            print("stdin closed; the simulator keeps serving until Ctrl-C", flush=True)
            threading.Event().wait()
    except (DeviceError, OSError) as error:
        raise UserError(f"key encoder simulator: {error}") from error
    finally:
        stop.set()
        if control is not None:
            control.stop()
        if server is not None:
            server.stop()
        if port is not None:
            port.unplug()
    return 0


def _send(args: argparse.Namespace, user_error: type[Exception]) -> int:
    from kiosk.devices.keyencoder.serve import send_command

    if not args.control:
        raise user_error("--send needs --control PATH (the simulator's control socket)")
    try:
        reply = send_command(args.control, args.send)
    except OSError as error:
        raise user_error(f"no key encoder simulator at {args.control}: {error}") from error
    print(reply, flush=True)
    return 1 if reply.startswith("error:") else 0
