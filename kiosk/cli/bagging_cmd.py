"""``kiosk bagging replay FILE.jsonl --policy FILE.toml [--policy OTHER.toml]``: how many
bagging interventions of each kind a candidate policy would have raised on recorded lane
sessions (the format is in :mod:`kiosk.domain.bagging.replay`), next to the recorded
outcomes (true alarms: the shopper had to put it right; false: staff accepted the bag).

A policy file holds a ``[bagging]`` table with the keys of the lane's ``[bagging]``
section (``enabled`` is implied). A bad file prints one line naming it and exits with 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tomllib
from pathlib import Path

from kiosk.config.bagging import BaggingConfig
from kiosk.domain.bagging.policy import BaggingPolicy
from kiosk.domain.bagging.replay import RecordingError, ReplayReport, parse_recording, replay
from kiosk.domain.bagging.tracker import AlarmKind


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("bagging", help="bagging-area tools")
    sub = parser.add_subparsers(dest="bagging_command", metavar="ACTION", required=True)
    run = sub.add_parser("replay", help="count the interventions a policy would raise")
    run.add_argument("recording", type=Path, help="JSONL recording of lane sessions")
    run.add_argument("--policy", type=Path, action="append", required=True,
                     help="TOML file with a [bagging] table (repeat to compare)")  # fmt: skip
    run.set_defaults(func=_replay)


def load_policy(path: Path) -> BaggingPolicy:
    """The policy in ``path``'s ``[bagging]`` table. Raises ValueError naming the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"{path}: {error}") from None
    table = data.get("bagging", data)
    known = {f.name for f in dataclasses.fields(BaggingConfig)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ValueError(f"{path}: unknown key bagging.{unknown[0]}")
    try:
        config = BaggingConfig(**{**table, "enabled": True})
    except TypeError as error:
        raise ValueError(f"{path}: {error}") from None
    for f in dataclasses.fields(BaggingConfig):
        check = f.metadata.get("check")
        problem = check(getattr(config, f.name)) if check else None
        if problem:
            raise ValueError(f"{path}: bagging.{f.name} = {getattr(config, f.name)!r}: {problem}")
    return config.policy()


def format_report(name: str, report: ReplayReport) -> list[str]:
    header = f"  {'kind':<26}{'would raise':>12}{'recorded true':>15}{'recorded false':>16}"
    lines = [f"policy {name}: {report.baskets} baskets, {report.items} items", header]
    for kind in AlarmKind:
        k = kind.value
        lines.append(f"  {k:<26}{report.raised[k]:>12}{report.recorded_true[k]:>15}"
                     f"{report.recorded_false[k]:>16}")  # fmt: skip
    lines.append(f"  {'total':<26}{sum(report.raised.values()):>12}")
    return lines


def _replay(args: argparse.Namespace) -> int:
    try:
        records = parse_recording(args.recording.read_text(encoding="utf-8"))
        policies = [(path.name, load_policy(path)) for path in args.policy]
    except (OSError, UnicodeDecodeError) as error:
        print(f"kiosk bagging replay: {args.recording}: {error}", file=sys.stderr)
        return 2
    except (RecordingError, ValueError) as error:
        print(f"kiosk bagging replay: {error}", file=sys.stderr)
        return 2
    for name, policy in policies:
        print("\n".join(format_report(name, replay(records, policy))))
    return 0
