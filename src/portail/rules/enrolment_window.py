"""When families may ask to enrol in a period ("campagne d'inscription").

An activity may open its enrolments at a moment and close them at another; a period may set its own
bounds, each replacing the activity's (the summer holidays open in May, the school year in June). The
window is half-open: enrolments are taken from ``opens_at`` on, and until just before ``closes_at``.
Moments are aware datetimes; the French wording is in the town's time (Europe/Paris).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from portail.rules.validity import TOWN_ZONE


class WindowState(Enum):
    OPEN = "open"
    NOT_YET_OPEN = "not_yet_open"
    CLOSED = "closed"


@dataclass(frozen=True)
class EnrolmentWindow:
    """When enrolments are taken; None: no bound on that side."""

    opens_at: datetime | None = None
    closes_at: datetime | None = None

    def __post_init__(self) -> None:
        for moment in (self.opens_at, self.closes_at):
            if moment is not None and moment.tzinfo is None:
                raise ValueError("an enrolment window's bounds are aware datetimes")


def effective_window(
    activity: EnrolmentWindow, period_opens_at: datetime | None, period_closes_at: datetime | None
) -> EnrolmentWindow:
    """The window of a period: each bound the period sets replaces the activity's."""
    return EnrolmentWindow(
        period_opens_at if period_opens_at is not None else activity.opens_at,
        period_closes_at if period_closes_at is not None else activity.closes_at,
    )


def window_state(window: EnrolmentWindow, now: datetime) -> WindowState:
    """Whether ``window`` takes enrolments at ``now``."""
    if window.opens_at is not None and now < window.opens_at:
        return WindowState.NOT_YET_OPEN
    if window.closes_at is not None and now >= window.closes_at:
        return WindowState.CLOSED
    return WindowState.OPEN


def town_moment(moment: datetime) -> str:
    """``moment`` as the town reads it: "01/06/2027 à 08:00" (Europe/Paris)."""
    return moment.astimezone(TOWN_ZONE).strftime("%d/%m/%Y à %H:%M")


def refusal(window: EnrolmentWindow, now: datetime) -> str | None:
    """Why ``window`` refuses an enrolment at ``now``, in French; None when it takes it."""
    state = window_state(window, now)
    if state is WindowState.NOT_YET_OPEN:
        assert window.opens_at is not None
        return f"Les inscriptions ouvrent le {town_moment(window.opens_at)}."
    if state is WindowState.CLOSED:
        assert window.closes_at is not None
        return f"Les inscriptions sont closes depuis le {town_moment(window.closes_at)}."
    return None


def check_bounds(opens_at: datetime | None, closes_at: datetime | None) -> str | None:
    """What is wrong with staff's bounds, in French; None when they hold."""
    if opens_at is not None and closes_at is not None and closes_at <= opens_at:
        return "La clôture des inscriptions doit suivre leur ouverture."
    return None
