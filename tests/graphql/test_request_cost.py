"""A cheap request cannot cost the server seconds: the worst documents that fit within the limits,
each built to the largest size the limits let through, are answered (never a server error), and one
past the limits is refused before validation.

What they cost is measured by ``python -m bench --only hostile`` (the server's CPU per hostile
request, all its processes, and the health checks' latency meanwhile), not here: the house measures
speed in ``bench/``, as ratios in one run, never with a timed test (a loaded CI machine would fail
it, and a budget loose enough never to fail proves nothing).

Documents are counted before validation (``schema/cost.py``): fields, each fragment as often as it
is spread, and the pairs of same-named fields that graphql-core's merge check would compare. Every
document here is made unique (its operation's name: graphql-core compares documents without their
comments) so that it misses the parser and validation caches, as an attacker's would.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from graphql import parse

from portail.schema.cost import CostLimits, TooCostly, check_cost
from portail.settings import Settings

SETTINGS = Settings()
LIMITS = CostLimits(SETTINGS.max_query_fields, SETTINGS.max_query_field_pairs)


def fits(document: str) -> bool:
    """Whether ``document`` is within the token and cost limits (it reaches validation)."""
    try:
        check_cost(parse(document, max_tokens=SETTINGS.max_query_tokens), LIMITS)
    except TooCostly:
        return False
    except Exception:  # over the token limit
        return False
    return True


def largest(build: Callable[[int], str]) -> str:
    """``build(n)`` for the largest ``n`` that still fits (``build`` grows with ``n``)."""
    low, high = 1, 1
    while fits(build(high)):
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if fits(build(middle)) else (low, middle)
    assert fits(build(low))
    return build(low)


def repeated_field(n: int) -> str:
    return "{ " + " ".join(["bookingLegend { state label }"] * n) + " }"


def fragment_spread_everywhere(n: int) -> str:
    fragment = "fragment L on BookingLegendEntry { state label }"
    return "{ " + " ".join(f"a{i % 30}: bookingLegend {{ ...L }}" for i in range(n)) + " }\n" + fragment


def fragments_side_by_side(n: int) -> str:
    fragments = "\n".join(f"fragment F{i} on Query {{ bookingLegend {{ state }} }}" for i in range(n))
    return "{ " + " ".join(f"...F{i}" for i in range(n)) + " }\n" + fragments


def fragment_chain(n: int) -> str:
    """Fragments spreading the next one twice: the expansion doubles at each link."""
    links = "\n".join(f"fragment F{i} on Query {{ bookingLegend {{ state }} ...F{i + 1} ...F{i + 1} }}"
                      for i in range(n))
    return f"{{ ...F0 }}\n{links}\nfragment F{n} on Query {{ __typename }}"


def deep_nesting(n: int) -> str:
    """As deep as the depth limit allows (12), as wide as the cost limits allow at every level."""
    leaf = " ".join(["id"] * n)
    return "{ viewer { household { children { " + leaf + " sections { section state } } } } }"


def many_variables(n: int) -> str:
    definitions = " ".join(f"$v{i}: String" for i in range(n))
    return f"query Q({definitions}) {{ bookingLegend {{ state }} }}"


def many_inline_fragments(n: int) -> str:
    return "{ " + " ".join(["... on Query { bookingLegend { state } }"] * n) + " }"


WORST = {
    "one field repeated": repeated_field,
    "a fragment spread in many fields": fragment_spread_everywhere,
    "fragments side by side": fragments_side_by_side,
    "a chain of fragments doubling": fragment_chain,
    "deep and wide nesting": deep_nesting,
    "many variables": many_variables,
    "many inline fragments": many_inline_fragments,
}


def unique(document: str, label: str) -> str:
    """``document`` under an operation name no other request used."""
    name = f"U{label}{time.time_ns()}"
    if document.startswith("query Q("):
        return document.replace("query Q(", f"query {name}(", 1)
    assert document.startswith("{"), document
    return f"query {name} {document}"


async def answers(gql, document: str, label: str) -> list[dict]:
    """The answers to two posts of ``document``, each unique (neither is served from a cache)."""
    bodies = []
    for attempt in range(2):
        response = await gql.raw(unique(document, f"{label}{attempt}"), {})
        assert response.status_code == 200, response.text
        bodies.append(response.json())
    return bodies


@pytest.mark.parametrize("shape", list(WORST))
async def test_the_worst_document_within_the_limits_is_answered(gql, shape):
    document = largest(WORST[shape])
    # The largest that fits: one step bigger is refused on the cost or token limits.
    assert fits(document)
    for body in await answers(gql, document, str(len(document))):
        assert "INTERNAL_SERVER_ERROR" not in str(body)
        assert "QUERY_TOO_COMPLEX" not in str(body), body


async def test_480_repetitions_of_one_field_are_refused_before_validation(gql):
    for body in await answers(gql, repeated_field(480).replace("label ", ""), "480"):
        assert body.get("data") is None
        [error] = body["errors"]
        assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX", "limit": "pairs"}
        assert error["message"].startswith("Requête trop complexe")


async def test_fragments_that_multiply_the_fields_are_refused_with_the_limit(gql):
    # 40 tokens a link, 2**16 fields once spread: refused on the count, before anything expands them.
    body = await gql(fragment_chain(16))
    assert body.get("data") is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX", "limit": "fields"}
    assert str(SETTINGS.max_query_fields) in error["message"]


async def test_the_introspection_query_of_graphiql_fits_the_limits(gql):
    from graphql import get_introspection_query

    body = await gql(get_introspection_query(descriptions=True, specified_by_url=True,
                                             directive_is_repeatable=True, input_value_deprecation=True))
    assert "errors" not in body and body["data"]["__schema"]["queryType"]["name"] == "Query"
