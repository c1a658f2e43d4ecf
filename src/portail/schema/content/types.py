"""Output types of public content, and their mappers from the use cases' rows and views."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import menus as menu_use_cases
from portail.resolvers import news as news_use_cases
from portail.resolvers.rows import CanteenDish as CanteenDishRow
from portail.resolvers.rows import CanteenSite as CanteenSiteRow
from portail.resolvers.rows import GuideSection as GuideSectionRow
from portail.resolvers.rows import UsefulLink as UsefulLinkRow
from portail.rules.markdown import markdown_text, render_markdown
from portail.rules.menus import ALLERGENS, COURSES, LABELS, split_codes, week_start
from portail.rules.news import STATE_LABELS
from portail.schema.content.enums import Allergen, DishLabel, NewsState
from portail.schema.ids import to_id
from portail.schema.pagination import Connection

EXCERPT_LENGTH = 280
# The public route of a published item's picture (``portail.media``).
NEWS_IMAGE_PATH = "media/news/"


@strawberry.type(description='A news item ("actualité") of the home page.')
class News:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    title: str = strawberry.field(description="Its title.")
    body: str = strawberry.field(
        description="Its text as staff wrote it, in Markdown (what an editor shows)."
    )
    body_html: str = strawberry.field(
        description="Its text as safe HTML, ready to insert: rendered from the Markdown, then cleaned to "
        "an allow-list (paragraphs, headings, emphasis, lists, quotes, code, tables, links; links "
        'only to http(s), mailto and tel addresses, each with rel="noopener noreferrer"). No script, '
        "style, image, event attribute or raw HTML survives."
    )
    excerpt: str = strawberry.field(
        description=f"The text without markup, cut at a word within {EXCERPT_LENGTH} characters (a list's "
        "preview)."
    )
    pinned: bool = strawberry.field(description="Pinned items come first in `news`.")
    publish_at: datetime.datetime | None = strawberry.field(
        description="When it appears (null: a draft, not shown)."
    )
    unpublish_at: datetime.datetime | None = strawberry.field(
        description="When it disappears (null: it stays)."
    )
    state: NewsState = strawberry.field(description="Where it stands at the time of the request.")
    state_label: str = strawberry.field(description='The state in French, e.g. "Programmée".')
    image_url: str | None = strawberry.field(
        description="Its picture's public address (null: none). Served only while the item is published "
        "(404 otherwise, even to staff); the address changes with the picture, so it may be cached."
    )
    image_alt: str | None = strawberry.field(
        description="The picture's alternative text, for screen readers (always given with a picture)."
    )
    updated_at: datetime.datetime = strawberry.field(description="When staff last changed it.")

    @classmethod
    def from_view(cls, base_url: str, view: news_use_cases.NewsView) -> News:
        row = view.row
        image_url = f"{base_url}{NEWS_IMAGE_PATH}{row.id}?v={row.image_key[:16]}" if row.image_key else None
        return cls(
            id=to_id(row.id),
            title=row.title,
            body=row.body,
            body_html=render_markdown(row.body),
            excerpt=markdown_text(row.body, EXCERPT_LENGTH),
            pinned=row.pinned,
            publish_at=row.publish_at,
            unpublish_at=row.unpublish_at,
            state=NewsState(view.state),
            state_label=STATE_LABELS[view.state],
            image_url=image_url,
            image_alt=row.image_alt if row.image_key else None,
            updated_at=row.updated_at,
        )


@strawberry.type(description="A page of news.")
class NewsConnection(Connection[News]):
    pass


@strawberry.type(description='A link of the home page\'s "Liens utiles".')
class UsefulLink:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    label: str = strawberry.field(description='What the link shows, e.g. "CAF du Morbihan".')
    url: str = strawberry.field(description="Where it leads (an http or https address).")
    description: str = strawberry.field(description="A word on what is there, or empty.")
    position: int = strawberry.field(description="Its place in the list (smallest first).")

    @classmethod
    def from_row(cls, row: UsefulLinkRow) -> UsefulLink:
        return cls(
            id=to_id(row.id), label=row.label, url=row.url, description=row.description, position=row.position
        )


@strawberry.type(description='A section of "Le guide utilisateur".')
class GuideSection:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    title: str = strawberry.field(description="Its title.")
    body: str = strawberry.field(description="Its text in Markdown, as staff wrote it.")
    body_html: str = strawberry.field(
        description="Its text as safe HTML (the same rendering and allow-list as `News.bodyHtml`)."
    )
    position: int = strawberry.field(description="Its place in the guide (smallest first).")

    @classmethod
    def from_row(cls, row: GuideSectionRow) -> GuideSection:
        return cls(
            id=to_id(row.id),
            title=row.title,
            body=row.body,
            body_html=render_markdown(row.body),
            position=row.position,
        )


@strawberry.type(description='A school restaurant whose menus are published ("Restaurant scolaire …").')
class CanteenSite:
    id: strawberry.ID = strawberry.field(description="Opaque id (what `canteenMenus` takes as `siteId`).")
    name: str = strawberry.field(description='Its name, e.g. "Restaurant scolaire Pompidou".')
    position: int = strawberry.field(description="Its place in the list (smallest first).")
    active: bool = strawberry.field(description="Inactive sites are hidden from families (staff only).")

    @classmethod
    def from_row(cls, row: CanteenSiteRow) -> CanteenSite:
        return cls(id=to_id(row.id), name=row.name, position=row.position, active=row.active)


@strawberry.type(description="A course of a day's menu.")
class Dish:
    name: str = strawberry.field(description='What is served, e.g. "Carottes râpées".')
    labels: list[DishLabel] = strawberry.field(description="Its labels (organic, local…).")
    label_words: list[str] = strawberry.field(
        description='The labels in French, in the same order as `labels` (e.g. "Bio").'
    )
    allergens: list[Allergen] = strawberry.field(
        description="The allergens it contains (annex II of the EU rules)."
    )
    allergen_words: list[str] = strawberry.field(
        description='The allergens in French, in the same order as `allergens` (e.g. "Lait").'
    )

    @classmethod
    def from_row(cls, row: CanteenDishRow) -> Dish:
        labels = split_codes(row.labels, LABELS)
        allergens = split_codes(row.allergens, ALLERGENS)
        return cls(
            name=row.name,
            labels=[DishLabel[c] for c in labels],
            label_words=[LABELS[c] for c in labels],
            allergens=[Allergen[c] for c in allergens],
            allergen_words=[ALLERGENS[c] for c in allergens],
        )


@strawberry.type(
    description="One site's menu of one day. `canteenMenus` answers a flat list sorted by day then site: "
    "a day view reads it in order, a week grid groups it by `weekStart` (the Monday) and `date`."
)
class CanteenMenu:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    date: datetime.date = strawberry.field(description="The day it is served.")
    week_start: datetime.date = strawberry.field(
        description="The Monday of that day's week (to group by week)."
    )
    site: CanteenSite = strawberry.field(description="The school restaurant.")
    starter: Dish | None = strawberry.field(description=f"{COURSES['STARTER']} (null: none that day).")
    main_course: Dish | None = strawberry.field(description=f"{COURSES['MAIN_COURSE']} (null: none).")
    dairy: Dish | None = strawberry.field(description=f"{COURSES['DAIRY']} (null: none).")
    dessert: Dish | None = strawberry.field(description=f"{COURSES['DESSERT']} (null: none).")
    allergens: list[Allergen] = strawberry.field(
        description="Every allergen of the day's dishes, once each (a legend's quick check)."
    )
    note: str = strawberry.field(description='A word from the kitchen (e.g. "Repas de Noël"), or empty.')

    @classmethod
    def from_view(cls, view: menu_use_cases.MenuView) -> CanteenMenu:
        def dish(course: str) -> Dish | None:
            row = view.dishes.get(course)
            return Dish.from_row(row) if row is not None else None

        codes = {c for d in view.dishes.values() for c in split_codes(d.allergens, ALLERGENS)}
        return cls(
            id=to_id(view.menu.id),
            date=view.menu.day,
            week_start=week_start(view.menu.day),
            site=CanteenSite.from_row(view.site),
            starter=dish("STARTER"),
            main_course=dish("MAIN_COURSE"),
            dairy=dish("DAIRY"),
            dessert=dish("DESSERT"),
            allergens=[Allergen[c] for c in ALLERGENS if c in codes],
            note=view.menu.note,
        )


@strawberry.type(description="An allergen and its French words (a menu's legend).")
class AllergenWord:
    allergen: Allergen = strawberry.field(description="The allergen.")
    words: str = strawberry.field(description='Its French name, e.g. "Fruits à coque".')


@strawberry.type(description="A dish label and its French words (a menu's legend).")
class DishLabelWord:
    label: DishLabel = strawberry.field(description="The label.")
    words: str = strawberry.field(description='Its French words, e.g. "Produit local".')


@strawberry.type(description="What a menu's legend lists: the 14 allergens and the labels, in French.")
class CanteenLegend:
    allergens: list[AllergenWord] = strawberry.field(
        description="The 14 allergens, in the regulation's order."
    )
    labels: list[DishLabelWord] = strawberry.field(description="The labels a dish may carry.")
