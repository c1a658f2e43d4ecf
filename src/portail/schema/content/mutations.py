"""Payloads and mutations of public content: staff only."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

import strawberry
from strawberry.file_uploads import Upload

from portail.resolvers import content as content_use_cases
from portail.resolvers import menus as menu_use_cases
from portail.resolvers import news as news_use_cases
from portail.resolvers import uploads
from portail.schema.content.inputs import (
    CanteenMenuInput,
    CreateGuideSectionInput,
    CreateNewsInput,
    CreateUsefulLinkInput,
    UpdateGuideSectionInput,
    UpdateNewsInput,
    UpdateUsefulLinkInput,
    link_changes,
    menu_changes,
    news_changes,
    news_update,
    section_changes,
)
from portail.schema.content.types import CanteenMenu, CanteenSite, GuideSection, News, UsefulLink
from portail.schema.context import Info
from portail.schema.documents.inputs import incoming_file
from portail.schema.errors import UserError
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.partial import given_arguments
from portail.schema.payloads import DonePayload
from portail.schema.permissions import STAFF

NewsId = Annotated[strawberry.ID, strawberry.argument(description="The news item.")]
LinkId = Annotated[strawberry.ID, strawberry.argument(description="The useful link.")]
SectionId = Annotated[strawberry.ID, strawberry.argument(description="The guide section.")]
SiteId = Annotated[strawberry.ID, strawberry.argument(description="The school restaurant.")]
Day = Annotated[datetime.date, strawberry.argument(description="The day of the menu.")]


@strawberry.type(description="Result of the mutations of news.")
class NewsPayload:
    news: News | None = strawberry.field(description="The item as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `createUsefulLink` and `updateUsefulLink`.")
class UsefulLinkPayload:
    useful_link: UsefulLink | None = strawberry.field(description="The link as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `createGuideSection` and `updateGuideSection`.")
class GuideSectionPayload:
    guide_section: GuideSection | None = strawberry.field(
        description="The section as it now is; null on error."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `createCanteenSite` and `updateCanteenSite`.")
class CanteenSitePayload:
    site: CanteenSite | None = strawberry.field(description="The site as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `setCanteenMenu`.")
class CanteenMenuPayload:
    menu: CanteenMenu | None = strawberry.field(description="The day's menu as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


def _news(info: Info, view: news_use_cases.NewsView | None, errors: list[UserError]) -> NewsPayload:
    base = str(info.context.request.base_url)
    return NewsPayload(news=News.from_view(base, view) if view else None, errors=errors)


@strawberry.type
class ContentMutations:
    # ---- News

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: write a news item; with `publishAt` it is scheduled (or published when that "
        "time has come), without it a draft.",
    )
    async def create_news(
        self, info: Info, input: Annotated[CreateNewsInput, strawberry.argument(description="The item.")]
    ) -> NewsPayload:
        ctx = info.context.app
        changes = news_changes(input)
        view, errors = await run_mutation(info, lambda: news_use_cases.create_news(ctx, changes))
        return _news(info, view, errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: change a news item (partial: omitted fields stay). Publish and unpublish times "
        "schedule it; `unpublishAt` must come after `publishAt` (`END_BEFORE_START`).",
    )
    async def update_news(
        self,
        info: Info,
        id: NewsId,
        input: Annotated[UpdateNewsInput, strawberry.argument(description="The fields to change.")],
    ) -> NewsPayload:
        ctx = info.context.app

        async def update() -> Any:
            return await news_use_cases.update_news(ctx, parse_id(id), news_update(input))

        view, errors = await run_mutation(info, update)
        return _news(info, view, errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: publish a news item now, or schedule it for `at`; a withdrawn item is "
        "published again (its past end is lifted).",
    )
    async def publish_news(
        self,
        info: Info,
        id: NewsId,
        at: Annotated[
            datetime.datetime | None, strawberry.argument(description="When it appears (null: now).")
        ] = None,
    ) -> NewsPayload:
        ctx = info.context.app
        view, errors = await run_mutation(info, lambda: news_use_cases.publish_news(ctx, parse_id(id), at))
        return _news(info, view, errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: withdraw a news item now (it leaves `news`, its picture's address answers 404).",
    )
    async def withdraw_news(self, info: Info, id: NewsId) -> NewsPayload:
        ctx = info.context.app
        view, errors = await run_mutation(info, lambda: news_use_cases.withdraw_news(ctx, parse_id(id)))
        return _news(info, view, errors)

    @strawberry.mutation(permission_classes=STAFF, description="Staff: delete a news item and its picture.")
    async def delete_news(self, info: Info, id: NewsId) -> DonePayload:
        ctx = info.context.app
        key, errors = await run_mutation(info, lambda: news_use_cases.delete_news(ctx, parse_id(id)))
        if key:
            await uploads.discard(ctx, key)
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: illustrate a news item (multipart request with `X-Portail-CSRF: 1`): JPEG, PNG "
        "or WebP up to 5 MB, the format read from the content (an SVG or a program renamed `.jpg` is "
        "refused), with its alternative text. It replaces the previous picture.",
    )
    async def set_news_image(
        self,
        info: Info,
        id: NewsId,
        file: Annotated[Upload, strawberry.argument(description="The picture (JPEG, PNG or WebP).")],
        alt: Annotated[
            str,
            strawberry.argument(
                description="What the picture shows, for those who cannot see it (required, 300 characters)."
            ),
        ],
    ) -> NewsPayload:
        incoming = await incoming_file(file)
        ctx = info.context.app
        result, errors = await run_mutation(
            info, lambda: news_use_cases.set_image(ctx, parse_id(id), incoming, alt)
        )
        if result is None:
            return _news(info, None, errors)
        view, old_key = result
        await uploads.discard(ctx, old_key)
        return _news(info, view, [])

    @strawberry.mutation(permission_classes=STAFF, description="Staff: take a news item's picture off.")
    async def remove_news_image(self, info: Info, id: NewsId) -> NewsPayload:
        ctx = info.context.app
        result, errors = await run_mutation(info, lambda: news_use_cases.remove_image(ctx, parse_id(id)))
        if result is None:
            return _news(info, None, errors)
        view, old_key = result
        await uploads.discard(ctx, old_key)
        return _news(info, view, [])

    # ---- Useful links

    @strawberry.mutation(permission_classes=STAFF, description="Staff: add a useful link to the home page.")
    async def create_useful_link(
        self,
        info: Info,
        input: Annotated[CreateUsefulLinkInput, strawberry.argument(description="The link.")],
    ) -> UsefulLinkPayload:
        ctx = info.context.app
        changes = link_changes(input)
        row, errors = await run_mutation(info, lambda: content_use_cases.create_link(ctx, changes))
        return UsefulLinkPayload(useful_link=UsefulLink.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF, description="Staff: change a useful link (partial: omitted fields stay)."
    )
    async def update_useful_link(
        self,
        info: Info,
        id: LinkId,
        input: Annotated[UpdateUsefulLinkInput, strawberry.argument(description="The fields to change.")],
    ) -> UsefulLinkPayload:
        ctx = info.context.app

        async def update() -> Any:
            return await content_use_cases.update_link(ctx, parse_id(id), link_changes(input))

        row, errors = await run_mutation(info, update)
        return UsefulLinkPayload(useful_link=UsefulLink.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(permission_classes=STAFF, description="Staff: take a useful link off the home page.")
    async def delete_useful_link(self, info: Info, id: LinkId) -> DonePayload:
        ctx = info.context.app
        _, errors = await run_mutation(info, lambda: content_use_cases.delete_link(ctx, parse_id(id)))
        return DonePayload(ok=not errors, errors=errors)

    # ---- The user guide

    @strawberry.mutation(permission_classes=STAFF, description="Staff: add a section to the user guide.")
    async def create_guide_section(
        self,
        info: Info,
        input: Annotated[CreateGuideSectionInput, strawberry.argument(description="The section.")],
    ) -> GuideSectionPayload:
        ctx = info.context.app
        changes = section_changes(input)
        row, errors = await run_mutation(info, lambda: content_use_cases.create_section(ctx, changes))
        return GuideSectionPayload(guide_section=GuideSection.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF, description="Staff: change a guide section (partial: omitted fields stay)."
    )
    async def update_guide_section(
        self,
        info: Info,
        id: SectionId,
        input: Annotated[UpdateGuideSectionInput, strawberry.argument(description="The fields to change.")],
    ) -> GuideSectionPayload:
        ctx = info.context.app

        async def update() -> Any:
            return await content_use_cases.update_section(ctx, parse_id(id), section_changes(input))

        row, errors = await run_mutation(info, update)
        return GuideSectionPayload(guide_section=GuideSection.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(permission_classes=STAFF, description="Staff: remove a section from the guide.")
    async def delete_guide_section(self, info: Info, id: SectionId) -> DonePayload:
        ctx = info.context.app
        _, errors = await run_mutation(info, lambda: content_use_cases.delete_section(ctx, parse_id(id)))
        return DonePayload(ok=not errors, errors=errors)

    # ---- The canteen

    @strawberry.mutation(permission_classes=STAFF, description="Staff: add a school restaurant.")
    async def create_canteen_site(
        self,
        info: Info,
        name: Annotated[str, strawberry.argument(description="Its name (100 characters, unique).")],
        position: Annotated[int, strawberry.argument(description="Its place in the list.")] = 0,
    ) -> CanteenSitePayload:
        ctx = info.context.app
        row, errors = await run_mutation(
            info,
            lambda: menu_use_cases.save_site(
                ctx, None, name=name, position=position, active=None, creating=True
            ),
        )
        return CanteenSitePayload(site=CanteenSite.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: rename, move or (de)activate a school restaurant (omitted arguments stay; an "
        "inactive site's menus are hidden from families).",
    )
    async def update_canteen_site(
        self,
        info: Info,
        id: SiteId,
        name: Annotated[str | None, strawberry.argument(description="Its new name.")] = strawberry.UNSET,
        position: Annotated[int | None, strawberry.argument(description="Its place.")] = strawberry.UNSET,
        active: Annotated[
            bool | None, strawberry.argument(description="Shown to families.")
        ] = strawberry.UNSET,
    ) -> CanteenSitePayload:
        ctx = info.context.app

        async def update() -> Any:
            values = given_arguments({"name": name, "position": position, "active": active})
            return await menu_use_cases.save_site(
                ctx,
                parse_id(id),
                name=values.get("name"),
                position=values.get("position"),
                active=values.get("active"),
                creating=False,
            )

        row, errors = await run_mutation(info, update)
        return CanteenSitePayload(site=CanteenSite.from_row(row) if row else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: write or change a site's menu of a day (each course given replaces it, null "
        "removes it, an omitted one stays). It shows at once in `canteenMenus`.",
    )
    async def set_canteen_menu(
        self,
        info: Info,
        site_id: SiteId,
        date: Day,
        input: Annotated[CanteenMenuInput, strawberry.argument(description="The courses to set.")],
    ) -> CanteenMenuPayload:
        ctx = info.context.app

        async def update() -> Any:
            return await menu_use_cases.set_menu(ctx, parse_id(site_id), date, menu_changes(input))

        view, errors = await run_mutation(info, update)
        return CanteenMenuPayload(menu=CanteenMenu.from_view(view) if view else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: take a site's menu of a day off (done if there was none).",
    )
    async def delete_canteen_menu(self, info: Info, site_id: SiteId, date: Day) -> DonePayload:
        ctx = info.context.app
        _, errors = await run_mutation(info, lambda: menu_use_cases.delete_menu(ctx, parse_id(site_id), date))
        return DonePayload(ok=not errors, errors=errors)
