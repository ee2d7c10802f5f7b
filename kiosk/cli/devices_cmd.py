"""``kiosk devices list|check|watch``: the installer's view of the lane's devices.

``list`` shows what the config declares; ``check`` claims each enabled device,
waits for it to connect and prints its status (exit 1 if a required device
is not usable); ``watch`` enables them and prints every event until Ctrl-C.
The config comes from ``--config`` or ``$KIOSK_CONFIG``.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from typing import Any

from kiosk import clock as kiosk_clock


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("devices", help="list, check and watch the lane's devices")
    parser.add_argument("--config", help="lane config file (default: $KIOSK_CONFIG)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="the configured devices").set_defaults(func=_list)
    check = actions.add_parser("check", help="connect to each device and show its status")
    check.add_argument(
        "--timeout", type=float, default=3.0, help="seconds to wait for each device to connect"
    )
    check.set_defaults(func=_check)
    watch = actions.add_parser("watch", help="print live device events until Ctrl-C")
    watch.add_argument("names", nargs="*", help="only these devices")
    watch.add_argument("--seconds", type=float, default=0.0, help="stop after this long")
    watch.set_defaults(func=_watch)


def _configs(args: argparse.Namespace) -> list[Any]:
    from kiosk.config import load_config

    return [d for d in load_config(args.config).devices if d.enabled]


def _list(args: argparse.Namespace) -> int:
    from kiosk.config import load_config

    devices = load_config(args.config).devices
    if not devices:
        print("no devices configured")
    for d in devices:
        flags = ("" if d.enabled else " [disabled]") + ("" if d.required else " [optional]")
        options = ", ".join(f"{k}={v!r}" for k, v in sorted(d.options.items()))
        print(
            f"{d.name:<12} {d.type:<8} {d.driver:<8} {d.port or '-'}{flags}"
            + (f"  ({options})" if options else "")
        )
    return 0


def _check(args: argparse.Namespace) -> int:
    from kiosk.devices.registry import build_device

    failed = 0
    for config in _configs(args):
        device = _guarded(build_device, config)
        try:
            _guarded(device.open)
            _guarded(device.claim)
            deadline = kiosk_clock.monotonic() + args.timeout
            while not device.status.usable and kiosk_clock.monotonic() < deadline:
                time.sleep(0.05)  # a CLI poll, not a test: the device connects on its own thread
            status = device.check()
        finally:
            device.shutdown()
        ok = status.usable
        failed += (not ok) and config.required
        print(f"{config.name:<12} {'OK  ' if ok else 'FAIL'} {status}")
    return 1 if failed else 0


def _watch(args: argparse.Namespace) -> int:
    from kiosk.devices.registry import build_device

    configs = [c for c in _configs(args) if not args.names or c.name in args.names]
    devices = [_guarded(build_device, c) for c in configs]
    done = threading.Event()
    for device in devices:
        device.add_listener(_print_event)
        _guarded(device.start)
    try:
        done.wait(args.seconds or None)
    except KeyboardInterrupt:
        pass
    finally:
        for device in devices:
            device.shutdown()
    return 0


def _print_event(event: Any) -> None:
    from kiosk.devices.status import DataEvent, ErrorEvent

    stamp = time.strftime("%H:%M:%S")
    if isinstance(event, DataEvent):
        text = f"data   {event.data!r}"
    elif isinstance(event, ErrorEvent):
        text = f"error  {event.error.message}" + (f" raw={event.raw!r}" if event.raw else "")
    else:
        text = f"status {event.status}"
    print(f"{stamp} {event.device:<12} {text}", file=sys.stdout, flush=True)


def _guarded(call: Any, *args: Any) -> Any:
    """Run ``call``; a DeviceError becomes the CLI's one-line UserError."""
    from kiosk.cli import UserError
    from kiosk.devices.errors import DeviceError

    try:
        return call(*args)
    except DeviceError as error:
        raise UserError(str(error)) from error
