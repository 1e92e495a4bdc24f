"""Alembic environment of the shared PostgreSQL schema (separate from the local store's)."""
