"""``kiosk sync status|run|requeue``: the lane's HQ sync from the command line."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("sync", help="the lane's sync with HQ")
    parser.add_argument("--config", help="the lane's TOML file (default: $KIOSK_CONFIG)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="outbox depth, dead letters, last success/error")
    status.set_defaults(func=_status)
    run = actions.add_parser("run", help="upload, pull the catalog and send heartbeats")
    run.add_argument("--once", action="store_true", help="one round, then exit")
    run.set_defaults(func=_run)
    requeue = actions.add_parser("requeue", help="upload dead-lettered sales again")
    requeue.set_defaults(func=_requeue)


def _open(args: argparse.Namespace) -> tuple[Any, Any]:
    from kiosk.config import load_config
    from kiosk.store.db import connect

    config = load_config(args.config)
    conn = connect(config.store.path, busy_timeout_ms=config.store.busy_timeout_ms)
    return config, conn


def _status(args: argparse.Namespace) -> int:
    from kiosk.store.sync_state import dead_letters, status

    _config, conn = _open(args)
    try:
        summary = status(conn)
        letters = dead_letters(conn, limit=20)
    finally:
        conn.close()
    facts = summary.state
    print(f"outbox pending:   {summary.pending}")
    print(f"sent:             {summary.sent}")
    print(f"dead letters:     {summary.dead_letters}")
    print(f"catalog cursor:   {summary.cursor or '(never pulled)'}")
    print(f"last upload:      {facts.get('last_upload_at', '(never)')}")
    print(f"last catalog:     {facts.get('last_catalog_at', '(never)')}")
    print(f"last heartbeat:   {facts.get('last_heartbeat_at', '(never)')}")
    print(
        f"last error:       {facts.get('last_error', '(none)')} "
        f"{facts.get('last_error_at', '')}".rstrip()
    )
    for letter in letters:
        print(f"  dead: {letter.transaction_id} at {letter.dead_at}: {letter.reason}")
    return 1 if summary.dead_letters else 0


def _run(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.sync.errors import SyncError
    from kiosk.sync.service import SyncService

    config, conn = _open(args)
    conn.close()
    service = SyncService(
        config.store.path, config.sync, busy_timeout_ms=config.store.busy_timeout_ms
    )
    try:
        if args.once:
            report = service.run_once()
            print(
                f"uploaded {report.upload.sent} ({report.upload.duplicates} already at HQ), "
                f"dead-lettered {report.upload.dead}, catalog "
                f"{report.catalog.upserts if report.catalog else 0} changes"
            )
            for error in report.errors:
                print(f"error: {error}")
            return 1 if report.errors else 0
        import threading

        service.start()
        try:
            threading.Event().wait()  # until Ctrl-C / SIGTERM
        finally:
            service.stop()
    except SyncError as error:
        raise UserError(str(error)) from error
    return 0


def _requeue(args: argparse.Namespace) -> int:
    from kiosk.store.sync_state import requeue_dead_letters

    _config, conn = _open(args)
    try:
        count = requeue_dead_letters(conn)
    finally:
        conn.close()
    print(f"{count} dead-lettered sales will be uploaded again")
    return 0
