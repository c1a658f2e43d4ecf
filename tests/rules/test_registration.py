"""Self-registration's pure rules: when an ALTCHA challenge expires, and which known households look like
the family that registered."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from portail.rules.registration import (
    FamilyTraits,
    challenge_expiry,
    looks_alike,
    name_key,
    same_child,
    same_person,
    stored_name_variants,
)

PAUL = date(2014, 5, 12)
EMMA = date(2016, 9, 3)


@pytest.mark.parametrize(("salt", "expected"), [
    ("5d1c0a?expires=1796170288&", datetime(2026, 12, 2, 0, 11, 28, tzinfo=UTC)),
    ("5d1c0a?foo=bar&expires=1796170288&", datetime(2026, 12, 2, 0, 11, 28, tzinfo=UTC)),
    ("5d1c0a", None),  # no expiry: refused, ours always carry one
    ("5d1c0a?expires=&", None),
    ("5d1c0a?expires=soon&", None),
    ("5d1c0a?expires=²&", None),  # a digit for str.isdigit, not for int()
    ("5d1c0a?expires=1&expires=1796170288&", None),  # two expiries: which would the signature mean?
    ("5d1c0a?expires=9999999999999999&", None),
])
def test_a_challenge_expires_when_its_salt_says_once(salt, expected):
    assert challenge_expiry(salt) == expected


def test_names_compare_case_accents_hyphens_and_spaces_aside():
    assert name_key("Le Goff-Hélias") == name_key("  LE GOFF  HELIAS ") == "le goff helias"
    assert name_key("Durand") != name_key("Durant")
    # SQL's lower() of a stored spelling: what the candidates are searched by.
    assert {"durand", "hélène durand", "hÉlÈne durand"} <= stored_name_variants("Durand") | stored_name_variants(
        "Hélène Durand")


def traits(name: str, *last_names: str, born: tuple[date | None, ...] = ()) -> FamilyTraits:
    return FamilyTraits.of(name, last_names, born)


@pytest.mark.parametrize(("registered", "known", "alike"), [
    # A name in common, on either side, and no birth date given: alike.
    (traits("Durand", "Durand"), traits("DURAND", "DURAND"), True),
    (traits("Durand-Martin", "Durand"), traits("MARTIN", "Martin", "DURAND"), True),
    (traits("Test", "Test"), traits("DURAND", "Durand"), False),
    # Birth dates given: a child born on one of those days as well.
    (traits("Test", "Test", born=(PAUL,)), traits("TEST", "TEST", born=(EMMA, PAUL)), True),
    (traits("Test", "Test", born=(PAUL,)), traits("TEST", "TEST", born=(EMMA,)), False),
    (traits("Test", "Test", born=(PAUL,)), traits("TEST", "TEST"), False),
    (traits("Test", "Test", born=(None,)), traits("TEST", "TEST", born=(EMMA,)), True),
])
def test_a_known_household_looks_alike_by_name_and_children_birth_dates(registered, known, alike):
    assert looks_alike(registered, known) is alike


def test_the_same_guardian_and_the_same_child():
    assert same_person("Marc", "Durand", "MARC", "DURAND")
    assert not same_person("Marc", "Durand", "Julie", "DURAND")
    assert not same_person("", "", "", "")
    assert same_child("Lucas", date(2018, 3, 4), "LUCAS", date(2018, 3, 4))
    assert not same_child("Lucas", date(2018, 3, 4), "Lucas", date(2018, 3, 5))
    assert not same_child("Lucas", None, "Lucas", None)
