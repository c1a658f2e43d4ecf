"""The file rules: formats read from the first bytes, names without paths, sizes, validity dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from portail.rules import files
from portail.rules.file_links import (
    ATTACHMENT,
    DOCUMENT,
    FileLink,
    LinkExpired,
    LinkInvalid,
    read_link,
    sign_link,
)
from portail.rules.validity import add_months, town_date, valid_until

PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n", files.PDF),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", files.JPEG),
        (PNG_HEAD, files.PNG),
        (b"MZ\x90\x00", None),
        (b"GIF89a", None),
        (b" %PDF-1.4", None),
        (b"", None),
    ],
)
def test_the_format_comes_from_the_first_bytes(head, expected):
    assert files.detect_format(head) == expected


@pytest.mark.parametrize(
    "head", [b"MZ\x90\x00", b"\x7fELF\x02", b"#!/bin/sh", b"PK\x03\x04", b"\xcf\xfa\xed\xfe"]
)
def test_programs_and_archives_are_told_apart(head):
    problems = files.content_problems(head + b"\x00" * 10, accepted=files.FORMATS, max_bytes=1000)
    assert [p.code for p in problems] == ["FILE_FORMAT_REFUSED"]
    assert problems[0].message.startswith("Ce fichier est un programme")


def test_size_limits_and_empty_files():
    assert [p.code for p in files.content_problems(b"", accepted=files.FORMATS, max_bytes=10)] == [
        "FILE_EMPTY"
    ]
    big = b"%PDF-" + b"x" * 20
    problems = files.content_problems(big, accepted=files.FORMATS, max_bytes=10)
    assert [p.code for p in problems] == ["FILE_TOO_LARGE"]
    assert files.content_problems(big, accepted=files.FORMATS, max_bytes=len(big)) == []
    assert files.size_text(10 * 1024 * 1024) == "10 Mo"
    assert files.size_text(1536 * 1024) == "1,5 Mo"
    assert files.size_text(500 * 1024) == "500 Ko"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("attestation caf.pdf", None),
        ("Attestation d'assurance – 2026.pdf", None),
        ("", "REQUIRED"),
        ("../caf.pdf", "FILE_NAME_INVALID"),
        ("a/b.pdf", "FILE_NAME_INVALID"),
        ("a\\b.pdf", "FILE_NAME_INVALID"),
        ("caf..pdf", "FILE_NAME_INVALID"),
        ("caf\n.pdf", "FILE_NAME_INVALID"),
        ("caf\u202efdp.exe", "FILE_NAME_INVALID"),
        ("x" * 201, "TOO_LONG"),
    ],
)
def test_file_names(name, code):
    problem = files.file_name_problem(files.clean_file_name(name))
    assert (problem.code if problem else None) == code


def test_served_names_get_the_right_extension():
    assert files.served_name("scan", files.PNG) == "scan.png"
    assert files.served_name("photo.JPEG", files.JPEG) == "photo.JPEG"
    assert files.served_name("caf.pdf", files.PDF) == "caf.pdf"


def test_links_are_signed_and_expire():
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    link = FileLink(DOCUMENT, "1d3c", ATTACHMENT, "abc", now + timedelta(minutes=10))
    token = sign_link("secret-" + "s" * 32, link)
    assert read_link("secret-" + "s" * 32, token, now) == link
    with pytest.raises(LinkExpired):
        read_link("secret-" + "s" * 32, token, now + timedelta(minutes=10))
    with pytest.raises(LinkInvalid):
        read_link("another-" + "s" * 32, token, now)
    with pytest.raises(LinkInvalid):
        read_link("secret-" + "s" * 32, token.replace(".", ".x", 1), now)


def test_validity_counts_calendar_months_in_the_towns_zone():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 14) == date(2028, 1, 15)
    assert valid_until(date(2026, 3, 1), None) is None
    assert valid_until(date(2026, 3, 1), 12) == date(2027, 3, 1)
    # 23:30 UTC on 31 December is already 1 January in Paris.
    assert town_date(datetime(2025, 12, 31, 23, 30, tzinfo=UTC)) == date(2026, 1, 1)
