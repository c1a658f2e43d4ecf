"""The health form's rules: whether a required vaccine is up to date, codes of the town's lists, the
year an illness was had. Table tests."""

from __future__ import annotations

from datetime import date

import pytest

from portail.rules.health import (
    EXPIRED,
    MISSING,
    MissingVaccine,
    Vaccine,
    add_years,
    illness_year_error,
    is_code,
    missing_vaccines,
    name_key,
    normalise_code,
    up_to_date,
    valid_until,
)

ON = date(2027, 7, 7)  # the summer holiday centre's first day


@pytest.mark.parametrize(
    ("injections", "validity", "expected"),
    [
        ([], None, False),  # nothing recorded
        ([], 5, False),
        ([date(2015, 7, 1)], None, True),  # no validity: one injection is enough
        ([date(2023, 5, 10)], 5, True),
        ([date(2022, 7, 7)], 5, False),  # holds until the day before its fifth anniversary
        ([date(2022, 7, 8)], 5, True),
        ([date(2021, 3, 4)], 5, False),  # out of date
        ([date(2021, 3, 4), date(2026, 6, 15)], 5, True),  # the booster counts
        ([date(2026, 6, 15), date(2021, 3, 4)], 5, True),  # in any order
        ([date(2027, 7, 8)], None, False),  # an injection after the day does not count for it
    ],
)
def test_up_to_date(injections, validity, expected):
    assert up_to_date(injections, validity, ON) is expected


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2021, 3, 4), 5, date(2026, 3, 4)),
        (date(2020, 2, 29), 1, date(2021, 2, 28)),  # a leap day in a common year
        (date(2020, 2, 29), 4, date(2024, 2, 29)),
    ],
)
def test_add_years(day, years, expected):
    assert add_years(day, years) == expected


def test_valid_until_is_the_latest_injection_plus_the_validity():
    assert valid_until([date(2021, 3, 4), date(2019, 1, 1)], 5) == date(2026, 3, 4)
    assert valid_until([date(2021, 3, 4)], None) is None
    assert valid_until([], 5) is None


VACCINES = {"DTP": Vaccine("DTP", "DTP", 5), "ROR": Vaccine("ROR", "ROR", None)}


@pytest.mark.parametrize(
    ("required", "injections", "expected"),
    [
        ([], {}, []),
        (["DTP"], {}, [MissingVaccine("DTP", "DTP", MISSING)]),
        (["DTP"], {"DTP": [date(2023, 1, 1)]}, []),
        (["DTP"], {"DTP": [date(2021, 3, 4)]}, [MissingVaccine("DTP", "DTP", EXPIRED, date(2026, 3, 4))]),
        (["DTP", "ROR"], {"ROR": [date(2018, 6, 1)]}, [MissingVaccine("DTP", "DTP", MISSING)]),
        (["DTP", "ROR"], {}, [MissingVaccine("DTP", "DTP", MISSING), MissingVaccine("ROR", "ROR", MISSING)]),
        (["BCG"], {}, []),  # a code no longer on the town's list asks nothing
        (["DTP"], {"DTP": [date(2027, 8, 1)]}, [MissingVaccine("DTP", "DTP", MISSING)]),  # after the day
    ],
)
def test_missing_vaccines(required, injections, expected):
    assert missing_vaccines(required, VACCINES, injections, ON) == expected


@pytest.mark.parametrize(
    ("typed", "code", "valid"),
    [
        ("DTP", "DTP", True),
        ("dtp", "DTP", True),
        ("Hépatite B", "HEPATITE_B", True),
        ("  sans   gluten ", "SANS_GLUTEN", True),
        ("Méningocoque-C", "MENINGOCOQUE_C", True),
        ("", "", False),
        ("!!!", "", False),
        ("X" * 31, "X" * 31, False),
    ],
)
def test_codes(typed, code, valid):
    assert normalise_code(typed) == code
    assert is_code(code) is valid


def test_names_compare_without_case_accents_or_spaces():
    assert name_key(" Hépatite  b ") == name_key("hepatite B")
    assert name_key("ROR") != name_key("DTP")


@pytest.mark.parametrize(
    ("year", "birth_year", "expected"),
    [
        (None, 2017, None),
        (2020, 2017, None),
        (2017, 2017, None),
        (2016, 2017, "L'année est antérieure à la naissance de l'enfant."),
        (2027, 2017, "L'année est dans le futur."),
        (2026, None, None),
        (1800, None, "Année invalide."),
    ],
)
def test_illness_year(year, birth_year, expected):
    assert illness_year_error(year, birth_year, 2026) == expected
