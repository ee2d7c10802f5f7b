"""Receipts the printer still owes, kept in a file so a restart does not lose them.

The printer's queue calls :meth:`HeldReceiptFile.save` after every change; at
start-up :meth:`HeldReceiptFile.load` gives them back (failed ones stay failed,
an attendant reprints them). The file is replaced atomically (write, fsync,
rename). A damaged file is moved aside with a clear log line, never deleted.
"""

from __future__ import annotations

import base64
import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from kiosk.devices.printer.queue import HeldReceipt, JobState

log = logging.getLogger(__name__)


class HeldReceiptFile:
    """A JSON file of held receipts (the ESC/POS bytes, base64)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def save(self, jobs: Iterable[HeldReceipt]) -> None:
        """Replace the file with ``jobs`` (an empty queue removes it)."""
        rows = [
            {"job_id": j.job_id, "transaction_id": j.transaction_id, "state": j.state.value,
             "attempts": j.attempts, "reason": j.reason,
             "data": base64.b64encode(j.data).decode("ascii")}
            for j in jobs
        ]  # fmt: skip
        if not rows:
            self.path.unlink(missing_ok=True)
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(rows, handle)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(self.path)

    def load(self) -> list[HeldReceipt]:
        """The held receipts, or none if there is no file (a damaged one is moved aside)."""
        try:
            rows = json.loads(self.path.read_text(encoding="utf-8"))
            return [
                HeldReceipt(r["job_id"], r["transaction_id"], base64.b64decode(r["data"]),
                            JobState(r["state"]), int(r["attempts"]), str(r["reason"]))
                for r in rows
            ]  # fmt: skip
        except FileNotFoundError:
            return []
        except (ValueError, KeyError, TypeError, OSError) as error:
            aside = self.path.with_name(self.path.name + ".damaged")
            self.path.replace(aside)
            log.error("held receipts file %s is damaged (%s); moved to %s", self.path, error, aside)
            return []
