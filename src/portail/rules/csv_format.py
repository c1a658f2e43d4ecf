"""CSV the way French spreadsheets open it without an import wizard.

Excel and LibreOffice in a French locale open a file by double-click when it is UTF-8 with a byte
order mark (else accents come out as "Ã©"), its fields separated by ``;`` (the comma is the decimal
separator there), amounts written with a decimal comma and dates as dd/mm/yyyy. Text that starts like
a formula (``=``, ``+``, ``-``, ``@``…) is defused with a leading apostrophe: an export is opened by
staff, and a family chooses its own names (CSV injection).

Pure functions: the exports (``resolvers/exports``) call them for every cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Generic, TypeVar

from portail.rules.validity import TOWN_ZONE

BOM = "\ufeff"
SEPARATOR = ";"
LINE_END = "\r\n"
CONTENT_TYPE = "text/csv; charset=utf-8"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Row = TypeVar("Row")


def amount(cents: int | None) -> str:
    """Cents as a spreadsheet number with a decimal comma: 770 → "7,70", -1234 → "-12,34", no unit
    and no thousands separator (so the cell is a number, not text); None → ""."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole},{part:02d}"


def day(value: date | None) -> str:
    """A date as dd/mm/yyyy; None → ""."""
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def moment(value: datetime | None) -> str:
    """An instant as the town's wall time, dd/mm/yyyy hh:mm; None → "". A naive value is taken as UTC
    (how the database hands them back)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone(TOWN_ZONE)
    return f"{day(local.date())} {local.hour:02d}:{local.minute:02d}"


def yes_no(value: bool | None) -> str:
    """ "oui" / "non"; None → ""."""
    if value is None:
        return ""
    return "oui" if value else "non"


def text(value: object) -> str:
    """Free text as a cell: None → "", a value a spreadsheet would run as a formula gets a leading
    apostrophe (shown as typed, never evaluated)."""
    if value is None:
        return ""
    shown = str(value)
    if shown.startswith(_FORMULA_STARTS):
        return "'" + shown
    return shown


def integer(value: int | None) -> str:
    """A count; None → ""."""
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column of an export: its French header and how a row's cell is written."""

    header: str
    cell: Callable[[Row], str]


def line(cells: Sequence[str]) -> str:
    """One CSV record: ``;``-separated, quoted where a cell holds ``;``, a quote or a line break,
    ended by CRLF (what spreadsheets write themselves)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=SEPARATOR, lineterminator=LINE_END, quoting=csv.QUOTE_MINIMAL).writerow(
        cells
    )
    return buffer.getvalue()


def header(columns: Sequence[Column[Row]]) -> str:
    """The first record: the BOM, then the columns' headers."""
    return BOM + line([c.header for c in columns])


def records(columns: Sequence[Column[Row]], rows: Iterable[Row]) -> str:
    """The records of ``rows`` (a chunk of the export), one line each."""
    return "".join(line([c.cell(r) for c in columns]) for r in rows)


def filename(stem: str, *parts: date | str) -> str:
    """ "reservations-2026-12-01-2026-12-31.csv": the stem, then each part (dates in ISO order, which
    sorts files by date in a folder)."""
    words = [stem, *(p.isoformat() if isinstance(p, date) else p for p in parts)]
    return "-".join(w for w in words if w) + ".csv"
