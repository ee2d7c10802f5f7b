"""The airline departure control system (DCS): driver, wire format and simulator.

* :class:`HttpDepartureControl` (:mod:`.client`) implements the domain's
  :class:`~kiosk.domain.airport.dcs.DepartureControl` over the DCS API described
  in docs/dcs-api.md; every failure becomes a ``DcsError`` there.
* :mod:`.parse` reads the API's JSON replies into the domain types (untrusted
  input: every error names the field); :mod:`.dump` writes the same JSON.
* :mod:`.sim` serves the API on 127.0.0.1 with sample flights (``kiosk sim dcs``).
"""

from __future__ import annotations

from kiosk.backoffice.dcs.client import API_KEY_HEADER, HttpDepartureControl

__all__ = ["API_KEY_HEADER", "HttpDepartureControl"]
