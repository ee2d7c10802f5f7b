"""The airport demo rig: the self-checkout's rig plus the airline and the travel devices.

``AirportDemoRig`` adds to :class:`kiosk.app.demo.DemoRig` (scanner, scale, receipt
printer, card terminal, local HQ) the airline's DCS simulator over HTTP, a document
reader, a boarding pass printer (ATB) and a bag tag printer (BTP) on real ptys,
each printed document drawn to PNG under ``<dir>/boarding-passes`` and
``<dir>/bag-tags``. The lane runs its real drivers against them.

``AirportDemoConsole`` reads the terminal while the window runs: ``doc anna`` puts
Anna's passport on the reader, ``scan TEXT`` scans a code (a boarding pass),
``bag 18.5`` puts an 18.5 kg bag on the belt (``bag 0`` takes it off),
``paper out|low|ok`` and ``jam`` spoil the printers (``fixed`` mends them),
``dcs down|up`` the airline.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from pathlib import Path

from kiosk.app.demo import DemoRig
from kiosk.app.demo_console import TravelDemoConsole
from kiosk.backoffice.dcs.sim import DcsSimulator
from kiosk.config import KioskConfig
from kiosk.config.devices import DeviceConfig
from kiosk.devices.aea.sim import AeaSimulator
from kiosk.devices.aea.sim import serve_pty as serve_aea
from kiosk.devices.docreader.samples import DESCRIPTIONS, SAMPLE_DOCUMENTS
from kiosk.devices.docreader.sim import DocReaderSimulator
from kiosk.devices.sim.pty import VirtualPort
from kiosk.threads import start_thread

log = logging.getLogger(__name__)
#: The demo's booking: two passengers, one bag each (docs/airport.md).
DEMO_BOOKING = ("KX7Q2M", "ERIKSSON")


class AirportDemoRig(DemoRig):
    """Simulators for the airport journey; use as a context manager."""

    def __init__(self, workdir: Path, *, with_hq: bool = True, airport: str = "LIS") -> None:
        super().__init__(workdir, with_hq=with_hq)
        self.dcs = DcsSimulator(airport)
        self.scale.capacity_g = 60_000  # a belt scale for bags, not a 15 kg produce scale
        self.docreader_port = VirtualPort(name="sim-docreader")
        self.docreader = DocReaderSimulator(self.docreader_port)
        self.atb_port = VirtualPort(name="sim-atb")
        self.btp_port = VirtualPort(name="sim-btp")
        self.atb = AeaSimulator("atb", out_dir=workdir / "boarding-passes")
        self.btp = AeaSimulator("btp", out_dir=workdir / "bag-tags")

    def __enter__(self) -> AirportDemoRig:
        super().__enter__()
        for port in (self.docreader_port, self.atb_port, self.btp_port):
            port.plug()
        start_thread("sim-atb", lambda: serve_aea(self.atb, self.atb_port, self.stop_event))
        start_thread("sim-btp", lambda: serve_aea(self.btp, self.btp_port, self.stop_event))
        self.dcs.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.dcs.stop()
        super().__exit__(*exc)
        for port in (self.docreader_port, self.atb_port, self.btp_port):
            with contextlib.suppress(Exception):
                port.unplug()

    def configure(self, config: KioskConfig) -> KioskConfig:
        """``config`` with every device, the terminal, HQ and the DCS pointed at this rig."""
        config = super().configure(config)
        travel = (
            DeviceConfig(
                name="docreader", type="docreader", driver="serial", port=self.docreader_port.path
            ),
            DeviceConfig(
                name="boarding_pass_printer",
                type="atb_printer",
                driver="serial",
                port=self.atb_port.path,
                required=False,
            ),
            DeviceConfig(
                name="bag_tag_printer",
                type="btp_printer",
                driver="serial",
                port=self.btp_port.path,
                required=False,
            ),
        )
        airport = dataclasses.replace(
            config.airport, dcs_url=self.dcs.url, dcs_key=self.dcs.api_key
        )
        return dataclasses.replace(config, devices=(*config.devices, *travel), airport=airport)


def _kilograms(text: str) -> int:
    grams = round(float(text.replace(",", ".")) * 1000)
    if not 0 <= grams <= 100_000:
        raise ValueError("a bag weighs 0 to 100 kg")
    return grams


class AirportDemoConsole(TravelDemoConsole):
    """The demo's terminal: what a person does to the devices (see the module docstring)."""

    def help(self) -> str:
        documents = ", ".join(f"{name} ({DESCRIPTIONS.get(name, '')})" for name in SAMPLE_DOCUMENTS)
        return "\n".join(
            [
                f"  doc NAME      put a passport / ID on the document reader: {documents}",
                "  scan TEXT     scan a code (a boarding pass's BCBP text)",
                "  bag KG        put a bag of KG kilograms on the belt scale (bag 0: take it off)",
                "  paper out|low|ok   the boarding pass and bag tag printers' paper",
                "  jam           jam the boarding pass printer's next print",
                "  fixed         clear a jam and refill both printers",
                "  dcs down|up   the airline's system stops / starts answering",
                "  state         the step the check-in is at",
                "  wait STEP S   wait up to S seconds for the check-in to reach STEP (scripts)",
                "  quit          stop reading commands (the window stays)",
                f"  the demo booking: reference {DEMO_BOOKING[0]}, surname {DEMO_BOOKING[1]}",
            ]
        )

    def _command(self, word: str, rest: str) -> str:
        rig = self.rig
        if word == "doc":
            self._device_ready("docreader")  # a read before the port is open is lost
            rig.docreader.present(rest)
            return f"document {rest!r} on the reader"
        if word == "scan":
            rig.scanner.scan(rest)
            return "scanned"
        if word == "bag":
            rig.scale.load_g = _kilograms(rest or "0")
            rig.scale.motion = False
            return f"the belt scale shows {rig.scale.load_g / 1000:.1f} kg"
        if word == "paper":
            return "; ".join(sim.command(f"paper {rest}") for sim in (rig.atb, rig.btp))
        if word == "jam":
            return rig.atb.command("jam next")
        if word == "fixed":
            return "; ".join(sim.command("recover") for sim in (rig.atb, rig.btp))
        if word == "dcs":
            if rest == "down":
                rig.dcs.fail_next(1_000_000)
                return "the DCS answers 503 from now on"
            rig.dcs.fail_next(0)
            return "the DCS answers again"
        return f"unknown command {word!r}; `help` lists them"
