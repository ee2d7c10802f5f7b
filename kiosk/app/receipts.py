"""Build the printed receipt from a stored sale document, and hand it to the printer."""

from __future__ import annotations

import logging
from fractions import Fraction
from typing import Any

from kiosk.app.receipt_locale import CURRENCY_SYMBOLS, receipt_locale
from kiosk.devices.printer.receipt import (
    CodeKind,
    PaymentSlip,
    PrintedCode,
    Receipt,
    ReceiptLine,
    ReceiptSaving,
    TaxRow,
)
from kiosk.domain.checkout.sale_rules import markdown_of
from kiosk.domain.money import Money, Rounding
from kiosk.domain.tax_letters import TaxLetters

log = logging.getLogger(__name__)


def receipt_from_document(
    document: dict[str, Any],
    *,
    header: tuple[str, ...],
    language: str = "en",
    footer: tuple[str, ...] = (),
    ereceipt_base_url: str | None = None,
    tax_letters: TaxLetters | None = None,
    timezone: str = "UTC",
) -> Receipt:
    """The receipt of sale ``document`` (the schema-1 sale document) in ``language``.

    ``tax_letters`` letters each rate as on every receipt of the store (without them the
    rates of this sale are lettered in order, as older receipts were); the time of the
    sale is printed in ``timezone`` (kiosk.app.receipt_locale).
    """
    currency = document["currency"]
    locale = receipt_locale(language)

    def money(minor: int) -> Money:
        return Money(int(minor), currency)

    codes = _tax_codes(document, tax_letters)
    lines = tuple(
        ReceiptLine(
            description=line["name"],
            amount=_before_markdown(line, money)[1],
            quantity=line["quantity"],
            weight_g=line["weight_g"],
            unit_price=_before_markdown(line, money)[0],
            tax_code=codes.get(line["tax_class"], ""),
            deposit=money(line["deposit"]) if line["deposit"] else None,
            voided=line["voided"],
        )
        for line in document["lines"]
    )
    taxes = tuple(
        TaxRow(
            code=codes[row["tax_class"]],
            label=locale.rate(str(row["rate"])),
            net=money(row["net"]),
            tax=money(row["tax"]),
            gross=money(row["gross"]),
        )
        for row in document["tax_summary"]
    )
    taxes = tuple(sorted(taxes, key=lambda row: row.code))  # A, B, C as the store letters them
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
        printed_at=locale.moment(document["completed_at"], timezone),
        meta=(f"{document['store_id']} / {document['lane_id']}",),
        tax_summary=taxes,
        deposit_total=money(deposit) if deposit else None,
        payments=payments,
        transaction_code=PrintedCode(CodeKind.QR, transaction_id),
        footer=tuple(locale.footer_line(text) for text in footer),
        ereceipt_url=(
            f"{ereceipt_base_url.rstrip('/')}/{transaction_id}" if ereceipt_base_url else None
        ),
        labels=locale.labels,
        decimal_separator=locale.decimal_separator,
        thousands_separator=locale.thousands_separator,
        currency_symbol=CURRENCY_SYMBOLS.get(currency, ""),
        savings=_savings(document, money) + _markdowns(document, money, locale.labels.reduced),
    )


def _tax_codes(document: dict[str, Any], letters: TaxLetters | None) -> dict[str, str]:
    """Tax class -> the letter printed on the lines and the VAT summary."""
    rows = document["tax_summary"]
    if letters is None:
        classes = sorted({row["tax_class"] for row in rows})
        return {tax_class: chr(ord("A") + i) for i, tax_class in enumerate(classes)}
    rates = {line["tax_class"]: str(line.get("tax_rate", "")) for line in document["lines"]}
    rates.update({row["tax_class"]: str(row["rate"]) for row in rows})
    return {tax_class: letters.letter(tax_class, rate or None) for tax_class, rate in rates.items()}


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


def _before_markdown(line: dict[str, Any], money: Any) -> tuple[Money, Money]:
    """(unit price, amount) of a line as printed: before its markdown, if it has one (the
    markdown is printed under it as a saving, kiosk.domain.checkout.sale_rules)."""
    unit_price, amount = money(line["unit_price"]), money(line["amount"])
    marked = markdown_of(line.get("price_override_reason"))
    if marked is None or marked[1].currency != unit_price.currency:
        return unit_price, amount
    before = marked[1]
    if line["weight_g"] is not None:
        return before, before.scaled(Fraction(line["weight_g"], 1000), Rounding.HALF_UP)
    return before, before * line["quantity"]


def _markdowns(document: dict[str, Any], money: Any, word: str) -> tuple[ReceiptSaving, ...]:
    """Each marked-down line's saving ("Reduced -30%"), printed under the line."""
    found = []
    for index, line in enumerate(document["lines"]):
        marked = markdown_of(line.get("price_override_reason"))
        saved = _before_markdown(line, money)[1] - money(line["amount"])
        if marked is not None and saved.minor > 0 and not line["voided"]:
            found.append(ReceiptSaving(f"{word} -{marked[0]}%", saved, after=index))
    return tuple(found)


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
        tax_letters: TaxLetters | None = None,
        timezone: str = "UTC",
    ) -> None:
        self.tax_letters = tax_letters
        self.timezone = timezone
        self.printer = printer
        self.header = header
        self.footer = footer
        self.language = language
        self.ereceipt_base_url = ereceipt_base_url

    def build(self, document: dict[str, Any], language: str | None = None) -> Receipt:
        """The receipt of ``document`` in ``language``, else in the sale's own language
        (the shopper's or the store's, ``[lane] receipt_language``), else the lane's."""
        return receipt_from_document(
            document,
            header=self.header,
            language=language or document.get("language") or self.language,
            footer=self.footer,
            ereceipt_base_url=self.ereceipt_base_url,
            tax_letters=self.tax_letters,
            timezone=self.timezone,
        )

    def print_sale(self, sale: Any, document: dict[str, Any]) -> None:
        """Queue the receipt; a failed print stays held in the printer for reprint."""
        if self.printer is None:
            log.info("no printer: receipt %s not printed", document.get("transaction_id"))
            return
        self.printer.submit(self.build(document))
