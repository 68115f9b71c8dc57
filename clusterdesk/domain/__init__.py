"""Pure Python rules and value types. Imports neither Qt nor SQLAlchemy."""
