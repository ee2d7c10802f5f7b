"""The airport desk's service tests drive the real check-in machine with the airport
domain tests' world (``airport_domain_factories``, beside those tests)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "domain" / "airport"))
