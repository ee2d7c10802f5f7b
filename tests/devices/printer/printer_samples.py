"""Sample receipts shared by the printer tests (imported by name: tests have no packages)."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import lru_cache

from kiosk.devices.printer.layout import layout_receipt
from kiosk.devices.printer.receipt import (
    SPANISH,
    CodeKind,
    PaymentSlip,
    PrintedCode,
    Receipt,
    ReceiptLine,
    TaxRow,
)
from kiosk.devices.printer.render import EscposRenderer
from kiosk.domain.money import Money


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def spanish_receipt() -> Receipt:
    """Weighed items, a deposit, a voided line, a payment slip, a barcode and an e-receipt QR."""
    return Receipt(
        header=("Supermercado Niño", "C/ Mayor 12, 28013 Madrid", "NIF B-12345678"),
        meta=("Caja 01 · Ticket 0042",),
        lines=(
            ReceiptLine(
                "Plátanos de Canarias", eur(246), weight_g=1234, unit_price=eur(199), tax_code="B"
            ),
            ReceiptLine(
                "Agua mineral 1,5 L",
                eur(130),
                quantity=2,
                unit_price=eur(65),
                tax_code="B",
                deposit=eur(50),
            ),
            ReceiptLine("Chocolate con leche", eur(120), tax_code="A", voided=True),
            ReceiptLine("Queso manchego curado año 2025 cuña grande", eur(895), tax_code="B"),
        ),
        total=eur(1321),
        deposit_total=eur(50),
        tax_summary=(TaxRow("B", "10%", eur(1155), eur(116), eur(1271)),),
        payments=(
            PaymentSlip(
                "Tarjeta VISA",
                eur(1321),
                ("VISA ************1234", "AUT: 123456  OP: 000042", "¿Copia cliente? Sí"),
            ),
        ),
        transaction_id="7f3c2a10-0042",
        printed_at="2026-11-22 10:03",
        transaction_code=PrintedCode(CodeKind.CODE128, "7F3C2A100042"),
        footer=("¡Gracias por su visita!",),
        ereceipt_url="https://r.example.com/7f3c2a10-0042",
        labels=SPANISH,
        decimal_separator=",",
        currency_symbol="€",
    )


@lru_cache(maxsize=1)
def sample_bytes() -> bytes:
    return EscposRenderer("TM-T88V").render(layout_receipt(spanish_receipt(), 42))


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Poll ``predicate`` until true; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(0.01)
