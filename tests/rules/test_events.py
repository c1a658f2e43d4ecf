"""Events (``portail.rules.events``): a unit's own dates and the per-child cap."""

from __future__ import annotations

from datetime import date

import pytest

from portail.rules.events import (
    cap_message,
    not_an_event_day_message,
    parse_dates,
    runs_on,
    store_dates,
    within_cap,
)

JULY_15, JULY_22 = date(2027, 7, 15), date(2027, 7, 22)


def test_dates_are_stored_sorted_once_and_read_back() -> None:
    stored = store_dates([JULY_22, JULY_15, JULY_22])
    assert stored == "2027-07-15,2027-07-22"
    assert parse_dates(stored) == [JULY_15, JULY_22]
    assert parse_dates("") == []


@pytest.mark.parametrize(
    ("dates", "day", "runs"),
    [
        ([], JULY_15, True),  # a regular unit
        ([JULY_15], JULY_15, True),
        ([JULY_15], JULY_22, False),
        ([JULY_15, JULY_22], JULY_22, True),
    ],
)
def test_an_event_runs_on_its_dates_only(dates, day, runs) -> None:
    assert runs_on(dates, day) is runs


@pytest.mark.parametrize(
    ("cap", "already", "asked_before", "fits"),
    [
        (None, 50, 50, True),
        (2, 0, 0, True),
        (2, 1, 0, True),
        (2, 0, 1, True),
        (2, 1, 1, False),
        (2, 2, 0, False),
        (1, 0, 0, True),
        (1, 0, 1, False),
    ],
)
def test_the_cap_counts_the_days_booked_and_those_asked_before(cap, already, asked_before, fits) -> None:
    assert within_cap(cap, already, asked_before) is fits


def test_the_messages_name_the_dates_and_the_cap() -> None:
    assert not_an_event_day_message("SORTIE PLAGE", [JULY_15]) == "« SORTIE PLAGE » n'a lieu que le 15/07/2027."
    assert (
        not_an_event_day_message("SORTIE", [JULY_22, JULY_15])
        == "« SORTIE » n'a lieu que les 15/07/2027 et 22/07/2027."
    )
    assert cap_message("SORTIE", 2) == "Au plus 2 jours de « SORTIE » par enfant sur la période."
    assert cap_message("SORTIE", 1) == "Au plus 1 jour de « SORTIE » par enfant sur la période."
