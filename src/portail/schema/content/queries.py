"""Queries of public content: anyone reads them, signed in or not (but `staffNews`)."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from portail.resolvers import content as content_use_cases
from portail.resolvers import menus as menu_use_cases
from portail.resolvers import news as news_use_cases
from portail.rules.menus import ALLERGENS, LABELS, MAX_RANGE_DAYS
from portail.schema.content.enums import Allergen, DishLabel
from portail.schema.content.types import (
    AllergenWord,
    CanteenLegend,
    CanteenMenu,
    CanteenSite,
    DishLabelWord,
    GuideSection,
    News,
    NewsConnection,
    UsefulLink,
)
from portail.schema.context import Info
from portail.schema.ids import parse_id
from portail.schema.pagination import AT, ID, INT, After, Cursors, PageSize
from portail.schema.permissions import STAFF

_NEWS = Cursors("news", (INT, AT, ID))
_STAFF_NEWS = Cursors("staffNews", (AT, ID))


def _base_url(info: Info) -> str:
    return str(info.context.request.base_url)


@strawberry.type
class ContentQueries:
    @strawberry.field(
        description='"Les actualités": the news published at the time of the request (the town\'s clock), '
        "pinned items first, then the newest published first. No sign-in needed.",
    )
    async def news(self, info: Info, first: PageSize = 10, after: After = None) -> NewsConnection:
        key = _NEWS.decode(after)
        page = await news_use_cases.published_news(info.context.app, first=first, after=key)
        base = _base_url(info)
        return _NEWS.connection(
            NewsConnection,
            page.items,
            lambda v: (int(v.row.pinned), v.row.publish_at, v.row.id),
            lambda v: News.from_view(base, v),
            page.has_next,
        )

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: every news item whatever its state (draft, scheduled, published, withdrawn), "
        "the newest written first.",
    )
    async def staff_news(self, info: Info, first: PageSize = 20, after: After = None) -> NewsConnection:
        key = _STAFF_NEWS.decode(after)
        page = await news_use_cases.all_news(info.context.app, first=first, after=key)
        base = _base_url(info)
        return _STAFF_NEWS.connection(
            NewsConnection,
            page.items,
            lambda v: (v.row.created_at, v.row.id),
            lambda v: News.from_view(base, v),
            page.has_next,
        )

    @strawberry.field(description='"Les liens utiles", in the order staff gave them. No sign-in needed.')
    async def useful_links(self, info: Info) -> list[UsefulLink]:
        return [UsefulLink.from_row(r) for r in await content_use_cases.useful_links(info.context.app)]

    @strawberry.field(description='"Le guide utilisateur": its sections in order. No sign-in needed.')
    async def guide_sections(self, info: Info) -> list[GuideSection]:
        return [GuideSection.from_row(r) for r in await content_use_cases.guide_sections(info.context.app)]

    @strawberry.field(
        description="The school restaurants whose menus are published (staff may include the inactive "
        "ones). No sign-in needed."
    )
    async def canteen_sites(
        self,
        info: Info,
        include_inactive: Annotated[
            bool, strawberry.argument(description="Staff: include the inactive sites too.")
        ] = False,
    ) -> list[CanteenSite]:
        ctx = info.context.app
        everything = include_inactive and ctx.viewer is not None and ctx.viewer.is_staff
        return [CanteenSite.from_row(r) for r in await menu_use_cases.sites(ctx, include_inactive=everything)]

    @strawberry.field(
        description='"La restauration scolaire": the menus from `from` to `to` (at most '
        f"{MAX_RANGE_DAYS} days; beyond, `RANGE_TOO_LONG` on `to`), one per site and day that has one, "
        "sorted by day then site: a flat list a client shows as a day list, or groups into a week grid by "
        "`weekStart`. Days without a menu (weekends, holidays) are absent. `siteId`: one site's only (an "
        "unknown site is NOT_FOUND); without it, every active site's. No sign-in needed.",
    )
    async def canteen_menus(
        self,
        info: Info,
        start: Annotated[datetime.date, strawberry.argument(name="from", description="First day.")],
        end: Annotated[datetime.date, strawberry.argument(name="to", description="Last day (included).")],
        site_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this school restaurant's menus.")
        ] = None,
    ) -> list[CanteenMenu]:
        views = await menu_use_cases.menus(
            info.context.app, start, end, parse_id(site_id), site_given=site_id is not None
        )
        return [CanteenMenu.from_view(v) for v in views]

    @strawberry.field(description="A menu's legend: the 14 allergens and the dish labels, in French.")
    def canteen_legend(self) -> CanteenLegend:
        return CanteenLegend(
            allergens=[AllergenWord(allergen=Allergen[c], words=w) for c, w in ALLERGENS.items()],
            labels=[DishLabelWord(label=DishLabel[c], words=w) for c, w in LABELS.items()],
        )
