"""Benchmark: the ``viewer``, ``household`` and ``planning`` queries over HTTP against bare Starlette
twins, booking requests on a school year of bookings, fiche sanitaire PDFs per second, sign-in cost,
health checks under hostile traffic, and money (monthly invoicing, invoice PDFs, basket payments).

    .venv/bin/python -m bench            # SQLite (about 5 minutes)
    .venv/bin/python -m bench --pg       # also PostgreSQL, raw load generator (about 8 minutes)
    .venv/bin/python -m bench --only bookings --pg   # the bookings part alone
    .venv/bin/python -m bench --only hostile         # health checks under hostile traffic
    .venv/bin/python -m bench --only money --pg      # monthly invoicing, invoice PDFs, basket payments
    .venv/bin/python -m bench --only exports --pg    # the bookings CSV at 10,000 and 100,000 rows
    .venv/bin/python -m bench --only latency --pg --before 914e897   # issue 14's figures, before/after
    .venv/bin/python -m bench --profile  # then a cProfile look at the server under GraphQL load

Prints a table and writes it to ``bench/results.md``. See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
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

from bench.bookings import (
    BENCH_NOW,
    PLANNING_MONTH,
    PLANNING_QUERY,
    REPEAT_ROOM,
    BookingData,
    ContestRound,
    Timed,
    contest,
    fill_bookings,
    time_repeats,
)
from bench.exports import SIZES, ExportRun, exports_report
from bench.exports import download as export_download
from bench.exports import fill as fill_exports
from bench.hostile import (
    LIMITS_OFF,
    Hostile,
    Scenario,
    check_answers,
    documents,
    hostile_report,
    run_scenario,
    summary,
)
from bench.latency import (
    Latency,
    Sizes,
    after_code,
    before_code,
    latency_report,
    revision,
    saver_households,
    saves_per_day,
)
from bench.latency import bench_latency as measure_latency
from bench.loadgen import Call, LoadGenerator, Run
from bench.money import (
    CHECKOUT_NOW,
    Money,
    bench_checkout,
    bench_invoicing,
    fill_families,
    money_report,
    percentile,
    time_invoice_pdfs,
)
from bench.records import HOUSEHOLD_QUERY, PRINTABLE_FORMS_QUERY, PdfTiming, fill_household, time_health_form
from bench.server import BASELINE_PATH, HOUSEHOLD_PATH, PID_PATH, PLANNING_PATH, STATEMENTS_PATH
from portail.adapters import hashing
from portail.db import migrate
from portail.db.engine import Database
from portail.demo import FAMILY_EMAIL, FAMILY_PASSWORD, load_demo
from portail.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.md"
PG_ADMIN_URL = os.environ.get("PORTAIL_BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
SECRET_KEY = "bench-secret-key-" + "x" * 32
SCHOOL_YEAR_TEXT = "2026-09-01..2027-07-03"

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
# Measured on its own server, once the school year of bookings is written (``bench_bookings``).
PLANNING_CASE = Case(
    "planning", PLANNING_QUERY, f"{PLANNING_PATH}?from={PLANNING_MONTH[0]}&to={PLANNING_MONTH[1]}"
)


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
async def fresh_database(backend: str, tmp: Path, *, demo: bool = True) -> AsyncIterator[str]:
    """A new database (SQLite file, or a dedicated PostgreSQL database), migrated, with the demo
    and the benchmark's household (three children, every section filled in) unless ``demo`` is
    false."""
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
            if demo:
                # The demo's uploaded document goes to the bench's own folder, not the working tree's var/.
                await load_demo(db, Settings(var_dir=tmp / "var"))
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
async def server(
    url: str,
    tmp: Path,
    *,
    profile_to: Path | None = None,
    now: datetime | None = None,
    workers: int = 1,
    settings: dict[str, str] | None = None,
    pythonpath: str | None = None,
) -> AsyncIterator[tuple[str, int]]:
    """uvicorn in a subprocess (no access log) serving ``bench.server:make_app``, its clock at ``now``
    when given, with ``settings`` (``PORTAIL_*`` variables) added to its environment, and its
    ``PYTHONPATH`` set to ``pythonpath`` when given (``--before``: another revision's ``src/`` first).

    One worker runs in the subprocess itself; with ``workers`` > 1, as ``portail serve --workers N``,
    uvicorn's supervisor starts that many processes, each building the app from the factory (the
    pid yielded is then the supervisor's: count its CPU with ``process_tree_cpu``)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAIL_") and k != "BENCH_NOW"}
    env.update(
        PORTAIL_ENV="development",
        # Its own address: where the PayFiP sandbox mounted in the app sends its notifications.
        PORTAIL_API_URL=f"http://127.0.0.1:{port}",
        PORTAIL_DATABASE_URL=url,
        PORTAIL_VAR_DIR=str(tmp / "var"),
        PORTAIL_SECRET_KEY=SECRET_KEY,
    )
    if now is not None:
        env["BENCH_NOW"] = now.isoformat()
    env.update(settings or {})
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
        env["BENCH_BEFORE"] = "1"  # see ``bench.server.make_app``
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
        str(workers),
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
            # Up to 2 minutes: importing the app takes 10-15 s on a loaded machine, over 30 s when
            # other jobs share its two cores.
            for _ in range(1200):
                if process.returncode is not None:
                    raise RuntimeError(f"uvicorn exited:\n{log_path.read_text()}")
                with contextlib.suppress(httpx.TransportError):
                    if (await client.get("/readyz")).status_code == 200:
                        break
                await asyncio.sleep(0.1)
            else:
                raise RuntimeError(f"uvicorn did not start:\n{log_path.read_text()}")
        if workers > 1 and (answering := await workers_answering(base, workers, process)) < workers:
            raise RuntimeError(f"{answering} of {workers} workers answer:\n{log_path.read_text()}")
        yield base, process.pid
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(process.wait(), 15)
            except TimeoutError:
                process.kill()
                await process.wait()


async def workers_answering(base: str, workers: int, process: asyncio.subprocess.Process) -> int:
    """How many distinct processes answer, waiting (up to 30 s) until ``workers`` have (a new
    connection each time: the workers share the listening socket)."""
    seen: set[int] = set()
    for _ in range(600):
        if process.returncode is not None:
            break
        with contextlib.suppress(httpx.TransportError):
            async with httpx.AsyncClient(base_url=base, timeout=2) as client:
                seen.add((await client.get(PID_PATH)).json()["pid"])
        if len(seen) >= workers:
            break
        await asyncio.sleep(0.05)
    return len(seen)


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
class Bookings:
    """The bookings part: the data set, the planning's check, the repeat and the contest."""

    data: BookingData
    planning: list[ClientResult]
    check: CaseCheck
    preview: Timed
    submit: Timed
    lean: Timed
    rounds: list[ContestRound]


@dataclass
class BackendResult:
    backend: str
    clients: list[ClientResult]
    checks: dict[str, CaseCheck]
    login_ms: list[float]
    pdf: PdfTiming | None
    downloads: Downloads | None
    bookings: Bookings | None = None
    hostile: list[Scenario] | None = None
    money: Money | None = None
    exports: list[ExportRun] | None = None
    latency: Latency | None = None


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
        async with fresh_database(backend, tmp) as url:
            if args.only in ("bookings", "hostile", "money", "exports", "latency"):
                result = BackendResult(backend, [], {}, [], None, None)
            else:
                result = await bench_records(url, tmp, backend, args)
            if args.only in ("all", "hostile"):
                result.hostile = await bench_hostile(url, tmp, backend, args)
            if args.only in ("all", "money"):
                result.money = await bench_money(url, tmp, backend, args)
            if args.only in ("all", "exports"):
                result.exports = await bench_exports(url, tmp, backend)
            if args.only in ("all", "bookings", "latency"):
                data = await fill_school_year(url, backend, args)
                if args.only in ("all", "bookings"):
                    result.bookings = await bench_bookings(url, tmp, backend, args, data)
                    result.clients += result.bookings.planning
                    result.checks[PLANNING_CASE.name] = result.bookings.check
                if args.only in ("all", "latency"):
                    result.latency = await bench_latency(url, tmp, backend, args, data)
            return result


def latency_sizes(args: argparse.Namespace) -> Sizes:
    return Sizes(
        requests=args.latency_requests,
        saves=args.latency_saves,
        clients=args.latency_clients,
        client_saves=args.latency_client_saves,
        duration=args.latency_duration,
        rounds=args.latency_rounds,
    )


async def fill_school_year(url: str, backend: str, args: argparse.Namespace) -> BookingData:
    """The bookings' data set (``fill_bookings``), shared by the bookings and latency parts: the same
    whichever of them run (``--before`` or not), with households and room for both. Each day of the
    morning and evening care keeps places for the repeats (all of them) and the latency part's saves
    (``saves_per_day``, before and after)."""
    sizes = latency_sizes(args)
    db = Database(url)
    try:
        data = await fill_bookings(
            db,
            SECRET_KEY,
            repeats=args.repeats,
            contenders=args.contenders,
            contest_rounds=args.contest_rounds,
            contest_places=args.contest_places,
            savers=saver_households(sizes),
            room=max(REPEAT_ROOM, args.repeats + saves_per_day(sizes)),
        )
    finally:
        await db.dispose()
    print(
        f"[{backend}] bookings data set in {data.seconds:.1f} s: "
        + ", ".join(f"{n:,} {table}" for table, n in data.rows.items())
        + f"; planning month: {data.planning_bookings} bookings",
        flush=True,
    )
    return data


async def bench_latency(
    url: str, tmp: Path, backend: str, args: argparse.Namespace, data: BookingData
) -> Latency:
    """Issue 14's figures (``bench/latency.py``) on servers whose clock stands before the year: this
    tree's code, and with ``--before REV`` that revision's ``src/`` too."""
    codes = [after_code()]
    if args.before:
        codes.insert(0, before_code(args.before, tmp / "before"))
    serve = functools.partial(server, url, tmp, now=BENCH_NOW)
    return await measure_latency(url, serve, backend, data, latency_sizes(args), codes)


async def bench_exports(url: str, tmp: Path, backend: str) -> list[ExportRun]:
    """The bookings CSV at 10,000 and 100,000 rows: rows/s and the server's peak memory."""
    db = Database(url)
    try:
        staff_id, written = await fill_exports(db, max(SIZES) // 1000)
    finally:
        await db.dispose()
    print(f"[{backend}] exports: {written:,} bookings written", flush=True)
    runs = []
    async with server(url, tmp) as (base, pid):
        await export_download(base, pid, SECRET_KEY, staff_id, 1000, backend)  # warm-up: imports, pools
        for rows in SIZES:
            run = await export_download(base, pid, SECRET_KEY, staff_id, rows, backend)
            print(
                f"[{backend}] bookings export {run.rows:,} rows: {run.rate:,.0f} rows/s, "
                f"peak {run.peak_kib / 1024:.1f} MiB ({run.growth_kib / 1024:+.1f} MiB)",
                flush=True,
            )
            runs.append(run)
    return runs


async def bench_records(url: str, tmp: Path, backend: str, args: argparse.Namespace) -> BackendResult:
    """``viewer`` and ``household`` against their twins, the fiche sanitaire, sign-in."""
    async with server(url, tmp) as (base, pid), httpx.AsyncClient(base_url=base, timeout=30) as client:
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
                    await measure(base, pid, kind, token, args, backend, case, health=kind not in measured)
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


async def bench_bookings(
    url: str, tmp: Path, backend: str, args: argparse.Namespace, data: BookingData
) -> Bookings:
    """On the school year of bookings (``fill_school_year``), a server whose clock stands before the
    year: the month ``planning`` against its twin, whole-year repeats previewed and submitted one at
    a time, and concurrent submits for the last places of a day."""
    async with (
        server(url, tmp, now=BENCH_NOW) as (base, pid),
        httpx.AsyncClient(base_url=base, timeout=60) as client,
    ):
        check = await check_case(client, data.family_token, PLANNING_CASE, backend)
        kinds = args.household_clients if backend == "sqlite" else args.pg_clients
        planning = [
            await measure(base, pid, kind, data.family_token, args, backend, PLANNING_CASE, health=False)
            for kind in kinds
        ]
        preview, submit, lean = await time_repeats(base, pid, data, STATEMENTS_PATH)
        for timed in (preview, submit, lean):
            print(
                f"[{backend}] whole-year repeat, {timed.label} ({timed.lines} lines): p50 {timed.p50:.1f} ms, "
                f"max {max(timed.ms):.1f} ms over {len(timed.ms)}; "
                f"{statistics.median(timed.statements):.0f} SQL statements",
                flush=True,
            )
        rounds = await contest(base, url, data)
        for r in rounds:
            print(
                f"[{backend}] {len(r.latencies)} concurrent submits for the last {r.capacity - r.held_before} "
                f"places of {r.day}: {r.rate:,.0f} req/s, {dict(r.outcomes)}, held {r.held_after}/{r.capacity}",
                flush=True,
            )
    return Bookings(data, planning, check, preview, submit, lean, rounds)


async def bench_money(url: str, tmp: Path, backend: str, args: argparse.Namespace) -> Money:
    """The monthly invoicing run at each size (a fresh database each), invoice PDFs, then baskets paid
    through the PayFiP sandbox over HTTP, one at a time and for the last places of a day."""
    invoicing = []
    pdfs = None
    for households in args.invoice_households:
        folder = tmp / f"invoicing-{households}"
        folder.mkdir()
        async with fresh_database(backend, folder, demo=False) as invoicing_url:
            run = await bench_invoicing(invoicing_url, folder, households, SECRET_KEY)
            invoicing.append(run)
            print(
                f"[{backend}/money] {households:,} households ({run.bookings:,} bookings written in "
                f"{run.write_seconds:.1f} s): run_month {run.seconds:.2f} s, {run.rate:,.0f} invoices/s, "
                f"{run.issued:,} issued ({run.issued_here:,} of the bench regie), {run.total / 100:,.2f} €; "
                f"again: {run.second_seconds:.2f} s, {run.second_issued} issued, {run.second_already:,} already",
                flush=True,
            )
            if pdfs is None:
                pdfs = await time_invoice_pdfs(invoicing_url, folder, run.invoice_id, SECRET_KEY, args.pdfs)
                print(
                    f"[{backend}/money] invoice PDFs ({pdfs.lines} lines): {pdfs.render_rate:,.0f}/s rendered, "
                    f"{pdfs.file_rate:,.0f}/s read and rendered",
                    flush=True,
                )
    assert pdfs is not None
    db = Database(url)
    try:
        data = await fill_families(
            db, SECRET_KEY, args.checkout_families, args.contest_holders, args.contest_others
        )
    finally:
        await db.dispose()
    async with server(url, tmp, now=CHECKOUT_NOW) as (base, _):
        checkouts = await bench_checkout(base, url, data, args.concurrency)
    for label, values in (
        ("book", checkouts.book_ms),
        ("checkoutBasket", checkouts.checkout_ms),
        ("click (with notification)", checkouts.click_ms),
        ("notification again", checkouts.again_ms),
    ):
        print(
            f"[{backend}/money] {label}: p50 {statistics.median(values):.0f} ms, "
            f"p95 {percentile(values, 0.95):.0f} ms over {len(values)}",
            flush=True,
        )
    k = checkouts.contest
    assert k is not None
    print(
        f"[{backend}/money] last places: {k.elapsed:.2f} s, {dict(k.outcomes)}, held {k.held_after}/{k.capacity} "
        f"(counter {k.counter_held}), {k.paid} paid, invoices per payment {dict(k.invoices_per_payment)}",
        flush=True,
    )
    if not k.ok:
        raise RuntimeError(f"last places of {k.day}: wrong outcome {k}")
    return Money(backend, invoicing, pdfs, checkouts)


async def bench_hostile(url: str, tmp: Path, backend: str, args: argparse.Namespace) -> list[Scenario]:
    """Health checks while anonymous clients send hostile documents (``bench/hostile.py``): on one
    worker and on two, the health checks alone then under each document; then the issue's document
    on servers whose cost limits are off, to show what they buy."""
    hostile = documents()
    scenarios = []

    async def run(base: str, pid: int, workers: int, limits: bool, h: Hostile | None, seconds: float) -> None:
        label = h.label if h is not None else "idle (health checks alone)"
        scenario = Scenario(workers, limits, label, len(h.document) if h else 0, args.hostile_clients)
        await run_scenario(base, pid, scenario, h, seconds)
        scenarios.append(scenario)
        print(
            f"[{backend}/hostile] {workers} worker{'s' if workers > 1 else ''}, limits "
            f"{'on' if limits else 'off'}, {label}: {summary(scenario)}",
            flush=True,
        )

    for workers in args.hostile_workers:
        async with server(url, tmp, workers=workers) as (base, pid):
            answers = await check_answers(base, hostile, limits=True)
            print(f"[{backend}/hostile] answers with the limits: {answers}", flush=True)
            await run(base, pid, workers, True, None, args.hostile_duration / 2)
            for h in hostile:
                await run(base, pid, workers, True, h, args.hostile_duration)
    if args.limits_off_duration > 0:
        for workers in args.hostile_workers:
            async with server(url, tmp, workers=workers, settings=LIMITS_OFF) as (base, pid):
                await check_answers(base, hostile[:1], limits=False)
                await run(base, pid, workers, False, hostile[0], args.limits_off_duration)
    return scenarios


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


def report(
    results: list[BackendResult], hash_ms: float | None, verify_ms: float | None, args: argparse.Namespace
) -> str:
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
    records = [r for r in results if r.pdf is not None and r.downloads is not None]
    if records and hash_ms is not None and verify_ms is not None:
        lines += records_report(records, hash_ms, verify_ms, args)
    lines += bookings_report([r for r in results if r.bookings is not None])
    return "\n".join(lines)


def records_report(
    records: list[BackendResult], hash_ms: float, verify_ms: float, args: argparse.Namespace
) -> list[str]:
    """The fiche sanitaire and sign-in tables."""
    lines = [
        "",
        "| Database | Fiche sanitaire (eldest child, every section filled) | PDFs/s | ms per PDF, median "
        "| p90 ms | server CPU ms/PDF | PDF bytes |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in records:
        assert r.pdf is not None and r.downloads is not None
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
    for r in records:
        lines.append(
            f"| `login` mutation over HTTP ({r.backend}, httpx, one at a time), median of {len(r.login_ms)} "
            f"(min {min(r.login_ms):.0f}, max {max(r.login_ms):.0f}) | {statistics.median(r.login_ms):.0f} |"
        )
    return lines


def bookings_report(results: list[BackendResult]) -> list[str]:
    """The bookings tables: the data set, the whole-year repeat, the concurrent submits."""
    if not results:
        return []
    lines = [
        "",
        f"Bookings: the school year {SCHOOL_YEAR_TEXT} written in bulk (`bench/bookings.py`); the "
        f"`planning` of the demo family (3 children) for {PLANNING_MONTH[0]:%B %Y}; the writes with the "
        f"server's clock at {BENCH_NOW:%Y-%m-%d %H:%M} (Paris), the whole year ahead.",
        "",
        "| Database | households | children | enrolments | bookings (accepted / other) | requests | lines "
        "| events | `planning` bookings | written in |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        assert r.bookings is not None
        d = r.bookings.data
        accepted = d.states.get("accepted", 0)
        others = ", ".join(f"{n:,} {state}" for state, n in sorted(d.states.items()) if state != "accepted")
        lines.append(
            f"| {r.backend} | {d.rows['household']:,} | {d.rows['child']:,} | {d.rows['enrolment']:,} "
            f"| {d.rows['booking']:,} ({accepted:,} accepted; {others}) | {d.rows['booking_request']:,} "
            f"| {d.rows['booking_line']:,} | {d.rows['booking_event']:,} | {d.planning_bookings} | {d.seconds:.1f} s |"
        )
    lines += [
        "",
        "| Database | Whole-year repeat over HTTP, one at a time (morning + evening care, Mon/Tue/Thu/Fri) "
        "| lines | requests | p50 ms | p90 ms | max ms | server CPU ms, mean | SQL statements, median |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        assert r.bookings is not None
        for t in (r.bookings.preview, r.bookings.submit, r.bookings.lean):
            outcomes = ", ".join(f"{n:,} {o}" for o, n in sorted(t.outcomes.items(), reverse=True))
            lines.append(
                f"| {r.backend} | {t.label}: {outcomes} | {t.lines} | {len(t.ms)} | **{t.p50:.1f}** "
                f"| {t.percentile(0.9):.1f} | {max(t.ms):.1f} | {statistics.mean(t.cpu_ms):.0f} "
                f"| {statistics.median(t.statements):.0f} |"
            )
    lines += [
        "",
        "| Database | Concurrent submits for the last places of a day (homework unit) | rounds "
        "| submits/s | p50 ms | max ms | outcomes | places held after / capacity |",
        "|---|---|---:|---:|---:|---:|---|---:|",
    ]
    for r in results:
        assert r.bookings is not None
        rounds = r.bookings.rounds
        if not rounds:
            continue
        n = len(rounds[0].latencies)
        latencies = sorted(v for x in rounds for v in x.latencies)
        outcomes: dict[str, int] = {}
        for x in rounds:
            for outcome, count in x.outcomes.items():
                outcomes[outcome] = outcomes.get(outcome, 0) + count
        left = sorted({x.capacity - x.held_before for x in rounds})
        held_after = max(x.held_after for x in rounds)
        capacity = rounds[0].capacity
        verdict = "ok" if all(x.held_after <= x.capacity for x in rounds) else "**OVER CAPACITY**"
        lines.append(
            f"| {r.backend} | {n} at once for {'/'.join(map(str, left))} places left, "
            f"{', '.join(f'{x.day:%d/%m}' for x in rounds)} | {len(rounds)} "
            f"| **{sum(len(x.latencies) for x in rounds) / sum(x.elapsed for x in rounds):,.0f}** "
            f"| {statistics.median(latencies) * 1000:.0f} | {latencies[-1] * 1000:.0f} "
            f"| {', '.join(f'{c} {o}' for o, c in sorted(outcomes.items()))} "
            f"| {held_after} / {capacity} ({verdict}) |"
        )
    return lines


HOSTILE_BEGIN = "<!-- hostile traffic: written by `--only hostile` or a whole run -->"
HOSTILE_END = "<!-- end of hostile traffic -->"
MONEY_BEGIN = "<!-- money: written by `--only money` or a whole run -->"
MONEY_END = "<!-- end of money -->"
EXPORTS_BEGIN = "<!-- exports: written by `--only exports` or a whole run -->"
EXPORTS_END = "<!-- end of exports -->"
LATENCY_BEGIN = "<!-- latency: written by `--only latency` or a whole run -->"
LATENCY_END = "<!-- end of latency -->"
# The sections of results.md each part writes alone: (begin, end, title).
SECTIONS = {
    "hostile": (HOSTILE_BEGIN, HOSTILE_END, "Hostile traffic"),
    "money": (MONEY_BEGIN, MONEY_END, "Money: monthly invoicing, invoice PDFs, basket payments"),
    "exports": (EXPORTS_BEGIN, EXPORTS_END, "Exports: the bookings CSV streamed"),
    "latency": (
        LATENCY_BEGIN,
        LATENCY_END,
        "Latency (issue 14): planning and a month's save, before and after",
    ),
}


def write_results(table: str | None, parts: dict[str, str | None], argv: list[str], load: str) -> None:
    """Write ``results.md``: the main table (``table``; None with ``--only hostile`` or ``--only
    money``: the rest of the file is kept) and the sections of ``parts`` (hostile, money) given; the
    sections a run did not measure keep what they had."""
    command = " ".join([".venv/bin/python -m bench", *argv])
    stamp = f"Run on {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} with `{command}`."
    old = RESULTS.read_text() if RESULTS.exists() else ""
    rest, kept = old, {}
    for name, (begin, end, _) in SECTIONS.items():
        start, stop = rest.find(begin), rest.find(end)
        if 0 <= start < stop:
            kept[name] = rest[start : stop + len(end)]
            rest = rest.replace(kept[name], "")
    sections = []
    for name, (begin, end, title) in SECTIONS.items():
        text = parts.get(name)
        if text is not None:
            sections.append(
                f"{begin}\n## {title}\n\n{stamp} Other work on the machine: {load}.\n\n{text}\n{end}"
            )
        elif name in kept:
            sections.append(kept[name])
    if table is not None:
        head = (
            "# Benchmark results\n\n"
            f"{stamp}\n\n"
            f"Machine: {machine_note()} Other work on the machine: {load}.\n\n"
            f"{table}\n"
        )
    else:
        head = rest.strip("\n") or f"# Benchmark results\n\nMachine: {machine_note()}"
    RESULTS.write_text(head.rstrip("\n") + "\n" + "".join(f"\n{section}\n" for section in sections))


# ---------------------------------------------------------------------------------------------


async def main_async(args: argparse.Namespace) -> tuple[str | None, str | None, str | None]:
    """The main table (None with ``--only hostile`` or ``--only money``), the hostile traffic table
    and the money tables (None without those parts)."""
    backends = ["sqlite", *(["postgresql"] if args.pg else [])]
    results = [await bench_backend(b, args) for b in backends]
    table = None
    if args.only not in ("hostile", "money", "exports", "latency"):
        hashed = args.only in ("all", "records")
        hash_ms, verify_ms = await bench_hashing(args.hashes) if hashed else (None, None)
        table = report(results, hash_ms, verify_ms, args)
    hostile = [(r.backend, r.hostile) for r in results if r.hostile is not None]
    hostile_table = (
        hostile_report(hostile, args.hostile_duration, args.limits_off_duration, args.hostile_clients)
        if hostile
        else None
    )
    money = [r.money for r in results if r.money is not None]
    money_table = "\n".join(money_report(money)).strip("\n") if money else None
    exported = [run for r in results for run in (r.exports or [])]
    args.exports_table = "\n".join(exports_report(exported)) if exported else None
    latencies = [r.latency for r in results if r.latency is not None]
    args.latency_table = "\n".join(latency_report(latencies)) if latencies else None
    if args.profile:
        print(await profile_graphql(args))
    return table, hostile_table, money_table


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
    parser.add_argument(
        "--only",
        choices=["all", "records", "bookings", "hostile", "money", "exports", "latency"],
        default="all",
        help="run only one part",
    )
    numbers = lambda v: [int(n) for n in v.split(",") if n.strip()]  # noqa: E731
    parser.add_argument("--hostile-clients", type=int, default=8, help="concurrent hostile clients")
    parser.add_argument(
        "--hostile-duration", type=float, default=3.0, help="seconds per hostile document (idle: half)"
    )
    parser.add_argument("--hostile-workers", type=numbers, default=[1, 2], help="uvicorn workers (1,2)")
    parser.add_argument(
        "--limits-off-duration",
        type=float,
        default=3.0,
        help="seconds of the issue's document with the cost limits off (0: not measured)",
    )
    parser.add_argument("--repeats", type=int, default=24, help="whole-year repeats submitted (one each)")
    parser.add_argument("--contenders", type=int, default=24, help="concurrent submits per contest round")
    parser.add_argument("--contest-rounds", type=int, default=4, help="contest rounds (one day each)")
    parser.add_argument("--contest-places", type=int, default=3, help="places left before each round")
    parser.add_argument(
        "--invoice-households",
        type=numbers,
        default=[1000, 10000],
        help="monthly invoicing sizes (1000,10000)",
    )
    parser.add_argument("--checkout-families", type=int, default=60, help="baskets paid one at a time")
    parser.add_argument("--contest-holders", type=int, default=16, help="families holding the last places")
    parser.add_argument("--contest-others", type=int, default=32, help="families booking that day meanwhile")
    parser.add_argument(
        "--before",
        metavar="REV",
        help="latency part: also measure the server code of this git revision (its src/), in turns with this tree's",
    )
    parser.add_argument(
        "--latency-requests", type=int, default=300, help="planning requests per endpoint at one client (300)"
    )
    parser.add_argument("--latency-saves", type=int, default=40, help="month saves at one client (40)")
    parser.add_argument("--latency-clients", type=int, default=8, help="clients on two workers (8)")
    parser.add_argument("--latency-client-saves", type=int, default=8, help="month saves per client (8)")
    parser.add_argument(
        "--latency-duration", type=float, default=1.5, help="seconds per planning throughput run (1.5)"
    )
    parser.add_argument("--latency-rounds", type=int, default=4, help="before/after alternations (4)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the server")
    parser.add_argument("--profile-query", choices=sorted(CASES), default="household", help="query profiled")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    if args.before:
        try:
            revision(args.before)
        except subprocess.CalledProcessError:
            parser.error(f"--before {args.before}: not a revision of this repository")
    started = time.perf_counter()
    load_before = os.getloadavg()
    with event_loop_runner() as runner:
        table, hostile, money = runner.run(main_async(args))
    exports = getattr(args, "exports_table", None)
    latency = getattr(args, "latency_table", None)
    for part in (table, hostile, money, exports, latency):
        if part is not None:
            print()
            print(part)
    print(f"\n(bench took {time.perf_counter() - started:.0f} s)")
    if not args.no_write:
        load = f"load average {load_before[0]:.2f} before the run, {os.getloadavg()[0]:.2f} after"
        write_results(
            table,
            {"hostile": hostile, "money": money, "exports": exports, "latency": latency},
            [a for a in argv if a not in ("--profile", "--no-write")],
            load,
        )
        print(f"written to {RESULTS.relative_to(ROOT)}")
