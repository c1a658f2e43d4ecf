"""What the export tests share: the documents, reading a CSV link as a spreadsheet would, and bookings
written in bulk."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from portail.db.bulk import insert_rows
from portail.db.engine import Database
from portail.db.models.base import new_id
from portail.db.models.bookings import Booking
from portail.db.models.households import Child, Household
from tests.support.catalogue import Service

LINK = """query($kind: ExportKind!, $activityId: ID, $periodId: ID, $date: Date, $from: Date, $to: Date,
  $days: Int) { exportLink(kind: $kind, activityId: $activityId, periodId: $periodId, date: $date, from: $from,
  to: $to, days: $days) { url expiresAt filename } }"""
BOOKINGS = """query($from: Date!, $to: Date!, $first: Int!, $after: String) {
  bookingsExport(from: $from, to: $to, first: $first, after: $after) {
    edges { cursor node { id date unitName lastName firstName householdName stateLabel price priceText } }
    pageInfo { hasNextPage endCursor } } }"""


def path_of(url: str) -> str:
    return urlsplit(url).path


async def download(client: Any, url: str) -> tuple[Any, list[dict[str, str]], list[str]]:
    """The response, and its CSV read the way a French spreadsheet reads it: UTF-8 with a BOM, ``;``."""
    response = await client.http.get(path_of(url))
    assert response.status_code == 200, response.text
    assert response.content.startswith("\ufeff".encode())
    reader = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    rows = list(reader)
    return response, rows, list(reader.fieldnames or [])


async def bulk_bookings(
    db: Database, service: Service, household: Household, children: list[Child], first: date, days: int
) -> int:
    """Accepted bookings for ``children`` on every day from ``first``, written straight; how many."""
    rows = [
        {
            "id": new_id(),
            "child_id": child.id,
            "unit_id": service.unit.id,
            "period_id": service.period.id,
            "day": first + timedelta(days=d),
            "household_id": household.id,
            "state": "accepted",
            "price": 410,
            "updated_at": datetime.now(UTC),
        }
        for d in range(days)
        for child in children
    ]
    async with db.transaction() as session:
        await insert_rows(session, Booking, rows)
    return len(rows)
