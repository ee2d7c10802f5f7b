"""Read-only, server-rendered web pages of the HQ service for store operations staff.

``router(engine)`` gives the FastAPI router (``/`` overview, ``/lanes/STORE/LANE``,
``/kpis`` service measures with SVG charts);
``configure(app, admin_token=..., not_reporting_minutes=...)`` turns the pages on for
an app (without it, or with an empty token, they answer 404). Pages are not part of
the OpenAPI schema.
"""

from __future__ import annotations

from kiosk.hq.web.routes import WebSettings, configure, router

__all__ = ["WebSettings", "configure", "router"]
