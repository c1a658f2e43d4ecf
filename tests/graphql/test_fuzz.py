"""No input may produce INTERNAL_SERVER_ERROR: every root query and mutation of the schema (read from
the schema, so a new operation is fuzzed as soon as it exists), called as anonymous, as a family and
as staff of a realistic town (the demo town, a second family, bookings, documents), with hostile values
drawn by Hypothesis from each argument's type (``tests/support/fuzz.py``); and malformed HTTP bodies.

Every answer must have a status below 500, a JSON body, and no error coded ``INTERNAL_SERVER_ERROR``.
A failure prints each distinct failing call (role, document, variables, answer, the server's
exception) so that it can be replayed by hand.

The draws are derandomized (the same calls on every run) and the budget is small by default;
``PORTAIL_FUZZ_EXAMPLES=N`` runs N rounds instead of 5 (a round calls every operation once per role).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import Uuid, text
from sqlmodel import SQLModel, col, select

import portail.demo
from portail.db.models import AuthSession, DocumentType
from portail.db.models.catalogue import Enrolment, Period, Unit
from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, STAFF_EMAIL, STAFF_PASSWORD, load_demo
from portail.rules.tokens import new_token, token_hash
from portail.schema import build_schema
from tests.conftest import http_client
from tests.support.bookings import at_town_time, change
from tests.support.builders import make_family
from tests.support.documents import make_child, pdf_bytes, upload
from tests.support.fuzz import (
    Call,
    Pools,
    draw_calls,
    json_body,
    operations,
    short_document,
    short_repr,
)
from tests.support.graphql import GraphQLClient

ROUNDS = int(os.environ.get("PORTAIL_FUZZ_EXAMPLES", "5"))
TODAY = date(2026, 11, 27)  # a Friday of the school year: the clock is fixed there
ROLES = ("anonymous", "family", "staff")
OPERATIONS = operations(build_schema()._schema)
# Signing out ends the round's sessions: it comes last.
OPERATIONS.sort(key=lambda op: op.name == "logout")
JSON = {"content-type": "application/json", "accept": "application/json"}


# -- what the server logged ----------------------------------------------------------------------


class _Exceptions(logging.Handler):
    """The exceptions the server logs (masked GraphQL errors, uncaught ASGI errors), to print them."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            self.seen.append(f"{type(exc).__module__}.{type(exc).__name__}: {str(exc)[:300]}")
        else:
            self.seen.append(record.getMessage()[:300])


@pytest.fixture
def server_exceptions() -> Iterator[_Exceptions]:
    handler = _Exceptions()
    loggers = [logging.getLogger(name) for name in ("portail", "uvicorn.error", "starlette")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)


# -- the town -------------------------------------------------------------------------------------


@dataclass
class Town:
    """The demo town with a second family, and a bearer client per role."""

    db: Any
    secret: str
    accounts: dict[str, uuid.UUID]
    clients: dict[str, httpx.AsyncClient]
    pools: Pools
    failures: dict[tuple[str, ...], str] = field(default_factory=dict)

    async def sign_in_again(self, clock: Any) -> None:
        """A fresh session for the family and for staff (a round may have signed them out)."""
        async with self.db.transaction() as session:
            for role, account_id in self.accounts.items():
                token = new_token()
                session.add(AuthSession(token_hash=token_hash(token, self.secret), account_id=account_id,
                                        remember=True, expires_at=clock.now() + timedelta(days=300)))
                self.clients[role].headers["authorization"] = f"Bearer {token}"


async def _ids(db: Any) -> dict[str, list[str]]:
    """Every id of every table: the caller's, other families', the town's."""
    found: dict[str, list[str]] = {}
    async with db.read_sessions() as session:
        for table in SQLModel.metadata.sorted_tables:
            if "id" in table.columns and isinstance(table.c.id.type, Uuid):  # not catalogue_version's
                rows = (await session.exec(text(f'SELECT id FROM "{table.name}" ORDER BY id'))).all()
                found[table.name] = [str(uuid.UUID(str(row[0]))) for row in rows]
    return found


async def _bearer(db: Any, secret: str, account_id: uuid.UUID, clock: Any) -> str:
    token = new_token()
    async with db.transaction() as session:
        session.add(AuthSession(token_hash=token_hash(token, secret), account_id=account_id, remember=True,
                                expires_at=clock.now() + timedelta(days=300)))
    return token


@pytest_asyncio.fixture(loop_scope="session")
async def town(db, live_server, settings, clock, monkeypatch) -> AsyncIterator[Town]:
    at_town_time(clock, TODAY)
    # The demo books Paul's meals of the coming weeks from its own clock: the test's, fixed.
    monkeypatch.setattr(portail.demo, "Clock", lambda: clock)
    await load_demo(db, settings)
    secret = settings.effective_secret_key
    async with db.read_sessions() as session:
        rows = (await session.exec(text("SELECT id, email FROM account"))).all()
        accounts = {email: uuid.UUID(str(id_)) for id_, email in rows}
        periods = {p.name: p for p in (await session.exec(select(Period))).all()}
        # A unit of each period booked by the day (the demo canteen's take-away meals are counted in
        # quantities): the first by position.
        day_units = (
            await session.exec(select(Unit).where(Unit.counted_in == "days").order_by(col(Unit.position)))
        ).all()
        units: dict[uuid.UUID, Unit] = {}
        for u in day_units:
            units.setdefault(u.period_id, u)
        types = {t.code: t for t in (await session.exec(select(DocumentType))).all()}
        children = dict((await session.exec(text("SELECT first_name, id FROM child"))).all())
    canteen = periods["RESTAURATION SCOLAIRE 2026-2027"]
    centre = periods["MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027"]

    clients: dict[str, httpx.AsyncClient] = {role: http_client(live_server.url, timeout=60) for role in ROLES}
    clients["family_b"] = http_client(live_server.url, timeout=60)
    try:
        family = accounts[FAMILY_EMAIL]
        clients["family"].headers["authorization"] = f"Bearer {await _bearer(db, secret, family, clock)}"
        # A second family, its child at the canteen and at the Wednesday centre, booked at both.
        bravo = await make_family(db, "bravo@famille-b.test", name="BRAVO", first_name="Bea")
        basile = await make_child(db, bravo.household, "Basile", class_level="CE1")
        async with db.transaction() as session:
            for period in (canteen, centre):
                session.add(Enrolment(child_id=basile.id, period_id=period.id, household_id=bravo.household.id,
                                      requested_by=bravo.account.id, state="accepted"))
        clients["family_b"].headers["authorization"] = \
            f"Bearer {await _bearer(db, secret, bravo.account.id, clock)}"
        b = GraphQLClient(clients["family_b"])
        a = GraphQLClient(clients["family"])
        submit = """mutation($input: BookingRequestInput!) { submitBookingRequest(input: $input) {
          request { id } errors { code } } }"""
        for period, day in ((canteen, date(2026, 12, 3)), (centre, date(2026, 12, 16))):
            done = await b.data(submit, {"input": {"periodId": str(period.id),
                                                   "changes": [change(basile.id, units[period.id].id, day)]}})
            assert done["submitBookingRequest"]["errors"] == [], done
        # The demo family asks for Emma-Rose at the centre (staff decide) and hands in documents.
        asked = await a.data("mutation($c: ID!, $p: ID!) { enrollChild(childId: $c, periodId: $p) { errors { code } } }",
                             {"c": str(children["Emma-Rose"]), "p": str(centre.id)})
        assert asked["enrollChild"]["errors"] == [], asked
        for code, child in (("ATTESTATION_CAF", None), ("VACCINATIONS", str(children["Paul"]))):
            handed = await upload(a, ("piece.pdf", pdf_bytes("Pièce"), "application/pdf"), str(types[code].id), child)
            assert handed["errors"] == [], handed
        pools = Pools(
            tables=await _ids(db),
            strings=[FAMILY_EMAIL, FAMILY_PASSWORD, STAFF_EMAIL, STAFF_PASSWORD, "bravo@famille-b.test",
                     "Paul", "TEST", "REPAS", "0612345678", "+33612345678", "56860", "SENE", "DROIT_IMAGE",
                     "ATTESTATION_CAF", "Refusé : complet", "Mme", "CM2", "2026-12-16"],
        )
        yield Town(db, secret, {"family": family, "staff": accounts[STAFF_EMAIL]}, clients, pools)
    finally:
        for client in clients.values():
            await client.aclose()


# -- the checks -----------------------------------------------------------------------------------


def internal_errors(response: httpx.Response) -> str | None:
    """Why ``response`` shows a bug or an outage, or None."""
    if response.status_code >= 500:
        return f"HTTP {response.status_code}"
    try:
        body = response.json()
    except ValueError:
        return f"not JSON (HTTP {response.status_code}, {response.headers.get('content-type')})"
    errors = body.get("errors") if isinstance(body, dict) else None
    for error in errors or []:
        if isinstance(error, dict) and (error.get("extensions") or {}).get("code") == "INTERNAL_SERVER_ERROR":
            return "INTERNAL_SERVER_ERROR"
    return None


def report(role: str, sent: Call, response: httpx.Response | None, why: str, logged: list[str]) -> str:
    answer = "(none)" if response is None else short_document(response.text)[:1500]
    return "\n".join([
        f"{sent.operation} as {role}: {why}",
        f"  document:  {short_document(sent.query)}",
        f"  variables: {short_repr(sent.variables)}",
        f"  answer:    {answer}",
        *(f"  server:    {line}" for line in logged),
    ])


async def send(town: Town, role: str, sent: Call, exceptions: _Exceptions) -> None:
    exceptions.seen.clear()
    response: httpx.Response | None = None
    try:
        response = await town.clients[role].post(
            "/graphql", content=json_body({"query": sent.query, "variables": sent.variables}), headers=JSON
        )
        why = internal_errors(response)
    except httpx.HTTPError as exc:
        why = f"no answer ({type(exc).__name__})"
    if why is not None:
        # One line per (operation, role, symptom, exception): the first call that showed it.
        key = (sent.operation.split(" (")[0], role, why, *(line[:60] for line in exceptions.seen[:1]))
        town.failures.setdefault(key, report(role, sent, response, why, list(exceptions.seen)))


# The operations in shards, each its own test: the test workers share them out (one test of some
# 130 operations held one worker for a minute and a half at the end of the run).
SHARDS = 3


@pytest.mark.parametrize("shard", range(SHARDS))
async def test_no_input_gets_an_internal_server_error(town, clock, server_exceptions, shard):
    """Each round calls every operation of the shard as each role, with arguments drawn from its types."""
    operations = OPERATIONS[shard::SHARDS]
    drawn = await asyncio.to_thread(
        lambda: {op.label: draw_calls(op, town.pools, ROLES, ROUNDS) for op in operations}
    )
    for number in range(ROUNDS):
        await town.sign_in_again(clock)
        for operation in operations:
            calls = drawn[operation.label]
            if number < len(calls):
                for role in ROLES:
                    await send(town, role, calls[number][role], server_exceptions)
    failures = list(town.failures.values())
    assert not failures, f"{len(failures)} distinct internal errors:\n\n" + "\n\n".join(failures)


# -- malformed HTTP bodies -----------------------------------------------------------------------

VIEWER = "query($v: Boolean) { viewer @skip(if: $v) { roles } }"
DEEP_LIST = b'{"query": "query($v: Boolean) { viewer @skip(if: $v) { roles } }", "variables": {"v": ' \
    + b"[" * 1000 + b"]" * 1000 + b"}}"
DEEP_OBJECT = b'{"query": "query($v: Boolean) { viewer @skip(if: $v) { roles } }", "variables": {"v": ' \
    + b'{"a": ' * 1000 + b"1" + b"}" * 1000 + b"}}"
DEEPER = b'{"query": "{ viewer { roles } }", "variables": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
BODIES: list[tuple[str, bytes]] = [
    ("empty body", b""),
    ("a JSON array", b"[]"),
    ("a JSON array of one operation", json.dumps([{"query": VIEWER}]).encode()),
    ("a JSON string", b'"x"'),
    ("a JSON number", b"1"),
    ("JSON null", b"null"),
    ("JSON true", b"true"),
    ("no query", b'{"variables": {}}'),
    ("query null", b'{"query": null}'),
    ("query a number", b'{"query": 1}'),
    ("query a list", json.dumps({"query": [VIEWER]}).encode()),
    ("query an object", json.dumps({"query": {"q": VIEWER}}).encode()),
    ("variables a list", json.dumps({"query": VIEWER, "variables": []}).encode()),
    ("variables a string", json.dumps({"query": VIEWER, "variables": "x"}).encode()),
    ("variables a number", json.dumps({"query": VIEWER, "variables": 1}).encode()),
    ("variables a JSON text", json.dumps({"query": VIEWER, "variables": '{"v": "x"}'}).encode()),
    ("operationName a number", json.dumps({"query": VIEWER, "operationName": 5}).encode()),
    ("operationName unknown", json.dumps({"query": VIEWER, "operationName": "Nope"}).encode()),
    ("extensions a string", json.dumps({"query": VIEWER, "extensions": "x"}).encode()),
    ("variables 1,000 lists deep", DEEP_LIST),
    ("variables 1,000 objects deep", DEEP_OBJECT),
    ("variables 100,000 lists deep", DEEPER),
    ("invalid UTF-8", b'{"query": "{ viewer { roles } }", "variables": {"v": "\xff\xfe\xc3("}}'),
    ("invalid UTF-8 only", b"\xff\xfe\xfd"),
    ("UTF-16 with a BOM", '{"query": "{ viewer { roles } }"}'.encode("utf-16")),
    ("truncated JSON", b'{"query": "{ viewer'),
    ("a lone surrogate in the query", b'{"query": "{ viewer { roles } }\\ud800"}'),
    ("a lone surrogate as a key", b'{"query": "{ viewer { roles } }", "variables": {"\\udfff": 1}}'),
    ("a NUL in the query", b'{"query": "{ viewer\\u0000 { roles } }"}'),
    ("NaN and Infinity", b'{"query": "query($v: Int) { documentsToReview(first: $v) { totalCount } }", "variables": {"v": NaN}}'),
    ("Infinity for an Int", b'{"query": "query($v: Int) { documentsToReview(first: $v) { totalCount } }", "variables": {"v": Infinity}}'),
    ("a huge number", b'{"query": "query($v: Int) { documentsToReview(first: $v) { totalCount } }", "variables": {"v": 1' + b"0" * 5000 + b"}}"),
    ("a huge exponent", b'{"query": "query($v: Int) { documentsToReview(first: $v) { totalCount } }", "variables": {"v": 1e99999}}'),
    ("duplicate keys", b'{"query": 1, "query": "{ viewer { roles } }", "query": null}'),
    ("an empty document", b'{"query": ""}'),
    ("a document of 100,000 braces", json.dumps({"query": "{" * 100_000}).encode()),
]


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=latin-1",
                                          "application/graphql+json"])
async def test_malformed_bodies_get_a_json_error_with_a_request_id(http, server_exceptions, content_type):
    failures = []
    for name, body in BODIES:
        server_exceptions.seen.clear()
        try:
            response = await http.post("/graphql", content=body,
                                       headers={"content-type": content_type, "accept": "application/json"})
        except httpx.HTTPError as exc:
            failures.append(f"{name}: no answer ({type(exc).__name__})")
            continue
        problems = []
        if response.status_code >= 500:
            problems.append(f"HTTP {response.status_code}")
        try:
            answer = response.json()
        except ValueError:
            problems.append("not JSON")
            answer = None
        if response.status_code >= 400 and not (isinstance(answer, dict) and answer.get("errors")):
            problems.append("no GraphQL errors")
        if isinstance(answer, dict) and internal_errors(response):
            problems.append("INTERNAL_SERVER_ERROR")
        if not response.headers.get("x-request-id"):
            problems.append("no X-Request-Id")
        if problems:
            failures.append(f"{name} ({content_type}): {', '.join(problems)}: HTTP {response.status_code} "
                            f"{response.text[:300]!r}" + "".join(f"\n  server: {s}" for s in server_exceptions.seen))
    assert not failures, f"{len(failures)} malformed bodies badly answered:\n" + "\n".join(failures)


async def test_malformed_get_requests_get_a_json_error(http, server_exceptions):
    failures = []
    for params in ({"query": VIEWER, "variables": "[]"}, {"query": VIEWER, "variables": "{"},
                   {"query": VIEWER, "variables": "1"}, {"query": "{" * 10_000},
                   {"query": "{ viewer { roles } }\ud800".encode("utf-8", "surrogatepass").decode("latin-1")},
                   {"query": "mutation { logout { ok } }"}, {}):
        server_exceptions.seen.clear()
        response = await http.get("/graphql", params=params, headers={"accept": "application/json"})
        why = internal_errors(response)
        if why or not response.headers.get("x-request-id"):
            failures.append(f"GET {short_repr(params)}: {why}: {response.text[:300]!r} {server_exceptions.seen}")
    assert not failures, "\n".join(failures)
