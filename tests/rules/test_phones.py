"""Phones are kept in E.164 and shown the French way: national for French numbers, international else."""

from __future__ import annotations

import pytest

from portail.rules.phones import display_phone, normalise_phone


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+33297000001", "02 97 00 00 01"),
        ("+33612345678", "06 12 34 56 78"),
        ("+262692123456", "0692 12 34 56"),  # La Réunion shares the French plan
        ("+442079460958", "+44 20 7946 0958"),
        ("+32470123456", "+32 470 12 34 56"),
        ("", ""),
        ("pas un numéro", "pas un numéro"),  # an old free-text value is shown as typed
    ],
)
def test_a_number_is_shown_as_a_french_reader_expects_it(stored: str, shown: str) -> None:
    assert display_phone(stored) == shown


def test_what_is_kept_is_shown_back_as_typed_the_french_way() -> None:
    kept = normalise_phone("02.97.00.00.01")
    assert kept == "+33297000001"
    assert display_phone(kept) == "02 97 00 00 01"
