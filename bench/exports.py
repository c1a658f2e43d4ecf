"""The bookings export over HTTP: 10,000 and 100,000 bookings written in bulk, the CSV downloaded
through a signed ``/exports/{token}`` link from the served app, rows per second and the server
process's peak memory during each download (flat: the export is streamed in keyset chunks).

Memory is read from the kernel: before each download the server's peak RSS (``VmHWM``) is reset by
writing ``5`` to ``/proc/<pid>/clear_refs``, its ``VmRSS`` read as the baseline; after the download
``VmHWM`` is the peak reached while streaming. The figure reported is the peak above the baseline.
"""

from __future__ import annotations

import csv
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlmodel import select

from portail.db.bulk import insert_rows
from portail.db.engine import Database
from portail.db.models import Account, Child, Household
from portail.db.models.base import new_id
from portail.db.models.bookings import Booking
from portail.db.models.catalogue import Unit
from portail.db.models.households import HouseholdChild
from portail.rules.export_links import ExportToken, sign_export_token

FIRST_DAY = date(2030, 1, 1)  # after the demo's bookings: each range holds the bench's rows alone
CHILDREN = 1000
SIZES = (10_000, 100_000)  # 10 and 100 days of 1,000 children


@dataclass
class ExportRun:
    backend: str
    rows: int
    seconds: float
    bytes: int
    baseline_kib: int
    peak_kib: int

    @property
    def rate(self) -> float:
        return self.rows / self.seconds

    @property
    def growth_kib(self) -> int:
        return self.peak_kib - self.baseline_kib


async def fill(db: Database, days: int) -> tuple[uuid.UUID, int]:
    """A staff account, 1,000 children and their canteen bookings on ``days`` days; the staff id."""
    async with db.read_sessions() as s:
        unit = (await s.exec(select(Unit).where(Unit.name == "REPAS"))).first()
    assert unit is not None, "the demo's canteen"
    household = Household(name="BENCH EXPORT")
    staff = Account(email="export@mairie.bench", is_staff=True, first_name="Bench", last_name="Export")
    children = [
        {"id": new_id(), "first_name": f"Enfant{i:04d}", "last_name": "BENCH"} for i in range(CHILDREN)
    ]
    async with db.transaction() as s:
        s.add_all([household, staff])
        await s.flush()
        await insert_rows(s, Child, children)
        await insert_rows(
            s, HouseholdChild, [{"household_id": household.id, "child_id": c["id"]} for c in children]
        )
    now = datetime.now(UTC)
    written = 0
    for d in range(days):
        rows = [
            {
                "id": new_id(),
                "child_id": c["id"],
                "unit_id": unit.id,
                "period_id": unit.period_id,
                "day": FIRST_DAY + timedelta(days=d),
                "household_id": household.id,
                "state": "accepted",
                "price": 410,
                "updated_at": now,
            }
            for c in children
        ]
        async with db.transaction() as s:
            await insert_rows(s, Booking, rows)
        written += len(rows)
    if db.is_postgresql:
        async with db.engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql("ANALYZE")
    return staff.id, written


def _status(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")


async def download(
    base: str, pid: int, secret: str, staff_id: uuid.UUID, rows: int, backend: str
) -> ExportRun:
    days = rows // CHILDREN
    token = sign_export_token(
        secret,
        ExportToken(
            "bookings",
            str(staff_id),
            {"start": FIRST_DAY.isoformat(), "end": (FIRST_DAY + timedelta(days=days - 1)).isoformat()},
            datetime.now(UTC) + timedelta(minutes=10),
        ),
    )
    reset_peak(pid)
    baseline = _status(pid, "VmRSS")
    size = lines = 0
    tail = b""
    started = time.perf_counter()
    async with (
        httpx.AsyncClient(base_url=base, timeout=600) as client,
        client.stream("GET", f"/exports/{token}") as response,
    ):
        assert response.status_code == 200, await response.aread()
        async for chunk in response.aiter_raw():
            size += len(chunk)
            lines += chunk.count(b"\n")
            tail = chunk[-200:]
    seconds = time.perf_counter() - started
    peak = _status(pid, "VmHWM")
    got = lines - 1  # the header
    assert got == rows, (got, rows, tail)
    assert next(csv.reader([tail.decode(errors="replace").splitlines()[-1]], delimiter=";"))[7] == "4,10"
    return ExportRun(backend, got, seconds, size, baseline, peak)


def exports_report(runs: list[ExportRun]) -> list[str]:
    lines = [
        "The bookings export (`GET /exports/{token}`, the CSV of `bookingsExport`) downloaded over HTTP from "
        "one uvicorn worker; memory: the server process's peak RSS (`VmHWM`, reset before each download) "
        "above its RSS before the download.",
        "",
        "| Backend | Rows | Time | Rows/s | File | Server RSS before | Peak during | Growth |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        lines.append(
            f"| {r.backend} | {r.rows:,} | {r.seconds:.2f} s | {r.rate:,.0f} | {r.bytes / 1e6:.1f} MB "
            f"| {r.baseline_kib / 1024:.1f} MiB | {r.peak_kib / 1024:.1f} MiB | {r.growth_kib / 1024:+.1f} MiB |"
        )
    return lines
