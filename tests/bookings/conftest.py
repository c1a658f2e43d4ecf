"""Every booking test ends by checking the slots' counters against the bookings themselves."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from portail.db.engine import Database
from tests.support.bookings import slot_counters, slot_recount


@pytest_asyncio.fixture(autouse=True, loop_scope="session")
async def _slot_counters_match_bookings(db: Database) -> AsyncIterator[None]:
    yield
    assert await slot_counters(db) == await slot_recount(db), "slot counters drifted from the bookings"
