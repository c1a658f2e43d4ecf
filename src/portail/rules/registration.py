"""Families registering themselves: when an ALTCHA challenge expires, and which households the town
already knows look like the family that registered (for staff to merge it there rather than keep it twice).
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

# The ALTCHA widget's challenge format (its version 1): a SHA-256 hash of the salt and a secret number.
ALTCHA_ALGORITHM: Literal["SHA-256"] = "SHA-256"
# What a solution payload may weigh (base64 JSON of five short fields): anything longer is not one.
MAX_ALTCHA_PAYLOAD = 2000
MAX_CHILDREN = 10


def challenge_expiry(salt: str) -> datetime | None:
    """When the challenge whose salt is ``salt`` expires (its ``expires`` parameter, Unix seconds), or
    None when the salt carries no single well-formed one (such a challenge is refused)."""
    _, _, query = salt.partition("?")
    values = urllib.parse.parse_qs(query).get("expires", [])
    if len(values) != 1 or not re.fullmatch(r"[0-9]{1,12}", values[0]):
        return None
    return datetime.fromtimestamp(int(values[0]), UTC)


def name_key(name: str) -> str:
    """A name as look-alikes compare it: case, accents, hyphens and repeated spaces aside
    ("Le Goff-Hélias" and "LE GOFF HELIAS" are one name)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())


def stored_name_variants(name: str) -> set[str]:
    """What SQL's ``lower()`` may make of a stored spelling of ``name``, to find candidates in SQL
    (SQLite, and PostgreSQL in the C locale, lower ASCII letters only): the names typed lowered, and
    the same with only the ASCII letters lowered from their typed, upper and title cases. Accents are
    compared in Python afterwards (``name_key``), among those candidates."""
    typed = " ".join(name.split())

    def ascii_lower(text: str) -> str:
        return "".join(c.lower() if c.isascii() else c for c in text)

    return {v for v in (typed.lower(), *(ascii_lower(t) for t in (typed, typed.upper(), typed.title()))) if v}


@dataclass(frozen=True)
class FamilyTraits:
    """What look-alikes compare of a household: its name, its guardians' last names, its children's
    birth dates (those known)."""

    household_name: str
    last_names: frozenset[str]
    birth_dates: frozenset[date]

    @classmethod
    def of(
        cls, household_name: str, last_names: Iterable[str], birth_dates: Iterable[date | None]
    ) -> FamilyTraits:
        return cls(
            household_name=name_key(household_name),
            last_names=frozenset(k for k in (name_key(n) for n in last_names) if k),
            birth_dates=frozenset(d for d in birth_dates if d is not None),
        )

    @property
    def names(self) -> frozenset[str]:
        return frozenset({self.household_name, *self.last_names} - {""})


def looks_alike(registered: FamilyTraits, known: FamilyTraits) -> bool:
    """Whether a household the town knows (``known``) may be the family that registered itself.

    Kept simple, for staff to check by eye rather than to decide alone:

    - a name in common: the household's name or a guardian's last name, on either side (compared
      with ``name_key``: case, accents and hyphens aside); and
    - when the family gave its children's birth dates (at registration or since), a child of the
      known household born on one of those days (a namesake with other children is another family).
    """
    if not registered.names & known.names:
        return False
    if registered.birth_dates:
        return bool(registered.birth_dates & known.birth_dates)
    return True


def same_person(first_a: str, last_a: str, first_b: str, last_b: str) -> bool:
    """Whether two guardians' names are one person's (``name_key`` on each)."""
    return name_key(first_a) == name_key(first_b) != "" and name_key(last_a) == name_key(last_b) != ""


def same_child(first_a: str, born_a: date | None, first_b: str, born_b: date | None) -> bool:
    """Whether two children are one: the same first name and the same (known) birth date."""
    return born_a is not None and born_a == born_b and name_key(first_a) == name_key(first_b) != ""
