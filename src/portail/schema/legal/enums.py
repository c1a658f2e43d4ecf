"""The enums of the legal pages; their French words live in ``rules/legal.py``."""

from __future__ import annotations

from enum import Enum

import strawberry

from portail.rules import legal


@strawberry.enum(description="Which of the pages the law requires of the portal.")
class LegalPageKind(Enum):
    LEGAL_NOTICE = strawberry.enum_value(
        legal.LEGAL_NOTICE,
        description='"Mentions légales": who publishes the portal, its director of publication, its host.',
    )
    ACCESSIBILITY = strawberry.enum_value(
        legal.ACCESSIBILITY,
        description="\"Déclaration d'accessibilité\" (RGAA): the conformity status, the audit's results, "
        "what is not accessible, how to get an alternative, the remedy through the Défenseur des droits.",
    )
    PRIVACY = strawberry.enum_value(
        legal.PRIVACY,
        description='"Données personnelles" (GDPR): who processes what, why, on which legal basis, for how '
        "long, for whom, and how to exercise one's rights or complain to the CNIL.",
    )


@strawberry.enum(
    description="The accessibility statement's conformity status, derived from the audit's rate as the RGAA "
    "says: every criterion met, at least half, or less (or no audit). `statusLabel` gives the French words."
)
class AccessibilityStatus(Enum):
    NON_COMPLIANT = strawberry.enum_value(
        legal.NON_COMPLIANT, description="Non conforme: under 50 % of the criteria met, or no audit."
    )
    PARTIALLY_COMPLIANT = strawberry.enum_value(
        legal.PARTIALLY_COMPLIANT, description="Partiellement conforme: at least 50 % of the criteria met."
    )
    FULLY_COMPLIANT = strawberry.enum_value(
        legal.FULLY_COMPLIANT, description="Totalement conforme: every criterion met (100 %)."
    )
