"""Persistence: SQLAlchemy models, engine set-up, locking, backups and migrations. No Qt."""
