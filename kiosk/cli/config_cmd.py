"""``kiosk config check|example``: validate a lane's configuration, print the documented example."""

from __future__ import annotations

import argparse

from kiosk.config import config_path, load_config


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("config", help="check or document the configuration")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="load a config file and report the first mistake")
    check.add_argument("path", nargs="?", help="the TOML file (default: $KIOSK_CONFIG)")
    check.set_defaults(func=_check)
    example = actions.add_parser("example", help="print config/example.toml from the schema")
    example.set_defaults(func=_example)


def _check(args: argparse.Namespace) -> int:
    from kiosk.app.journeys import journey_spec

    config = load_config(args.path)
    journey_spec(config.lane.mode)  # ConfigError naming the journeys the registry knows
    print(
        f"{config_path(args.path)}: OK (lane {config.lane.store_id}/{config.lane.lane_id}, "
        f"{len(config.devices)} devices)"
    )
    return 0


def _example(args: argparse.Namespace) -> int:
    from kiosk.config.example import render_example

    print(render_example(), end="")
    return 0
