"""Benchmark: the ``viewer`` query over HTTP against a bare Starlette twin, and sign-in cost.

    .venv/bin/python -m bench            # SQLite only (about 45 s)
    .venv/bin/python -m bench --pg       # also PostgreSQL (about 80 s)
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
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path

import httpx
from sqlalchemy import text

from portail.adapters import hashing
from portail.db import migrate
from portail.db.engine import Database
from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.md"
PG_ADMIN_URL = os.environ.get("PORTAIL_BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
# bench.server.BASELINE_PATH, not imported so that run.py also runs as a script.
BASELINE_PATH = "/bench/viewer"

VIEWER_QUERY = (
    "{ viewer { account { id email roles } profile { firstName lastName mobilePhone } "
    "household { name address { number street postcode city } children { firstName lastName birthDate } } } }"
)
LOGIN_MUTATION = (
    "mutation Login($email: String!, $password: String!) { "
    "login(email: $email, password: $password, bearer: true) { bearerToken errors { code message } } }"
)
JSON_HEADERS = {"content-type": "application/json"}


# ---------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Run:
    """One timed load run of one endpoint."""

    count: int
    elapsed: float
    latencies: list[float]
    failures: int

    @property
    def rate(self) -> float:
        return self.count / self.elapsed


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


async def load(
    client: httpx.AsyncClient,
    send: Callable[[httpx.AsyncClient], object],
    *,
    seconds: float,
    concurrency: int,
) -> Run:
    """``concurrency`` closed-loop clients sending requests for ``seconds``."""
    latencies: list[float] = []
    failures = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal failures
        while True:
            started = time.perf_counter()
            if started >= deadline:
                return
            response: httpx.Response = await send(client)  # type: ignore[misc]
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200 or b'"errors"' in response.content:
                failures += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Run(len(latencies), time.perf_counter() - started, latencies, failures)


# ---------------------------------------------------------------------------------------------
# Database and server


@contextlib.asynccontextmanager
async def fresh_database(backend: str, tmp: Path) -> AsyncIterator[str]:
    """A new database (SQLite file, or a dedicated PostgreSQL database), migrated, with the demo."""
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
async def server(url: str, tmp: Path, *, profile_to: Path | None = None) -> AsyncIterator[str]:
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
        yield base
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
class BackendResult:
    backend: str
    graphql: Series
    baseline: Series
    health: Series
    graphql_bytes: int
    baseline_bytes: int
    login_ms: list[float]

    @property
    def ratio(self) -> float:
        return self.graphql.rate / self.baseline.rate


async def bench_backend(backend: str, args: argparse.Namespace) -> BackendResult:
    with tempfile.TemporaryDirectory(prefix="portail-bench-") as tmpdir:
        tmp = Path(tmpdir)
        async with fresh_database(backend, tmp) as url, server(url, tmp) as base:
            limits = httpx.Limits(
                max_connections=args.concurrency, max_keepalive_connections=args.concurrency
            )
            async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
                token = await login(client)
                auth = {"authorization": f"Bearer {token}"}
                graphql_body = json.dumps({"query": VIEWER_QUERY}).encode()
                graphql_headers = {**JSON_HEADERS, **auth}

                def send_graphql(c: httpx.AsyncClient) -> object:
                    return c.post("/graphql", content=graphql_body, headers=graphql_headers)

                def send_baseline(c: httpx.AsyncClient) -> object:
                    return c.get(BASELINE_PATH, headers=auth)

                def send_health(c: httpx.AsyncClient) -> object:
                    return c.get("/healthz")

                # Same answer from both, or the comparison means nothing.
                from_graphql = await send_graphql(client)  # type: ignore[misc]
                from_baseline = await send_baseline(client)  # type: ignore[misc]
                graphql_json, baseline_json = from_graphql.json(), from_baseline.json()
                if graphql_json != baseline_json or not graphql_json["data"]["viewer"]:
                    raise RuntimeError(
                        f"bodies differ:\n  graphql:  {graphql_json}\n  baseline: {baseline_json}"
                    )
                print(f"[{backend}] bodies equal ({len(from_graphql.content)} B): {json.dumps(graphql_json)}")

                graphql = Series("POST /graphql `viewer`")
                baseline = Series(f"GET {BASELINE_PATH} (bare Starlette)")
                health = Series("GET /healthz (client/HTTP ceiling)")
                run = {"seconds": args.duration, "concurrency": args.concurrency}
                warm = {"seconds": args.warmup, "concurrency": args.concurrency}
                for send in (send_graphql, send_baseline, send_health):
                    await load(client, send, **warm)
                health.runs.append(await load(client, send_health, **run))
                for i in range(args.rounds):
                    for series, send in ((graphql, send_graphql), (baseline, send_baseline)):
                        result = await load(client, send, **run)
                        series.runs.append(result)
                        print(
                            f"[{backend}] round {i + 1}: {series.label}: {result.rate:,.0f} req/s",
                            flush=True,
                        )

                login_ms = []
                for _ in range(args.logins):
                    started = time.perf_counter()
                    await login(client)
                    login_ms.append((time.perf_counter() - started) * 1000)
                return BackendResult(
                    backend,
                    graphql,
                    baseline,
                    health,
                    len(from_graphql.content),
                    len(from_baseline.content),
                    login_ms,
                )


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
    """The server's cProfile under GraphQL ``viewer`` load (SQLite), top functions by own time."""
    with tempfile.TemporaryDirectory(prefix="portail-bench-") as tmpdir:
        tmp = Path(tmpdir)
        stats_path = tmp / "server.prof"
        async with fresh_database("sqlite", tmp) as url:
            async with server(url, tmp, profile_to=stats_path) as base:
                limits = httpx.Limits(max_connections=args.concurrency)
                async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
                    token = await login(client)
                    headers = {**JSON_HEADERS, "authorization": f"Bearer {token}"}
                    body = json.dumps({"query": VIEWER_QUERY}).encode()
                    result = await load(
                        client,
                        lambda c: c.post("/graphql", content=body, headers=headers),
                        seconds=args.duration,
                        concurrency=args.concurrency,
                    )
            out = io.StringIO()
            stats = pstats.Stats(str(stats_path), stream=out)
            out.write(f"GraphQL viewer under cProfile: {result.rate:,.0f} req/s ({result.count} requests)\n")
            stats.sort_stats("tottime").print_stats(25)
            stats.sort_stats("cumulative").print_stats(40)
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
        "Server (one uvicorn worker) and load generator (httpx, same machine) share the cores."
    )


def report(results: list[BackendResult], hash_ms: float, verify_ms: float, args: argparse.Namespace) -> str:
    lines = [
        f"Concurrency {args.concurrency}, {args.rounds} × {args.duration:g} s per endpoint after a "
        f"{args.warmup:g} s warm-up, GraphQL and baseline runs alternated (A/B/A/B).",
        "",
        "| Database | Endpoint | req/s | p50 ms | p99 ms | per-run req/s | failures |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    for r in results:
        for s in (r.graphql, r.baseline, r.health):
            per_run = " / ".join(f"{run.rate:,.0f}" for run in s.runs)
            lines.append(
                f"| {r.backend} | {s.label} | {s.rate:,.0f} | {s.percentile(0.5):.1f} | "
                f"{s.percentile(0.99):.1f} | {per_run} | {s.failures} |"
            )
    lines += ["", "| Database | GraphQL / baseline throughput | response bytes (GraphQL / baseline) |"]
    lines += ["|---|---:|---|"]
    for r in results:
        lines.append(f"| {r.backend} | **{r.ratio:.2f}** | {r.graphql_bytes} / {r.baseline_bytes} |")
    lines += [
        "",
        "| Sign-in cost | ms |",
        "|---|---:|",
        f"| `hash_password`, median of {args.hashes} ({hashing.parameters()}) | {hash_ms:.0f} |",
        f"| `verify_password`, median of {args.hashes} | {verify_ms:.0f} |",
    ]
    for r in results:
        lines.append(
            f"| `login` mutation over HTTP ({r.backend}), median of {len(r.login_ms)} "
            f"(min {min(r.login_ms):.0f}, max {max(r.login_ms):.0f}) | {statistics.median(r.login_ms):.0f} |"
        )
    return "\n".join(lines)


def write_results(table: str, argv: list[str]) -> None:
    command = " ".join([".venv/bin/python -m bench", *argv])
    RESULTS.write_text(
        "# Benchmark results\n\n"
        f"Run on {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} with `{command}`.\n\n"
        f"Machine: {machine_note()}\n\n"
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
    parser.add_argument("--logins", type=int, default=10, help="login mutations timed")
    parser.add_argument("--hashes", type=int, default=20, help="hash/verify calls timed")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the server")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with event_loop_runner() as runner:
        table = runner.run(main_async(args))
    print()
    print(table)
    print(f"\n(bench took {time.perf_counter() - started:.0f} s)")
    if not args.no_write:
        write_results(table, [a for a in argv if a not in ("--profile", "--no-write")])
        print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
