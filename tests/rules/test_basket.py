"""The basket's pure rules, as the guide's "Mon panier" shows them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from portail.rules.basket import (
    EntryState,
    Settlement,
    french_moment,
    is_payable,
    line_designation,
    pay_before,
    payment_object,
    payment_reference,
    settlement,
)

CREATED = datetime(2021, 12, 20, 16, 3, tzinfo=UTC)  # 17:03 in Paris


def test_a_request_created_at_17_03_is_to_pay_before_19_03_with_two_hours_of_hold():
    assert pay_before(CREATED, 120) == CREATED + timedelta(hours=2)


@pytest.mark.parametrize(
    ("state", "now", "payable"),
    [
        (EntryState.UNPAID, CREATED + timedelta(minutes=119), True),
        (EntryState.UNPAID, CREATED + timedelta(minutes=120), False),  # the pay-before time is out
        (EntryState.PAID, CREATED, False),
        (EntryState.REMOVED, CREATED, False),
        (EntryState.EXPIRED, CREATED, False),
    ],
)
def test_only_an_unpaid_request_before_its_time_is_payable(state, now, payable):
    assert is_payable(state, pay_before(CREATED, 120), now) is payable


def test_moments_are_worded_in_the_town_s_time():
    assert french_moment(CREATED) == "20/12/2021 à 17:03"
    assert french_moment(pay_before(CREATED, 120)) == "20/12/2021 à 19:03"


def test_a_line_reads_like_the_guide():
    assert (
        line_designation("Journee centre aere mercredi", date(2022, 1, 5))
        == "JOURNEE CENTRE AERE MERCREDI RESERVE (05/01)"
    )
    assert line_designation("REPAS", date(2022, 1, 5), cancel=True) == "REPAS ANNULE (05/01)"


def test_a_line_past_its_deadline_says_hors_delai():
    assert line_designation("REPAS", date(2022, 1, 5), late=True) == "REPAS RESERVE HORS DELAI (05/01)"
    assert (
        line_designation("REPAS", date(2022, 1, 5), cancel=True, late=True)
        == "REPAS ANNULE HORS DELAI (05/01)"
    )


def test_the_payment_reference_is_payfip_shaped_and_new_for_each_number():
    assert payment_reference(date(2021, 12, 20), 19) == "20211220X19"
    assert payment_reference(date(2021, 12, 20), 19) != payment_reference(date(2021, 12, 20), 20)
    assert payment_reference(date(2021, 12, 20), 10**20).isalnum()
    with pytest.raises(ValueError):
        payment_reference(date(2021, 12, 20), 10**25)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Réservation n° 000007 — Émma-Rose", "Reservation n 000007 Emma Rose"),
        ("  Facture   2027-000012 ", "Facture 2027 000012"),
        ("x" * 150, "x" * 100),
        ("€€€", ""),
    ],
)
def test_the_payment_object_keeps_only_what_payfip_accepts(words, expected):
    assert payment_object(words) == expected


@pytest.mark.parametrize(
    ("net", "credit", "to_collect", "used"),
    [
        (770, 0, 770, 0),  # no credit: PayFiP collects it all
        (1540, 770, 770, 770),  # the credit first, PayFiP the rest
        (770, 770, 0, 770),  # covered: nothing for PayFiP
        (770, 2000, 0, 770),  # covered, the rest of the credit kept
        (0, 500, 0, 0),  # a day booked for a day cancelled: nothing either way
        (-770, 500, 0, 0),  # it gives back: no credit used, what it gives back becomes credit
    ],
)
def test_a_basket_is_settled_with_the_credit_first(net, credit, to_collect, used):
    assert settlement(net, credit) == Settlement(to_collect, used)


def test_a_credit_is_never_negative():
    with pytest.raises(ValueError):
        settlement(770, -1)
