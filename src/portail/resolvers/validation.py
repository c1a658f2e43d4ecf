"""Checks of client input that collect every problem before refusing."""

from __future__ import annotations

from datetime import date

from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.rules.emails import MAX_LENGTH as EMAIL_MAX
from portail.rules.emails import is_valid_email, normalise_email
from portail.rules.phones import normalise_phone
from portail.rules.text import normalise_text, single_line_problem, text_problem


class Validator:
    """Collects field errors; ``raise_if_any`` refuses the whole input at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str | None, code: ErrorCode, message: str) -> None:
        self.errors.append(FieldError(field, code, message))

    def has_error(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise UserErrors(self.errors)

    def text(
        self, field: str, value: str, *, max_length: int, required: bool = False, multiline: bool = False
    ) -> str:
        """``value`` normalised (``rules/text.py``); an error when it holds a character the field
        refuses (line breaks only in a ``multiline`` text), is too long, or is required and empty."""
        cleaned = normalise_text(value, multiline=multiline)
        problem = text_problem(cleaned) if multiline else single_line_problem(cleaned)
        if problem is not None:
            self.add(field, ErrorCode.INVALID, f"Ce champ contient un caractère non autorisé : {problem}.")
        elif len(cleaned) > max_length:
            self.add(field, ErrorCode.TOO_LONG, f"Ce champ ne doit pas dépasser {max_length} caractères.")
        elif required and not cleaned:
            self.add(field, ErrorCode.REQUIRED, "Ce champ est obligatoire.")
        return cleaned

    def reason(
        self,
        value: str | None,
        *,
        refused: bool,
        max_length: int = 500,
        message: str = "Indiquez le motif du refus : la famille le lira.",
    ) -> str:
        """The reason of a staff decision, normalised; a refusal needs one (the family reads it)."""
        cleaned = self.text("reason", value or "", max_length=max_length)
        if refused and not cleaned and not self.has_error("reason"):
            self.add("reason", ErrorCode.REASON_REQUIRED, message)
        return cleaned

    def email(self, field: str, value: str) -> str:
        """``value`` normalised; an error when it is not an address."""
        address = normalise_email(value)
        if not address:
            self.add(field, ErrorCode.REQUIRED, "L'adresse e-mail est obligatoire.")
        elif len(address) > EMAIL_MAX:
            self.add(
                field, ErrorCode.TOO_LONG, f"L'adresse e-mail ne doit pas dépasser {EMAIL_MAX} caractères."
            )
        elif not is_valid_email(address):
            self.add(
                field,
                ErrorCode.INVALID_EMAIL,
                "L'adresse e-mail n'est pas valide (exemple : nom@domaine.fr).",
            )
        return address

    def phone(self, field: str, value: str) -> str:
        """``value`` in E.164, or empty when empty; an error when it is not a number."""
        cleaned = value.strip()
        if not cleaned:
            return ""
        normalised = normalise_phone(cleaned)
        if normalised is None:
            self.add(
                field,
                ErrorCode.INVALID_PHONE,
                "Le numéro de téléphone n'est pas valide (exemple : 06 12 34 56 78).",
            )
            return ""
        return normalised

    def past_date(self, field: str, value: date | None, today: date) -> date | None:
        if value is not None and value > today:
            self.add(field, ErrorCode.DATE_IN_FUTURE, "La date ne peut pas être dans le futur.")
        return value

    def choice(self, field: str, value: str, choices: tuple[str, ...]) -> str:
        if value and value not in choices:
            self.add(
                field,
                ErrorCode.INVALID,
                "Valeur non autorisée : choisissez parmi " + ", ".join(choices) + ".",
            )
        return value
