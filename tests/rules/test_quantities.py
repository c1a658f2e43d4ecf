"""Units counted in quantities (``portail.rules.quantities``): prices, the quantity a booking gives, a
unit's maximum, and a change of quantity."""

from __future__ import annotations

import pytest

from portail.rules.hours import DAYS, HOURS
from portail.rules.quantities import (
    QUANTITY,
    QuantityCode,
    check_max_quantity,
    check_quantity,
    modified,
    quantity_price,
)


@pytest.mark.parametrize(
    ("price", "quantity", "total"),
    [
        (250, 3, 750),  # three take-away meals at 2,50 €
        (250, 1, 250),
        (250, None, 250),  # a booking by the day: the price once
        (0, 5, 0),
    ],
)
def test_items_cost_the_tariffs_price_each(price, quantity, total) -> None:
    assert quantity_price(price, quantity) == total


@pytest.mark.parametrize(
    ("counted_in", "maximum", "quantity", "code"),
    [
        (QUANTITY, 5, 3, None),
        (QUANTITY, 5, 1, None),
        (QUANTITY, 5, 5, None),  # the maximum itself
        (QUANTITY, 5, None, QuantityCode.REQUIRED),
        (QUANTITY, 5, 0, QuantityCode.OUT_OF_RANGE),
        (QUANTITY, 5, -2, QuantityCode.OUT_OF_RANGE),
        (QUANTITY, 5, 6, QuantityCode.OUT_OF_RANGE),
        (DAYS, None, None, None),
        (DAYS, None, 2, QuantityCode.NOT_COUNTED_IN_QUANTITIES),
        (HOURS, None, 1, QuantityCode.NOT_COUNTED_IN_QUANTITIES),
    ],
)
def test_the_quantity_a_booking_gives(counted_in, maximum, quantity, code) -> None:
    error = check_quantity(counted_in, maximum, quantity)
    assert (error.code if error else None) == code


def test_the_message_says_the_units_maximum() -> None:
    error = check_quantity(QUANTITY, 5, 6)
    assert error is not None and error.message == "La quantité est comprise entre 1 et 5."


@pytest.mark.parametrize(
    ("counted_in", "maximum", "code"),
    [
        (QUANTITY, 5, None),
        (QUANTITY, 1, None),
        (QUANTITY, 99, None),
        (QUANTITY, None, QuantityCode.REQUIRED),
        (QUANTITY, 0, QuantityCode.OUT_OF_RANGE),
        (QUANTITY, 100, QuantityCode.OUT_OF_RANGE),
        (DAYS, None, None),
        (DAYS, 5, QuantityCode.NOT_COUNTED_IN_QUANTITIES),
        (HOURS, 5, QuantityCode.NOT_COUNTED_IN_QUANTITIES),
    ],
)
def test_a_units_maximum(counted_in, maximum, code) -> None:
    error = check_max_quantity(counted_in, maximum)
    assert (error.code if error else None) == code


@pytest.mark.parametrize(
    ("booked", "asked", "change"),
    [
        (3, 2, True),
        (3, 3, False),  # the same quantity: already booked
        (None, None, False),  # by the day
        (None, 2, False),  # an older row, by the day: no change of quantity to make
    ],
)
def test_a_change_of_quantity(booked, asked, change) -> None:
    assert modified(booked, asked) is change
