"""Issue 14's figures: the month's ``planning`` and a month's save, one request at a time and with 8
clients on two workers, beside the bare Starlette twin, for the server code of this tree ("after")
and, with ``--before REV``, of an earlier revision ("before"), in the same run on the same database.

The data set is ``bench/bookings.py``'s school year (``fill_bookings``), with ``savers``: households
whose child is enrolled in the périscolaire and booked in none of its units. A save is what the month
view's VALIDER costs a family: ``previewBookingRequest`` ("SUIVANT") then ``submitBookingRequest``
("VALIDER"), the documents the web client sends (``web/src/operations/planning.graphql``, with the
``__typename`` fields its urql cache adds), for 17 consecutive open days of one child in one unit of
the périscolaire. Every save is checked: 17 lines ACCEPTED in the preview and the submit, the request
ACCEPTED, and the bookings, lines and requests read back from the tables at the end.

A household can save 16 (window, unit) slots, once each: 8 windows of 17 open days × GARDERIE MATIN
and GARDERIE SOIR. The two codes share the households, half of each one's slots each, so that
neither gets the cheaper households; the saves are spread evenly over the slots. Each save takes a
place on each of its days: the places left each day are checked before any is sent
(``fill_bookings``' ``room`` leaves enough: ``saves_per_day``).
"""

from __future__ import annotations

import asyncio
import functools
import json
import math
import os
import statistics
import subprocess
import time
import uuid
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import graphql
from graphql.language import ast
from sqlalchemy import func
from sqlmodel import col, select

import portail
from bench.bookings import JSON_HEADERS, PLANNING_MONTH, PLANNING_QUERY, BookingData, Signed
from bench.loadgen import Call, RawConnection, Run, load
from bench.server import PID_PATH, PLANNING_PATH, STATEMENTS_PATH
from portail.db.engine import Database
from portail.db.models.bookings import Booking, BookingLine
from portail.db.models.catalogue import Unit
from portail.rules.booking_states import PLACE_HOLDING_VALUES, BookingState

ROOT = Path(__file__).resolve().parent.parent
CLIENT_DOCUMENTS = ROOT / "web" / "src" / "operations" / "planning.graphql"
SAVE_DAYS = 17  # a month of Mondays, Tuesdays, Thursdays and Fridays
EVENING_TIMES = ("16:30:00", "18:00:00")  # the evening care is counted in hours: six quarter-hours
WINDOWS = 8  # windows of 17 open days in the périscolaire's 139
UNITS = 2  # GARDERIE MATIN, GARDERIE SOIR
SLOTS = WINDOWS * UNITS  # the (window, unit) pairs a household can save, once each
RUNS = 2  # before and after: the data set always has room for both
CODE_SLOTS = SLOTS // RUNS  # each code saves half of them
PLANNING_TARGET_MS = 10.0
RATIO_TARGET = 0.8
SAVE_TARGET_MS = 24.0  # on PostgreSQL; SQLite reported

Serve = Callable[..., AbstractAsyncContextManager[tuple[str, int]]]


@dataclass(frozen=True)
class Sizes:
    """How much the latency part measures (``--latency-*`` options), per server code."""

    requests: int  # planning requests per endpoint at one client, over the rounds
    saves: int  # month saves at one client, over the rounds
    clients: int  # clients of the two-worker measures
    client_saves: int  # month saves per client, over the rounds
    duration: float  # seconds per throughput run (concurrency 16, and 8 clients)
    rounds: int  # before/after alternations

    def streams(self) -> list[int]:
        """Saves of each client (the one client first, then the 8), a warm-up save each included."""
        return [1 + self.saves] + [1 + self.client_saves] * self.clients


def saver_households(sizes: Sizes) -> int:
    """Households ``fill_bookings`` must reserve for the latency part: each client its own (the
    same for both codes: each code saves its half of a household's slots)."""
    return sum(math.ceil(n / CODE_SLOTS) for n in sizes.streams())


def saves_per_day(sizes: Sizes) -> int:
    """Places the latency part takes, at most, on one day of one unit (a slot is one code's)."""
    return math.ceil(sum(sizes.streams()) / CODE_SLOTS)


# ---------------------------------------------------------------------------------------------
# The documents


class _Typenames(graphql.Visitor):
    """``__typename`` added to every selection set but the operations' roots, as urql's
    ``cacheExchange`` (``formatDocument``) sends documents."""

    def leave_selection_set(self, node: ast.SelectionSetNode, _key: Any, parent: Any, *_: Any) -> Any:
        if isinstance(parent, ast.OperationDefinitionNode) or any(
            isinstance(s, ast.FieldNode) and s.name.value == "__typename" for s in node.selections
        ):
            return None
        typename = ast.FieldNode(name=ast.NameNode(value="__typename"), arguments=(), directives=())
        return ast.SelectionSetNode(selections=(*node.selections, typename))


def client_document(operation: str) -> str:
    """The web client's ``operation`` and the fragments it spreads, from its ``.graphql`` file."""
    parsed = graphql.parse(CLIENT_DOCUMENTS.read_text())
    operations = {
        d.name.value: d for d in parsed.definitions if isinstance(d, ast.OperationDefinitionNode) and d.name
    }
    fragments = {d.name.value: d for d in parsed.definitions if isinstance(d, ast.FragmentDefinitionNode)}
    wanted: list[ast.ExecutableDefinitionNode] = [operations[operation]]
    seen: set[str] = set()
    todo: list[ast.Node] = [operations[operation]]
    while todo:
        node = todo.pop()
        for key in node.keys:
            value = getattr(node, key, None)
            children = value if isinstance(value, tuple | list) else [value]
            for child in children:
                if isinstance(child, ast.FragmentSpreadNode) and child.name.value not in seen:
                    seen.add(child.name.value)
                    wanted.append(fragments[child.name.value])
                    todo.append(fragments[child.name.value])
                elif isinstance(child, ast.Node):
                    todo.append(child)
    return graphql.print_ast(graphql.visit(ast.DocumentNode(definitions=tuple(wanted)), _Typenames()))


@dataclass(frozen=True)
class Documents:
    preview: str
    submit: str

    @classmethod
    def of_client(cls) -> Documents:
        return cls(client_document("PreviewBookingRequest"), client_document("SubmitBookingRequest"))


def planning_calls(token: str) -> tuple[Call, Call]:
    """``planning`` of the month (``PLANNING_QUERY``) and its bare Starlette twin."""
    auth = {"authorization": f"Bearer {token}"}
    body = json.dumps({"query": PLANNING_QUERY}).encode()
    twin = f"{PLANNING_PATH}?from={PLANNING_MONTH[0]}&to={PLANNING_MONTH[1]}"
    return Call("POST", "/graphql", {**JSON_HEADERS, **auth}, body), Call("GET", twin, auth)


STATEMENTS_CALL = Call("GET", STATEMENTS_PATH, {})
PID_CALL = Call("GET", PID_PATH, {})


# ---------------------------------------------------------------------------------------------
# The saves


@dataclass(frozen=True)
class Save:
    """One month's save: one child, one unit, 17 consecutive open days."""

    signed: Signed
    unit_id: uuid.UUID
    days: tuple[date, ...]
    # A unit counted in hours (the demo's evening care): the arrival and departure each day books.
    times: tuple[str, str] | None = None

    def calls(self, period_id: uuid.UUID, documents: Documents) -> tuple[Call, Call]:
        stay = {"arrival": self.times[0], "departure": self.times[1]} if self.times else {}
        variables = {
            "input": {
                "periodId": str(period_id),
                "changes": [
                    {
                        "childId": str(self.signed.child_id),
                        "unitId": str(self.unit_id),
                        "date": str(day),
                        **stay,
                    }
                    for day in self.days
                ],
            }
        }
        headers = {**JSON_HEADERS, "authorization": f"Bearer {self.signed.token}"}
        preview, submit = (
            Call("POST", "/graphql", headers, json.dumps({"query": q, "variables": variables}).encode())
            for q in (documents.preview, documents.submit)
        )
        return preview, submit


@dataclass
class Streams:
    """One server code's saves: the one client's, then each of the 8 clients' (a warm-up save first
    in each), each client with households of its own."""

    single: list[Save]
    clients: list[list[Save]]

    @property
    def all(self) -> list[Save]:
        return self.single + [s for c in self.clients for s in c]


def plan_saves(data: BookingData, sizes: Sizes, runs: int) -> list[Streams]:
    """The saves of ``runs`` (1 or 2) server codes. The codes share the households, so that neither
    gets the cheaper ones: a household's 16 (window, unit) slots are split between them, window by
    window, each code 4 mornings and 4 evenings ((window + unit) odd or even). Client ``i`` of each code
    uses the same households (each client its own), one after the other, 8 saves each. A counter per
    code walks its slots across every client, so that each slot, hence each day of a unit, gets the
    same number of saves (give or take one)."""
    if len(data.care_days) < WINDOWS * SAVE_DAYS:
        raise RuntimeError(
            f"{len(data.care_days)} open days in the périscolaire, {WINDOWS * SAVE_DAYS} needed"
        )
    units = (data.morning, data.evening)
    slots = [
        [
            (units[u], tuple(data.care_days[w * SAVE_DAYS : (w + 1) * SAVE_DAYS]))
            for w in range(WINDOWS)
            for u in range(UNITS)
            if (w + u) % RUNS == code
        ]
        for code in range(RUNS)
    ]
    households = iter(data.savers)
    counters = [0] * runs
    streams: list[list[list[Save]]] = [[] for _ in range(runs)]
    for n in sizes.streams():
        try:
            homes = [next(households) for _ in range(math.ceil(n / CODE_SLOTS))]
        except StopIteration:
            raise RuntimeError(
                f"{len(data.savers)} saver households written, more needed (saver_households)"
            ) from None
        for code in range(runs):
            saves = []
            for i in range(n):
                unit, days = slots[code][counters[code] % CODE_SLOTS]
                saves.append(
                    Save(homes[i // CODE_SLOTS], unit, days, EVENING_TIMES if unit == data.evening else None)
                )
                counters[code] += 1
            streams[code].append(saves)
    return [Streams(code[0], code[1:]) for code in streams]


async def check_room(db: Database, data: BookingData, plans: list[Streams]) -> int:
    """Fail unless every day of every save has a place left for it (capacity − places held, counted
    from the bookings); returns the fewest places left once every save is in."""
    units = (data.morning, data.evening)
    async with db.read_sessions() as s:
        capacity = {
            u.id: u.capacity for u in (await s.exec(select(Unit).where(col(Unit.id).in_(units)))).all()
        }
        query = (
            select(Booking.unit_id, Booking.day, func.count())
            .where(col(Booking.unit_id).in_(units), col(Booking.state).in_(list(PLACE_HOLDING_VALUES)))
            .group_by(col(Booking.unit_id), col(Booking.day))
        )
        held = {(u, d): n for u, d, n in (await s.exec(query)).all()}
    wanted = Counter((save.unit_id, day) for plan in plans for save in plan.all for day in save.days)
    left = {}
    for (unit_id, day), n in wanted.items():
        places = capacity[unit_id]
        if places is None:
            continue
        left[(unit_id, day)] = places - held.get((unit_id, day), 0) - n
    short = {k: v for k, v in left.items() if v < 0}
    if short:
        raise RuntimeError(
            f"not enough places for the latency part's saves on {len(short)} days (e.g. {min(short)}: "
            f"{min(short.values())}): raise fill_bookings' room (bench/bookings.py REPEAT_ROOM)"
        )
    return min(left.values()) if left else 0


def _check_summary(summary: dict[str, Any] | None, what: str, save: Save) -> None:
    lines = (summary or {}).get("lines") or []
    outcomes = Counter(line["outcome"] or line["refusal"] for line in lines)
    if len(lines) != SAVE_DAYS or outcomes != Counter({"ACCEPTED": SAVE_DAYS}):
        raise RuntimeError(
            f"{what} of {save.unit_id} from {save.days[0]}: {len(lines)} lines, {dict(outcomes)}"
        )


def check_save(preview: bytes, submit: bytes, save: Save) -> None:
    """17 lines ACCEPTED in the preview and in the submit, and the request ACCEPTED."""
    p = json.loads(preview)
    answer = (p.get("data") or {}).get("previewBookingRequest")
    if p.get("errors") or answer is None or answer["errors"]:
        raise RuntimeError(f"preview refused: {preview[:500]!r}")
    _check_summary(answer["summary"], "preview", save)
    s = json.loads(submit)
    answer = (s.get("data") or {}).get("submitBookingRequest")
    if s.get("errors") or answer is None or answer["errors"] or answer["request"] is None:
        raise RuntimeError(f"submit refused: {submit[:500]!r}")
    _check_summary(answer["summary"], "submit", save)
    if answer["request"]["state"] != "ACCEPTED":
        raise RuntimeError(f"request {answer['request']['numberText']}: {answer['request']['state']}")


async def read_back(db: Database, data: BookingData, plans: list[Streams]) -> list[tuple[int, int, int]]:
    """Per code, what its saves wrote, read from the tables: the accepted bookings and the book lines
    on its saves' (child, unit, day), and the requests of those lines. Fails if the savers' children
    have any other booking or line in the two units."""
    children = list({s.signed.child_id for plan in plans for s in plan.all})
    units = [data.morning, data.evening]
    async with db.read_sessions() as s:
        bookings = Counter(
            (row.child_id, row.unit_id, row.day)
            for row in (
                await s.exec(
                    select(Booking.child_id, Booking.unit_id, Booking.day).where(
                        col(Booking.child_id).in_(children),
                        col(Booking.unit_id).in_(units),
                        Booking.state == BookingState.ACCEPTED.value,
                    )
                )
            ).all()
        )
        lines = {
            (row.child_id, row.unit_id, row.day): row.request_id
            for row in (
                await s.exec(
                    select(
                        BookingLine.child_id, BookingLine.unit_id, BookingLine.day, BookingLine.request_id
                    ).where(
                        col(BookingLine.child_id).in_(children),
                        col(BookingLine.unit_id).in_(units),
                        BookingLine.action == "book",
                    )
                )
            ).all()
        }
        line_count = (
            await s.exec(
                select(func.count()).where(
                    col(BookingLine.child_id).in_(children),
                    col(BookingLine.unit_id).in_(units),
                    BookingLine.action == "book",
                )
            )
        ).one()
    found = []
    for plan in plans:
        keys = [(save.signed.child_id, save.unit_id, day) for save in plan.all for day in save.days]
        found.append(
            (
                sum(bookings[k] for k in keys),
                sum(k in lines for k in keys),
                len({lines[k] for k in keys if k in lines}),
            )
        )
    total = sum(len(plan.all) for plan in plans) * SAVE_DAYS
    if sum(bookings.values()) != total or line_count != total:
        raise RuntimeError(
            f"the savers' children have {sum(bookings.values())} bookings and {line_count} book lines in "
            f"the care units, {total} saved"
        )
    return found


# ---------------------------------------------------------------------------------------------
# Measuring


@dataclass(frozen=True)
class Code:
    """Server code: "after" (the bench's own ``portail``) or "before" (``--before REV``'s ``src/``)."""

    name: str
    label: str
    src: Path

    @property
    def pythonpath(self) -> str:
        return f"{self.src}{os.pathsep}{ROOT}"


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def after_code() -> Code:
    """The ``portail`` this process imported (``PYTHONPATH=$PWD/src:$PWD``): the tree's code."""
    src = Path(portail.__file__).resolve().parent.parent
    if src != ROOT / "src":
        return Code("after", str(src), src)
    label = _git("rev-parse", "--short", "HEAD")
    if _git("status", "--porcelain", "--", "src"):
        label += " + uncommitted src/"
    return Code("after", label, src)


def revision(rev: str) -> str:
    """``rev``'s short commit hash; fails (CalledProcessError) if git does not know it."""
    return _git("rev-parse", "--short", "--verify", f"{rev}^{{commit}}")


def before_code(rev: str, folder: Path) -> Code:
    """``rev``'s ``src/``, extracted into ``folder`` (``git archive``)."""
    commit = revision(rev)
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "src"], check=True, capture_output=True
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return Code("before", commit, folder / "src")


@dataclass
class Measures:
    """One server code's figures on one database."""

    code: Code
    imported: str = ""  # the servers' ``portail.__file__``
    body_bytes: int = 0
    statements: tuple[int, int] = (0, 0)  # per planning request: GraphQL, twin
    planning_ms: list[float] = field(default_factory=list)  # one client, one worker
    twin_ms: list[float] = field(default_factory=list)
    planning_runs: list[Run] = field(default_factory=list)  # concurrency 16, one worker
    twin_runs: list[Run] = field(default_factory=list)
    preview_ms: list[float] = field(default_factory=list)  # one client, one worker
    submit_ms: list[float] = field(default_factory=list)
    preview_statements: list[int] = field(default_factory=list)
    submit_statements: list[int] = field(default_factory=list)
    many_planning_runs: list[Run] = field(default_factory=list)  # 8 clients, two workers
    many_twin_runs: list[Run] = field(default_factory=list)
    many_preview_ms: list[float] = field(default_factory=list)
    many_submit_ms: list[float] = field(default_factory=list)
    many_seconds: float = 0.0  # wall time of the 8 clients' saves
    splits: list[tuple[int, ...]] = field(default_factory=list)  # connections per worker, each round
    saves: int = 0  # every save sent (warm-ups included)
    read_back: tuple[int, int, int] = (0, 0, 0)  # bookings, lines, requests

    @property
    def save_ms(self) -> list[float]:
        return [p + s for p, s in zip(self.preview_ms, self.submit_ms, strict=True)]

    @property
    def many_save_ms(self) -> list[float]:
        return [p + s for p, s in zip(self.many_preview_ms, self.many_submit_ms, strict=True)]


@dataclass
class Latency:
    """The latency part on one database."""

    backend: str
    sizes: Sizes
    measures: list[Measures]  # before (with ``--before``), after
    fewest_left: int  # places left on the fullest day once every save is in
    seconds: float


def ms(seconds: float) -> float:
    return seconds * 1000


async def statements(connection: RawConnection) -> int:
    return int(json.loads((await connection.send(STATEMENTS_CALL))[1])["statements"])


def _inside(path: str, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())


async def identify(base: str, code: Code, workers: int) -> str:
    """Each worker's ``portail.__file__`` (a new connection each time until every worker answered),
    checked to lie in the code's ``src/``."""
    seen: dict[int, str] = {}
    for _ in range(400):
        connection = RawConnection(base)
        try:
            answer = json.loads((await connection.send(PID_CALL))[1])
        finally:
            await connection.close()
        seen[answer["pid"]] = answer["portail"]
        if len(seen) >= workers:
            break
        await asyncio.sleep(0.02)
    if len(seen) < workers:
        raise RuntimeError(f"{code.name}: {len(seen)} of {workers} workers answered")
    for path in seen.values():
        if not _inside(path, code.src):
            raise RuntimeError(f"{code.name}: the server runs {path}, not the code of {code.src}")
    return next(iter(seen.values()))


async def check_planning(connection: RawConnection, token: str, m: Measures) -> tuple[bytes, bytes]:
    """Both endpoints answer the same (as ``check_case``), and the SQL statements of each (fewest of
    three); returns the bodies every later answer is compared with, byte for byte."""
    bodies, counts = [], []
    for call in planning_calls(token):
        n = []
        for _ in range(3):
            before = await statements(connection)
            status, body = await connection.send(call)
            n.append(await statements(connection) - before)
            if status != 200:
                raise RuntimeError(f"planning: {status} {body[:300]!r}")
        bodies.append(body)
        counts.append(min(n))
    answers = [json.loads(b) for b in bodies]
    if answers[0] != answers[1] or not answers[0]["data"]["planning"]["days"]:
        raise RuntimeError(
            f"planning: bodies differ:\n  graphql: {bodies[0][:300]!r}\n  twin:    {bodies[1][:300]!r}"
        )
    m.body_bytes = len(bodies[0])
    m.statements = (counts[0], counts[1])
    return bodies[0], bodies[1]


async def planning_pair(
    connection: RawConnection, token: str, references: tuple[bytes, bytes], m: Measures | None
) -> None:
    """One GraphQL ``planning`` then one twin request, one at a time, timed into ``m`` (None: a
    warm-up); every answer checked byte for byte."""
    for call, reference, into in zip(
        planning_calls(token), references, (m.planning_ms, m.twin_ms) if m else ([], []), strict=True
    ):
        started = time.perf_counter()
        status, body = await connection.send(call)
        into.append(ms(time.perf_counter() - started))
        if status != 200 or body != reference:
            raise RuntimeError(f"planning: answer changed: {status} {body[:300]!r}")


async def save_once(
    connection: RawConnection,
    save: Save,
    period_id: uuid.UUID,
    documents: Documents,
    count: bool,
) -> tuple[float, float, int, int]:
    """Preview then submit ``save``, checked; their latencies and (``count``: one worker) statements."""
    preview, submit = save.calls(period_id, documents)
    timings, counts, bodies = [], [], []
    for call in (preview, submit):
        before = await statements(connection) if count else 0
        started = time.perf_counter()
        status, body = await connection.send_once(call)
        timings.append(ms(time.perf_counter() - started))
        counts.append(await statements(connection) - before if count else 0)
        if status != 200:
            raise RuntimeError(f"save: {status} {body[:300]!r}")
        bodies.append(body)
    check_save(bodies[0], bodies[1], save)
    return timings[0], timings[1], counts[0], counts[1]


async def throughput(
    base: str, calls: tuple[Call, Call], references: tuple[bytes, bytes], clients: int, seconds: float
) -> tuple[Run, Run]:
    """GraphQL then the twin, ``clients`` closed-loop connections each, ``seconds`` each."""
    connections = [RawConnection(base) for _ in range(clients)]
    try:
        return await loaded(connections, calls, references, seconds)
    finally:
        for c in connections:
            await c.close()


async def _checked(connection: RawConnection, call: Call, reference: bytes) -> tuple[int, bytes]:
    """The answer, its status made 599 (a failure for ``load``) unless it is the reference's bytes."""
    status, body = await connection.send(call)
    return (status if body == reference else 599), body


async def loaded(
    connections: list[RawConnection],
    calls: tuple[Call, Call],
    references: tuple[bytes, bytes],
    seconds: float,
) -> tuple[Run, Run]:
    """``load`` of each call in turn, every answer compared with its reference."""
    runs = []
    for call, reference in zip(calls, references, strict=True):
        run = await load([functools.partial(_checked, c, call, reference) for c in connections], seconds)
        if run.failures:
            raise RuntimeError(f"{call.method} {call.path}: {run.failures} wrong answers of {run.count}")
        runs.append(run)
    return runs[0], runs[1]


async def balance(connections: list[RawConnection], workers: int) -> tuple[int, ...]:
    """Connections spread evenly over the workers, as a load balancer's would be: the workers share
    the listening socket and whichever polls first accepts, so connections opened together often
    all land on one. Reopens connections of the busiest worker (up to 200 times); returns the split."""

    async def worker(c: RawConnection) -> int:
        return int(json.loads((await c.send(PID_CALL))[1])["pid"])

    of = {id(c): await worker(c) for c in connections}
    fair = math.ceil(len(connections) / workers)
    for _ in range(200):
        counts = Counter(of.values())
        if len(counts) >= min(workers, len(connections)) and max(counts.values()) <= fair:
            break
        busiest = counts.most_common(1)[0][0]
        c = next(c for c in connections if of[id(c)] == busiest)
        await c.close()
        of[id(c)] = await worker(c)
    return tuple(sorted(Counter(of.values()).values(), reverse=True))


async def start(
    serve: Serve, codes: list[Code], stacks: list[tuple[AsyncExitStack, int]]
) -> list[list[tuple[str, int]]]:
    """For each (stack, workers), a server per code with that many workers, stopped with the stack;
    all started together."""
    started = await asyncio.gather(
        *(
            stack.enter_async_context(serve(workers=workers, pythonpath=c.pythonpath))
            for stack, workers in stacks
            for c in codes
        ),
        return_exceptions=True,
    )
    servers = []
    for server in started:
        if isinstance(server, BaseException):
            raise server
        servers.append(server)
    return [servers[i * len(codes) : (i + 1) * len(codes)] for i in range(len(stacks))]


def _rounds(items: list[Any], rounds: int, i: int) -> list[Any]:
    return items[i * len(items) // rounds : (i + 1) * len(items) // rounds]


async def bench_latency(
    db_url: str,
    serve: Serve,
    backend: str,
    data: BookingData,
    sizes: Sizes,
    codes: list[Code],
) -> Latency:
    """Phase 1, one uvicorn worker per code (the servers of every code up together): ``planning``
    one request at a time, month saves one at a time, ``planning`` at concurrency 16. Phase 2, two
    workers per code (``portail serve --workers 2``): ``planning`` and month saves with 8 clients.
    The codes' one-client requests are interleaved; the loaded runs take turns, round after round
    (before, after, before, after)."""
    started = time.perf_counter()
    documents = Documents.of_client()
    plans = plan_saves(data, sizes, len(codes))
    db = Database(db_url)
    try:
        fewest_left = await check_room(db, data, plans)
    finally:
        await db.dispose()
    measures = [Measures(code) for code in codes]
    token = data.family_token
    period = data.care_period
    tag = f"[{backend}/latency]"
    print(
        f"{tag} codes: {', '.join(f'{c.name} {c.label} ({c.src})' for c in codes)}; "
        f"{sum(len(p.all) for p in plans)} month saves planned, {fewest_left} places left at least after them",
        flush=True,
    )

    # Every server is started at once (each takes seconds to import the app, 10-15 s on a loaded
    # machine); the two-worker ones wait, idle, until phase 1 is over.
    async with AsyncExitStack() as phase_2:
        # Phase 1: one worker each. One client: the codes' requests interleaved (before, after, after,
        # before, …) so that the machine's noise falls on both alike; concurrency 16: in turns.
        async with AsyncExitStack() as stack:
            servers, later = await start(serve, codes, [(stack, 1), (phase_2, 2)])
            connections = [RawConnection(base) for base, _ in servers]
            for c in connections:
                stack.push_async_callback(c.close)
            references = []
            for (base, _), connection, m, plan in zip(servers, connections, measures, plans, strict=True):
                m.imported = await identify(base, m.code, 1)
                references.append(await check_planning(connection, token, m))
                print(
                    f"{tag} {m.code.name}: portail from {m.imported}; planning: both endpoints answer the same "
                    f"({m.body_bytes:,} bytes); SQL statements GraphQL {m.statements[0]}, twin {m.statements[1]}",
                    flush=True,
                )
                # Warm-up, not counted: caches, pools, the first save's imports.
                for _ in range(20):
                    await planning_pair(connection, token, references[-1], None)
                await save_once(connection, plan.single[0], period, documents, count=False)
                await throughput(base, planning_calls(token), references[-1], 16, 0.5)
            turns = list(range(len(codes)))
            for i in range(sizes.rounds):
                for connection in connections:
                    await statements(
                        connection
                    )  # reopened if idle for over 5 s (uvicorn's keep-alive), untimed
                for j in range(len(_rounds(list(range(sizes.requests)), sizes.rounds, i))):
                    for k in turns if j % 2 == 0 else turns[::-1]:
                        await planning_pair(connections[k], token, references[k], measures[k])
                for j, turn in enumerate(
                    zip(*(_rounds(plan.single[1:], sizes.rounds, i) for plan in plans), strict=True)
                ):
                    for k in turns if j % 2 == 0 else turns[::-1]:
                        timings = await save_once(connections[k], turn[k], period, documents, count=True)
                        m = measures[k]
                        m.preview_ms.append(timings[0])
                        m.submit_ms.append(timings[1])
                        m.preview_statements.append(timings[2])
                        m.submit_statements.append(timings[3])
                for (base, _), m, reference in zip(servers, measures, references, strict=True):
                    graphql_run, twin_run = await throughput(
                        base, planning_calls(token), reference, 16, sizes.duration
                    )
                    m.planning_runs.append(graphql_run)
                    m.twin_runs.append(twin_run)
                    print(
                        f"{tag} {time.perf_counter() - started:.0f} s: round {i + 1}, {m.code.name}, one worker: "
                        f"planning p50 {statistics.median(m.planning_ms):.1f} ms (twin "
                        f"{statistics.median(m.twin_ms):.1f}); save p50 {statistics.median(m.save_ms):.1f} ms; "
                        f"concurrency 16: {graphql_run.rate:,.0f} / {twin_run.rate:,.0f} req/s",
                        flush=True,
                    )

        # Phase 2: two workers each, 8 clients.
        async with AsyncExitStack() as stack:
            servers = later
            pools = [[RawConnection(base) for _ in range(sizes.clients)] for base, _ in servers]
            for pool in pools:
                for c in pool:
                    stack.push_async_callback(c.close)

            async def save_all(
                pool: list[RawConnection], streams: list[list[Save]], m: Measures | None
            ) -> None:
                async def client(connection: RawConnection, stream: list[Save]) -> None:
                    for save in stream:
                        p, s, _, _ = await save_once(connection, save, period, documents, count=False)
                        if m is not None:
                            m.many_preview_ms.append(p)
                            m.many_submit_ms.append(s)

                await asyncio.gather(*(client(c, stream) for c, stream in zip(pool, streams, strict=True)))

            for (base, _), pool, m, plan, reference in zip(
                servers, pools, measures, plans, references, strict=True
            ):
                imported = await identify(base, m.code, 2)
                if imported != m.imported:
                    raise RuntimeError(f"{m.code.name}: two workers run {imported}, one ran {m.imported}")
                await balance(pool, 2)
                await save_all(pool, [stream[:1] for stream in plan.clients], None)  # warm-up, every worker
                await loaded(pool, planning_calls(token), reference, 0.5)
            for i in range(sizes.rounds):
                for pool, m, plan, reference in zip(pools, measures, plans, references, strict=True):
                    m.splits.append(await balance(pool, 2))
                    graphql_run, twin_run = await loaded(
                        pool, planning_calls(token), reference, sizes.duration
                    )
                    m.many_planning_runs.append(graphql_run)
                    m.many_twin_runs.append(twin_run)
                    clock = time.perf_counter()
                    await save_all(pool, [_rounds(stream[1:], sizes.rounds, i) for stream in plan.clients], m)
                    m.many_seconds += time.perf_counter() - clock
                    print(
                        f"{tag} {time.perf_counter() - started:.0f} s: round {i + 1}, {m.code.name}, two workers, {sizes.clients} clients "
                        f"(connections per worker {'+'.join(map(str, m.splits[-1]))}): planning "
                        f"{graphql_run.rate:,.0f} / {twin_run.rate:,.0f} req/s; save p50 "
                        f"{statistics.median(m.many_save_ms):.1f} ms",
                        flush=True,
                    )

    db = Database(db_url)
    try:
        for m, plan, found in zip(measures, plans, await read_back(db, data, plans), strict=True):
            m.saves = len(plan.all)
            m.read_back = found
            expected = (SAVE_DAYS * m.saves, SAVE_DAYS * m.saves, m.saves)
            if m.read_back != expected:
                raise RuntimeError(
                    f"{m.code.name}: read back {m.read_back} (bookings, lines, requests), {expected} expected"
                )
    finally:
        await db.dispose()
    return Latency(backend, sizes, measures, fewest_left, time.perf_counter() - started)


# ---------------------------------------------------------------------------------------------
# Report


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _p50(values: list[float]) -> float:
    return statistics.median(values)


def _rate(runs: list[Run]) -> float:
    return sum(r.count for r in runs) / sum(r.elapsed for r in runs)


def _run_p50(runs: list[Run]) -> float:
    return ms(statistics.median(v for r in runs for v in r.latencies))


def _met(value: float, target: float | None, below: bool) -> str:
    if target is None:
        return ""
    return " ✓" if (value < target if below else value >= target) else " ✗"


def latency_report(results: list[Latency]) -> list[str]:
    """One table per database: measure | target | before | after | twin."""
    if not results:
        return []
    sizes = results[0].sizes
    lines = [
        f"`planning` of {PLANNING_MONTH[0]:%B %Y} for the demo family (3 children, `PLANNING_QUERY`) against "
        "its bare Starlette twin (`GET /bench/planning`), and a month's save: `previewBookingRequest` then "
        "`submitBookingRequest` as the web client sends them (`web/src/operations/planning.graphql`, with "
        "urql's `__typename`s) for 17 consecutive open days of one child in GARDERIE MATIN or GARDERIE SOIR, "
        "on servers whose clock stands before the school year. **1 client**: one keep-alive connection per "
        f"server, one request at a time after a warm-up, {sizes.requests} planning requests per endpoint "
        f"(GraphQL and twin alternated) and {sizes.saves} saves per server code, the codes' requests "
        "interleaved (before, after, after, before, …); one uvicorn worker. **Concurrency 16**: closed "
        f"loop, one worker, {sizes.rounds} runs of {sizes.duration:g} s per endpoint (the requests under "
        f"way at the end waited for and counted, as item 5's). **{sizes.clients} clients, 2 workers** "
        "(uvicorn `--workers 2`, as `portail "
        f"serve --workers 2`): {sizes.clients} keep-alive connections spread evenly over the workers, "
        f"planning {sizes.rounds} runs of {sizes.duration:g} s per endpoint, then the clients save at once, "
        f"each its own households, {sizes.client_saves} saves each. The loaded runs take turns round after "
        f"round ({sizes.rounds} rounds: before, after, before, after, …). Same database and data set for "
        "both codes; latencies p50 (p90) in ms; ✓/✗: the issue's target met or not. Every answer "
        "checked: planning byte for byte against the answer both endpoints were first checked to agree "
        "on; each save 17 lines ACCEPTED (preview and submit), the request ACCEPTED, and the bookings, "
        "lines and requests read back from the tables at the end. SQL statements: the fewest are the "
        "request's own; the median also counts the mail worker's delivery (woken by each submit's "
        "commit) when it lands in the next request's count.",
    ]
    for r in results:
        ms_ = {m.code.name: m for m in r.measures}
        order = [ms_[n] for n in ("before", "after") if n in ms_]
        head = " | ".join(f"{m.code.name} ({m.code.label})" for m in order)
        if "before" not in ms_:
            head = "before (no `--before`) | " + head
        lines += [
            "",
            f"| {r.backend} | target | {head} | twin |",
            "|---|---|---:|---:|---:|",
        ]
        save_target = SAVE_TARGET_MS if r.backend == "postgresql" else None

        def row(label: str, target: str, cells: list[str], twin: str) -> str:
            if len(cells) == 1:
                cells = ["–", *cells]
            return f"| {label} | {target} | {' | '.join(cells)} | {twin} |"

        def latency(values: list[float], target: float | None) -> str:
            return f"**{_p50(values):.1f}**{_met(_p50(values), target, True)} ({_pct(values, 0.9):.1f})"

        def twins(cell: Callable[[Measures], str], order: list[Measures] = order) -> str:
            return " / ".join(cell(m) for m in order)

        lines += [
            row(
                "`planning` p50, 1 client, 1 worker",
                f"< {PLANNING_TARGET_MS:g} ms",
                [latency(m.planning_ms, PLANNING_TARGET_MS) for m in order],
                twins(lambda m: f"{_p50(m.twin_ms):.1f} ({_pct(m.twin_ms, 0.9):.1f})"),
            ),
            row(
                "`planning` req/s, concurrency 16, 1 worker",
                "",
                [f"{_rate(m.planning_runs):,.0f}" for m in order],
                twins(lambda m: f"{_rate(m.twin_runs):,.0f}"),
            ),
            row(
                "`planning` GraphQL / twin throughput, concurrency 16",
                f"≥ {RATIO_TARGET:g}",
                [
                    f"**{(x := _rate(m.planning_runs) / _rate(m.twin_runs)):.2f}**{_met(x, RATIO_TARGET, False)}"
                    for m in order
                ],
                "1",
            ),
            row(
                "`planning` SQL statements per request",
                "",
                [str(m.statements[0]) for m in order],
                twins(lambda m: str(m.statements[1])),
            ),
            row(
                "month save p50 (preview + submit, 17 days), 1 client, 1 worker",
                f"< {SAVE_TARGET_MS:g} ms" if save_target else "reported",
                [latency(m.save_ms, save_target) for m in order],
                "–",
            ),
            row(
                "… `previewBookingRequest` p50",
                "",
                [f"{_p50(m.preview_ms):.1f} ({_pct(m.preview_ms, 0.9):.1f})" for m in order],
                "–",
            ),
            row(
                "… `submitBookingRequest` p50",
                "",
                [f"{_p50(m.submit_ms):.1f} ({_pct(m.submit_ms, 0.9):.1f})" for m in order],
                "–",
            ),
            row(
                "SQL statements per preview / per submit, fewest (median)",
                "",
                [
                    f"{min(m.preview_statements)} / {min(m.submit_statements)} "
                    f"({statistics.median_low(m.preview_statements)} / {statistics.median_low(m.submit_statements)})"
                    for m in order
                ],
                "–",
            ),
            row(
                f"`planning` p50, {sizes.clients} clients, 2 workers",
                "",
                [
                    f"**{_run_p50(m.many_planning_runs):.1f}** ({ms(_pct([v for x in m.many_planning_runs for v in x.latencies], 0.9)):.1f})"
                    for m in order
                ],
                twins(lambda m: f"{_run_p50(m.many_twin_runs):.1f}"),
            ),
            row(
                f"`planning` req/s, {sizes.clients} clients, 2 workers",
                "",
                [f"{_rate(m.many_planning_runs):,.0f}" for m in order],
                twins(lambda m: f"{_rate(m.many_twin_runs):,.0f}"),
            ),
            row(
                f"`planning` GraphQL / twin throughput, {sizes.clients} clients, 2 workers",
                f"≥ {RATIO_TARGET:g}",
                [
                    f"**{(x := _rate(m.many_planning_runs) / _rate(m.many_twin_runs)):.2f}**"
                    f"{_met(x, RATIO_TARGET, False)}"
                    for m in order
                ],
                "1",
            ),
            row(
                f"month save p50, {sizes.clients} clients saving at once, 2 workers",
                "",
                [latency(m.many_save_ms, None) for m in order],
                "–",
            ),
            row(
                f"… saves/s, {sizes.clients} clients",
                "",
                [f"{len(m.many_save_ms) / m.many_seconds:,.1f}" for m in order],
                "–",
            ),
            row(
                "connections per worker, each round",
                "",
                [", ".join("+".join(map(str, s)) for s in m.splits) for m in order],
                "",
            ),
            row(
                "saves written (warm-ups included): bookings, lines, requests read back",
                "17 × saves",
                [f"{m.saves}: {m.read_back[0]:,}, {m.read_back[1]:,}, {m.read_back[2]:,}" for m in order],
                "",
            ),
        ]
        lines.append(
            f"\n{r.backend}: {r.seconds:.0f} s for this part once the data set was written; fewest places left on "
            f"a day of the care units once every save was in: {r.fewest_left}. Server code: "
            + "; ".join(f"{m.code.name} imported `portail` from `{m.imported}`" for m in order)
            + "."
        )
    return lines
