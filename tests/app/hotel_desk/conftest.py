"""The hotel desk's service tests drive the real hotel machine with the hotel domain
tests' world (``hotel_domain_factories``, beside those tests)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "domain" / "hotel"))
