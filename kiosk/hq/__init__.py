"""kiosk.hq: the HQ service (``kiosk hq serve``), never imported by the lane.

- :mod:`kiosk.hq.app`: the FastAPI app (``/api/v1``: sales batches, catalog changes,
  heartbeats, service events), with :mod:`kiosk.hq.middleware` (lane authentication, body limit) and
  :mod:`kiosk.hq.api_errors` (422 for a record's content, 503 only for HQ's own trouble).
- :mod:`kiosk.hq.models` over :mod:`kiosk.hq.fields` (one Text type for every text field,
  audit details limits) and :mod:`kiosk.hq.cards` (masked PANs, card numbers in free
  text); :mod:`kiosk.hq.sale_rules`: a sale's arithmetic and time order.
- :mod:`kiosk.hq.sales` / :mod:`kiosk.hq.pg_copy`: exactly-once-in-effect sale storage.
- :mod:`kiosk.hq.catalog` / :mod:`kiosk.hq.catalog_csv`: the versioned master catalog.
- Service events (docs/service-events.md): :mod:`kiosk.hq.event_models` (the contract),
  :mod:`kiosk.hq.events` (exactly-once storage with the rollups of
  :mod:`kiosk.hq.rollup`), :mod:`kiosk.hq.kpis` (the KPI engine) and
  :mod:`kiosk.hq.kpi_api` (``GET /api/v1/kpis``, ``/api/v1/events.csv``; admin token).
- :mod:`kiosk.hq.heartbeats`: lanes' heartbeats stored in groups by one writer thread,
  each answered after its group commits; :mod:`kiosk.hq.fleet`: what they say, for the
  station and fleet pages.
- :mod:`kiosk.hq.auth`: lane enrolment and bearer tokens (with a negative cache);
  :mod:`kiosk.hq.throttle` and :mod:`kiosk.hq.access_log`: the staff pages' admin token
  (failed logins locked out per address, kept out of the access log).
- :mod:`kiosk.hq.db` / :mod:`kiosk.hq.tables` / ``migrations/``: SQLAlchemy Core on
  SQLite or PostgreSQL, Alembic migrations run programmatically.
- :mod:`kiosk.hq.server`: uvicorn (``serve``, ``--workers auto``; ``ServerThread`` for tests and
  benchmarks).
"""
