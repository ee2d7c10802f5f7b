"""``kiosk payment list|reconcile|resolve``: the card payment journal for a technician.

``list`` shows unresolved (or all) payments; ``reconcile`` aborts and asks the
configured terminal about every SENT/UNKNOWN payment, then checks that every
basket's card payments equal what its stored sale is due (exit 1 if not);
``resolve`` asks the terminal once more and records the attendant's verdict only
when the terminal cannot tell.
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk import clock as kiosk_clock


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``kiosk payment``."""
    parser = subparsers.add_parser("payment", help="inspect and resolve card payments")
    parser.add_argument("--config", help="lane TOML (default: $KIOSK_CONFIG)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="unresolved payments (--all: every payment)")
    listing.add_argument("--all", action="store_true")
    listing.set_defaults(func=_list)
    reconcile = actions.add_parser(
        "reconcile", help="settle open payments with the terminal, then check the money adds up"
    )
    reconcile.set_defaults(func=_reconcile)
    resolve = actions.add_parser(
        "resolve", help="ask the terminal again, else record the verdict on an open payment"
    )
    resolve.add_argument("reference")
    verdict = resolve.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--paid", action="store_true", help="the terminal shows it approved")
    verdict.add_argument("--not-paid", action="store_true", help="the terminal shows no charge")
    resolve.add_argument("--staff", required=True, help="staff id of the attendant")
    resolve.set_defaults(func=_resolve)


def _open(args: argparse.Namespace) -> tuple[Any, Any]:

    from kiosk.config import load_config
    from kiosk.payment.journal import PaymentJournal
    from kiosk.store.db import connect

    config = load_config(args.config)
    conn = connect(config.store.path, busy_timeout_ms=config.store.busy_timeout_ms)
    return config, PaymentJournal(conn, kiosk_clock.utc_now)


def _flow(config: Any, journal: Any) -> Any:
    from kiosk.payment.factory import terminal_from_config
    from kiosk.payment.flow import PaymentFlow

    terminal = terminal_from_config(config.payment, config.lane.lane_id)
    return PaymentFlow(terminal, journal, backoff=config.payment.status_backoff_s)


def _list(args: argparse.Namespace) -> int:
    _, journal = _open(args)
    records = journal.all() if args.all else journal.unresolved()
    for r in records:
        card = f"{r.brand or ''} {r.masked_pan or ''}".strip()
        print(
            f"{r.updated_at}  {r.reference}  {r.sale_id}  {r.kind.value:<10} "
            f"{r.amount!s:>12}  {r.state.value:<9} {card}"
        )
    if not records:
        print("no unresolved payments" if not args.all else "no payments")
    return 0


def _reconcile(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.payment.errors import PaymentError
    from kiosk.payment.money_check import charged_per_basket, check_money
    from kiosk.store.journal import BasketJournal
    from kiosk.store.sales import sale_totals

    config, journal = _open(args)
    try:
        outcomes = _flow(config, journal).reconcile()
    except PaymentError as error:
        raise UserError(str(error)) from None
    for outcome in outcomes:
        flag = "  -> attendant must check the terminal" if outcome.needs_attendant else ""
        print(f"{outcome.record.reference}: {outcome.state.value}{flag}")
    # Then the invariant itself: what the cards carry, per basket, against the sales.
    open_baskets = [info.basket.basket_id for info in BasketJournal(journal.conn).open_baskets()]
    mismatches = check_money(
        charged_per_basket(journal.all()), sale_totals(journal.conn), open_baskets
    )
    for mismatch in mismatches:
        print(f"MONEY DOES NOT ADD UP: {mismatch}")
    if not mismatches:
        print("money adds up: every basket's card payments equal what its sale is due")
    return 1 if mismatches or any(o.needs_attendant for o in outcomes) else 0


def _resolve(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.payment.errors import PaymentError

    config, journal = _open(args)
    try:
        record = _flow(config, journal).resolve(args.reference, args.paid, args.staff)
    except PaymentError as error:
        raise UserError(str(error)) from None
    if record.resolved_by:
        print(f"{record.reference}: {record.state.value} (by {record.resolved_by})")
    else:
        print(f"{record.reference}: {record.state.value} (the terminal's answer)")
    return 0
