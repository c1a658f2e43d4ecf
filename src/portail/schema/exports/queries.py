"""Staff exports: each a page of a list in a stable order (`first`/`after`), and `exportLink` for the
whole list as a CSV file. The same row source serves both (``resolvers/exports``)."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from portail.resolvers import exports
from portail.resolvers.exports import accounting, attendance, bookings, enrolments, households, meals
from portail.resolvers.exports.base import read_page
from portail.schema.context import Info
from portail.schema.exports.types import (
    AccountingEntry,
    AccountingEntryConnection,
    AttendanceExportConnection,
    AttendanceExportRow,
    BookingExportConnection,
    BookingExportRow,
    EnrolmentExportConnection,
    EnrolmentExportRow,
    ExportKind,
    ExportLink,
    HouseholdExportConnection,
    HouseholdExportRow,
    MealCount,
)
from portail.schema.ids import parse_id
from portail.schema.pagination import AT, DAY, ID, INT, TEXT, After, Cursors, PageSize
from portail.schema.permissions import STAFF

_ATTENDANCE = Cursors("attendanceExport", (INT, TEXT, TEXT, TEXT, ID))
_BOOKINGS = Cursors("bookingsExport", (DAY, ID))
_ENROLMENTS = Cursors("enrolmentsExport", (AT, ID))
_ACCOUNTING = Cursors("accountingExport", (INT, AT, ID))
_HOUSEHOLDS = Cursors("householdsExport", (TEXT, ID))

ActivityId = Annotated[strawberry.ID, strawberry.argument(description="The activity.")]
From = Annotated[datetime.date, strawberry.argument(name="from", description="First day.")]
To = Annotated[datetime.date, strawberry.argument(name="to", description="Last day (included).")]


@strawberry.type
class ExportQueries:
    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: the attendance list of a day for an activity, as its CSV has it: every child "
        "expected (accepted, or a cancellation awaiting staff), by unit then name, with diet, allergies, "
        "PAI and who may pick them up. Unknown activity: NOT_FOUND on `activityId`.",
    )
    async def attendance_export(
        self,
        info: Info,
        activity_id: ActivityId,
        date: Annotated[datetime.date, strawberry.argument(description="The day.")],
        first: PageSize = 100,
        after: After = None,
    ) -> AttendanceExportConnection:
        ctx = info.context.app
        params = await attendance.attendance_params(ctx, parse_id(activity_id), date)
        page = await read_page(ctx, attendance.ATTENDANCE, params, _ATTENDANCE.decode(after), first)
        return _ATTENDANCE.connection(
            AttendanceExportConnection, page.rows, attendance.key, AttendanceExportRow.of, page.has_next
        )

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff, for the kitchen: the meals of an activity (the canteen) per day, school and "
        "diet, for `days` days (1 to 31) from `from`, by day, school and diet. Unknown activity: NOT_FOUND "
        "on `activityId`.",
    )
    async def meal_counts(
        self,
        info: Info,
        activity_id: ActivityId,
        start: From,
        days: Annotated[int, strawberry.argument(description="How many days (1 to 31).")] = 7,
    ) -> list[MealCount]:
        ctx = info.context.app
        params = await meals.meal_params(ctx, parse_id(activity_id), start, days)
        return [MealCount.of(r) for r in await meals.meal_counts(ctx, params)]

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: every booking (all states) from `from` to `to` (at most 366 days), by day.",
    )
    async def bookings_export(
        self, info: Info, start: From, end: To, first: PageSize = 100, after: After = None
    ) -> BookingExportConnection:
        ctx = info.context.app
        params = await bookings.bookings_params(ctx, start, end)
        page = await read_page(ctx, bookings.BOOKINGS, params, _BOOKINGS.decode(after), first)
        return _BOOKINGS.connection(
            BookingExportConnection, page.rows, bookings.key, BookingExportRow.of, page.has_next
        )

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: the enrolments, oldest first; of one period with `periodId` (unknown: "
        "NOT_FOUND).",
    )
    async def enrolments_export(
        self,
        info: Info,
        first: PageSize = 100,
        after: After = None,
        period_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this period.")
        ] = None,
    ) -> EnrolmentExportConnection:
        ctx = info.context.app
        params = await enrolments.enrolment_params(ctx, parse_id(period_id), period_id is not None)
        page = await read_page(ctx, enrolments.ENROLMENTS, params, _ENROLMENTS.decode(after), first)
        return _ENROLMENTS.connection(
            EnrolmentExportConnection, page.rows, enrolments.key, EnrolmentExportRow.of, page.has_next
        )

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff, for the town's accounting: the invoices and credit notes issued from `from` to "
        "`to` (at most 366 days, town days), then the payments received in that time.",
    )
    async def accounting_export(
        self, info: Info, start: From, end: To, first: PageSize = 100, after: After = None
    ) -> AccountingEntryConnection:
        ctx = info.context.app
        params = await accounting.accounting_params(ctx, start, end)
        page = await read_page(ctx, accounting.ACCOUNTING, params, _ACCOUNTING.decode(after), first)
        return _ACCOUNTING.connection(
            AccountingEntryConnection, page.rows, accounting.key, AccountingEntry.of, page.has_next
        )

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff, to chase families before the school year: every household by name (those "
        "anonymised left out), with its guardians, address, children and family quotient, and what its "
        "records still lack: the sections to complete, whether its confirmation has expired, and the "
        "changes waiting for review.",
    )
    async def households_export(
        self, info: Info, first: PageSize = 100, after: After = None
    ) -> HouseholdExportConnection:
        ctx = info.context.app
        page = await read_page(ctx, households.HOUSEHOLDS, None, _HOUSEHOLDS.decode(after), first)
        return _HOUSEHOLDS.connection(
            HouseholdExportConnection, page.rows, households.key, HouseholdExportRow.of, page.has_next
        )

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: a signed link (valid a few minutes, for this account only) to an export's CSV: "
        "UTF-8 with a BOM, `;`-separated, decimal comma, dd/mm/yyyy dates, as French spreadsheets open it. "
        "Give the export's own arguments: ATTENDANCE `activityId` and `date`; MEAL_COUNTS `activityId`, "
        "`from` and `days`; BOOKINGS and ACCOUNTING `from` and `to`; ENROLMENTS `periodId` (optional); "
        "HOUSEHOLDS none. "
        "They are checked as the export's query checks them.",
    )
    async def export_link(
        self,
        info: Info,
        kind: Annotated[ExportKind, strawberry.argument(description="Which export.")],
        activity_id: Annotated[strawberry.ID | None, strawberry.argument(description="The activity.")] = None,
        period_id: Annotated[strawberry.ID | None, strawberry.argument(description="The period.")] = None,
        date: Annotated[datetime.date | None, strawberry.argument(description="The day.")] = None,
        start: Annotated[
            datetime.date | None, strawberry.argument(name="from", description="First day.")
        ] = None,
        end: Annotated[
            datetime.date | None, strawberry.argument(name="to", description="Last day (included).")
        ] = None,
        days: Annotated[int | None, strawberry.argument(description="How many days.")] = None,
    ) -> ExportLink:
        ctx = info.context.app
        request = exports.ExportRequest(
            activity_id=parse_id(activity_id),
            period_id=parse_id(period_id),
            period_given=period_id is not None,
            day=date,
            start=start,
            end=end,
            days=days,
        )
        link = await exports.export_link(ctx, str(info.context.request.base_url), kind.name.lower(), request)
        return ExportLink(url=link.url, expires_at=link.expires_at, filename=link.filename)
