"""Units counted in quantities ("repas à emporter", "tickets"): a booking of such a unit says how many
items the child takes that day, from 1 to the unit's ``max_quantity``, and costs the tariff's price (the
family's, per item) times that number.

Places count children, not items: a booking takes one place of the unit's capacity whatever its
quantity (the capacity says how many children the service takes in a day; the items are the town's
stock to prepare, read from the bookings).

A booking's quantity may change before the booking deadline, the same booking re-priced
(``modified``): the family does not cancel and book again, which would lose its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

QUANTITY = "quantity"
MIN_MAX_QUANTITY, MAX_MAX_QUANTITY = 1, 99


def quantity_price(item_price: int, quantity: int | None) -> int:
    """What ``quantity`` items cost, in cents, at ``item_price`` each (None: a booking by the day)."""
    return item_price * (quantity if quantity is not None else 1)


def items(price: int, quantity: int | None) -> tuple[int, int]:
    """How a booking costing ``price`` is billed: (items, price of one). A booking by the day is one item
    at its price; one counted in quantities is its items, each at the price it was booked at (the price
    is the item's times the quantity, so the division is exact)."""
    count = quantity if quantity else 1
    return count, price // count


def modified(booked: int | None, asked: int | None) -> bool:
    """Booking again a day booked with ``booked`` items asks ``asked`` of them: a change of quantity."""
    return asked is not None and booked is not None and asked != booked


class QuantityCode(StrEnum):
    """What is wrong with the quantity given for a booking, or with a unit's maximum."""

    REQUIRED = "REQUIRED"  # a unit counted in quantities booked without its quantity
    NOT_COUNTED_IN_QUANTITIES = "NOT_COUNTED_IN_QUANTITIES"  # a quantity for another unit
    OUT_OF_RANGE = "OUT_OF_RANGE"  # below 1 or above the unit's maximum


@dataclass(frozen=True)
class QuantityError:
    """An error on the quantity (field ``quantity`` or ``maxQuantity``), with its French message."""

    code: QuantityCode
    message: str


def check_quantity(counted_in: str, max_quantity: int | None, quantity: int | None) -> QuantityError | None:
    """What is wrong with booking ``quantity`` items of a unit counted ``counted_in``."""
    if counted_in != QUANTITY:
        if quantity is None:
            return None
        return QuantityError(
            QuantityCode.NOT_COUNTED_IN_QUANTITIES, "Cette unité ne se réserve pas à la quantité."
        )
    if quantity is None:
        return QuantityError(QuantityCode.REQUIRED, "Indiquez la quantité.")
    top = max_quantity if max_quantity is not None else MAX_MAX_QUANTITY
    if not 1 <= quantity <= top:
        return QuantityError(QuantityCode.OUT_OF_RANGE, f"La quantité est comprise entre 1 et {top}.")
    return None


def check_max_quantity(counted_in: str, max_quantity: int | None) -> QuantityError | None:
    """What is wrong with a unit counted ``counted_in`` taking at most ``max_quantity`` items a day."""
    if counted_in != QUANTITY:
        if max_quantity is None:
            return None
        return QuantityError(
            QuantityCode.NOT_COUNTED_IN_QUANTITIES,
            "Seule une unité comptée à la quantité a une quantité maximale.",
        )
    if max_quantity is None:
        return QuantityError(QuantityCode.REQUIRED, "Indiquez la quantité maximale par enfant et par jour.")
    if not MIN_MAX_QUANTITY <= max_quantity <= MAX_MAX_QUANTITY:
        return QuantityError(
            QuantityCode.OUT_OF_RANGE,
            f"La quantité maximale est comprise entre {MIN_MAX_QUANTITY} et {MAX_MAX_QUANTITY}.",
        )
    return None


def quantity_text(quantity: int) -> str:
    """ "× 3": how a line says its quantity."""
    return f"× {quantity}"
