"""Row locks and counters that keep concurrent writers honest on PostgreSQL.

SQLite needs none of it: the engine opens every write transaction with ``BEGIN IMMEDIATE``, so
writers already run one at a time there.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from sqlalchemy import Date, Uuid, and_, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY

from portail.db.engine import AsyncSession
from portail.db.models.bookings import Counter, SlotLock


def _dialect(session: AsyncSession) -> str:
    return session.bind.dialect.name


async def lock_slots(session: AsyncSession, slots: Iterable[tuple[uuid.UUID, date]]) -> None:
    """Lock each (unit, day) until the transaction ends, creating its lock row when needed.

    Rows are locked in (unit, day) order, so two transactions wanting overlapping slots queue up
    instead of deadlocking; the rows are inserted in that order too, for the same reason. The slots
    travel as two arrays (``unnest``): a whole-year request's hundreds of slots are two parameters.
    """
    if _dialect(session) != "postgresql":
        return
    ordered = sorted(set(slots))
    if not ordered:
        return
    wanted = (
        func.unnest(
            bindparam("slot_units", [unit for unit, _ in ordered], type_=ARRAY(Uuid())),
            bindparam("slot_days", [day for _, day in ordered], type_=ARRAY(Date())),
        )
        .table_valued("unit_id", "day")
        .render_derived()
    )
    await session.exec(
        postgresql.insert(SlotLock)
        .from_select(["unit_id", "day"], select(wanted.c.unit_id, wanted.c.day).order_by("unit_id", "day"))
        .on_conflict_do_nothing()
    )
    await session.exec(
        select(SlotLock.unit_id)
        .join(wanted, and_(SlotLock.unit_id == wanted.c.unit_id, SlotLock.day == wanted.c.day))
        .order_by(SlotLock.unit_id, SlotLock.day)
        .with_for_update(of=SlotLock)
    )


async def next_number(session: AsyncSession, name: str) -> int:
    """The next value of counter ``name`` (1 first), taken in the caller's transaction.

    The counter row stays locked until the transaction ends: take it last, just before the row
    it numbers is written, so that writers queue on it as briefly as possible.
    """
    insert = postgresql.insert if _dialect(session) == "postgresql" else sqlite.insert
    await session.exec(insert(Counter).values(name=name, value=0).on_conflict_do_nothing())
    result = await session.exec(
        update(Counter).where(Counter.name == name).values(value=Counter.value + 1).returning(Counter.value)
    )
    return int(result.scalar_one())
