"""The README's run command, started as a real process: GraphiQL answers, the demo login works."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD
from tests.support.smtp import free_port

ROOT = Path(__file__).resolve().parents[1]


def test_serve_demo_answers_graphiql_and_the_demo_viewer(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAIL_")}
    env["PORTAIL_VAR_DIR"] = str(tmp_path / "var")
    # What `python3 dev.py run` executes once the virtualenv is ready.
    process = subprocess.Popen(
        [sys.executable, "-m", "portail", "serve", "--demo", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stdout.read()
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start within 60 s"
            time.sleep(0.2)

        page = httpx.get(f"{base}/graphql", headers={"Accept": "text/html"})
        assert page.status_code == 200 and "graphiql" in page.text.lower()
        assert httpx.get(f"{base}/readyz").json() == {"status": "ok"}
        with httpx.Client(base_url=base) as client:
            login = client.post("/graphql", json={
                "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }",
                "variables": {"e": FAMILY_EMAIL, "p": FAMILY_PASSWORD},
            }).json()
            assert login == {"data": {"login": {"errors": []}}}
            viewer = client.post("/graphql", json={
                "query": "{ viewer { account { email } household { name address { number street } children { firstName } } } }"
            }).json()["data"]["viewer"]
        assert viewer["account"]["email"] == FAMILY_EMAIL
        assert viewer["household"]["name"] == "TEST"
        assert viewer["household"]["address"] == {"number": "15", "street": "Rue de la Surveillance"}
        assert [c["firstName"] for c in viewer["household"]["children"]] == ["Paul", "Emma-Rose"]
        assert (tmp_path / "var" / "portail.sqlite3").exists()
    finally:
        process.terminate()
        process.wait(timeout=20)
