"""When a period's bookings open, close or freeze, and for whom ("les réservations de l'été ouvrent le
1er mai à 9h00 pour les habitants, une semaine plus tard pour les extérieurs").

A period may open at one moment for everyone (``opens_at``), or at its own moment for each group of
households (``openings``): the town's residents, the others, or a category staff give a household
("AGENTS", "QUARTIER_PRIORITAIRE"…). A household in several groups gets the earliest of their openings.
With ``groups_only``, a household in none of the listed groups cannot book the period at all. From
``closes_at`` new bookings stop, from ``read_only_from`` the period is only shown: in both cases nothing
of it changes any more (no booking, no cancellation). Every moment is an aware datetime; what the family
reads is said in the town's time (Europe/Paris).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from portail.rules.validity import TOWN_ZONE

# The two groups every household belongs to one of, by its address (``is_resident``).
RESIDENTS = "RESIDENTS"
NON_RESIDENTS = "NON_RESIDENTS"
RESIDENCE_GROUPS = (RESIDENTS, NON_RESIDENTS)

_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


class WindowState(StrEnum):
    """Where a period stands for one household at one moment."""

    NOT_OPEN_YET = "NOT_OPEN_YET"
    OPEN = "OPEN"
    CLOSED = "CLOSED"
    READ_ONLY = "READ_ONLY"
    NOT_FOR_HOUSEHOLD = "NOT_FOR_HOUSEHOLD"


@dataclass(frozen=True)
class Opening:
    """When bookings open for one group of households."""

    group: str
    opens_at: datetime


@dataclass(frozen=True)
class WindowSettings:
    """A period's booking window as staff set it (every field empty: always open, as before)."""

    opens_at: datetime | None = None
    openings: tuple[Opening, ...] = ()
    groups_only: bool = False
    closes_at: datetime | None = None
    read_only_from: datetime | None = None


@dataclass(frozen=True)
class WindowStatus:
    """What the household may do in the period now, and why not (French, naming the moment)."""

    state: WindowState
    # When bookings open (or opened) for this household; None: no opening moment (always open, or not
    # for this household).
    opens_at: datetime | None
    message: str = ""

    @property
    def books(self) -> bool:
        """New bookings are taken."""
        return self.state is WindowState.OPEN

    @property
    def cancels(self) -> bool:
        """Cancellations go on following the units' deadlines: everywhere but a closed or frozen period
        (a day staff booked for a household the period is not for stays the family's to cancel)."""
        return self.state not in (WindowState.CLOSED, WindowState.READ_ONLY)


def is_resident(
    postcode: str,
    town_postcodes: Iterable[str],
    *,
    insee_code: str | None = None,
    town_insee_codes: Iterable[str] = (),
) -> bool:
    """Whether an address lies in the town.

    When the address carries its commune's INSEE code and the town lists its INSEE codes, the INSEE code
    decides: a postcode is the post office's delivery area, and neighbouring communes often share one,
    whereas the INSEE code ("code officiel géographique") names exactly one commune: a neighbour sharing
    the town's postcode is not resident. Otherwise (no INSEE code on the address, or none listed by the
    town) the postcode decides, as it did before INSEE codes were asked: households that never gave
    theirs keep their standing. Spaces and case do not count ("2a004" is "2A004")."""
    town_codes = {_code(c) for c in town_insee_codes} - {""}
    code = _code(insee_code or "")
    if code and town_codes:
        return code in town_codes
    mine = _code(postcode)
    return bool(mine) and mine in {_code(c) for c in town_postcodes}


def _code(value: str) -> str:
    return value.replace(" ", "").upper()


def household_groups(resident: bool, category: str) -> frozenset[str]:
    """The groups a household belongs to: its residence group, and its category when staff set one."""
    groups = {RESIDENTS if resident else NON_RESIDENTS}
    if category:
        groups.add(category)
    return frozenset(groups)


def opens_at_for(settings: WindowSettings, groups: frozenset[str]) -> tuple[bool, datetime | None]:
    """(whether the period is for a household of ``groups``, when it opens for it: None, always)."""
    mine = [o.opens_at for o in settings.openings if o.group in groups]
    if mine:
        return True, min(mine)
    if settings.groups_only:
        return False, None
    return True, settings.opens_at


def window_status(settings: WindowSettings, groups: frozenset[str], now: datetime) -> WindowStatus:
    """Where the period stands for a household of ``groups`` at ``now`` (aware)."""
    for_household, opens_at = opens_at_for(settings, groups)
    if settings.read_only_from is not None and now >= settings.read_only_from:
        return WindowStatus(
            WindowState.READ_ONLY,
            opens_at,
            f"La période est en consultation seule depuis le {french_moment(settings.read_only_from)} : "
            "elle ne peut plus être modifiée.",
        )
    if settings.closes_at is not None and now >= settings.closes_at:
        return WindowStatus(
            WindowState.CLOSED,
            opens_at,
            f"Les réservations de cette période sont closes depuis le {french_moment(settings.closes_at)}.",
        )
    if not for_household:
        return WindowStatus(
            WindowState.NOT_FOR_HOUSEHOLD,
            None,
            "Cette période est réservée à d'autres familles (habitants de la commune ou catégories "
            "choisies par le service) : contactez le service enfance.",
        )
    if opens_at is not None and now < opens_at:
        return WindowStatus(
            WindowState.NOT_OPEN_YET, opens_at, f"Les réservations ouvrent le {french_moment(opens_at)}."
        )
    return WindowStatus(WindowState.OPEN, opens_at)


def french_moment(moment: datetime) -> str:
    """A moment as a French notice says it, in the town's time: "samedi 1 mai 2027 à 9h00"."""
    local = moment.astimezone(TOWN_ZONE)
    day = "1er" if local.day == 1 else str(local.day)
    return (
        f"{_WEEKDAYS[local.weekday()]} {day} {_MONTHS[local.month - 1]} {local.year} "
        f"à {local.hour}h{local.minute:02d}"
    )
