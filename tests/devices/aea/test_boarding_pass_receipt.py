"""The ESC/POS fallback: a boarding pass on receipt paper, its PDF417 read back."""

from __future__ import annotations

import io
from datetime import date

import pytest
import zxingcpp
from aea_samples import boarding_pass
from PIL import Image

from kiosk.devices.printer import escpos_events as ev
from kiosk.devices.printer.boarding_pass import boarding_pass_receipt, pdf417_bytes
from kiosk.devices.printer.interpreter import EscposInterpreter
from kiosk.devices.printer.sim import PrinterSimulator
from kiosk.domain.travel import parse_bcbp


def test_the_receipt_pass_prints_the_bcbp_as_a_readable_pdf417() -> None:
    data = boarding_pass()
    sim = PrinterSimulator(42)
    sim.feed(boarding_pass_receipt(data))
    assert len(sim.receipts) == 1
    assert sim.unknown_commands == 0
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(sim.receipts[0])))
    assert [(c.format, c.text) for c in codes] == [(zxingcpp.BarcodeFormat.PDF417, data.bcbp)]
    assert parse_bcbp(codes[0].text, date(2026, 12, 5)).legs[0].seat == "012A"


def test_the_receipt_pass_carries_the_readable_fields() -> None:
    events = EscposInterpreter().feed(boarding_pass_receipt(boarding_pass()))
    text = " ".join(e.text for e in events if isinstance(e, ev.Text))
    for expected in ("BOARDING PASS", "ERIKSSON/ANNA MARIA", "LIS", "CDG", "KX0123", "05DEC"):
        assert expected in text
    for expected in ("15:00", "12A", "0012", "FAST TRACK"):
        assert expected in text
    codes = [e for e in events if isinstance(e, ev.Pdf417)]
    assert len(codes) == 1
    assert codes[0].module == 3
    assert codes[0].align == "center"


def test_pdf417_commands_are_split_anywhere_and_still_read() -> None:
    data = pdf417_bytes("M1TEST", module=4, row_height=5)
    interpreter = EscposInterpreter()
    events = [e for i in range(len(data)) for e in interpreter.feed(data[i : i + 1])]
    assert events == [ev.Pdf417(b"M1TEST", 4, 5, "left")]


def test_pdf417_refuses_what_it_cannot_hold() -> None:
    with pytest.raises(ValueError, match="1800"):
        pdf417_bytes("A" * 1801)
    with pytest.raises(UnicodeEncodeError):
        pdf417_bytes("Ж")


def test_missing_values_print_as_dashes() -> None:
    data = boarding_pass(boarding_time=None, gate="", sequence_number=0, extras=())
    events = EscposInterpreter().feed(boarding_pass_receipt(data))
    lines = [e.text for e in events if isinstance(e, ev.Text)]
    assert any(line.startswith("-") and line.endswith("-") for line in lines)
    assert "FAST TRACK" not in " ".join(lines)
