"""The enums of the documents domain."""

from __future__ import annotations

from enum import Enum

import strawberry

from portail.resolvers import documents as use_cases
from portail.resolvers import printable_forms as form_use_cases
from portail.rules.files import JPEG, PDF, PNG


@strawberry.enum(description="A file format the town accepts, recognised from the file's content.")
class FileFormat(Enum):
    PDF = strawberry.enum_value(PDF, description="PDF document (application/pdf).")
    JPEG = strawberry.enum_value(JPEG, description="JPEG photo or scan (image/jpeg).")
    PNG = strawberry.enum_value(PNG, description="PNG image (image/png).")


@strawberry.enum(description="Where a supporting document stands in its review by staff.")
class DocumentState(Enum):
    PENDING = strawberry.enum_value(
        use_cases.PENDING, description="Awaiting review: the family may still replace or delete it."
    )
    ACCEPTED = strawberry.enum_value(use_cases.ACCEPTED, description="Accepted by staff.")
    REJECTED = strawberry.enum_value(
        use_cases.REJECTED, description="Rejected by staff; `reason` says why. Hand in a new one."
    )


@strawberry.enum(description='What kind of line of "Mes documents à éditer".')
class PrintableFormKind(Enum):
    HEALTH_FORM = strawberry.enum_value(
        form_use_cases.HEALTH_FORM,
        description='A child\'s "Fiche sanitaire de liaison", generated from the current records '
        "each time it is opened.",
    )
    TOWN_FORM = strawberry.enum_value(
        form_use_cases.TOWN_FORM, description="A form staff published (e.g. the canteen's rules)."
    )
