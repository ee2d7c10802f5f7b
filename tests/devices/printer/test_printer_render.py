"""Receipt layout and ESC/POS bytes: exact bytes, code pages, widths, config errors."""

from __future__ import annotations

import pytest
from escpos.printer import Dummy

from kiosk.devices.printer.codepages import printable
from kiosk.devices.printer.layout import Code, TextLine, layout_receipt
from kiosk.devices.printer.receipt import (
    FRENCH,
    CodeKind,
    PrintedCode,
    Receipt,
    ReceiptLine,
)
from kiosk.devices.printer.render import EscposRenderer, RenderError
from kiosk.domain.money import Money

ESC, GS = b"\x1b", b"\x1d"


def usd(minor: int) -> Money:
    return Money(minor, "USD")


def test_minimal_receipt_exact_bytes() -> None:
    receipt = Receipt(
        header=("SHOP",), lines=(ReceiptLine("Milk", usd(99)),), total=usd(99), transaction_id="T1"
    )
    data = EscposRenderer("default").render(layout_receipt(receipt, 42))
    rule = b"-" * 42 + b"\n"
    expected = (
        ESC
        + b"@"
        + ESC
        + b"t\x13"  # init, PC858
        + ESC
        + b"a\x01"
        + GS
        + b"!\x11"
        + ESC
        + b"E\x01"
        + b"SHOP\n"  # centred 2x2 bold
        + ESC
        + b"a\x00"
        + GS
        + b"!\x00"
        + ESC
        + b"E\x00"
        + rule
        + b"Milk"
        + b" " * 32
        + b"0.99  \n"
        + rule
        + GS
        + b"!\x11"
        + ESC
        + b"E\x01"
        + b"TOTAL"
        + b" " * 8
        + b"0.99 USD\n"
        + GS
        + b"!\x00"
        + ESC
        + b"E\x00"
        + b"Items"
        + b" " * 36
        + b"1\n"
        + ESC
        + b"d\x01"  # feed before trailer
        + ESC
        + b"a\x01"
        + b"T1\n"
        + ESC
        + b"a\x00"
        + ESC
        + b"d\x06"
        + GS
        + b"V\x00"  # feed 6, full cut
    )
    assert data == expected


def test_spanish_receipt_bytes_in_pc858(receipt: Receipt) -> None:
    data = EscposRenderer("TM-T88V").render(layout_receipt(receipt, 42))
    assert data.startswith(ESC + b"@" + ESC + b"t\x13")
    assert data.count(ESC + b"t") == 1  # one code page for the whole receipt
    assert b"Supermercado Ni\xa4o\n" in data
    assert b"Pl\xa0tanos de Canarias" + b" " * 16 + b"2,46 B\n" in data
    assert b"  1,234 kg x 1,99/kg\n" in data
    assert b"  Dep\xa2sito envase" in data
    assert ESC + b"E\x01  *** ANULADO" in data
    assert b"-1,20 A\n" in data
    assert b"TOTAL" in data
    assert b"13,21 \xd5\n" in data
    assert b"\xa8Copia cliente? S\xa1\n" in data
    assert b"\xadGracias por su visita!\n" in data
    assert GS + b"kI\x0e{B7F3C2A100042" in data  # CODE128 via GS k, function B
    url = b"https://r.example.com/7f3c2a10-0042"
    assert GS + b"(k" + bytes((len(url) + 3, 0)) + b"1P0" + url in data
    assert data.endswith(ESC + b"d\x06" + GS + b"V\x00")


@pytest.mark.parametrize(
    ("code_page", "text", "encoded"),
    [
        ("CP858", "ñÑ é ç ¿ ¡ €", b"\xa4\xa5 \x82 \x87 \xa8 \xad \xd5"),
        ("CP1252", "ñÑ é ç ¿ ¡ €", b"\xf1\xd1 \xe9 \xe7 \xbf \xa1 \x80"),
        ("ISO_8859-15", "ñ é ç ¿ €", b"\xf1 \xe9 \xe7 \xbf \xa4"),
        ("CP858", "Forêt, naïve, cœur", b"For\x88t, na\x8bve, coeur"),
        ("CP858", "“Sí” – ok…", b'"S\xa1" - ok...'),
        ("CP850", "3 €", b"3 ?"),  # PC850 has no euro sign: a visible '?', never a wrong glyph
    ],
)
def test_code_page_bytes(code_page: str, text: str, encoded: bytes) -> None:
    renderer = EscposRenderer("TM-T88V", code_page)
    data = renderer.render([TextLine(text)])
    slot = {"CP858": 19, "CP1252": 16, "ISO_8859-15": 40, "CP850": 2}[code_page]
    assert data == ESC + b"@" + ESC + b"t" + bytes((slot,)) + encoded + b"\n"


def test_python_escpos_magic_would_switch_to_greek_for_the_euro() -> None:
    # Why we force one code page: the library's automatic choice for "€" on a TM-T88V
    # profile is ISO 8859-7 (slot 15) and back, a switch per euro sign.
    printer = Dummy(profile="TM-T88V")
    printer.text("3,50 € ñ")
    assert printer.output == ESC + b"t\x003,50 " + ESC + b"t\x0f\xa4 " + ESC + b"t\x00\xa4"


def test_control_characters_cannot_inject_commands() -> None:
    data = EscposRenderer().render([TextLine("Milk\x1bp\x00\x19\x19 \x1dV\x00")])
    assert data == ESC + b"@" + ESC + b"t\x13" + b"Milk p     V \n"


def test_unencodable_characters() -> None:
    assert printable("Ő ő 中 ß", "cp858") == "O o ? \xdf"


def test_french_receipt_labels_and_accents() -> None:
    receipt = Receipt(
        header=("Épicerie",),
        lines=(ReceiptLine("Crème fraîche", Money(250, "EUR"), tax_code="A"),),
        total=Money(250, "EUR"),
        transaction_id="F1",
        labels=FRENCH,
        decimal_separator=",",
        currency_symbol="€",
    )
    data = EscposRenderer().render(layout_receipt(receipt, 42))
    assert b"\x90picerie\n" in data
    assert b"Cr\x8ame fra\x8cche" in data
    assert b"2,50 A\n" in data
    assert b"Articles" in data


@pytest.mark.parametrize("columns", [42, 48])
def test_every_line_fits_the_paper(receipt: Receipt, columns: int) -> None:
    for op in layout_receipt(receipt, columns):
        if isinstance(op, TextLine):
            assert len(op.text) * op.width <= columns, op
    codes = [op.code for op in layout_receipt(receipt, columns) if isinstance(op, Code)]
    assert [c.kind for c in codes] == [CodeKind.CODE128, CodeKind.QR]


def test_columns_default_from_profile() -> None:
    assert EscposRenderer("TM-T88V").columns == 42
    assert EscposRenderer("TM-T20II").columns == 48


@pytest.mark.parametrize(
    ("profile", "code_page", "message"),
    [
        ("NoSuchPrinter", "CP858", "unknown printer profile"),
        ("TM-T88V", "CP999", "code page 'CP999' is not available"),
    ],
)
def test_bad_profile_or_code_page(profile: str, code_page: str, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        EscposRenderer(profile, code_page)


def test_receipt_refuses_mixed_currencies() -> None:
    with pytest.raises(ValueError, match="more than one currency"):
        Receipt(
            header=(),
            lines=(ReceiptLine("x", Money(1, "USD")),),
            total=Money(1, "EUR"),
            transaction_id="X",
        )


def test_printed_code_checks_data() -> None:
    with pytest.raises(ValueError, match="EAN-13"):
        PrintedCode(CodeKind.EAN13, "12AB")
