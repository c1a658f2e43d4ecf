"""Hostile traffic: does the server keep answering health checks while anonymous clients send the
most expensive documents they can?

Issue 9: 480 repetitions of ``bookingLegend { state }`` (10 KB, within the token, depth and alias
limits), each request made unique so that it misses the parser and validation caches, cost over a
second of CPU in validation; eight such clients made ``GET /healthz`` wait 11 s. The documents are
now counted before validation (``schema/cost.py``: ``QUERY_TOO_COMPLEX``) and ``portail serve
--workers N`` runs N processes.

One scenario: ``clients`` connections (keep-alive, raw HTTP/1.1) each post one hostile document in a
loop, every request with its own operation name (``query H<run>_<client>_<n>``), while a prober
sends ``GET /healthz`` on a new connection, one at a time, every 20 ms or as soon as the last
answered (as a load balancer's or an orchestrator's probe; a new connection may be taken by any
worker). Reported: the hostile answers per second and how they were answered, the server's CPU per
hostile request (all its processes), which worker holds each hostile connection, and the health
checks' latency.
The documents: the issue's, and the worst each shape of ``tests/graphql/test_request_cost.py`` lets
through (``largest(WORST[shape])``), the same builders as the test, sized with the name in.

Why a name and not a comment: graphql-core's AST nodes compare and hash without their locations,
so two documents that differ only by a comment are equal, and the second hits the validation cache
(``ValidationCache`` is an ``lru_cache`` keyed by the document): only the parser cache is missed.
A different operation name is a different AST, and each request is validated afresh.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.loadgen import Call, RawConnection, process_tree_cpu
from bench.server import PID_PATH
from tests.graphql.test_request_cost import WORST, largest, repeated_field

PROBE_INTERVAL = 0.02  # seconds between the starts of two health checks (back to back when slower)
PROBE_DELAY = 0.1  # seconds between the hostile clients' first requests and the first health check
TIMEOUT = 120.0  # seconds: a request that takes longer fails the bench rather than hangs it
# The cost limits set so high that nothing is refused on them: what the limits buy.
LIMITS_OFF = {"PORTAIL_MAX_QUERY_FIELDS": "1000000000", "PORTAIL_MAX_QUERY_FIELD_PAIRS": "1000000000"}
ISSUE_DOCUMENT = "480 × `bookingLegend { state }` (issue 9)"


NAME = "HOSTILE"  # the operation name in a document, replaced by a unique one in each request


@dataclass(frozen=True)
class Hostile:
    label: str
    document: str  # its operation named ``NAME``

    def unique(self, name: str) -> str:
        """The document under another operation name (same tokens, same cost, another AST)."""
        return self.document.replace(NAME, name, 1)


def named(document: str) -> str:
    """``document`` with its operation named ``NAME`` (shorthand ``{ … }`` or ``query Q(…)``)."""
    if document.startswith("{"):
        return f"query {NAME} {document}"
    if document.startswith("query Q("):
        return f"query {NAME}(" + document.removeprefix("query Q(")
    raise ValueError(f"no operation to name in {document[:40]!r}")


def documents() -> list[Hostile]:
    """The issue's document, then the worst document of each shape the limits let through."""
    issue = Hostile(ISSUE_DOCUMENT, named(repeated_field(480).replace("label ", "")))
    return [
        issue,
        *(
            Hostile(f"worst within the limits: {shape}", largest(lambda n, b=build: named(b(n))))
            for shape, build in WORST.items()
        ),
    ]


@dataclass
class Scenario:
    """One run: a server (workers, limits on or off), a hostile document or none (idle)."""

    workers: int
    limits: bool
    label: str
    document_bytes: int
    clients: int
    count: int = 0
    elapsed: float = 0.0
    server_cpu: float = 0.0
    outcomes: Counter[str] = field(default_factory=Counter)
    probes: list[float] = field(default_factory=list)  # seconds
    probe_failures: int = 0
    spread: str = ""  # the hostile connections each worker holds, most first ("5+3")

    @property
    def rate(self) -> float:
        return self.count / self.elapsed

    @property
    def slow_probes(self) -> int:
        """Health checks that took over a second (a common probe timeout)."""
        return sum(seconds > 1 for seconds in self.probes)

    def probe_ms(self, q: float) -> float:
        values = sorted(self.probes)
        return values[min(len(values) - 1, int(q * len(values)))] * 1000


def outcome(status: int, body: bytes) -> str:
    """How a hostile request was answered: its first error's code, ``data``, or the HTTP status."""
    if status != 200:
        return f"HTTP {status}"
    try:
        answer = json.loads(body)
    except ValueError:
        return "not JSON"
    errors = answer.get("errors") or []
    if not errors:
        return "data"
    return str((errors[0].get("extensions") or {}).get("code", "no code"))


def graphql_call(document: str) -> Call:
    body = json.dumps({"query": document}).encode()
    return Call("POST", "/graphql", {"content-type": "application/json"}, body)


async def probe(host: str, port: int) -> tuple[float, bool]:
    """``GET /healthz`` on a new connection, closed after the answer: seconds, and whether 200."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(f"GET /healthz HTTP/1.1\r\nhost: {host}:{port}\r\nconnection: close\r\n\r\n".encode())
        answer = await reader.read()
    finally:
        writer.close()
    return time.perf_counter() - started, answer.startswith(b"HTTP/1.1 200")


async def prober(host: str, port: int, start: float, deadline: float, scenario: Scenario) -> None:
    """From ``start`` to ``deadline``, one health check at a time, a new one every
    ``PROBE_INTERVAL`` or as soon as the last answered when it took longer: as a load balancer's or
    an orchestrator's probe, which waits for its answer (or its timeout) before the next.

    Not open loop: checks sent every 20 ms whatever the answers pile up on the server (each a new
    connection waiting its turn) and then mostly measure their own queue; a single run of 6 s had
    checks sent in its first second answered after 5 s, once the hostile traffic stopped."""
    await asyncio.sleep(max(0.0, start - time.perf_counter()))
    while (started := time.perf_counter()) < deadline:
        try:
            seconds, ok = await asyncio.wait_for(probe(host, port), TIMEOUT)
        except (OSError, TimeoutError):
            seconds, ok = TIMEOUT, False
        scenario.probes.append(seconds)
        scenario.probe_failures += not ok
        await asyncio.sleep(max(0.0, started + PROBE_INTERVAL - time.perf_counter()))


async def attacker(
    connection: RawConnection, hostile: Hostile, tag: str, deadline: float, scenario: Scenario
) -> None:
    n = 0
    while time.perf_counter() < deadline:
        call = graphql_call(hostile.unique(f"H{tag}_{n}"))
        status, body = await asyncio.wait_for(connection.send_once(call), TIMEOUT)
        scenario.outcomes[outcome(status, body)] += 1
        scenario.count += 1
        n += 1


async def run_scenario(
    base: str, pid: int, scenario: Scenario, hostile: Hostile | None, seconds: float
) -> Scenario:
    """``scenario.clients`` attackers (none when ``hostile`` is None) and the prober for ``seconds``;
    requests under way at the deadline are waited for and counted (elapsed time included)."""
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    run = uuid.uuid4().hex[:8]
    connections = [RawConnection(base) for _ in range(scenario.clients if hostile is not None else 0)]
    # Open the connections at once, as an attacker would, and ask each which worker holds it: the
    # workers share the listening socket, and whichever polls first accepts what is waiting.
    answers = await asyncio.gather(*(c.send(Call("GET", PID_PATH, {})) for c in connections))
    held = Counter(json.loads(body)["pid"] for _, body in answers)
    scenario.spread = "+".join(str(n) for n in sorted(held.values(), reverse=True))
    cpu = process_tree_cpu(pid)
    started = time.perf_counter()
    deadline = started + seconds
    try:
        await asyncio.gather(
            prober(host, port, started + (PROBE_DELAY if hostile is not None else 0), deadline, scenario),
            *(attacker(c, hostile, f"{run}_{i}", deadline, scenario) for i, c in enumerate(connections)),
        )
    finally:
        for connection in connections:
            await connection.close()
    scenario.elapsed = time.perf_counter() - started
    scenario.server_cpu = process_tree_cpu(pid) - cpu
    return scenario


async def check_answers(base: str, hostile: list[Hostile], limits: bool) -> dict[str, str]:
    """Each document once (unique, on a new connection), as a warm-up and a check: with the limits
    the issue's document is refused QUERY_TOO_COMPLEX and the others are not; without, none is."""
    answers = {}
    for h in hostile:
        connection = RawConnection(base)
        try:
            status, body = await connection.send_once(graphql_call(h.unique(f"Check{uuid.uuid4().hex}")))
        finally:
            await connection.close()
        answers[h.label] = outcome(status, body)
        refused = answers[h.label] == "QUERY_TOO_COMPLEX"
        if answers[h.label] in ("INTERNAL_SERVER_ERROR", "not JSON") or refused != (
            limits and h.label == ISSUE_DOCUMENT
        ):
            raise RuntimeError(f"{h.label}: unexpected answer {status} {body[:300]!r}")
    return answers


def hostile_report(
    results: list[tuple[str, list[Scenario]]], duration: float, limits_off: float, clients: int
) -> str:
    """The hostile traffic table."""
    lines = [
        f"{clients} anonymous clients (raw HTTP/1.1, keep-alive) each post one document in a loop for "
        f"{duration:g} s (idle: {duration / 2:g} s), every request made unique by its operation name "
        "(a new AST: neither the parser nor the validation cache hits; a comment would not do), while "
        f"`GET /healthz` is sent on a new connection, one at a time, every {PROBE_INTERVAL * 1000:g} ms "
        "or as soon as the last answered when slower (as a load balancer's probe), from "
        f'{PROBE_DELAY:g} s after the first hostile requests. "idle": the health checks alone. Requests under way at the end are waited for '
        "(in the elapsed time). Server CPU: all its processes, from `/proc`; server and clients share "
        "the cores. Connections per worker: which worker accepted each hostile connection. "
        f'"Limits off" ({limits_off:g} s): `PORTAIL_MAX_QUERY_FIELDS` and `PORTAIL_MAX_QUERY_FIELD_PAIRS` '
        "at 10⁹, the cost check never refuses: the server before issue 9.",
        "",
        "| Database | workers | cost limits | hostile traffic | document bytes | connections per worker "
        "| answers | hostile req/s | server CPU ms/hostile req | server cores | `/healthz` p50 ms | p99 ms "
        "| max ms | checks | checks over 1 s |",
        "|---|---:|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for backend, scenarios in results:
        for s in scenarios:
            answers = ", ".join(f"{n:,} {o}" for o, n in s.outcomes.most_common()) or "–"
            hostile = s.count > 0
            failed = f" ({s.probe_failures} failed)" if s.probe_failures else ""
            lines.append(
                f"| {backend} | {s.workers} | {'on' if s.limits else '**off**'} | {s.label} "
                f"| {f'{s.document_bytes:,}' if hostile else '–'} | {s.spread or '–'} | {answers} "
                f"| {f'{s.rate:,.1f}' if hostile else '–'} "
                f"| {f'{1000 * s.server_cpu / s.count:.1f}' if hostile else '–'} "
                f"| {s.server_cpu / s.elapsed:.2f} | {s.probe_ms(0.5):.1f} | **{s.probe_ms(0.99):.1f}** "
                f"| {max(s.probes) * 1000:.1f} | {len(s.probes)}{failed} | {s.slow_probes} |"
            )
    return "\n".join(lines)


def summary(scenario: Scenario) -> str:
    """One line for the console."""
    hostile = (
        f"{scenario.rate:,.1f} hostile req/s, {1000 * scenario.server_cpu / scenario.count:.1f} ms CPU each "
        f"({dict(scenario.outcomes)}; connections per worker {scenario.spread}); "
        if scenario.count
        else ""
    )
    return (
        f"{hostile}/healthz p50 {scenario.probe_ms(0.5):.1f} ms, p99 {scenario.probe_ms(0.99):.1f} ms, "
        f"max {max(scenario.probes) * 1000:.1f} ms over {len(scenario.probes)}, {scenario.slow_probes} over 1 s"
        f"{f' ({scenario.probe_failures} failed)' if scenario.probe_failures else ''}"
    )
