"""A developer opens GraphiQL on a town network without Internet access: the page renders from the
files this server ships, signs in and runs a query, and asks nothing of any other host."""

from __future__ import annotations

import json

from tests.support.builders import make_family

LOGIN = 'mutation { login(email: "%s", password: "%s") { errors { code } } }'
QUERY = "{ viewer { account { email } } bookingLegend { state label } }"


async def run_in_graphiql(page, query: str) -> dict:
    """Set the query editor's text, press ▶ and read the response pane."""
    await page.evaluate(
        "q => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(q)", query
    )
    before = await page.evaluate(
        "() => document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()"
    )
    await page.click(".graphiql-execute-button")
    await page.wait_for_function(
        """before => {
            const text = document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue();
            return text.trim().startsWith('{') && text !== before;
        }""",
        arg=before,
    )
    text = await page.evaluate(
        "() => document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()"
    )
    return json.loads(text)


async def test_graphiql_renders_and_runs_a_query_offline(db, live_server, chromium):
    family = await make_family(db)
    page = await chromium.new_page()
    await page.goto(f"{live_server.url}/graphql")
    await page.wait_for_selector(".graphiql-query-editor .CodeMirror")
    await page.wait_for_selector(".graphiql-execute-button")
    assert await page.title() == "Portail Familles — GraphiQL"

    # Signed in through GraphiQL (JSON, same origin: the CSRF guard lets it through), the session
    # cookie goes with the next query.
    signed_in = await run_in_graphiql(page, LOGIN % (family.email, family.password))
    assert signed_in == {"data": {"login": {"errors": []}}}
    answer = await run_in_graphiql(page, QUERY)
    assert answer["data"]["viewer"] == {"account": {"email": family.email}}
    assert {"state": "ACCEPTED", "label": "Présence acceptée"} in answer["data"]["bookingLegend"]

    # The schema was introspected (the docs explorer has the root types) and the explorer plugin loaded.
    await page.click("button[aria-label='Show Documentation Explorer']")
    await page.wait_for_selector(".graphiql-doc-explorer >> text=Query")
    assert await page.evaluate("() => typeof GraphiQLPluginExplorer.explorerPlugin") == "function"

    assert chromium.beyond(live_server.url) == []
    assert any("/graphiql/graphiql@3.8.3/graphiql.min.js" in url for url in chromium.requested)
    assert chromium.problems == []  # no script error, no Content-Security-Policy violation
