"""The password policy (``portail.rules.passwords``), as a table."""

from __future__ import annotations

import pytest

from portail.rules.passwords import MAX_LENGTH, MIN_LENGTH, check_password


@pytest.mark.parametrize(
    ("password", "email", "names", "code"),
    [
        # Long, unexpected passphrases pass.
        ("Cheval-Agrafe-Pile-42", "", (), None),
        ("correct horse battery staple", "julie@example.org", ("Julie", "DURAND"), None),
        ("Émeraude-Tournesol-Kayak", "", (), None),
        ("x7#Qp!2vLz", "", (), None),  # exactly MIN_LENGTH and random
        # Length bounds.
        ("", "", (), "PASSWORD_TOO_SHORT"),
        ("Ab3$efgh9", "", (), "PASSWORD_TOO_SHORT"),  # MIN_LENGTH - 1
        ("a" * (MAX_LENGTH + 1), "", (), "PASSWORD_TOO_LONG"),
        # The e-mail address, whole or its local part (4 characters or more), in any case.
        ("julie.durand@example.org!", "julie.durand@example.org", (), "PASSWORD_CONTAINS_EMAIL"),
        ("Xx-JULIE.DURAND-2026-zz", "julie.durand@example.org", (), "PASSWORD_CONTAINS_EMAIL"),
        ("Tournesol-abc-Kayak-77", " ABC@example.org ", (), None),  # local part shorter than 4
        # Common or guessable passwords.
        ("password123", "", (), "PASSWORD_TOO_COMMON"),
        ("azertyuiop", "", (), "PASSWORD_TOO_COMMON"),
        ("1234567890", "", (), "PASSWORD_TOO_COMMON"),
        ("motdepasse1", "", (), "PASSWORD_TOO_COMMON"),
        # The owner's names make a password guessable.
        ("Durandjulie1", "", ("Julie", "Durandjulie"), "PASSWORD_TOO_COMMON"),
    ],
)
def test_check_password(password: str, email: str, names: tuple[str, ...], code: str | None) -> None:
    problem = check_password(password, email=email, names=names)
    assert (problem.code if problem else None) == code


def test_length_bounds_are_inclusive() -> None:
    strong = "Kq9!vT2#mZ"
    assert len(strong) == MIN_LENGTH
    assert check_password(strong) is None
    assert check_password(strong[:-1]).code == "PASSWORD_TOO_SHORT"  # type: ignore[union-attr]
    long_enough = ("Tournesol-Kayak-Émeraude-" * 10)[:MAX_LENGTH]
    assert check_password(long_enough) is None
    assert check_password(long_enough + "x").code == "PASSWORD_TOO_LONG"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("court", f"Le mot de passe doit contenir au moins {MIN_LENGTH} caractères."),
        ("a" * 200, f"Le mot de passe ne doit pas dépasser {MAX_LENGTH} caractères."),
        ("parent.martin-Kayak", "Le mot de passe ne doit pas contenir votre adresse e-mail."),
    ],
)
def test_messages_are_french_and_ready_to_show(password: str, message: str) -> None:
    problem = check_password(password, email="parent.martin@famille.test")
    assert problem is not None
    assert problem.message == message


def test_names_are_only_hints() -> None:
    # Empty names are ignored rather than matching everything.
    assert check_password("Cheval-Agrafe-Pile-42", names=("", "")) is None
