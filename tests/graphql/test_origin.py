"""Cookie sessions cannot be ridden from another site: foreign origins are refused."""

from __future__ import annotations

from sqlmodel import select

from portail.db.models import AuthSession
from tests.support.builders import make_family

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }"


async def test_a_post_from_another_origin_is_refused_and_writes_nothing(db, gql, live_server):
    family = await make_family(db)
    variables = {"e": family.email, "p": family.password}
    refused = await gql.raw(LOGIN, variables, headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["extensions"]["code"] == "ORIGIN_REFUSED"
    async with db.read_sessions() as session:
        assert (await session.exec(select(AuthSession))).all() == []

    # The family client's origin (PORTAIL_PUBLIC_URL) and the server's own (GraphiQL) are accepted.
    for origin in ("http://portail.test", live_server.url):
        accepted = await gql.raw(LOGIN, variables, headers={"Origin": origin})
        assert accepted.status_code == 200 and accepted.json()["data"]["login"]["errors"] == []
