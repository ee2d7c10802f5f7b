"""Receipt files that are never overwritten: one new file per printed receipt.

The printer simulator of ``kiosk demo`` keeps every receipt as a PNG in the demo's
folder. Counting from 1 at each start (``receipt-0001.png``) overwrote the receipts of
the previous run. :func:`write_new_receipt` names a file by the time it was printed
(UTC, to the second) and the receipt's own code (the first QR code on it: the sale's
transaction id on a lane receipt), e.g. ``receipt-20261205-153201-3f2a9c1e-....png``,
and creates it exclusively (``open(..., "xb")``): if the name is taken (two receipts
in one second without a code, a clock set back) it adds ``-2``, ``-3``... so no name
is ever used twice, within a run or across runs.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

_UNSAFE = re.compile(r"[^A-Za-z0-9-]+")


def receipt_stem(at: datetime, code: str = "") -> str:
    """``receipt-<UTC yyyymmdd-hhmmss>[-<code>]``: ``code`` keeps only letters, digits
    and dashes, at most 40 of them (a URL or odd bytes cannot make a path)."""
    tag = _UNSAFE.sub("-", code).strip("-")[:40]
    return f"receipt-{at:%Y%m%d-%H%M%S}" + (f"-{tag}" if tag else "")


def write_new_receipt(folder: Path, png: bytes, at: datetime, code: str = "") -> Path:
    """Write ``png`` to a file of ``folder`` that did not exist before; return its path.

    Raises:
        OSError: the folder cannot be created or written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stem = receipt_stem(at, code)
    for n in range(1, 100_000):
        path = folder / (f"{stem}.png" if n == 1 else f"{stem}-{n}.png")
        try:
            with path.open("xb") as handle:
                handle.write(png)
        except FileExistsError:
            continue
        return path
    raise OSError(f"no free receipt file name for {stem} in {folder}")
