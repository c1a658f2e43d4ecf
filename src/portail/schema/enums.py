"""What every domain's enums share: reading a stored value as a GraphQL enum member."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


def member_or_none(enum: type[E], name: str | None) -> E | None:
    """The member of ``enum`` a stored value names, or None when the value is empty or no longer one
    of the enum's (a value a later version dropped reads as "not given" rather than failing the query)."""
    if name is None:
        return None
    return enum.__members__.get(name)


def value_of(member: Enum) -> str:
    """The value a member stands for: the ``strawberry.enum_value(value, ...)`` it was declared with.

    Strawberry puts the value itself in place of the ``EnumValueDefinition`` when it registers the enum,
    which mypy cannot see: it types ``member.value`` as the definition."""
    return str(member.value)
