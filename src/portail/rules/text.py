"""What text the portal accepts from a client, and its one normal form.

Two levels. Every string of a request must be text that any column can hold
(``request_text_problem``): valid Unicode (a lone UTF-16 surrogate has no UTF-8 form, so it can be
neither stored nor mailed) without NUL (which PostgreSQL refuses in any text, identifiers and
codes included). No keyboard types either, so the HTTP layer and the GraphQL validation refuse the
whole request. A text field also refuses the other control characters (invisible), and a
single-line field line breaks and tabs too: those come back as the field's error
(``text_problem``, ``single_line_problem``, used by the use cases' ``Validator.text``).
Text is stored in Unicode's composed form (NFC), so that "é" typed on two keyboards is one value,
in searches as in uniqueness checks.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab, line feed and carriage return; DEL and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK_OR_TAB = re.compile(r"[\t\n\r]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def request_text_problem(value: str) -> str | None:
    """Why ``value`` cannot travel in a request at all (French, names the character), or None."""
    bad = _SURROGATE.search(value)
    if bad is not None:
        return f"texte Unicode mal formé (U+{ord(bad.group()):04X} isolé)"
    if "\x00" in value:
        return "caractère nul (U+0000) non autorisé"
    return None


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be a text field's value (French, names the character), or None."""
    problem = request_text_problem(value)
    if problem is not None:
        return problem
    bad = _CONTROL.search(value)
    if bad is not None:
        return f"caractère de contrôle U+{ord(bad.group()):04X} non autorisé"
    return None


def single_line_problem(value: str) -> str | None:
    """Why ``value`` cannot be a one-line text (a name, a label), or None."""
    problem = text_problem(value)
    if problem is None and _LINE_BREAK_OR_TAB.search(value):
        return "retour à la ligne ou tabulation non autorisé"
    return problem


def normalise_text(value: str, *, multiline: bool = False) -> str:
    """``value`` in NFC, without surrounding spaces; line breaks as ``\\n`` in a multi-line text."""
    value = unicodedata.normalize("NFC", value).strip()
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value
