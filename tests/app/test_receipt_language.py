"""Receipts in the receipt's language (EN/ES/FR): words, money, rates and the time of
the sale; VAT letters fixed per rate by the store's tax table; the bytes the printer is
sent and the PNG the printer simulator makes of them (kiosk.app.receipt_locale,
kiosk.domain.tax_letters, kiosk.devices.printer.receipt_files)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.app.documents import iso
from kiosk.app.receipt_locale import receipt_locale
from kiosk.app.receipts import PrinterReceipts, receipt_from_document
from kiosk.config.lane import TaxConfig
from kiosk.devices.printer.layout import TextLine, layout_receipt
from kiosk.devices.printer.receipt_files import receipt_stem, write_new_receipt
from kiosk.devices.printer.render import EscposRenderer
from kiosk.devices.printer.sim import PrinterSimulator
from kiosk.domain.basket import Basket
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules
from kiosk.store.sales import build_sale_document

RATES = {"standard": "21", "reduced": "10", "super_reduced": "4", "zero": "0"}
LETTERS = TaxConfig().tax_letters()
MILK = CatalogItem(
    "milk", (("en", "Milk"), ("es", "Leche"), ("fr", "Lait")), Money(99, "EUR"), "super_reduced"
)
WINE = CatalogItem(
    "wine", (("en", "Red wine"), ("es", "Vino tinto"), ("fr", "Vin rouge")),
    Money(123456, "EUR"), "standard",
)  # fmt: skip
BREAD = CatalogItem(
    "bread", (("en", "Bread"), ("es", "Pan"), ("fr", "Pain")), Money(245, "EUR"), "reduced"
)
AT = dt.datetime(2026, 12, 5, 15, 32, tzinfo=dt.UTC)


def _document(items: tuple[CatalogItem, ...], language: str = "en") -> dict:
    basket = Basket("3f2a9c1e-0000-4000-8000-000000000001", "EUR")
    for item in items:
        basket, _ = basket.add_item(item, 1)
    totals = basket.totals(TaxRules.from_strings(RATES))
    document = build_sale_document(
        basket=basket, totals=totals, transaction_id=basket.basket_id, store_id="s1",
        lane_id="l1", started_at=iso(AT), completed_at=iso(AT), language=language,
        payments=[{"reference": "p1", "method": "card", "amount": totals.total.minor,
                   "outcome": "approved", "brand": "VISA", "masked_pan": "****1234"}],
    )  # fmt: skip
    # the lane hands the receipt port the sale with the language it was recorded in
    return {**document, "language": language}


def _text(document: dict, language: str | None = None) -> list[str]:
    port = PrinterReceipts(
        None, header=("SHOP",), footer=("Thank you!",), tax_letters=LETTERS,
        timezone="Europe/Madrid",
    )  # fmt: skip
    receipt = port.build(document, language)
    return [op.text for op in layout_receipt(receipt, 42) if isinstance(op, TextLine)]


def _line(text: list[str], start: str) -> str:
    return next(t for t in text if t.startswith(start))


@pytest.mark.parametrize(
    ("language", "words", "wine", "rate", "when", "footer"),
    [
        ("en", ("Items", "Rate", "Net", "Tax"), "1,234.56 A", "A 21%", "05 Dec 2026 16:32",
         "Thank you!"),
        ("es", ("Artículos", "Tipo", "Base", "IVA"), "1.234,56 A", "A 21 %", "05/12/2026 16:32",
         "¡Gracias por su compra!"),
        ("fr", ("Articles", "Taux", "HT", "TVA"), "1 234,56 A", "A 21 %", "05/12/2026 16:32",
         "Merci de votre visite !"),
    ],
)  # fmt: skip
def test_the_receipt_is_written_in_the_sales_language(  # noqa: PLR0917
    language: str, words: tuple[str, ...], wine: str, rate: str, when: str, footer: str
) -> None:
    names = {"en": "Red wine", "es": "Vino tinto", "fr": "Vin rouge"}
    text = _text(_document((WINE, MILK), language))
    joined = "\n".join(text)
    assert all(word in joined for word in words)
    assert _line(text, names[language]).endswith(wine)
    assert any(t.startswith(rate) for t in text)
    assert any(when in t for t in text)  # 15:32 UTC is 16:32 in Madrid in December
    assert footer in text
    assert "€" in _line(text, "TOTAL")


def test_the_document_language_wins_over_the_lane_default_and_an_explicit_one_over_both() -> None:
    document = _document((BREAD,), "es")
    assert any(t.startswith("Artículos") for t in _text(document))
    assert any(t.startswith("Articles") for t in _text(document, "fr"))


def test_a_rate_keeps_its_letter_whatever_rates_the_basket_uses() -> None:
    # alone, bread (10 %) would have been "A" when letters followed the basket
    alone = _text(_document((BREAD,)))
    mixed = _text(_document((MILK, BREAD, WINE)))
    assert _line(alone, "Bread").endswith(" B")
    assert _line(mixed, "Bread").endswith(" B")
    assert _line(mixed, "Milk").endswith(" C")
    assert _line(mixed, "Red wine").endswith(" A")
    assert [t[:6] for t in mixed if t[:2] in {"A ", "B ", "C "}] == ["A 21% ", "B 10% ", "C 4%  "]
    assert [t[:6] for t in alone if t[:2] in {"A ", "B ", "C "}] == ["B 10% "]


def test_configured_letters_are_printed_on_lines_and_summary() -> None:
    letters = TaxConfig(letters={"reduced": "R"}).tax_letters()
    receipt = receipt_from_document(_document((BREAD, WINE)), header=("S",), tax_letters=letters)
    assert [line.tax_code for line in receipt.lines] == ["R", "A"]
    assert sorted(row.code for row in receipt.tax_summary) == ["A", "R"]


def test_the_bytes_sent_to_the_printer_hold_the_spanish_words_in_the_code_page() -> None:
    renderer = EscposRenderer("TM-T88V", "CP858")
    port = PrinterReceipts(None, header=("SHOP",), tax_letters=LETTERS)
    data = renderer.render(layout_receipt(port.build(_document((WINE,), "es")), 42))
    assert "Artículos".encode("cp858") in data
    assert "Vino tinto".encode("cp858") in data
    assert "1.234,56 €".encode("cp858") in data
    assert b"\x1bt\x13" in data  # ESC t 19: CP858 selected


@given(st.text(max_size=40), st.text(max_size=12))
def test_garbage_times_and_zones_print_something_and_never_raise(when: str, zone: str) -> None:
    for language in ("en", "es", "fr", "xx"):
        assert isinstance(receipt_locale(language).moment(when, zone or "UTC"), str)


def test_each_receipt_is_a_new_file_even_across_restarts(tmp_path: Path) -> None:
    folder = tmp_path / "receipts"
    renderer = EscposRenderer("TM-T88V", "CP858")
    port = PrinterReceipts(None, header=("SHOP",), tax_letters=LETTERS)
    data = renderer.render(layout_receipt(port.build(_document((BREAD,))), 42))
    fixed = lambda: AT  # noqa: E731  # every receipt in the same second
    for _run in range(2):  # two demo runs: a new simulator counts from 1 again
        sim = PrinterSimulator(out_dir=folder, unique_names=True, clock=fixed)
        sim.feed(data)
        sim.feed(data)
    files = sorted(p.name for p in folder.glob("*.png"))
    stem = "receipt-20261205-153200-3f2a9c1e-0000-4000-8000-000000000001"
    assert files == sorted([f"{stem}.png", f"{stem}-2.png", f"{stem}-3.png", f"{stem}-4.png"])
    assert len({(folder / name).read_bytes() for name in files}) == 1
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    assert len(texts) == 4
    assert all("Bread" in text for text in texts)  # each PNG has its text beside it


def test_a_receipt_file_name_holds_only_safe_characters() -> None:
    assert receipt_stem(AT, "https://x/../r?a=1") == "receipt-20261205-153200-https-x-r-a-1"
    assert receipt_stem(AT) == "receipt-20261205-153200"


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "receipt-20261205-153200.png").write_bytes(b"old")
    path = write_new_receipt(tmp_path, b"new", AT)
    assert path.name == "receipt-20261205-153200-2.png"
    assert (tmp_path / "receipt-20261205-153200.png").read_bytes() == b"old"
