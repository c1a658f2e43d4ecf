"""The pages the law requires of a town's portal, and the accessibility statement's status.

Three pages, each one text the town writes: the legal notices ("mentions légales", law n° 2004-575
art. 6), the accessibility statement (law n° 2005-102 art. 47, decree n° 2019-768: the RGAA) and the
privacy notice (GDPR art. 13 and 14).

The statement's status is not chosen: the RGAA derives it from the audit's rate of criteria met
(all of them: "totalement conforme"; at least half: "partiellement conforme"; less, or no audit at
all: "non conforme"), so the badge a client shows cannot claim more than the audit found.
"""

from __future__ import annotations

LEGAL_NOTICE, ACCESSIBILITY, PRIVACY = "LEGAL_NOTICE", "ACCESSIBILITY", "PRIVACY"
KINDS = (LEGAL_NOTICE, ACCESSIBILITY, PRIVACY)

# The pages' titles, and the order a footer lists them in.
TITLES = {
    LEGAL_NOTICE: "Mentions légales",
    ACCESSIBILITY: "Déclaration d'accessibilité",
    PRIVACY: "Données personnelles",
}

NON_COMPLIANT = "NON_COMPLIANT"
PARTIALLY_COMPLIANT = "PARTIALLY_COMPLIANT"
FULLY_COMPLIANT = "FULLY_COMPLIANT"
STATUS_LABELS = {
    NON_COMPLIANT: "non conforme",
    PARTIALLY_COMPLIANT: "partiellement conforme",
    FULLY_COMPLIANT: "totalement conforme",
}

# Rates are kept in hundredths of a percent ("64,52 %" is 6452): exact, and what audits print.
RATE_SCALE = 100
FULL_RATE = 100 * RATE_SCALE
HALF_RATE = 50 * RATE_SCALE

DEFAULT_RGAA_VERSION = "4.1.2"


def accessibility_status(rate: int | None) -> str:
    """The RGAA's status for a rate of criteria met in hundredths of a percent (None: no audit)."""
    if rate is None or rate < HALF_RATE:
        return NON_COMPLIANT
    if rate >= FULL_RATE:
        return FULLY_COMPLIANT
    return PARTIALLY_COMPLIANT


def rate_problem(percent: float) -> str | None:
    """Why ``percent`` cannot be an audit's rate, or None."""
    if not 0 <= percent <= 100:
        return "Le taux de conformité est un pourcentage compris entre 0 et 100."
    return None


def stored_rate(percent: float) -> int:
    """``percent`` (e.g. 64.52) in hundredths, rounded to the nearest (audits print two decimals)."""
    return round(percent * RATE_SCALE)


def percent(rate: int) -> float:
    """A stored rate back to a percentage (6452 → 64.52)."""
    return rate / RATE_SCALE


def footer_label(kind: str, status: str) -> str:
    """What a footer's link says. The accessibility link carries the status, as the RGAA requires
    on every page ("Accessibilité : partiellement conforme")."""
    if kind == ACCESSIBILITY:
        return f"Accessibilité : {STATUS_LABELS[status]}"
    return TITLES[kind]
