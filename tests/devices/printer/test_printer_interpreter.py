"""The ESC/POS interpreter and the PNG canvas: round trips, chunking, garbage."""

from __future__ import annotations

import dataclasses
import io

import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from printer_samples import sample_bytes

from kiosk.devices.printer import escpos_events as ev
from kiosk.devices.printer.interpreter import EscposInterpreter
from kiosk.devices.printer.layout import layout_receipt
from kiosk.devices.printer.png import ReceiptCanvas, to_png
from kiosk.devices.printer.receipt import Receipt
from kiosk.devices.printer.render import EscposRenderer


def lines_of(events: list[ev.Event]) -> list[str]:
    lines, current = [], ""
    for event in events:
        if isinstance(event, ev.Text):
            current += event.text
        elif isinstance(event, ev.LineFeed):
            lines.append(current)
            current = ""
    return lines


def test_reads_back_what_the_renderer_wrote(receipt: Receipt) -> None:
    data = EscposRenderer("TM-T88V").render(layout_receipt(receipt, 42))
    events = EscposInterpreter().feed(data)
    lines = lines_of(events)
    assert "Supermercado Niño" in lines
    assert "  1,234 kg x 1,99/kg" in lines
    assert any(line.startswith("TOTAL") and line.endswith("13,21 €") for line in lines)
    header = next(e for e in events if isinstance(e, ev.Text) and e.text.startswith("Super"))
    assert header.style == ev.Style(bold=True, width=2, height=2, align="center")
    qr = [e for e in events if isinstance(e, ev.QrCode)]
    assert qr == [ev.QrCode(b"https://r.example.com/7f3c2a10-0042", 6, "center")]
    assert [e.data for e in events if isinstance(e, ev.Barcode)] == [b"{B7F3C2A100042"]
    assert isinstance(events[-1], ev.Cut)


@given(st.lists(st.integers(min_value=1, max_value=64), min_size=1, max_size=40))
@settings(max_examples=30, deadline=None)
def test_chunking_does_not_change_the_result(sizes: list[int]) -> None:
    data = sample_bytes()
    whole = EscposInterpreter().feed(data)
    interpreter = EscposInterpreter()
    pieces: list[ev.Event] = []
    start = 0
    for size in sizes * (len(data) // sum(sizes) + 1):
        pieces += interpreter.feed(data[start : start + size])
        start += size
        if start >= len(data):
            break
    assert lines_of(pieces) == lines_of(whole)
    assert [e for e in pieces if not isinstance(e, ev.Text)] == [
        e for e in whole if not isinstance(e, ev.Text)
    ]


@given(st.binary(max_size=2048))
@settings(max_examples=300, deadline=None)
def test_garbage_never_raises_and_never_hoards(data: bytes) -> None:
    interpreter = EscposInterpreter()
    events = interpreter.feed(data)
    assert interpreter.pending <= len(data)
    ReceiptCanvas().apply([*events, ev.Cut(partial=False)])  # drawing garbage is fine too


def test_oversized_block_is_skipped() -> None:
    interpreter = EscposInterpreter()
    events = interpreter.feed(b"\x1d(k\xff\xff" + b"A\n")  # 65535-byte QR block: within limit
    assert events == []
    assert interpreter.pending == 7
    events = EscposInterpreter().feed(b"\x1dv0\x00\xff\xff\xff\xff" + b"ok\n")
    assert isinstance(events[0], ev.Unknown)
    assert lines_of(events) == ["ok"]


def test_status_query_and_drawer_kick_events() -> None:
    events = EscposInterpreter().feed(b"\x10\x04\x04\x1bp\x00\x32\x32")
    assert events == [ev.StatusQuery(4), ev.DrawerKick(0, 100, 100)]


def test_png_shows_readable_codes(receipt: Receipt) -> None:
    data = EscposRenderer("TM-T88V").render(layout_receipt(receipt, 42))
    pages = ReceiptCanvas(42).apply(EscposInterpreter().feed(data))
    assert len(pages) == 1
    image = Image.open(io.BytesIO(to_png(pages[0])))
    assert image.width == 42 * 12 + 32
    found = {(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)}
    assert ("QRCode", "https://r.example.com/7f3c2a10-0042") in found
    assert ("Code128", "7F3C2A100042") in found


def test_sample_receipt_png(receipt: Receipt) -> None:
    """Writes /tmp/receipt_sample.png (looked at by hand; see the report)."""
    data = EscposRenderer("TM-T88V").render(layout_receipt(receipt, 42))
    page = ReceiptCanvas(42).apply(EscposInterpreter().feed(data))[0]
    with open("/tmp/receipt_sample.png", "wb") as handle:
        handle.write(to_png(page))
    assert page.height > 1000


def test_logo_is_printed_as_raster(receipt: Receipt) -> None:
    logo = Image.new("L", (96, 40), 255)
    for x in range(96):
        logo.putpixel((x, 20), 0)  # one black line across the middle
    buffer = io.BytesIO()
    logo.save(buffer, format="PNG")
    with_logo = dataclasses.replace(receipt, logo_png=buffer.getvalue())
    data = EscposRenderer("TM-T88V").render(layout_receipt(with_logo, 42))
    assert b"\x1dv0\x00\x0c\x00\x28\x00" in data  # GS v 0: 12 bytes wide, 40 rows
    events = EscposInterpreter().feed(data)
    raster = next(e for e in events if isinstance(e, ev.Raster))
    assert (raster.width_bytes, raster.height) == (12, 40)
    assert raster.data[20 * 12 : 21 * 12] == b"\xff" * 12
    page = ReceiptCanvas(42).apply(events)[0]
    assert page.getpixel((16 + (504 - 96) // 2 + 10, 16 + 20)) == 0  # drawn, centred
