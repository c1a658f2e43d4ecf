"""When a period's bookings open, and for whom: the settings staff see and set, and what a family sees."""

from __future__ import annotations

import datetime
from enum import Enum

import strawberry

from portail.resolvers import booking_windows as use_cases
from portail.resolvers.rows import Period as PeriodRow
from portail.rules.booking_windows import WindowState, WindowStatus
from portail.rules.markdown import render_markdown


@strawberry.enum(description="Where a period's bookings stand for a household now.")
class BookingWindowState(Enum):
    NOT_OPEN_YET = strawberry.enum_value(
        WindowState.NOT_OPEN_YET.value, description="Not open yet: `opensAt` says when (the message too)."
    )
    OPEN = strawberry.enum_value(WindowState.OPEN.value, description="Open: the units' deadlines decide.")
    CLOSED = strawberry.enum_value(
        WindowState.CLOSED.value, description="Closed: shown, nothing booked or cancelled online any more."
    )
    READ_ONLY = strawberry.enum_value(
        WindowState.READ_ONLY.value, description="Read-only: shown, not changed."
    )
    NOT_FOR_HOUSEHOLD = strawberry.enum_value(
        WindowState.NOT_FOR_HOUSEHOLD.value,
        description="Booked only by other households (residents, or categories staff give).",
    )


@strawberry.type(
    description="A period's booking window as this family meets it (the catalogue shows it before the "
    "calendar): when bookings open for this household, when they close, from when the period is read-only, "
    "and the town's intro text."
)
class PeriodBookingWindow:
    state: BookingWindowState = strawberry.field(description="Where it stands now.")
    bookable_now: bool = strawberry.field(description="Whether new bookings are taken now.")
    opens_at: datetime.datetime | None = strawberry.field(
        description="When bookings open (or opened) for this household; null: no opening time."
    )
    closes_at: datetime.datetime | None = strawberry.field(description="When bookings close; null: never.")
    read_only_from: datetime.datetime | None = strawberry.field(
        description="From when the period is only shown; null: never."
    )
    message: str | None = strawberry.field(
        description='Why it is not bookable, in French, naming the moment ("Les réservations ouvrent le '
        'samedi 1er mai 2027 à 9h00."); null when open.'
    )
    intro: str = strawberry.field(
        description="The town's text about the period as staff typed it (Markdown; may be empty): show "
        "`introHtml`."
    )

    @strawberry.field(
        description="`intro` as safe HTML, read as Markdown (the same rendering and allow-list as "
        "`News.bodyHtml`: links, lists, emphasis; no script, no raw HTML): insert it as it is; empty when "
        "there is no intro."
    )
    def intro_html(self) -> str:
        # Rendered only when asked: a period's state is read far more often than its text.
        return render_markdown(self.intro)

    @classmethod
    def of(cls, period: PeriodRow, status: WindowStatus) -> PeriodBookingWindow:
        settings = use_cases.settings_of(period)
        return cls(
            state=BookingWindowState(status.state.value),
            bookable_now=status.books,
            opens_at=status.opens_at,
            closes_at=settings.closes_at,
            read_only_from=settings.read_only_from,
            message=status.message or None,
            intro=period.booking_intro,
        )


@strawberry.type(description="When bookings open for one group of households.")
class BookingOpening:
    group: str = strawberry.field(
        description="`RESIDENTS` (an address in the town: `Household.onlineBooking.resident`), "
        "`NON_RESIDENTS`, or a household category code staff give (`setHouseholdCategory`)."
    )
    opens_at: datetime.datetime = strawberry.field(description="When bookings open for it.")


@strawberry.type(description="Staff: a period's booking window as set (`setBookingWindow`).")
class BookingWindowSettings:
    opens_at: datetime.datetime | None = strawberry.field(
        description="When bookings open for households without an opening of their group; null: always."
    )
    openings: list[BookingOpening] = strawberry.field(description="Each group's own opening.")
    groups_only: bool = strawberry.field(description="Only households of a listed group book the period.")
    closes_at: datetime.datetime | None = strawberry.field(description="When bookings close; null: never.")
    read_only_from: datetime.datetime | None = strawberry.field(
        description="From when the period is only shown; null: never."
    )
    intro: str = strawberry.field(description="The text families read about the period (Markdown).")

    @strawberry.field(
        description="`intro` as families see it: safe HTML, as `PeriodBookingWindow.introHtml`."
    )
    def intro_html(self) -> str:
        return render_markdown(self.intro)

    @classmethod
    def of(cls, period: PeriodRow) -> BookingWindowSettings:
        settings = use_cases.settings_of(period)
        return cls(
            opens_at=settings.opens_at,
            openings=[BookingOpening(group=o.group, opens_at=o.opens_at) for o in settings.openings],
            groups_only=period.booking_groups_only,
            closes_at=settings.closes_at,
            read_only_from=settings.read_only_from,
            intro=period.booking_intro,
        )


@strawberry.input(description="When bookings open for one group of households.")
class BookingOpeningInput:
    group: str = strawberry.field(
        description="`RESIDENTS`, `NON_RESIDENTS`, or a household category code (capitals, digits, _)."
    )
    opens_at: datetime.datetime = strawberry.field(description="When bookings open for it (with its offset).")


@strawberry.input(
    description="A period's whole booking window (what is omitted is cleared: the period then always open)."
)
class BookingWindowInput:
    opens_at: datetime.datetime | None = strawberry.field(
        default=None, description="When bookings open for households without an opening of their group."
    )
    openings: list[BookingOpeningInput] = strawberry.field(
        default_factory=list,
        description="Each group's own opening (\"habitants d'abord, extérieurs une semaine plus tard\"); a "
        "household in several groups gets the earliest (10 at most).",
    )
    groups_only: bool = strawberry.field(
        default=False, description="Only households of a group listed in `openings` book the period."
    )
    closes_at: datetime.datetime | None = strawberry.field(
        default=None, description="From then nothing is booked or cancelled online."
    )
    read_only_from: datetime.datetime | None = strawberry.field(
        default=None, description="From then the period is only shown."
    )
    intro: str = strawberry.field(
        default="",
        description="The text families read about it (4000 characters), in Markdown as the news: links, "
        "lists, emphasis (raw HTML is shown as text).",
    )

    def data(self) -> use_cases.WindowData:
        return use_cases.WindowData(
            opens_at=self.opens_at,
            openings=[(o.group.strip().upper(), o.opens_at) for o in self.openings],
            groups_only=self.groups_only,
            closes_at=self.closes_at,
            read_only_from=self.read_only_from,
            intro=self.intro,
        )
