"""The migrations build exactly the tables the models describe, on both databases."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import time

from alembic import command

from portail.db.migrate import alembic_config
from portail.db.models.catalogue import Unit
from portail.resolvers.catalogue_reading import booking_rule, cancel_rule
from portail.rules.deadlines import DayCount, DaysBefore, WeekdayOfWeekBefore


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


def test_units_keep_their_deadlines_through_revision_0019(tmp_path):
    # Revision 0019 adds the number of weeks, the month's day and the skipped days: a unit stored before
    # reads back as the very rules it had ("le jeudi de la semaine précédente", "2 jours ouvrés avant").
    path = tmp_path / "upgrade.sqlite3"
    config = alembic_config(f"sqlite+aiosqlite:///{path}")
    command.upgrade(config, "0016")
    unit_id = uuid.uuid4().hex
    with sqlite3.connect(path) as conn:  # foreign keys off: only the unit matters here
        conn.execute(
            "INSERT INTO unit (id, period_id, name, position, booking_rule, booking_days, booking_weekday,"
            " booking_at, booking_counted_in, cancel_rule, cancel_days, cancel_at, cancel_counted_in, tariff,"
            " exclusive_group, created_at) VALUES (?, ?, 'REPAS', 0, 'weekday_of_week_before', 2, 3,"
            " '12:00:00.000000', 'calendar', 'days_before', 2, '10:00:00.000000', 'working', '[[null, 0]]', '',"
            " '2026-09-01 08:00:00')",
            (unit_id, uuid.uuid4().hex),
        )
    command.upgrade(config, "head")
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM unit").fetchone())
    stored = {k: v for k, v in row.items() if k.endswith(("weeks", "month_day", "skipped_weekdays", "skips_holidays"))}
    assert stored == {
        "booking_weeks": 1, "booking_month_day": None, "booking_skipped_weekdays": "", "booking_skips_holidays": 0,
        "cancel_weeks": 1, "cancel_month_day": None, "cancel_skipped_weekdays": "", "cancel_skips_holidays": 0,
    }
    unit = Unit(
        name="REPAS", period_id=uuid.uuid4(), booking_rule="weekday_of_week_before", booking_weekday=3,
        booking_at=time(12, 0), cancel_counted_in="working",
        **{k: bool(v) if k.endswith("holidays") else v for k, v in stored.items()},
    )
    assert booking_rule(unit) == WeekdayOfWeekBefore(3, time(12, 0))
    assert cancel_rule(unit) == DaysBefore(2, time(10, 0), DayCount.WORKING)


def test_units_stay_as_they_were_through_revision_0020(tmp_path):
    # Revision 0020 adds linked units, units counted in hours and events: a unit stored before reads back
    # unlinked, booked by the day (the quarter-hour step ready), any day its period runs, uncapped.
    path = tmp_path / "upgrade.sqlite3"
    config = alembic_config(f"sqlite+aiosqlite:///{path}")
    command.upgrade(config, "0019")
    unit_id = uuid.uuid4().hex
    with sqlite3.connect(path) as conn:  # foreign keys off: only the unit matters here
        conn.execute(
            "INSERT INTO unit (id, period_id, name, position, booking_rule, booking_days, booking_at,"
            " booking_counted_in, cancel_rule, cancel_days, cancel_at, cancel_counted_in, tariff,"
            " exclusive_group, created_at) VALUES (?, ?, 'REPAS', 0, 'days_before', 2, '10:00:00.000000',"
            " 'calendar', 'days_before', 2, '10:00:00.000000', 'calendar', '[[null, 0]]', '',"
            " '2026-09-01 08:00:00')",
            (unit_id, uuid.uuid4().hex),
        )
    command.upgrade(config, "head")
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM unit").fetchone())
        booking_columns = {r[1] for r in conn.execute("PRAGMA table_info(booking)")}
    added = ("requires", "counted_in", "opens_at", "closes_at", "step_minutes", "event_dates", "per_child_cap")
    assert {k: row[k] for k in added} == {
        "requires": "", "counted_in": "days", "opens_at": None, "closes_at": None, "step_minutes": 15,
        "event_dates": "", "per_child_cap": None,
    }
    assert {"arrival", "departure"} <= booking_columns
