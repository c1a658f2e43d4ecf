"""The accessibility statement's status, as the RGAA derives it from the audit's rate."""

from __future__ import annotations

import pytest

from portail.rules.legal import (
    ACCESSIBILITY,
    FULLY_COMPLIANT,
    KINDS,
    LEGAL_NOTICE,
    NON_COMPLIANT,
    PARTIALLY_COMPLIANT,
    PRIVACY,
    TITLES,
    accessibility_status,
    footer_label,
    percent,
    rate_problem,
    stored_rate,
)


@pytest.mark.parametrize(
    ("rate", "status"),
    [
        (None, NON_COMPLIANT),  # no audit: "non conforme", whatever the site's quality
        (0, NON_COMPLIANT),
        (4999, NON_COMPLIANT),
        (5000, PARTIALLY_COMPLIANT),
        (6452, PARTIALLY_COMPLIANT),
        (9999, PARTIALLY_COMPLIANT),
        (10000, FULLY_COMPLIANT),
    ],
)
def test_the_status_follows_the_rate(rate, status):
    assert accessibility_status(rate) == status


@pytest.mark.parametrize(("value", "stored"), [(64.52, 6452), (49.99, 4999), (100, 10000), (0, 0), (33.333, 3333)])
def test_rates_are_kept_in_hundredths(value, stored):
    assert rate_problem(value) is None
    assert stored_rate(value) == stored
    assert percent(stored) == round(value, 2)


@pytest.mark.parametrize("value", [-0.01, 100.01, 150])
def test_a_rate_is_a_percentage(value):
    assert rate_problem(value) == "Le taux de conformité est un pourcentage compris entre 0 et 100."


def test_the_footer_names_the_pages_and_the_accessibility_status():
    assert KINDS == (LEGAL_NOTICE, ACCESSIBILITY, PRIVACY)
    assert [footer_label(kind, PARTIALLY_COMPLIANT) for kind in KINDS] == [
        "Mentions légales",
        "Accessibilité : partiellement conforme",
        "Données personnelles",
    ]
    assert footer_label(ACCESSIBILITY, NON_COMPLIANT) == "Accessibilité : non conforme"
    assert footer_label(ACCESSIBILITY, FULLY_COMPLIANT) == "Accessibilité : totalement conforme"
    assert set(TITLES) == set(KINDS)
