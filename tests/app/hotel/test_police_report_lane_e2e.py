"""A check-in in Spain reaches SES.HOSPEDAJES: the lane as ``kiosk run`` builds it, the
hotel's simulators (PMS, encoder, document reader, terminal, printer) and the SES
simulator over HTTP, a real SQLite store.

GIVEN a hotel in Spain whose SES service is down WHEN Ana and Luis check in (IDs read,
details typed, card signed, paid, keys taken) THEN the parte de viajeros is queued with
the visit's record; WHEN the service comes back THEN it is sent once, validated by the
service, and the lane keeps its lote. No MRZ is anywhere in the store or the logs.
"""

from __future__ import annotations

import logging
import socket
from datetime import timedelta
from pathlib import Path

import hotel_lane_rig
import pytest
from hotel_lane_rig import NOW, check_in_to_keys, hotel_rig, running_lane, wait_for
from lxml import etree

from kiosk.app.demo_hotel import GUEST_DOCUMENTS
from kiosk.app.hotel.police_sender import PoliceSender
from kiosk.backoffice.ses.sim import LANDLORD, PASSWORD, USER, SesSimulator
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.pms import Address
from kiosk.domain.hotel.states import Step
from kiosk.store import police_reports
from kiosk.store.db import connect

LISBON = Address("Rua Augusta 10", "Lisboa", "1100-053", "PT")


def type_details(lane, guest_id: str) -> None:  # type: ignore[no-untyped-def]
    """What Spain's register asks beyond the passport: the address and a contact."""
    details = ev.GuestDetailsEntered(guest_id, NOW, address=LISBON, email=f"{guest_id}@example.com")
    lane.controller.send(details)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_check_in_in_spain_is_reported_once_the_service_is_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(hotel_lane_rig, "register_guest", type_details)
    port = free_port()
    url = f"http://127.0.0.1:{port}/hospedajes-web/ws/v1/comunicacion"
    ses = {
        "country": "ES",
        "ses_url": url,
        "ses_user": USER,
        "ses_password": PASSWORD,
        "ses_landlord": LANDLORD,
        "ses_establishment": "0000000042",
    }
    store = tmp_path / "lane.sqlite3"
    with hotel_rig(tmp_path, **ses) as rig, running_lane(rig) as lane:
        sender = next(e for e in lane.extras if isinstance(e, PoliceSender))
        check_in_to_keys(rig, lane)
        lane.controller.send(ev.KeyCountChosen(2, NOW))
        state = wait_for(lane, lambda s: s.step is Step.DONE)
        conn = connect(store, migrate=False)
        try:
            # the service is down: the report waits in the queue, tried and not lost
            with sender.round_done:
                sender.wake()
                assert sender.round_done.wait_for(
                    lambda: _row(conn, state.checkin_id).attempts >= 1, timeout=60
                )
            assert _row(conn, state.checkin_id).state == "queued"
            with SesSimulator(port=port) as sim, sender.round_done:
                rig.clock.advance(timedelta(seconds=sender.delay(1)))  # its next try is due
                sender.wake()
                assert sender.round_done.wait_for(
                    lambda: _row(conn, state.checkin_id).state == "sent", timeout=60
                )
                row = _row(conn, state.checkin_id)
                assert list(sim.service.accepted) == [row.lote]
                filed = sim.service.accepted[row.lote][0]
        finally:
            conn.close()
    assert (filed.reference, filed.persons, filed.establishment) == ("4701", 2, "0000000042")
    root = etree.fromstring(filed.xml)
    people = root.findall("solicitud/comunicacion/persona")
    assert [p.findtext("apellido1") for p in people] == ["GARCIA LOPEZ", "MARTIN"]
    assert [p.findtext("tipoDocumento") for p in people] == ["PAS", "PAS"]
    assert [p.findtext("numeroDocumento") for p in people] == ["PAB123456", "PXC765432"]
    assert root.findtext("solicitud/comunicacion/contrato/pago/tipoPago") == "TARJT"
    _no_mrz_anywhere(store, caplog.text)


def _row(conn, report_id: str) -> police_reports.ReportRow:  # type: ignore[no-untyped-def]
    return next(r for r in police_reports.list_reports(conn) if r.report_id == report_id)


def _no_mrz_anywhere(store: Path, logs: str) -> None:
    lines = [line for name in ("ana", "luis") for line in GUEST_DOCUMENTS[name]]
    blobs = b"".join(p.read_bytes() for p in store.parent.glob(store.name + "*"))
    for line in lines:
        assert line.encode() not in blobs
        assert line not in logs
        assert line[:30].encode() not in blobs
    for number in ("PAB123456", "PXC765432"):  # the numbers the law asks for: never logged
        assert number not in logs
