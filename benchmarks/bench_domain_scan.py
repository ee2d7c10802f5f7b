"""Per-scan domain cost against basket size: one ItemScanned handled, totals included.

Method: for each basket size (10, 100, 1,000 and 5,000 lines by default) a
checkout is brought to SHOPPING with that many lines by real scans (a mix of
three tax classes, deposit items, some weighed lines), and its totals are asked
once, as the lane does after every event. Then one scan is timed
(``time.perf_counter_ns``), repeated from that same checkout so the basket size
stays fixed: ``Checkout.handle(ItemScanned)`` and ``totals()`` of the result
(running sums, O(tax classes)). The anchor, timed in the same run on the same
checkouts, is the same handle followed by the from-scratch totals the basket
used before (``compute_totals`` over every line, what ``Basket.totals`` did).

Each run gives the median per-scan time per size; the script does --runs runs
(default 3) and prints, per size, min/median over the runs of that median, the
ratio to 10 lines (from the medians), and the anchor likewise. Target: 1,000
lines within 1.5x of 10 lines. Pure Python, one thread, the garbage collector
on (as in the lane, which freezes its start-up objects; the benchmark does too).

Usage: ``python benchmarks/bench_domain_scan.py [--sizes 10,100,1000,5000]
[--runs 3] [--per-total] [--seconds 0.5]``
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout.events import ItemScanned, ItemWeighed
from kiosk.domain.money import Money
from kiosk.domain.tax import TaxRules, compute_totals

T0 = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def items() -> list[CatalogItem]:
    def item(sku: str, price: int, tax_class: str, **kw: object) -> CatalogItem:
        return CatalogItem(sku, (("en", sku),), eur(price), tax_class, **kw)  # type: ignore[arg-type]

    return [
        item("milk", 129, "reduced"),
        item("bread", 245, "reduced"),
        item("beer", 89, "standard", deposit=eur(25)),
        item("soap", 399, "standard"),
        item("water", 49, "super_reduced", deposit=eur(25)),
        item("apples", 299, "reduced", unit=SaleUnit.WEIGHT),
    ]


def checkout_with(lines: int, rules: TaxRules) -> Checkout:
    """A SHOPPING checkout with ``lines`` lines, built by real scans (and weights)."""
    checkout = Checkout.start(CheckoutSettings("EUR", rules), "b-1")
    catalog = items()
    for n in range(lines):
        item = catalog[n % len(catalog)]
        at = T0 + timedelta(seconds=n)
        checkout, _ = checkout.handle(ItemScanned(item, f"code-{item.sku}", at))
        if item.sold_by_weight:
            checkout, _ = checkout.handle(ItemWeighed(400 + n % 900, at))
    assert len(checkout.basket.lines) == lines
    return checkout


def per_scan_ns(checkout: Checkout, totals: Callable[[Checkout], object], seconds: float) -> int:
    """Median ns of handle(ItemScanned) + totals, repeated from ``checkout`` for ~seconds."""
    scan = ItemScanned(items()[3], "code-soap", T0 + timedelta(hours=2))
    totals(checkout)  # the previous event's totals, as the lane asks after every event
    samples: list[int] = []
    deadline = time.perf_counter() + seconds
    while len(samples) < 5 or time.perf_counter() < deadline:
        start = time.perf_counter_ns()
        after, _ = checkout.handle(scan)
        totals(after)
        samples.append(time.perf_counter_ns() - start)
    return int(statistics.median(samples))


def running(checkout: Checkout) -> object:
    return checkout.totals()


def from_scratch(checkout: Checkout) -> object:
    basket = checkout.basket
    return compute_totals(basket.active_lines, checkout.settings.tax, basket.currency)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=0.5, help="timing per size and run")
    parser.add_argument("--per-total", action="store_true", help="round tax per class total")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rates = {"standard": "21", "reduced": "10", "super_reduced": "4"}
    rules = TaxRules.from_strings(rates, per_line=not args.per_total)
    checkouts = {size: checkout_with(size, rules) for size in sizes}
    gc.collect()
    gc.freeze()  # the lane freezes its start-up objects; the baskets here are those
    new: dict[int, list[int]] = {size: [] for size in sizes}
    old: dict[int, list[int]] = {size: [] for size in sizes}
    for _ in range(args.runs):
        for size in sizes:
            new[size].append(per_scan_ns(checkouts[size], running, args.seconds))
            old[size].append(per_scan_ns(checkouts[size], from_scratch, args.seconds))
    rounding = "per class total" if args.per_total else "per line"
    print(
        f"per-scan domain cost (Checkout.handle(ItemScanned) + totals), tax rounded {rounding}, "
        f"{args.runs} runs, python {platform.python_version()}"
    )
    print(
        "lines | running totals min / median us | ratio to 10 | from-scratch anchor "
        "min / median us | ratio to 10 | anchor / running"
    )
    base_new = statistics.median(new[sizes[0]])
    base_old = statistics.median(old[sizes[0]])
    for size in sizes:
        n_med, o_med = statistics.median(new[size]), statistics.median(old[size])
        print(
            f"{size:>5} | {min(new[size]) / 1e3:8.1f} / {n_med / 1e3:8.1f} | "
            f"x{n_med / base_new:5.2f} | {min(old[size]) / 1e3:9.1f} / {o_med / 1e3:9.1f} | "
            f"x{o_med / base_old:7.1f} | x{o_med / n_med:7.1f}"
        )
    if 1000 in new:
        ratio = statistics.median(new[1000]) / base_new
        verdict = "met" if ratio <= 1.5 else "MISSED"
        print(f"target 1,000 lines within 1.5x of {sizes[0]} lines: x{ratio:.2f} ({verdict})")


if __name__ == "__main__":
    main()
