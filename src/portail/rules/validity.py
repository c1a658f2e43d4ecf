"""How long an accepted document holds: dates in the town's zone, months added calendar-wise."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from zoneinfo import ZoneInfo

TOWN_ZONE = ZoneInfo("Europe/Paris")


def town_date(moment: datetime) -> date:
    """The date in the town (Europe/Paris) at ``moment``."""
    return moment.astimezone(TOWN_ZONE).date()


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` later, kept within the month (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def valid_until(accepted_on: date, validity_months: int | None) -> date | None:
    """The last day an accepted document holds (None: it does not expire)."""
    if not validity_months:
        return None
    return add_months(accepted_on, validity_months)
