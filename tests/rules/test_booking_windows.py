"""When a period's bookings open, and for whom: a table of households × moments, at the second of each
edge, across the clocks going forward."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from portail.rules.booking_windows import (
    NON_RESIDENTS,
    RESIDENTS,
    Opening,
    WindowSettings,
    WindowState,
    french_moment,
    household_groups,
    is_resident,
    opens_at_for,
    window_status,
)
from portail.rules.postcodes import insee_code
from portail.rules.pricing import TariffGrid, residence_grid
from portail.rules.validity import TOWN_ZONE


def paris(y: int, m: int, d: int, at: time = time(9, 0)) -> datetime:
    return datetime(y, m, d, at.hour, at.minute, at.second, tzinfo=TOWN_ZONE)


RESIDENTS_FIRST = paris(2027, 5, 1)  # Saturday 1 May 2027, 9:00 (summer time)
OTHERS_LATER = paris(2027, 5, 8)
SUMMER = WindowSettings(
    openings=(Opening(RESIDENTS, RESIDENTS_FIRST), Opening(NON_RESIDENTS, OTHERS_LATER)),
    closes_at=paris(2027, 8, 20, time(18, 0)),
    read_only_from=paris(2027, 9, 1, time(0, 0)),
)
RESIDENT = household_groups(True, "")
OUTSIDER = household_groups(False, "")
AGENT_OUTSIDER = household_groups(False, "AGENTS")
BEFORE = timedelta(seconds=1)

STATES = [
    # household, now, state
    (RESIDENT, RESIDENTS_FIRST - BEFORE, WindowState.NOT_OPEN_YET),
    (RESIDENT, RESIDENTS_FIRST, WindowState.OPEN),
    (OUTSIDER, RESIDENTS_FIRST, WindowState.NOT_OPEN_YET),
    (OUTSIDER, OTHERS_LATER - BEFORE, WindowState.NOT_OPEN_YET),
    (OUTSIDER, OTHERS_LATER, WindowState.OPEN),
    (RESIDENT, paris(2027, 8, 20, time(17, 59, 59)), WindowState.OPEN),
    (RESIDENT, paris(2027, 8, 20, time(18, 0)), WindowState.CLOSED),
    (OUTSIDER, paris(2027, 8, 31, time(23, 59, 59)), WindowState.CLOSED),
    (OUTSIDER, paris(2027, 9, 1, time(0, 0)), WindowState.READ_ONLY),
    (RESIDENT, paris(2027, 9, 1, time(0, 0)), WindowState.READ_ONLY),
]


@pytest.mark.parametrize(("groups", "now", "state"), STATES)
def test_residents_first_others_a_week_later(groups, now, state):
    assert window_status(SUMMER, groups, now).state is state


def test_the_reason_names_the_day_and_time_in_the_town():
    status = window_status(SUMMER, OUTSIDER, RESIDENTS_FIRST)
    assert status.opens_at == OTHERS_LATER
    assert status.message == "Les réservations ouvrent le samedi 8 mai 2027 à 9h00."
    assert not status.books and status.cancels
    first = window_status(SUMMER, RESIDENT, RESIDENTS_FIRST - BEFORE)
    assert first.message == "Les réservations ouvrent le samedi 1er mai 2027 à 9h00."


def test_closed_and_read_only_refuse_cancellations_too():
    closed = window_status(SUMMER, RESIDENT, paris(2027, 8, 21))
    assert (closed.books, closed.cancels) == (False, False)
    assert (
        closed.message
        == "Les réservations de cette période sont closes depuis le vendredi 20 août 2027 à 18h00."
    )
    frozen = window_status(SUMMER, RESIDENT, paris(2027, 9, 2))
    assert (frozen.books, frozen.cancels) == (False, False)
    assert "consultation seule depuis le mercredi 1er septembre 2027 à 0h00" in frozen.message


def test_a_category_opens_at_its_own_time_the_earliest_of_a_households_groups_wins():
    settings = WindowSettings(
        opens_at=paris(2027, 5, 15),
        openings=(Opening("AGENTS", paris(2027, 4, 24)), Opening(NON_RESIDENTS, paris(2027, 5, 8))),
    )
    assert opens_at_for(settings, AGENT_OUTSIDER) == (True, paris(2027, 4, 24))
    assert opens_at_for(settings, OUTSIDER) == (True, paris(2027, 5, 8))
    # Residents have no opening of their own: the period's default.
    assert opens_at_for(settings, RESIDENT) == (True, paris(2027, 5, 15))


def test_a_period_for_listed_groups_only():
    settings = WindowSettings(openings=(Opening(RESIDENTS, RESIDENTS_FIRST),), groups_only=True)
    status = window_status(settings, OUTSIDER, OTHERS_LATER)
    assert status.state is WindowState.NOT_FOR_HOUSEHOLD and status.opens_at is None
    assert not status.books and status.cancels
    assert window_status(settings, RESIDENT, OTHERS_LATER).state is WindowState.OPEN
    assert window_status(settings, household_groups(False, "AGENTS"), OTHERS_LATER).books is False


def test_nothing_set_is_always_open():
    assert window_status(WindowSettings(), OUTSIDER, paris(2000, 1, 1)).state is WindowState.OPEN


@pytest.mark.parametrize(
    ("opens", "before", "after"),
    [
        # The night the clocks go forward (28 March 2027, 2:00 → 3:00): 3:00 is one second after 1:59:59.
        (paris(2027, 3, 28, time(3, 0)), paris(2027, 3, 28, time(1, 59, 59)), paris(2027, 3, 28, time(3, 0))),
        # Winter time: nothing special, the second before is the second before.
        (paris(2027, 1, 9), paris(2027, 1, 9, time(8, 59, 59)), paris(2027, 1, 9)),
    ],
)
def test_across_the_clocks_changes(opens, before, after):
    settings = WindowSettings(opens_at=opens)
    assert window_status(settings, RESIDENT, before).state is WindowState.NOT_OPEN_YET
    assert window_status(settings, RESIDENT, after).state is WindowState.OPEN
    # Python subtracts wall times within one zone: in UTC, the edge is one second wide.
    assert (after.astimezone(UTC) - before.astimezone(UTC)).total_seconds() == 1


def test_french_moment_in_winter_and_summer():
    assert french_moment(datetime(2027, 1, 9, 8, 0, tzinfo=UTC)) == "samedi 9 janvier 2027 à 9h00"
    assert french_moment(datetime(2027, 5, 1, 7, 0, tzinfo=UTC)) == "samedi 1er mai 2027 à 9h00"


SENE_POSTCODES, SENE_INSEE = ["56860"], ["56243"]


@pytest.mark.parametrize(
    ("postcode", "insee", "town_postcodes", "town_insee", "resident"),
    [
        # The town lists postcodes only: the postcode decides, whatever INSEE code the address carries.
        ("56860", None, SENE_POSTCODES, [], True),
        ("56 860", None, SENE_POSTCODES, [], True),
        ("56000", None, SENE_POSTCODES, [], False),
        ("", None, SENE_POSTCODES, [], False),
        ("56860", "56999", SENE_POSTCODES, [], True),
        ("56860", None, [], [], False),
        # The town lists its INSEE codes too: an address carrying one is decided by it…
        ("56860", "56243", SENE_POSTCODES, SENE_INSEE, True),
        ("56860", "56 243", SENE_POSTCODES, SENE_INSEE, True),
        ("56860", "56999", SENE_POSTCODES, SENE_INSEE, False),  # the neighbour sharing the postcode
        ("56000", "56243", SENE_POSTCODES, SENE_INSEE, True),  # the town's commune, another round
        ("20167", "2a004", ["20167"], ["2A004"], True),  # Corsica: case does not count
        # … one without (never given, or cleared) by its postcode.
        ("56860", None, SENE_POSTCODES, SENE_INSEE, True),
        ("56860", "", SENE_POSTCODES, SENE_INSEE, True),
        ("56000", None, SENE_POSTCODES, SENE_INSEE, False),
        # INSEE codes only: a household without one is not resident.
        ("56860", None, [], SENE_INSEE, False),
        ("56860", "56243", [], SENE_INSEE, True),
    ],
)
def test_residence(postcode, insee, town_postcodes, town_insee, resident):
    assert is_resident(postcode, town_postcodes, insee_code=insee, town_insee_codes=town_insee) is resident
    assert household_groups(resident, "") == frozenset({RESIDENTS if resident else NON_RESIDENTS})


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("56243", "56243"),
        ("56 243", "56243"),
        ("2a004", "2A004"),
        ("2B033", "2B033"),
        ("97411", "97411"),
        ("98818", "98818"),
        ("20004", None),  # Corsica is 2A or 2B
        ("00123", None),
        ("96001", None),
        ("5624", None),
        ("562430", None),
        ("2C004", None),
        ("ABCDE", None),
        ("", None),
    ],
)
def test_insee_codes(value, code):
    assert insee_code(value) == code


def test_households_outside_the_town_pay_the_out_of_town_grid_when_the_unit_has_one():
    grid, outside = TariffGrid.flat(410), TariffGrid.flat(590)
    assert residence_grid(grid, outside, resident=False) is outside
    assert residence_grid(grid, outside, resident=True) is grid
    assert residence_grid(grid, None, resident=False) is grid
