"""The town domain's inputs."""

from __future__ import annotations

import strawberry

from portail.resolvers import content as use_cases
from portail.schema.catalogue.enums import Weekday
from portail.schema.enums import value_of
from portail.schema.partial import given, optional


@strawberry.input(description="A line of the opening hours.")
class OpeningHoursLineInput:
    weekday: Weekday = strawberry.field(description="The day of the week.")
    hours: str = strawberry.field(
        description='What the town hall keeps that day, e.g. "8 h 30 – 12 h" (100).'
    )


@strawberry.input(
    description="Changes to the town's details: omitted fields stay as they are; null (or an empty value) "
    "clears one (the name and address then fall back to the server's settings)."
)
class UpdateTownInput:
    name: str | None = optional('Its name, e.g. "Ville de Séné" (100 characters).')
    address: list[str] | None = optional("Its postal address, a line each (5 lines of 100 characters).")
    phone: str | None = optional('Its phone number, e.g. "02 97 66 90 62" (French or international).')
    email: str | None = optional("Its e-mail address.")
    opening_hours: list[OpeningHoursLineInput] | None = optional(
        "Its opening hours (14 lines at most): the whole list, in display order."
    )


def town_changes(input: UpdateTownInput) -> use_cases.TownChanges:
    values = given(input, frozenset({"name", "address", "phone", "email", "opening_hours"}))

    def text(name: str) -> str | None:
        return (values[name] or "") if name in values else None

    hours = (values["opening_hours"] or []) if "opening_hours" in values else None
    return use_cases.TownChanges(
        name=text("name"),
        address=(values["address"] or []) if "address" in values else None,
        phone=text("phone"),
        email=text("email"),
        opening_hours=None
        if hours is None
        else [use_cases.HoursLine(value_of(line.weekday), line.hours) for line in hours],
    )
