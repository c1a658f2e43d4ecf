"""What a change to the catalogue would do to the bookings already made on it.

Staff change a period's dates or weekdays, its closures and extra days, an activity's relation to the
school holidays, the town's holiday subdivision, a unit's capacity. A change that would leave bookings on
days the service no longer opens, or more places held on a day than the unit has, is refused with the
number of bookings in the way; for the calendar, staff may instead give a reason, and those bookings are
cancelled (the families read the reason).

Which bookings count: those that still stand (``STANDING``: pending, accepted, cancellation requested,
waiting); a cancelled, refused or expired booking is history and never stands in the way.
- On a calendar, every date counts, past ones included: a past accepted day is one the child attended
  and that is invoiced, and must not end up on a day its period says was closed. A day that was already
  closed before the change (an old closure) is not counted: the change does not close it.
- On capacity, only days from today on count: capacity rules who gets a place, a past day's places
  were used. Capacity counts the places held (pending, accepted, cancellation requested), as the
  slot counters do; the waiting line holds no place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from portail.rules.booking_states import ACTIVE_STATES
from portail.rules.calendar import DateSpan, DayReason, DayStatus, PeriodCalendar, day_status

STANDING = frozenset(s.value for s in ACTIVE_STATES)


def closed_by_change(old: PeriodCalendar, new: PeriodCalendar, days: Iterable[date]) -> dict[date, DayStatus]:
    """Among ``days`` (the days bookings stand on), those ``old`` opens and ``new`` closes, with the
    new calendar's reason."""
    closed: dict[date, DayStatus] = {}
    for day in set(days):
        if day_status(old, day).open:
            status = day_status(new, day)
            if not status.open:
                closed[day] = status
    return closed


def field_closing(status: DayStatus, old: PeriodCalendar, new: PeriodCalendar) -> str:
    """The input field whose change closes ``status.day``: ``start`` or ``end`` (the period's dates),
    ``weekdays``, ``closures.<i>`` (the first closure over the day), ``extraDays`` (an extra day taken
    away) or ``openDuring`` (the activity's relation to school holidays)."""
    day = status.day
    if status.reason is DayReason.OUTSIDE_PERIOD:
        return "start" if day < new.start else "end"
    if _covers(old.extra_days, day) and not _covers(new.extra_days, day):
        return "extraDays"
    if status.reason is DayReason.NOT_A_WEEKDAY_OF_THE_ACTIVITY:
        return "weekdays"
    if status.reason is DayReason.CLOSURE:
        index = next(i for i, span in enumerate(new.closures) if span.start <= day <= span.end)
        return f"closures.{index}"
    if status.reason in (DayReason.SCHOOL_HOLIDAY, DayReason.SCHOOL_TIME):
        return "openDuring"
    return "extraDays"  # pragma: no cover - a public holiday only opens through an extra day


def _covers(spans: Iterable[DateSpan], day: date) -> bool:
    return any(span.start <= day <= span.end for span in spans)


@dataclass(frozen=True)
class InTheWay:
    """Bookings that keep a change from going through, for one input field: how many, which dates."""

    field: str
    count: int
    first: date
    last: date


def group_by_field(items: Iterable[tuple[str, date]]) -> list[InTheWay]:
    """One ``InTheWay`` per field from (field, booking's day) pairs, by field name."""
    days: dict[str, list[date]] = {}
    for name, day in items:
        days.setdefault(name, []).append(day)
    return [InTheWay(name, len(ds), min(ds), max(ds)) for name, ds in sorted(days.items())]


_WHERE = {
    "start": "hors de la période",
    "end": "hors de la période",
    "weekdays": "sur un jour de la semaine retiré",
    "closures": "sur cette fermeture",
    "extraDays": "sur une ouverture exceptionnelle retirée",
    "openDuring": "sur des jours que ce calendrier ferme",
    "subdivision": "sur des jours fériés de ce département",
    "eventDates": "sur une date retirée de l'événement",
}


def closed_message(item: InTheWay) -> str:
    """ "37 réservations tombent hors de la période (du 01/06/2027 au 30/06/2027) : …" """
    one = item.count == 1
    what = "1 réservation tombe" if one else f"{item.count} réservations tombent"
    where = _WHERE[item.field.split(".")[0]]
    return (
        f"{what} {where} ({_dates(item.first, item.last)}) : "
        f"annulez-{'la' if one else 'les'} en indiquant un motif (la famille est prévenue par courriel), "
        "ou gardez ces jours ouverts."
    )


def _dates(first: date, last: date) -> str:
    if first == last:
        return f"le {first:%d/%m/%Y}"
    return f"du {first:%d/%m/%Y} au {last:%d/%m/%Y}"


@dataclass(frozen=True)
class OverCapacity:
    """Days a lower capacity would leave with more places held than it allows."""

    days: int  # how many days
    excess: int  # bookings beyond the capacity, all those days together
    busiest: date  # the first day with the most places held
    held: int  # the places held that day: the lowest capacity the unit may take


def over_capacity(held: Mapping[date, int], capacity: int | None, today: date) -> OverCapacity | None:
    """Whether ``capacity`` (None: unlimited) leaves days from ``today`` on with more places held
    (``held``, per day) than it allows, and by how much."""
    if capacity is None:
        return None
    over = {day: n for day, n in held.items() if day >= today and n > capacity}
    if not over:
        return None
    top = max(over.values())
    busiest = min(day for day, n in over.items() if n == top)
    return OverCapacity(len(over), sum(n - capacity for n in over.values()), busiest, top)


def capacity_message(over: OverCapacity) -> str:
    """ "3 réservations dépassent cette capacité sur 2 jours (14 places prises le 09/12/2026) : …" """
    one = over.excess == 1
    what = "1 réservation dépasse" if one else f"{over.excess} réservations dépassent"
    days = "1 jour" if over.days == 1 else f"{over.days} jours"
    return (
        f"{what} cette capacité sur {days} ({over.held} places prises le {over.busiest:%d/%m/%Y}) : "
        f"la capacité ne peut descendre sous {over.held} tant que ces réservations tiennent."
    )


def quantity_message(item: InTheWay, most: int) -> str:
    """ "2 réservations demandent plus de 3 articles (du 04/01/2027 au 11/01/2027) : …" """
    one = item.count == 1
    what = "1 réservation demande" if one else f"{item.count} réservations demandent"
    return (
        f"{what} plus de {most} article{'s' if most > 1 else ''} ({_dates(item.first, item.last)}) : "
        "la quantité maximale ne peut descendre sous celles déjà réservées tant que ces réservations "
        "tiennent."
    )

