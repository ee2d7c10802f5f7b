"""``kiosk doctor``: check a lane the way an installer would, one line per check.

Checks, in order: the configuration loads; the store's file (header, schema,
writable, last stop; ``--full`` reads it whole); free disk where the store lives;
backups (when configured) are recent; every enabled device answers; the card
terminal answers a status request; HQ answers, knows the lane's token and agrees
on the time. Each line is ``OK``, ``WARN`` or ``FAIL``, the check's name and what
was found. Exit status 1 when any check fails, else 0. Nothing is changed: the
store is opened read-only and the terminal is only asked about a payment that
does not exist.
"""

from __future__ import annotations

import argparse
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk import clock as kiosk_clock

FREE_FAIL_BYTES = 200_000_000
FREE_WARN_BYTES = 1_000_000_000
SKEW_WARN_S = 5.0
SKEW_FAIL_S = 120.0


@dataclass(frozen=True)
class Finding:
    level: str  # OK, WARN or FAIL
    check: str
    detail: str

    def line(self) -> str:
        return f"{self.level:<4} {self.check:<10} {self.detail}"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "doctor", help="check config, store, disk, backups, devices, terminal and HQ"
    )
    parser.add_argument("--config", help="the lane's TOML config (default: $KIOSK_CONFIG)")
    parser.add_argument(
        "--full", action="store_true", help="read the whole store (PRAGMA quick_check)"
    )
    parser.add_argument(
        "--device-timeout", type=float, default=5.0, help="seconds to wait for each device"
    )
    parser.set_defaults(func=_doctor)


def _doctor(args: argparse.Namespace) -> int:
    failed = False
    for finding in run_checks(args.config, full=args.full, device_timeout=args.device_timeout):
        print(finding.line(), flush=True)
        failed |= finding.level == "FAIL"
    return 1 if failed else 0


def run_checks(config_path: str | None, *, full: bool, device_timeout: float) -> Iterator[Finding]:
    """Every check's finding, in order; a check that cannot run says why."""
    from kiosk.config import ConfigError, load_config

    try:
        config = load_config(config_path)
    except ConfigError as error:
        yield Finding("FAIL", "config", str(error))
        return
    lane = config.lane
    yield Finding("OK", "config", f"{lane.store_id}/{lane.lane_id}, mode {lane.mode}")
    checks: list[Callable[[Any], Iterator[Finding]]] = [
        lambda c: _store(c, full),
        _disk,
        _backups,
        lambda c: _devices(c, device_timeout),
        _terminal,
        _hq,
    ]
    for check in checks:
        yield from check(config)


def _store(config: Any, full: bool) -> Iterator[Finding]:
    import sqlite3

    from kiosk.store.db import check_schema_version
    from kiosk.store.errors import StoreError
    from kiosk.store.integrity import check_file, check_header, marker_path

    path = Path(config.store.path)
    if not path.is_file():
        yield Finding("FAIL", "store", f"{path}: no such file (the lane creates it on first start)")
        return
    try:
        if not check_header(path):
            yield Finding("FAIL", "store", f"{path}: not an SQLite database")
            return
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = check_schema_version(conn)
        finally:
            conn.close()
        seconds = check_file(path) if full else None
    except (StoreError, sqlite3.Error) as error:
        yield Finding("FAIL", "store", f"{path}: {error}")
        return
    problems = [] if _writable(path) else ["the lane's user cannot write it"]
    stop = "clean" if marker_path(path).exists() else "not clean, or the lane is running"
    whole = f", quick_check ok in {seconds:.2f} s" if seconds is not None else ""
    detail = f"{path}: schema {version}, last stop {stop}{whole}"
    if problems:
        yield Finding("FAIL", "store", f"{detail}; {'; '.join(problems)}")
    else:
        yield Finding("OK", "store", detail)


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _disk(config: Any) -> Iterator[Finding]:
    folder = Path(config.store.path).resolve().parent
    while not folder.exists():
        folder = folder.parent
    usage = shutil.disk_usage(folder)
    free, share = usage.free, usage.free / usage.total if usage.total else 0.0
    detail = f"{free / 1e9:.1f} GB free ({share:.0%}) on {folder}"
    if free < FREE_FAIL_BYTES:
        yield Finding("FAIL", "disk", detail + ": sales may stop being saved")
    elif free < FREE_WARN_BYTES or share < 0.05:
        yield Finding("WARN", "disk", detail)
    else:
        yield Finding("OK", "disk", detail)


def _backups(config: Any) -> Iterator[Finding]:
    from kiosk.store.backup import backups

    folder = config.store.backup_dir
    if folder is None:
        yield Finding("WARN", "backups", "off ([store] backup_dir is not set)")
        return
    found = backups(folder)
    if not found:
        yield Finding("WARN", "backups", f"none yet in {folder}")
        return
    age = kiosk_clock.utc_now().timestamp() - found[-1].stat().st_mtime
    detail = f"{len(found)} in {folder}, newest {age / 60:.0f} min old"
    level = "WARN" if age > 2 * config.store.backup_every_s else "OK"
    yield Finding(level, "backups", detail)


def _devices(config: Any, timeout: float) -> Iterator[Finding]:
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.registry import build_device

    enabled = [d for d in config.devices if d.enabled]
    if not enabled:
        yield Finding("WARN", "devices", "none configured")
    for device_config in enabled:
        name = f"device {device_config.name}"
        device = None
        try:
            device = build_device(device_config)
            device.open()
            device.claim()
            deadline = kiosk_clock.monotonic() + timeout
            while not device.status.usable and kiosk_clock.monotonic() < deadline:
                time.sleep(0.05)  # the device connects on its own thread
            status = device.check()
        except DeviceError as error:
            level = "FAIL" if device_config.required else "WARN"
            yield Finding(level, name, str(error))
            continue
        finally:
            if device is not None:
                device.shutdown()
        if status.usable:
            yield Finding("OK", name, str(status))
        else:
            yield Finding("FAIL" if device_config.required else "WARN", name, str(status))


def _terminal(config: Any) -> Iterator[Finding]:
    from kiosk.payment.errors import PaymentError
    from kiosk.payment.factory import terminal_from_config

    url = config.payment.terminal_url
    try:
        terminal = terminal_from_config(config.payment, config.lane.lane_id)
        try:
            started = kiosk_clock.monotonic()
            terminal.status("kiosk-doctor-probe")  # a payment that never existed
            took = kiosk_clock.monotonic() - started
        finally:
            terminal.close()
    except PaymentError as error:
        yield Finding("FAIL", "terminal", f"{url}: {error}")
        return
    yield Finding("OK", "terminal", f"{url} answered a status request in {took * 1000:.0f} ms")


def _hq(config: Any) -> Iterator[Finding]:
    from kiosk.sync.errors import SyncError
    from kiosk.sync.service import client_from_config

    if not config.sync.hq_url:
        yield Finding("WARN", "hq", "no [sync] hq_url: the lane runs standalone")
        return
    try:
        client = client_from_config(config.sync)
        try:
            server = client.server_time()
            local = kiosk_clock.utc_now()
            client.catalog_changes(0, 1)  # a read that needs the lane's token
        finally:
            client.close()
    except SyncError as error:
        yield Finding("FAIL", "hq", f"{config.sync.hq_url}: {error}")
        return
    skew = (local - server).total_seconds()
    detail = f"{config.sync.hq_url} answered; this lane's clock is {skew:+.0f} s from HQ's"
    if abs(skew) > SKEW_FAIL_S:
        yield Finding("FAIL", "hq", detail + " (fix the time: receipts and TLS depend on it)")
    elif abs(skew) > SKEW_WARN_S:
        yield Finding("WARN", "hq", detail)
    else:
        yield Finding("OK", "hq", detail)
