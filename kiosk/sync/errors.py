"""Errors of lane sync; httpx errors and HQ's refusals stop at this package's boundary."""

from __future__ import annotations


class SyncError(Exception):
    """Sync with HQ failed; the message says what and where."""


class HqUnreachable(SyncError):
    """No usable answer from HQ (network, timeout, 5xx, a malformed reply): retry later."""


class HqRefused(SyncError):
    """HQ refused the request itself (4xx). ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class LockHeld(SyncError):
    """Another uploader already serves this lane database."""
