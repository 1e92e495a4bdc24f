"""Replication of the local SQLite store with a shared PostgreSQL database (DESIGN.md "Sync")."""
