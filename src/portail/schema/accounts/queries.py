"""Queries of accounts."""

from __future__ import annotations

import strawberry

from portail.schema.accounts.types import Viewer
from portail.schema.context import Info


@strawberry.type
class AccountQueries:
    @strawberry.field(description="The signed-in account; null when anonymous.")
    def viewer(self, info: Info) -> Viewer | None:
        viewer = info.context.app.viewer
        return Viewer.from_row(viewer.account) if viewer else None
