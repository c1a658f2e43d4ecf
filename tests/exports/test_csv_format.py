"""The French spreadsheet format, cell by cell: what a town agent's Excel or LibreOffice opens by a
double-click (rules/csv_format.py, no database)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest

from portail.rules import csv_format as f


@pytest.mark.parametrize(
    ("cents", "shown"),
    [
        (0, "0,00"),
        (5, "0,05"),
        (770, "7,70"),
        (123456, "1234,56"),
        (-410, "-4,10"),
        (-5, "-0,05"),
        (None, ""),
    ],
)
def test_amounts_have_a_decimal_comma_and_no_unit(cents, shown):
    assert f.amount(cents) == shown


def test_dates_are_day_month_year():
    assert f.day(date(2026, 12, 1)) == "01/12/2026"
    assert f.day(date(987, 3, 9)) == "09/03/0987"
    assert f.day(None) == ""


def test_instants_are_the_towns_wall_time():
    assert f.moment(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == "01/01/2027 00:30"  # winter: UTC+1
    assert f.moment(datetime(2026, 7, 14, 8, 5, tzinfo=UTC)) == "14/07/2026 10:05"  # summer: UTC+2
    assert f.moment(datetime(2026, 7, 14, 8, 5)) == "14/07/2026 10:05"  # naive: UTC
    assert f.moment(None) == ""


def test_booleans_are_oui_non():
    assert (f.yes_no(True), f.yes_no(False), f.yes_no(None)) == ("oui", "non", "")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_a_spreadsheet_would_run_is_defused(start):
    assert f.text(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


def test_plain_text_stays_as_it_is():
    assert f.text("Zoé D'Arc") == "Zoé D'Arc"
    assert f.text(None) == ""
    assert f.text(12) == "12"
    assert f.integer(3) == "3" and f.integer(None) == ""


def test_a_record_is_semicolon_separated_quoted_where_needed_and_ends_in_crlf():
    assert f.line(["a", "b;c", 'd"e', "f\ng", ""]) == 'a;"b;c";"d""e";"f\ng";\r\n'


def test_the_header_starts_with_the_bom_and_the_file_reads_back_with_utf_8_sig():
    columns = [
        f.Column[tuple[str, int]]("Nom", lambda r: r[0]),
        f.Column("Prix (€)", lambda r: f.amount(r[1])),
    ]
    text = f.header(columns) + f.records(columns, [("Zoé", 770), ("Léo;Jr", -100)])
    assert text.startswith("\ufeffNom;Prix (€)\r\n")
    rows = list(csv.DictReader(io.StringIO(text.encode().decode("utf-8-sig")), delimiter=";"))
    assert rows == [{"Nom": "Zoé", "Prix (€)": "7,70"}, {"Nom": "Léo;Jr", "Prix (€)": "-1,00"}]


def test_file_names_sort_by_date():
    assert f.filename("reservations", date(2026, 12, 1), date(2026, 12, 31)) == (
        "reservations-2026-12-01-2026-12-31.csv"
    )
    assert f.filename("inscriptions") == "inscriptions.csv"
