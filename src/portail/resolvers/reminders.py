"""Reminders: a household's notification preferences, and the job that mails the reminders due.

When each kind is due is ``rules/reminders.py``. The job (the mail worker's, paced) gathers what is due
with a few reads, then takes each reminder in a transaction of its own that inserts its
``reminder_sent`` row (INSERT … ON CONFLICT DO NOTHING on the unique key household, kind, subject, due
date) and queues its mails only when that row was inserted: two instances running the job at once, or
the job running again the next hour, send each reminder once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from portail.clock import Clock
from portail.db.engine import AsyncSession, Database
from portail.db.models import (
    Account,
    Booking,
    Child,
    Document,
    DocumentType,
    Enrolment,
    Guardian,
    Household,
    HouseholdChild,
    Invoice,
    NotificationPreference,
    Period,
    Regie,
    ReminderSent,
    TownSetting,
)
from portail.db.models.base import new_id
from portail.resolvers.catalogue_reading import (
    booking_rule,
    calendar_of,
    load_catalogue,
    period_path,
)
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.households import viewer_household_id
from portail.resolvers.mail import (
    HOUSEHOLD_PATH,
    INVOICES_PATH,
    PLANNING_PATH,
    client_link,
    send_mail,
)
from portail.resolvers.transactions import in_transaction
from portail.rules import reminders as rules
from portail.rules.calendar import SchoolCalendarUnknown, open_days
from portail.rules.deadlines import deadline
from portail.rules.fields import certification_expiry
from portail.rules.french import de
from portail.rules.invoices import invoice_number_text
from portail.rules.pricing import format_amount
from portail.rules.repeat import french_date
from portail.rules.validity import TOWN_ZONE, town_date
from portail.settings import Settings

DOCUMENTS_PATH = "/mes-documents"
# Every statement of the job carries this comment: statement counts of requests leave it out.
MARK = "/* reminders */"
CERTIFICATION_MONTHS_KEY = "certification_months"
DEFAULT_CERTIFICATION_MONTHS = 12


# ---------------------------------------------------------------------------------------------
# Preferences


@dataclass(frozen=True)
class Preference:
    """A household's choice for one kind (or the kind's default)."""

    kind: str
    enabled: bool
    is_default: bool
    lead_days: int


async def _choices(session: AsyncSession, household_ids: set[uuid.UUID]) -> dict[uuid.UUID, dict[str, bool]]:
    if not household_ids:
        return {}
    rows = (
        await session.exec(
            select(NotificationPreference)
            .prefix_with(MARK)
            .where(col(NotificationPreference.household_id).in_(household_ids))
        )
    ).all()
    choices: dict[uuid.UUID, dict[str, bool]] = {h: {} for h in household_ids}
    for row in rows:
        choices[row.household_id][row.kind] = row.enabled
    return choices


async def preferences(ctx: RequestContext) -> list[Preference]:
    """The household's choice for every kind, in the kinds' order."""
    household_id = await viewer_household_id(ctx)
    chosen = (await _choices(ctx.session, {household_id}))[household_id] if household_id else {}
    return [
        Preference(kind, rules.enabled(kind, chosen), kind not in chosen, rules.LEAD_DAYS[kind])
        for kind in rules.KINDS
    ]


async def update_preferences(ctx: RequestContext, changes: list[tuple[str, bool]]) -> list[Preference]:
    """Switch kinds on or off for the household (the kinds not given stay as they are)."""
    household_id = await viewer_household_id(ctx)
    seen: set[str] = set()
    errors = []
    for i, (kind, _) in enumerate(changes):
        if kind in seen:
            errors.append((f"preferences.{i}.kind", "Ce type de rappel est donné deux fois."))
        seen.add(kind)
    if errors:
        raise UserErrors([FieldError(f, ErrorCode.INVALID, m) for f, m in errors])
    assert household_id is not None
    insert = sqlite_insert if ctx.session.get_bind().dialect.name == "sqlite" else pg_insert
    for kind, enabled in changes:
        statement = insert(NotificationPreference).values(
            household_id=household_id, kind=kind, enabled=enabled, updated_at=ctx.now()
        )
        # Two guardians choosing at once: the later choice wins, neither fails.
        await ctx.session.exec(
            statement.on_conflict_do_update(
                index_elements=["household_id", "kind"],
                set_={"enabled": statement.excluded.enabled, "updated_at": statement.excluded.updated_at},
            )
        )
    return await preferences(ctx)


# ---------------------------------------------------------------------------------------------
# The job


@dataclass(frozen=True)
class Due:
    """One reminder due for a household: its key and its mail."""

    household_id: uuid.UUID
    kind: str
    subject_id: uuid.UUID
    due_date: date
    template: str
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[uuid.UUID, str, uuid.UUID, date]:
        return (self.household_id, self.kind, self.subject_id, self.due_date)


async def send_reminders(db: Database, settings: Settings, clock: Clock) -> int:
    """Mail the reminders due today that were not sent yet; returns how many were sent."""
    ctx = RequestContext(db=db, settings=settings, clock=clock, request_id="reminders")
    try:
        due = await _gather(ctx)
        recipients = await _recipients(ctx.session, {d.household_id for d in due})
    finally:
        await ctx.close()
    sent = 0
    for item in due:
        people = recipients.get(item.household_id, [])
        if not people:
            continue
        writer = RequestContext(db=db, settings=settings, clock=clock, request_id="reminders")
        if await in_transaction(writer, partial(_send_one, writer, item, people)):
            sent += 1
    return sent


async def _send_one(ctx: RequestContext, item: Due, people: list[tuple[str, str]]) -> bool:
    insert = sqlite_insert if ctx.session.get_bind().dialect.name == "sqlite" else pg_insert
    inserted = (
        await ctx.session.exec(
            insert(ReminderSent)
            .prefix_with(MARK)
            .values(
                id=new_id(),
                household_id=item.household_id,
                kind=item.kind,
                subject_id=item.subject_id,
                due_date=item.due_date,
                sent_at=ctx.now(),
            )
            .on_conflict_do_nothing()
            .returning(col(ReminderSent.id))
        )
    ).first()
    if inserted is None:  # another instance (or an earlier round) sent it
        return False
    for email, name in people:
        send_mail(ctx, item.template, email, name=name, **item.context)
    return True


async def _recipients(
    session: AsyncSession, household_ids: set[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[str, str]]]:
    """Each household's guardians with a confirmed account: (address, name)."""
    if not household_ids:
        return {}
    rows = (
        await session.exec(
            select(Guardian.household_id, Account.email, Guardian.first_name, Guardian.last_name)
            .prefix_with(MARK)
            .join(Account, col(Account.guardian_id) == col(Guardian.id))
            .where(col(Guardian.household_id).in_(household_ids), col(Account.confirmed_at).is_not(None))
            .order_by(col(Guardian.rank))
        )
    ).all()
    found: dict[uuid.UUID, list[tuple[str, str]]] = {}
    for household_id, email, first_name, last_name in rows:
        found.setdefault(household_id, []).append((email, f"{first_name} {last_name}".strip()))
    return found


async def _gather(ctx: RequestContext) -> list[Due]:
    """The reminders due today, that households want and that were not sent yet."""
    today = town_date(ctx.now())
    found = [
        *await _invoices_due(ctx, today),
        *await _documents_expiring(ctx, today),
        *await _records_to_recertify(ctx, today),
    ]
    wanting_bookings = await _households_wanting(ctx.session, rules.BOOKING_DEADLINE)
    if wanting_bookings:
        found += await _booking_deadlines(ctx, today, wanting_bookings)
    if not found:
        return []
    choices = await _choices(ctx.session, {d.household_id for d in found})
    sent = {
        (r.household_id, r.kind, r.subject_id, r.due_date)
        for r in (
            await ctx.session.exec(
                select(ReminderSent).prefix_with(MARK).where(col(ReminderSent.due_date) >= today)
            )
        ).all()
    }
    return [d for d in found if rules.enabled(d.kind, choices.get(d.household_id, {})) and d.key not in sent]


async def _households_wanting(session: AsyncSession, kind: str) -> set[uuid.UUID]:
    rows = (
        await session.exec(
            select(NotificationPreference.household_id)
            .prefix_with(MARK)
            .where(NotificationPreference.kind == kind, col(NotificationPreference.enabled).is_(True))
        )
    ).all()
    return set(rows)


async def _invoices_due(ctx: RequestContext, today: date) -> list[Due]:
    first, last = rules.window(rules.INVOICE_DUE, today)
    rows = (
        await ctx.session.exec(
            select(Invoice, Regie)
            .prefix_with(MARK)
            .join(Regie, col(Regie.id) == col(Invoice.regie_id))
            .where(
                Invoice.kind == "invoice",
                col(Invoice.state).in_(rules.OPEN_INVOICE_STATES),
                col(Invoice.due_date) >= first,
                col(Invoice.due_date) <= last,
            )
        )
    ).all()
    found = []
    for invoice, regie in rows:
        due = rules.invoice_due(today, invoice.due_date, invoice.state)
        if due is None:
            continue
        context = {
            "number": invoice_number_text(invoice.year, invoice.number, regie.invoice_prefix),
            "regie": regie.name,
            "amount": format_amount(invoice.total - invoice.paid),
            "due_date": french_date(due),
            "link": client_link(ctx, INVOICES_PATH),
        }
        found.append(
            Due(invoice.household_id, rules.INVOICE_DUE, invoice.id, due, "reminder_invoice_due", context)
        )
    return found


async def _documents_expiring(ctx: RequestContext, today: date) -> list[Due]:
    first, last = rules.window(rules.DOCUMENT_EXPIRING, today)
    # Typed as Any: mypy reads an alias's columns as their Python values.
    newer: Any = aliased(Document)
    renewed = (
        select(newer.id)
        .where(
            newer.household_id == col(Document.household_id),
            newer.type_id == col(Document.type_id),
            newer.child_id.is_not_distinct_from(col(Document.child_id)),
            newer.uploaded_at > col(Document.uploaded_at),
            newer.state.in_(("pending", "accepted")),
        )
        .exists()
    )
    rows = (
        await ctx.session.exec(
            select(Document, DocumentType, Child)
            .prefix_with(MARK)
            .join(DocumentType, col(DocumentType.id) == col(Document.type_id))
            .join(Child, col(Child.id) == col(Document.child_id), isouter=True)
            .where(
                Document.state == "accepted",
                col(Document.valid_until) >= first,
                col(Document.valid_until) <= last,
                ~renewed,
            )
        )
    ).all()
    found = []
    for document, doc_type, child in rows:
        due = rules.document_expiring(today, document.valid_until, accepted=True, renewed=False)
        if due is None:
            continue
        context = {
            "document": doc_type.label,
            "child": f"{child.first_name} {child.last_name}".strip() if child else "",
            "valid_until": french_date(due),
            "link": client_link(ctx, DOCUMENTS_PATH),
        }
        found.append(
            Due(
                document.household_id,
                rules.DOCUMENT_EXPIRING,
                document.id,
                due,
                "reminder_document_expiring",
                context,
            )
        )
    return found


async def _records_to_recertify(ctx: RequestContext, today: date) -> list[Due]:
    setting = (
        await ctx.session.exec(
            select(TownSetting).prefix_with(MARK).where(TownSetting.key == CERTIFICATION_MONTHS_KEY)
        )
    ).first()
    months = int(setting.value) if setting else DEFAULT_CERTIFICATION_MONTHS
    _, last = rules.window(rules.SECTION_TO_RECERTIFY, today)
    # Certified between these two moments, a record's certification runs out in the window (a day of
    # margin on each side for the town's zone; the rule decides).
    lifetime = certification_expiry(ctx.now(), months) - ctx.now()  # type: ignore[operator]
    since = ctx.now() - lifetime - timedelta(days=1)
    until = ctx.now() - lifetime + timedelta(days=(last - today).days + 1)
    link = client_link(ctx, HOUSEHOLD_PATH)
    found = []

    def expires_on(certified_at: Any) -> date | None:
        expiry = certification_expiry(certified_at, months)
        return town_date(expiry) if expiry else None

    households = (
        await ctx.session.exec(
            select(Household)
            .prefix_with(MARK)
            .where(col(Household.certified_at) >= since, col(Household.certified_at) <= until)
        )
    ).all()
    for household in households:
        due = rules.section_to_recertify(today, expires_on(household.certified_at))
        if due is not None:
            context = {"section": "le dossier du foyer", "expires_on": french_date(due), "link": link}
            found.append(
                Due(
                    household.id,
                    rules.SECTION_TO_RECERTIFY,
                    household.id,
                    due,
                    "reminder_section_to_recertify",
                    context,
                )
            )
    children = (
        await ctx.session.exec(
            select(Child, HouseholdChild.household_id)
            .prefix_with(MARK)
            .join(HouseholdChild, col(HouseholdChild.child_id) == col(Child.id))
            .where(col(Child.certified_at) >= since, col(Child.certified_at) <= until)
        )
    ).all()
    for child, household_id in children:
        due = rules.section_to_recertify(today, expires_on(child.certified_at))
        if due is not None:
            name = f"{child.first_name} {child.last_name}".strip()
            context = {"section": f"le dossier {de(name)}", "expires_on": french_date(due), "link": link}
            found.append(
                Due(
                    household_id,
                    rules.SECTION_TO_RECERTIFY,
                    child.id,
                    due,
                    "reminder_section_to_recertify",
                    context,
                )
            )
    return found


async def _booking_deadlines(ctx: RequestContext, today: date, households: set[uuid.UUID]) -> list[Due]:
    month_start, month_end = rules.next_month(today)
    enrolments = (
        await ctx.session.exec(
            select(Enrolment, Child)
            .prefix_with(MARK)
            .join(Child, col(Child.id) == col(Enrolment.child_id))
            .join(Period, col(Period.id) == col(Enrolment.period_id))
            .where(
                col(Enrolment.household_id).in_(households),
                Enrolment.state == "accepted",
                col(Period.start) <= month_end,
                col(Period.end) >= month_start,
            )
        )
    ).all()
    if not enrolments:
        return []
    booked = set(
        (
            await ctx.session.exec(
                select(Booking.child_id, Booking.period_id)
                .prefix_with(MARK)
                .where(
                    col(Booking.child_id).in_({e.child_id for e, _ in enrolments}),
                    col(Booking.day) >= month_start,
                    col(Booking.day) <= month_end,
                    col(Booking.state).not_in(rules.BOOKING_GONE_STATES),
                )
                .distinct()
            )
        ).all()
    )
    catalogue = await load_catalogue(ctx)
    found = []
    for enrolment, child in enrolments:
        period = catalogue.by_id.get(enrolment.period_id)
        if not isinstance(period, Period):
            continue
        try:
            calendar = calendar_of(catalogue, period, ctx.settings)
            days = open_days(calendar, month_start, month_end)
        except SchoolCalendarUnknown:
            continue
        units = catalogue.units_of(period.id)
        moments = (
            [deadline(days[0], booking_rule(u), subdivision=calendar.holiday_subdivision) for u in units]
            if days
            else []
        )
        due = rules.booking_deadline_due(
            today,
            days,
            [town_date(m) for m in moments],
            booked=(enrolment.child_id, enrolment.period_id) in booked,
        )
        if due is None:
            continue
        closes = min(moments).astimezone(TOWN_ZONE)
        context = {
            "child": f"{child.first_name} {child.last_name}".strip(),
            "period": period_path(catalogue, period),
            "first_day": french_date(days[0]),
            "deadline": f"{french_date(closes.date())} à {closes.strftime('%H:%M')}",
            "link": client_link(ctx, PLANNING_PATH),
        }
        found.append(
            Due(
                enrolment.household_id,
                rules.BOOKING_DEADLINE,
                enrolment.id,
                due,
                "reminder_booking_deadline",
                context,
            )
        )
    return found
