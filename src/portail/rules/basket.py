"""The basket's rules ("Mon panier"): how long it holds places, what its lines say, when it can be
paid, and how a payment to the treasury is referenced."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from portail.rules.validity import TOWN_ZONE


class EntryState(StrEnum):
    """Where a request held in a basket stands."""

    UNPAID = "unpaid"
    PAID = "paid"
    REMOVED = "removed"
    EXPIRED = "expired"


def pay_before(created_at: datetime, hold_minutes: int) -> datetime:
    """The time a request put in the basket at ``created_at`` must be paid by ("à régler avant")."""
    return created_at + timedelta(minutes=hold_minutes)


def is_payable(state: str, pay_before_at: datetime, now: datetime) -> bool:
    """Whether a held request may still be paid: unpaid and not past its time.

    A read uses this, not the stored state alone, so that a basket past its time never shows as
    payable in the minutes before the expiry job gets to it.
    """
    return state == EntryState.UNPAID and now < pay_before_at


def french_moment(moment: datetime) -> str:
    """A moment as the basket words it, in the town's time: "20/12/2021 à 17:03"."""
    return moment.astimezone(TOWN_ZONE).strftime("%d/%m/%Y à %H:%M")


def line_designation(unit_name: str, day: date, *, cancel: bool = False, late: bool = False) -> str:
    """What a basket or invoice line says: "JOURNEE CENTRE AERE MERCREDI RESERVE (05/01)"; a day
    booked past the deadline, or cancelled past it and still charged, says "HORS DELAI"."""
    action = "ANNULE" if cancel else "RESERVE"
    return f"{unit_name.upper()} {action}{' HORS DELAI' if late else ''} ({day:%d/%m})"


@dataclass(frozen=True)
class Settlement:
    """How a regie's basket is settled: what PayFiP collects and the household's credit deducted."""

    to_collect: int
    credit_used: int


def settlement(net: int, credit: int) -> Settlement:
    """Settling a basket whose lines add up to ``net`` cents (days booked, less paid days cancelled)
    for a household with ``credit`` cents of credit at the regie: the credit is deducted first. A
    basket that adds up to nothing or less collects nothing and uses no credit (what it gives back
    becomes credit)."""
    if credit < 0:
        raise ValueError("a credit is not negative")
    if net <= 0:
        return Settlement(0, 0)
    used = min(net, credit)
    return Settlement(net - used, used)


def payment_reference(day: date, number: int) -> str:
    """PayFiP's ``refdet`` for the ``number``-th online payment: the day and the number
    ("20211220X19"), 6 to 30 ASCII letters and digits, a new one for every attempt."""
    reference = f"{day:%Y%m%d}X{number}"
    if not 6 <= len(reference) <= 30:
        raise ValueError(f"payment reference out of PayFiP's bounds: {reference!r}")
    return reference


_NOT_OBJECT = re.compile(r"[^A-Za-z0-9 ]+")


def payment_object(words: str) -> str:
    """PayFiP's ``objet``: ASCII letters, digits and spaces, at most 100 characters ("Réservation
    n° 000007" → "Reservation n 000007")."""
    ascii_text = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    return " ".join(_NOT_OBJECT.sub(" ", ascii_text).split())[:100].strip()
