"""The lane's SQLite store: everything the lane keeps on disk.

- :mod:`kiosk.store.db`: the one connection factory (WAL, synchronous=FULL,
  foreign keys), ``BEGIN IMMEDIATE`` transactions, migrations, checkpoints.
- :mod:`kiosk.store.catalog`: find items by SKU, any barcode form, PLU, name, category;
  apply HQ's catalog changes with the cursor in one transaction.
- :mod:`kiosk.store.catalog_import` / :mod:`kiosk.store.catalog_csv`: bulk CSV import,
  all rows or none.
- :mod:`kiosk.store.journal`: the open-basket journal (survives a crash).
- :mod:`kiosk.store.sales`: the sale document and its atomic commit with the outbox row.
- :mod:`kiosk.store.sample_catalog`: a deterministic sample catalog of any size.

sqlite3's exceptions stop here: callers see :class:`kiosk.store.errors.StoreError`.
"""
