"""Messages between a family and the service: threads a family starts, replies from either side,
read state per side, and the staff's shared inbox.

Ownership is checked here: another household's thread, or child, answers exactly like an id that does
not exist. Staff reach every thread. A new message is mailed to the other side without its subject or
body (see ``rules.messages.mailed_topic``): any topic may carry health data, and mail is neither
encrypted nor forgotten.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select, update

from portail.db.models import (
    Account,
    Child,
    Guardian,
    Household,
    Message,
    MessageAttachment,
    MessageThread,
)
from portail.resolvers.context import RequestContext
from portail.resolvers.documents import own_child
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.households import viewer_household_id
from portail.resolvers.mail import client_link, send_mail
from portail.resolvers.uploads import CheckedFile, IncomingFile, check_file, store
from portail.resolvers.validation import Validator
from portail.rules import messages as rules
from portail.rules.files import FORMATS

# The client's page of a thread, opened from the mails (see the README).
MESSAGES_PATH = "/messages"
NO_THREAD = "Cette conversation n'existe pas."
NO_CHILD = "Cet enfant n'existe pas."


@dataclass(frozen=True)
class MessageView:
    """A message with its attachments and its author's name."""

    row: Message
    attachments: list[MessageAttachment]
    author_name: str


@dataclass(frozen=True)
class ThreadView:
    """A thread with what a list shows beside it (loaded in batches); ``messages`` only when opened."""

    row: MessageThread
    child: Child | None
    household: Household | None
    staff_side: bool
    messages: list[MessageView] | None = None

    @property
    def unread(self) -> int:
        """Messages of the other side the viewer's side has not read."""
        return self.row.staff_unread if self.staff_side else self.row.family_unread


@dataclass(frozen=True)
class ThreadPage:
    """One page of threads, most recent message first."""

    items: list[ThreadView]
    has_next: bool


@dataclass(frozen=True)
class NewThread:
    """What a family gives to start a thread."""

    topic: str
    subject: str
    body: str
    child_id: uuid.UUID | None
    child_given: bool
    attachments: list[IncomingFile] = field(default_factory=list)


def _is_staff(ctx: RequestContext) -> bool:
    return ctx.viewer is not None and ctx.viewer.is_staff


# ---------------------------------------------------------------------------------------------
# Reading


async def _thread_views(ctx: RequestContext, rows: list[MessageThread]) -> list[ThreadView]:
    """Rows with their children and households: one statement per kind, however many rows."""
    staff = _is_staff(ctx)
    # Both statements run whatever the rows: a list costs the same statements on every page.
    child_ids = {r.child_id for r in rows if r.child_id}
    children = {
        c.id: c for c in (await ctx.session.exec(select(Child).where(col(Child.id).in_(child_ids)))).all()
    }
    household_ids = {r.household_id for r in rows}
    households = {
        h.id: h
        for h in (await ctx.session.exec(select(Household).where(col(Household.id).in_(household_ids)))).all()
    }
    return [
        ThreadView(r, children.get(r.child_id) if r.child_id else None, households.get(r.household_id), staff)
        for r in rows
    ]


def _after(query, after: tuple[datetime, uuid.UUID] | None):  # type: ignore[no-untyped-def]
    if after is None:
        return query
    at, last_id = after
    return query.where(
        (col(MessageThread.last_message_at) < at)
        | ((col(MessageThread.last_message_at) == at) & (col(MessageThread.id) < last_id))
    )


async def _page(ctx: RequestContext, query, first: int) -> ThreadPage:  # type: ignore[no-untyped-def]
    first = max(1, min(first, 100))
    ordered = query.order_by(col(MessageThread.last_message_at).desc(), col(MessageThread.id).desc())
    rows = list((await ctx.session.exec(ordered.limit(first + 1))).all())
    return ThreadPage(await _thread_views(ctx, rows[:first]), len(rows) > first)


async def family_threads(
    ctx: RequestContext, *, first: int, after: tuple[datetime, uuid.UUID] | None
) -> ThreadPage:
    """The household's threads, most recent message first."""
    household_id = await viewer_household_id(ctx)
    if household_id is None:
        return ThreadPage([], False)
    query = select(MessageThread).where(MessageThread.household_id == household_id)
    return await _page(ctx, _after(query, after), first)


async def staff_threads(
    ctx: RequestContext,
    *,
    first: int,
    after: tuple[datetime, uuid.UUID] | None,
    unread_only: bool,
    household_id: uuid.UUID | None,
    household_given: bool,
) -> ThreadPage:
    """The shared inbox: every household's threads (or one's), most recent message first."""
    query = select(MessageThread)
    if household_given:
        if household_id is None:
            return ThreadPage([], False)
        query = query.where(MessageThread.household_id == household_id)
    if unread_only:
        query = query.where(col(MessageThread.staff_unread) > 0)
    return await _page(ctx, _after(query, after), first)


async def _visible_thread(
    ctx: RequestContext, thread_id: uuid.UUID | None, *, lock: bool = False
) -> MessageThread | None:
    """The thread if the viewer may see it (staff: any; a family: its own), else None."""
    if thread_id is None:
        return None
    query = select(MessageThread).where(MessageThread.id == thread_id)
    if not _is_staff(ctx):
        household_id = await viewer_household_id(ctx)
        if household_id is None:
            return None
        query = query.where(MessageThread.household_id == household_id)
    if lock:
        query = query.with_for_update()
    return (await ctx.session.exec(query)).first()


async def _opened(ctx: RequestContext, row: MessageThread) -> ThreadView:
    """The thread with its messages, their attachments and authors (four statements)."""
    [view] = await _thread_views(ctx, [row])
    messages = list(
        (
            await ctx.session.exec(
                select(Message)
                .where(Message.thread_id == row.id)
                .order_by(col(Message.created_at), col(Message.id))
            )
        ).all()
    )
    ids = [m.id for m in messages]
    attachments: dict[uuid.UUID, list[MessageAttachment]] = {i: [] for i in ids}
    if ids:
        query = (
            select(MessageAttachment)
            .where(col(MessageAttachment.message_id).in_(ids))
            .order_by(col(MessageAttachment.position))
        )
        for a in (await ctx.session.exec(query)).all():
            attachments[a.message_id].append(a)
    names = await _author_names(ctx, {m.author_id for m in messages})
    return ThreadView(
        view.row,
        view.child,
        view.household,
        view.staff_side,
        [MessageView(m, attachments[m.id], names.get(m.author_id, ctx.settings.town_name)) for m in messages],
    )


async def _author_names(ctx: RequestContext, account_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Guardians by their name; staff by theirs, or the town's when their account has none."""
    if not account_ids:
        return {}
    rows = (
        await ctx.session.exec(
            select(Account, Guardian)
            .join(Guardian, col(Guardian.id) == col(Account.guardian_id), isouter=True)
            .where(col(Account.id).in_(account_ids))
        )
    ).all()
    names = {}
    for account, guardian in rows:
        person = guardian or account
        name = f"{person.first_name} {person.last_name}".strip()
        names[account.id] = name or (ctx.settings.town_name if account.is_staff else account.email)
    return names


async def thread(ctx: RequestContext, thread_id: uuid.UUID | None) -> ThreadView | None:
    """A thread with its messages; None when unknown or another household's."""
    row = await _visible_thread(ctx, thread_id)
    return await _opened(ctx, row) if row else None


async def unread_message_count(ctx: RequestContext) -> int:
    """Messages waiting to be read: for a family, the service's in its threads; for staff, the families'
    in the shared inbox."""
    total = col(MessageThread.staff_unread) if _is_staff(ctx) else col(MessageThread.family_unread)
    query = select(func.coalesce(func.sum(total), 0))
    if not _is_staff(ctx):
        household_id = await viewer_household_id(ctx)
        if household_id is None:
            return 0
        query = query.where(MessageThread.household_id == household_id)
    return int((await ctx.session.exec(query)).one())


# ---------------------------------------------------------------------------------------------
# Writing


def _check_body(v: Validator, body: str) -> str:
    return v.text("body", body, max_length=rules.BODY_MAX, required=True, multiline=True)


def _check_attachments(v: Validator, files: list[IncomingFile]) -> list[CheckedFile]:
    if len(files) > rules.MAX_ATTACHMENTS:
        v.add(
            "attachments",
            ErrorCode.INVALID,
            f"Joignez au plus {rules.MAX_ATTACHMENTS} fichiers à un message.",
        )
        return []
    checked = []
    for i, file in enumerate(files):
        ok = check_file(v, f"attachments.{i}", file, accepted=FORMATS, max_bytes=rules.ATTACHMENT_MAX_BYTES)
        if ok is not None:
            checked.append(ok)
    return checked


async def _add_message(
    ctx: RequestContext, row: MessageThread, body: str, files: list[CheckedFile]
) -> Message:
    """The message, its stored files, and the thread's counters and mail."""
    assert ctx.viewer is not None
    staff = _is_staff(ctx)
    now = ctx.now()
    message = Message(
        thread_id=row.id, author_id=ctx.viewer.account.id, from_staff=staff, body=body, created_at=now
    )
    ctx.session.add(message)
    await ctx.session.flush()
    for position, file in enumerate(files):
        ctx.session.add(
            MessageAttachment(
                message_id=message.id,
                position=position,
                filename=file.filename,
                content_type=file.content_type,
                size=file.size,
                sha256=file.sha256,
                # Stored only once every check passed: refused input leaves no file behind.
                storage_key=await store(ctx, file),
            )
        )
    # Writing answers what came before: the writer's side has read the thread.
    await _mark_read(ctx, row, staff_side=staff)
    row.last_message_at = now
    if staff:
        row.family_unread += 1
    else:
        row.staff_unread += 1
        # A family writing again reopens a thread the service had closed.
        row.closed_at, row.closed_by = None, None
    ctx.session.add(row)
    await ctx.session.flush()
    await _mail_other_side(ctx, row, staff)
    return message


async def start_thread(ctx: RequestContext, new: NewThread) -> ThreadView:
    """A family writes to the service about a topic (and a child of theirs, optionally)."""
    assert ctx.viewer is not None
    household_id = await viewer_household_id(ctx)
    v = Validator()
    topic = new.topic if new.topic in rules.TOPICS else ""
    if not topic:
        v.add("topic", ErrorCode.INVALID, "Choisissez le sujet de votre message dans la liste.")
    subject = v.text("subject", new.subject, max_length=rules.SUBJECT_MAX, required=True)
    child = None
    if new.child_given:
        child = await own_child(ctx, new.child_id)
        if child is None:
            v.add("childId", ErrorCode.NOT_FOUND, NO_CHILD)
    body = _check_body(v, new.body)
    files = _check_attachments(v, new.attachments)
    v.raise_if_any()
    assert household_id is not None
    now = ctx.now()
    row = MessageThread(
        household_id=household_id,
        child_id=child.id if child else None,
        topic=topic,
        subject=subject,
        started_by=ctx.viewer.account.id,
        created_at=now,
        last_message_at=now,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    await _add_message(ctx, row, body, files)
    return await _opened(ctx, row)


async def reply(
    ctx: RequestContext, thread_id: uuid.UUID | None, body: str, attachments: list[IncomingFile]
) -> ThreadView:
    """A family or staff answers in a thread; the other side is mailed."""
    row = await _visible_thread(ctx, thread_id, lock=True)
    v = Validator()
    if row is None:
        v.add("threadId", ErrorCode.NOT_FOUND, NO_THREAD)
    text = _check_body(v, body)
    files = _check_attachments(v, attachments)
    v.raise_if_any()
    assert row is not None
    await _add_message(ctx, row, text, files)
    return await _opened(ctx, row)


async def _mark_read(ctx: RequestContext, row: MessageThread, *, staff_side: bool) -> None:
    """The other side's messages read by ``staff_side``'s side now."""
    await ctx.session.exec(
        update(Message)
        .where(
            col(Message.thread_id) == row.id,
            col(Message.from_staff) == (not staff_side),
            col(Message.read_at).is_(None),
        )
        .values(read_at=ctx.now())
    )
    if staff_side:
        row.staff_unread = 0
    else:
        row.family_unread = 0
    ctx.session.add(row)


async def mark_read(ctx: RequestContext, thread_id: uuid.UUID | None) -> ThreadView:
    """The viewer's side has read the thread: its unread count drops to zero."""
    row = await _visible_thread(ctx, thread_id, lock=True)
    if row is None:
        raise UserErrors.one("threadId", ErrorCode.NOT_FOUND, NO_THREAD)
    await _mark_read(ctx, row, staff_side=_is_staff(ctx))
    await ctx.session.flush()
    return await _opened(ctx, row)


async def set_closed(ctx: RequestContext, thread_id: uuid.UUID | None, *, closed: bool) -> ThreadView:
    """Staff close a thread they are done with (a family writing again reopens it), or reopen it."""
    assert ctx.viewer is not None
    row = await _visible_thread(ctx, thread_id, lock=True)
    if row is None:
        raise UserErrors.one("threadId", ErrorCode.NOT_FOUND, NO_THREAD)
    if closed and row.closed_at is None:
        row.closed_at, row.closed_by = ctx.now(), ctx.viewer.account.id
    elif not closed:
        row.closed_at, row.closed_by = None, None
    ctx.session.add(row)
    await ctx.session.flush()
    return await _opened(ctx, row)


async def _mail_other_side(ctx: RequestContext, row: MessageThread, from_staff: bool) -> None:
    """Tell the other side a message waits, without what it says (nor the subject)."""
    link = client_link(ctx, f"{MESSAGES_PATH}/{row.id}")
    topic = rules.mailed_topic(row.topic)
    if not from_staff:
        # The family is not named either: the inbox says who wrote, a mail would keep it beyond reach
        # (and beyond the anonymisation of a household that leaves).
        send_mail(ctx, "message_for_service", ctx.settings.effective_service_email, topic=topic, link=link)
        return
    recipients = (
        await ctx.session.exec(
            select(Account.email, Guardian.first_name, Guardian.last_name)
            .join(Guardian, col(Guardian.id) == col(Account.guardian_id))
            .where(Guardian.household_id == row.household_id, col(Account.confirmed_at).is_not(None))
            .order_by(col(Guardian.rank))
        )
    ).all()
    for email, first_name, last_name in recipients:
        send_mail(
            ctx,
            "message_for_family",
            email,
            name=f"{first_name} {last_name}".strip(),
            topic=topic,
            link=link,
        )
