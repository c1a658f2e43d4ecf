"""The migrations build exactly the tables the models describe, on both databases."""

from __future__ import annotations

import sqlite3
import uuid

from alembic import command

from portail.db.migrate import alembic_config


def test_models_and_migrations_agree(database_url):
    # Raises when autogenerate would find something to add: a model changed without a migration.
    command.check(alembic_config(database_url))


def test_slot_counters_are_counted_from_the_bookings_already_there(tmp_path):
    # Revision 0005 adds the slots' counters: a database upgraded with bookings in it must start
    # with counters that match them, or capacity would be checked against zero.
    path = tmp_path / "upgrade.sqlite3"
    config = alembic_config(f"sqlite+aiosqlite:///{path}")
    command.upgrade(config, "0004")
    unit, other = uuid.uuid4().hex, uuid.uuid4().hex
    states = {
        (unit, "2026-10-05"): ["accepted", "pending", "cancellation_requested", "waiting", "cancelled"],
        (unit, "2026-10-06"): ["refused", "expired"],
        (other, "2026-10-05"): ["waiting", "waiting"],
    }
    with sqlite3.connect(path) as conn:  # foreign keys off: only the bookings matter here
        conn.execute("INSERT INTO slot_lock (unit_id, day) VALUES (?, ?)", (unit, "2026-10-05"))
        for (unit_id, day), day_states in states.items():
            for state in day_states:
                conn.execute(
                    "INSERT INTO booking (id, child_id, unit_id, period_id, day, household_id, state,"
                    " queue_number, queue_line, price, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '2026-09-01 08:00:00')",
                    (uuid.uuid4().hex, uuid.uuid4().hex, unit_id, "p", day, "h", state),
                )
    command.upgrade(config, "head")
    with sqlite3.connect(path) as conn:
        counters = {
            (u, d): (held, waiting)
            for u, d, held, waiting in conn.execute("SELECT unit_id, day, held, waiting FROM slot_lock")
        }
    assert counters == {
        (unit, "2026-10-05"): (3, 1),
        (unit, "2026-10-06"): (0, 0),
        (other, "2026-10-05"): (0, 2),
    }
