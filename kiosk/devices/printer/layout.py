"""Lay a :class:`Receipt` out for a paper width: a list of print operations.

Pure: the result is a tuple of small frozen operations (a text line with its
style, a QR code, a barcode, an image, a feed, a cut) that
:mod:`kiosk.devices.printer.render` turns into ESC/POS bytes. Keeping layout
apart from bytes lets tests read a receipt as text and lets the column count
(42 on 80 mm TM-T88 paper, 48 on 72 mm-printable TM-T20 paper) vary freely.
"""

from __future__ import annotations

import enum
import textwrap
from dataclasses import dataclass

from kiosk.devices.printer.receipt import CodeKind, PrintedCode, Receipt, ReceiptLine
from kiosk.domain.money import Money


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class TextLine:
    """One printed line. ``width``/``height`` are the character magnification (1 or 2)."""

    text: str
    align: Align = Align.LEFT
    bold: bool = False
    width: int = 1
    height: int = 1


@dataclass(frozen=True, slots=True)
class Code:
    """A QR code or 1D barcode, centred."""

    code: PrintedCode


@dataclass(frozen=True, slots=True)
class Image:
    """A PNG printed as a raster image, centred."""

    png: bytes


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True, slots=True)
class Cut:
    pass


Op = TextLine | Code | Image | Feed | Cut


def layout_receipt(receipt: Receipt, columns: int) -> tuple[Op, ...]:
    """Lay ``receipt`` out for ``columns`` characters of font A.

    Raises:
        ValueError: if ``columns`` is below 24 (nothing sensible fits).
    """
    if columns < 24:
        raise ValueError(f"paper of {columns} columns is too narrow for a receipt")
    fmt = _Formatter(receipt, columns)
    ops: list[Op] = []
    if receipt.logo_png:
        ops.append(Image(receipt.logo_png))
    for i, text in enumerate(receipt.header):
        big = i == 0
        for part in _wrap(text, columns // 2 if big else columns):
            ops.append(
                TextLine(
                    part, Align.CENTER, bold=big, width=2 if big else 1, height=2 if big else 1
                )
            )
    ops += [TextLine(t, Align.CENTER) for text in receipt.meta for t in _wrap(text, columns)]
    ops.append(fmt.rule())
    for index, line in enumerate(receipt.lines):
        ops += fmt.item(line)
        ops += fmt.savings(index)
    ops += fmt.savings(None)  # basket offers, above the total
    ops.append(fmt.rule())
    ops += fmt.totals()
    ops += fmt.taxes()
    ops += fmt.payments()
    if receipt.transaction_code is not None:
        ops += [Feed(), Code(receipt.transaction_code)]
    if receipt.ereceipt_url:
        ops += [
            Feed(),
            TextLine(receipt.labels.ereceipt, Align.CENTER),
            Code(PrintedCode(CodeKind.QR, receipt.ereceipt_url)),
        ]
    trailer = [receipt.transaction_id, receipt.printed_at]
    ops += [Feed()] + [
        TextLine(t, Align.CENTER) for text in receipt.footer for t in _wrap(text, columns)
    ]
    joined = " ".join(t for t in trailer if t)
    # A long transaction id (a UUID) and the time do not fit one 42-column line.
    lines = [joined] if len(joined) <= columns else [t[:columns] for t in trailer if t]
    ops += [TextLine(line, Align.CENTER) for line in lines] + [Cut()]
    return tuple(ops)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


class _Formatter:
    def __init__(self, receipt: Receipt, columns: int) -> None:
        self.receipt = receipt
        self.columns = columns
        self.labels = receipt.labels

    def money(self, amount: Money) -> str:
        text = f"{amount.to_decimal():,.{amount.exponent}f}"
        marks = {".": self.receipt.decimal_separator, ",": self.receipt.thousands_separator}
        return "".join(marks.get(char, char) for char in text)

    def rule(self) -> TextLine:
        return TextLine("-" * self.columns)

    def pair(self, left: str, right: str, indent: int = 0, **style: object) -> list[TextLine]:
        """``left`` then ``right`` flush right on the same line; long left text wraps."""
        room = self.columns - len(right) - 1 - indent
        parts = textwrap.wrap(left, max(room, 8)) or [""]
        lines = [" " * indent + p for p in parts]
        last = lines[-1]
        if len(last) + 1 + len(right) > self.columns:
            lines.append("")
            last = ""
        lines[-1] = last + " " * (self.columns - len(last) - len(right)) + right
        return [TextLine(text, **style) for text in lines]  # type: ignore[arg-type]

    def item(self, line: ReceiptLine) -> list[TextLine]:
        tax = f" {line.tax_code}" if line.tax_code else "  "
        out = self.pair(line.description, self.money(line.amount) + tax)
        if line.weight_g is not None:
            price = (
                f" x {self.money(line.unit_price)}{self.labels.per_kg}" if line.unit_price else ""
            )
            out.append(
                TextLine(f"  {_kilograms(line.weight_g, self.receipt.decimal_separator)} kg{price}")
            )
        elif line.quantity > 1 and line.unit_price is not None:
            out.append(TextLine(f"  {line.quantity} x {self.money(line.unit_price)}"))
        if line.deposit:
            out += self.pair(self.labels.deposit, self.money(line.deposit) + tax, indent=2)
        if line.voided:
            out += self.pair(
                f"*** {self.labels.voided}", self.money(-line.amount) + tax, indent=2, bold=True
            )
            if line.deposit:
                out += self.pair(
                    f"*** {self.labels.voided} {self.labels.deposit}",
                    self.money(-line.deposit) + tax,
                    indent=2,
                    bold=True,
                )
        return out

    def totals(self) -> list[TextLine]:
        r = self.receipt
        symbol = r.currency_symbol or r.total.currency
        # Double width halves the columns; the total still has to fit.
        wide = len(self.labels.total) + len(self.money(r.total)) + len(symbol) + 3
        scale = 2 if wide * 2 <= self.columns else 1
        out = [
            TextLine(t.text, bold=True, height=2, width=scale)
            for t in _Formatter(r, self.columns // scale).pair(
                self.labels.total, f"{self.money(r.total)} {symbol}"
            )
        ]
        if r.deposit_total:
            out += self.pair(self.labels.deposit_total, self.money(r.deposit_total))
        if r.savings:
            out += self.pair(self.labels.saved, self.money(r.saved), bold=True)
        out += self.pair(self.labels.items, str(r.item_count))
        return out

    def savings(self, after: int | None) -> list[TextLine]:
        """The savings printed after line ``after`` (None: the basket's, before the total)."""
        out: list[TextLine] = []
        for saving in self.receipt.savings:
            if saving.after == after:
                # "  " stands where a line has its tax letter, so the amounts line up
                out += self.pair(saving.description, self.money(-saving.amount) + "  ", indent=2)
        return out

    def taxes(self) -> list[TextLine]:
        if not self.receipt.tax_summary:
            return []
        w = (self.columns - 8) // 3
        first = self.columns - 3 * w  # the label column takes the remainder: rows end flush
        labels = self.labels
        head = f"{labels.rate:<{first}}{labels.net:>{w}}{labels.tax:>{w}}{labels.gross:>{w}}"
        out = [TextLine(""), TextLine(head[: self.columns])]
        for row in self.receipt.tax_summary:
            label = f"{row.code} {row.label}"[: first - 1]
            out.append(
                TextLine(
                    f"{label:<{first}}{self.money(row.net):>{w}}{self.money(row.tax):>{w}}"
                    f"{self.money(row.gross):>{w}}"
                )
            )
        return out

    def payments(self) -> list[TextLine]:
        out: list[TextLine] = []
        for payment in self.receipt.payments:
            out += [TextLine(""), *self.pair(payment.method, self.money(payment.amount))]
            out += [TextLine(s[: self.columns]) for s in payment.slip_lines]
        if self.receipt.change:
            out += self.pair(self.labels.change, self.money(self.receipt.change))
        return out


def _kilograms(grams: int, separator: str) -> str:
    return f"{grams // 1000}{separator}{grams % 1000:03d}"
