"""Opening calendars of periods (``portail.rules.calendar``), as tables.

The school holidays asserted here are the official 2026-2027 calendar (arrêté of the ministry) for zone
B, Séné's: the package's embedded data must agree with it, day for day at each edge.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from portail.rules.calendar import (
    FRIDAY,
    MONDAY,
    SATURDAY,
    SCHOOL_WEEK,
    WEDNESDAY,
    WORKING_WEEK,
    DateSpan,
    DayReason,
    DayStatus,
    OpenDuring,
    PeriodCalendar,
    SchoolCalendarUnknown,
    day_status,
    days_status,
    is_open,
    is_working_day,
    iter_days,
    open_days,
    preload,
    public_holiday,
    school_calendar_covers,
    school_holiday,
)

D = date.fromisoformat

# "RESTAURANT SCOLAIRE > RESTAURATION SCOLAIRE > RESTAURATION SCOLAIRE 2026-2027": school days only.
CANTEEN = PeriodCalendar(start=D("2026-09-01"), end=D("2027-07-02"), weekdays=SCHOOL_WEEK)
# "CENTRE AERE MERCREDI > MERCREDIS > MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027".
WEDNESDAYS = PeriodCalendar(
    start=D("2026-09-02"),
    end=D("2027-06-30"),
    weekdays=frozenset({WEDNESDAY}),
    closures=(
        DateSpan(D("2026-12-16"), D("2026-12-16"), "spectacle de Noël"),
        DateSpan(D("2027-03-10"), D("2027-03-17"), "travaux"),
        DateSpan(D("2027-06-02"), D("2027-06-02")),
    ),
    extra_days=(
        DateSpan(D("2027-03-17"), D("2027-03-17"), "centre rouvert"),  # inside the works closure
        DateSpan(D("2027-06-28"), D("2027-06-28"), "fête du centre"),  # a Monday
        DateSpan(D("2026-10-28"), D("2026-10-28"), "stage Toussaint"),  # during the school holidays
        DateSpan(D("2026-11-11"), D("2026-11-11"), "commémoration"),  # a public holiday
        DateSpan(D("2027-07-07"), D("2027-07-07"), "hors période"),  # after the end: still outside
    ),
)
# "ACCUEIL DE LOISIRS > VACANCES > ÉTÉ 2027": holiday-time, Monday to Friday.
SUMMER = PeriodCalendar(
    start=D("2027-07-05"),
    end=D("2027-08-27"),
    weekdays=WORKING_WEEK,
    open_during=OpenDuring.SCHOOL_HOLIDAYS,
    closures=(DateSpan(D("2027-08-09"), D("2027-08-13"), "fermeture estivale"),),
)
# Holiday-time over a whole school year: open in every school holiday, closed in school time.
HOLIDAY_CENTRE = PeriodCalendar(
    start=D("2026-09-01"), end=D("2027-08-31"), weekdays=WORKING_WEEK, open_during="school_holidays"
)
# A service that ignores the school calendar (a crèche-like activity).
ALL_YEAR = PeriodCalendar(
    start=D("2026-01-01"), end=D("2027-12-31"), weekdays=WORKING_WEEK, open_during=OpenDuring.ALWAYS
)


def test_school_holidays_of_zone_b_2026_2027_match_the_official_calendar() -> None:
    # (last school day, first holiday day, last holiday day, first school day back, name)
    calendar = [
        ("2026-10-16", "2026-10-17", "2026-11-01", "2026-11-02", "Vacances de la Toussaint"),
        ("2026-12-18", "2026-12-19", "2027-01-03", "2027-01-04", "Vacances de Noël"),
        ("2027-02-19", "2027-02-20", "2027-03-07", "2027-03-08", "Vacances d'hiver"),
        ("2027-04-16", "2027-04-17", "2027-05-02", "2027-05-03", "Vacances de printemps"),
        ("2027-05-05", "2027-05-06", "2027-05-08", "2027-05-10", "Pont de l'Ascension"),
    ]
    for last_school_day, first, last, back, name in calendar:
        assert school_holiday(D(last_school_day)) is None, last_school_day
        assert school_holiday(D(first)) == name, first
        assert school_holiday(D(last)) == name, last
        assert school_holiday(D(back)) is None, back


@pytest.mark.parametrize(
    ("day", "holiday"),
    [
        ("2026-07-03", None),  # the last school day of 2025-2026
        ("2026-07-04", "Vacances d'été"),
        ("2026-08-31", "Vacances d'été"),
        ("2026-09-01", None),  # rentrée 2026, a Tuesday
        ("2027-07-02", None),  # the last school day of 2026-2027
        ("2027-07-03", "Vacances d'été"),  # "fin des cours : samedi 3 juillet 2027"
        ("2027-07-14", "Vacances d'été"),
        ("2027-08-31", "Vacances d'été"),
        ("2027-05-07", "Pont de l'Ascension"),  # the Friday after Ascension
        ("2026-12-25", "Vacances de Noël"),
        ("2027-01-01", "Vacances de Noël"),
    ],
)
def test_summer_and_single_days_in_zone_b(day: str, holiday: str | None) -> None:
    assert school_holiday(D(day)) == holiday


@pytest.mark.parametrize(
    ("day", "zone", "holiday"),
    [
        # The winter and spring holidays are staggered by zone; Toussaint and Noël are shared.
        ("2027-02-13", "A", "Vacances d'hiver"),
        ("2027-02-13", "B", None),
        ("2027-02-13", "C", "Vacances d'hiver"),
        ("2027-02-06", "C", "Vacances d'hiver"),
        ("2027-02-06", "A", None),
        ("2027-03-07", "A", None),
        ("2027-03-07", "B", "Vacances d'hiver"),
        ("2027-04-10", "A", "Vacances de printemps"),
        ("2027-04-10", "B", None),
        ("2027-04-03", "C", "Vacances de printemps"),
        ("2027-05-02", "B", "Vacances de printemps"),
        ("2027-05-02", "C", None),
        ("2026-10-20", "A", "Vacances de la Toussaint"),
        ("2026-10-20", "C", "Vacances de la Toussaint"),
    ],
)
def test_school_holidays_by_zone(day: str, zone: str, holiday: str | None) -> None:
    assert school_holiday(D(day), zone) == holiday


@pytest.mark.parametrize(
    ("day", "subdivision", "name"),
    [
        ("2027-01-01", None, "Jour de l'an"),
        ("2027-03-29", None, "Lundi de Pâques"),
        ("2027-05-01", None, "Fête du Travail"),
        ("2027-05-06", None, "Ascension"),
        ("2027-05-08", None, "Fête de la Victoire"),
        ("2027-05-17", None, "Lundi de Pentecôte"),
        ("2027-07-14", None, "Fête nationale"),
        ("2027-08-15", None, "Assomption"),
        ("2026-11-01", None, "Toussaint"),
        ("2026-11-11", None, "Armistice"),
        ("2026-12-25", None, "Noël"),
        ("2027-05-07", None, None),  # the "pont" is a school holiday, not a public one
        ("2027-03-26", None, None),  # Good Friday: only in Alsace-Moselle
        ("2027-03-26", "57", "Vendredi saint"),
        ("2027-03-26", "Moselle", "Vendredi saint"),
        ("2027-03-26", "6AE", "Vendredi saint"),
        ("2027-03-26", "67", "Vendredi saint"),  # Bas-Rhin and Haut-Rhin by their numbers: Alsace's
        ("2026-12-26", "68", "Saint-Étienne"),
        ("2026-12-26", "57", "Saint-Étienne"),
        ("2026-12-26", None, None),
    ],
)
def test_public_holidays(day: str, subdivision: str | None, name: str | None) -> None:
    assert public_holiday(D(day), subdivision) == name


def test_public_holidays_of_a_year() -> None:
    year = list(iter_days(D("2027-01-01"), D("2027-12-31")))
    assert sum(public_holiday(day) is not None for day in year) == 11
    assert sum(public_holiday(day, "57") is not None for day in year) == 13


@pytest.mark.parametrize(
    ("day", "subdivision", "working"),
    [
        ("2026-10-16", None, True),  # a Friday
        ("2026-10-17", None, False),  # Saturday
        ("2026-10-18", None, False),  # Sunday
        ("2026-10-19", None, True),  # school holidays are working days
        ("2026-11-11", None, False),
        ("2027-05-06", None, False),
        ("2027-05-07", None, True),
        ("2027-03-26", None, True),
        ("2027-03-26", "57", False),
    ],
)
def test_is_working_day(day: str, subdivision: str | None, working: bool) -> None:
    assert is_working_day(D(day), subdivision) is working


CANTEEN_DAYS = [
    ("2026-08-31", DayReason.OUTSIDE_PERIOD, "Hors période"),  # the day before the period
    ("2026-09-01", DayReason.OPEN, "Ouvert"),  # its first day, rentrée
    ("2026-09-02", DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY, "Pas d'accueil le mercredi"),
    ("2026-09-05", DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY, "Pas d'accueil le samedi"),
    ("2026-09-06", DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY, "Pas d'accueil le dimanche"),
    ("2026-10-16", DayReason.OPEN, "Ouvert"),
    ("2026-10-19", DayReason.SCHOOL_HOLIDAY, "Vacances de la Toussaint"),
    ("2026-10-30", DayReason.SCHOOL_HOLIDAY, "Vacances de la Toussaint"),
    ("2026-11-02", DayReason.OPEN, "Ouvert"),
    ("2026-11-11", DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY, "Pas d'accueil le mercredi"),  # weekday first
    ("2026-12-18", DayReason.OPEN, "Ouvert"),
    ("2026-12-21", DayReason.SCHOOL_HOLIDAY, "Vacances de Noël"),
    ("2026-12-25", DayReason.PUBLIC_HOLIDAY, "Jour férié : Noël"),  # the public holiday names the day
    ("2027-01-01", DayReason.PUBLIC_HOLIDAY, "Jour férié : Jour de l'an"),
    ("2027-01-04", DayReason.OPEN, "Ouvert"),
    ("2027-02-19", DayReason.OPEN, "Ouvert"),
    ("2027-02-22", DayReason.SCHOOL_HOLIDAY, "Vacances d'hiver"),
    ("2027-03-05", DayReason.SCHOOL_HOLIDAY, "Vacances d'hiver"),
    ("2027-03-08", DayReason.OPEN, "Ouvert"),
    ("2027-03-26", DayReason.OPEN, "Ouvert"),  # Good Friday is worked outside Alsace-Moselle
    ("2027-03-29", DayReason.PUBLIC_HOLIDAY, "Jour férié : Lundi de Pâques"),
    ("2027-03-30", DayReason.OPEN, "Ouvert"),
    ("2027-04-16", DayReason.OPEN, "Ouvert"),
    ("2027-04-19", DayReason.SCHOOL_HOLIDAY, "Vacances de printemps"),
    ("2027-04-30", DayReason.SCHOOL_HOLIDAY, "Vacances de printemps"),
    ("2027-05-03", DayReason.OPEN, "Ouvert"),
    ("2027-05-06", DayReason.PUBLIC_HOLIDAY, "Jour férié : Ascension"),
    ("2027-05-07", DayReason.SCHOOL_HOLIDAY, "Pont de l'Ascension"),
    ("2027-05-10", DayReason.OPEN, "Ouvert"),
    ("2027-05-17", DayReason.PUBLIC_HOLIDAY, "Jour férié : Lundi de Pentecôte"),
    ("2027-07-02", DayReason.OPEN, "Ouvert"),  # the period's last day
    ("2027-07-05", DayReason.OUTSIDE_PERIOD, "Hors période"),
]


@pytest.mark.parametrize(("day", "reason", "label"), CANTEEN_DAYS)
def test_canteen_school_year(day: str, reason: DayReason, label: str) -> None:
    status = day_status(CANTEEN, D(day))
    assert status == DayStatus(D(day), reason, label)
    assert status.open is (reason is DayReason.OPEN)
    assert is_open(CANTEEN, D(day)) is status.open


@pytest.mark.parametrize(
    ("day", "reason", "label"),
    [
        ("2026-09-01", DayReason.OUTSIDE_PERIOD, "Hors période"),
        ("2026-09-02", DayReason.OPEN, "Ouvert"),
        ("2026-09-03", DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY, "Pas d'accueil le jeudi"),
        ("2026-10-14", DayReason.OPEN, "Ouvert"),
        ("2026-10-21", DayReason.SCHOOL_HOLIDAY, "Vacances de la Toussaint"),
        ("2026-10-28", DayReason.EXTRA_DAY, "Ouverture exceptionnelle : stage Toussaint"),
        ("2026-11-04", DayReason.OPEN, "Ouvert"),
        ("2026-11-11", DayReason.EXTRA_DAY, "Ouverture exceptionnelle : commémoration"),
        ("2026-12-16", DayReason.CLOSURE, "Fermeture : spectacle de Noël"),
        ("2026-12-23", DayReason.SCHOOL_HOLIDAY, "Vacances de Noël"),
        ("2027-03-10", DayReason.CLOSURE, "Fermeture : travaux"),
        ("2027-03-17", DayReason.EXTRA_DAY, "Ouverture exceptionnelle : centre rouvert"),
        ("2027-03-24", DayReason.OPEN, "Ouvert"),
        ("2027-03-15", DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY, "Pas d'accueil le lundi"),  # in the closure
        ("2027-05-05", DayReason.OPEN, "Ouvert"),  # the Wednesday before the pont still has school
        ("2027-06-02", DayReason.CLOSURE, "Fermeture"),  # a closure without a label
        ("2027-06-28", DayReason.EXTRA_DAY, "Ouverture exceptionnelle : fête du centre"),
        ("2027-06-30", DayReason.OPEN, "Ouvert"),
        ("2027-07-07", DayReason.OUTSIDE_PERIOD, "Hors période"),  # an extra day cannot widen the period
    ],
)
def test_wednesday_centre_with_closures_and_extra_days(day: str, reason: DayReason, label: str) -> None:
    assert day_status(WEDNESDAYS, D(day)) == DayStatus(D(day), reason, label)


@pytest.mark.parametrize(
    ("calendar", "day", "reason", "label"),
    [
        (SUMMER, "2027-07-02", DayReason.OUTSIDE_PERIOD, "Hors période"),
        (SUMMER, "2027-07-05", DayReason.OPEN, "Ouvert"),
        (SUMMER, "2027-07-10", DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY, "Pas d'accueil le samedi"),
        (SUMMER, "2027-07-14", DayReason.PUBLIC_HOLIDAY, "Jour férié : Fête nationale"),
        (SUMMER, "2027-08-06", DayReason.OPEN, "Ouvert"),
        (SUMMER, "2027-08-09", DayReason.CLOSURE, "Fermeture : fermeture estivale"),
        (SUMMER, "2027-08-13", DayReason.CLOSURE, "Fermeture : fermeture estivale"),
        (SUMMER, "2027-08-16", DayReason.OPEN, "Ouvert"),
        (SUMMER, "2027-08-27", DayReason.OPEN, "Ouvert"),
        (SUMMER, "2027-08-30", DayReason.OUTSIDE_PERIOD, "Hors période"),
        # The reverse of a school-time activity: closed on school days, open in every holiday.
        (HOLIDAY_CENTRE, "2026-10-16", DayReason.SCHOOL_TIME, "Hors vacances scolaires"),
        (HOLIDAY_CENTRE, "2026-10-19", DayReason.OPEN, "Ouvert"),
        (HOLIDAY_CENTRE, "2026-10-30", DayReason.OPEN, "Ouvert"),
        (HOLIDAY_CENTRE, "2026-11-02", DayReason.SCHOOL_TIME, "Hors vacances scolaires"),
        (HOLIDAY_CENTRE, "2026-11-11", DayReason.PUBLIC_HOLIDAY, "Jour férié : Armistice"),
        (HOLIDAY_CENTRE, "2026-12-25", DayReason.PUBLIC_HOLIDAY, "Jour férié : Noël"),
        (HOLIDAY_CENTRE, "2027-02-19", DayReason.SCHOOL_TIME, "Hors vacances scolaires"),
        (HOLIDAY_CENTRE, "2027-02-22", DayReason.OPEN, "Ouvert"),
        (HOLIDAY_CENTRE, "2027-05-07", DayReason.OPEN, "Ouvert"),  # the pont de l'Ascension
        (HOLIDAY_CENTRE, "2027-07-02", DayReason.SCHOOL_TIME, "Hors vacances scolaires"),
        (HOLIDAY_CENTRE, "2027-07-05", DayReason.OPEN, "Ouvert"),
        # "Always": school holidays change nothing, public holidays still close.
        (ALL_YEAR, "2026-10-19", DayReason.OPEN, "Ouvert"),
        (ALL_YEAR, "2026-10-16", DayReason.OPEN, "Ouvert"),
        (ALL_YEAR, "2026-11-11", DayReason.PUBLIC_HOLIDAY, "Jour férié : Armistice"),
        (ALL_YEAR, "2026-05-14", DayReason.PUBLIC_HOLIDAY, "Jour férié : Ascension"),
    ],
)
def test_holiday_time_and_all_year_activities(
    calendar: PeriodCalendar, day: str, reason: DayReason, label: str
) -> None:
    assert day_status(calendar, D(day)) == DayStatus(D(day), reason, label)


@pytest.mark.parametrize(
    ("changes", "day", "reason", "label"),
    [
        # Alsace-Moselle adds Good Friday and St Stephen's Day.
        (
            {"holiday_subdivision": "57"},
            "2027-03-26",
            DayReason.PUBLIC_HOLIDAY,
            "Jour férié : Vendredi saint",
        ),
        (
            {"holiday_subdivision": "6AE"},
            "2027-03-26",
            DayReason.PUBLIC_HOLIDAY,
            "Jour férié : Vendredi saint",
        ),
        # A town that opens on public holidays: the day falls back to the school calendar.
        ({"closed_on_public_holidays": False}, "2027-03-29", DayReason.OPEN, "Ouvert"),
        ({"closed_on_public_holidays": False}, "2026-12-25", DayReason.SCHOOL_HOLIDAY, "Vacances de Noël"),
        # Another zone's calendar.
        ({"school_zone": "A"}, "2027-02-15", DayReason.SCHOOL_HOLIDAY, "Vacances d'hiver"),
        ({"school_zone": "A"}, "2027-03-01", DayReason.OPEN, "Ouvert"),
        # A closure over a public holiday or a holiday reports the more general reason.
        (
            {"closures": (DateSpan(D("2027-05-06"), D("2027-05-07"), "pont de l'Ascension"),)},
            "2027-05-06",
            DayReason.PUBLIC_HOLIDAY,
            "Jour férié : Ascension",
        ),
        (
            {"closures": (DateSpan(D("2027-05-06"), D("2027-05-07"), "pont de l'Ascension"),)},
            "2027-05-07",
            DayReason.SCHOOL_HOLIDAY,
            "Pont de l'Ascension",
        ),
        # Two closures over one day: the first listed names it.
        (
            {
                "closures": (
                    DateSpan(D("2027-06-07"), D("2027-06-11"), "grève"),
                    DateSpan(D("2027-06-10"), D("2027-06-10"), "travaux"),
                )
            },
            "2027-06-10",
            DayReason.CLOSURE,
            "Fermeture : grève",
        ),
        # An extra Wednesday at the canteen.
        (
            {"extra_days": (DateSpan(D("2027-06-30"), D("2027-06-30"), "sortie scolaire"),)},
            "2027-06-30",
            DayReason.EXTRA_DAY,
            "Ouverture exceptionnelle : sortie scolaire",
        ),
        (
            {"extra_days": (DateSpan(D("2027-06-30"), D("2027-06-30")),)},
            "2027-06-30",
            DayReason.EXTRA_DAY,
            "Ouverture exceptionnelle",
        ),
    ],
)
def test_canteen_variants(changes: dict, day: str, reason: DayReason, label: str) -> None:
    calendar = PeriodCalendar(
        **{"start": CANTEEN.start, "end": CANTEEN.end, "weekdays": SCHOOL_WEEK, **changes}
    )
    assert day_status(calendar, D(day)) == DayStatus(D(day), reason, label)


def test_open_days_of_november_2026_at_the_canteen() -> None:
    assert open_days(CANTEEN, D("2026-11-01"), D("2026-11-13")) == [
        D("2026-11-02"),
        D("2026-11-03"),
        D("2026-11-05"),
        D("2026-11-06"),
        D("2026-11-09"),
        D("2026-11-10"),
        D("2026-11-12"),
        D("2026-11-13"),
    ]


def test_a_month_view_reaches_beyond_the_period() -> None:
    statuses = days_status(CANTEEN, D("2026-08-30"), D("2026-09-04"))
    assert [(s.day, s.reason) for s in statuses] == [
        (D("2026-08-30"), DayReason.OUTSIDE_PERIOD),
        (D("2026-08-31"), DayReason.OUTSIDE_PERIOD),
        (D("2026-09-01"), DayReason.OPEN),
        (D("2026-09-02"), DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY),
        (D("2026-09-03"), DayReason.OPEN),
        (D("2026-09-04"), DayReason.OPEN),
    ]


def test_whole_periods() -> None:
    statuses = days_status(CANTEEN)
    assert statuses[0].day == CANTEEN.start and statuses[-1].day == CANTEEN.end
    assert len(statuses) == (CANTEEN.end - CANTEEN.start).days + 1
    # Every Wednesday and weekend day is closed for the weekday, never for another reason.
    for status in statuses:
        if status.day.weekday() not in SCHOOL_WEEK:
            assert status.reason is DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY
    # No open day at the canteen is a public or school holiday.
    for day in open_days(CANTEEN):
        assert public_holiday(day) is None and school_holiday(day) is None and day.weekday() in SCHOOL_WEEK
    # The summer centre is open on the working days of its weeks but the closure and 14 July.
    assert len(open_days(SUMMER)) == 8 * 5 - 5 - 1
    # The Wednesdays: the extra days are in, the closed ones out.
    wednesdays = open_days(WEDNESDAYS)
    assert D("2026-10-28") in wednesdays and D("2027-06-28") in wednesdays
    assert D("2026-12-16") not in wednesdays and D("2027-03-10") not in wednesdays


def test_every_day_has_one_reason_and_a_label() -> None:
    for calendar in (CANTEEN, WEDNESDAYS, SUMMER, HOLIDAY_CENTRE, ALL_YEAR):
        for status in days_status(calendar, D("2026-08-01"), D("2027-08-31")):
            assert isinstance(status.reason, DayReason)
            assert status.label
            assert status.open is (status.reason in {DayReason.OPEN, DayReason.EXTRA_DAY})


def test_weekdays_filter() -> None:
    mondays_and_fridays = PeriodCalendar(
        start=D("2026-09-01"), end=D("2026-09-30"), weekdays=[MONDAY, FRIDAY], open_during=OpenDuring.ALWAYS
    )
    assert [d.isoformat() for d in open_days(mondays_and_fridays)] == [
        "2026-09-04",
        "2026-09-07",
        "2026-09-11",
        "2026-09-14",
        "2026-09-18",
        "2026-09-21",
        "2026-09-25",
        "2026-09-28",
    ]
    # A list of weekdays is kept as a frozenset: the calendar stays hashable and comparable.
    assert mondays_and_fridays.weekdays == frozenset({MONDAY, FRIDAY})
    assert hash(mondays_and_fridays) == hash(
        PeriodCalendar(D("2026-09-01"), D("2026-09-30"), frozenset({FRIDAY, MONDAY}), OpenDuring.ALWAYS)
    )


def test_a_saturday_activity_in_the_school_holidays() -> None:
    # Weekdays and school holidays combine: Saturdays of the Toussaint holidays only.
    saturdays = PeriodCalendar(
        start=D("2026-10-01"),
        end=D("2026-11-30"),
        weekdays={SATURDAY},
        open_during=OpenDuring.SCHOOL_HOLIDAYS,
    )
    assert open_days(saturdays) == [D("2026-10-17"), D("2026-10-24"), D("2026-10-31")]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"start": D("2027-07-02"), "end": D("2026-09-01"), "weekdays": SCHOOL_WEEK}, "before it starts"),
        ({"start": D("2026-09-01"), "end": D("2027-07-02"), "weekdays": frozenset()}, "weekdays"),
        ({"start": D("2026-09-01"), "end": D("2027-07-02"), "weekdays": {7}}, "weekdays"),
        ({"start": D("2026-09-01"), "end": D("2027-07-02"), "weekdays": {0}, "school_zone": "D"}, "zone"),
        (
            {"start": D("2026-09-01"), "end": D("2027-07-02"), "weekdays": {0}, "holiday_subdivision": "99"},
            "99",
        ),
        (
            {"start": D("2026-09-01"), "end": D("2027-07-02"), "weekdays": {0}, "open_during": "sometimes"},
            "sometimes",
        ),
    ],
)
def test_bad_calendars_are_refused(arguments: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PeriodCalendar(**arguments)


def test_bad_spans_are_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        DateSpan(D("2027-05-07"), D("2027-05-06"), "pont")


def test_past_the_published_school_calendar_the_answer_is_an_error_not_a_guess() -> None:
    # The package knows up to summer 2028; the 2028-2029 holidays are not published in it.
    assert school_calendar_covers(D("2026-09-01"), D("2027-08-31"))
    assert school_calendar_covers(D("2027-09-01"), D("2028-07-04"))
    assert not school_calendar_covers(D("2028-09-01"), D("2029-07-06"))
    with pytest.raises(SchoolCalendarUnknown):
        school_holiday(D("2028-10-23"))
    later = PeriodCalendar(D("2028-09-01"), D("2029-07-06"), SCHOOL_WEEK)
    with pytest.raises(SchoolCalendarUnknown):
        day_status(later, D("2028-10-23"))
    # Days that do not need the school calendar still answer.
    assert day_status(later, D("2028-09-02")).reason is DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY
    assert day_status(later, D("2028-12-25")).reason is DayReason.PUBLIC_HOLIDAY  # a Monday
    always = PeriodCalendar(D("2028-09-01"), D("2029-07-06"), SCHOOL_WEEK, OpenDuring.ALWAYS)
    assert day_status(always, D("2028-10-23")).open


def test_a_school_year_for_many_children_is_fast() -> None:
    # The bookable days of a school year for a hundred children: well under a millisecond a day.
    preload(range(2026, 2028))
    calendars = [
        PeriodCalendar(
            D("2026-09-01"),
            D("2027-08-31"),
            SCHOOL_WEEK,
            closures=(DateSpan(D("2027-05-07"), D("2027-05-07"), f"pont {n}"),),
        )
        for n in range(100)
    ]
    started = time.perf_counter()
    count = sum(len(days_status(calendar)) for calendar in calendars)
    per_day = (time.perf_counter() - started) / count
    assert count == 36_500
    assert per_day < 100e-6, f"{per_day * 1e6:.1f} µs a day"
