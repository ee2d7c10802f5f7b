"""The demo rig: every device simulated on real ptys and ports, and a local HQ.

``DemoRig`` starts a scanner, a scale and a receipt printer simulator on
pseudo-terminals, a card terminal simulator on a local port and an HQ service
(``kiosk hq serve`` in a child process, SQLite, with the sample catalog), and
returns the lane configuration pointed at them. The lane then runs exactly the
code it runs in a store: real drivers, real protocol bytes, real HTTP.

:data:`DEMO_ATTENDANT` is the staff member the demo adds to its lane on first start
(:func:`ensure_demo_attendant`), so the attendant screen and the console's ``staff``,
``approve`` and ``deny`` have someone to sign in.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from kiosk import clock as kiosk_clock
from kiosk.config import KioskConfig
from kiosk.config.devices import DeviceConfig
from kiosk.devices.printer.sim import PrinterSimulator
from kiosk.devices.printer.sim import serve_pty as serve_printer
from kiosk.devices.scale.sim import ScaleSimulator
from kiosk.devices.scale.sim import serve_pty as serve_scale
from kiosk.devices.sim.pty import VirtualPort
from kiosk.devices.sim.scanner import ScannerSimulator
from kiosk.domain.offers.cards import parse_loyalty_card
from kiosk.domain.offers.coupon_records import coupon_offer_from_record, family_from_record
from kiosk.domain.offers.records import offer_from_record
from kiosk.domain.staff import Role, Staff
from kiosk.payment.sim.ledger import Ledger
from kiosk.payment.sim.server import TerminalServer
from kiosk.payment.sim.terminal import SimulatedTerminal
from kiosk.store.coupons import CouponRepository
from kiosk.store.db import connect
from kiosk.store.errors import StoreError
from kiosk.store.offers import OfferRepository
from kiosk.store.staff import StaffRepository
from kiosk.threads import start_thread

log = logging.getLogger(__name__)
SAMPLE_CATALOG = Path(__file__).resolve().parents[2] / "assets" / "catalog" / "sample_catalog.csv"
#: The demo's offers and loyalty card (yogurt 3 for 2, a member price on milk, spend 20
#: save 2; card 2900000000018): imported at the demo's HQ, and stored in the lane's own
#: file when it has no offers (so a demo without HQ has them too).
SAMPLE_OFFERS = SAMPLE_CATALOG.parents[1] / "offers" / "sample_offers.json"
#: milk batch RECALL1 is recalled: ]d2 + GS + 0108410000000016 10RECALL1 is refused
SAMPLE_RECALLS = SAMPLE_CATALOG.parents[1] / "recalls" / "sample_recalls.csv"
#: the demo's coupons (docs/coupons.md): store coupon 9900001000010 (0.30 off the yogurt,
#: serial 00001: once in the store; 9900001000003 has no serial), 1.00 off a spend of
#: 10.00, and the family that lets a GS1 DataBar coupon of prefix 8410000 save on milk
SAMPLE_COUPONS = SAMPLE_CATALOG.parents[1] / "coupons" / "demo_coupons.json"
#: codes to try at the demo's scanner (printed at start): the store coupon without a
#: serial (taken in any basket with a yogurt), and a GS1 DataBar Expanded coupon as the
#: scanner sends it (AIM ]e0, AI 8110: prefix 8410000, family 000, 0.20 off one milk,
#: no serial, expires 2049-12-31)
DEMO_COUPON_CODES = ("9900001000003", "]e08110184100000000012201100003491231")
DEMO_LOYALTY_CARD = "2900000000018"


@dataclasses.dataclass(frozen=True, slots=True)
class DemoAttendant:
    """The demo's staff member and how to sign in as them (documented in the README)."""

    staff_id: str
    name: str
    role: Role
    pin: str
    badge: str

    def sign_in_text(self) -> str:
        """How to sign in, for the demo's start-up lines."""
        return (
            f"badge {self.badge} (type it as a scan, or `staff {self.badge}`), or "
            f"`staff {self.staff_id} {self.pin}` (staff id {self.staff_id}, PIN {self.pin}; "
            f"{self.name}, {self.role.value})"
        )


#: A supervisor, so that every intervention of the demo can be resolved (an unknown
#: payment and a basket cancel need more than the attendant role).
DEMO_ATTENDANT = DemoAttendant("demo", "Demo Attendant", Role.SUPERVISOR, "2468", "STF0001")


def ensure_demo_attendant(store_path: Path, who: DemoAttendant = DEMO_ATTENDANT) -> bool:
    """Add ``who`` to the lane's staff unless a staff member with that id exists (then
    nothing is changed: a PIN reset or a disable done with ``kiosk staff`` stays).

    Returns:
        True if the staff member was added now.
    Raises:
        StoreError: the database refused (another staff member holds the badge...).
    """
    conn = connect(store_path)
    try:
        repository = StaffRepository(conn)
        if repository.get(who.staff_id) is not None:
            return False
        try:
            repository.add(Staff(who.staff_id, who.name, who.role), pin=who.pin, badge=who.badge)
        except StoreError:
            if repository.get(who.staff_id) is not None:  # another demo added it just now
                return False
            raise
        log.info("demo attendant %s added", who.staff_id)
        return True
    finally:
        conn.close()


def ensure_demo_offers(store_path: Path, path: Path = SAMPLE_OFFERS) -> int:
    """Store the sample offers and cards of ``path`` in the lane's file unless it holds
    offers already (HQ's, or an earlier demo's); the offers cursor stays where it is, so
    HQ's own copies replace them at the next pull.

    Returns:
        How many offers were stored now (0: the store had some).
    Raises:
        OfferError, LoyaltyCardError: the sample file is broken; StoreError.
    """
    conn = connect(store_path)
    try:
        repository = OfferRepository(conn)
        if repository.count()[0]:
            return 0
        data = json.loads(path.read_text(encoding="utf-8"))
        offers = [(offer_from_record(record), 0) for record in data.get("offers", [])]
        cards = [
            (parse_loyalty_card(card["number"]), bool(card.get("blocked", False)), 0)
            for card in data.get("cards", [])
        ]
        repository.apply_changes(offers, [], cards, repository.cursor())
        log.info("demo offers stored: %d offers, %d cards", len(offers), len(cards))
        return len(offers)
    finally:
        conn.close()


def ensure_demo_coupons(store_path: Path, path: Path = SAMPLE_COUPONS) -> int:
    """Store the sample coupons and families of ``path`` in the lane's file unless it holds
    coupons already (HQ's, or an earlier demo's); like :func:`ensure_demo_offers`, the
    coupons cursor stays where it is, so HQ's own copies replace them at the next pull.

    Returns:
        How many coupons were stored now (0: the store had some).
    Raises:
        OfferError: the sample file is broken; StoreError.
    """
    conn = connect(store_path)
    try:
        repository = CouponRepository(conn)
        if repository.coupon_list().offers:
            return 0
        data = json.loads(path.read_text(encoding="utf-8"))
        coupons = [(coupon_offer_from_record(record), 0) for record in data.get("coupons", [])]
        families = [family_from_record(record) for record in data.get("families", [])]
        repository.apply_changes(coupons, [], families, [], repository.cursor())
        log.info("demo coupons stored: %d coupons, %d families", len(coupons), len(families))
        return len(coupons)
    finally:
        conn.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DemoRig:
    """Simulators and a local HQ for ``kiosk demo``; use as a context manager."""

    def __init__(self, workdir: Path, *, with_hq: bool = True, with_station: bool = False) -> None:
        self.workdir = workdir
        self.with_hq = with_hq
        self.with_station = with_station
        self.stop_event = threading.Event()
        self.scanner_port = VirtualPort(name="sim-scanner")
        self.scale_port = VirtualPort(name="sim-scale")
        self.printer_port = VirtualPort(name="sim-printer")
        self.scanner = ScannerSimulator(self.scanner_port)
        self.scale = ScaleSimulator("toledo")
        # the bagging area's scale: a lane device only when [bagging] enabled
        self.bag_port = VirtualPort(name="sim-bagging")
        self.bag_scale = ScaleSimulator("toledo")
        # each receipt a new file (time and sale id): a restart never overwrites one
        self.printer = PrinterSimulator(out_dir=workdir / "receipts", unique_names=True)
        self.terminal = SimulatedTerminal(
            Ledger(workdir / "terminal-ledger.jsonl"),
            show=lambda text: log.info("terminal: %s", text),
        )
        self.terminal_server = TerminalServer(self.terminal)
        self.hq: subprocess.Popen[bytes] | None = None
        self.hq_url = ""
        self.hq_token = ""
        self.station: subprocess.Popen[bytes] | None = None
        self.station_url = ""
        self.station_key = secrets.token_urlsafe(24)

    def __enter__(self) -> DemoRig:
        self.workdir.mkdir(parents=True, exist_ok=True)
        for port in (self.scanner_port, self.scale_port, self.printer_port, self.bag_port):
            port.plug()
        start_thread("sim-scale", lambda: serve_scale(self.scale, self.scale_port, self.stop_event))
        start_thread(
            "sim-bagging", lambda: serve_scale(self.bag_scale, self.bag_port, self.stop_event)
        )
        start_thread(
            "sim-printer", lambda: serve_printer(self.printer, self.printer_port, self.stop_event)
        )
        self.terminal_server.start()
        if self.with_hq:
            self._start_hq()
        if self.with_station:
            self._start_station()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_event.set()
        self.terminal_server.stop()
        for child in (self.hq, self.station):
            if child is not None:
                child.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.wait(10)
        for port in (self.scanner_port, self.scale_port, self.printer_port, self.bag_port):
            with contextlib.suppress(Exception):
                port.unplug()

    def configure(self, config: KioskConfig) -> KioskConfig:
        """``config`` with the devices, terminal and HQ pointed at this rig."""
        devices = (
            DeviceConfig(
                name="scanner",
                type="scanner",
                driver="serial",
                port=self.scanner_port.path,
                options={"terminator": "CR"},
            ),
            DeviceConfig(
                name="scale",
                type="scale",
                driver="toledo",
                port=self.scale_port.path,
                options={"parity": "N", "bytesize": 8},
                required=False,
            ),
            DeviceConfig(
                name="printer",
                type="printer",
                driver="serial",
                port=self.printer_port.path,
                required=False,
            ),
        )
        if config.bagging.enabled:  # the bagging area's scale (kiosk.domain.bagging)
            devices += (
                DeviceConfig(
                    name=config.bagging.scale,
                    type="scale",
                    driver="toledo",
                    port=self.bag_port.path,
                    options={"parity": "N", "bytesize": 8},
                    required=False,
                ),
            )
        payment = dataclasses.replace(
            config.payment, terminal_url=self.terminal_server.url, poi_id=self.terminal.poi_id
        )
        sync = dataclasses.replace(config.sync, hq_url=self.hq_url, token=self.hq_token)
        station = config.station
        if self.station_url:
            station = dataclasses.replace(station, url=self.station_url, key=self.station_key)
        return dataclasses.replace(
            config, devices=devices, payment=payment, sync=sync, station=station
        )

    def _hq(self, *args: str, capture: bool = False) -> str:
        database = f"sqlite:///{self.workdir / 'hq.sqlite3'}"
        command = [
            sys.executable,
            "-m",
            "kiosk",
            "hq",
            "--config",
            str(self._hq_config()),
            "--database-url",
            database,
            *args,
        ]
        if capture:
            return subprocess.run(command, check=True, capture_output=True, text=True).stdout
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        return ""

    def _hq_config(self) -> Path:
        path = self.workdir / "hq.toml"
        path.write_text('[lane]\nstore_id = "demo-store"\nlane_id = "hq"\n', encoding="utf-8")
        return path

    def _start_hq(self) -> None:
        self._hq("init")
        token = self._hq("enrol-lane", "--store", "demo-store", "--lane", "lane-01", capture=True)
        self.hq_token = next(
            line for line in token.splitlines() if line.strip() and not line.startswith("#")
        ).strip()
        self._hq("catalog", "import", str(SAMPLE_CATALOG), "--replace")
        self._hq("offers", "import", str(SAMPLE_OFFERS))  # they reach the lane with the catalog
        self._hq("recalls", "import", str(SAMPLE_RECALLS))  # ... and so do the recalls
        self._hq("coupons", "import", str(SAMPLE_COUPONS))  # ... and the coupon list
        port = free_port()
        self.hq_url = f"http://127.0.0.1:{port}"
        database = f"sqlite:///{self.workdir / 'hq.sqlite3'}"
        self.hq = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kiosk",
                "hq",
                "--config",
                str(self._hq_config()),
                "--database-url",
                database,
                "serve",
                "--port",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=(self.workdir / "hq.log").open("ab"),
            env={**os.environ, "KIOSK_CONFIG": str(self._hq_config())},
        )
        deadline = kiosk_clock.monotonic() + 20
        while kiosk_clock.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.hq_url}/openapi.json", timeout=1).status_code == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"the demo HQ did not start; see {self.workdir / 'hq.log'}")

    def _start_station(self) -> None:
        """``kiosk station serve`` in a child process, with the demo attendant among the
        store's staff accounts (the station's staff file is where the lanes copy them from)."""
        folder = self.workdir / "station"
        folder.mkdir(parents=True, exist_ok=True)
        ensure_demo_attendant(folder / "staff.sqlite3")
        port = free_port()
        self.station_url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "kiosk", "station", "serve", "--dir", str(folder)]
        self.station = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=(self.workdir / "station.log").open("ab"),
            env={**os.environ, "KIOSK_STATION_KEY": self.station_key},
        )
        deadline = kiosk_clock.monotonic() + 20
        while kiosk_clock.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.station_url}/", timeout=1).status_code < 500:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"the demo station did not start; see {self.workdir / 'station.log'}")

    def sample_codes(self) -> list[str]:
        """A few codes from the sample catalog to try on the simulated scanner."""
        import csv

        codes: list[str] = []
        with SAMPLE_CATALOG.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["gtin"] and len(codes) < 12:
                    codes.append(f"{row['gtin'].split('|')[0]}  {row['name_en']}")
        return codes
