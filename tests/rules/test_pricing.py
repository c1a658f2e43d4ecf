"""Prices by family quotient, estimates per regie, French amounts (``portail.rules.pricing``)."""

from __future__ import annotations

import pytest

from portail.rules.pricing import (
    Bracket,
    Estimate,
    PriceLine,
    RegieEstimate,
    TariffGrid,
    booking_price,
    estimate,
    format_amount,
    unit_price,
)

# QF ≤ 500: 2,10 €; ≤ 900: 3,20 €; else 4,50 €.
CANTEEN = TariffGrid((Bracket(500, 210), Bracket(900, 320), Bracket(None, 450)))


@pytest.mark.parametrize(
    ("quotient", "price"),
    [
        (0, 210),
        (1, 210),
        (499, 210),
        (500, 210),  # "≤ 500" includes 500
        (501, 320),
        (900, 320),
        (901, 450),
        (5_000, 450),
        (None, 450),  # no quotient known: the top bracket
    ],
)
def test_price_by_family_quotient(quotient: int | None, price: int) -> None:
    assert unit_price(CANTEEN, quotient) == price


@pytest.mark.parametrize("quotient", [None, 0, 770, 100_000])
def test_a_flat_price(quotient: int | None) -> None:
    assert unit_price(TariffGrid.flat(770), quotient) == 770


def test_a_negative_quotient_is_a_bug() -> None:
    with pytest.raises(ValueError, match="negative"):
        unit_price(CANTEEN, -1)


@pytest.mark.parametrize(
    ("brackets", "message"),
    [
        ((), "at least one bracket"),
        ((Bracket(500, 210),), "no upper bound"),
        ((Bracket(None, 210), Bracket(None, 450)), "only the last"),
        ((Bracket(900, 210), Bracket(500, 320), Bracket(None, 450)), "increasing"),
        ((Bracket(500, 210), Bracket(500, 320), Bracket(None, 450)), "increasing"),
        ((Bracket(None, -1),), "cents"),
        ((Bracket(None, 2.1),), "cents"),  # euros as a float: never
        ((Bracket(None, True),), "cents"),
    ],
)
def test_a_grid_with_a_gap_or_an_overlap_is_refused(brackets, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        TariffGrid(brackets)


def test_a_free_unit() -> None:
    assert unit_price(TariffGrid.flat(0), 300) == 0


def test_an_estimate_per_regie() -> None:
    day = PriceLine("CENTRE AERE", "JOURNEE CENTRE AERE MERCREDI RESERVE (05/01)", 1, 770)
    meals = PriceLine("RESTAURATION", "REPAS (05/01 → 26/01)", 4, 320)
    day_2 = PriceLine("CENTRE AERE", "JOURNEE CENTRE AERE MERCREDI RESERVE (12/01)", 1, 770)
    assert estimate([day, meals, day_2]) == Estimate(
        regies=(
            RegieEstimate("CENTRE AERE", (day, day_2), 1540),
            RegieEstimate("RESTAURATION", (meals,), 1280),
        ),
        total=2820,
    )


def test_the_guides_basket() -> None:
    line = PriceLine("REGIE CENTRE AERE MERCREDI", "JOURNEE CENTRE AERE MERCREDI RESERVE (05/01)", 1, 770)
    result = estimate([line])
    assert format_amount(line.unit_price) == format_amount(line.amount) == format_amount(result.total)
    assert format_amount(result.total) == "7,70\u00a0€"


def test_an_empty_estimate() -> None:
    assert estimate([]) == Estimate((), 0)


@pytest.mark.parametrize(
    ("cents", "text"),
    [
        (770, "7,70\u00a0€"),
        (0, "0,00\u00a0€"),
        (1, "0,01\u00a0€"),
        (5, "0,05\u00a0€"),
        (10, "0,10\u00a0€"),
        (99, "0,99\u00a0€"),
        (100, "1,00\u00a0€"),
        (99_999, "999,99\u00a0€"),
        (100_000, "1\u202f000,00\u00a0€"),  # thousands: a narrow no-break space
        (123_456, "1\u202f234,56\u00a0€"),
        (100_000_000, "1\u202f000\u202f000,00\u00a0€"),
        (-770, "-7,70\u00a0€"),  # a credit
    ],
)
def test_amounts_in_french(cents: int, text: str) -> None:
    assert format_amount(cents) == text


def test_amounts_read_as_the_guide_prints_them() -> None:
    # The spaces are no-break ones; shown, they are the guide's "7,70 €".
    assert format_amount(770).replace("\u00a0", " ") == "7,70 €"


def test_a_late_booking_costs_the_late_price_whatever_the_quotient() -> None:
    assert booking_price(120, 600, late=False) == 120
    assert booking_price(120, 600, late=True) == 600
    assert booking_price(410, 600, late=True) == 600
    with pytest.raises(ValueError, match="no late booking"):
        booking_price(120, None, late=True)
