"""The record-field rules: defaults, the town's overrides, completeness and certification."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from portail.rules import fields as F
from portail.rules.postcodes import is_french_postcode


def test_every_section_of_the_screens_has_fields():
    for section in ("ADDRESS", "COMPLEMENTARY"):
        assert F.fields_of("household", section)
    assert F.fields_of("guardian", "GUARDIAN")
    for section in ("IDENTITY", "SCHOOLING", "MEALS", "HEALTH"):
        assert F.fields_of("child", section)
    assert F.fields_of("contact")


def test_address_and_quotient_are_checked_by_default():
    checked = {s.name for s in F.CATALOGUE.values() if s.needs_review}
    assert {"number", "street", "postcode", "city", "familyQuotient", "quotientFrom"} <= checked
    assert "mobilePhone" not in checked


@pytest.mark.parametrize(
    ("overrides", "values", "missing"),
    [
        ({}, {"civility": "Mme", "firstName": "Lola", "lastName": "T", "mobilePhone": "+336"}, []),
        ({}, {"civility": "", "firstName": "Lola", "lastName": "T", "mobilePhone": ""}, ["civility", "mobilePhone"]),
        ({("guardian", "mobilePhone"): F.Rule(F.EDITABLE, False)},
         {"civility": "Mme", "firstName": "Lola", "lastName": "T", "mobilePhone": ""}, []),
        ({("guardian", "employer"): F.Rule(F.REQUIRED, False)},
         {"civility": "Mme", "firstName": "Lola", "lastName": "T", "mobilePhone": "+336", "employer": None},
         ["employer"]),
    ],
)
def test_missing_fields_follow_the_towns_rules(overrides, values, missing):
    assert F.missing_fields("guardian", "GUARDIAN", values, overrides) == missing


@pytest.mark.parametrize(
    ("missing", "pending", "state"),
    [([], [], F.COMPLETE), (["city"], [], F.TO_COMPLETE), ([], ["city"], F.AWAITING_REVIEW),
     (["street"], ["city"], F.TO_COMPLETE)],
)
def test_section_state(missing, pending, state):
    assert F.section_state(missing, pending) == state


def test_certification_holds_for_the_towns_months():
    certified = datetime(2026, 1, 15, tzinfo=UTC)
    expiry = F.certification_expiry(certified, 12)
    assert expiry is not None and abs(expiry - datetime(2027, 1, 15, tzinfo=UTC)) < timedelta(days=1)
    assert F.needs_confirmation(None, 12, certified)
    assert not F.needs_confirmation(certified, 12, expiry - timedelta(minutes=1))
    assert F.needs_confirmation(certified, 12, expiry)


@pytest.mark.parametrize(
    ("postcode", "valid"),
    [("56860", True), ("60200", True), ("20000", True), ("97400", True), ("98800", True), ("00100", False),
     ("96000", False), ("5686", False), ("568600", False), ("ABCDE", False), ("56 860", False), ("", False)],
)
def test_french_postcodes(postcode, valid):
    assert is_french_postcode(postcode) is valid


def test_age_on_a_day():
    assert F.age_on(date(2016, 9, 3), date(2026, 9, 2)) == 9
    assert F.age_on(date(2016, 9, 3), date(2026, 9, 3)) == 10
