"""The hotel demo rig: the self-checkout's rig plus the hotel's PMS, lock system and ID reader.

``HotelDemoRig`` adds to :class:`kiosk.app.demo.DemoRig` (scanner, receipt printer,
card terminal, local HQ) the Mews Connector API simulator over HTTP
(:class:`kiosk.backoffice.pms.sim.MewsSimulator`, its sample hotel's stays on the
rig clock's day), the Salto key encoder simulator over TCP
(:class:`kiosk.devices.keyencoder.serve.TcpServer`) and a document reader on a
real pty, and an SMTP sink (:class:`kiosk.backoffice.mail.sim.MailSink`, ``kiosk
sim mail``). The lane runs its real drivers against them; the registration card and
the invoice come out of the receipt printer simulator as PNG under
``<dir>/receipts``, and e-mailed ones as ``.eml`` files under ``<dir>/mail``.

``HotelDemoConsole`` reads the terminal while the window runs: ``doc ana`` puts
Ana García López's passport on the reader (``doc luis``, ``doc stranger``),
``scan TEXT`` scans a code (the booking e-mail's QR), ``card N`` puts key N on the
encoder (``card blank``, ``card none``), ``encoder fail|ok``, ``pms down|up``,
``room 112 clean`` (housekeeping), ``paper out|ok``, ``mail`` (the e-mails sent).

The guests' documents are specimens written by :func:`kiosk.domain.travel.format_mrz`
for the simulator's sample stays (no real person's MRZ).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from kiosk import clock as kiosk_clock
from kiosk.app.demo import DemoRig
from kiosk.app.demo_console import TravelDemoConsole
from kiosk.backoffice.mail.sim import MailSink
from kiosk.backoffice.pms.sim import ACCESS_TOKEN, CLIENT_TOKEN, MewsSimulator
from kiosk.backoffice.ses.sim import LANDLORD as SES_LANDLORD
from kiosk.backoffice.ses.sim import PASSWORD as SES_PASSWORD
from kiosk.backoffice.ses.sim import USER as SES_USER
from kiosk.backoffice.ses.sim import SesSimulator
from kiosk.config import KioskConfig
from kiosk.config.devices import DeviceConfig
from kiosk.devices.docreader.sim import DocReaderSimulator
from kiosk.devices.keyencoder.serve import TcpServer
from kiosk.devices.keyencoder.sim import SaltoSimulator
from kiosk.devices.sim.pty import VirtualPort
from kiosk.domain.travel import MrzDocument, format_mrz

log = logging.getLogger(__name__)
#: The demo's stay: Ana García López and Luis Martín arrive today for 2 nights (room 204).
DEMO_STAY = ("4701", "García López")


def _passport(
    surname: str, given: str, number: str, born: date, *, sex: str, state: str = "ESP"
) -> tuple[str, ...]:
    expires = date(2031, 4, 15)
    return tuple(
        format_mrz(
            MrzDocument(
                format="TD3",
                document_code="P",
                issuing_state=state,
                primary_name=surname,
                secondary_name=given,
                name_truncated=False,
                document_number=number,
                nationality=state,
                birth_date_text=born.strftime("%y%m%d"),
                birth_date=born,
                sex=sex,
                expiry_date_text=expires.strftime("%y%m%d"),
                expiry_date=expires,
                optional_data="",
            )
        )
    )


#: Specimen passports of the sample hotel's guests (name -> MRZ lines).
GUEST_DOCUMENTS: dict[str, tuple[str, ...]] = {
    "ana": _passport("GARCIA LOPEZ", "ANA", "PAB123456", date(1985, 3, 2), sex="F"),
    "luis": _passport("MARTIN", "LUIS", "PXC765432", date(1983, 7, 9), sex="M"),
    "marco": _passport("ROSSI", "MARCO", "YA1234567", date(1979, 11, 23), sex="M", state="ITA"),
    "claire": _passport("DUBOIS", "CLAIRE", "19AB12345", date(1991, 5, 14), sex="F", state="FRA"),
    "stranger": _passport("NOBODY", "NEMO", "PZZ000001", date(1990, 1, 1), sex="M", state="UTO"),
}


class HotelDemoRig(DemoRig):
    """Simulators for the hotel journey; use as a context manager.

    ``clock`` drives the PMS simulator (its sample stays are on the clock's day); pass
    the lane's clock so both agree on "today".
    """

    def __init__(
        self,
        workdir: Path,
        *,
        with_hq: bool = True,
        clock: Callable[[], datetime] = kiosk_clock.utc_now,
    ) -> None:
        super().__init__(workdir, with_hq=with_hq)
        self.pms = MewsSimulator(clock=clock)
        self.salto = SaltoSimulator()
        self.encoder_server = TcpServer(self.salto)
        self.docreader_port = VirtualPort(name="sim-docreader")
        self.docreader = DocReaderSimulator(self.docreader_port)
        self.mail = MailSink(workdir / "mail", port=0, show=log.info)
        self.ses = SesSimulator()  # Spain's SES.HOSPEDAJES (used when [hotel] country = "ES")

    def __enter__(self) -> HotelDemoRig:
        super().__enter__()
        self.docreader_port.plug()
        self.encoder_server.start()
        self.pms.start()
        self.mail.start()
        self.ses.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.pms.stop()
        self.mail.stop()
        self.ses.stop()
        self.encoder_server.stop()
        super().__exit__(*exc)
        with contextlib.suppress(Exception):
            self.docreader_port.unplug()

    def configure(self, config: KioskConfig) -> KioskConfig:
        """``config`` with every device, the terminal, HQ and the PMS pointed at this rig."""
        config = super().configure(config)
        hotel_devices = (
            DeviceConfig(
                name="docreader", type="docreader", driver="serial", port=self.docreader_port.path
            ),
            DeviceConfig(
                name="keyencoder",
                type="keyencoder",
                driver="tcp",
                port=self.encoder_server.address,
                options={"encode_timeout_s": 10.0, "ack_timeout_s": 2.0},
            ),
        )
        hotel = dataclasses.replace(
            config.hotel,
            base_url=self.pms.url,
            client_token=CLIENT_TOKEN,
            access_token=ACCESS_TOKEN,
            smtp_host=self.mail.host,
            smtp_port=self.mail.port,
            smtp_starttls=False,
            ses_url=self.ses.url,
            ses_user=SES_USER,
            ses_password=SES_PASSWORD,
            ses_landlord=SES_LANDLORD,
            ses_establishment=config.hotel.ses_establishment or "0000000001",
        )
        devices = (*config.devices, *hotel_devices)
        return dataclasses.replace(config, devices=devices, hotel=hotel)


class HotelDemoConsole(TravelDemoConsole):
    """The demo's terminal: what a person does to the devices (see the module docstring)."""

    def help(self) -> str:
        return "\n".join(
            [
                f"  doc NAME      put a passport on the reader: {', '.join(GUEST_DOCUMENTS)}",
                "  scan TEXT     scan a code (the booking e-mail's QR code, a confirmation number)",
                "  card N        key card N (as encoded) on the encoder; card blank, card none",
                "  encoder fail|ok   the encoder's next key fails (card pulled) / works",
                "  pms down|up   the hotel's system stops / starts answering",
                "  room NUMBER STATE   housekeeping: e.g. room 112 clean",
                "  paper out|ok  the receipt printer's paper",
                "  mail          the e-mails the guests were sent (.eml files of the SMTP sink)",
                "  state         the step the visit is at",
                "  wait STEP S   wait up to S seconds for the visit to reach STEP (scripts)",
                "  quit          stop reading commands (the window stays)",
                f"  the demo stay: confirmation {DEMO_STAY[0]}, surname {DEMO_STAY[1]}",
            ]
        )

    def _command(self, word: str, rest: str) -> str:
        rig = self.rig
        if word == "doc":
            if rest not in GUEST_DOCUMENTS:
                raise ValueError(f"no document {rest!r}; known: {', '.join(GUEST_DOCUMENTS)}")
            self._device_ready("docreader")
            rig.docreader.present_lines(GUEST_DOCUMENTS[rest], rest)
            return f"{rest}'s passport on the reader"
        if word == "scan":
            rig.scanner.scan(rest)
            return "scanned"
        if word == "card":
            if rest == "none":
                return rig.salto.command("nocard")
            rig.salto.command("card")
            return rig.salto.command("blank" if rest == "blank" else f"present {rest}")
        if word == "encoder":
            if rest == "fail":
                return rig.salto.command("error EP card pulled")
            rig.salto.next_error = None
            return rig.salto.command("answer")
        if word == "pms":
            if rest == "down":
                rig.pms.fail_next(1_000_000)
                return "the PMS answers 503 from now on"
            rig.pms.faults.clear()
            return "the PMS answers again"
        if word == "room":
            number, _, state = rest.partition(" ")
            rig.pms.set_room_state(number, state.strip().capitalize() or "Clean")
            return f"room {number} is {state or 'clean'}"
        if word == "paper":
            return rig.printer.command(f"paper {rest}")
        if word == "mail":
            sent = rig.mail.messages()
            return "\n".join(str(path) for path in sent) or f"no e-mail yet ({rig.mail.folder})"
        return f"unknown command {word!r}; `help` lists them"
