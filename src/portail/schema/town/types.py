"""The town domain's types."""

from __future__ import annotations

import datetime

import strawberry


@strawberry.type(
    description="The town that runs the portal: its name and address as its invoices print them, and "
    "today's date there (what a client's calendar opens on and counts deadlines from, rather than the "
    "device's clock, which may be wrong or in another time zone)."
)
class Town:
    name: str = strawberry.field(description='Its name, e.g. "Ville de Séné".')
    address: list[str] = strawberry.field(description="Its postal address, a line each.")
    today: datetime.date = strawberry.field(description="Today's date in the town (Europe/Paris).")
