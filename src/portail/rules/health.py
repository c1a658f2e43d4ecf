"""The health form's rules: the town's lists, and whether a child's vaccinations are up to date.

"Up to date" for a vaccine an activity requires: the child has at least one injection of it recorded,
and when the town gives the vaccine a validity (years an injection holds, e.g. a DTP booster every 5
years at the ages of holiday centres), the latest injection still holds on the period's first day.
Without a validity, one injection recorded is enough.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

ILLNESS, DIET, VACCINE = "ILLNESS", "DIET", "VACCINE"
KINDS = (ILLNESS, DIET, VACCINE)
MISSING, EXPIRED = "missing", "expired"
MAX_VALIDITY_YEARS = 50
_CODE = re.compile(r"^[A-Z0-9_]{1,30}$")


def normalise_code(text: str) -> str:
    """A list entry's code as the town types it, made stable: "hépatite b" → "HEPATITE_B"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", "_", plain.upper()).strip("_")


def is_code(code: str) -> bool:
    return bool(_CODE.match(code))


def name_key(text: str) -> str:
    """How a vaccine's name is compared with the list: case, accents and spaces aside."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.split()).casefold()


def add_years(day: date, years: int) -> date:
    """``day`` ``years`` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def valid_until(injections: Iterable[date], validity_years: int | None) -> date | None:
    """The last day the child's injections hold (None: no end, or no injection: see ``up_to_date``)."""
    days = list(injections)
    if not days or validity_years is None:
        return None
    return add_years(max(days), validity_years)


def up_to_date(injections: Iterable[date], validity_years: int | None, on: date) -> bool:
    days = [d for d in injections if d <= on]
    if not days:
        return False
    until = valid_until(days, validity_years)
    return until is None or on < until


@dataclass(frozen=True)
class Vaccine:
    """A vaccine of the town's list, as the rules need it."""

    code: str
    label: str
    validity_years: int | None = None


@dataclass(frozen=True)
class MissingVaccine:
    """A required vaccine the child lacks (``MISSING``) or whose last injection no longer holds."""

    code: str
    label: str
    reason: str
    expired_on: date | None = None


def missing_vaccines(
    required: Sequence[str],
    vaccines: Mapping[str, Vaccine],
    injections: Mapping[str, Sequence[date]],
    on: date,
) -> list[MissingVaccine]:
    """The vaccines of ``required`` (codes) the child is not up to date with on ``on``; ``injections``
    are the child's recorded dates by vaccine code. A code no longer on the list asks nothing."""
    found = []
    for code in required:
        vaccine = vaccines.get(code)
        if vaccine is None:
            continue
        days = [d for d in injections.get(code, ()) if d <= on]
        if not days:
            found.append(MissingVaccine(code, vaccine.label, MISSING))
        elif not up_to_date(days, vaccine.validity_years, on):
            found.append(
                MissingVaccine(code, vaccine.label, EXPIRED, valid_until(days, vaccine.validity_years))
            )
    return found


def illness_year_error(year: int | None, birth_year: int | None, this_year: int) -> str | None:
    """Why ``year`` cannot be the year a child had an illness, or None when it can (or is not given)."""
    if year is None:
        return None
    if year > this_year:
        return "L'année est dans le futur."
    if birth_year is not None and year < birth_year:
        return "L'année est antérieure à la naissance de l'enfant."
    if year < 1900:
        return "Année invalide."
    return None


# The official form's lists, as a new town starts with them (the demo loads them; migration 0021 keeps
# its own copy, as migrations do: revision 0021). Codes of the diets are those of the canteen's single diet.
DEFAULT_LISTS: dict[str, tuple[tuple[str, str], ...]] = {
    ILLNESS: (
        ("RUBEOLE", "Rubéole"),
        ("VARICELLE", "Varicelle"),
        ("ANGINE", "Angine"),
        ("RHUMATISME", "Rhumatisme articulaire aigu"),
        ("SCARLATINE", "Scarlatine"),
        ("COQUELUCHE", "Coqueluche"),
        ("OTITE", "Otite"),
        ("ROUGEOLE", "Rougeole"),
        ("OREILLONS", "Oreillons"),
    ),
    DIET: (
        ("NO_PORK", "Sans porc"),
        ("VEGETARIAN", "Végétarien"),
        ("NO_MEAT", "Sans viande"),
        ("NO_GLUTEN", "Sans gluten"),
    ),
    VACCINE: (
        ("DTP", "DTP (diphtérie, tétanos, poliomyélite)"),
        ("COQUELUCHE", "Coqueluche"),
        ("HIB", "Haemophilus influenzae b"),
        ("HEPATITE_B", "Hépatite B"),
        ("PNEUMOCOQUE", "Pneumocoque"),
        ("MENINGOCOQUE_C", "Méningocoque C"),
        ("ROR", "ROR (rougeole, oreillons, rubéole)"),
        ("BCG", "BCG"),
    ),
}
