"""French that reads right in the messages and mails that name a child: "l'inscription d'Emma-Rose"
(elision of "de" before a vowel sound), "Emma-Rose est inscrite" (agreement with the child's sex).

Elision: before a vowel (accented ones included) and before "h", which is taken as mute: the first
names families give (Hugo, Hélène, Henri, Hector, Hannah, Hugues…) are all written "d'Hugo" in
everyday French, and an aspirated-h first name is rare enough that "d'" is the lesser mistake. A "Y"
sounds a vowel before a consonant ("d'Yves", "d'Ylan") and a consonant before a vowel ("de Yann",
"de Yasmine").
"""

from __future__ import annotations

import unicodedata

_VOWELS = frozenset("aeiouœæ")
FEMININE, MASCULINE = "F", "M"


def _base(letter: str) -> str:
    """The letter without its accent, in lower case ("É" → "e")."""
    return unicodedata.normalize("NFD", letter)[0].lower()


def elides(word: str) -> bool:
    """Whether "de", "le", "que"… lose their "e" before ``word``."""
    letters = [_base(c) for c in word.strip()[:2]]
    if not letters:
        return False
    first = letters[0]
    if first in _VOWELS or first == "h":
        return True
    if first == "y":
        return len(letters) > 1 and letters[1].isalpha() and letters[1] not in _VOWELS
    return False


def de(name: str) -> str:
    """ "de <name>", elided where French elides: ``de("Emma-Rose")`` → "d'Emma-Rose",
    ``de("Paul")`` → "de Paul"."""
    name = name.strip()
    return f"d'{name}" if elides(name) else f"de {name}"


def agreed(word: str, sex: str) -> str:
    """A past participle or adjective agreed with a person of ``sex`` ("F", "M"; "" when unknown):
    ``agreed("inscrit", "F")`` → "inscrite", unknown → "inscrit(e)"."""
    if sex == FEMININE:
        return f"{word}e"
    if sex == MASCULINE:
        return word
    return f"{word}(e)"


def inscrit(sex: str) -> str:
    """ "inscrit", "inscrite" or, the child's sex unknown, "inscrit(e)"."""
    return agreed("inscrit", sex)


_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def french_month(month: str) -> str:
    """An invoiced month as a French reader says it: "2027-01" → "janvier 2027"; anything else (a
    month already in words) as it is."""
    year, _, number = month.partition("-")
    if not (year.isdigit() and number.isdigit() and 1 <= int(number) <= 12):
        return month
    return f"{_MONTHS[int(number) - 1]} {year}"
