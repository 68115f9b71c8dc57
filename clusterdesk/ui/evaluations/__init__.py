"""The Evaluations tab (Phase 4, handbook §4.5–§4.6)."""
