"""The school canteen's menus: staff keep a list of sites (school restaurants) and set each site's
menu day by day; anyone reads them over a range of at most a month.

Sites are rows staff manage rather than a free name typed on each menu: a family filters by a stable
id, a renamed restaurant keeps its menus, and a typo cannot split one site's menus in two.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from portail.db.models import CanteenDish, CanteenMenu, CanteenSite
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.validation import Validator
from portail.rules.menus import ALLERGENS, COURSES, LABELS, MAX_RANGE_DAYS, join_codes

SITE_NAME_MAX = 100
DISH_NAME_MAX = 200
NOTE_MAX = 300
POSITION_LIMIT = 10_000
NO_SITE = "Ce restaurant scolaire n'existe pas."


# ---------------------------------------------------------------------------------------------
# Sites


async def sites(ctx: RequestContext, *, include_inactive: bool = False) -> list[CanteenSite]:
    """The school restaurants, in the order staff gave them."""
    query = select(CanteenSite)
    if not include_inactive:
        query = query.where(col(CanteenSite.active).is_(True))
    query = query.order_by(col(CanteenSite.position), col(CanteenSite.name), col(CanteenSite.id))
    return list((await ctx.session.exec(query)).all())


async def _site(
    ctx: RequestContext, site_id: uuid.UUID | None, field_name: str, *, lock: bool = False
) -> CanteenSite:
    row = None
    if site_id is not None:
        query = select(CanteenSite).where(CanteenSite.id == site_id)
        row = (await ctx.session.exec(query.with_for_update() if lock else query)).first()
    if row is None:
        raise UserErrors.one(field_name, ErrorCode.NOT_FOUND, NO_SITE)
    return row


async def _name_taken(ctx: RequestContext, name: str, site_id: uuid.UUID | None) -> bool:
    query = select(CanteenSite.id).where(CanteenSite.name == name)
    if site_id is not None:
        query = query.where(CanteenSite.id != site_id)
    return (await ctx.session.exec(query)).first() is not None


async def save_site(
    ctx: RequestContext,
    site_id: uuid.UUID | None,
    *,
    name: str | None,
    position: int | None,
    active: bool | None,
    creating: bool,
) -> CanteenSite:
    """Staff add a site (``creating``) or change one; what is None stays."""
    row = CanteenSite(name="", created_at=ctx.now()) if creating else await _site(ctx, site_id, "id")
    v = Validator()
    if name is not None or creating:
        clean = v.text("name", name or "", max_length=SITE_NAME_MAX, required=True)
        # Checked before the row changes: the query would otherwise flush the new name first.
        if not v.has_error("name") and await _name_taken(ctx, clean, None if creating else row.id):
            v.add("name", ErrorCode.CODE_ALREADY_USED, "Un restaurant scolaire porte déjà ce nom.")
        row.name = clean
    if position is not None:
        if not -POSITION_LIMIT <= position <= POSITION_LIMIT:
            v.add(
                "position",
                ErrorCode.INVALID,
                f"La position doit être comprise entre -{POSITION_LIMIT} et {POSITION_LIMIT}.",
            )
        row.position = position
    if active is not None:
        row.active = active
    v.raise_if_any()
    ctx.session.add(row)
    await ctx.session.flush()
    return row


# ---------------------------------------------------------------------------------------------
# Menus


@dataclass
class MenuView:
    """A site's menu of a day and its courses (by course code)."""

    menu: CanteenMenu
    site: CanteenSite
    dishes: dict[str, CanteenDish] = field(default_factory=dict)


def check_range(start: date, end: date) -> None:
    """A range of menus a query may ask for; errors name ``to``."""
    if end < start:
        raise UserErrors.one("to", ErrorCode.END_BEFORE_START, "La date de fin est avant la date de début.")
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise UserErrors.one("to", ErrorCode.RANGE_TOO_LONG, f"Au plus {MAX_RANGE_DAYS} jours à la fois.")


async def _with_dishes(ctx: RequestContext, pairs: list[tuple[CanteenMenu, CanteenSite]]) -> list[MenuView]:
    """The menus with their dishes: one statement for every dish, however many menus."""
    views = {menu.id: MenuView(menu, site) for menu, site in pairs}
    if views:
        dishes = select(CanteenDish).where(col(CanteenDish.menu_id).in_(list(views)))
        for dish in (await ctx.session.exec(dishes)).all():
            views[dish.menu_id].dishes[dish.course] = dish
    return list(views.values())


async def menus(
    ctx: RequestContext, start: date, end: date, site_id: uuid.UUID | None, *, site_given: bool
) -> list[MenuView]:
    """The menus from ``start`` to ``end`` (at most a month), by day then site; one site's when
    ``site_given`` (an unknown site is NOT_FOUND on ``siteId``). Two statements in all."""
    check_range(start, end)
    query = (
        select(CanteenMenu, CanteenSite)
        .join(CanteenSite, col(CanteenSite.id) == CanteenMenu.site_id)
        .where(col(CanteenMenu.day) >= start, col(CanteenMenu.day) <= end)
    )
    if site_given:
        await _site(ctx, site_id, "siteId")
        query = query.where(CanteenMenu.site_id == site_id)
    else:
        query = query.where(col(CanteenSite.active).is_(True))
    query = query.order_by(col(CanteenMenu.day), col(CanteenSite.position), col(CanteenSite.name))
    pairs = [(menu, site) for menu, site in (await ctx.session.exec(query)).all()]
    return await _with_dishes(ctx, pairs)


@dataclass(frozen=True)
class DishChanges:
    """A course as staff set it: the dish's name, labels and allergens (codes of rules/menus.py)."""

    name: str
    labels: list[str]
    allergens: list[str]


@dataclass(frozen=True)
class MenuChanges:
    """What a menu's update sets: per course, a dish, or None to clear it; a course left out of
    ``courses`` stays. ``note``: None unchanged."""

    courses: dict[str, DishChanges | None]
    note: str | None = None


async def set_menu(
    ctx: RequestContext, site_id: uuid.UUID | None, day: date, changes: MenuChanges
) -> MenuView:
    """Staff write (or change) a site's menu of a day."""
    # The site's row is locked: two staff writing the same day queue instead of both inserting it.
    site = await _site(ctx, site_id, "siteId", lock=True)
    query = select(CanteenMenu).where(CanteenMenu.site_id == site.id, CanteenMenu.day == day)
    menu = (await ctx.session.exec(query)).first()
    if menu is None:
        menu = CanteenMenu(site_id=site.id, day=day, updated_at=ctx.now())
        ctx.session.add(menu)
        await ctx.session.flush()
    existing = {
        d.course: d
        for d in (await ctx.session.exec(select(CanteenDish).where(CanteenDish.menu_id == menu.id))).all()
    }
    v = Validator()
    if changes.note is not None:
        menu.note = v.text("note", changes.note, max_length=NOTE_MAX)
    for course, dish in changes.courses.items():
        assert course in COURSES
        field_name = _course_field(course)
        current = existing.get(course)
        if dish is None:
            if current is not None:
                await ctx.session.delete(current)
                del existing[course]
            continue
        name = v.text(f"{field_name}.name", dish.name, max_length=DISH_NAME_MAX, required=True)
        if current is None:
            current = CanteenDish(menu_id=menu.id, course=course, name=name)
            existing[course] = current
        current.name = name
        current.labels = join_codes(dish.labels, LABELS)
        current.allergens = join_codes(dish.allergens, ALLERGENS)
        ctx.session.add(current)
    v.raise_if_any()
    menu.updated_at = ctx.now()
    ctx.session.add(menu)
    await ctx.session.flush()
    return MenuView(menu, site, existing)


def _course_field(course: str) -> str:
    """The GraphQL name of a course's input field ("mainCourse")."""
    head, *rest = course.lower().split("_")
    return head + "".join(part.title() for part in rest)


async def delete_menu(ctx: RequestContext, site_id: uuid.UUID | None, day: date) -> bool:
    """Staff take a site's menu of a day off; whether there was one."""
    site = await _site(ctx, site_id, "siteId", lock=True)
    query = select(CanteenMenu).where(CanteenMenu.site_id == site.id, CanteenMenu.day == day)
    menu = (await ctx.session.exec(query)).first()
    if menu is None:
        return False
    for dish in (await ctx.session.exec(select(CanteenDish).where(CanteenDish.menu_id == menu.id))).all():
        await ctx.session.delete(dish)
    await ctx.session.flush()
    await ctx.session.delete(menu)
    await ctx.session.flush()
    return True
