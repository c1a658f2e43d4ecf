"""The pages the law requires: anyone reads them, staff write them (each change audited).

A page never written reads as empty, without an update date; the accessibility statement is then
"non conforme" (no audit), as the RGAA says (``rules/legal.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import select

from portail.db.models import LegalPage
from portail.db.models.base import new_id
from portail.resolvers.audit import audit_change
from portail.resolvers.content import BODY_MAX
from portail.resolvers.context import RequestContext, today
from portail.resolvers.errors import ErrorCode
from portail.resolvers.validation import Validator
from portail.rules import legal

AUDITED_BY_MAX = 200
RGAA_VERSION_MAX = 20
# What ``AuditEntry.entity`` says of a change to one of these pages.
AUDIT_ENTITY = "legal_page"


@dataclass(frozen=True)
class LegalPageView:
    """A page as anyone reads it (a never written one: empty, ``updated_at`` None)."""

    kind: str
    body: str
    updated_at: datetime | None
    compliance_rate: int | None
    audit_date: date | None
    audited_by: str
    rgaa_version: str

    @property
    def status(self) -> str:
        return legal.accessibility_status(self.compliance_rate)


@dataclass(frozen=True)
class PageChanges:
    """What staff change; None: unchanged. ``clear_rate`` or ``clear_audit_date`` clears both the
    audit's rate and its day (no audit: "non conforme"). The audit's fields are given for the
    accessibility statement only (its own mutation)."""

    body: str | None = None
    compliance_rate: float | None = None
    audit_date: date | None = None
    clear_rate: bool = False
    clear_audit_date: bool = False
    audited_by: str | None = None
    rgaa_version: str | None = None


def _view(kind: str, row: LegalPage | None) -> LegalPageView:
    if row is None:
        return LegalPageView(kind, "", None, None, None, "", legal.DEFAULT_RGAA_VERSION)
    return LegalPageView(
        kind=kind,
        body=row.body,
        updated_at=row.updated_at,
        compliance_rate=row.compliance_rate,
        audit_date=row.audit_date,
        audited_by=row.audited_by,
        rgaa_version=row.rgaa_version or legal.DEFAULT_RGAA_VERSION,
    )


async def legal_pages(ctx: RequestContext) -> list[LegalPageView]:
    """The three pages in the footer's order (one statement)."""
    rows = {row.kind: row for row in (await ctx.session.exec(select(LegalPage))).all()}
    return [_view(kind, rows.get(kind)) for kind in legal.KINDS]


async def legal_page(ctx: RequestContext, kind: str) -> LegalPageView:
    """One page."""
    row = (await ctx.session.exec(select(LegalPage).where(LegalPage.kind == kind))).first()
    return _view(kind, row)


async def _locked(ctx: RequestContext, kind: str) -> LegalPage:
    """The page's row, locked for this transaction; made (empty) by the first save. An insert that
    yields to an existing row, rather than a read then an insert: two staff saving a page for the
    first time at once would otherwise both insert it."""
    insert = postgresql.insert if ctx.session.get_bind().dialect.name == "postgresql" else sqlite.insert
    await ctx.session.exec(
        insert(LegalPage)
        .values(id=new_id(), kind=kind, body="", audited_by="", rgaa_version="", updated_at=ctx.now())
        .on_conflict_do_nothing(index_elements=["kind"])
    )
    query = select(LegalPage).where(LegalPage.kind == kind).with_for_update()
    return (await ctx.session.exec(query.execution_options(populate_existing=True))).one()


def _display(name: str, value: Any) -> str:
    """A value as the audit keeps it: as the API writes it (a rate in percent, a day in ISO)."""
    if value is None:
        return ""
    if name == "compliance_rate":
        return f"{legal.percent(value):g}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


async def save_page(ctx: RequestContext, kind: str, changes: PageChanges) -> LegalPageView:
    """Staff change a page; what ``changes`` leaves out stays. Every field that changes is audited
    (before, after, who); the update date moves only when something did."""
    v = Validator()
    body = None
    if changes.body is not None:
        body = v.text("body", changes.body, max_length=BODY_MAX, required=True, multiline=True)
    rate: int | None = None
    if changes.compliance_rate is not None:
        problem = legal.rate_problem(changes.compliance_rate)
        if problem is not None:
            v.add("complianceRate", ErrorCode.INVALID, problem)
        else:
            rate = legal.stored_rate(changes.compliance_rate)
    v.past_date("auditDate", changes.audit_date, today(ctx))
    audited_by = None
    if changes.audited_by is not None:
        audited_by = v.text("auditedBy", changes.audited_by, max_length=AUDITED_BY_MAX)
    rgaa_version = None
    if changes.rgaa_version is not None:
        rgaa_version = v.text("rgaaVersion", changes.rgaa_version, max_length=RGAA_VERSION_MAX, required=True)
    v.raise_if_any()

    row = await _locked(ctx, kind)
    wanted: dict[str, Any] = {}
    if body is not None:
        wanted["body"] = body
    if changes.clear_rate or changes.clear_audit_date:
        # No audit: its rate and its day go together.
        wanted["compliance_rate"] = wanted["audit_date"] = None
    if rate is not None:
        wanted["compliance_rate"] = rate
    if changes.audit_date is not None:
        wanted["audit_date"] = changes.audit_date
    if audited_by is not None:
        wanted["audited_by"] = audited_by
    if rgaa_version is not None:
        wanted["rgaa_version"] = rgaa_version
    if kind == legal.ACCESSIBILITY:
        rate_after = wanted.get("compliance_rate", row.compliance_rate)
        _check_audit(v, rate_after, wanted.get("audit_date", row.audit_date))
    if not row.body and "body" not in wanted:
        # A page is never published empty: its first save must bring its text.
        v.add("body", ErrorCode.REQUIRED, "Ce champ est obligatoire.")
    v.raise_if_any()

    changed = {name: value for name, value in wanted.items() if getattr(row, name) != value}
    now = ctx.now()
    for name, value in changed.items():
        audit_change(
            ctx,
            AUDIT_ENTITY,
            row.id,
            f"{kind}.{_FIELD_NAMES[name]}",
            _display(name, getattr(row, name)),
            _display(name, value),
        )
        setattr(row, name, value)
    if changed:
        row.updated_at = now
    ctx.session.add(row)
    await ctx.session.flush()
    return _view(kind, row)


# The GraphQL names the audit entries use (as the records' entries do).
_FIELD_NAMES = {
    "body": "body",
    "compliance_rate": "complianceRate",
    "audit_date": "auditDate",
    "audited_by": "auditedBy",
    "rgaa_version": "rgaaVersion",
}


def _check_audit(v: Validator, rate: int | None, audit_date: date | None) -> None:
    """A rate comes from an audit of a given day, and an audit's day with its rate: both or neither."""
    if rate is not None and audit_date is None:
        v.add("auditDate", ErrorCode.REQUIRED, "Indiquez la date de l'audit qui a mesuré ce taux.")
    if audit_date is not None and rate is None:
        v.add("complianceRate", ErrorCode.REQUIRED, "Indiquez le taux de conformité que l'audit a mesuré.")

