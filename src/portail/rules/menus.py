"""School canteen menus: the courses of a day, the labels a dish may carry, the 14 allergens.

The allergens are those a caterer must declare (EU Regulation 1169/2011, annex II), named as the
French text of the regulation names them, so that the words families read are the legal ones.
"""

from __future__ import annotations

from datetime import date, timedelta

# The courses of a day's menu, in serving order.
COURSES = {
    "STARTER": "Entrée",
    "MAIN_COURSE": "Plat",
    "DAIRY": "Produit laitier",
    "DESSERT": "Dessert",
}

# What a dish may be labelled with on the printed menu.
LABELS = {
    "ORGANIC": "Bio",
    "LOCAL": "Produit local",
    "VEGETARIAN": "Végétarien",
    "HOMEMADE": "Fait maison",
}

# Annex II of Regulation (EU) No 1169/2011: substances or products causing allergies or intolerances.
ALLERGENS = {
    "GLUTEN": "Céréales contenant du gluten",
    "CRUSTACEANS": "Crustacés",
    "EGGS": "Œufs",
    "FISH": "Poissons",
    "PEANUTS": "Arachides",
    "SOYBEANS": "Soja",
    "MILK": "Lait",
    "NUTS": "Fruits à coque",
    "CELERY": "Céleri",
    "MUSTARD": "Moutarde",
    "SESAME": "Graines de sésame",
    "SULPHITES": "Anhydride sulfureux et sulfites",
    "LUPIN": "Lupin",
    "MOLLUSCS": "Mollusques",
}

# A menu query covers at most a month: a client shows a week, or prints a month.
MAX_RANGE_DAYS = 31


def week_start(day: date) -> date:
    """The Monday of ``day``'s week (ISO weeks: a client groups a range's days by this)."""
    return day - timedelta(days=day.weekday())


def join_codes(codes: list[str], known: dict[str, str]) -> str:
    """Codes as stored (comma-separated, each once, in ``known``'s order)."""
    wanted = set(codes)
    return ",".join(code for code in known if code in wanted)


def split_codes(stored: str, known: dict[str, str]) -> list[str]:
    """The codes a stored value holds, in ``known``'s order (a code no longer known is skipped)."""
    present = set(stored.split(","))
    return [code for code in known if code in present]
