"""The ``kiosk`` command line: one argparse tree, one sub-command module each.

Every module in this package that defines ``register(subparsers)`` adds its
sub-commands; a sub-command sets ``func(args) -> int``. Adding a command means
adding a module, never editing this one. Known errors (a bad config, a bad
barcode, a corrupt store) are printed as one clear line with exit status 2;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.logs import setup_logging


class UserError(Exception):
    """An error whose message is the whole story for the person at the terminal."""


def _known_errors() -> tuple[type[BaseException], ...]:
    from kiosk.config import ConfigError
    from kiosk.domain.catalog import CatalogError
    from kiosk.domain.gtin import BarcodeError
    from kiosk.domain.money import MoneyError

    errors: list[type[BaseException]] = [
        UserError,
        ConfigError,
        BarcodeError,
        CatalogError,
        MoneyError,
    ]
    from kiosk.devices.errors import DeviceError
    from kiosk.payment.errors import PaymentError
    from kiosk.store.errors import StoreError

    errors += [StoreError, DeviceError, PaymentError]
    return tuple(errors)


def _runs_the_lane_window(argv: Sequence[str]) -> bool:
    """Whether ``argv`` is ``kiosk [-v] run`` with the window (not ``--console``), the
    start :func:`kiosk.warmup.hold_collections` is for (a guess before parsing: the
    command's own code decides again; a wrong guess only holds the collector a little)."""
    words = [a for a in argv if not a.startswith("-")]
    return bool(words) and words[0] == "run" and "--console" not in argv


def build_parser(modules: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``kiosk`` parser with the commands of every module here, or only of ``modules``
    (``kiosk run`` registers its own alone: the others' imports are not its start's)."""
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Self-service kiosk: lane app, simulators, HQ and tools."
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.startswith("_") or (
            modules is not None and module_info.name not in modules
        ):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    lane_window = _runs_the_lane_window(sys.argv[1:] if argv is None else argv)
    if lane_window:
        from kiosk import warmup

        # From the first line, not from `kiosk run`'s own: the parser's and the lane's
        # imports make objects that all live; the window's first paint gives it back.
        warmup.hold_collections()
    parser = build_parser(("run_cmd",) if lane_window else None)
    args = parser.parse_args(argv)
    setup_logging("DEBUG" if args.verbose else "WARNING")
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args) or 0)
    except _known_errors() as error:
        print(f"kiosk {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
