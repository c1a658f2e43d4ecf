"""News ("actualités"): staff write, schedule, illustrate and withdraw them; anyone reads those
published at the time of the request.

What is shown is decided by the town clock of the request (``ctx.now()``) against each item's
publish and unpublish times (``rules/news.py``): nothing runs at the scheduled time, and a withdrawn
item's picture stops being served at once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_
from sqlmodel import col, select

from portail.adapters.storage import FileNotStored, storage_for
from portail.db.models import NewsItem
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.uploads import IncomingFile, check_file, store
from portail.resolvers.validation import Validator
from portail.rules.files import IMAGE_FORMATS
from portail.rules.news import PUBLISHED, news_state

TITLE_MAX = 200
BODY_MAX = 20_000
ALT_MAX = 300
IMAGE_MAX_BYTES = 5 * 1024 * 1024
MAX_PAGE = 100

NO_NEWS = "Cette actualité n'existe pas."
ALT_REQUIRED = "Décrivez l'image en quelques mots pour les personnes qui ne la voient pas."


@dataclass(frozen=True)
class NewsView:
    """A news item and where it stands at the time of the request."""

    row: NewsItem
    state: str


@dataclass(frozen=True)
class NewsPage:
    """One page of a list of news."""

    items: list[NewsView]
    has_next: bool


@dataclass(frozen=True)
class NewsChanges:
    """What a create or update sets; None: unchanged (``clear_*``: set to null)."""

    title: str | None = None
    body: str | None = None
    pinned: bool | None = None
    publish_at: datetime | None = None
    clear_publish_at: bool = False
    unpublish_at: datetime | None = None
    clear_unpublish_at: bool = False
    image_alt: str | None = None


def _view(ctx: RequestContext, row: NewsItem) -> NewsView:
    return NewsView(row, news_state(row.publish_at, row.unpublish_at, ctx.now()))


# ---------------------------------------------------------------------------------------------
# Reading


async def published_news(ctx: RequestContext, *, first: int, after: tuple[Any, ...] | None) -> NewsPage:
    """What is published now: pinned items first, then the newest published first (one statement)."""
    now = ctx.now()
    first = max(1, min(first, MAX_PAGE))
    query = select(NewsItem).where(
        col(NewsItem.publish_at) <= now,
        or_(col(NewsItem.unpublish_at).is_(None), col(NewsItem.unpublish_at) > now),
    )
    if after is not None:
        pinned, at, last_id = after
        later = (col(NewsItem.publish_at) < at) | (
            (col(NewsItem.publish_at) == at) & (col(NewsItem.id) < last_id)
        )
        if pinned:
            query = query.where(col(NewsItem.pinned).is_(False) | (col(NewsItem.pinned).is_(True) & later))
        else:
            query = query.where(col(NewsItem.pinned).is_(False) & later)
    query = query.order_by(
        col(NewsItem.pinned).desc(), col(NewsItem.publish_at).desc(), col(NewsItem.id).desc()
    ).limit(first + 1)
    rows = list((await ctx.session.exec(query)).all())
    return NewsPage([_view(ctx, r) for r in rows[:first]], len(rows) > first)


async def all_news(ctx: RequestContext, *, first: int, after: tuple[Any, ...] | None) -> NewsPage:
    """Staff: every item whatever its state, the newest written first."""
    first = max(1, min(first, MAX_PAGE))
    query = select(NewsItem)
    if after is not None:
        at, last_id = after
        query = query.where(
            (col(NewsItem.created_at) < at)
            | ((col(NewsItem.created_at) == at) & (col(NewsItem.id) < last_id))
        )
    query = query.order_by(col(NewsItem.created_at).desc(), col(NewsItem.id).desc()).limit(first + 1)
    rows = list((await ctx.session.exec(query)).all())
    return NewsPage([_view(ctx, r) for r in rows[:first]], len(rows) > first)


@dataclass(frozen=True)
class NewsImage:
    """A published item's picture, as the public route serves it."""

    data: bytes
    content_type: str
    version: str


async def public_image(ctx: RequestContext, news_id: uuid.UUID | None) -> NewsImage | None:
    """The picture of a news item published now, or None (unknown, not published, no picture)."""
    row = await ctx.session.get(NewsItem, news_id) if news_id else None
    if row is None or not row.image_key:
        return None
    if news_state(row.publish_at, row.unpublish_at, ctx.now()) != PUBLISHED:
        return None
    try:
        data = await storage_for(ctx.settings).get(row.image_key)
    except FileNotStored:
        return None
    return NewsImage(data, row.image_type, row.image_key[:16])


# ---------------------------------------------------------------------------------------------
# Staff: write, schedule, withdraw


async def _locked(ctx: RequestContext, news_id: uuid.UUID | None) -> NewsItem:
    row = None
    if news_id is not None:
        query = select(NewsItem).where(NewsItem.id == news_id).with_for_update()
        row = (await ctx.session.exec(query)).first()
    if row is None:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, NO_NEWS)
    return row


def _apply(v: Validator, row: NewsItem, changes: NewsChanges) -> None:
    """Check ``changes`` and set them on ``row`` (the caller raises the errors collected)."""
    if changes.title is not None:
        row.title = v.text("title", changes.title, max_length=TITLE_MAX, required=True)
    if changes.body is not None:
        row.body = v.text("body", changes.body, max_length=BODY_MAX, multiline=True)
    if changes.pinned is not None:
        row.pinned = changes.pinned
    if changes.publish_at is not None or changes.clear_publish_at:
        row.publish_at = changes.publish_at
    if changes.unpublish_at is not None or changes.clear_unpublish_at:
        row.unpublish_at = changes.unpublish_at
    if changes.image_alt is not None:
        row.image_alt = v.text("imageAlt", changes.image_alt, max_length=ALT_MAX)
        if row.image_key and not row.image_alt and not v.has_error("imageAlt"):
            v.add("imageAlt", ErrorCode.REQUIRED, ALT_REQUIRED)
    if row.unpublish_at is not None and row.publish_at is not None and row.unpublish_at <= row.publish_at:
        v.add(
            "unpublishAt",
            ErrorCode.END_BEFORE_START,
            "La fin de publication doit venir après le début de publication.",
        )


async def create_news(ctx: RequestContext, changes: NewsChanges) -> NewsView:
    """Staff write a news item (a draft until it has a publish time)."""
    v = Validator()
    row = NewsItem(title="", created_at=ctx.now(), updated_at=ctx.now())
    _apply(v, row, NewsChanges(**{**changes.__dict__, "title": changes.title or ""}))
    v.raise_if_any()
    ctx.session.add(row)
    await ctx.session.flush()
    return _view(ctx, row)


async def update_news(ctx: RequestContext, news_id: uuid.UUID | None, changes: NewsChanges) -> NewsView:
    """Staff change a news item; what ``changes`` leaves out stays."""
    row = await _locked(ctx, news_id)
    v = Validator()
    _apply(v, row, changes)
    v.raise_if_any()
    row.updated_at = ctx.now()
    ctx.session.add(row)
    await ctx.session.flush()
    return _view(ctx, row)


async def publish_news(ctx: RequestContext, news_id: uuid.UUID | None, at: datetime | None) -> NewsView:
    """Staff publish an item now, or schedule it for ``at``; an end already passed is lifted (the
    item is published again)."""
    row = await _locked(ctx, news_id)
    row.publish_at = at or ctx.now()
    if row.unpublish_at is not None and row.unpublish_at <= max(row.publish_at, ctx.now()):
        row.unpublish_at = None
    row.updated_at = ctx.now()
    ctx.session.add(row)
    await ctx.session.flush()
    return _view(ctx, row)


async def withdraw_news(ctx: RequestContext, news_id: uuid.UUID | None) -> NewsView:
    """Staff withdraw an item now: readers no longer see it, nor its picture."""
    row = await _locked(ctx, news_id)
    row.unpublish_at = ctx.now()
    row.updated_at = ctx.now()
    ctx.session.add(row)
    await ctx.session.flush()
    return _view(ctx, row)


async def delete_news(ctx: RequestContext, news_id: uuid.UUID | None) -> str:
    """Staff delete an item; the storage key of its picture, to discard once committed."""
    row = await _locked(ctx, news_id)
    key = row.image_key
    await ctx.session.delete(row)
    await ctx.session.flush()
    return key


async def set_image(
    ctx: RequestContext, news_id: uuid.UUID | None, file: IncomingFile, alt: str
) -> tuple[NewsView, str]:
    """Staff illustrate an item (JPEG, PNG or WebP, read from the content, 5 MB at most) with its
    alternative text; the view and the replaced picture's key."""
    row = await _locked(ctx, news_id)
    v = Validator()
    clean_alt = v.text("alt", alt, max_length=ALT_MAX)
    if not clean_alt and not v.has_error("alt"):
        v.add("alt", ErrorCode.REQUIRED, ALT_REQUIRED)
    checked = check_file(v, "file", file, accepted=IMAGE_FORMATS, max_bytes=IMAGE_MAX_BYTES)
    v.raise_if_any()
    assert checked is not None
    old_key = row.image_key
    # Stored only once every check passed: refused input leaves no file behind.
    row.image_key = await store(ctx, checked)
    row.image_type = checked.content_type
    row.image_size = checked.size
    row.image_alt = clean_alt
    row.updated_at = ctx.now()
    ctx.session.add(row)
    await ctx.session.flush()
    return _view(ctx, row), old_key


async def remove_image(ctx: RequestContext, news_id: uuid.UUID | None) -> tuple[NewsView, str]:
    """Staff take an item's picture off; the view and the removed picture's key."""
    row = await _locked(ctx, news_id)
    old_key = row.image_key
    row.image_key, row.image_type, row.image_size, row.image_alt = "", "", 0, ""
    row.updated_at = ctx.now()
    ctx.session.add(row)
    await ctx.session.flush()
    return _view(ctx, row), old_key
