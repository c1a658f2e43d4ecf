"""The town domain's types."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import booking_windows, catalogue_reading, registration
from portail.resolvers import content as use_cases
from portail.resolvers import legal as legal_use_cases
from portail.rules.phones import display_phone
from portail.schema.catalogue.enums import Weekday
from portail.schema.context import Info
from portail.schema.households.types import ConsentDefinition
from portail.schema.legal.types import LegalPage

WEEKDAY_WORDS = {
    "MONDAY": "Lundi",
    "TUESDAY": "Mardi",
    "WEDNESDAY": "Mercredi",
    "THURSDAY": "Jeudi",
    "FRIDAY": "Vendredi",
    "SATURDAY": "Samedi",
    "SUNDAY": "Dimanche",
}


@strawberry.type(description="A line of the town hall's opening hours.")
class OpeningHoursLine:
    weekday: Weekday = strawberry.field(description="The day of the week.")
    day: str = strawberry.field(description='The day in French, e.g. "Lundi".')
    hours: str = strawberry.field(description='What the town hall keeps that day, e.g. "8 h 30 – 12 h".')


@strawberry.type(
    description="The town that runs the portal: its name and address as its invoices print them, its "
    "contact details and opening hours (the home page's \"Contact\"), and today's date there (what a "
    "client's calendar opens on and counts deadlines from, rather than the device's clock, which may be "
    "wrong or in another time zone)."
)
class Town:
    name: str = strawberry.field(description='Its name, e.g. "Ville de Séné".')
    address: list[str] = strawberry.field(description="Its postal address, a line each.")
    today: datetime.date = strawberry.field(description="Today's date in the town (Europe/Paris).")
    phone: str | None = strawberry.field(
        description='Its phone number the French way, e.g. "02 97 66 90 62" (null: not given).'
    )
    phone_uri: str | None = strawberry.field(
        description='The number as a link target, e.g. "tel:+33297669062" (null: not given).'
    )
    email: str | None = strawberry.field(description="Its e-mail address (null: not given).")
    opening_hours: list[OpeningHoursLine] = strawberry.field(
        description="Its opening hours, a line per day it opens, in the order staff gave them."
    )

    @strawberry.field(
        description="The pages the law requires, in the footer's order (legal notices, accessibility "
        "statement, privacy notice): what a footer links to, each with its `footerLabel` (the "
        "accessibility link carries the status) and `updatedAt`. Read each page with `legalPage(kind)`."
    )
    async def legal_pages(self, info: Info) -> list[LegalPage]:
        return [LegalPage.from_view(view) for view in await legal_use_cases.legal_pages(info.context.app)]

    @strawberry.field(
        description="The town's postcodes: a household whose address carries one is resident (periods may "
        "open to residents first, `setResidentPostcodes`), unless `residentInseeCodes` decide for it."
    )
    async def resident_postcodes(self, info: Info) -> list[str]:
        return list((await booking_windows.town_residence(info.context.app)).postcodes)

    @strawberry.field(
        description="The INSEE codes of the town's communes (`setResidentPostcodes`): a household whose "
        "address carries its INSEE code is resident when it is one of these, whatever its postcode (a "
        "neighbouring commune may share the town's postcode); empty: postcodes decide for everyone."
    )
    async def resident_insee_codes(self, info: Info) -> list[str]:
        return list((await booking_windows.town_residence(info.context.app)).insee_codes)

    @strawberry.field(
        description='Whether families may create their own account ("Créer un compte", `registerFamily`): '
        "the client shows the link only then."
    )
    async def self_registration(self, info: Info) -> bool:
        return await registration.self_registration_open(info.context.app)

    @strawberry.field(
        description="The subdivision whose public holidays the town keeps beyond France's, as staff set it "
        '(`setHolidaySubdivision`; until they do, the server\'s `PORTAIL_HOLIDAY_SUBDIVISION`): "57", "67", '
        '"68" or "6AE" for Alsace-Moselle (Good Friday and 26 December), an overseas department\'s code '
        "for its own; null: the rest of France. Openings closed on public holidays and deadlines counted "
        "without them follow it."
    )
    async def holiday_subdivision(self, info: Info) -> str | None:
        return await catalogue_reading.town_subdivision(info.context.app)

    @strawberry.field(
        description="The terms of use a family accepts when it registers (their current version: send its "
        "`version` as `acceptedTermsVersion`); null while the town has published none."
    )
    async def terms_of_use(self, info: Info) -> ConsentDefinition | None:
        terms = await registration.terms_of_use(info.context.app)
        return ConsentDefinition.from_row(terms) if terms else None

    @classmethod
    def of(cls, view: use_cases.TownView, today: datetime.date) -> Town:
        return cls(
            name=view.name,
            address=view.address,
            today=today,
            phone=display_phone(view.phone) or None,
            phone_uri=f"tel:{view.phone}" if view.phone else None,
            email=view.email or None,
            opening_hours=[
                OpeningHoursLine(
                    weekday=Weekday[line.weekday], day=WEEKDAY_WORDS[line.weekday], hours=line.hours
                )
                for line in view.opening_hours
                if line.weekday in WEEKDAY_WORDS
            ],
        )
