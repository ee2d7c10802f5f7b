"""The hotel runner's ports on their own: the key encoder (the real driver against the Salto
simulator over TCP: validity in the hotel's wall clock, failures as events), the card
operations the terminal cannot do, and the ESC/POS registration card and invoice."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk import clock as kiosk_clock
from kiosk.app.hotel.ports import (
    HotelKeys,
    HotelPayments,
    HotelPrinter,
    invoice_bytes,
    registration_card_bytes,
)
from kiosk.config.devices import DeviceConfig
from kiosk.devices.keyencoder.serve import TcpServer
from kiosk.devices.keyencoder.sim import SaltoSimulator
from kiosk.devices.registry import build_device
from kiosk.devices.status import Health
from kiosk.domain.hotel import effects as fx
from kiosk.domain.hotel import events as ev
from kiosk.domain.hotel.pms import Folio, FolioLine, FolioLineKind
from kiosk.domain.money import Money

NOW = datetime(2026, 12, 5, 14, 30, tzinfo=UTC)
MADRID = ZoneInfo("Europe/Madrid")
FAST = {"ack_timeout_s": 0.5, "encode_timeout_s": 2.0, "reconnect_initial_s": 0.05}


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def salto() -> Iterator[tuple[SaltoSimulator, object]]:
    sim = SaltoSimulator()
    server = TcpServer(sim)
    server.start()
    device = build_device(
        DeviceConfig(
            name="keys", type="keyencoder", driver="tcp", port=server.address, options=FAST
        )
    )
    device.start()
    deadline = kiosk_clock.monotonic() + 10
    while device.status.health is not Health.READY:
        assert kiosk_clock.monotonic() < deadline, "encoder not ready"
        threading.Event().wait(0.01)  # polling the device's status with a deadline
    try:
        yield sim, device
    finally:
        device.shutdown()
        server.stop()


def _key(key_no: int, *, first: bool) -> fx.EncodeKey:
    return fx.EncodeKey(
        room="204",
        key_no=key_no,
        count=2,
        valid_from=NOW,
        valid_until=datetime(2026, 12, 7, 10, 0, tzinfo=UTC),
        replace_existing=first,
    )


def test_keys_are_encoded_one_by_one_in_the_hotels_wall_clock(salto: tuple) -> None:
    sim, device = salto
    keys = HotelKeys(device, MADRID, lambda: NOW)
    assert keys.encode(_key(1, first=True)) == ev.KeyEncoded(1, "204", NOW)
    assert keys.encode(_key(2, first=False)) == ev.KeyEncoded(2, "204", NOW)
    first, second = sim.keys
    assert (first.copy, second.copy) == (False, True)
    # 14:30 UTC is 15:30 in Madrid in December; checked out at 11:00 local
    assert first.valid_from == datetime(2026, 12, 5, 15, 30)
    assert first.valid_to == datetime(2026, 12, 7, 11, 0)
    assert keys.read() == ev.KeyCardRead("204", NOW)
    keys.void("204")
    assert not any(sim.works(k) for k in sim.keys)


def test_a_key_not_confirmed_is_a_failure_naming_why(salto: tuple) -> None:
    sim, device = salto
    keys = HotelKeys(device, MADRID, lambda: NOW)
    sim.command("nocard")
    failed = keys.encode(_key(1, first=True))
    assert isinstance(failed, ev.KeyEncodingFailed)
    assert failed.key_no == 1
    assert failed.reason
    assert sim.keys == []
    assert isinstance(keys.read(), ev.KeyCardUnreadable)


def test_without_an_encoder_every_key_fails_and_no_card_is_read() -> None:
    keys = HotelKeys(None, MADRID, lambda: NOW)
    assert keys.encode(_key(1, first=True)) == ev.KeyEncodingFailed(1, "no_encoder", NOW)
    assert keys.read() == ev.KeyCardUnreadable("no_encoder", NOW)
    keys.void("204")  # nothing to check out: no error


def test_without_a_terminal_an_adjustment_is_declined() -> None:
    payments = HotelPayments(None, lambda: NOW, "EUR")
    answer = payments.run(fx.AdjustDeposit("pre-1", eur(20000)))
    assert isinstance(answer, ev.PaymentDeclined)
    assert answer.purpose is ev.PaymentPurpose.ADJUST
    assert answer.reason == "no card terminal"


@pytest.mark.parametrize(
    ("effect", "purpose"),
    [
        (fx.ChargeBalance("v1", "s1", eur(100)), ev.PaymentPurpose.BALANCE),
        (fx.PreauthoriseDeposit("v1", "s1", eur(100)), ev.PaymentPurpose.DEPOSIT),
        (fx.CaptureDeposit("pre-1", eur(100)), ev.PaymentPurpose.CAPTURE),
        (fx.ReleaseDeposit("pre-1"), ev.PaymentPurpose.RELEASE),
    ],
)
def test_without_a_terminal_every_operation_is_declined(effect: object, purpose: object) -> None:
    answer = HotelPayments(None, lambda: NOW, "EUR").run(effect)  # type: ignore[arg-type]
    assert answer == ev.PaymentDeclined(purpose, "", "no card terminal", NOW)  # type: ignore[arg-type]


CARD = fx.RegistrationCard(
    stay_id="s1",
    confirmation_number="4701",
    guest_names=("Ana García López", "Luis Martín"),
    arrival=date(2026, 12, 5),
    departure=date(2026, 12, 7),
    room_type="Double room",
    rate="Flexible",
    language="es",
    signature_ref="sig-1",
)


def test_the_registration_card_prints_names_dates_and_the_terms_in_the_guests_language(
    tmp_path: Path,
) -> None:
    terms = tmp_path / "terms-es.txt"
    terms.write_text("Acepto las condiciones del hotel y sus normas.", encoding="utf-8")
    printer = HotelPrinter(None, "Hotel Baixa", {"es": str(terms)})
    data = registration_card_bytes(CARD, "Hotel Baixa", printer.terms_text("es"))
    assert data.startswith(b"\x1b@\x1bt\x13")  # initialise, code page PC858 once
    assert "Ana García López".encode("cp858") in data
    assert "Luis Martín".encode("cp858") in data
    assert b"2026-12-05" in data
    assert b"2026-12-07" in data
    assert "Acepto las condiciones".encode("cp858") in data
    assert b"sig-1" in data
    assert data.endswith(b"\x1dVB\x00")  # cut
    # a language without terms prints the English file's, else the built-in text
    assert "hotel's terms" in printer.terms_text("fr")


def test_the_invoice_lists_each_line_and_the_balance() -> None:
    folio = Folio(
        "s1",
        (
            FolioLine("n1", FolioLineKind.CHARGE, "Night 1", eur(12000)),
            FolioLine("m1", FolioLineKind.CHARGE, "Minibar", eur(1250)),
            FolioLine("p1", FolioLineKind.PAYMENT, "Card", eur(12000)),
        ),
        "EUR",
    )
    text = invoice_bytes(folio, "Hotel Baixa").decode("cp858")
    assert "Night 1" in text
    assert "120.00 EUR" in text
    assert "-120.00 EUR" in text
    assert "TOTAL" in text
    assert "132.50 EUR" in text
    assert "BALANCE" in text
    assert "12.50 EUR" in text


def test_printing_with_no_receipt_printer_is_a_device_error() -> None:
    from kiosk.devices.errors import DeviceError

    with pytest.raises(DeviceError, match="no receipt printer"):
        HotelPrinter(None, "Hotel Baixa").print_card(CARD, "job-1")


@given(
    names=st.lists(st.text(max_size=60), max_size=6),
    terms=st.text(max_size=400),
    hotel=st.text(max_size=40),
    columns=st.integers(min_value=20, max_value=64),
)
def test_any_names_and_terms_print_as_pc858_bytes(
    names: list[str], terms: str, hotel: str, columns: int
) -> None:
    card = dataclasses.replace(CARD, guest_names=tuple(names))
    data = registration_card_bytes(card, hotel, terms, columns)
    assert data.startswith(b"\x1b@\x1bt\x13")
    assert data.endswith(b"\x1dVB\x00")
    data.decode("cp858")  # every byte is a PC858 character
    assert data.count(b"\x1d") == 1  # only the cut: no text became a printer command
    # init, code page, feed, and alignment + mode per line: no ESC came from the text
    assert data.count(b"\x1b") == 3 + 2 * data.count(b"\x1b!")
