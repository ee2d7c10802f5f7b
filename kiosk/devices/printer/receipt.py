"""The receipt model: what a receipt says, independent of any printer.

Frozen dataclasses only; no I/O and no layout. The application builds a
:class:`Receipt` from a completed sale (amounts already computed by the domain:
this module never does arithmetic on money beyond checking currencies), and
:mod:`kiosk.devices.printer.layout` turns it into lines for a given paper width.
Times are passed in as text so the model stays free of clocks and locales.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from kiosk.domain.money import Money


class CodeKind(enum.Enum):
    """A machine-readable code printed on the receipt."""

    QR = "qr"
    CODE128 = "code128"
    EAN13 = "ean13"


@dataclass(frozen=True, slots=True)
class PrintedCode:
    """A transaction barcode or QR code and its human-readable caption."""

    kind: CodeKind
    data: str
    caption: str = ""

    def __post_init__(self) -> None:
        if not self.data:
            raise ValueError("a printed code needs data")
        if self.kind is not CodeKind.QR and not self.data.isascii():
            raise ValueError(f"{self.kind.value} data must be ASCII: {self.data!r}")
        if self.kind is CodeKind.EAN13 and not (self.data.isdigit() and len(self.data) in (12, 13)):
            raise ValueError(f"EAN-13 data must be 12 or 13 digits: {self.data!r}")


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One sold (or voided) line.

    Attributes:
        description: the item name in the receipt's language.
        amount: the line total (quantity x unit price, or weight x price per kg).
        quantity: units for counted items; 1 for weighed items.
        weight_g: grams for weighed items, else None.
        unit_price: price per unit, or per kilogram for weighed items.
        tax_code: the short letter that ties the line to the tax summary ("A", "B").
        deposit: the container deposit charged with this line, total for all units.
        voided: True if the line was voided; it is printed but not counted.
    """

    description: str
    amount: Money
    quantity: int = 1
    weight_g: int | None = None
    unit_price: Money | None = None
    tax_code: str = ""
    deposit: Money | None = None
    voided: bool = False

    def __post_init__(self) -> None:
        if self.quantity < 1:
            raise ValueError(f"line {self.description!r}: quantity must be at least 1")
        if self.weight_g is not None and self.weight_g < 0:
            raise ValueError(f"line {self.description!r}: negative weight")
        for other in (self.unit_price, self.deposit):
            if other is not None and other.currency != self.amount.currency:
                raise ValueError(f"line {self.description!r}: mixed currencies")


@dataclass(frozen=True, slots=True)
class ReceiptSaving:
    """What one offer saved, printed under the last line it used (``after``, an index
    into :attr:`Receipt.lines`) or, for a basket offer (``after`` None), above the total."""

    description: str
    amount: Money
    after: int | None = None


@dataclass(frozen=True, slots=True)
class TaxRow:
    """One row of the tax summary: the rate's code and label, net, tax and gross."""

    code: str
    label: str
    net: Money
    tax: Money
    gross: Money


@dataclass(frozen=True, slots=True)
class PaymentSlip:
    """One payment: how, how much, and the terminal's slip text printed verbatim."""

    method: str
    amount: Money
    slip_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Labels:
    """The fixed words of a receipt, in the receipt's language (English by default)."""

    total: str = "TOTAL"
    items: str = "Items"
    deposit: str = "Deposit"
    deposit_total: str = "Deposits included"
    voided: str = "VOID"
    tax: str = "Tax"
    rate: str = "Rate"
    net: str = "Net"
    gross: str = "Gross"
    paid: str = "Paid"
    change: str = "Change"
    ereceipt: str = "Your e-receipt:"
    per_kg: str = "/kg"
    saved: str = "You saved"
    reduced: str = "Reduced"  # before a markdown's percentage ("Reduced -30%")


SPANISH = Labels(
    total="TOTAL",
    items="Artículos",
    deposit="Depósito envase",
    deposit_total="Depósitos incluidos",
    voided="ANULADO",
    tax="IVA",
    rate="Tipo",
    net="Base",
    gross="Total",
    paid="Pagado",
    change="Cambio",
    ereceipt="Su ticket electrónico:",
    saved="Ha ahorrado",
    reduced="Rebaja",
)
FRENCH = Labels(
    total="TOTAL",
    items="Articles",
    deposit="Consigne",
    deposit_total="Consignes incluses",
    voided="ANNULÉ",
    tax="TVA",
    rate="Taux",
    net="HT",
    gross="TTC",
    paid="Payé",
    change="Rendu",
    ereceipt="Votre ticket dématérialisé :",
    saved="Vous avez économisé",
    reduced="Démarque",
)


@dataclass(frozen=True, slots=True)
class Receipt:
    """A whole receipt, top to bottom.

    ``total`` is the amount due (deposits included); ``deposit_total`` repeats the
    deposits it contains, for the line under the total. ``logo_png`` is an optional
    PNG printed as a raster image above the header.
    """

    header: tuple[str, ...]
    lines: tuple[ReceiptLine, ...]
    total: Money
    transaction_id: str
    printed_at: str = ""
    meta: tuple[str, ...] = ()
    tax_summary: tuple[TaxRow, ...] = ()
    deposit_total: Money | None = None
    payments: tuple[PaymentSlip, ...] = ()
    change: Money | None = None
    transaction_code: PrintedCode | None = None
    footer: tuple[str, ...] = ()
    ereceipt_url: str | None = None
    logo_png: bytes | None = field(default=None, repr=False)
    labels: Labels = field(default_factory=Labels)
    decimal_separator: str = "."
    currency_symbol: str = ""
    savings: tuple[ReceiptSaving, ...] = ()
    thousands_separator: str = ""  # "": amounts are printed ungrouped (1234.50)

    def __post_init__(self) -> None:
        currency = self.total.currency
        amounts = [line.amount for line in self.lines] + [p.amount for p in self.payments]
        amounts += [saving.amount for saving in self.savings]
        amounts += [r.gross for r in self.tax_summary]
        if self.deposit_total is not None:
            amounts.append(self.deposit_total)
        if any(a.currency != currency for a in amounts):
            raise ValueError(f"receipt {self.transaction_id}: amounts in more than one currency")

    @property
    def saved(self) -> Money:
        """What the offers saved in all."""
        return Money(sum(s.amount.minor for s in self.savings), self.total.currency)

    @property
    def item_count(self) -> int:
        """Units sold on lines that were not voided (a weighed line counts as one)."""
        return sum(line.quantity for line in self.lines if not line.voided)
