"""Partial updates: an input field left out stays as it is; an explicit null clears it where that means
something, and is refused on the field where it does not (a name, a date)."""

from __future__ import annotations

import dataclasses
from typing import Any

import strawberry
from strawberry.utils.str_converters import to_camel_case

from portail.resolvers.errors import ErrorCode, FieldError, UserErrors


def optional(description: str) -> Any:
    """An update input's field: left out (UNSET) means "unchanged"."""
    return strawberry.field(default=strawberry.UNSET, description=description)


def given(input: Any, nullable: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The fields ``input`` (an update input) carries; see ``given_arguments``."""
    return given_arguments({f.name: getattr(input, f.name) for f in dataclasses.fields(input)}, nullable)


def given_arguments(arguments: dict[str, Any], nullable: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The arguments given (by Python name), the left-out (UNSET) ones dropped.

    A null on a field outside ``nullable`` (Python names) cannot clear it: refused with ``REQUIRED`` on
    that field, every such field reported at once.
    """
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, value in arguments.items():
        if value is strawberry.UNSET:
            continue
        if value is None and name not in nullable:
            errors.append(
                FieldError(
                    to_camel_case(name),
                    ErrorCode.REQUIRED,
                    "Ce réglage ne peut pas être effacé : omettez-le pour le garder.",
                )
            )
            continue
        values[name] = value
    if errors:
        raise UserErrors(errors)
    return values
