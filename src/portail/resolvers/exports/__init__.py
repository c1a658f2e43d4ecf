"""Staff exports: attendance lists, meal counts, bookings, enrolments, the accounting entries and the
households with their records' completeness, as GraphQL pages and as CSV files through signed,
short-lived links (``GET /exports/{token}``).

Each export's row source lives in its module (``attendance``, ``meals``, ``bookings``,
``enrolments``, ``accounting``, ``households``) and serves both; ``base`` walks it in keyset chunks
for the file.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from portail.db.models import Account
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.exports.accounting import ACCOUNTING, accounting_params
from portail.resolvers.exports.attendance import ATTENDANCE, attendance_params
from portail.resolvers.exports.base import Export, csv_text
from portail.resolvers.exports.bookings import BOOKINGS, bookings_params
from portail.resolvers.exports.enrolments import ENROLMENTS, enrolment_params
from portail.resolvers.exports.households import HOUSEHOLDS
from portail.resolvers.exports.meals import MEALS, meal_params
from portail.rules import export_links
from portail.rules.export_links import ExportToken, LinkInvalid

EXPORTS: dict[str, Export[Any]] = {
    e.kind: e for e in (ATTENDANCE, MEALS, BOOKINGS, ENROLMENTS, ACCOUNTING, HOUSEHOLDS)
}
KINDS = tuple(EXPORTS)


@dataclass(frozen=True)
class ExportRequest:
    """The parameters of an export link; each kind reads those it needs (the others are ignored)."""

    activity_id: uuid.UUID | None = None
    period_id: uuid.UUID | None = None
    period_given: bool = False
    day: date | None = None
    start: date | None = None
    end: date | None = None
    days: int | None = None

    def plain(self) -> dict[str, str]:
        """As the token carries it: strings, the unset ones left out."""
        return {
            k: (v.isoformat() if isinstance(v, date) else str(v))
            for k, v in asdict(self).items()
            if v is not None and v is not False
        }

    @classmethod
    def from_plain(cls, plain: dict[str, str]) -> ExportRequest:
        try:
            return cls(
                activity_id=uuid.UUID(plain["activity_id"]) if "activity_id" in plain else None,
                period_id=uuid.UUID(plain["period_id"]) if "period_id" in plain else None,
                period_given="period_given" in plain,
                day=date.fromisoformat(plain["day"]) if "day" in plain else None,
                start=date.fromisoformat(plain["start"]) if "start" in plain else None,
                end=date.fromisoformat(plain["end"]) if "end" in plain else None,
                days=int(plain["days"]) if "days" in plain else None,
            )
        except ValueError as exc:
            raise LinkInvalid from exc


def _required(request: ExportRequest, *fields: tuple[str, str]) -> None:
    missing = [
        FieldError(name, ErrorCode.REQUIRED, "Ce champ est obligatoire pour cet export.")
        for attribute, name in fields
        if getattr(request, attribute) is None
    ]
    if missing:
        raise UserErrors(missing)


async def prepare(ctx: RequestContext, kind: str, request: ExportRequest) -> tuple[Export[Any], Any]:
    """The export of ``kind`` and its checked parameters; field-named user errors otherwise."""
    if kind == ATTENDANCE.kind:
        _required(request, ("day", "date"))
        assert request.day is not None
        return ATTENDANCE, await attendance_params(ctx, request.activity_id, request.day)
    if kind == MEALS.kind:
        _required(request, ("start", "from"), ("days", "days"))
        assert request.start is not None and request.days is not None
        return MEALS, await meal_params(ctx, request.activity_id, request.start, request.days)
    if kind == ENROLMENTS.kind:
        return ENROLMENTS, await enrolment_params(ctx, request.period_id, request.period_given)
    if kind == HOUSEHOLDS.kind:
        return HOUSEHOLDS, None
    _required(request, ("start", "from"), ("end", "to"))
    assert request.start is not None and request.end is not None
    if kind == BOOKINGS.kind:
        return BOOKINGS, await bookings_params(ctx, request.start, request.end)
    if kind == ACCOUNTING.kind:
        return ACCOUNTING, await accounting_params(ctx, request.start, request.end)
    raise UserErrors.one("kind", ErrorCode.INVALID, "Export inconnu.")


@dataclass(frozen=True)
class ExportLinkView:
    url: str
    expires_at: datetime
    filename: str


async def export_link(
    ctx: RequestContext, base_url: str, kind: str, request: ExportRequest
) -> ExportLinkView:
    """A signed link to the export's CSV, valid a few minutes, for the staff member asking. The
    parameters are checked now: a link is never handed out for an export that would fail."""
    export, params = await prepare(ctx, kind, request)
    assert ctx.viewer is not None
    expires_at = ctx.now() + timedelta(minutes=ctx.settings.file_link_minutes)
    token = export_links.sign_export_token(
        ctx.settings.effective_secret_key,
        ExportToken(kind, str(ctx.viewer.account.id), request.plain(), expires_at),
    )
    return ExportLinkView(f"{base_url.rstrip('/')}/exports/{token}", expires_at, export.filename(params))


@dataclass
class ExportFile:
    filename: str
    chunks: AsyncIterator[bytes]


async def open_export(ctx: RequestContext, token: str) -> ExportFile:
    """The CSV behind a link, to stream; ``LinkInvalid`` or ``LinkExpired`` otherwise. The account
    that asked must still be staff now; parameters no longer valid (an activity deleted) make the
    link invalid."""
    link = export_links.read_export_token(ctx.settings.effective_secret_key, token, KINDS, ctx.now())
    try:
        account_id = uuid.UUID(link.account_id)
    except ValueError as exc:
        raise LinkInvalid from exc
    account = await ctx.session.get(Account, account_id)
    if account is None or not (account.is_staff or account.is_admin):
        raise LinkInvalid
    try:
        export, params = await prepare(ctx, link.kind, ExportRequest.from_plain(link.params))
    except UserErrors as exc:
        raise LinkInvalid from exc
    return ExportFile(export.filename(params), csv_text(ctx, export, params))
