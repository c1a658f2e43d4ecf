"""The plain leaves' shortcut (``portail.schema.execution``) against graphql-core's own execution.

Not part of ``python -m bench``. From the repository root::

    .venv/bin/python -m bench.execution          # SQLite
    .venv/bin/python -m bench.execution --pg     # PostgreSQL (as the figures of issue 14)

A fresh database gets the bookings benchmark's school year (``bench/bookings.py``: the demo family's
three children booked every school day, ~195 bookings in the month shown). Then, in this process,
two schemas of the same settings, one with the shortcut and one without, answer in turn (A/B, so
that drift hits both alike):

- the month ``planning`` of the demo family (``PLANNING_QUERY``), ``--planning`` times each:
  ``schema.execute`` with a request context as the GraphQL view makes one (its database reads
  included), and the same answer's completion alone (the ``planning`` field's resolver answering
  an object read once: graphql-core's and Strawberry's work, no database);
- the preview of a whole-year repeat (``PREVIEW``), ``--previews`` times each;
- the submit of a whole-year repeat (``SUBMIT``), once per repeat household, alternately.

Answers are compared (``json.dumps``) before timing: they must be identical. Medians in ms.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import json
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from graphql import GraphQLObjectType
from starlette.requests import Request
from starlette.responses import Response

from bench.bookings import BENCH_NOW, PLANNING_QUERY, PREVIEW, SUBMIT, fill_bookings, repeat_input
from bench.run import SECRET_KEY, fresh_database
from portail.app import create_app
from portail.clock import Clock
from portail.db.engine import Database
from portail.http import request_context
from portail.schema import build_schema
from portail.schema.context import GraphQLContext
from portail.settings import Settings


def request_for(app: Any, token: str) -> Request:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/graphql",
        "headers": [(b"authorization", f"Bearer {token}".encode())],
        "query_string": b"",
        "client": ("127.0.0.1", 40000),
        "app": app,
        "state": {},
    }
    return Request(scope)


async def run(
    schema: Any, app: Any, token: str, query: str, variables: dict[str, Any] | None = None
) -> tuple[float, float, str]:
    """One execution as the view runs it: a new request context (signed in), ``schema.execute``; its
    wall time and the process's CPU time meanwhile (less sensitive to other jobs on the machine), ms."""
    request = request_for(app, token)
    ctx = await request_context(request)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        result = await schema.execute(
            query,
            variable_values=variables,
            context_value=GraphQLContext(request=request, response=Response(), app=ctx),
        )
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        await ctx.close()
    assert not result.errors, result.errors
    return elapsed * 1000, cpu * 1000, json.dumps(result.data)


def median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}"


Once = Callable[[Any], Awaitable[tuple[float, float, str]]]


async def ab(label: str, times: int, once: Once, schemas: dict[str, Any]) -> None:
    answers = {name: (await once(schema))[2] for name, schema in schemas.items()}
    assert len(set(answers.values())) == 1, f"{label}: the answers differ"
    for schema in schemas.values():  # warm-up
        await once(schema)
    wall: dict[str, list[float]] = {name: [] for name in schemas}
    cpu: dict[str, list[float]] = {name: [] for name in schemas}
    for _ in range(times):
        for name, schema in schemas.items():
            ms, cpu_ms, _ = await once(schema)
            wall[name].append(ms)
            cpu[name].append(cpu_ms)
    figures = []
    for kind, values in (("wall", wall), ("CPU", cpu)):
        plain, fast = statistics.median(values["graphql-core"]), statistics.median(values["shortcut"])
        figures.append(
            f"{kind} graphql-core {plain:.2f} ms, shortcut {fast:.2f} ms "
            f"({fast - plain:+.2f} ms, {100 * (fast - plain) / plain:+.0f} %)"
        )
    print(f"{label}: {len(answers['shortcut']):,} bytes; medians over {times}: " + "; ".join(figures), flush=True)


def answering(schema: Any, value: Any) -> Any:
    """``schema`` (one built for this) with its ``planning`` field answering ``value``, no database read."""
    query = schema._schema.query_type
    assert isinstance(query, GraphQLObjectType)
    query.fields["planning"].resolve = lambda *_args, **_kwargs: value
    return schema


async def main_async(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="portail-bench-") as tmpdir:
        tmp = Path(tmpdir)
        async with fresh_database("postgresql" if args.pg else "sqlite", tmp) as url:
            db = Database(url)
            try:
                data = await fill_bookings(db, SECRET_KEY, repeats=args.repeats, contenders=0, contest_rounds=0)
            finally:
                await db.dispose()
            print(f"data set in {data.seconds:.1f} s; planning month: {data.planning_bookings} bookings", flush=True)
            settings = Settings(
                _env_file=None,  # type: ignore[call-arg]
                env="development",
                database_url=url,
                var_dir=tmp / "var",
                secret_key=SECRET_KEY,
            )
            clock = Clock()
            clock.travel_to(BENCH_NOW)
            app = create_app(settings, clock=clock, run_mail_worker=False)
            async with app.router.lifespan_context(app):
                schemas = {
                    "graphql-core": build_schema(settings, plain_leaves=False),
                    "shortcut": build_schema(settings),
                }
                token = data.family_token
                await ab(
                    "planning, schema.execute",
                    args.planning,
                    lambda schema: run(schema, app, token, PLANNING_QUERY),
                    schemas,
                )

                # The same answer's completion alone: `planning` answers the object it gave once.
                read = build_schema(settings, plain_leaves=False)
                captured: list[Any] = []
                field = read._schema.query_type.fields["planning"]  # type: ignore[union-attr]
                original = field.resolve

                async def capture(*a: Any, **k: Any) -> Any:
                    value = original(*a, **k)  # type: ignore[misc]
                    if inspect.isawaitable(value):
                        value = await value
                    captured.append(value)
                    return value

                field.resolve = capture
                await run(read, app, token, PLANNING_QUERY)
                answered = {
                    "graphql-core": answering(build_schema(settings, plain_leaves=False), captured[0]),
                    "shortcut": answering(build_schema(settings), captured[0]),
                }
                await ab(
                    "planning, completion alone",
                    args.planning,
                    lambda schema: run(schema, app, token, PLANNING_QUERY),
                    answered,
                )

                first = data.repeats[0]
                variables = {"input": repeat_input(data, first.child_id)}
                await ab(
                    "whole-year repeat, previewBookingRequest",
                    args.previews,
                    lambda schema: run(schema, app, first.token, PREVIEW, variables),
                    schemas,
                )

                submits: dict[str, list[tuple[float, float]]] = {name: [] for name in schemas}
                names = list(schemas)
                for i, signed in enumerate(data.repeats[1:]):
                    name = names[i % 2]
                    ms, cpu_ms, _ = await run(
                        schemas[name], app, signed.token, SUBMIT, {"input": repeat_input(data, signed.child_id)}
                    )
                    submits[name].append((ms, cpu_ms))
                print(
                    "whole-year repeat, submitBookingRequest, one per household, medians: "
                    + "; ".join(
                        f"{name} wall {median([w for w, _ in ms])} ms, CPU {median([c for _, c in ms])} ms "
                        f"over {len(ms)}"
                        for name, ms in submits.items()
                    ),
                    flush=True,
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--pg", action="store_true", help="PostgreSQL (default: SQLite)")
    parser.add_argument("--planning", type=int, default=300, help="planning executions per schema")
    parser.add_argument("--previews", type=int, default=60, help="previews per schema")
    parser.add_argument("--repeats", type=int, default=41, help="repeat households (one warms up, the others submit)")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
