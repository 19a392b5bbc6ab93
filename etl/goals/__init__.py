"""Goal follow-up: the catalogue's strategies judged on the warehouse's data (indicators.goals)."""
