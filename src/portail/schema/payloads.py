"""Payload types every domain shares; a domain's own payloads live in its ``mutations`` module."""

from __future__ import annotations

import strawberry

from portail.schema.errors import UserError


@strawberry.type(description="Result of a mutation that has nothing to return but its errors.")
class DonePayload:
    ok: bool = strawberry.field(description="True when the mutation did what was asked.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")
