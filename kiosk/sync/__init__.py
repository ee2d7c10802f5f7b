"""kiosk.sync: the lane side of HQ sync.

- :mod:`kiosk.sync.uploader`: drains the outbox to HQ in batches (at-least-once;
  HQ makes it exactly-once in effect, DESIGN.md invariant 4), dead-letters
  what HQ rejects.
- :mod:`kiosk.sync.catalog_pull`: applies pages of catalog changes together with
  the cursor (invariant 5).
- :mod:`kiosk.sync.service`: the one sync thread (uploads, catalog, heartbeat,
  back-off) guarded by :mod:`kiosk.sync.lock` (one uploader per lane database).
- :mod:`kiosk.sync.client`: HTTP to HQ (httpx); its errors become :class:`SyncError`.
"""

from kiosk.sync.errors import SyncError

__all__ = ["SyncError"]
