"""Alembic's environment: runs on the connection that ``screening.central.database.migrate``
hands over in ``config.attributes``; no alembic.ini, no URL of its own."""

from __future__ import annotations

from alembic import context

from screening.central.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
