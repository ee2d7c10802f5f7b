"""The traveller reports' queue at the lane: queued with the visit, sent in the background.

Real parts: a SQLite lane store, the SES simulator over HTTP on 127.0.0.1, the
real driver. The clock is the test's, so retries and retention are exact.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.app.hotel.police import PoliceReports
from kiosk.app.hotel.police_sender import PoliceSender
from kiosk.backoffice.ses import SesClient, solicitud_xml
from kiosk.backoffice.ses.sim import LANDLORD, PASSWORD, USER, SesSimulator
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel.pms import (
    Address,
    DocumentType,
    GuestIdentity,
    IdentityDocument,
    Stay,
    StayState,
)
from kiosk.domain.hotel.police.ses import Contract, Person, SesAddress, TravellerReport
from kiosk.domain.hotel.register import RegisterData
from kiosk.domain.hotel.states import GuestCheck, GuestState, HotelSettings, HotelState
from kiosk.domain.money import Money
from kiosk.store import police_reports as reports
from kiosk.store.db import connect

T0 = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def payload(reference: str, surname: str = "MARTIN") -> bytes:
    home = SesAddress("Rua Augusta 1", "1100-048", "PRT", municipality="Lisboa")
    person = Person(
        "LUIS", surname, "", date(1983, 7, 9), home, "PAS", "PXC765432", nationality="ESP",
        sex="H", phone="+34600111222",
    )  # fmt: skip
    contract = Contract(
        reference, date(2026, 12, 5), datetime(2026, 12, 5, 16), datetime(2026, 12, 8, 12), 1,
        "TARJT",
    )  # fmt: skip
    return solicitud_xml(TravellerReport("v-" + reference, "s1", "0000000042", contract, (person,)))


def queue(conn, reference: str, at: datetime = T0) -> None:  # type: ignore[no-untyped-def]
    reports.queue_report(
        conn, report_id="v-" + reference, service="ses_hospedajes", stay_id="s1",
        reference=reference, payload=payload(reference), at=at,
    )  # fmt: skip


def state_of(conn, report_id: str) -> reports.ReportRow:  # type: ignore[no-untyped-def]
    return next(r for r in reports.list_reports(conn) if r.report_id == report_id)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    conn = connect(tmp_path / "lane.sqlite3")
    yield conn
    conn.close()


def sender_for(url: str, clock: Clock, **kwargs: object) -> PoliceSender:
    client = SesClient(url, USER, PASSWORD, LANDLORD, timeout_s=5)
    return PoliceSender(lambda: None, client, clock, **kwargs)  # type: ignore[arg-type]


def test_offline_the_report_waits_then_goes_once_with_its_lote_recorded(store) -> None:  # type: ignore[no-untyped-def]
    clock, port = Clock(), free_port()
    url = f"http://127.0.0.1:{port}/hospedajes-web/ws/v1/comunicacion"
    sender = sender_for(url, clock, base_s=5, max_s=60)
    queue(store, "4701")
    # GIVEN the service is down: the report stays queued, with a retry time and the reason
    wait = sender.run_once(store)
    row = state_of(store, "v-4701")
    assert (row.state, row.attempts, row.lote) == ("queued", 1, "")
    assert "unreachable" in row.error
    assert wait == pytest.approx(5, abs=0.1)
    assert reports.due_reports(store, clock()) == []  # not before its time
    clock.now += timedelta(seconds=5)
    sender.run_once(store)
    assert state_of(store, "v-4701").attempts == 2  # still down: 10 s next
    assert sender.delay(3) == 20
    assert sender.delay(30) == 60
    # WHEN the service is back and the time has come
    with SesSimulator(port=port) as sim:
        clock.now += timedelta(seconds=10)
        sender.run_once(store)
        sender.run_once(store)  # a second round sends nothing again
        # THEN it was sent once and its lote is the one the service filed it under
        row = state_of(store, "v-4701")
        assert row.state == "sent"
        assert list(sim.service.accepted) == [row.lote]
        assert sim.service.requests == 1
        assert row.sent_at.startswith("2026-12-05T15:00:15")
        assert row.error == ""


def test_a_refused_report_is_marked_failed_and_the_next_one_is_sent(store, caplog) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    with SesSimulator() as sim:
        sender = sender_for(sim.url, clock)
        queue(store, "A1", T0)
        queue(store, "A2", T0 + timedelta(seconds=1))
        clock.now += timedelta(seconds=2)
        sim.refuse_next(code="10121", description="persona 1: numeroDocumento no válido")
        sender.run_once(store)
        first, second = state_of(store, "v-A1"), state_of(store, "v-A2")
        assert first.state == "failed"
        assert "10121" in first.error
        assert "numeroDocumento" in first.error
        assert second.state == "sent"
        assert sim.service.references() == ["A2"]
    assert "ALERT traveller report v-A1 refused" in caplog.text
    assert reports.due_reports(store, clock.now + timedelta(days=1)) == []


def test_a_garbled_answer_is_tried_again_not_lost(store) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    with SesSimulator() as sim:
        sender = sender_for(sim.url, clock)
        queue(store, "B1")
        sim.garbage_next()
        sender.run_once(store)
        assert state_of(store, "v-B1").state == "queued"
        assert "not XML" in state_of(store, "v-B1").error
        clock.now += timedelta(minutes=1)
        sender.run_once(store)
        assert state_of(store, "v-B1").state == "sent"


def test_sent_and_failed_reports_are_purged_after_the_retention_but_queued_ones_stay(
    store,  # type: ignore[no-untyped-def]
) -> None:
    clock = Clock()
    with SesSimulator() as sim:
        sender = sender_for(sim.url, clock, keep_days=1095)
        queue(store, "C1")
        sender.run_once(store)  # sent at T0
        reports.note_refused(
            store, report_id="v-C2", service="ses_hospedajes", stay_id="s2", reference="C2",
            error="not built: guest g1: contact is missing", at=T0,
        )  # fmt: skip
        assert reports.load_payload(store, "v-C1") is not None
    clock.now = T0 + timedelta(days=1095)  # not yet: exactly the retention
    offline = sender_for(f"http://127.0.0.1:{free_port()}/ws/comunicacion", clock)
    queue(store, "C3", T0)  # never sent: the duty is still open
    offline.run_once(store)
    assert {r.report_id for r in reports.list_reports(store)} == {"v-C1", "v-C2", "v-C3"}
    clock.now += timedelta(minutes=1)
    offline.run_once(store)
    assert [r.report_id for r in reports.list_reports(store)] == ["v-C3"]
    assert reports.load_payload(store, "v-C1") is None


def test_the_background_thread_sends_when_woken(tmp_path: Path) -> None:
    clock = Clock()
    path = tmp_path / "lane.sqlite3"
    conn = connect(path)
    with SesSimulator() as sim:
        client = SesClient(sim.url, USER, PASSWORD, LANDLORD, timeout_s=5)
        sender = PoliceSender(lambda: connect(path, migrate=False), client, clock, idle_s=600)
        sender.start()
        try:
            queue(conn, "D1")
            with sender.round_done:
                sender.wake()
                assert sender.round_done.wait_for(
                    lambda: state_of(conn, "v-D1").state == "sent", timeout=30
                )
        finally:
            sender.stop()
    conn.close()


# -- the runner's port: documents kept in memory, the report queued with the record ------

SETTINGS = HotelSettings(hotel="H", country="ES", currency="EUR", utc_offset_minutes=60)
STAY = Stay(
    "s9", "4709", StayState.EXPECTED, date(2026, 12, 5), date(2026, 12, 7),
    T0, T0 + timedelta(days=2, hours=-4), "Double", None, 1, 0, (), "Flex",
    Money(0, "EUR"), Money(0, "EUR"),
)  # fmt: skip
HOME = Address("Rua Augusta 1", "Lisboa", "1100-048", "PT")
PASSPORT = IdentityDocument(DocumentType.PASSPORT, "PXC765432", "ES", date(2031, 1, 1))


def finished(country: str = "ES", **data: object) -> HotelState:
    base = RegisterData(
        surname="MARTIN", given_names="LUIS", sex="M", birth_date=date(1983, 7, 9),
        nationality="ES", document_code="P", has_document_number=True, issuing_state="ESP",
        address=HOME, email="luis@example.com",
    )  # fmt: skip
    guest = GuestState(
        "g9", "Martin", "Luis", pms_id="g9", check=GuestCheck.DONE,
        data=replace(base, **data),  # type: ignore[arg-type]
    )  # fmt: skip
    settings = replace(SETTINGS, country=country)
    return replace(
        HotelState.start(settings, "visit-9"), stay=STAY, guests=(guest,), checked_in=True
    )


def update(state: HotelState) -> fx.UpdateGuest:
    identity = GuestIdentity("MARTIN", "LUIS", "ES", date(1983, 7, 9), "M", PASSPORT)
    return fx.UpdateGuest(STAY.stay_id, "g9", identity)


def test_the_port_queues_the_report_with_the_document_the_pms_got(store) -> None:  # type: ignore[no-untyped-def]
    woken = threading.Event()
    port = PoliceReports(store, "ES", "0000000042", woken.set)
    state = finished()
    port.seen(update(state), state)
    port.recorded(state, T0)
    port.recorded(state, T0)  # the record stored again: nothing queued twice
    row = state_of(store, "visit-9")
    assert (row.state, row.reference, row.stay_id) == ("queued", "4709", "s9")
    xml = reports.load_payload(store, "visit-9")
    assert xml is not None
    assert b"<numeroDocumento>PXC765432</numeroDocumento>" in xml
    assert b"<tipoDocumento>PAS</tipoDocumento>" in xml
    assert woken.is_set()


def test_a_country_without_the_duty_queues_nothing(store) -> None:  # type: ignore[no-untyped-def]
    port = PoliceReports(store, "PT", "")
    state = finished("PT")
    port.seen(update(state), state)
    port.recorded(state, T0)
    assert reports.list_reports(store) == []


def test_a_report_that_cannot_be_built_is_kept_failed_naming_the_field(store, caplog) -> None:  # type: ignore[no-untyped-def]
    port = PoliceReports(store, "ES", "0000000042")
    state = finished(email="")
    port.seen(update(state), state)
    port.recorded(state, T0)
    row = state_of(store, "visit-9")
    assert row.state == "failed"
    assert "contact" in row.error
    assert reports.load_payload(store, "visit-9") is None
    assert "ALERT visit visit-9" in caplog.text
    assert "PXC765432" not in caplog.text


def test_documents_of_another_visit_are_not_used(store) -> None:  # type: ignore[no-untyped-def]
    port = PoliceReports(store, "ES", "0000000042")
    earlier = replace(finished(), checkin_id="visit-8")
    port.seen(update(earlier), earlier)
    port.recorded(finished(), T0)
    row = state_of(store, "visit-9")
    assert row.state == "failed"
    assert "document_number" in row.error


# -- which lanes send, and how the keys are checked ---------------------------------------


def _config(tmp_path: Path, **hotel: object):  # type: ignore[no-untyped-def]
    from kiosk.config import load_config

    root = Path(__file__).resolve().parents[3]
    config = load_config(root / "config" / "demo-hotel.toml", environ={})
    store = replace(config.store, path=tmp_path / "lane.sqlite3")
    return replace(config, store=store, hotel=replace(config.hotel, **hotel))


@pytest.mark.parametrize(
    ("hotel", "sends"),
    [
        ({"country": "ES", "ses_url": "http://127.0.0.1:9/ws/comunicacion"}, True),
        ({"country": "ES", "ses_url": ""}, False),  # queued only, and a warning
        ({"country": "PT", "ses_url": "http://127.0.0.1:9/ws/comunicacion"}, False),
        ({"country": "IT", "ses_url": "http://127.0.0.1:9/ws/comunicacion"}, False),
    ],
)
def test_only_a_spanish_lane_with_an_address_sends(tmp_path: Path, hotel, sends: bool) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app.hotel.police_sender import sender_from_config

    sender = sender_from_config(_config(tmp_path, **hotel), Clock())
    assert (sender is not None) is sends


def test_the_sender_thread_survives_a_store_it_cannot_open(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    from kiosk.store.errors import StoreError

    opened: list[int] = []

    def connect_later():  # type: ignore[no-untyped-def]
        opened.append(1)
        if len(opened) == 1:
            raise StoreError("the disk is not there yet")
        return connect(tmp_path / "lane.sqlite3")

    sender = PoliceSender(connect_later, sender_for("http://127.0.0.1:9/x", Clock()).client,
                          Clock(), base_s=0.01)  # fmt: skip
    sender.start()
    try:
        with sender.round_done:
            assert sender.round_done.wait_for(lambda: sender.rounds >= 2, timeout=30)
    finally:
        sender.stop()
    assert len(opened) == 2
    assert "the disk is not there yet" in caplog.text


@pytest.mark.parametrize(
    ("key", "value", "ok"),
    [
        ("ses_establishment", "0000000042", True),
        ("ses_establishment", "12345678901", False),
        ("ses_landlord", "00 01", False),
        ("ses_url", "ftp://ses", False),
        ("ses_keep_days", 0, False),
    ],
)
def test_bad_ses_keys_fail_at_start_naming_the_key(
    tmp_path: Path, key: str, value, ok: bool
) -> None:  # type: ignore[no-untyped-def]
    from kiosk.config import ConfigError, load_config

    path = tmp_path / "lane.toml"
    literal = f'"{value}"' if isinstance(value, str) else str(value)
    demo = (Path(__file__).resolve().parents[3] / "config" / "demo-hotel.toml").read_text("utf-8")
    demo = "\n".join(line for line in demo.splitlines() if not line.startswith(key + " "))
    path.write_text(demo.replace("[hotel]\n", f"[hotel]\n{key} = {literal}\n"), "utf-8")
    if ok:
        assert getattr(load_config(path, environ={}).hotel, key) == value
        return
    with pytest.raises(ConfigError, match=f"hotel.{key}"):
        load_config(path, environ={})


def test_the_ses_password_is_a_secret() -> None:
    from kiosk.config.remote import is_secret

    assert is_secret("ses_password")
