"""A client on its own origin (a Vue dev server, ``https://app.ville.fr``) may call the API from a
browser; any other origin gets no CORS header, and its POSTs are still refused."""

from __future__ import annotations

import pytest
from sqlmodel import select

from portail.db.models import AuthSession
from tests.support.builders import make_family

DEV_SERVER = "http://localhost:5173"
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }"


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"allowed_origins": [DEV_SERVER]})


def preflight(origin: str, headers: str = "content-type") -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": headers,
    }


def cors_headers(response) -> dict[str, str]:
    return {k.lower(): v for k, v in response.headers.items() if k.lower().startswith("access-control-")}


async def test_the_preflight_of_a_configured_origin_is_answered(http):
    # PORTAIL_PUBLIC_URL and each of PORTAIL_ALLOWED_ORIGINS.
    for origin in ("http://portail.test", DEV_SERVER):
        response = await http.options(
            "/graphql", headers=preflight(origin, "content-type, authorization, x-portail-csrf")
        )
        assert response.status_code == 200, origin
        headers = cors_headers(response)
        assert headers["access-control-allow-origin"] == origin  # never "*": cookies go with it
        assert headers["access-control-allow-credentials"] == "true"
        assert {m.strip() for m in headers["access-control-allow-methods"].split(",")} >= {"GET", "POST"}
        allowed = {h.strip().lower() for h in headers["access-control-allow-headers"].split(",")}
        assert allowed >= {"content-type", "authorization", "x-portail-csrf"}
        assert "Origin" in response.headers["vary"]
        assert response.headers["x-request-id"]


async def test_a_configured_origin_reads_the_answers_and_the_request_id(db, http):
    family = await make_family(db)
    response = await http.post(
        "/graphql",
        json={"query": LOGIN, "variables": {"e": family.email, "p": family.password}},
        headers={"Origin": DEV_SERVER},
    )
    assert response.status_code == 200 and response.json()["data"]["login"]["errors"] == []
    headers = cors_headers(response)
    assert headers["access-control-allow-origin"] == DEV_SERVER
    assert headers["access-control-allow-credentials"] == "true"
    assert headers["access-control-expose-headers"].lower() == "x-request-id"
    assert "portail_session" in response.headers.get("set-cookie", "")
    # A refusal (here the CSRF guard's) is readable by the client too, with its request id.
    refused = await http.post("/graphql", content=b"{}", headers={"Origin": DEV_SERVER})
    assert refused.status_code == 403
    assert cors_headers(refused)["access-control-allow-origin"] == DEV_SERVER


async def test_another_origin_gets_no_cors_header_and_its_posts_are_refused(db, http):
    family = await make_family(db)
    evil = "https://evil.example"
    response = await http.options("/graphql", headers=preflight(evil))
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "ORIGIN_REFUSED"
    assert cors_headers(response) == {}

    posted = await http.post(
        "/graphql",
        json={"query": LOGIN, "variables": {"e": family.email, "p": family.password}},
        headers={"Origin": evil},
    )
    assert posted.status_code == 403
    assert posted.json()["errors"][0]["extensions"]["code"] == "ORIGIN_REFUSED"
    assert cors_headers(posted) == {}
    async with db.read_sessions() as session:
        assert (await session.exec(select(AuthSession))).all() == []

    # A query over GET is answered, but without CORS headers the browser hides it from that page.
    read = await http.get("/graphql", params={"query": "{ __typename }"}, headers={"Origin": evil})
    assert read.status_code == 200 and cors_headers(read) == {}


async def test_a_preflight_asking_for_another_header_is_refused_in_json(http):
    response = await http.options("/graphql", headers=preflight(DEV_SERVER, "content-type, x-secret"))
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "CORS_REFUSED"
    assert cors_headers(response) == {}


async def test_a_plain_options_request_is_not_a_preflight(http):
    # Without Access-Control-Request-Method there is nothing to grant: the route answers as before.
    response = await http.options("/graphql", headers={"Origin": DEV_SERVER})
    assert response.status_code == 405
