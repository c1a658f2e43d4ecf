"""Link and session tokens (``portail.rules.tokens``)."""

from __future__ import annotations

import re

import pytest

from portail.rules.tokens import MAX_TOKEN_LENGTH, looks_like_token, new_token, token_hash

SECRET = "test-secret-key-" + "x" * 32


def test_new_tokens_are_urlsafe_random_and_43_characters() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    for token in tokens:
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token), token
        assert looks_like_token(token)


def test_hash_is_keyed_hex_sha256() -> None:
    token = new_token()
    digest = token_hash(token, SECRET)
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert token_hash(token, SECRET) == digest  # deterministic: it is looked up
    assert token_hash(token, SECRET + "y") != digest  # another key, another hash
    assert token_hash(new_token(), SECRET) != digest
    assert token not in digest


def test_known_hmac_value() -> None:
    # HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
    assert token_hash("The quick brown fox jumps over the lazy dog", "key") == (
        "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
    )


@pytest.mark.parametrize(
    ("token", "ok"),
    [
        ("a" * 20, True),
        ("a" * 19, False),
        ("a" * MAX_TOKEN_LENGTH, True),
        ("a" * (MAX_TOKEN_LENGTH + 1), False),
        ("", False),
        ("AbC-dEf_0123456789xyz", True),
        ("AbC-dEf_0123456789xy=", False),  # padding is not ours
        ("AbC-dEf 0123456789xyz", False),
        ("AbC-dEf/0123456789xyz", False),
        ("AbC-dEf+0123456789xyz", False),
        ("AbC-dEf.0123456789xyz", False),
        ("AbC-dEf%0123456789xyz", False),
        ("é" * 30, False),  # non-ASCII letters are alphanumeric but not ours
        ("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠", False),  # Arabic-Indic digits
        ("' OR 1=1 --aaaaaaaaaaaa", False),
        ("abc\ndefghijklmnopqrstu", False),
    ],
)
def test_looks_like_token(token: str, ok: bool) -> None:
    assert looks_like_token(token) is ok
