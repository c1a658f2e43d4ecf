"""What a unit costs a family, and what a request is estimated to cost, in integer cents.

Towns price by family quotient ("quotient familial") brackets: the lower the quotient, the lower
the price. A family whose quotient is unknown pays the top bracket, as the towns' tariffs say.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_currency


@dataclass(frozen=True)
class Bracket:
    """Quotients up to ``max_quotient`` (included; None: any higher) pay ``price`` cents."""

    max_quotient: int | None
    price: int


@dataclass(frozen=True)
class TariffGrid:
    """A unit's brackets, by increasing quotient; the last one is open-ended."""

    brackets: tuple[Bracket, ...]

    def __post_init__(self) -> None:
        # A grid is entered by staff: a gap or an overlap would price some family silently wrong.
        if not self.brackets:
            raise ValueError("a tariff grid has at least one bracket")
        if self.brackets[-1].max_quotient is not None:
            raise ValueError("the last bracket of a tariff grid has no upper bound")
        if any(b.max_quotient is None for b in self.brackets[:-1]):
            raise ValueError("only the last bracket of a tariff grid is open-ended")
        bounds = [b.max_quotient for b in self.brackets[:-1] if b.max_quotient is not None]
        if bounds != sorted(set(bounds)):
            raise ValueError("tariff brackets go by strictly increasing quotient")
        for bracket in self.brackets:
            if isinstance(bracket.price, bool) or not isinstance(bracket.price, int) or bracket.price < 0:
                raise ValueError("a price is a whole, non-negative number of cents")

    @classmethod
    def flat(cls, price: int) -> TariffGrid:
        """One price for every family."""
        return cls((Bracket(None, price),))


def unit_price(grid: TariffGrid, quotient: int | None) -> int:
    """The price in cents for a family of ``quotient`` (None: not known, the top bracket)."""
    if quotient is None:
        return grid.brackets[-1].price
    if quotient < 0:
        raise ValueError("a family quotient is not negative")
    for bracket in grid.brackets:
        if bracket.max_quotient is None or quotient <= bracket.max_quotient:
            return bracket.price
    raise AssertionError("the last bracket is open-ended")  # pragma: no cover


def residence_grid(grid: TariffGrid, non_resident: TariffGrid | None, resident: bool) -> TariffGrid:
    """The grid a household pays by: the unit's out-of-town grid ("tarif extérieur") when it has one
    and the household lives outside the town, else its grid."""
    return non_resident if non_resident is not None and not resident else grid


def booking_price(family_price: int, late_price: int | None, late: bool) -> int:
    """What booking a day costs: the family's price, or the unit's late price ("hors délai") when
    booked past the deadline (the same for every family: it is a penalty, not a tariff)."""
    if late:
        if late_price is None:
            raise ValueError("a unit without a late price takes no late booking")
        return late_price
    return family_price


@dataclass(frozen=True)
class PriceLine:
    """A line of the estimate: "JOURNEE CENTRE AERE MERCREDI RESERVE (05/01)", 1 × 7,70 €."""

    regie: Hashable
    label: str
    quantity: int
    unit_price: int

    @property
    def amount(self) -> int:
        """``quantity`` × ``unit_price``, in cents."""
        return self.quantity * self.unit_price


@dataclass(frozen=True)
class RegieEstimate:
    """One regie's lines and their total: each regie is paid (and invoices) on its own."""

    regie: Hashable
    lines: tuple[PriceLine, ...]
    total: int


@dataclass(frozen=True)
class Estimate:
    """A request's estimate: per regie in the order they first appear, and the grand total."""

    regies: tuple[RegieEstimate, ...]
    total: int


def estimate(lines: Iterable[PriceLine]) -> Estimate:
    """The estimate of ``lines``, grouped by regie."""
    grouped: dict[Hashable, list[PriceLine]] = {}
    for line in lines:
        grouped.setdefault(line.regie, []).append(line)
    regies = tuple(
        RegieEstimate(regie, tuple(group), sum(line.amount for line in group))
        for regie, group in grouped.items()
    )
    return Estimate(regies, sum(r.total for r in regies))


@lru_cache(maxsize=4096)
def format_amount(cents: int) -> str:
    """``cents`` as French text: 770 → "7,70 €", 123456 → "1 234,56 €".

    Babel's CLDR spacing: a no-break space (U+00A0) before "€" and a narrow no-break space
    (U+202F) between thousands, so an amount never breaks across lines.
    """
    # Cached: Babel takes about 50 µs an amount, and a whole-year summary prints the same few prices
    # hundreds of times.
    return format_currency(Decimal(cents) / 100, "EUR", locale="fr_FR")
