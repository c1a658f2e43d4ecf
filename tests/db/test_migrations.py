"""The migrations build exactly the tables the models describe, on both databases."""

from __future__ import annotations

from alembic import command

from portail.db.migrate import alembic_config


def test_models_and_migrations_agree(database_url):
    # Raises when autogenerate would find something to add: a model changed without a migration.
    command.check(alembic_config(database_url))
