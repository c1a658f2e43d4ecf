"""No input produces INTERNAL_SERVER_ERROR: malformed bodies, text that is not Unicode, dates at the
ends of the calendar, times without an offset, lost database connections. Each answer is JSON with
a code and the request id; nothing is written."""

from __future__ import annotations

import asyncio
import datetime
import json
import logging

import pytest
import strawberry
from sqlalchemy import text

from portail.http import GraphQLView
from portail.schema.extensions import error_code
from portail.schema.scalars import SCALAR_OVERRIDES
from tests.support.builders import make_family
from tests.support.counts import row_counts

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }"
PROFILE = """mutation($input: UpdateProfileInput!) {
  updateProfile(input: $input) { errors { field code message } } }"""


async def signed_in(gql, user) -> None:
    assert (await gql.data(LOGIN, {"e": user.email, "p": user.password}))["login"]["errors"] == []


def assert_json_error(response, status: int, code: str) -> dict:
    """The answer is a GraphQL-shaped JSON error with ``code`` and the request id of the header."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == code
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    return error


# -- bodies of any shape ---------------------------------------------------------------------------

MALFORMED_BODIES = {
    "not JSON": b"{query: viewer}",
    "empty": b"",
    "not UTF-8": b'{"query": "{ viewer { roles } }", "x": "\xff\xfe"}',
    "an array": b"[]",
    "an array of operations": b'[{"query": "{ bookingLegend { state } }"}]',
    "a string": b'"{ viewer { roles } }"',
    "a number": b"1",
    "null": b"null",
    "query not a string": b'{"query": 5}',
    "variables not an object": b'{"query": "{ viewer { roles } }", "variables": "x"}',
    "extensions not an object": b'{"query": "{ viewer { roles } }", "extensions": []}',
    "no query": b'{"variables": {}}',
    "operationName not a string": b'{"query": "{ viewer { roles } }", "operationName": []}',
    "nested 1,000 levels in variables": (
        b'{"query": "{ viewer { roles } }", "variables": {"x": ' + b"[" * 1000 + b"]" * 1000 + b"}}"
    ),
    "nested 100,000 levels": b'{"query": "{ viewer { roles } }", "variables": {"x": '
    + b"[" * 100_000 + b"]" * 100_000 + b"}}",
}


@pytest.mark.parametrize("shape", list(MALFORMED_BODIES))
async def test_a_malformed_body_gets_a_json_error_with_the_request_id(http, shape):
    response = await http.post(
        "/graphql", content=MALFORMED_BODIES[shape], headers={"content-type": "application/json"}
    )
    assert 400 <= response.status_code < 500, (shape, response.status_code, response.text)
    [error] = response.json()["errors"]
    assert error["message"]
    assert error["extensions"]["code"]
    assert response.headers["x-request-id"]
    if "requestId" in error["extensions"]:
        assert error["extensions"]["requestId"] == response.headers["x-request-id"]


async def test_a_lone_surrogate_anywhere_refuses_the_request_naming_where_and_writes_nothing(db, gql):
    family = await make_family(db)
    await signed_in(gql, family)
    before = await row_counts(db)
    # JSON can spell a lone surrogate; Python's json would refuse to write one, so it is spelled here.
    body = json.dumps({"query": PROFILE, "variables": {"input": {"employer": "ACME"}}}).replace(
        "ACME", "x\\ud800y"
    )
    response = await gql.http.post("/graphql", content=body, headers={"content-type": "application/json"})
    error = assert_json_error(response, 400, "INVALID_TEXT")
    assert error["extensions"]["field"] == "input.employer"
    assert "U+D800" in error["message"]
    assert await row_counts(db) == before

    # NUL likewise (PostgreSQL refuses it in any text), in a list of codes as in a name.
    for variables, field in [
        ({"input": {"employer": "a\u0000b"}}, "input.employer"),
        ({"input": {"firstName": "Lola", "employer": ["x", "a\u0000"]}}, "input.employer.1"),
    ]:
        response = await gql.http.post("/graphql", json={"query": PROFILE, "variables": variables})
        error = assert_json_error(response, 400, "INVALID_TEXT")
        assert error["extensions"]["field"] == field and "U+0000" in error["message"]
    # Spelled as an escape in a literal: refused by the validation.
    body = await gql('mutation { updateProfile(input: {employer: "a\\u0000b"}) { errors { code } } }')
    assert body.get("data") is None
    assert body["errors"][0]["extensions"]["code"] == "INVALID_TEXT"
    assert await row_counts(db) == before

    # In the document itself, too (the lexer refuses it; the answer is still JSON).
    body = json.dumps({"query": '{ viewer { roles } } # "ACME"'}).replace("ACME", "\\udfff")
    response = await gql.http.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert_json_error(response, 400, "INVALID_TEXT")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("a\x1bb", "INVALID"),
        ("a\nb", "INVALID"),  # a one-line field
        ("a\u202eb", None),  # a right-to-left override is text: kept
        ("👩‍👧 Émilie", None),
        ("X" * 100_000, "TOO_LONG"),
    ],
)
async def test_hostile_text_in_a_field_is_that_fields_error(db, gql, value, code):
    family = await make_family(db)
    await signed_in(gql, family)
    result = (await gql.data(PROFILE, {"input": {"employer": value}}))["updateProfile"]
    assert [(e["field"], e["code"]) for e in result["errors"]] == ([("employer", code)] if code else [])


async def test_a_multi_line_field_keeps_its_line_breaks(db, gql):
    family = await make_family(db)
    await signed_in(gql, family)
    update = """mutation($r: String!) { updateHousehold(input: {complementary: {remarks: $r}}) {
      household { complementary { remarks } } errors { field code } } }"""
    result = (await gql.data(update, {"r": "Allergique aux arachides.\r\nPrévenir le matin."}))["updateHousehold"]
    assert result["errors"] == []
    assert result["household"]["complementary"]["remarks"] == "Allergique aux arachides.\nPrévenir le matin."
    result = (await gql.data(update, {"r": "a\x07b"}))["updateHousehold"]
    assert result["errors"] == [{"field": "remarks", "code": "INVALID"}]


# -- dates and times -------------------------------------------------------------------------------

# No argument of the API is a DateTime today (lists page by cursor): the scalar is checked on a
# one-field schema using the API's scalars, as a future argument would be.


@strawberry.type
class _EchoQuery:
    @strawberry.field
    def echo(self, at: datetime.datetime) -> datetime.datetime:
        return at


ECHO = strawberry.Schema(query=_EchoQuery, scalar_overrides=SCALAR_OVERRIDES)
AT = "query($before: DateTime!) { echo(at: $before) }"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2026-01-01T00:00:00", "décalage horaire"),
        ("0001-01-01T00:00:00+14:00", "comprise entre"),
        ("9999-12-31T23:59:59Z", "comprise entre"),
        ("2026-02-30T00:00:00Z", "invalides"),
        ("demain", "invalides"),
    ],
)
async def test_a_bad_datetime_is_refused_naming_the_variable(value, words):
    result = await ECHO.execute(AT, variable_values={"before": value})
    [error] = result.errors or []
    assert error_code(error) == "BAD_USER_INPUT"
    assert "$before" in error.message and words in error.message


async def test_an_instant_with_its_offset_is_taken():
    result = await ECHO.execute(AT, variable_values={"before": "2026-01-01T00:00:00+01:00"})
    assert result.errors is None and result.data == {"echo": "2026-01-01T00:00:00+01:00"}
    result = await ECHO.execute(AT, variable_values={"before": "2026-01-01T00:00:00Z"})
    assert result.errors is None and result.data == {"echo": "2026-01-01T00:00:00+00:00"}


@pytest.mark.parametrize(
    "query",
    [
        '{ planning(from: "9999-12-01", to: "9999-12-31") { days { date } } }',
        '{ planning(from: "0001-01-01", to: "0001-01-31") { days { date } } }',
        '{ bookableDays(childId: "x", periodId: "y", from: "0001-01-01", to: "0001-01-02") { periodId } }',
        '{ bookableDays(childId: "x", periodId: "y", from: "9999-12-30", to: "9999-12-31") { periodId } }',
    ],
)
async def test_dates_at_the_ends_of_the_calendar_are_refused_naming_the_argument(db, gql, query):
    family = await make_family(db)
    await signed_in(gql, family)
    body = await gql(query)
    assert body.get("data") is None
    for error in body["errors"]:
        assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
        assert "Date refusée" in error["message"]


# -- faults ----------------------------------------------------------------------------------------


async def test_an_unexpected_exception_is_a_json_500_with_the_request_id(http, monkeypatch, caplog):
    async def broken(self, request, context=None, root_value=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(GraphQLView, "run", broken)
    with caplog.at_level(logging.ERROR, logger="portail.http"):
        response = await http.post("/graphql", json={"query": "{ viewer { roles } }"})
    error = assert_json_error(response, 500, "INTERNAL_SERVER_ERROR")
    assert "boom" not in response.text and error["extensions"]["requestId"] in error["message"]
    [record] = [r for r in caplog.records if r.name == "portail.http"]
    assert record.exc_info is not None and response.headers["x-request-id"] in record.getMessage()


async def test_refusals_are_logged_in_one_info_line_and_bugs_with_their_traceback(
    db, gql, caplog, monkeypatch
):
    with caplog.at_level(logging.INFO):
        await gql("{ viewer { nope } }")  # a validation error
        await gql("{ household { name } }")  # not signed in
    refusals = [r for r in caplog.records if r.name.startswith("portail") and "refused" in r.getMessage()]
    assert {r.levelno for r in refusals} == {logging.INFO}
    assert all(r.exc_info is None for r in refusals)
    assert any("GRAPHQL_VALIDATION_FAILED" in r.getMessage() for r in refusals)
    assert any("UNAUTHENTICATED" in r.getMessage() for r in refusals)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.postgresql_only
async def test_connections_the_database_dropped_are_replaced_without_failing_requests(db, gql, live_server):
    family = await make_family(db)
    await signed_in(gql, family)
    query = "{ viewer { account { email } household { name } } }"
    assert (await gql.data(query))["viewer"]["account"]["email"] == family.email
    # An administrator (or a failover) ends every connection of the server's pool.
    app_db = live_server.app.state.db
    async with db.engine.connect() as admin:
        ended = (
            await admin.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        ).scalar_one()
    assert ended >= 1
    for _ in range(3):
        assert (await gql.data(query))["viewer"]["account"]["email"] == family.email
    # None left checked out: the mail worker's polls take one for a few milliseconds now and then, a
    # connection lost by a request would stay out.
    for _ in range(40):
        if app_db.engine.pool.checkedout() == 0:
            break
        await asyncio.sleep(0.05)
    assert app_db.engine.pool.checkedout() == 0
