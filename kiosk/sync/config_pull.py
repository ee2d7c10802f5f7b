"""Pull the configuration HQ manages for this lane and keep the last good copy.

Each pull asks ``GET /api/v1/lanes/config`` with the version the lane already has. A new
version is built on top of the lane's local file by the one loader
(:func:`kiosk.config.remote.build_with`: keys that stay local refused, every value
checked); only a version that builds replaces the copy next to the store
(``<store>.hq-config.json``, written atomically). A version that does not build is
refused: the copy stays as it was and :attr:`ConfigPuller.error` says why (the
heartbeat reports it) until HQ sends another version. The lane applies the copy at its
next start (:func:`kiosk.config.remote.load_effective`); nothing changes while it runs.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal

from kiosk.config.errors import ConfigError
from kiosk.config.remote import HqCopy, LocalSource, build_with, read_copy, write_copy
from kiosk.store.codec import utc_now
from kiosk.sync.client import HqClient

log = logging.getLogger(__name__)

Outcome = Literal["unchanged", "saved", "refused"]


class ConfigPuller:
    """Pulls for the lane whose configuration came from ``source`` (see the module)."""

    def __init__(self, source: LocalSource, copy_file: Path) -> None:
        self.source = source
        self.copy_file = copy_file
        self.error: str | None = source.hq_problem
        self._refused: str | None = None
        try:
            copy = read_copy(copy_file)
        except ConfigError as problem:
            copy = None
            self.error = str(problem)
        self.known: str | None = copy.version if copy is not None else None

    def pull(self, client: HqClient) -> Outcome:
        """Ask HQ once; save a new version that builds, refuse one that does not.

        Raises:
            HqUnreachable / HqRefused: from the client (the copy is untouched).
            OSError: if the copy cannot be written.
        """
        reply = client.lane_config(self._refused or self.known)
        version = reply.get("version")
        if not isinstance(version, str) or not version:
            return self._refuse(str(version), f"HQ's reply has no version: {reply!r:.200}")
        if reply.get("unchanged") is True:
            return "refused" if version == self._refused else "unchanged"
        overrides = reply.get("overrides")
        if not isinstance(overrides, dict):
            return self._refuse(version, f"HQ's overrides are not a table: {overrides!r:.200}")
        try:
            build_with(self.source.path, overrides, version, self.source.environ)
        except ConfigError as problem:
            return self._refuse(version, str(problem))
        write_copy(self.copy_file, HqCopy(version, overrides, utc_now()))
        self.known, self._refused, self.error = version, None, None
        log.info(
            "HQ configuration %s saved to %s; it takes effect at the next start",
            version,
            self.copy_file,
        )
        return "saved"

    def _refuse(self, version: str, why: str) -> Outcome:
        if version != self._refused:
            log.error("HQ configuration %s refused, keeping the last good copy: %s", version, why)
        self._refused, self.error = version, why
        return "refused"
