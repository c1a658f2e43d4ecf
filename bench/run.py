"""Benchmark: the ``viewer`` and ``household`` queries over HTTP against bare Starlette twins,
fiche sanitaire PDFs per second, and sign-in cost.

    .venv/bin/python -m bench            # SQLite (about 2 minutes)
    .venv/bin/python -m bench --pg       # also PostgreSQL, raw load generator (about 3 minutes)
    .venv/bin/python -m bench --profile  # then a cProfile look at the server under GraphQL load

Prints a table and writes it to ``bench/results.md``. See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import platform
import pstats
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path

import httpx
from sqlalchemy import text

from bench.loadgen import Call, LoadGenerator, Run
from bench.records import HOUSEHOLD_QUERY, PRINTABLE_FORMS_QUERY, PdfTiming, fill_household, time_health_form
from bench.server import BASELINE_PATH, HOUSEHOLD_PATH, STATEMENTS_PATH
from portail.adapters import hashing
from portail.db import migrate
from portail.db.engine import Database
from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.md"
PG_ADMIN_URL = os.environ.get("PORTAIL_BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")

VIEWER_QUERY = (
    "{ viewer { account { id email roles } profile { firstName lastName mobilePhone } "
    "household { name address { number street postcode city } children { firstName lastName birthDate } } } }"
)
LOGIN_MUTATION = (
    "mutation Login($email: String!, $password: String!) { "
    "login(email: $email, password: $password, bearer: true) { bearerToken errors { code message } } }"
)
JSON_HEADERS = {"content-type": "application/json"}


@dataclass(frozen=True)
class Case:
    """A GraphQL query and its bare Starlette twin."""

    name: str
    query: str
    baseline_path: str


CASES = {
    "viewer": Case("viewer", VIEWER_QUERY, BASELINE_PATH),
    "household": Case("household", HOUSEHOLD_QUERY, HOUSEHOLD_PATH),
}


# ---------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Series:
    """Every run of one endpoint, for the table."""

    label: str
    runs: list[Run] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return sum(r.count for r in self.runs) / sum(r.elapsed for r in self.runs)

    def percentile(self, q: float) -> float:
        values = sorted(v for r in self.runs for v in r.latencies)
        return values[min(len(values) - 1, int(q * len(values)))] * 1000

    @property
    def failures(self) -> int:
        return sum(r.failures for r in self.runs)

    @property
    def cpu_ms(self) -> float:
        """Server CPU (all its threads) per request."""
        return 1000 * sum(r.server_cpu for r in self.runs) / sum(r.count for r in self.runs)

    @property
    def cpu_share(self) -> float:
        """Server CPU use during the runs, in cores."""
        return sum(r.server_cpu for r in self.runs) / sum(r.elapsed for r in self.runs)


# ---------------------------------------------------------------------------------------------
# Database and server


@contextlib.asynccontextmanager
async def fresh_database(backend: str, tmp: Path) -> AsyncIterator[str]:
    """A new database (SQLite file, or a dedicated PostgreSQL database), migrated, with the demo
    and the benchmark's household (three children, every section filled in)."""
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp / 'portail.sqlite3'}"
        admin = None
        name = ""
    else:
        name = f"portail_bench_{uuid.uuid4().hex[:10]}"
        admin = Database(PG_ADMIN_URL)
        async with admin.engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        db = Database(url)
        try:
            await migrate.upgrade(db.engine)
            await load_demo(db)
            await fill_household(db)
        finally:
            await db.dispose()
        yield url
    finally:
        if admin is not None:
            async with admin.engine.connect() as conn:
                await conn.execution_options(isolation_level="AUTOCOMMIT")
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await admin.dispose()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.asynccontextmanager
async def server(url: str, tmp: Path, *, profile_to: Path | None = None) -> AsyncIterator[tuple[str, int]]:
    """uvicorn in a subprocess (one worker, no access log) serving ``bench.server:make_app``."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAIL_")}
    env.update(
        PORTAIL_ENV="development",
        PORTAIL_DATABASE_URL=url,
        PORTAIL_VAR_DIR=str(tmp / "var"),
        PORTAIL_SECRET_KEY="bench-secret-key-" + "x" * 32,
    )
    runner = [sys.executable]
    if profile_to is not None:
        runner += ["-m", "cProfile", "-o", str(profile_to)]
    command = [
        *runner,
        "-m",
        "uvicorn",
        "bench.server:make_app",
        "--factory",
        "--app-dir",
        str(ROOT),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    log_path = tmp / f"uvicorn-{port}.log"
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            *command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=2) as client:
            for _ in range(300):
                if process.returncode is not None:
                    raise RuntimeError(f"uvicorn exited:\n{log_path.read_text()}")
                with contextlib.suppress(httpx.TransportError):
                    if (await client.get("/readyz")).status_code == 200:
                        break
                await asyncio.sleep(0.1)
            else:
                raise RuntimeError(f"uvicorn did not start:\n{log_path.read_text()}")
        yield base, process.pid
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(process.wait(), 15)
            except TimeoutError:
                process.kill()
                await process.wait()


async def login(client: httpx.AsyncClient) -> str:
    """A bearer token for the demo family."""
    body = {"query": LOGIN_MUTATION, "variables": {"email": FAMILY_EMAIL, "password": FAMILY_PASSWORD}}
    response = await client.post("/graphql", json=body)
    payload = response.json()
    token = (payload.get("data") or {}).get("login", {}).get("bearerToken")
    if response.status_code != 200 or not token:
        raise RuntimeError(f"login failed: {response.status_code} {payload}")
    return token


# ---------------------------------------------------------------------------------------------
# The benchmark


@dataclass
class ClientResult:
    """One load generator's runs of one case against one server."""

    case: str
    client: str
    graphql: Series
    baseline: Series
    health: Series | None  # measured once per load generator, with the first case

    @property
    def ratio(self) -> float:
        return self.graphql.rate / self.baseline.rate


@dataclass
class CaseCheck:
    """What both endpoints of a case answer, checked equal before any load."""

    body_bytes: int
    graphql_statements: int
    baseline_statements: int


@dataclass
class Downloads:
    """``GET /files/{token}`` of a fiche sanitaire under load."""

    series: Series
    concurrency: int
    pdf_bytes: int


@dataclass
class BackendResult:
    backend: str
    clients: list[ClientResult]
    checks: dict[str, CaseCheck]
    login_ms: list[float]
    pdf: PdfTiming
    downloads: Downloads


def calls(token: str, case: Case = CASES["viewer"]) -> tuple[Call, Call, Call]:
    """The case's GraphQL query, its bare Starlette twin, and the health check."""
    auth = {"authorization": f"Bearer {token}"}
    graphql = Call("POST", "/graphql", {**JSON_HEADERS, **auth}, json.dumps({"query": case.query}).encode())
    return graphql, Call("GET", case.baseline_path, auth), Call("GET", "/healthz", {})


async def measure(
    base: str,
    pid: int,
    kind: str,
    token: str,
    args: argparse.Namespace,
    backend: str,
    case: Case,
    health: bool,
) -> ClientResult:
    graphql_call, baseline_call, health_call = calls(token, case)
    result = ClientResult(
        case.name,
        kind,
        Series(f"POST /graphql `{case.name}`"),
        Series(f"GET {case.baseline_path} (bare Starlette)"),
        Series("GET /healthz (ceiling)") if health else None,
    )
    generator = LoadGenerator(kind, base, args.concurrency, pid)
    try:
        for call in (graphql_call, baseline_call, *([health_call] if health else [])):
            await generator.run(call, args.warmup)
        if result.health is not None:
            result.health.runs.append(await generator.run(health_call, args.duration / 2))
        for i in range(args.rounds):
            for series, call in ((result.graphql, graphql_call), (result.baseline, baseline_call)):
                run = await generator.run(call, args.duration)
                series.runs.append(run)
                print(f"[{backend}/{kind}] round {i + 1}: {series.label}: {run.rate:,.0f} req/s", flush=True)
    finally:
        await generator.aclose()
    return result


async def statements_of(client: httpx.AsyncClient, call: Call, tries: int = 3) -> tuple[int, bytes]:
    """SQL statements the server runs for one request (fewest of ``tries``: the mail worker's
    polling may land in one), and the answer."""
    counts, body = [], b""
    for _ in range(tries):
        before = (await client.get(STATEMENTS_PATH)).json()["statements"]
        response = await client.request(call.method, call.path, headers=call.headers, content=call.body)
        counts.append((await client.get(STATEMENTS_PATH)).json()["statements"] - before)
        body = response.content
    return min(counts), body


async def check_case(client: httpx.AsyncClient, token: str, case: Case, backend: str) -> CaseCheck:
    """Same answer from both endpoints, or the comparison means nothing."""
    graphql_call, baseline_call, _ = calls(token, case)
    graphql_statements, graphql_body = await statements_of(client, graphql_call)
    baseline_statements, baseline_body = await statements_of(client, baseline_call)
    answers = [json.loads(graphql_body), json.loads(baseline_body)]
    if answers[0] != answers[1] or not answers[0]["data"][case.name]:
        raise RuntimeError(f"{case.name}: bodies differ:\n  graphql:  {answers[0]}\n  baseline: {answers[1]}")
    shown = json.dumps(answers[0], ensure_ascii=False)
    print(f"[{backend}] {case.name}: both endpoints answer the same ({len(shown)} chars): {shown[:300]}…")
    print(
        f"[{backend}] {case.name}: SQL statements per request: GraphQL {graphql_statements}, "
        f"baseline {baseline_statements}",
        flush=True,
    )
    return CaseCheck(len(json.dumps(answers[0])), graphql_statements, baseline_statements)


async def measure_downloads(
    client: httpx.AsyncClient, base: str, pid: int, token: str, args: argparse.Namespace, backend: str
) -> Downloads:
    """The eldest child's fiche sanitaire through its signed link (``printableForms``' downloadUrl)."""
    auth = {"authorization": f"Bearer {token}"}
    response = await client.post("/graphql", json={"query": PRINTABLE_FORMS_QUERY}, headers=auth)
    forms = [f for f in response.json()["data"]["printableForms"] if f["kind"] == "HEALTH_FORM"]
    path = httpx.URL(forms[0]["downloadUrl"]).raw_path.decode()
    call = Call("GET", path, {})
    pdf = await client.get(path)
    if pdf.status_code != 200 or not pdf.content.startswith(b"%PDF-"):
        raise RuntimeError(f"download failed: {pdf.status_code} {pdf.content[:200]!r}")
    result = Downloads(
        Series(f"GET /files/{{token}} (fiche sanitaire, concurrency {args.pdf_concurrency})"),
        args.pdf_concurrency,
        len(pdf.content),
    )
    generator = LoadGenerator("raw", base, args.pdf_concurrency, pid)
    try:
        await generator.run(call, args.warmup)
        run = await generator.run(call, args.duration)
        result.series.runs.append(run)
        print(f"[{backend}/raw] {result.series.label}: {run.rate:,.0f} req/s", flush=True)
    finally:
        await generator.aclose()
    return result


async def bench_backend(backend: str, args: argparse.Namespace) -> BackendResult:
    with tempfile.TemporaryDirectory(prefix="portail-bench-") as tmpdir:
        tmp = Path(tmpdir)
        async with (
            fresh_database(backend, tmp) as url,
            server(url, tmp) as (base, pid),
            httpx.AsyncClient(base_url=base, timeout=30) as client,
        ):
            token = await login(client)
            checks = {name: await check_case(client, token, case, backend) for name, case in CASES.items()}

            plan = [
                (CASES["viewer"], args.clients if backend == "sqlite" else args.pg_clients),
                (CASES["household"], args.household_clients if backend == "sqlite" else args.pg_clients),
            ]
            clients, measured = [], set()
            for case, kinds in plan:
                for kind in kinds:
                    clients.append(
                        await measure(
                            base, pid, kind, token, args, backend, case, health=kind not in measured
                        )
                    )
                    measured.add(kind)

            pdf = await time_health_form(url, args.pdfs, args.pdfs // 4)
            print(
                f"[{backend}] fiche sanitaire in process: {pdf.render_rate:,.0f} PDFs/s "
                f"({statistics.median(pdf.render_ms):.1f} ms median)",
                flush=True,
            )
            downloads = await measure_downloads(client, base, pid, token, args, backend)

            login_ms = []
            for _ in range(args.logins):
                started = time.perf_counter()
                await login(client)
                login_ms.append((time.perf_counter() - started) * 1000)
            return BackendResult(backend, clients, checks, login_ms, pdf, downloads)


async def bench_hashing(n: int) -> tuple[float, float]:
    """Median milliseconds of ``hash_password`` and ``verify_password`` (through their threads)."""
    password = FAMILY_PASSWORD
    hashes, verifies = [], []
    stored = await hashing.hash_password(password)
    for _ in range(n):
        started = time.perf_counter()
        stored = await hashing.hash_password(password)
        hashes.append(time.perf_counter() - started)
        started = time.perf_counter()
        ok, _ = await hashing.verify_password(stored, password)
        verifies.append(time.perf_counter() - started)
        assert ok
    return statistics.median(hashes) * 1000, statistics.median(verifies) * 1000


async def profile_graphql(args: argparse.Namespace) -> str:
    """The server's cProfile under GraphQL load of ``--profile-query`` (SQLite, raw client)."""
    with tempfile.TemporaryDirectory(prefix="portail-bench-") as tmpdir:
        tmp = Path(tmpdir)
        stats_path = tmp / "server.prof"
        async with fresh_database("sqlite", tmp) as url:
            async with server(url, tmp, profile_to=stats_path) as (base, _):
                async with httpx.AsyncClient(base_url=base, timeout=30) as client:
                    token = await login(client)
                generator = LoadGenerator("raw", base, args.concurrency)
                try:
                    run = await generator.run(calls(token, CASES[args.profile_query])[0], args.duration)
                finally:
                    await generator.aclose()
            out = io.StringIO()
            out.write(
                f"GraphQL {args.profile_query} under cProfile: {run.rate:,.0f} req/s ({run.count} requests)\n"
            )
            stats = pstats.Stats(str(stats_path), stream=out)
            stats.sort_stats("tottime").print_stats(30)
            stats.sort_stats("cumulative").print_stats(60)
            return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Report


def machine_note() -> str:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    versions = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("strawberry-graphql", "graphql-core", "starlette", "uvicorn", "sqlalchemy", "httpx")
    )
    return (
        f"{os.cpu_count()} cores ({model or platform.processor() or 'unknown CPU'}), {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}; {versions}. "
        "Server (one uvicorn worker) and load generator (the bench process) share the cores."
    )


def report(results: list[BackendResult], hash_ms: float, verify_ms: float, args: argparse.Namespace) -> str:
    lines = [
        f"Concurrency {args.concurrency}; per endpoint a {args.warmup:g} s warm-up, then {args.rounds} runs "
        f"of {args.duration:g} s, GraphQL and baseline alternated (A/B/A/B); /healthz {args.duration / 2:g} s.",
        "",
        "| Database | Client | Endpoint | req/s | p50 ms | p99 ms | server CPU ms/req | server cores "
        "| per-run req/s | failures |",
        "|---|---|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    for r in results:
        for c in r.clients:
            for s in (c.graphql, c.baseline, *([c.health] if c.health else [])):
                per_run = " / ".join(f"{run.rate:,.0f}" for run in s.runs)
                lines.append(
                    f"| {r.backend} | {c.client} | {s.label} | {s.rate:,.0f} | {s.percentile(0.5):.1f} | "
                    f"{s.percentile(0.99):.1f} | {s.cpu_ms:.2f} | {s.cpu_share:.2f} | {per_run} | {s.failures} |"
                )
    lines += [
        "",
        "| Database | Query | Client | GraphQL / baseline throughput | server CPU ms/req, GraphQL / baseline "
        "| SQL statements per request, GraphQL / baseline | JSON bytes |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for r in results:
        for c in r.clients:
            check = r.checks[c.case]
            lines.append(
                f"| {r.backend} | `{c.case}` | {c.client} | **{c.ratio:.2f}** | "
                f"{c.graphql.cpu_ms:.1f} / {c.baseline.cpu_ms:.1f} | "
                f"{check.graphql_statements} / {check.baseline_statements} | {check.body_bytes:,} |"
            )
    lines += [
        "",
        "| Database | Fiche sanitaire (eldest child, every section filled) | PDFs/s | ms per PDF, median "
        "| p90 ms | server CPU ms/PDF | PDF bytes |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        p, d = r.pdf, r.downloads.series
        full_rate = 1000 / statistics.mean(p.full_ms)
        lines += [
            f"| {r.backend} | `health_form_pdf` in process (render only), {len(p.render_ms)} PDFs "
            f"| **{p.render_rate:,.0f}** | {statistics.median(p.render_ms):.1f} "
            f"| {statistics.quantiles(p.render_ms, n=10)[-1]:.1f} | – | {p.pdf_bytes:,} ({p.pages} page{'s' if p.pages > 1 else ''}) |",
            f"| {r.backend} | `health_form` in process (read the records, then render), {len(p.full_ms)} PDFs "
            f"| {full_rate:,.0f} | {statistics.median(p.full_ms):.1f} "
            f"| {statistics.quantiles(p.full_ms, n=10)[-1]:.1f} | – | |",
            f"| {r.backend} | {d.label} over HTTP, raw client, {d.runs[0].elapsed:.0f} s, {d.failures} failures "
            f"| **{d.rate:,.0f}** | {d.percentile(0.5):.1f} | {d.percentile(0.9):.1f} | {d.cpu_ms:.1f} "
            f"| {r.downloads.pdf_bytes:,} |",
        ]
    lines += [
        "",
        "| Sign-in cost | ms |",
        "|---|---:|",
        f"| `hash_password`, median of {args.hashes} ({hashing.parameters()}) | {hash_ms:.0f} |",
        f"| `verify_password`, median of {args.hashes} | {verify_ms:.0f} |",
    ]
    for r in results:
        lines.append(
            f"| `login` mutation over HTTP ({r.backend}, httpx, one at a time), median of {len(r.login_ms)} "
            f"(min {min(r.login_ms):.0f}, max {max(r.login_ms):.0f}) | {statistics.median(r.login_ms):.0f} |"
        )
    return "\n".join(lines)


def write_results(table: str, argv: list[str], load: str) -> None:
    command = " ".join([".venv/bin/python -m bench", *argv])
    RESULTS.write_text(
        "# Benchmark results\n\n"
        f"Run on {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} with `{command}`.\n\n"
        f"Machine: {machine_note()} Other work on the machine: {load}.\n\n"
        f"{table}\n"
    )


# ---------------------------------------------------------------------------------------------


async def main_async(args: argparse.Namespace) -> str:
    backends = ["sqlite", *(["postgresql"] if args.pg else [])]
    results = [await bench_backend(b, args) for b in backends]
    hash_ms, verify_ms = await bench_hashing(args.hashes)
    table = report(results, hash_ms, verify_ms, args)
    if args.profile:
        print(await profile_graphql(args))
    return table


@contextlib.contextmanager
def event_loop_runner() -> Iterator[asyncio.Runner]:
    """The client's loop: uvloop when installed (uvicorn[standard] brings it), like the server."""
    try:
        import uvloop
    except ImportError:
        factory = None
    else:
        factory = uvloop.new_event_loop
    with asyncio.Runner(loop_factory=factory) as runner:
        yield runner


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--pg", action="store_true", help="also benchmark PostgreSQL (" + PG_ADMIN_URL + ")")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per measured run")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of warm-up per endpoint")
    parser.add_argument("--rounds", type=int, default=2, help="A/B rounds")
    clients = lambda v: [c.strip() for c in v.split(",") if c.strip()]  # noqa: E731
    parser.add_argument(
        "--clients", type=clients, default=["httpx", "raw"], help="load generators for SQLite (httpx,raw)"
    )
    parser.add_argument(
        "--pg-clients", type=clients, default=["raw"], help="load generators for PostgreSQL (raw)"
    )
    parser.add_argument(
        "--household-clients",
        type=clients,
        default=["raw"],
        help="load generators for the household query on SQLite (raw; PostgreSQL uses --pg-clients)",
    )
    parser.add_argument("--pdfs", type=int, default=200, help="fiche sanitaire PDFs rendered in process")
    parser.add_argument(
        "--pdf-concurrency", type=int, default=4, help="concurrency of the fiche sanitaire downloads"
    )
    parser.add_argument("--logins", type=int, default=10, help="login mutations timed")
    parser.add_argument("--hashes", type=int, default=20, help="hash/verify calls timed")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the server")
    parser.add_argument("--profile-query", choices=sorted(CASES), default="household", help="query profiled")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    started = time.perf_counter()
    load_before = os.getloadavg()
    with event_loop_runner() as runner:
        table = runner.run(main_async(args))
    print()
    print(table)
    print(f"\n(bench took {time.perf_counter() - started:.0f} s)")
    if not args.no_write:
        load = f"load average {load_before[0]:.2f} before the run, {os.getloadavg()[0]:.2f} after"
        write_results(table, [a for a in argv if a not in ("--profile", "--no-write")], load)
        print(f"written to {RESULTS.relative_to(ROOT)}")
