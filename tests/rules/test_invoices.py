"""Invoices' pure rules: the state shown in "Mes factures", numbers, terms."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from portail.rules.invoices import (
    INVOICE_STATE_LABELS,
    InvoiceState,
    due_date,
    invoice_number_text,
    invoice_state,
    number_counter,
)


@pytest.mark.parametrize(
    ("total", "paid", "cancelled", "state"),
    [
        (770, 0, False, InvoiceState.UNPAID),
        (770, 500, False, InvoiceState.PARTLY_PAID),
        (770, 770, False, InvoiceState.PAID),
        (0, 0, False, InvoiceState.PAID),  # nothing owed
        (770, 0, True, InvoiceState.CANCELLED),
        (770, 770, True, InvoiceState.CANCELLED),
    ],
)
def test_state_from_total_and_paid(total, paid, cancelled, state):
    assert invoice_state(total, paid, cancelled) is state


def test_every_state_is_said_in_words():
    assert set(INVOICE_STATE_LABELS) == set(InvoiceState)
    assert INVOICE_STATE_LABELS[InvoiceState.PAID] == "Payée"


def test_each_regie_and_year_counts_its_own_numbers():
    a, b = uuid.uuid4(), uuid.uuid4()
    assert number_counter(a, 2027) != number_counter(b, 2027) != number_counter(a, 2028)
    assert len(number_counter(a, 2027)) <= 80  # the counter table's key
    assert invoice_number_text(2027, 12) == "2027-000012"
    assert invoice_number_text(2027, 12, "CAM") == "CAM-2027-000012"


def test_due_date_counts_the_regie_s_payment_days():
    assert due_date(date(2027, 2, 1), 30) == date(2027, 3, 3)
