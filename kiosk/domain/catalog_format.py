"""The catalog CSV format that lanes and HQ both read and write: its columns, one
definition (the lane's store and the HQ service import it from here, never from
each other). The meaning of each column is documented in :mod:`kiosk.store.catalog_import`.
"""

from __future__ import annotations

#: The full header of a catalog CSV as lanes and HQ write it (name columns for en/es/fr).
CATALOG_CSV_HEADER = (
    "sku",
    "gtin",
    "plu",
    "name_en",
    "name_es",
    "name_fr",
    "price",
    "tax_class",
    "unit",
    "age_limit",
    "quantity_limit",
    "deposit",
    "category",
    "image",
)
