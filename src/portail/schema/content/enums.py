"""The enums of public content; their French words live in ``rules/menus.py`` and ``rules/news.py``."""

from __future__ import annotations

from enum import Enum

import strawberry

from portail.rules import menus, news


@strawberry.enum(description="Where a news item stands at the time of the request (staff's list).")
class NewsState(Enum):
    DRAFT = strawberry.enum_value(news.DRAFT, description="Brouillon: no publish time yet; nobody sees it.")
    SCHEDULED = strawberry.enum_value(
        news.SCHEDULED, description="Programmée: it appears on its own at `publishAt`."
    )
    PUBLISHED = strawberry.enum_value(news.PUBLISHED, description="Publiée: anyone reads it in `news`.")
    WITHDRAWN = strawberry.enum_value(
        news.WITHDRAWN, description="Retirée: `unpublishAt` has passed; nobody sees it (nor its image)."
    )


@strawberry.enum(description="A label a dish carries on the menu; `labelWords` gives the French words.")
class DishLabel(Enum):
    ORGANIC = strawberry.enum_value("ORGANIC", description=menus.LABELS["ORGANIC"] + ": organic farming.")
    LOCAL = strawberry.enum_value("LOCAL", description=menus.LABELS["LOCAL"] + ": from local producers.")
    VEGETARIAN = strawberry.enum_value(
        "VEGETARIAN", description=menus.LABELS["VEGETARIAN"] + ": no meat nor fish."
    )
    HOMEMADE = strawberry.enum_value(
        "HOMEMADE", description=menus.LABELS["HOMEMADE"] + ": cooked in the town's kitchen."
    )


@strawberry.enum(
    description="The 14 allergens a menu must declare (EU Regulation 1169/2011, annex II); "
    "`allergenWords` gives the French words."
)
class Allergen(Enum):
    GLUTEN = strawberry.enum_value("GLUTEN", description=menus.ALLERGENS["GLUTEN"] + ".")
    CRUSTACEANS = strawberry.enum_value("CRUSTACEANS", description=menus.ALLERGENS["CRUSTACEANS"] + ".")
    EGGS = strawberry.enum_value("EGGS", description=menus.ALLERGENS["EGGS"] + ".")
    FISH = strawberry.enum_value("FISH", description=menus.ALLERGENS["FISH"] + ".")
    PEANUTS = strawberry.enum_value("PEANUTS", description=menus.ALLERGENS["PEANUTS"] + ".")
    SOYBEANS = strawberry.enum_value("SOYBEANS", description=menus.ALLERGENS["SOYBEANS"] + ".")
    MILK = strawberry.enum_value("MILK", description=menus.ALLERGENS["MILK"] + ".")
    NUTS = strawberry.enum_value("NUTS", description=menus.ALLERGENS["NUTS"] + ".")
    CELERY = strawberry.enum_value("CELERY", description=menus.ALLERGENS["CELERY"] + ".")
    MUSTARD = strawberry.enum_value("MUSTARD", description=menus.ALLERGENS["MUSTARD"] + ".")
    SESAME = strawberry.enum_value("SESAME", description=menus.ALLERGENS["SESAME"] + ".")
    SULPHITES = strawberry.enum_value("SULPHITES", description=menus.ALLERGENS["SULPHITES"] + ".")
    LUPIN = strawberry.enum_value("LUPIN", description=menus.ALLERGENS["LUPIN"] + ".")
    MOLLUSCS = strawberry.enum_value("MOLLUSCS", description=menus.ALLERGENS["MOLLUSCS"] + ".")
