"""Alembic environment and schema revisions (ships inside the bundle)."""
