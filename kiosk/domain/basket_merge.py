"""Identical items in one line ("2 x Milk"): which existing line a new scan may join.

Theory of operation
-------------------
Where the store merges identical items (``[lane] merge_identical``), a scan of an item
that is already in the basket adds to *that* line's quantity, wherever the line is,
as commercial lanes and the printed receipt do: one line per product, not only when the
same item is scanned twice in a row. A line joins a scan only if nothing makes the two
different sales:

* the line counts (not voided), is not weighed and had no price change by staff;
* it holds the same catalog item (same snapshot: a price changed by a catalog update
  mid-basket starts a new line) at the catalog price (no price from the barcode);
* it was scanned with the same code (a second GTIN, a different batch or expiry in a 2D
  code, a price-embedded label: a line of its own, which recalls and audits need).

Finding the line must not cost more as the basket grows (issue 16). A
:class:`MergeIndex` keeps, per SKU, the numbers of the counted lines ever added with it.
It is append-only and shared by a basket and every basket derived from it (the basket
records each added line, :meth:`kiosk.domain.basket.Basket.add_item`); a basket built
from lines (the journal, tests) builds its own from them on first use. Because a derived
basket that was discarded (a refused change) may have recorded a line its sibling does
not have, every candidate is checked against the asking basket's own line (bisection)
before it is used. A lookup costs O(lines of that SKU x log lines), and with merging on
a SKU rarely has more than one line.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the basket imports this module
    from kiosk.domain.basket import BasketLine
    from kiosk.domain.catalog import CatalogItem


class MergeIndex:
    """SKU -> numbers of the lines added with it, ascending (append-only, see the module)."""

    __slots__ = ("_by_sku",)

    def __init__(self, lines: Iterable[BasketLine] = ()) -> None:
        self._by_sku: dict[str, list[int]] = {}
        for line in lines:
            self.record(line)

    def record(self, line: BasketLine) -> None:
        """Remember ``line`` (a weighed line never joins a scan: not recorded)."""
        if line.weight_g is not None:
            return
        numbers = self._by_sku.setdefault(line.item.sku, [])
        if not numbers or numbers[-1] < line.line_no:
            numbers.append(line.line_no)
        elif line.line_no not in numbers:  # a sibling basket's line with this number
            insort(numbers, line.line_no)

    def candidates(self, sku: str, below: int) -> Iterator[int]:
        """Line numbers recorded for ``sku`` under ``below``, newest first."""
        for line_no in reversed(self._by_sku.get(sku, ())):
            if line_no < below:
                yield line_no


def joins(line: BasketLine, item: CatalogItem, code: str) -> bool:
    """Whether a scan of ``item`` by ``code`` may add to ``line`` (the module's rules)."""
    return (
        line.counts
        and line.weight_g is None
        and line.price_override_reason is None
        and line.scanned_code == code
        and line.unit_price == item.price
        and line.item == item
    )


__all__ = ["MergeIndex", "joins"]
