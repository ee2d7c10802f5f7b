"""``kiosk run`` (the lane app) and ``kiosk demo`` (the same app on simulators)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from kiosk import clock as kiosk_clock

ROOT = Path(__file__).resolve().parents[2]
log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = subparsers.add_parser("run", help="run the lane app (touchscreen)")
    run.add_argument("--config", help="lane TOML (default: $KIOSK_CONFIG, /etc/kiosk/lane.toml)")
    run.add_argument("--console", action="store_true", help="text front-end instead of Qt")
    run.set_defaults(func=_run)
    demo = subparsers.add_parser(
        "demo", help="the lane app with simulated devices, sample catalog and a local HQ"
    )
    demo.add_argument(
        "--journey",
        choices=("self_checkout", "airport", "hotel"),
        default="self_checkout",
        help="the grocery self-checkout (default), the airport or the hotel check-in kiosk",
    )
    demo.add_argument(
        "--dir",
        type=Path,
        help="where the demo keeps its files (default var/demo, var/demo-airport)",
    )
    demo.add_argument(
        "--config", type=Path, help="default config/demo.toml (config/demo-airport.toml)"
    )
    demo.add_argument(
        "--quit-after-ms",
        type=int,
        help=argparse.SUPPRESS,  # tests: close the window after this long
    )
    demo.add_argument(
        "--console",
        action="store_true",
        help="text front-end (the default when there is no display)",
    )
    demo.add_argument("--script", type=Path, help="console commands to run, then exit")
    demo.add_argument("--no-hq", action="store_true", help="do not start the local HQ")
    demo.set_defaults(func=_demo)


def _has_display() -> bool:
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def _run(args: argparse.Namespace) -> int:
    from kiosk import warmup

    if args.console:  # no window, no first paint to give the collector back
        warmup.release_collections()
    else:
        warmup.hold_collections()  # until the first paint: a start's objects all live
    from kiosk.app.wiring import build_lane
    from kiosk.config import load_config
    from kiosk.logs import setup_lane_logging

    config = load_config(args.config)
    setup_lane_logging(config.logging)  # text or JSON lines, rotated as configured
    lane = build_lane(config)
    return _front_end(lane, console=args.console)


def _demo(args: argparse.Namespace) -> int:
    import dataclasses

    if args.journey == "airport":
        return _demo_airport(args)
    if args.journey == "hotel":
        return _demo_hotel(args)
    args.dir = args.dir or Path("var/demo")
    args.config = args.config or ROOT / "config" / "demo.toml"

    from kiosk.app.demo import (
        DEMO_ATTENDANT,
        DEMO_COUPON_CODES,
        DEMO_LOYALTY_CARD,
        DemoRig,
        ensure_demo_attendant,
        ensure_demo_coupons,
        ensure_demo_offers,
    )
    from kiosk.app.wiring import build_lane
    from kiosk.config import load_config
    from kiosk.logs import setup_logging
    from kiosk.store.errors import StoreError

    workdir = args.dir.resolve()
    setup_logging("INFO", workdir / "kiosk.log")
    logging.getLogger().handlers[0].setLevel(logging.WARNING)  # keep the console readable
    config = load_config(args.config)
    store = dataclasses.replace(config.store, path=workdir / "lane.sqlite3")
    config = dataclasses.replace(config, store=store)
    _ensure_catalog(config)
    ensure_demo_offers(config.store.path)  # 3 for 2, a member price, spend 20 save 2
    ensure_demo_coupons(config.store.path)  # 9900001000010 and a DataBar family
    try:
        added: bool | None = ensure_demo_attendant(config.store.path)
    except StoreError as error:  # e.g. its badge is another staff member's: go on without
        print(f"demo: no demo attendant ({error}); sign in as a staff member of your own")
        added = None
    with DemoRig(workdir, with_hq=not args.no_hq, with_station=True) as rig:
        config = rig.configure(config)
        lane = build_lane(config)
        print(f"demo: files in {workdir}; receipts as PNG in {workdir / 'receipts'}")
        print(
            f"demo: scanner {rig.scanner_port.path}, HQ {rig.hq_url or 'off'}, "
            f"attendant station {rig.station_url or 'off'} (phones and desks), "
            f"card terminal {rig.terminal_server.url}"
        )
        print("demo: type a barcode (+Enter) to scan it; some sample codes:")
        for code in rig.sample_codes()[:8]:
            print(f"      {code}")
        store_coupon, databar_coupon = DEMO_COUPON_CODES
        print(
            f"demo: coupons {store_coupon} (0.30 off the yogurt) and {databar_coupon} "
            f"(GS1 DataBar, 0.20 off the milk); loyalty card {DEMO_LOYALTY_CARD}"
        )
        demo_staff = None
        if added is not None:
            print(
                f"demo: {'added the' if added else 'the'} demo attendant; sign in with "
                f"{DEMO_ATTENDANT.sign_in_text()}"
            )
            demo_staff = (DEMO_ATTENDANT.staff_id, DEMO_ATTENDANT.pin)
        console = args.console or args.script is not None or not _has_display()
        if not console and config.bagging.enabled:  # in a window the demo's shopper bags
            from kiosk.app.demo_bagging import DemoBagger

            lane.controller.listeners.append(DemoBagger(rig.bag_scale))
        return _front_end(lane, console=console, rig=rig, script=args.script, demo_staff=demo_staff)


def _demo_airport(args: argparse.Namespace) -> int:
    """The airport check-in kiosk on simulators: the DCS, a document reader, boarding pass
    and bag tag printers, the belt scale, the card terminal and a local HQ."""
    from kiosk.app.demo import DEMO_ATTENDANT
    from kiosk.app.demo_airport import DEMO_BOOKING, AirportDemoConsole, AirportDemoRig

    def make_rig(workdir: Path, config: Any) -> Any:
        return AirportDemoRig(workdir, with_hq=not args.no_hq, airport=config.airport.airport)

    def lines(rig: Any) -> list[str]:
        return [
            "boarding passes and bag tags as PNG there",
            f"airline DCS {rig.dcs.url}, HQ {rig.hq_url or 'off'}",
            f"check in booking {DEMO_BOOKING[0]} / {DEMO_BOOKING[1]} (type it on the screen); "
            "agents sign in with " + DEMO_ATTENDANT.sign_in_text(),
        ]

    return _travel_demo(args, "airport", make_rig, AirportDemoConsole, lines)


def _demo_hotel(args: argparse.Namespace) -> int:
    """The hotel check-in kiosk on simulators: the Mews PMS, the Salto key encoder, a
    document reader, the receipt printer, the card terminal and a local HQ."""
    from kiosk.app.demo import DEMO_ATTENDANT
    from kiosk.app.demo_hotel import DEMO_STAY, HotelDemoConsole, HotelDemoRig

    def make_rig(workdir: Path, config: Any) -> Any:
        del config
        return HotelDemoRig(workdir, with_hq=not args.no_hq)

    def lines(rig: Any) -> list[str]:
        return [
            "registration cards and invoices as PNG in receipts/",
            f"hotel PMS {rig.pms.url}, key encoder {rig.encoder_server.address}",
            f"check in stay {DEMO_STAY[0]} / {DEMO_STAY[1]} (type it on the screen); "
            "staff sign in with " + DEMO_ATTENDANT.sign_in_text(),
        ]

    return _travel_demo(args, "hotel", make_rig, HotelDemoConsole, lines)


def _travel_demo(
    args: argparse.Namespace,
    journey: str,
    make_rig: Any,
    make_console: Any,
    lines: Any,
) -> int:
    """A travel kiosk (``journey``: airport, hotel) on its simulators, in a window, with
    the demo's terminal commands read on a thread of their own."""
    import dataclasses

    from kiosk.app.demo import ensure_demo_attendant
    from kiosk.app.wiring import build_lane
    from kiosk.config import load_config
    from kiosk.logs import setup_logging

    workdir = (args.dir or Path(f"var/demo-{journey}")).resolve()
    setup_logging("INFO", workdir / "kiosk.log")
    logging.getLogger().handlers[0].setLevel(logging.WARNING)
    config = load_config(args.config or ROOT / "config" / f"demo-{journey}.toml")
    config = dataclasses.replace(
        config, store=dataclasses.replace(config.store, path=workdir / "lane.sqlite3")
    )
    if not _has_display():
        print(f"demo: the {journey} kiosk needs a display (or QT_QPA_PLATFORM=offscreen)")
        return 2
    ensure_demo_attendant(config.store.path)
    with make_rig(workdir, config) as rig:
        config = rig.configure(config)
        lane = build_lane(config)
        console = make_console(rig, lane)
        files, services, start = lines(rig)
        print(f"demo: files in {workdir}; {files}")
        print(f"demo: {services}")
        print(f"demo: {start}")
        from kiosk.app.shell import run_lane_app
        from kiosk.threads import start_thread

        if sys.stdin.isatty() or args.script is not None:
            commands = (
                args.script.read_text(encoding="utf-8").splitlines()
                if args.script is not None
                else sys.stdin
            )
            print(f"demo: commands in this terminal:\n{console.help()}")
            start_thread(f"demo-{journey}-console", lambda: console.run(commands))
        try:
            return run_lane_app(lane, quit_after_ms=args.quit_after_ms)
        finally:
            lane.stop()


def _ensure_catalog(config: Any) -> None:
    """Load the sample catalog into an empty demo store (HQ sync refreshes it later)."""
    from kiosk.store.catalog import CatalogRepository
    from kiosk.store.catalog_import import import_csv
    from kiosk.store.db import connect

    conn = connect(config.store.path)
    try:
        if CatalogRepository(conn).count() == 0:
            import_csv(
                conn,
                ROOT / "assets" / "catalog" / "sample_catalog.csv",
                currency=config.lane.currency,
                progress=False,
            )
    finally:
        conn.close()


def _front_end(
    lane: Any,
    *,
    console: bool,
    rig: Any = None,
    script: Path | None = None,
    demo_staff: tuple[str, str] | None = None,
) -> int:
    def text_front_end() -> Any:
        """The text console (it prints every change of the lane: only where one is read)."""
        from kiosk.app.console import LaneConsole

        scan = rig.scanner.scan if rig is not None else None
        weigh = (lambda grams, moving: _set_scale(rig, grams, moving)) if rig else None
        bag = (lambda grams, moving: _set_scale(rig, grams, moving, rig.bag_scale)) if rig else None
        # Without a window, the console signs in the staff badges scanned at the lane.
        return LaneConsole(
            lane, scan=scan, weigh=weigh, bag=bag, demo_staff=demo_staff, badges=console
        )

    if console:
        from kiosk.app.console import help_text

        front = text_front_end()
        lane.start()
        try:
            if rig is not None:  # a code sent before the scanner's port is open is lost
                _wait_for_device(lane, "scanner", timeout_s=15.0)
            if script is not None:
                return front.run(script.read_text(encoding="utf-8").splitlines())
            print(f"console: type a command (`help` lists them):\n{help_text()}")
            return front.run(sys.stdin)
        finally:
            lane.stop()
    from kiosk.app.shell import run_lane_app
    from kiosk.threads import start_thread

    if rig is not None and sys.stdin.isatty():
        # The demo's "scanner": codes typed in the terminal go through the simulated
        # serial scanner (a real pty), so the lane reads them as it would a real one.
        # A lane in a window without a demo terminal builds no text console at all.
        from kiosk.app.console import help_text

        front = text_front_end()
        print(f"demo: commands in this terminal (`help` lists them again):\n{help_text()}")

        def console_thread() -> None:
            # The window starts the lane; a code typed before the scanner is open would
            # be lost, so the terminal is read (its lines kept until then) once it is.
            _wait_for_device(lane, "scanner", timeout_s=15.0)
            front.run(sys.stdin)

        start_thread("demo-console", console_thread)
    try:
        return run_lane_app(lane)
    finally:
        lane.stop()


def _wait_for_device(lane: Any, name: str, timeout_s: float) -> bool:
    """Wait until device ``name`` is open and usable (its worker opens it on its own
    thread after the lane starts); False if it is not within ``timeout_s``."""
    import time

    device = lane.devices.get(name)
    deadline = kiosk_clock.monotonic() + timeout_s
    while kiosk_clock.monotonic() < deadline:
        if device is None or device.status.usable:
            return device is not None
        time.sleep(0.05)  # a start-up wait for another thread, not a timing check
    return False


def _set_scale(rig: Any, grams: int, moving: bool, scale: Any = None) -> None:
    scale = scale if scale is not None else rig.scale
    scale.load_g = grams
    scale.motion = moving
