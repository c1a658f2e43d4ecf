"""The enums of the accounts domain."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="What an account may do.")
class Role(Enum):
    FAMILY = strawberry.enum_value("FAMILY", description="A guardian managing their household.")
    STAFF = strawberry.enum_value("STAFF", description="Town staff running the services.")
    ADMIN = strawberry.enum_value("ADMIN", description="Town staff who also manage staff and settings.")
