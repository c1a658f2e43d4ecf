"""The privacy domain's queries."""

from __future__ import annotations

from typing import cast

import strawberry
from strawberry.scalars import JSON

from portail.resolvers import personal_data
from portail.resolvers.file_links import personal_data_links
from portail.resolvers.households import viewer_household_id
from portail.schema.context import Info
from portail.schema.permissions import FAMILY
from portail.schema.privacy.types import PersonalData


@strawberry.type
class PrivacyQueries:
    @strawberry.field(
        permission_classes=FAMILY,
        description="Everything the portal holds about the household, and a link to download it with the "
        "uploaded files (the GDPR's right of access).",
    )
    async def personal_data(self, info: Info) -> PersonalData:
        ctx = info.context.app
        household_id = await viewer_household_id(ctx)
        assert household_id is not None  # FAMILY
        data = await personal_data.personal_data(ctx, household_id)
        links = personal_data_links(ctx, str(info.context.request.base_url), household_id)
        return PersonalData(
            generated_at=data.generated_at,
            data=cast(JSON, data.document),
            download_url=links.download_url,
            expires_at=links.expires_at,
        )
