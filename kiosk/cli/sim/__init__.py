"""``kiosk sim DEVICE ...``: virtual hardware on real ptys and TCP ports.

Each module in this package that defines ``register(subparsers)`` adds one
simulator (scanner, scale, printer, terminal, camera, ...).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("sim", help="run a device simulator")
    simulators = parser.add_subparsers(dest="simulator", metavar="DEVICE", required=True)
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        if hasattr(module, "register"):
            module.register(simulators)
