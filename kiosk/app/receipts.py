"""Build the printed receipt from a stored sale document, and hand it to the printer."""

from __future__ import annotations

import logging
from typing import Any

from kiosk.devices.printer.receipt import (
    FRENCH,
    SPANISH,
    CodeKind,
    Labels,
    PaymentSlip,
    PrintedCode,
    Receipt,
    ReceiptLine,
    ReceiptSaving,
    TaxRow,
)
from kiosk.domain.money import Money

log = logging.getLogger(__name__)
LABELS = {"en": Labels(), "es": SPANISH, "fr": FRENCH}
_DECIMAL_SEPARATOR = {"en": ".", "es": ",", "fr": ","}


def receipt_from_document(
    document: dict[str, Any],
    *,
    header: tuple[str, ...],
    language: str = "en",
    footer: tuple[str, ...] = (),
    ereceipt_base_url: str | None = None,
) -> Receipt:
    """The receipt of sale ``document`` (the schema-1 sale document) in ``language``."""
    currency = document["currency"]

    def money(minor: int) -> Money:
        return Money(int(minor), currency)

    classes = sorted({row["tax_class"] for row in document["tax_summary"]})
    codes = {tax_class: chr(ord("A") + i) for i, tax_class in enumerate(classes)}
    lines = tuple(
        ReceiptLine(
            description=line["name"],
            amount=money(line["amount"]),
            quantity=line["quantity"],
            weight_g=line["weight_g"],
            unit_price=money(line["unit_price"]),
            tax_code=codes.get(line["tax_class"], ""),
            deposit=money(line["deposit"]) if line["deposit"] else None,
            voided=line["voided"],
        )
        for line in document["lines"]
    )
    taxes = tuple(
        TaxRow(
            code=codes[row["tax_class"]],
            label=f"{row['rate']}%",
            net=money(row["net"]),
            tax=money(row["tax"]),
            gross=money(row["gross"]),
        )
        for row in document["tax_summary"]
    )
    payments = tuple(
        PaymentSlip(method=_payment_label(p), amount=money(p["amount"]))
        for p in document["payments"]
        if p["outcome"] in ("approved", "confirmed")
    )
    transaction_id = document["transaction_id"]
    deposit = document["totals"]["deposit"]
    return Receipt(
        header=header,
        lines=lines,
        total=money(document["totals"]["total"]),
        transaction_id=transaction_id,
        printed_at=document["completed_at"].replace("T", " ")[:16],
        meta=(f"{document['store_id']} / {document['lane_id']}",),
        tax_summary=taxes,
        deposit_total=money(deposit) if deposit else None,
        payments=payments,
        transaction_code=PrintedCode(CodeKind.QR, transaction_id),
        footer=footer,
        ereceipt_url=(
            f"{ereceipt_base_url.rstrip('/')}/{transaction_id}" if ereceipt_base_url else None
        ),
        labels=LABELS.get(language, Labels()),
        decimal_separator=_DECIMAL_SEPARATOR.get(language, "."),
        savings=_savings(document, money),
    )


def _savings(document: dict[str, Any], money: Any) -> tuple[ReceiptSaving, ...]:
    """Each offer's saving (the document's ``discounts``), under the last line it used."""
    index = {line["line_no"]: n for n, line in enumerate(document["lines"])}
    return tuple(
        ReceiptSaving(
            description=discount["name"],
            amount=money(discount["amount"]),
            after=max((index[n] for n in discount.get("lines", ()) if n in index), default=None),
        )
        for discount in document.get("discounts") or ()
    )


def _payment_label(payment: dict[str, Any]) -> str:
    brand = payment.get("brand") or payment.get("method", "card").upper()
    masked = payment.get("masked_pan") or ""
    return f"{brand} {masked[-8:]}".strip()


class PrinterReceipts:
    """The lane's receipt port: build the receipt and queue it on the printer (if any)."""

    def __init__(
        self,
        printer: Any | None,
        *,
        header: tuple[str, ...],
        footer: tuple[str, ...] = (),
        language: str = "en",
        ereceipt_base_url: str | None = None,
    ) -> None:
        self.printer = printer
        self.header = header
        self.footer = footer
        self.language = language
        self.ereceipt_base_url = ereceipt_base_url

    def build(self, document: dict[str, Any], language: str | None = None) -> Receipt:
        return receipt_from_document(
            document,
            header=self.header,
            language=language or self.language,
            footer=self.footer,
            ereceipt_base_url=self.ereceipt_base_url,
        )

    def print_sale(self, sale: Any, document: dict[str, Any]) -> None:
        """Queue the receipt; a failed print stays held in the printer for reprint."""
        if self.printer is None:
            log.info("no printer: receipt %s not printed", document.get("transaction_id"))
            return
        self.printer.submit(self.build(document))
