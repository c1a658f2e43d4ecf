"""Linked units (``portail.rules.linked_units``): which lines of a child's day break a link."""

from __future__ import annotations

import pytest

from portail.rules.linked_units import (
    LinkBreak,
    broken_links,
    carried_along,
    link_message,
    parse_requires,
    staff_link_message,
    unmet,
)

# The meal requires the morning care (one way); the day and the afternoon require each other.
ONE_WAY = {"meal": frozenset({"morning"})}
BOTH_WAYS = {"day": frozenset({"afternoon"}), "afternoon": frozenset({"day"})}
ANY_OF = {"meal": frozenset({"morning", "day"})}


def book(unit: str) -> LinkBreak[str]:
    return LinkBreak(unit, frozenset(ONE_WAY.get(unit, set())), cancel=False)


@pytest.mark.parametrize(
    ("requires", "before", "booked", "cancelled", "refused"),
    [
        # Nothing linked: nothing refused.
        ({}, set(), {1: "meal"}, {}, {}),
        # The meal alone is refused; with the morning (in either order) or the morning already booked, kept.
        (ONE_WAY, set(), {1: "meal"}, {}, {1: LinkBreak("meal", frozenset({"morning"}), False)}),
        (ONE_WAY, set(), {1: "meal", 2: "morning"}, {}, {}),
        (ONE_WAY, set(), {1: "morning", 2: "meal"}, {}, {}),
        (ONE_WAY, {"morning"}, {1: "meal"}, {}, {}),
        # One way: the morning alone is fine.
        (ONE_WAY, set(), {1: "morning"}, {}, {}),
        # Cancelling the morning under a booked meal is refused; cancelling both, or the meal alone, is not.
        (ONE_WAY, {"morning", "meal"}, {}, {1: "morning"}, {1: LinkBreak("morning", frozenset({"meal"}), True)}),
        (ONE_WAY, {"morning", "meal"}, {}, {1: "morning", 2: "meal"}, {}),
        (ONE_WAY, {"morning", "meal"}, {}, {1: "meal"}, {}),
        # Booking the meal while cancelling the morning: the meal is refused (the morning goes).
        (ONE_WAY, {"morning"}, {1: "meal"}, {2: "morning"}, {1: LinkBreak("meal", frozenset({"morning"}), False)}),
        # Both ways: each alone is refused, together kept.
        (BOTH_WAYS, set(), {1: "day"}, {}, {1: LinkBreak("day", frozenset({"afternoon"}), False)}),
        (BOTH_WAYS, set(), {1: "afternoon"}, {}, {1: LinkBreak("afternoon", frozenset({"day"}), False)}),
        (BOTH_WAYS, set(), {1: "day", 2: "afternoon"}, {}, {}),
        (BOTH_WAYS, {"day", "afternoon"}, {}, {1: "day"}, {1: LinkBreak("day", frozenset({"afternoon"}), True)}),
        (BOTH_WAYS, {"day", "afternoon"}, {}, {1: "day", 2: "afternoon"}, {}),
        # Any of several: the day serves as well as the morning.
        (ANY_OF, {"day"}, {1: "meal"}, {}, {}),
        (ANY_OF, set(), {1: "meal"}, {}, {1: LinkBreak("meal", frozenset({"morning", "day"}), False)}),
        (ANY_OF, {"day", "morning", "meal"}, {}, {1: "day"}, {}),  # the morning still serves
        (
            ANY_OF,
            {"day", "morning", "meal"},
            {},
            {1: "day", 2: "morning"},
            {
                1: LinkBreak("day", frozenset({"meal"}), True),
                2: LinkBreak("morning", frozenset({"meal"}), True),
            },
        ),
        # A link broken before the request (added since) refuses nothing the request did not break.
        (ONE_WAY, {"meal"}, {1: "afternoon"}, {}, {}),
        # Cascade: c requires b, b requires a; a is not there: b is refused, and c with it.
        (
            {"b": frozenset({"a"}), "c": frozenset({"b"})},
            set(),
            {1: "b", 2: "c"},
            {},
            {1: LinkBreak("b", frozenset({"a"}), False), 2: LinkBreak("c", frozenset({"b"}), False)},
        ),
    ],
)
def test_broken_links(requires, before, booked, cancelled, refused) -> None:
    assert broken_links(requires, before, booked, cancelled) == refused


def test_unmet_names_the_units_without_what_they_require() -> None:
    assert unmet(ONE_WAY, {"meal"}) == {"meal"}
    assert unmet(ONE_WAY, {"meal", "morning"}) == set()
    assert unmet(BOTH_WAYS, {"day"}) == {"day"}


def test_parse_requires_reads_the_stored_ids_in_order() -> None:
    assert parse_requires("") == []
    assert parse_requires("b,a") == ["b", "a"]


@pytest.mark.parametrize(
    ("unit", "others", "cancel", "message"),
    [
        ("REPAS", ["GARDERIE MATIN"], False, "L'unité « REPAS » ne peut être réservée qu'avec « GARDERIE MATIN » le même jour."),
        (
            "REPAS",
            ["MATIN", "JOURNEE"],
            False,
            "L'unité « REPAS » ne peut être réservée qu'avec « JOURNEE » ou « MATIN » le même jour.",
        ),
        (
            "GARDERIE MATIN",
            ["REPAS"],
            True,
            "L'unité « GARDERIE MATIN » ne peut être annulée seule : « REPAS » la demande ce jour-là. "
            "Annulez-les ensemble.",
        ),
        (
            "MATIN",
            ["REPAS", "GOUTER"],
            True,
            "L'unité « MATIN » ne peut être annulée seule : « GOUTER » et « REPAS » la demandent ce jour-là. "
            "Annulez-les ensemble.",
        ),
    ],
)
def test_link_message(unit, others, cancel, message) -> None:
    assert link_message(unit, others, cancel) == message


@pytest.mark.parametrize(
    ("requires", "active", "leaving", "followers", "carried", "stranded"),
    [
        # Staff refuse the morning: the meal awaiting the same decision goes with it.
        (ONE_WAY, {"morning", "meal"}, {"morning"}, {"meal"}, {"meal"}, {}),
        # The meal already accepted: it cannot follow, the refusal is refused naming it.
        (ONE_WAY, {"morning", "meal"}, {"morning"}, set(), set(), {"meal": frozenset({"morning"})}),
        # The meal alone goes, or both: nothing else to say.
        (ONE_WAY, {"morning", "meal"}, {"meal"}, set(), set(), {}),
        (ONE_WAY, {"morning", "meal"}, {"morning", "meal"}, set(), set(), {}),
        # Any of: the whole day still serves the meal when the morning goes.
        (ANY_OF, {"morning", "day", "meal"}, {"morning"}, set(), set(), {}),
        (ANY_OF, {"morning", "meal"}, {"morning"}, {"meal"}, {"meal"}, {}),
        # Both ways: each takes the other along.
        (BOTH_WAYS, {"day", "afternoon"}, {"day"}, {"afternoon"}, {"afternoon"}, {}),
        (BOTH_WAYS, {"day", "afternoon"}, {"afternoon"}, set(), set(), {"day": frozenset({"afternoon"})}),
        # A link broken before (added since) is none of the decision's doing.
        (ONE_WAY, {"meal"}, {"meal"}, set(), set(), {}),
        (
            {"meal": frozenset({"morning"}), "snack": frozenset({"meal"})},
            {"snack", "meal"},
            {"morning"},
            set(),
            set(),
            {},
        ),
        # A chain: the morning takes the meal, the meal the snack.
        (
            {"meal": frozenset({"morning"}), "snack": frozenset({"meal"})},
            {"morning", "meal", "snack"},
            {"morning"},
            {"meal", "snack"},
            {"meal", "snack"},
            {},
        ),
    ],
)
def test_what_a_staff_decision_carries_along_or_leaves_alone(
    requires, active, leaving, followers, carried, stranded
):
    assert carried_along(requires, active, leaving, followers) == (carried, stranded)


def test_the_staff_refusal_names_both_sides():
    assert staff_link_message("GARDERIE MATIN", ["REPAS"], cancel=False) == (
        "Impossible de refuser « GARDERIE MATIN » seule : « REPAS » la demande ce jour-là. "
        "Traitez-les ensemble, ou annulez d'abord « REPAS »."
    )
