"""Persistence: SQLModel tables per domain, the async engine and session, Alembic migrations."""
