"""Drivers for the back-office systems a journey talks to: the airline's departure
control system (``dcs``), the hotel's property management system (``pms``), and
the simulators of their APIs (``kiosk sim dcs``, ``kiosk sim pms``).

Same layer as ``kiosk.devices``: below the composition root, above the store. A
driver speaks one published API over HTTP (httpx) and turns its errors into the
domain's error type at this boundary; a simulator serves the same API on
127.0.0.1 (standard-library HTTP server, so the lane never needs FastAPI).
"""
