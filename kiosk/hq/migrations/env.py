"""Alembic environment for the HQ database; run only through ``kiosk.hq.db.upgrade``.

The caller passes an open SQLAlchemy connection in ``config.attributes["connection"]``;
there is no alembic.ini and no URL here.
"""

from __future__ import annotations

from alembic import context

from kiosk.hq.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
