"""The ``Date`` and ``DateTime`` scalars, with the range and offset rules of ``rules/dates.py``.

They replace Strawberry's own (same names and formats), so a bad value is refused while the
request's variables are read, as a GraphQL error naming the argument, before any resolver runs.
"""

from __future__ import annotations

import datetime as dt

import dateutil.parser
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.types.scalar import ScalarDefinition

from portail.rules.dates import date_problem, datetime_problem


def _parse_date(value: object) -> dt.date:
    if not isinstance(value, str):
        raise StrawberryInputCoercionError(f"Date attendue (AAAA-MM-JJ), reçu : {value!r}.")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise StrawberryInputCoercionError(f"Date invalide (AAAA-MM-JJ attendu) : {value!r}.") from None
    problem = date_problem(day)
    if problem is not None:
        raise StrawberryInputCoercionError(f"Date refusée : {problem} ({value!r}).")
    return day


def _parse_datetime(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise StrawberryInputCoercionError(f"Date et heure ISO 8601 attendues, reçu : {value!r}.")
    try:
        moment = dateutil.parser.isoparse(value)
    except (ValueError, OverflowError):
        raise StrawberryInputCoercionError(
            f"Date et heure invalides (ISO 8601 attendu, ex. 2026-09-01T08:30:00+02:00) : {value!r}."
        ) from None
    problem = datetime_problem(moment)
    if problem is not None:
        raise StrawberryInputCoercionError(f"Date et heure refusées : {problem} ({value!r}).")
    return moment


def _isoformat(value: dt.date) -> str:
    return value.isoformat()


Date = ScalarDefinition(
    name="Date",
    description="A calendar day, ISO 8601 (`2026-09-01`), between 1900-01-01 and 2999-12-31.",
    specified_by_url=None,
    serialize=_isoformat,
    parse_value=_parse_date,
    parse_literal=None,
    origin=dt.date,
)

DateTime = ScalarDefinition(
    name="DateTime",
    description="An instant, ISO 8601 with its offset (`2026-09-01T08:30:00+02:00` or `…Z`); a time "
    "without an offset is refused (it would be ambiguous when the clocks go back). Dates between "
    "1900-01-01 and 2999-12-31.",
    specified_by_url=None,
    serialize=_isoformat,
    parse_value=_parse_datetime,
    parse_literal=None,
    origin=dt.datetime,
)

# Keyed by `object`, as Strawberry's `scalar_overrides` is (a mapping is invariant in its keys).
SCALAR_OVERRIDES: dict[object, ScalarDefinition] = {dt.date: Date, dt.datetime: DateTime}
