"""The home page's other public content: useful links, the user guide's sections, and the town's
contact details and opening hours. Anyone reads them; staff edit them."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlmodel import col, select

from portail.db.models import GuideSection, TownProfile, UsefulLink
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.validation import Validator
from portail.rules.urls import MAX_LENGTH as URL_MAX
from portail.rules.urls import url_problem

LABEL_MAX = 100
DESCRIPTION_MAX = 300
TITLE_MAX = 200
BODY_MAX = 50_000
POSITION_LIMIT = 10_000
TOWN_KEY = "town"
NAME_MAX = 100
ADDRESS_LINES_MAX = 5
ADDRESS_LINE_MAX = 100
HOURS_LINES_MAX = 14
HOURS_MAX = 100
WEEKDAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")


def _position(v: Validator, value: int | None) -> None:
    if value is not None and not -POSITION_LIMIT <= value <= POSITION_LIMIT:
        v.add(
            "position",
            ErrorCode.INVALID,
            f"La position doit être comprise entre -{POSITION_LIMIT} et {POSITION_LIMIT}.",
        )


Row = TypeVar("Row", UsefulLink, GuideSection)


async def _found(ctx: RequestContext, model: type[Row], row_id: uuid.UUID | None, missing: str) -> Row:
    """The row staff name, or NOT_FOUND on ``id``."""
    row = await ctx.session.get(model, row_id) if row_id else None
    if row is None:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, missing)
    return row


async def _saved(ctx: RequestContext, v: Validator, row: Row) -> Row:
    """``row`` written, unless the validator found something to fix (then nothing is)."""
    v.raise_if_any()
    ctx.session.add(row)
    await ctx.session.flush()
    return row


async def _deleted(ctx: RequestContext, row: UsefulLink | GuideSection) -> None:
    await ctx.session.delete(row)
    await ctx.session.flush()


# ---------------------------------------------------------------------------------------------
# Useful links


@dataclass(frozen=True)
class LinkChanges:
    """What a create or update of a link sets; None: unchanged."""

    label: str | None = None
    url: str | None = None
    description: str | None = None
    position: int | None = None


async def useful_links(ctx: RequestContext) -> list[UsefulLink]:
    """The links in the order staff gave them (position, then label)."""
    query = select(UsefulLink).order_by(col(UsefulLink.position), col(UsefulLink.label), col(UsefulLink.id))
    return list((await ctx.session.exec(query)).all())


def _apply_link(v: Validator, row: UsefulLink, changes: LinkChanges) -> None:
    if changes.label is not None:
        row.label = v.text("label", changes.label, max_length=LABEL_MAX, required=True)
    if changes.url is not None:
        url = v.text("url", changes.url, max_length=URL_MAX, required=True)
        if not v.has_error("url"):
            problem = url_problem(url)
            if problem is not None:
                v.add("url", ErrorCode.INVALID, problem)
        row.url = url
    if changes.description is not None:
        row.description = v.text("description", changes.description, max_length=DESCRIPTION_MAX)
    _position(v, changes.position)
    if changes.position is not None:
        row.position = changes.position


async def _link(ctx: RequestContext, link_id: uuid.UUID | None) -> UsefulLink:
    return await _found(ctx, UsefulLink, link_id, "Ce lien n'existe pas.")


async def create_link(ctx: RequestContext, changes: LinkChanges) -> UsefulLink:
    """Staff add a useful link."""
    v = Validator()
    row = UsefulLink(label="", url="", created_at=ctx.now())
    _apply_link(
        v, row, LinkChanges(changes.label or "", changes.url or "", changes.description, changes.position)
    )
    return await _saved(ctx, v, row)


async def update_link(ctx: RequestContext, link_id: uuid.UUID | None, changes: LinkChanges) -> UsefulLink:
    """Staff change a useful link; what ``changes`` leaves out stays."""
    row = await _link(ctx, link_id)
    v = Validator()
    _apply_link(v, row, changes)
    return await _saved(ctx, v, row)


async def delete_link(ctx: RequestContext, link_id: uuid.UUID | None) -> None:
    """Staff take a useful link off the home page."""
    await _deleted(ctx, await _link(ctx, link_id))


# ---------------------------------------------------------------------------------------------
# The user guide


@dataclass(frozen=True)
class SectionChanges:
    """What a create or update of a guide section sets; None: unchanged."""

    title: str | None = None
    body: str | None = None
    position: int | None = None


async def guide_sections(ctx: RequestContext) -> list[GuideSection]:
    """The guide's sections in order (position, then title)."""
    query = select(GuideSection).order_by(
        col(GuideSection.position), col(GuideSection.title), col(GuideSection.id)
    )
    return list((await ctx.session.exec(query)).all())


def _apply_section(v: Validator, row: GuideSection, changes: SectionChanges) -> None:
    if changes.title is not None:
        row.title = v.text("title", changes.title, max_length=TITLE_MAX, required=True)
    if changes.body is not None:
        row.body = v.text("body", changes.body, max_length=BODY_MAX, multiline=True)
    _position(v, changes.position)
    if changes.position is not None:
        row.position = changes.position


async def _section(ctx: RequestContext, section_id: uuid.UUID | None) -> GuideSection:
    return await _found(ctx, GuideSection, section_id, "Cette section du guide n'existe pas.")


async def create_section(ctx: RequestContext, changes: SectionChanges) -> GuideSection:
    """Staff add a section to the user guide."""
    v = Validator()
    row = GuideSection(title="", created_at=ctx.now())
    _apply_section(v, row, SectionChanges(changes.title or "", changes.body, changes.position))
    return await _saved(ctx, v, row)


async def update_section(
    ctx: RequestContext, section_id: uuid.UUID | None, changes: SectionChanges
) -> GuideSection:
    """Staff change a guide section; what ``changes`` leaves out stays."""
    row = await _section(ctx, section_id)
    v = Validator()
    _apply_section(v, row, changes)
    return await _saved(ctx, v, row)


async def delete_section(ctx: RequestContext, section_id: uuid.UUID | None) -> None:
    """Staff remove a section from the guide."""
    await _deleted(ctx, await _section(ctx, section_id))


# ---------------------------------------------------------------------------------------------
# The town's contact details


@dataclass(frozen=True)
class HoursLine:
    """A line of the opening hours: a day of the week and what the town hall keeps then."""

    weekday: str
    hours: str


@dataclass(frozen=True)
class TownView:
    """The town as the home page shows it (the settings' name and address until staff set theirs)."""

    name: str
    address: list[str]
    phone: str
    email: str
    opening_hours: list[HoursLine]


@dataclass(frozen=True)
class TownChanges:
    """What staff change; None: unchanged; an empty value (or list) clears (back to the settings'
    name and address)."""

    name: str | None = None
    address: list[str] | None = None
    phone: str | None = None
    email: str | None = None
    opening_hours: list[HoursLine] | None = None


def _hours(stored: str) -> list[HoursLine]:
    try:
        lines: Any = json.loads(stored)
        return [HoursLine(str(line["weekday"]), str(line["hours"])) for line in lines]
    except (ValueError, TypeError, KeyError):
        return []


def _town_view(ctx: RequestContext, row: TownProfile | None) -> TownView:
    settings = ctx.settings
    if row is None:
        return TownView(settings.town_name, list(settings.town_address), "", "", [])
    address = [line for line in row.address.split("\n") if line]
    return TownView(
        name=row.name or settings.town_name,
        address=address or list(settings.town_address),
        phone=row.phone,
        email=row.email,
        opening_hours=_hours(row.opening_hours),
    )


async def town(ctx: RequestContext) -> TownView:
    """The town's name, address, phone, e-mail and opening hours."""
    return _town_view(ctx, await ctx.session.get(TownProfile, TOWN_KEY))


async def update_town(ctx: RequestContext, changes: TownChanges) -> TownView:
    """Staff set the town's contact details and opening hours; what ``changes`` leaves out stays."""
    query = select(TownProfile).where(TownProfile.key == TOWN_KEY).with_for_update()
    row = (await ctx.session.exec(query)).first()
    if row is None:
        row = TownProfile(key=TOWN_KEY, updated_at=ctx.now())
    v = Validator()
    if changes.name is not None:
        row.name = v.text("name", changes.name, max_length=NAME_MAX)
    if changes.address is not None:
        if len(changes.address) > ADDRESS_LINES_MAX:
            v.add("address", ErrorCode.INVALID, f"L'adresse tient en {ADDRESS_LINES_MAX} lignes au plus.")
        lines = [
            v.text(f"address.{i}", line, max_length=ADDRESS_LINE_MAX)
            for i, line in enumerate(changes.address[:ADDRESS_LINES_MAX])
        ]
        row.address = "\n".join(line for line in lines if line)
    if changes.phone is not None:
        row.phone = v.phone("phone", changes.phone)
    if changes.email is not None:
        row.email = v.email("email", changes.email) if changes.email.strip() else ""
    if changes.opening_hours is not None:
        if len(changes.opening_hours) > HOURS_LINES_MAX:
            v.add("openingHours", ErrorCode.INVALID, f"Au plus {HOURS_LINES_MAX} lignes d'horaires.")
        kept = []
        for i, line in enumerate(changes.opening_hours[:HOURS_LINES_MAX]):
            v.choice(f"openingHours.{i}.weekday", line.weekday, WEEKDAYS)
            hours = v.text(f"openingHours.{i}.hours", line.hours, max_length=HOURS_MAX, required=True)
            kept.append({"weekday": line.weekday, "hours": hours})
        row.opening_hours = json.dumps(kept, ensure_ascii=False)
    v.raise_if_any()
    row.updated_at = ctx.now()
    ctx.session.add(row)
    await ctx.session.flush()
    return _town_view(ctx, row)
