"""Alembic environment: always called with a connection the caller already opened and
began a transaction on (see clusterdesk.store.migrate), never from an ini URL."""

from alembic import context

from clusterdesk.store import models  # noqa: F401 - registers the tables
from clusterdesk.store.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
