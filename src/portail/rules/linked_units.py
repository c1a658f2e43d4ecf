"""Linked units: a unit that may only be booked with another of its period on the same day ("pas de repas
sans la garderie du matin"), one way or both ways, as the town says.

A unit *requires* a set of units: it is kept only on a day where at least one of them is booked too (one
unit: that one; several: any of them, e.g. a meal with the morning or the whole day). Both ways is two
links (the meal requires the morning and the morning requires the meal).

A request changes a child's day: lines that book units, lines that cancel some. ``broken_links`` says
which of those lines must be refused so that the day, once the request is done, keeps every link:

- a booking of a unit whose required units are all missing from the day as it would be is refused;
- a cancellation of a unit that a unit staying on the day requires (and nothing else satisfies it) is
  refused: the family cancels both in one request, or neither. Refusing it rather than cancelling the
  dependent unit along with it keeps the request to what the family asked.

Refusing a line can break another (a refused booking was what a third unit required): the rule refuses
until nothing more breaks. Units already booked whose link was broken before the request (a link added
since) refuse nothing: the request did not break them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Generic, TypeVar

U = TypeVar("U", bound=Hashable)  # what names a unit (its id; a string in the tests)
L = TypeVar("L", bound=Hashable)  # what names a line of the request (its position)


@dataclass(frozen=True)
class LinkBreak(Generic[U]):
    """Why a line is refused: a booking of ``unit`` without any of ``others`` (``cancel`` False), or a
    cancellation of ``unit`` that ``others`` (staying that day) require (``cancel`` True)."""

    unit: U
    others: frozenset[U]
    cancel: bool


def parse_requires(stored: str) -> list[str]:
    """The ids a unit stores in its ``requires`` column (comma-separated), in order."""
    return [part for part in stored.split(",") if part]


def unmet(requires: Mapping[U, AbstractSet[U]], day: AbstractSet[U]) -> set[U]:
    """The units of ``day`` none of whose required units is on ``day``."""
    return {u for u in day if requires.get(u) and not (requires[u] & day)}


def broken_links(
    requires: Mapping[U, AbstractSet[U]],
    before: AbstractSet[U],
    booked: Mapping[L, U],
    cancelled: Mapping[L, U],
) -> dict[L, LinkBreak[U]]:
    """The lines of one child's day to refuse (see the module): ``before`` the units active that day
    before the request, ``booked`` and ``cancelled`` the request's lines still standing (by line)."""
    refused: dict[L, LinkBreak[U]] = {}
    while True:
        gone = {u for line, u in cancelled.items() if line not in refused}
        added = {u for line, u in booked.items() if line not in refused}
        day = (set(before) - gone) | added
        broken = unmet(requires, day)
        new: dict[L, LinkBreak[U]] = {}
        for line, u in booked.items():
            if line not in refused and u in broken:
                new[line] = LinkBreak(u, frozenset(requires[u]), cancel=False)
        # A unit staying that the request did not book: the cancellations of what it requires broke it.
        for staying in broken - added:
            for line, u in cancelled.items():
                if line not in refused and u in requires[staying]:
                    previous = new.get(line)
                    others = (previous.others if previous else frozenset()) | {staying}
                    new[line] = LinkBreak(u, others, cancel=True)
        if not new:
            return refused
        refused.update(new)


def quoted(names: Iterable[str], conjunction: str) -> str:
    """Names in French quotes, joined: « A », « B » ou « C »."""
    items = [f"« {name} »" for name in names]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def link_message(unit: str, others: Iterable[str], cancel: bool) -> str:
    """The refusal's French words, naming the units on both sides of the link."""
    if cancel:
        staying = sorted(others)
        verb = "la demandent" if len(staying) > 1 else "la demande"
        return (
            f"L'unité « {unit} » ne peut être annulée seule : {quoted(staying, 'et')} {verb} ce jour-là. "
            "Annulez-les ensemble."
        )
    return f"L'unité « {unit} » ne peut être réservée qu'avec {quoted(sorted(others), 'ou')} le même jour."


def carried_along(
    requires: Mapping[U, AbstractSet[U]],
    active: AbstractSet[U],
    leaving: AbstractSet[U],
    followers: AbstractSet[U],
) -> tuple[set[U], dict[U, frozenset[U]]]:
    """Staff, or the basket, take ``leaving`` off a child's day (``active``: the units active there
    before); which units that leaves without what they require.

    Those in ``followers`` (units that may go the same way: a booking awaiting the same decision, a day
    held in the same unpaid basket) go with them, and may take others along in turn. Returns the units
    carried along, and the units left alone that cannot be (each with the units gone that it required):
    the caller refuses the change for those. Links broken before the change are none of its doing."""
    before = unmet(requires, active)
    gone = set(leaving)
    while True:
        broken = unmet(requires, set(active) - gone) - before
        carry = broken & set(followers)
        if not carry:
            stranded = {u: frozenset(requires[u] & gone) for u in broken}
            return gone - set(leaving), stranded
        gone |= carry


def staff_link_message(unit: str, others: Iterable[str], cancel: bool) -> str:
    """Why staff may not take ``unit`` off a day alone: ``others`` (already settled) require it."""
    staying = sorted(others)
    verb = "la demandent" if len(staying) > 1 else "la demande"
    what = "accorder l'annulation de" if cancel else "refuser"
    return (
        f"Impossible de {what} « {unit} » seule : {quoted(staying, 'et')} {verb} ce jour-là. "
        f"Traitez-les ensemble, ou annulez d'abord {quoted(staying, 'et')}."
    )


def carried_message(unit: str, gone: Iterable[str]) -> str:
    """Why ``unit`` went with the units ``gone`` it required."""
    return f"« {unit} » ne va pas sans {quoted(sorted(gone), 'ou')} : elle la suit."
