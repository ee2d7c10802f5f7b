"""Per-scan cost of the offers against basket size and the number of active offers.

Method: a catalog of 20,000 SKUs in three tax classes; N active offers (20 or 500)
of every kind (3 for 2, N for a price, mix and match, percent and amount off, member
unit prices, meal-deal set prices, group and basket thresholds). Each offer has its
own group of 4-6 SKUs; every fifth offer also overlaps its neighbour's group (a
percent off on part of a multi-buy's SKUs), so groups of 2-3 competing offers are
solved. For each basket size (10, 100, 1,000, 5,000 lines) a checkout is brought to
SHOPPING by real scans of SKUs drawn from the offers' SKUs and the rest of the
catalog (seeded). Then one scan of an item in a group with competing offers is
timed (``time.perf_counter_ns``), repeated from the same checkout so the size stays
fixed: ``Checkout.handle(ItemScanned)`` plus ``totals()`` (offers, savings, tax).

Anchors, timed in the same run on the same baskets: the same scan and totals with no
offers (what the offers add), and the same scan followed by re-pricing every line
from scratch (``OfferState.of``: what a non-incremental engine would do per scan).

Each run gives the median per-scan time per size; --runs runs (default 3) give
min/median of those medians and the ratio to 10 lines (medians). Target: 1,000
lines within 1.5x of 10 lines. Pure Python, one thread, garbage collector on.

Usage: ``python benchmarks/bench_offers.py [--sizes 10,100,1000,5000]
[--offers 20,500] [--runs 3] [--seconds 0.4]``
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from fractions import Fraction

from kiosk.domain.basket import Basket
from kiosk.domain.catalog import CatalogItem
from kiosk.domain.checkout import Checkout, CheckoutSettings
from kiosk.domain.checkout.events import ItemScanned
from kiosk.domain.money import Money
from kiosk.domain.offers import Offer, OfferCatalog, OfferKind, OfferState
from kiosk.domain.tax import TaxRules

T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
CLASSES = ("standard", "reduced", "super_reduced")
RULES = TaxRules.from_strings({"standard": "21", "reduced": "10", "super_reduced": "4"})
CATALOG_SIZE = 20_000


def catalog() -> list[CatalogItem]:
    rnd = random.Random(7)
    return [
        CatalogItem(
            f"sku{n}", (("en", f"item {n}"),), Money(rnd.randint(49, 2999), "EUR"),
            CLASSES[n % 3],
        )
        for n in range(CATALOG_SIZE)
    ]  # fmt: skip


def offers(count: int) -> list[Offer]:
    made: list[Offer] = []
    start = 0
    for n in range(count):
        size = 4 + n % 3
        skus = frozenset(f"sku{start + k}" for k in range(size))
        oid = f"o{n}"
        kind = n % 8
        if kind == 0:
            made.append(Offer(oid, "3 for 2", OfferKind.MULTI_BUY, skus, 3, pay_units=2))
        elif kind == 1:
            made.append(Offer(oid, "2 for 3", OfferKind.MULTI_BUY, skus, 2, price=300))
        elif kind == 2:
            made.append(Offer(oid, "10 %", OfferKind.PERCENT_OFF, skus, percent=Fraction(10)))
        elif kind == 3:
            made.append(Offer(oid, "-0.20", OfferKind.AMOUNT_OFF, skus, amount=20))
        elif kind == 4:
            made.append(Offer(oid, "member", OfferKind.UNIT_PRICE, skus, price=99))
        elif kind == 5:
            parts = tuple(frozenset({sku}) for sku in sorted(skus)[:3])
            made.append(Offer(oid, "deal", OfferKind.SET_PRICE, components=parts, price=500))
        elif kind == 6:
            made.append(Offer(oid, "spend 10", OfferKind.THRESHOLD, skus, spend=1000, amount=100))
        else:
            made.append(Offer(oid, "mix", OfferKind.MULTI_BUY, skus, 4, pay_units=3))
        if n % 5 == 4:  # a competing offer on part of this group
            part = frozenset(sorted(skus)[:2])
            made.append(Offer(f"x{n}", "15 %", OfferKind.PERCENT_OFF, part, percent=Fraction(15)))
        start += size
    made.append(Offer("basket", "spend 50", OfferKind.THRESHOLD, spend=5000, amount=300))
    return made


def checkout_with(lines: int, items: list[CatalogItem], book: OfferCatalog, span: int) -> Checkout:
    """A SHOPPING checkout with ``lines`` lines, half from the offers' SKUs, by real scans."""
    rnd = random.Random(lines)
    checkout = Checkout.start(CheckoutSettings("EUR", RULES, offers=book), "b-1")
    for n in range(lines):
        pick = rnd.randrange(span) if n % 2 else rnd.randrange(CATALOG_SIZE)
        item = items[pick]
        checkout, _ = checkout.handle(ItemScanned(item, item.sku, T0 + timedelta(seconds=n)))
    assert len(checkout.basket.lines) == lines
    return checkout


def per_scan_ns(
    checkout: Checkout, scan: ItemScanned, after: Callable[[Checkout], object], seconds: float
) -> int:
    """Median ns of handle(scan) + ``after``, repeated from ``checkout`` for ~seconds."""
    after(checkout)
    samples: list[int] = []
    deadline = time.perf_counter() + seconds
    while len(samples) < 5 or time.perf_counter() < deadline:
        start = time.perf_counter_ns()
        result, _ = checkout.handle(scan)
        after(result)
        samples.append(time.perf_counter_ns() - start)
    return int(statistics.median(samples))


def totals(checkout: Checkout) -> object:
    return checkout.totals()


def from_scratch(checkout: Checkout) -> object:
    book = checkout.basket.offer_book
    assert book is not None
    return OfferState.of(book, "EUR", checkout.basket.lines).summary()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10,100,1000,5000")
    parser.add_argument("--offers", default="20,500")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=0.4)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    items = catalog()
    print(f"python {platform.python_version()} on {platform.machine()}, {args.runs} runs")
    for count in (int(c) for c in args.offers.split(",")):
        made = offers(count)
        book = OfferCatalog(tuple(made))
        span = sum(4 + n % 3 for n in range(count))
        scan = ItemScanned(items[19], "sku19", T0 + timedelta(hours=2))  # 2 competing offers
        baskets = {size: checkout_with(size, items, book, span) for size in sizes}
        plain = {
            size: Checkout.recover(
                CheckoutSettings("EUR", RULES),
                Basket.from_lines("b-1", "EUR", c.basket.lines),  # without the offers
                T0,
            )
            for size, c in baskets.items()
        }
        gc.freeze()
        runs: dict[str, dict[int, list[int]]] = {"offers": {}, "no offers": {}, "scratch": {}}
        for _ in range(args.runs):
            for size in sizes:
                runs["offers"].setdefault(size, []).append(
                    per_scan_ns(baskets[size], scan, totals, args.seconds)
                )
                runs["no offers"].setdefault(size, []).append(
                    per_scan_ns(plain[size], scan, totals, args.seconds)
                )
                runs["scratch"].setdefault(size, []).append(
                    per_scan_ns(baskets[size], scan, from_scratch, args.seconds / 4)
                )
        gc.unfreeze()
        groups = len(baskets[sizes[0]].basket.offer_book.groups)  # type: ignore[union-attr]
        print(f"\n{len(made)} active offers ({groups} offer groups), per scan: handle + totals")
        print(f"{'lines':>6} {'what':>10} {'min ms':>9} {'median ms':>10} {'vs 10 lines':>12}")
        for what, by_size in runs.items():
            base = statistics.median(by_size[sizes[0]])
            for size in sizes:
                values = by_size[size]
                median = statistics.median(values)
                print(
                    f"{size:>6} {what:>10} {min(values) / 1e6:>9.4f} {median / 1e6:>10.4f} "
                    f"{median / base:>11.2f}x"
                )
        if 1000 in sizes and 10 in sizes:
            ratio = statistics.median(runs["offers"][1000]) / statistics.median(runs["offers"][10])
            verdict = "met" if ratio <= 1.5 else "NOT met"
            print(f"ratio 1,000 / 10 lines with offers: {ratio:.2f}x (target <= 1.5x: {verdict})")


if __name__ == "__main__":
    main()
