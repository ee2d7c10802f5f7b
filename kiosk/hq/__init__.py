"""kiosk.hq: the HQ service (``kiosk hq serve``), never imported by the lane.

- :mod:`kiosk.hq.app`: the FastAPI app (``/api/v1``: sales batches, catalog changes,
  heartbeats), with :mod:`kiosk.hq.middleware` (lane authentication, body limit).
- :mod:`kiosk.hq.sales` / :mod:`kiosk.hq.pg_copy`: exactly-once-in-effect sale storage.
- :mod:`kiosk.hq.catalog` / :mod:`kiosk.hq.catalog_csv`: the versioned master catalog.
- :mod:`kiosk.hq.auth`: lane enrolment and bearer tokens.
- :mod:`kiosk.hq.db` / :mod:`kiosk.hq.tables` / ``migrations/``: SQLAlchemy Core on
  SQLite or PostgreSQL, Alembic migrations run programmatically.
- :mod:`kiosk.hq.server`: uvicorn (``serve``; ``ServerThread`` for tests and benchmarks).
"""
