"""GraphQL and HTTP hygiene, over real HTTP: query limits, one sign-in per request, body size,
CSRF, GET, GraphiQL, masked internal errors, production trimming, health checks."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio

import portail.resolvers.records
from portail.app import create_app
from portail.settings import Settings, SettingsError
from tests.conftest import LiveServer
from tests.support.builders import make_family
from tests.support.counts import row_counts
from tests.support.graphql import GraphQLClient

LOGIN_FIELDS = 'login(email: "{email}", password: "{password}") {{ errors {{ code }} }}'
LOGIN = """
mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { viewer { account { email } } errors { code } }
}"""


def nested(field: str, depth: int, leaf: str = "__typename") -> str:
    """``field { field { … leaf … } }``, ``depth`` fields deep."""
    return f"{field} {{ " * depth + leaf + " }" * depth


def codes(body: dict) -> list[str | None]:
    return [(e.get("extensions") or {}).get("code") for e in body.get("errors", [])]


def messages(body: dict) -> str:
    return "\n".join(e["message"] for e in body.get("errors", []))


async def sessions_count(db) -> int:
    return (await row_counts(db, ("auth_session",)))["auth_session"]


# ---------------------------------------------------------------------------------------------
# Query limits


async def test_a_50_deep_query_is_refused(db, gql, settings):
    limit = f"exceeds maximum operation depth of {settings.max_query_depth}"

    deep = await gql(f"{{ {nested('viewer', 50)} }}")
    assert deep.get("data") is None
    assert limit in messages(deep)

    # Through fragments too: each adds one level.
    fragments = "\n".join(f"fragment F{i} on Viewer {{ viewer {{ ...F{i + 1} }} }}" for i in range(50))
    by_fragments = await gql(
        f"{{ viewer {{ ...F0 }} }}\n{fragments}\nfragment F50 on Viewer {{ __typename }}"
    )
    assert by_fragments.get("data") is None
    assert limit in messages(by_fragments)

    # The limit is the setting, not an accident of the schema: 13 levels are refused, 12 are not.
    assert limit in messages(await gql(f"{{ {nested('viewer', settings.max_query_depth + 1)} }}"))
    assert limit not in messages(await gql(f"{{ {nested('viewer', settings.max_query_depth)} }}"))


async def test_a_deep_selection_under_login_is_refused_before_signing_in(db, gql):
    family = await make_family(db)
    signin = LOGIN_FIELDS.format(email=family.email, password=family.password)
    deep = signin.replace("errors { code }", "errors { code } " + nested("viewer", 50))
    body = await gql(f"mutation {{ {deep} }}")
    assert body.get("data") is None
    assert "maximum operation depth" in messages(body)
    assert await sessions_count(db) == 0
    assert "portail_session" not in gql.http.cookies


async def test_1000_aliases_are_refused(db, gql, settings):
    # Written out, 1,000 aliases already break the token limit.
    written = await gql("{ " + " ".join(f"a{i}: __typename" for i in range(1000)) + " }")
    assert written.get("data") is None
    assert f"more than {settings.max_query_tokens} tokens" in messages(written)

    # Multiplied by a fragment they fit in a few hundred tokens: the alias limiter refuses them.
    fragment = "fragment Many on Query { " + " ".join(f"a{i}: __typename" for i in range(10)) + " }"
    amplified = await gql("{ " + " ".join(["...Many"] * 4) + " }\n" + fragment)
    assert amplified.get("data") is None
    assert f"40 aliases found. Allowed: {settings.max_aliases}" in messages(amplified)

    over = await gql("{ " + " ".join(f"a{i}: __typename" for i in range(settings.max_aliases + 1)) + " }")
    assert f"aliases found. Allowed: {settings.max_aliases}" in messages(over)
    at_limit = await gql("{ " + " ".join(f"a{i}: __typename" for i in range(settings.max_aliases)) + " }")
    assert "errors" not in at_limit
    assert at_limit["data"]["a0"] == "Query"


@pytest.mark.parametrize(
    "document",
    [
        "mutation {{ first: {login} second: {login} }}",
        "mutation {{ {login} again: {login} }}",
        "mutation {{ ...A ...B }} fragment A on Mutation {{ {login} }} fragment B on Mutation {{ b: {login} }}",
        "mutation {{ ... on Mutation {{ {login} }} ... on Mutation {{ other: {login} }} }}",
        "mutation {{ ...A }} fragment A on Mutation {{ a: {login} ...B }} fragment B on Mutation {{ b: {login} }}",
        "mutation One {{ {login} }} mutation Two {{ {login} }}",
    ],
    ids=["aliases", "plain-and-alias", "fragments", "inline-fragments", "nested-fragments", "two-operations"],
)
async def test_two_logins_in_one_document_are_refused(db, gql, document):
    family = await make_family(db)
    login = LOGIN_FIELDS.format(email=family.email, password=family.password)
    request = {"query": document.format(login=login)}
    if "mutation One" in document:
        request["operationName"] = "One"
    response = await gql.http.post("/graphql", json=request)
    body = response.json()
    assert body.get("data") is None, body
    assert "TOO_MANY_LOGINS" in codes(body)
    assert "Une seule tentative de connexion" in messages(body)
    assert "set-cookie" not in response.headers
    assert await sessions_count(db) == 0

    # One login per request is fine (the credentials were good all along).
    single = await gql.data(LOGIN, {"email": family.email, "password": family.password})
    assert single["login"]["errors"] == []
    assert await sessions_count(db) == 1


async def test_a_batch_of_logins_is_refused(db, gql):
    family = await make_family(db)
    one = {"query": LOGIN, "variables": {"email": family.email, "password": family.password}}
    response = await gql.http.post("/graphql", json=[one, one])
    assert response.status_code == 400
    assert await sessions_count(db) == 0


# ---------------------------------------------------------------------------------------------
# HTTP: body size, CSRF, GET, GraphiQL


async def test_a_body_over_the_size_limit_gets_413_and_does_nothing(db, gql, settings):
    family = await make_family(db)
    variables = {"email": family.email, "password": family.password, "padding": "x" * settings.max_body_bytes}

    announced = await gql.raw(LOGIN, variables)
    assert announced.status_code == 413
    assert announced.json()["errors"][0]["extensions"] == {
        "code": "PAYLOAD_TOO_LARGE",
        "maxBytes": settings.max_body_bytes,
        "requestId": announced.headers["x-request-id"],
    }

    # Streamed without a Content-Length: counted as it arrives.
    payload = json.dumps({"query": LOGIN, "variables": variables}).encode()

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(payload), 64 * 1024):
            yield payload[start : start + 64 * 1024]

    streamed = await gql.http.post("/graphql", content=chunks(), headers={"Content-Type": "application/json"})
    assert "content-length" not in streamed.request.headers
    assert streamed.status_code == 413
    assert streamed.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert await sessions_count(db) == 0

    # Just under the limit, the same request signs in: the padding was not the problem.
    variables["padding"] = "x" * (settings.max_body_bytes - 2000)
    accepted = await gql.raw(LOGIN, variables)
    assert accepted.status_code == 200
    assert accepted.json()["data"]["login"]["errors"] == []
    assert await sessions_count(db) == 1


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        None,
    ],
)
async def test_a_post_a_form_could_send_is_refused_without_the_csrf_header(db, gql, content_type):
    family = await make_family(db)
    body = json.dumps({"query": LOGIN, "variables": {"email": family.email, "password": family.password}})
    headers = {"Content-Type": content_type} if content_type else {}
    request = gql.http.build_request("POST", "/graphql", content=body.encode(), headers=headers)
    assert request.headers.get("content-type") == content_type
    response = await gql.http.send(request)
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "CSRF_REFUSED"
    assert "x-portail-csrf" in response.json()["errors"][0]["message"]
    assert "set-cookie" not in response.headers
    assert await sessions_count(db) == 0

    # With the header (which a cross-site form cannot add) the guard lets the request through
    # (a multipart one must also say its origin: see tests/documents/test_upload_csrf.py).
    headers["x-portail-csrf"] = "1"
    headers["Origin"] = "http://portail.test"
    passed = await gql.http.post("/graphql", content=body.encode(), headers=headers)
    assert passed.status_code != 403 and "CSRF_REFUSED" not in passed.text


async def test_json_posts_pass_the_csrf_guard(db, gql):
    family = await make_family(db)
    variables = {"email": family.email, "password": family.password}
    signed_in = await gql.raw(LOGIN, variables, headers={"x-portail-csrf": "1"})
    assert signed_in.status_code == 200 and signed_in.json()["data"]["login"]["errors"] == []
    assert await sessions_count(db) == 1


async def test_a_mutation_over_get_is_refused(db, gql):
    family = await make_family(db)
    login = LOGIN_FIELDS.format(email=family.email, password=family.password)
    response = await gql.http.get("/graphql", params={"query": f"mutation {{ {login} }}"})
    assert response.status_code == 400
    assert "mutations are not allowed when using GET" in response.text
    assert "set-cookie" not in response.headers
    assert await sessions_count(db) == 0

    # Queries over GET are allowed.
    query = await gql.http.get("/graphql", params={"query": "{ viewer { roles } }"})
    assert query.status_code == 200
    assert query.json() == {"data": {"viewer": None}}


async def test_graphiql_is_served_to_browsers_in_development(db, http):
    page = await http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "graphiql" in page.text.lower()


async def test_graphiql_loads_its_files_from_this_server_only(db, http):
    """Nothing from a CDN: the page works on a network without Internet access."""
    page = await http.get("/graphql", headers={"Accept": "text/html"})
    assert "unpkg.com" not in page.text and "https://" not in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    sources = re.findall(r'(?:src|href)="(/graphiql/[^"]+)"', page.text)
    assert len(sources) == 8  # react, react-dom, graphiql js + css, explorer js + css, our js + css
    for source in sources:
        asset = await http.get(source)
        assert asset.status_code == 200, source
        assert asset.content, source
        if "@" in source:  # a pinned version never changes
            assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
            integrity = re.search(rf'"{re.escape(source)}"\s+integrity="sha384-([^"]+)"', page.text)
            digest = base64.b64encode(hashlib.sha384(asset.content).digest()).decode()
            assert integrity is not None and integrity.group(1) == digest, source
        else:
            assert asset.headers["cache-control"] == "no-cache"
    assert (await http.get("/graphiql/NOTICE.md")).status_code == 200
    assert (await http.get("/graphiql/../settings.py")).status_code == 404


# ---------------------------------------------------------------------------------------------
# Internal errors


async def test_internal_errors_are_masked_with_the_request_id(db, gql, monkeypatch, caplog):
    family = await make_family(db)
    await gql.data(LOGIN, {"email": family.email, "password": family.password})

    def broken(ctx, record):
        raise RuntimeError("secret detail: password=hunter2 at /srv/portail/db.py")

    monkeypatch.setattr(portail.resolvers.records, "to_complete", broken)
    response = await gql.raw("{ viewer { account { email } toComplete { section } } }")
    assert response.status_code == 200
    body = response.json()
    request_id = response.headers["x-request-id"]
    assert len(request_id) >= 16
    [error] = body["errors"]
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}
    assert error["message"] == f"Erreur interne du serveur. Référence : {request_id}"
    assert error["path"] == ["viewer", "toComplete"]
    assert (
        "secret" not in response.text
        and "hunter2" not in response.text
        and "RuntimeError" not in response.text
    )
    # toComplete is not nullable: the error nulls the viewer. The log keeps the detail, same id.
    assert body["data"] == {"viewer": None}
    assert any(request_id in r.getMessage() and r.exc_info for r in caplog.records)


async def test_every_response_carries_its_own_request_id(db, http):
    first = await http.get("/healthz")
    second = await http.post("/graphql", json={"query": "{ __typename }"})
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
    assert first.headers["x-content-type-options"] == "nosniff"


# ---------------------------------------------------------------------------------------------
# Production


@pytest.fixture
def production_settings(settings: Settings) -> Settings:
    return Settings(
        _env_file=None,
        env="production",
        secret_key="x" * 40,
        database_url=settings.database_url,
        var_dir=settings.var_dir,
        public_url="https://portail.test",
        smtp_host=settings.smtp_host,
        smtp_port=settings.smtp_port,
    )


@pytest_asyncio.fixture(loop_scope="session")
async def production(db, production_settings, clock) -> AsyncIterator[GraphQLClient]:
    server = LiveServer(create_app(production_settings, clock=clock, run_mail_worker=False))
    await server.start()
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        yield GraphQLClient(client)
    await server.stop()


INTROSPECTION = [
    "{ __schema { types { name } } }",
    '{ __type(name: "Account") { fields { name } } }',
    "{ viewer { roles } schema: __schema { queryType { name } } }",
]

# Mistakes graphql-core answers with "Did you mean …?" (a field, an argument, a type, an input
# field, an enum-free variable input), which would reveal the schema.
MISSPELT = [
    ("{ viewr { roles } }", None),
    ('mutation { login(emial: "a@b.fr", password: "x") { errors { code } } }', None),
    ("mutation($i: OpenFamilyAccountInpt!) { openFamilyAccount(input: $i) { errors { code } } }", None),
    (
        'mutation { openFamilyAccount(input: {emial: "a@b.fr", householdName: "X", firstName: "A", '
        'lastName: "B"}) { errors { code } } }',
        None,
    ),
    (
        "mutation($i: OpenFamilyAccountInput!) { openFamilyAccount(input: $i) { errors { code } } }",
        {"i": {"emial": "a@b.fr", "householdName": "X", "firstName": "A", "lastName": "B"}},
    ),
    ("{ viewer { acount { email } } }", None),
]


async def test_production_refuses_introspection(production):
    for query in INTROSPECTION:
        body = await production(query)
        assert body.get("data") is None, query
        assert "introspection" in messages(body).lower()
    # __typename is not introspection of the schema.
    assert (await production.data("{ __typename }")) == {"__typename": "Query"}


async def test_development_allows_introspection(gql):
    body = await gql.data(INTROSPECTION[0])
    assert {"name": "Query"} in body["__schema"]["types"]


async def test_production_gives_no_suggestions(production, gql):
    for query, variables in MISSPELT:
        # Development helps the developer…
        assert "Did you mean" in messages(await gql(query, variables)), query
        # …production does not reveal the schema.
        body = await production(query, variables)
        assert body.get("data") is None
        assert body["errors"], query
        assert "Did you mean" not in json.dumps(body), body


async def test_production_serves_no_graphiql(production):
    page = await production.http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert "graphiql" not in page.text.lower()
    assert not page.headers.get("content-type", "").startswith("text/html")
    assert (await production.http.get("/graphiql/react@18.2.0/react.production.min.js")).status_code == 404


async def test_production_requires_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.delenv("PORTAIL_SECRET_KEY", raising=False)
    monkeypatch.delenv("PORTAIL_ENV", raising=False)
    with pytest.raises(SettingsError, match="PORTAIL_SECRET_KEY"):
        Settings(_env_file=None, env="production", var_dir=tmp_path)
    with pytest.raises(SettingsError):
        Settings(_env_file=None, env="production", secret_key="x" * 31, var_dir=tmp_path)
    monkeypatch.setenv("PORTAIL_ENV", "production")
    with pytest.raises(SettingsError):
        Settings(_env_file=None, var_dir=tmp_path)
    assert Settings(_env_file=None, env="production", secret_key="x" * 32, var_dir=tmp_path).is_production
    monkeypatch.delenv("PORTAIL_ENV")
    # Development makes one up (and keeps it).
    dev = Settings(_env_file=None, env="development", var_dir=tmp_path)
    assert len(dev.effective_secret_key) >= 32
    assert dev.effective_secret_key == Settings(_env_file=None, var_dir=tmp_path).effective_secret_key


# ---------------------------------------------------------------------------------------------
# Health


async def test_healthz_and_readyz_answer_ok(db, http, production):
    for client in (http, production.http):
        alive = await client.get("/healthz")
        assert alive.status_code == 200 and alive.json() == {"status": "ok"}
        ready = await client.get("/readyz")
        assert ready.status_code == 200 and ready.json() == {"status": "ok"}
