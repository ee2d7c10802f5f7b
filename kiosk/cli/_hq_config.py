"""``kiosk hq config``: lane configuration managed at HQ (kiosk.hq.lane_config).

``set [--store S [--lane L]] KEY=VALUE...`` (no --store: every lane), ``unset ... KEY...``
and ``show [--store S --lane L]`` (every override; with a lane, its merged set and
version as the lane receives it). Lanes fetch their set during sync and apply it at
their next start.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any


def register(actions: Any, engine: Callable[[argparse.Namespace], Any]) -> None:
    """Add ``config`` to the ``kiosk hq`` actions; ``engine(args)`` opens HQ's database."""
    config = actions.add_parser("config", help="lane configuration managed at HQ")
    verbs = config.add_subparsers(dest="config_action", metavar="ACTION", required=True)
    for name, text in (
        ("set", "set KEY=VALUE for every lane, a store's lanes or one lane"),
        ("unset", "remove KEYs from that scope"),
        ("show", "every override; with --store and --lane, that lane's set and version"),
    ):
        verb = verbs.add_parser(name, help=text)
        verb.add_argument("--store", default="", help="store id (none: every store)")
        verb.add_argument("--lane", default="", help="lane id (none: every lane of the store)")
        if name != "show":
            verb.add_argument("items", nargs="+", metavar="KEY=VALUE" if name == "set" else "KEY")
        verb.set_defaults(func=lambda args, name=name: _run(args, name, engine))


def _run(args: argparse.Namespace, verb: str, engine: Callable[[argparse.Namespace], Any]) -> int:
    from kiosk.cli import UserError
    from kiosk.hq import lane_config
    from kiosk.hq.db import check_schema
    from kiosk.hq.errors import HqError

    try:
        if args.lane and not args.store:
            raise HqError("--lane needs --store")
        db = engine(args)
        check_schema(db)
        if verb == "set":
            values = dict(lane_config.parse_assignment(item) for item in args.items)
            lane_config.set_values(db, args.store, args.lane, values)
            print(
                f"set {len(values)} key(s) for {_scope(args)}; lanes apply it at their next start"
            )
        elif verb == "unset":
            removed = lane_config.unset(db, args.store, args.lane, list(args.items))
            print(f"removed {removed} key(s) from {_scope(args)}")
        elif args.store and args.lane:
            version, merged = lane_config.for_lane(db, args.store, args.lane)
            print(json.dumps({"version": version, "overrides": merged}, indent=2, sort_keys=True))
        else:
            for o in lane_config.overrides(db):
                if args.store and o.store_id not in ("", args.store):
                    continue
                print(f"{o.scope}\t{o.key} = {json.dumps(o.value)}\t({o.updated_at})")
    except HqError as error:
        raise UserError(str(error)) from error
    return 0


def _scope(args: argparse.Namespace) -> str:
    if not args.store:
        return "every lane"
    return f"store {args.store}" if not args.lane else f"lane {args.store}/{args.lane}"
