"""The French of messages: "de" elided before a vowel sound, "inscrit" agreed with the child's sex."""

from __future__ import annotations

import pytest

from portail.rules.french import agreed, de, elides, inscrit


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Emma-Rose", "d'Emma-Rose"),
        ("Paul", "de Paul"),
        ("Inès", "d'Inès"),
        ("Éloïse", "d'Éloïse"),
        ("Œdipe", "d'Œdipe"),
        ("Àlex", "d'Àlex"),
        ("Ugo", "d'Ugo"),
        ("Oscar", "d'Oscar"),
        ("amélie", "d'amélie"),
        # h taken as mute: the common h first names are elided.
        ("Hugo", "d'Hugo"),
        ("Hélène", "d'Hélène"),
        ("Henri", "d'Henri"),
        ("Hector", "d'Hector"),
        ("Hannah", "d'Hannah"),
        # y: a vowel before a consonant, a consonant before a vowel.
        ("Yves", "d'Yves"),
        ("Ylan", "d'Ylan"),
        ("Yann", "de Yann"),
        ("Yasmine", "de Yasmine"),
        ("Y", "de Y"),
        ("Zoé", "de Zoé"),
        ("  Emma ", "d'Emma"),
        ("Jean-Emmanuel", "de Jean-Emmanuel"),
    ],
)
def test_de_elides_before_a_vowel_sound(name: str, expected: str) -> None:
    assert de(name) == expected


def test_nothing_elides_before_nothing() -> None:
    assert not elides("")
    assert not elides("   ")
    assert de("") == "de "


@pytest.mark.parametrize(("sex", "expected"), [("F", "inscrite"), ("M", "inscrit"), ("", "inscrit(e)")])
def test_inscrit_agrees_with_the_sex_when_known(sex: str, expected: str) -> None:
    assert inscrit(sex) == expected


def test_agreed_any_word() -> None:
    assert [agreed("retiré", s) for s in ("F", "M", "X")] == ["retirée", "retiré", "retiré(e)"]


def test_an_invoiced_month_reads_in_words() -> None:
    from portail.rules.french import french_month

    assert french_month("2027-01") == "janvier 2027"
    assert french_month("2026-12") == "décembre 2026"
    assert french_month("décembre 2026") == "décembre 2026"  # already in words: left as it is
    assert french_month("2026-13") == "2026-13"
