"""Deterministic, realistic demo data (projects, people, tickets with full history) for WarrantyDesk."""
