"""The simulator's ledger: what the simulated terminal did with each request.

An append-only JSON-lines file (one line per state change, fsynced) so that the
answer to a status inquiry survives a restart of the simulator. Only masked card
numbers are ever written. On load, a request still ``in_progress`` becomes
``cancelled``: a terminal that restarts mid-transaction does not charge the card.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class LedgerEntry:
    """One request as the terminal saw it; ``state``: in_progress, approved, declined,
    cancelled or reversed."""

    reference: str
    sale_id: str
    service_id: str
    category: str  # "Payment" or "Reversal"
    payment_type: str
    amount_minor: int
    currency: str
    state: str
    poi_transaction_id: str = ""
    poi_timestamp: str = ""
    auth_code: str = ""
    masked_pan: str = ""
    brand: str = ""
    error_condition: str = ""
    original_poi_transaction_id: str = ""
    reservation: bool = False  # a pre-authorisation
    reserved_minor: int = 0  # what the reservation holds now (0: used up)


class Ledger:
    """Entries by (sale id, service id), persisted to ``path`` when given."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, str], LedgerEntry] = {}
        self._approvals: dict[str, int] = {}
        if path is not None and path.exists():
            self._load(path)

    def _load(self, path: Path) -> None:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = LedgerEntry(**json.loads(line))
            except (ValueError, TypeError):
                continue  # a line torn by a crash of the simulator itself
            self._remember(entry)
        for key, entry in list(self._entries.items()):
            if entry.state == "in_progress":
                self._entries[key] = replace(entry, state="cancelled", error_condition="Aborted")

    def _remember(self, entry: LedgerEntry) -> None:
        previous = self._entries.get((entry.sale_id, entry.service_id))
        if entry.state == "approved" and (previous is None or previous.state != "approved"):
            self._approvals[entry.reference] = self._approvals.get(entry.reference, 0) + 1
        self._entries[(entry.sale_id, entry.service_id)] = entry

    def record(self, entry: LedgerEntry) -> None:
        """Store ``entry`` (replacing the one with the same sale and service id)."""
        with self._lock:
            if self.path is not None:
                with self.path.open("a", encoding="utf-8") as handle:
                    handle.write(json.dumps(asdict(entry)) + "\n")
                    handle.flush()
                    os.fsync(handle.fileno())
            self._remember(entry)

    def get(self, sale_id: str, service_id: str) -> LedgerEntry | None:
        """The entry of the request (``sale_id``, ``service_id``), or None."""
        with self._lock:
            return self._entries.get((sale_id, service_id))

    def by_poi_transaction(self, poi_transaction_id: str) -> LedgerEntry | None:
        """The entry with that POI transaction id, or None."""
        with self._lock:
            for entry in self._entries.values():
                if entry.poi_transaction_id == poi_transaction_id:
                    return entry
        return None

    def entries(self) -> list[LedgerEntry]:
        """Every entry (latest state of each request)."""
        with self._lock:
            return list(self._entries.values())

    def approvals(self, reference: str) -> int:
        """How many times a request with ``reference`` was approved (must be 0 or 1)."""
        with self._lock:
            return self._approvals.get(reference, 0)

    def approval_counts(self) -> dict[str, int]:
        """Approvals per reference (each must be 1)."""
        with self._lock:
            return dict(self._approvals)
