"""A deterministic, realistic sample catalog, and synthetic ones of any size.

:func:`sample_items` is a Spanish supermarket's few hundred items with names
in English, Spanish and French: weighed produce with real IFPS PLUs (4011
bananas, 4012 oranges, ...), bakery with store PLUs (7001-7099, outside the
IFPS range 3000-4999), age-restricted beer, wine, spirits and tobacco (18),
bottles with a deposit, and a few quantity-limited items. GTIN-13s use the
Spanish GS1 prefix 84 with made-up company numbers and correct check digits;
a few items carry a UPC-A, an EAN-8 or a UPC-E-compressible UPC-A so that
every barcode form can be tested. :func:`catalog_rows` adds synthetic items
(prefix 8499, SKU ``G########``) to reach any count for benchmarks.
The same arguments always give the same output.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

from kiosk.domain.catalog import CatalogItem, SaleUnit
from kiosk.domain.gtin import check_digit
from kiosk.domain.money import Money
from kiosk.store.catalog_csv import HEADER
from kiosk.store.sample_data import BAKERY, BRANDS, PACKAGED, PRODUCE

CURRENCY = "EUR"


def gtin13(company: int, item_ref: int) -> str:
    """A GTIN-13 with the Spanish prefix 84, a 5-digit company and a 5-digit item reference."""
    body = f"84{company:05d}{item_ref:05d}"
    return body + str(check_digit(body))


def _gtin14(code: str) -> str:
    return code.zfill(14)


def sample_items(seed: int = 2026) -> list[CatalogItem]:
    """The curated sample catalog (a few hundred items), the same for the same ``seed``."""
    rng = random.Random(seed)
    items: list[CatalogItem] = []

    def money(cents: int) -> Money:
        return Money(cents, CURRENCY)

    for n, (plu, en, es, fr, cents, weighed) in enumerate(PRODUCE, start=1):
        items.append(
            CatalogItem(
                sku=f"P{n:04d}",
                names=(("en", en), ("es", es), ("fr", fr)),
                price=money(cents),
                tax_class="super_reduced",
                plu=plu,
                unit=SaleUnit.WEIGHT if weighed else SaleUnit.EACH,
                category="produce",
                image=f"produce/{plu}.png",
            )
        )
    for n, (plu, en, es, fr, cents) in enumerate(BAKERY, start=1):
        items.append(
            CatalogItem(
                sku=f"B{n:04d}",
                names=(("en", en), ("es", es), ("fr", fr)),
                price=money(cents),
                tax_class="super_reduced",
                plu=plu,
                category="bakery",
                image=f"bakery/{plu}.png",
            )
        )
    item_ref = 0
    for key, en, es, fr, category, tax, sizes, age, deposit, limit in PACKAGED:
        brands = rng.sample(BRANDS, 4)
        for brand_no, brand in enumerate(brands):
            company = 10000 + 37 * BRANDS.index(brand)
            for size, cents in sizes:
                item_ref += 1
                price = cents if brand_no == 0 else cents + rng.randint(5, cents // 3 + 5)
                gtins = [_gtin14(gtin13(company, item_ref))]
                if item_ref % 17 == 0:  # a second supplier's code for the same item
                    gtins.append(_gtin14(gtin13(company + 1, item_ref)))
                pack = int(size.split(" x ")[0]) if " x " in size else 1
                items.append(
                    CatalogItem(
                        sku=f"S{item_ref:05d}",
                        names=(
                            ("en", f"{brand} {en} {size}"),
                            ("es", f"{es} {brand} {_size(size, 'es')}"),
                            ("fr", f"{fr} {brand} {_size(size, 'fr')}"),
                        ),
                        price=money(price),
                        tax_class=tax,
                        gtins=tuple(gtins),
                        age_limit=age,
                        quantity_limit=limit,
                        deposit=money(deposit * pack) if deposit else None,
                        category=category,
                        image=f"{category}/{key}.png",
                    )
                )
    items.extend(_other_symbologies())
    items.extend(_carrier_bags())
    return items


#: The carrier bags of the sample store (the demo's ``[lane] bag_skus``).
BAG_SKUS = ("BAG01", "BAG02")


def _carrier_bags() -> list[CatalogItem]:
    """Carrier bags, sold by the "Do you need bags?" question: store PLUs 7901-7902 and a
    barcode each (a bag can also be scanned)."""
    bags = (
        ("Paper bag", "Bolsa de papel", "Sac en papier", 15),
        ("Reusable bag", "Bolsa reutilizable", "Sac réutilisable", 50),
    )
    return [
        CatalogItem(
            sku,
            (("en", en), ("es", es), ("fr", fr)),
            Money(cents, CURRENCY),
            "standard",
            gtins=(_gtin14(gtin13(98765, n)),),  # not 8499: the synthetic items
            plu=f"790{n}",
            category="bags",
        )
        for n, (sku, (en, es, fr, cents)) in enumerate(zip(BAG_SKUS, bags, strict=True), start=1)
    ]


_SIZE_WORDS = {
    "es": {"bottle": "botella", "can": "lata", "pieces": "unidades", "rolls": "rollos"},
    "fr": {"bottle": "bouteille", "can": "canette", "pieces": "pièces", "rolls": "rouleaux"},
}


def _size(size: str, language: str) -> str:
    words = _SIZE_WORDS[language]
    return " ".join(words.get(word, word) for word in size.split())


def _other_symbologies() -> list[CatalogItem]:
    """Imported items with a UPC-A, an EAN-8 and a UPC-E-compressible UPC-A."""
    ean8 = "8412345" + str(check_digit("8412345"))
    # UPC-E 0-425261-c stands for UPC-A 0-42100-00526-c (last digit 1: "42" 1 0000 "526").
    upca_of_upce = "04210000526" + str(check_digit("04210000526"))
    upca = "03600029145" + str(check_digit("03600029145"))

    def item(
        sku: str, names: tuple[str, str, str], cents: int, gtin: str, category: str
    ) -> CatalogItem:
        return CatalogItem(
            sku,
            tuple(zip(("en", "es", "fr"), names, strict=True)),
            Money(cents, CURRENCY),
            "reduced",
            gtins=(_gtin14(gtin),),
            category=category,
        )

    return [
        item(
            "U00001",
            ("Maple syrup 250 ml", "Sirope de arce 250 ml", "Sirop d'érable 250 ml"),
            899,
            upca,
            "pantry",
        ),
        item(
            "E00001",
            ("Mints 20 g", "Caramelos de menta 20 g", "Pastilles de menthe 20 g"),
            120,
            ean8,
            "snacks",
        ),
        item(
            "E00002",
            ("Peanut butter 340 g", "Crema de cacahuete 340 g", "Beurre de cacahuète 340 g"),
            449,
            upca_of_upce,
            "pantry",
        ),
    ]


def upce_of_sample() -> str:
    """The UPC-E code printed on sample item E00002 (expands to its UPC-A)."""
    return "0425261" + str(check_digit("04210000526"))


def display_gtin(gtin14: str) -> str:
    """The short form a package prints: EAN-8, UPC-A, EAN-13 or GTIN-14."""
    if gtin14.startswith("000000"):
        return gtin14[6:]
    if gtin14.startswith("00"):
        return gtin14[2:]
    return gtin14[1:] if gtin14.startswith("0") else gtin14


def item_row(item: CatalogItem) -> list[str]:
    """``item`` as a CSV row in :data:`HEADER` order."""
    names = dict(item.names)
    return [
        item.sku,
        "|".join(display_gtin(g) for g in item.gtins),
        item.plu or "",
        names.get("en", ""),
        names.get("es", ""),
        names.get("fr", ""),
        f"{item.price.to_decimal():.2f}",
        item.tax_class,
        item.unit.value,
        "" if item.age_limit is None else str(item.age_limit),
        "" if item.quantity_limit is None else str(item.quantity_limit),
        "" if item.deposit is None else f"{item.deposit.to_decimal():.2f}",
        item.category,
        item.image or "",
    ]


_ADJ = (
    ("Fresh", "Fresco", "Frais"),
    ("Classic", "Clásico", "Classique"),
    ("Organic", "Ecológico", "Bio"),
    ("Light", "Ligero", "Léger"),
    ("Family", "Familiar", "Familial"),
    ("Spicy", "Picante", "Épicé"),
)
_NOUN = (
    ("soup", "sopa", "soupe"),
    ("crackers", "galletas saladas", "crackers"),
    ("sauce", "salsa", "sauce"),
    ("cereal", "cereales", "céréales"),
    ("tea", "té", "thé"),
    ("biscuits", "galletas", "biscuits"),
    ("jam", "mermelada", "confiture"),
    ("noodles", "fideos", "nouilles"),
    ("honey", "miel", "miel"),
)
_SYNTH_CATEGORIES = ("pantry", "snacks", "drinks", "household", "frozen", "dairy")


def synthetic_row(n: int) -> list[str]:
    """Row ``n`` (0-based) of the synthetic part of a large catalog; no PLU, one GTIN."""
    adj = _ADJ[n % len(_ADJ)]
    noun = _NOUN[(n // len(_ADJ)) % len(_NOUN)]
    body = f"8499{n:08d}"
    price = 50 + (n * 7919) % 2000
    return [
        f"G{n:08d}",
        body + str(check_digit(body)),
        "",
        f"{adj[0]} {noun[0]} #{n}",
        f"{noun[1]} {adj[1].lower()} #{n}",
        f"{noun[2]} {adj[2].lower()} #{n}",
        f"{price // 100}.{price % 100:02d}",
        "reduced" if n % 4 else "standard",
        "each",
        "",
        "",
        "",
        _SYNTH_CATEGORIES[n % len(_SYNTH_CATEGORIES)],
        "",
    ]


def catalog_rows(count: int | None = None, seed: int = 2026) -> Iterator[list[str]]:
    """CSV rows (no header): the sample items, then synthetic ones up to ``count``."""
    sample = sample_items(seed)
    limit = len(sample) if count is None else count
    for item in sample[:limit]:
        yield item_row(item)
    for n in range(max(0, limit - len(sample))):
        yield synthetic_row(n)


def write_catalog_csv(path: Path | str, count: int | None = None, seed: int = 2026) -> int:
    """Write a catalog CSV (header + rows) to ``path``; return the number of items."""
    written = 0
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        for row in catalog_rows(count, seed):
            writer.writerow(row)
            written += 1
    return written
