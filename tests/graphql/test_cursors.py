"""One opaque cursor codec for every list: a cursor reads back as the sort key it was made from, and
one from another list, altered, or of another format is refused on `after` (read from the start)."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime

import pytest

from portail.resolvers.errors import UserErrors
from portail.schema.pagination import AT, ID, INT, TEXT, decode_cursor, encode_cursor

AT_NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
ROW = uuid.UUID("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")


def test_a_cursor_reads_back_as_its_sort_key():
    assert decode_cursor(
        encode_cursor("documentsToReview", (AT_NOON, ROW)), "documentsToReview", (AT, ID)
    ) == (
        AT_NOON,
        ROW,
    )
    assert decode_cursor(encode_cursor("households", ("MARTIN", ROW)), "households", (TEXT, ID)) == (
        "MARTIN",
        ROW,
    )
    assert decode_cursor(encode_cursor("bookingRequests", (7,)), "bookingRequests", (INT,)) == (7,)
    assert decode_cursor(None, "bookingRequests", (INT,)) is None


def test_a_cursor_is_opaque_url_safe_text():
    cursor = encode_cursor("households", ("Ü?/+", ROW))
    assert "=" not in cursor and "+" not in cursor and "/" not in cursor and "MARTIN" not in cursor


def _raw(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        encode_cursor("bookingQueue", (7,)),  # another list's
        "7",  # the old request-number cursor
        "pas-un-curseur",
        "",
        _raw([2, "bookingRequests", 7]),  # another version
        _raw([1, "bookingRequests", "7"]),  # a number as text
        _raw([1, "bookingRequests", True]),
        _raw([1, "bookingRequests", 7, 8]),
        _raw({"v": 1}),
        encode_cursor("bookingRequests", (7,))[:-2],  # cut
    ],
)
def test_a_bad_cursor_is_refused_on_after(cursor):
    with pytest.raises(UserErrors) as refused:
        decode_cursor(cursor, "bookingRequests", (INT,))
    [error] = refused.value.errors
    assert (error.field, error.code.name) == ("after", "INVALID")


def test_a_time_without_offset_is_refused():
    with pytest.raises(UserErrors):
        decode_cursor(
            _raw([1, "pendingChanges", "2026-12-01T12:00:00", str(ROW)]), "pendingChanges", (AT, ID)
        )
