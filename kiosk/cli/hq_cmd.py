"""``kiosk hq init|serve|enrol-lane|revoke-lane|catalog|config|kpis``: run and administer HQ.

Settings come from the [hq] section of ``--config`` (or $KIOSK_CONFIG) when such a
file exists, else from the defaults; ``--database-url`` overrides the database.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from kiosk.cli import _hq_config, _hq_feeds


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("hq", help="the HQ service: init, serve, enrol lanes, catalog")
    parser.add_argument("--config", help="TOML file with an [hq] section (default: $KIOSK_CONFIG)")
    parser.add_argument("--database-url", help="override hq.database_url")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="create or upgrade the HQ database")
    init.set_defaults(func=_init)
    serve = actions.add_parser("serve", help="serve the HQ API")
    serve.add_argument("--host", help="override hq.host")
    serve.add_argument("--port", type=int, help="override hq.port")
    serve.add_argument("--threads", type=int, help="override hq.threads")
    serve.add_argument(
        "--workers",
        type=_workers,
        default=1,
        help="worker processes (more than 1 needs PostgreSQL); auto: one per CPU on "
        "PostgreSQL, one on SQLite",
    )
    serve.set_defaults(func=_serve)
    enrol = actions.add_parser("enrol-lane", help="issue a lane's secret (prints its token)")
    enrol.add_argument("--store", required=True, help="store id")
    enrol.add_argument("--lane", required=True, help="lane id")
    revoke = actions.add_parser(
        "revoke-lane", help="refuse a lane's token from now on (every worker within a second)"
    )
    revoke.add_argument("--store", required=True, help="store id")
    revoke.add_argument("--lane", required=True, help="lane id")
    revoke.set_defaults(func=_revoke)
    enrol.set_defaults(func=_enrol)
    catalog = actions.add_parser("catalog", help="the master catalog")
    catalog_actions = catalog.add_subparsers(dest="catalog_action", metavar="ACTION", required=True)
    imp = catalog_actions.add_parser("import", help="import items from a CSV file")
    imp.add_argument("file", type=Path, help="CSV with the lane catalog columns")
    imp.add_argument("--replace", action="store_true", help="delete items not in the file")
    imp.add_argument("--currency", help="override hq.currency")
    imp.set_defaults(func=_catalog_import)
    _hq_feeds.register(actions, _engine)  # kiosk hq offers/recalls/coupons import
    _hq_config.register(actions, _engine)  # kiosk hq config set/unset/show
    kpis = actions.add_parser("kpis", help="service measures (the same JSON as GET /api/v1/kpis)")
    kpis.add_argument(
        "--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD (UTC)"
    )
    kpis.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD (UTC)")
    kpis.add_argument("--store", help="one store id")
    kpis.add_argument("--lane", help="one lane id")
    kpis.add_argument(
        "--journey",
        choices=("self_checkout", "airport_checkin", "hotel_checkin"),
        help="one journey",
    )
    kpis.add_argument("--language", help="one language (e.g. en)")
    kpis.add_argument(
        "--by",
        choices=("store", "lane", "journey", "language", "day", "hour"),
        help="add a breakdown",
    )
    kpis.add_argument("--json", action="store_true", help="print the report as JSON")
    kpis.set_defaults(func=_kpis)


def _settings(args: argparse.Namespace) -> Any:
    from kiosk.config import config_path, load_config
    from kiosk.config.hq import HqConfig

    path = args.config or os.environ.get("KIOSK_CONFIG")
    settings = load_config(config_path(path)).hq if path and Path(path).exists() else HqConfig()
    if args.database_url:
        import dataclasses

        settings = dataclasses.replace(settings, database_url=args.database_url)
    return settings


def _engine(args: argparse.Namespace) -> Any:
    from kiosk.hq.db import create_engine

    return create_engine(_settings(args).database_url)


def _init(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.hq.db import upgrade
    from kiosk.hq.errors import HqError

    try:
        revision = upgrade(_engine(args))
    except HqError as error:
        raise UserError(str(error)) from error
    print(f"HQ database at schema revision {revision}")
    return 0


def _workers(text: str) -> int | str:
    """``--workers``: a positive number, or ``auto``."""
    if text == "auto":
        return text
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"must be a positive number or auto, not {text!r}")
    return count


def _serve(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.hq.errors import HqError
    from kiosk.hq.server import serve

    settings = _settings(args)
    tls = {
        "certfile": settings.tls_certfile,
        "keyfile": settings.tls_keyfile,
        "ca_certs": settings.tls_client_ca,
    }
    try:
        serve(
            settings.database_url,
            args.host or settings.host,
            args.port or settings.port,
            max_body_bytes=settings.max_body_bytes,
            max_page=settings.max_catalog_page,
            threads=args.threads or settings.threads,
            admin_token=settings.admin_token,
            not_reporting_minutes=settings.not_reporting_minutes,
            workers=args.workers,
            **{k: str(v) if v else None for k, v in tls.items()},
        )
    except HqError as error:
        raise UserError(str(error)) from error
    return 0


def _enrol(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.hq.auth import enrol_lane
    from kiosk.hq.db import check_schema
    from kiosk.hq.errors import HqError

    try:
        engine = _engine(args)
        check_schema(engine)
        token = enrol_lane(engine, args.store, args.lane)
    except HqError as error:
        raise UserError(str(error)) from error
    print(token)
    print(
        f"# set it on lane {args.store}/{args.lane} as sync.token (e.g. KIOSK__SYNC__TOKEN); "
        "it is not shown again"
    )
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.hq.db import check_schema
    from kiosk.hq.errors import HqError
    from kiosk.hq.lane_changes import revoke_lane

    try:
        engine = _engine(args)
        check_schema(engine)
        found = revoke_lane(engine, args.store, args.lane)
    except HqError as error:
        raise UserError(str(error)) from error
    if not found:
        raise UserError(f"no lane {args.store}/{args.lane} is enrolled")
    print(f"lane {args.store}/{args.lane} revoked; `kiosk hq enrol-lane` gives it a new token")
    return 0


def _catalog_import(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from kiosk.cli import UserError
    from kiosk.hq.catalog_csv import import_csv
    from kiosk.hq.db import check_schema
    from kiosk.hq.errors import HqError

    settings = _settings(args)
    try:
        engine = _engine(args)
        check_schema(engine)
        with tqdm(unit=" items", desc=f"importing {args.file.name}") as bar:
            read, changed = import_csv(
                engine,
                args.file,
                args.currency or settings.currency,
                replace=args.replace,
                progress=bar.update,
            )
    except HqError as error:
        raise UserError(str(error)) from error
    print(f"{read} rows read, {changed} items changed")
    return 0


def _kpis(args: argparse.Namespace) -> int:
    import json

    import sqlalchemy as sa

    from kiosk.cli import UserError
    from kiosk.hq import kpis
    from kiosk.hq.db import check_schema
    from kiosk.hq.errors import HqError
    from kiosk.hq.kpi_api import kpi_filter

    try:
        f = kpi_filter(
            date_from=args.date_from,
            date_to=args.date_to,
            store=args.store,
            lane=args.lane,
            journey=args.journey,
            language=args.language,
        )
        engine = _engine(args)
        check_schema(engine)
        report = kpis.report(engine, f, args.by)
    except (ValueError, HqError) as error:
        raise UserError(str(error)) from error
    except sa.exc.SQLAlchemyError as error:
        raise UserError(f"cannot read the HQ database: {error}") from error
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    for name, value in report["kpis"].items():
        print(f"{name:32} {json.dumps(value, ensure_ascii=False)}")
    for group in report["groups"]:
        k = group["kpis"]
        print(
            f"{args.by} {group['group']}: {k['transactions']} transactions, completion "
            f"{k['completion_rate']}, interventions/100 {k['interventions_per_100']}, "
            f"CSAT {k['csat']}, NPS {k['nps']}"
        )
    return 0
