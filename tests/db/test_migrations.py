"""The migrations build exactly the tables the models describe, on both databases."""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from datetime import date, time

from alembic import command
from sqlalchemy import text

from portail.db.migrate import alembic_config
from portail.db.models import Child, Household, HouseholdChild, Vaccination
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


async def test_revision_0021_keeps_each_childs_diet_and_links_its_vaccinations(db, database_url):
    # Revision 0021 (the health form): a child's single diet becomes its first entry in the diets list,
    # and vaccinations named like a vaccine of the town's list (by code or label) are linked to it; the
    # others stay as the family wrote them. Run down and up again on this backend's database.
    household = Household(name="MIGRATION")
    emma = Child(first_name="Emma", last_name="M", diet="VEGETARIAN")
    paul = Child(first_name="Paul", last_name="M", diet="NONE")
    async with db.transaction() as session:
        session.add_all([household, emma, paul])
        await session.flush()
        session.add_all([HouseholdChild(household_id=household.id, child_id=c.id) for c in (emma, paul)])
        for name in ("dtp", " ROR ", "Rougeole oreillons rubéole", "Vaccin du voyage", "hépatite b"):
            session.add(Vaccination(child_id=emma.id, vaccine=name, vaccinated_on=date(2020, 1, 1)))
    config = alembic_config(database_url)
    await asyncio.to_thread(command.downgrade, config, "0020")
    try:
        async with db.transaction() as session:
            # Before 0021 there is no list: rows as a town had them.
            assert (await session.exec(text("SELECT count(*) FROM vaccination"))).one()[0] == 5
    finally:
        await asyncio.to_thread(command.upgrade, config, "head")
    async with db.read_sessions() as session:
        diets = (
            await session.exec(
                text(
                    "SELECT c.first_name, i.code FROM child_diet d JOIN child c ON c.id = d.child_id"
                    " JOIN health_list_item i ON i.id = d.item_id"
                )
            )
        ).all()
        linked = dict(
            (
                await session.exec(
                    text(
                        "SELECT v.vaccine, i.code FROM vaccination v"
                        " LEFT JOIN health_list_item i ON i.id = v.vaccine_id"
                    )
                )
            ).all()
        )
        lists = dict(
            (await session.exec(text("SELECT kind, count(*) FROM health_list_item GROUP BY kind"))).all()
        )
        kept = (await session.exec(text("SELECT diet, doctor_address FROM child ORDER BY first_name"))).all()
    assert [tuple(d) for d in diets] == [("Emma", "VEGETARIAN")]
    assert linked == {
        "dtp": "DTP",
        " ROR ": "ROR",
        "Rougeole oreillons rubéole": None,  # not the list's words: kept as written
        "Vaccin du voyage": None,
        "hépatite b": "HEPATITE_B",
    }
    assert lists == {"DIET": 4, "ILLNESS": 9, "VACCINE": 8}
    assert [tuple(k) for k in kept] == [("VEGETARIAN", ""), ("NONE", "")]


def test_periods_and_households_stay_as_they_were_through_revision_0022(tmp_path):
    # Revision 0022 adds the booking window, the out-of-town tariff, the category and the suspension: a
    # period stored before is always open, a household neither categorised nor suspended.
    path = tmp_path / "upgrade.sqlite3"
    config = alembic_config(f"sqlite+aiosqlite:///{path}")
    command.upgrade(config, "0021")
    period_id, household_id = uuid.uuid4().hex, uuid.uuid4().hex
    with sqlite3.connect(path) as conn:  # foreign keys off: only these rows matter here
        conn.execute(
            "INSERT INTO period (id, activity_id, name, start, end, weekdays, created_at)"
            " VALUES (?, ?, 'ETE', '2027-07-07', '2027-08-27', '0,1,2,3,4', '2026-09-01 08:00:00')",
            (period_id, uuid.uuid4().hex),
        )
        conn.execute(
            "INSERT INTO household (id, name, civility, address_number, address_street, address_complement,"
            " postcode, city, country, main_phone, secondary_phone, caf_number, insurance_company,"
            " insurance_policy, remarks, created_at) VALUES (?, 'TEST', '', '', '', '', '56860', '', 'FR', '',"
            " '', '', '', '', '', '2026-09-01 08:00:00')",
            (household_id,),
        )
    command.upgrade(config, "head")
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        period = dict(conn.execute("SELECT * FROM period").fetchone())
        household = dict(conn.execute("SELECT * FROM household").fetchone())
        triggers = {r[0] for r in conn.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'")}
    assert {k: v for k, v in period.items() if k.startswith("booking_")} == {
        "booking_opens_at": None, "booking_openings": "[]", "booking_groups_only": 0, "booking_closes_at": None,
        "booking_read_only_from": None, "booking_intro": "",
    }
    assert {k: v for k, v in household.items() if k.startswith("booking_")} == {
        "booking_category": "", "booking_suspended_at": None, "booking_suspension_reason": "",
    }
    # The catalogue version's triggers on the period (revision 0016) are still there.
    assert "period" in triggers and "unit" in triggers
    command.downgrade(config, "0021")


def test_units_stay_as_they_were_through_revision_0024(tmp_path):
    # Revision 0024 adds linked units, units counted in hours and events: a unit stored before reads back
    # unlinked, booked by the day (the quarter-hour step ready), any day its period runs, uncapped.
    path = tmp_path / "upgrade.sqlite3"
    config = alembic_config(f"sqlite+aiosqlite:///{path}")
    command.upgrade(config, "0023")
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


def test_households_keep_no_insee_code_through_revision_0025(tmp_path):
    # Revision 0025 adds a household's INSEE code: a household stored before has none (its postcode goes
    # on deciding residence), and going back drops the column without touching the rest.
    path = tmp_path / "upgrade.sqlite3"
    config = alembic_config(f"sqlite+aiosqlite:///{path}")
    command.upgrade(config, "0024")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO household (id, name, civility, address_number, address_street, address_complement,"
            " postcode, city, country, main_phone, secondary_phone, caf_number, insurance_company,"
            " insurance_policy, remarks, created_at) VALUES (?, 'TEST', '', '', '', '', '56860', '', 'FR', '',"
            " '', '', '', '', '', '2026-09-01 08:00:00')",
            (uuid.uuid4().hex,),
        )
    command.upgrade(config, "0025")
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        household = dict(conn.execute("SELECT * FROM household").fetchone())
    assert (household["postcode"], household["insee_code"]) == ("56860", None)
    command.downgrade(config, "0024")
    with sqlite3.connect(path) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(household)")}
        assert conn.execute("SELECT postcode FROM household").fetchone() == ("56860",)
    assert "insee_code" not in columns and "postcode" in columns


def test_units_and_bookings_read_as_by_the_day_through_revision_0026(tmp_path):
    # Revision 0026 adds units counted in quantities: a unit stored before has no maximum, a booking no
    # quantity (both read as by the day); going back drops both columns.
    path = tmp_path / "upgrade.sqlite3"
    config = alembic_config(f"sqlite+aiosqlite:///{path}")
    command.upgrade(config, "0025")
    with sqlite3.connect(path) as conn:  # foreign keys off: only the unit matters here
        conn.execute(
            "INSERT INTO unit (id, period_id, name, position, booking_rule, booking_days, booking_at,"
            " booking_counted_in, cancel_rule, cancel_days, cancel_at, cancel_counted_in, tariff,"
            " exclusive_group, created_at) VALUES (?, ?, 'REPAS', 0, 'days_before', 2, '10:00:00.000000',"
            " 'calendar', 'days_before', 2, '10:00:00.000000', 'calendar', '[[null, 0]]', '',"
            " '2026-09-01 08:00:00')",
            (uuid.uuid4().hex, uuid.uuid4().hex),
        )
    command.upgrade(config, "head")
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM unit").fetchone())
        booking_columns = {r[1] for r in conn.execute("PRAGMA table_info(booking)")}
    assert (row["counted_in"], row["max_quantity"]) == ("days", None)
    assert "quantity" in booking_columns
    command.downgrade(config, "0025")
    with sqlite3.connect(path) as conn:
        unit_columns = {r[1] for r in conn.execute("PRAGMA table_info(unit)")}
        booking_columns = {r[1] for r in conn.execute("PRAGMA table_info(booking)")}
        # The catalogue version's triggers on the unit survive (no batch rebuild).
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "max_quantity" not in unit_columns and "quantity" not in booking_columns
    assert "unit_catalogue_version_update" in triggers


def test_request_lines_keep_no_times_nor_quantity_through_revision_0028(tmp_path):
    # Revision 0028 keeps what a request's line asked of a unit counted in hours or quantities: a line
    # stored before asked nothing of the kind; going back drops the three columns only.
    path = tmp_path / "upgrade.sqlite3"
    config = alembic_config(f"sqlite+aiosqlite:///{path}")
    command.upgrade(config, "0027")
    with sqlite3.connect(path) as conn:  # foreign keys off: only the line matters here
        conn.execute(
            "INSERT INTO booking_line (id, request_id, position, child_id, unit_id, day, action, state,"
            " refusal, message, price) VALUES (?, ?, 0, ?, ?, '2027-01-04', 'book', 'accepted', '', '', 250)",
            (uuid.uuid4().hex, uuid.uuid4().hex, uuid.uuid4().hex, uuid.uuid4().hex),
        )
    command.upgrade(config, "0028")
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        line = dict(conn.execute("SELECT * FROM booking_line").fetchone())
    assert (line["arrival"], line["departure"], line["quantity"], line["price"]) == (None, None, None, 250)
    command.downgrade(config, "0027")
    with sqlite3.connect(path) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(booking_line)")}
        assert conn.execute("SELECT price FROM booking_line").fetchone() == (250,)
    assert not {"arrival", "departure", "quantity"} & columns and "price" in columns
