"""The DCS simulator: the DCS API (docs/dcs-api.md) with sample flights on 127.0.0.1.

``DcsSimulator(airport="LIS").start()`` serves it in-process (tests, the demo);
``kiosk sim dcs`` runs it as a process. :mod:`.world` holds the sample day and
its bookings, :mod:`.rules` the airline's rules, :mod:`.state` the operations,
:mod:`.passes` the boarding passes (BCBP), :mod:`.faults` the injected faults and
:mod:`.server` the HTTP side.
"""

from __future__ import annotations

from kiosk.backoffice.dcs.sim.server import API_ROOT, DEFAULT_API_KEY, DcsSimulator

__all__ = ["API_ROOT", "DEFAULT_API_KEY", "DcsSimulator"]
