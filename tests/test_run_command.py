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


def start_serve(tmp_path: Path, *args: str, env_extra: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """``portail serve`` in a new process on a free port, on a fresh var/ folder, once it answers."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAIL_")}
    env["PORTAIL_VAR_DIR"] = str(tmp_path / "var")
    env.update(env_extra or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "portail", "serve", *args, "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        assert process.poll() is None, process.stdout.read()
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            process.terminate()
            raise AssertionError("the server did not start within 90 s")
        time.sleep(0.2)


def test_serve_demo_answers_graphiql_and_the_demo_viewer(tmp_path):
    # What `python3 dev.py run` executes once the virtualenv is ready.
    process, base = start_serve(tmp_path, "--demo")
    try:
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


def _children_of(pid: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def test_serve_with_two_workers_shares_sessions_and_sends_each_mail_once(tmp_path):
    process, base = start_serve(
        tmp_path, "--demo", "--workers", "2", env_extra={"PORTAIL_MAIL_POLL_SECONDS": "0.2"}
    )
    try:
        # Two server processes under uvicorn's supervisor (besides multiprocessing's helpers).
        workers = [
            pid for pid in _children_of(process.pid)
            if b"multiprocessing" in Path(f"/proc/{pid}/cmdline").read_bytes()
            and b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()
        ]
        assert len(workers) == 2, workers

        from portail.demo import STAFF_EMAIL, STAFF_PASSWORD

        # Sessions live in the database: whichever process answers knows the sign-in (several
        # connections, so that the kernel spreads them over both processes).
        opened = []
        for i in range(6):
            with httpx.Client(base_url=base) as client:
                login = client.post("/graphql", json={
                    "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }",
                    "variables": {"e": STAFF_EMAIL, "p": STAFF_PASSWORD},
                }).json()
                assert login == {"data": {"login": {"errors": []}}}
                address = f"famille.{i}@example.org"
                created = client.post("/graphql", json={"query": f"""mutation {{ openFamilyAccount(input: {{
                    email: "{address}", householdName: "F{i}", firstName: "A", lastName: "F{i}"}})
                    {{ errors {{ code }} }} }}"""}).json()
                assert created == {"data": {"openFamilyAccount": {"errors": []}}}, created
                opened.append(address)
        # Each mail written once, by one process's mail worker or the other's.
        mail_dir = tmp_path / "var" / "mail"
        deadline = time.monotonic() + 30
        while True:
            recipients = [
                line.split(":", 1)[1].strip()
                for eml in mail_dir.glob("*.eml")
                for line in eml.read_text().splitlines() if line.startswith("To:")
            ]
            if all(a in recipients for a in opened) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        time.sleep(1)  # a second sending would come within a poll
        recipients = [
            line.split(":", 1)[1].strip()
            for eml in mail_dir.glob("*.eml")
            for line in eml.read_text().splitlines() if line.startswith("To:")
        ]
        assert sorted(r for r in recipients if r in opened) == sorted(opened)
    finally:
        process.terminate()
        process.wait(timeout=30)
