"""Input types of public content, and their conversion into the use cases' plain changes."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import content as content_use_cases
from portail.resolvers import menus as menu_use_cases
from portail.resolvers import news as news_use_cases
from portail.schema.content.enums import Allergen, DishLabel
from portail.schema.enums import value_of
from portail.schema.partial import given, optional


@strawberry.input(description="A new news item (a draft until it has `publishAt`).")
class CreateNewsInput:
    title: str = strawberry.field(description="Its title (200 characters).")
    body: str = strawberry.field(default="", description="Its text in Markdown (20,000 characters).")
    pinned: bool = strawberry.field(default=False, description="Whether it comes first in `news`.")
    publish_at: datetime.datetime | None = strawberry.field(
        default=None, description="When it appears (null: a draft)."
    )
    unpublish_at: datetime.datetime | None = strawberry.field(
        default=None, description="When it disappears (null: it stays); after `publishAt`."
    )


@strawberry.input(
    description="Changes to a news item: omitted fields stay as they are; null clears `publishAt` (back to "
    "a draft) and `unpublishAt` (no end), and is refused elsewhere."
)
class UpdateNewsInput:
    title: str | None = optional("Its title (200 characters).")
    body: str | None = optional("Its text in Markdown.")
    pinned: bool | None = optional("Whether it comes first.")
    publish_at: datetime.datetime | None = optional("When it appears; null: a draft.")
    unpublish_at: datetime.datetime | None = optional("When it disappears; null: no end.")
    image_alt: str | None = optional("The picture's alternative text (required while there is a picture).")


def news_changes(input: CreateNewsInput) -> news_use_cases.NewsChanges:
    return news_use_cases.NewsChanges(
        title=input.title,
        body=input.body,
        pinned=input.pinned,
        publish_at=input.publish_at,
        unpublish_at=input.unpublish_at,
    )


def news_update(input: UpdateNewsInput) -> news_use_cases.NewsChanges:
    values = given(input, frozenset({"publish_at", "unpublish_at"}))
    return news_use_cases.NewsChanges(
        title=values.get("title"),
        body=values.get("body"),
        pinned=values.get("pinned"),
        publish_at=values.get("publish_at"),
        clear_publish_at="publish_at" in values and values["publish_at"] is None,
        unpublish_at=values.get("unpublish_at"),
        clear_unpublish_at="unpublish_at" in values and values["unpublish_at"] is None,
        image_alt=values.get("image_alt"),
    )


@strawberry.input(description="A new useful link.")
class CreateUsefulLinkInput:
    label: str = strawberry.field(description="What the link shows (100 characters).")
    url: str = strawberry.field(description="Where it leads: an https:// (or http://) address.")
    description: str = strawberry.field(default="", description="A word on what is there (300 characters).")
    position: int = strawberry.field(default=0, description="Its place in the list (smallest first).")


@strawberry.input(description="Changes to a useful link: omitted fields stay as they are (null is refused).")
class UpdateUsefulLinkInput:
    label: str | None = optional("What the link shows.")
    url: str | None = optional("Where it leads (http or https).")
    description: str | None = optional("A word on what is there.")
    position: int | None = optional("Its place in the list.")


def link_changes(input: CreateUsefulLinkInput | UpdateUsefulLinkInput) -> content_use_cases.LinkChanges:
    values = given(input)
    return content_use_cases.LinkChanges(
        label=values.get("label"),
        url=values.get("url"),
        description=values.get("description"),
        position=values.get("position"),
    )


@strawberry.input(description="A new section of the user guide.")
class CreateGuideSectionInput:
    title: str = strawberry.field(description="Its title (200 characters).")
    body: str = strawberry.field(default="", description="Its text in Markdown (50,000 characters).")
    position: int = strawberry.field(default=0, description="Its place in the guide (smallest first).")


@strawberry.input(
    description="Changes to a guide section: omitted fields stay as they are (null is refused)."
)
class UpdateGuideSectionInput:
    title: str | None = optional("Its title.")
    body: str | None = optional("Its text in Markdown.")
    position: int | None = optional("Its place in the guide.")


def section_changes(
    input: CreateGuideSectionInput | UpdateGuideSectionInput,
) -> content_use_cases.SectionChanges:
    values = given(input)
    return content_use_cases.SectionChanges(
        title=values.get("title"), body=values.get("body"), position=values.get("position")
    )


@strawberry.input(description="A course of a day's menu.")
class DishInput:
    name: str = strawberry.field(description='What is served, e.g. "Carottes râpées" (200 characters).')
    labels: list[DishLabel] = strawberry.field(default_factory=list, description="Its labels.")
    allergens: list[Allergen] = strawberry.field(
        default_factory=list, description="The allergens it contains."
    )


@strawberry.input(
    description="A day's menu: each course given replaces that course, null removes it, an omitted course "
    "stays as it is."
)
class CanteenMenuInput:
    starter: DishInput | None = optional("The starter.")
    main_course: DishInput | None = optional("The main course.")
    dairy: DishInput | None = optional("The dairy product.")
    dessert: DishInput | None = optional("The dessert.")
    note: str | None = optional('A word from the kitchen, e.g. "Repas de Noël" (300 characters).')


_COURSE_FIELDS = {"starter": "STARTER", "main_course": "MAIN_COURSE", "dairy": "DAIRY", "dessert": "DESSERT"}


def menu_changes(input: CanteenMenuInput) -> menu_use_cases.MenuChanges:
    values = given(input, frozenset(_COURSE_FIELDS))
    courses: dict[str, menu_use_cases.DishChanges | None] = {}
    for name, course in _COURSE_FIELDS.items():
        if name not in values:
            continue
        dish = values[name]
        courses[course] = (
            None
            if dish is None
            else menu_use_cases.DishChanges(
                name=dish.name,
                labels=[value_of(label) for label in dish.labels],
                allergens=[value_of(allergen) for allergen in dish.allergens],
            )
        )
    return menu_use_cases.MenuChanges(courses=courses, note=values.get("note"))
