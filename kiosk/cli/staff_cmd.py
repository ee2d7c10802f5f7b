"""``kiosk staff add|list|disable|enable|reset-pin|set-badge``: the lane's staff from a shell.

A PIN is never a command-line argument (it would sit in the shell history and
in ``ps``): it is asked twice with getpass, or read as the first line of stdin
with ``--pin-stdin``. The database is ``--db PATH``, else the ``[store] path``
of the configuration named by ``--config`` or ``$KIOSK_CONFIG``, else
``var/lane.sqlite3``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

DEFAULT_DB = Path("var/lane.sqlite3")
ROLES = ("attendant", "supervisor", "manager", "technician")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("staff", help="add, list, disable staff; reset PINs")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def sub(name: str, help_text: str, with_id: bool = True) -> argparse.ArgumentParser:
        found = actions.add_parser(name, help=help_text)
        found.add_argument(
            "--db", help=f"the lane database (default: from the config, else {DEFAULT_DB})"
        )
        found.add_argument("--config", help="the lane's TOML config (default: $KIOSK_CONFIG)")
        if with_id:
            found.add_argument("staff_id", metavar="STAFF_ID")
        return found

    def pin_options(found: argparse.ArgumentParser) -> None:
        found.add_argument(
            "--pin-stdin", action="store_true", help="read the PIN from the first line of stdin"
        )

    add = sub("add", "add a staff member (asks for the PIN)")
    add.add_argument("--name", required=True, help="the name shown on screen and receipts")
    add.add_argument("--role", required=True, choices=ROLES)
    pin_options(add)
    add.add_argument("--no-pin", action="store_true", help="no PIN: badge sign-in only")
    add.add_argument("--badge", metavar="CODE", help="the staff badge's barcode")
    add.set_defaults(func=_add)

    listing = sub("list", "list staff members", with_id=False)
    listing.add_argument("--active", action="store_true", help="leave out disabled staff")
    listing.set_defaults(func=_list)

    sub("disable", "refuse every sign-in of a staff member").set_defaults(func=_disable)
    sub("enable", "allow a disabled staff member again").set_defaults(func=_enable)

    reset = sub("reset-pin", "set a new PIN (and lift a PIN lockout)")
    pin_options(reset)
    reset.set_defaults(func=_reset_pin)

    badge = sub("set-badge", "assign or remove a staff badge")
    which = badge.add_mutually_exclusive_group(required=True)
    which.add_argument("--badge", metavar="CODE", help="the badge's barcode")
    which.add_argument("--remove", action="store_true", help="remove the badge")
    badge.set_defaults(func=_set_badge)


def _db_path(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db)
    if args.config or os.environ.get("KIOSK_CONFIG"):
        from kiosk.config import load_config

        return Path(load_config(args.config).store.path)
    return DEFAULT_DB


def _open(args: argparse.Namespace, create: bool = False) -> sqlite3.Connection:
    from kiosk.cli import UserError
    from kiosk.store.db import connect

    path = _db_path(args)
    if not create and not path.exists():
        raise UserError(f"{path}: no lane database here (add a staff member first)")
    return connect(path)


def _read_pin(args: argparse.Namespace) -> str:
    """The PIN from stdin (``--pin-stdin``) or asked twice on the terminal; checked."""
    import getpass

    from kiosk.cli import UserError
    from kiosk.domain.staff import StaffError, check_pin

    if args.pin_stdin:
        pin = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        pin = getpass.getpass(f"PIN for {args.staff_id}: ")
        if getpass.getpass("the same PIN again: ") != pin:
            raise UserError("the two PINs differ; nothing changed")
    else:
        raise UserError("no terminal to ask for the PIN: pass --pin-stdin and pipe it in")
    try:
        return check_pin(pin)
    except StaffError as error:
        raise UserError(str(error)) from error


def _add(args: argparse.Namespace) -> int:
    from kiosk.cli import UserError
    from kiosk.domain.staff import Role, Staff, StaffError
    from kiosk.store.staff import StaffRepository

    try:
        staff = Staff(args.staff_id, args.name.strip(), Role.parse(args.role))
    except StaffError as error:
        raise UserError(str(error)) from error
    if args.no_pin and args.pin_stdin:
        raise UserError("--no-pin and --pin-stdin contradict each other")
    if args.no_pin and not args.badge:
        raise UserError("a staff member without a PIN needs a --badge to sign in")
    pin = None if args.no_pin else _read_pin(args)
    conn = _open(args, create=True)
    try:
        StaffRepository(conn).add(staff, pin=pin, badge=args.badge)
    except StaffError as error:
        raise UserError(str(error)) from error
    finally:
        conn.close()
    print(f"added {staff.staff_id} ({staff.role.value}): {staff.name}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from kiosk.store.staff import StaffRepository

    conn = _open(args)
    try:
        repository = StaffRepository(conn)
        members = repository.list_staff(include_disabled=not args.active)
        credentials = repository.credentials()
    finally:
        conn.close()
    if not members:
        print("no staff")
        return 0
    width = max(len(member.staff_id) for member in members)
    for member in members:
        has_pin, has_badge = credentials.get(member.staff_id, (False, False))
        sign_in = "+".join(k for k, v in (("pin", has_pin), ("badge", has_badge)) if v) or "-"
        status = "disabled" if member.disabled else "active"
        print(
            f"{member.staff_id:<{width}}  {member.role.value:<10}  {status:<8}  "
            f"{sign_in:<9}  {member.name}"
        )
    return 0


_DONE = {
    "disable": "disabled",
    "enable": "enabled",
    "reset-pin": "new PIN set",
    "set-badge": "badge changed",
}


def _change(args: argparse.Namespace, what: str, **kwargs: object) -> int:
    from kiosk.cli import UserError
    from kiosk.domain.staff import StaffError
    from kiosk.store.staff import StaffRepository

    conn = _open(args)
    try:
        method = getattr(StaffRepository(conn), what.replace("-", "_"))
        method(args.staff_id, **kwargs)
    except StaffError as error:
        raise UserError(str(error)) from error
    finally:
        conn.close()
    print(f"{args.staff_id}: {_DONE[what]}")
    return 0


def _disable(args: argparse.Namespace) -> int:
    return _change(args, "disable")


def _enable(args: argparse.Namespace) -> int:
    return _change(args, "enable")


def _reset_pin(args: argparse.Namespace) -> int:
    return _change(args, "reset-pin", pin=_read_pin(args))


def _set_badge(args: argparse.Namespace) -> int:
    return _change(args, "set-badge", badge=None if args.remove else args.badge)
