"""Password policy: long enough, not the e-mail or the names, not a common password."""

from __future__ import annotations

from dataclasses import dataclass

from zxcvbn import zxcvbn

MIN_LENGTH = 10
# argon2 would accept more, but a cap keeps the strength estimator (and hashing) cheap.
MAX_LENGTH = 128
# zxcvbn's score: 0 too guessable … 4 very unguessable; 3 resists an offline attack on a leak.
MIN_SCORE = 3


@dataclass(frozen=True)
class PasswordProblem:
    """Why a password is refused: an error code and its French message."""

    code: str
    message: str


def check_password(password: str, *, email: str = "", names: tuple[str, ...] = ()) -> PasswordProblem | None:
    """The first problem with ``password``, or None when the policy accepts it."""
    if len(password) < MIN_LENGTH:
        return PasswordProblem(
            "PASSWORD_TOO_SHORT",
            f"Le mot de passe doit contenir au moins {MIN_LENGTH} caractères.",
        )
    if len(password) > MAX_LENGTH:
        return PasswordProblem(
            "PASSWORD_TOO_LONG",
            f"Le mot de passe ne doit pas dépasser {MAX_LENGTH} caractères.",
        )
    lowered = password.casefold()
    email = email.casefold().strip()
    local_part = email.split("@", 1)[0]
    if email and (email in lowered or (len(local_part) >= 5 and local_part in lowered)):
        return PasswordProblem(
            "PASSWORD_CONTAINS_EMAIL",
            "Le mot de passe ne doit pas contenir votre adresse e-mail.",
        )
    user_inputs = [email, local_part, *(n for n in names if n)]
    # zxcvbn refuses passwords over 72 characters unless told the cap: ours is MAX_LENGTH.
    if zxcvbn(password, user_inputs=user_inputs, max_length=MAX_LENGTH)["score"] < MIN_SCORE:
        return PasswordProblem(
            "PASSWORD_TOO_COMMON",
            "Ce mot de passe est trop courant ou trop facile à deviner : "
            "allongez-le ou mélangez plusieurs mots inattendus.",
        )
    return None
