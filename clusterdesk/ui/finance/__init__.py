"""The Finance tab (Phase 2): funding calls and sources, budgets, stakeholders, SWOT analyses
and the secretariat's readiness."""
