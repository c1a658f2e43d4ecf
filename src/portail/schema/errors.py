"""Errors every domain shares: user errors in mutation payloads (``errors { field code message }``)
and the not-found error of a query given an id it cannot show."""

from __future__ import annotations

from enum import Enum

import strawberry
from graphql import GraphQLError

from portail.resolvers.errors import ErrorCode as _Code
from portail.resolvers.errors import FieldError, UserErrors

# The domain's codes, each described by its value (one list of codes). mypy reads an enum's members
# only from a literal, so it knows this class but not its members: the one ignore this costs.
ErrorCode = Enum(  # type: ignore[misc]
    "ErrorCode",
    {code.name: strawberry.enum_value(code.name, description=code.value) for code in _Code},
)
# Registers the class itself as the GraphQL enum (returns it unchanged), so `ErrorCode` stays a type.
strawberry.enum(
    ErrorCode, description="Why a mutation refused its input; each payload's `errors` carries these codes."
)


@strawberry.type(description="Something the user can fix in the input of a mutation.")
class UserError:
    field: str | None = strawberry.field(
        description="The input field at fault, by its GraphQL name (null: the input as a whole)."
    )
    code: ErrorCode = strawberry.field(description="What is wrong, as a stable code.")
    message: str = strawberry.field(description="What is wrong, in French, ready to show.")

    @classmethod
    def from_error(cls, error: FieldError) -> UserError:
        return cls(field=error.field, code=ErrorCode[error.code.name], message=error.message)

    @classmethod
    def from_errors(cls, errors: UserErrors) -> list[UserError]:
        return [cls.from_error(e) for e in errors.errors]


def not_found(field: str, message: str) -> GraphQLError:
    """The error of a query given an id that is unknown, malformed or another family's (the three
    look the same, so that ids cannot be probed)."""
    return GraphQLError(message, extensions={"code": "NOT_FOUND", "field": field})
