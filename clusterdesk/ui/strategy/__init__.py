"""Phase 3: the international strategy — versions, KPIs, action plans and the strategy wheel."""
