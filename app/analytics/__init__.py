"""Qt-free analytics: KPIs and period arithmetic, every number aggregated in SQL."""
