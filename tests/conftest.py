"""Shared fixtures: every test runs against SQLite and PostgreSQL, a real SMTP server on
loopback, and the app served by uvicorn on a loopback port (real HTTP).

Most tests run twice (once per backend), so what each test pays for counts double. What is shared
between tests, and what is still done for every one (no answer a test gets depends on it):

- Each test gets its own app (``create_app`` with the test's settings and clock) and runs its whole
  lifespan (database check, mail worker started and stopped). One uvicorn per session listens on
  loopback and hands each request to the app of the test that runs, wrapped as uvicorn wraps an app
  it serves: uvicorn's own start and stop (a socket, ticks of 0.1 s, a 0.1 s pause) are paid once.
- One database per backend for the session, emptied before each test (on PostgreSQL in one round
  trip of ``DELETE`` statements: ``TRUNCATE`` of some thirty tables took 0.1 s).
- argon2id keeps its real profile, and every new hash is computed. Checking a password is a
  deterministic function of (hash, password), and the same pairs come back all the time (the
  builders hash each password once per run), so each pair is checked once per run and its outcome
  (match, or the same exception) remembered: see ``_argon2_checks_once``. No test measures how long
  a check takes; one that does must be marked ``@pytest.mark.real_argon2_cost``.
- HTTP clients share one TLS context (httpx would load the CA bundle again for each client).

pytest-xdist runs the tests in one worker per CPU (``-n logical`` in pyproject.toml): each worker has
its own databases (PostgreSQL names are random, SQLite files under the worker's temporary folder),
SMTP server and uvicorn, so any test can go to any worker.
"""

from __future__ import annotations

import asyncio
import os
import socket
import ssl
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
import uvicorn
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import text
from sqlmodel import SQLModel
from uvicorn.lifespan.on import LifespanOn

import portail.db.models  # noqa: F401  (registers the tables)
from portail.adapters import hashing
from portail.app import create_app
from portail.clock import Clock
from portail.db import migrate
from portail.db.engine import Database
from portail.settings import Settings
from tests.support.graphql import GraphQLClient
from tests.support.smtp import SmtpServer

PG_ADMIN_URL = os.environ.get("PORTAIL_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
BACKENDS = [b.strip() for b in os.environ.get("PORTAIL_TEST_DATABASES", "sqlite,postgresql").split(",")]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Tests marked postgresql_only run only with the PostgreSQL backend.
    for item in items:
        if item.get_closest_marker("postgresql_only") and "[sqlite]" in item.nodeid:
            item.add_marker(pytest.mark.skip(reason="concurrency guarantees are tested on PostgreSQL"))


# -- argon2 -------------------------------------------------------------------------------------


class _RememberingHasher(PasswordHasher):
    """The app's hasher, same parameters, whose ``verify`` computes each (hash, password) pair once.

    argon2's verification is deterministic: the same hash and password always give the same result,
    so answering a pair seen before with its outcome (True, or the same exception) is exactly what a
    new computation would give, only without its 0.2 s of CPU. New hashes are computed as ever."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outcomes: dict[tuple[str | bytes, str | bytes], tuple[type[Exception], tuple] | None] = {}

    def verify(self, hash: str | bytes, password: str | bytes) -> Any:
        key = (hash, password)
        if key not in self.outcomes:
            try:
                result = super().verify(hash, password)
            except (VerificationError, InvalidHashError) as exc:
                self.outcomes[key] = (type(exc), exc.args)
                raise
            assert result is True
            self.outcomes[key] = None
        outcome = self.outcomes[key]
        if outcome is not None:
            kind, args = outcome
            raise kind(*args)
        return True


@pytest.fixture(scope="session")
def _remembering_hasher() -> Iterator[_RememberingHasher]:
    real = hashing._hasher
    remembering = _RememberingHasher.from_parameters(real._parameters)
    remembering.encoding = real.encoding
    assert isinstance(remembering, _RememberingHasher) and remembering._parameters == real._parameters
    yield remembering


@pytest.fixture(autouse=True)
def _argon2_checks_once(
    request: pytest.FixtureRequest, _remembering_hasher: _RememberingHasher
) -> Iterator[None]:
    """Password checks are computed once per distinct (hash, password) for the run (see above)."""
    if request.node.get_closest_marker("real_argon2_cost"):
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(hashing, "_hasher", _remembering_hasher)
        yield


# -- databases ----------------------------------------------------------------------------------


class _Databases:
    """The session's databases, one per backend: made and migrated when first asked for, dropped
    at the end. Kept apart from ``database_url`` so that a worker going from one backend to the
    other and back (pytest-xdist) reuses them instead of creating and migrating new ones."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.tmp_path_factory = tmp_path_factory
        self.urls: dict[str, str] = {}
        self.pg_names: list[str] = []

    async def url(self, backend: str) -> str:
        if backend not in self.urls:
            if backend == "sqlite":
                path = self.tmp_path_factory.mktemp("db") / "portail.sqlite3"
                url = f"sqlite+aiosqlite:///{path}"
            else:
                name = f"portail_test_{uuid.uuid4().hex[:10]}"
                await self._admin(f'CREATE DATABASE "{name}"')
                self.pg_names.append(name)
                url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
            db = Database(url)
            await migrate.upgrade(db.engine)
            await db.dispose()
            self.urls[backend] = url
        return self.urls[backend]

    async def drop(self) -> None:
        for name in self.pg_names:
            await self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @staticmethod
    async def _admin(statement: str) -> None:
        admin = Database(PG_ADMIN_URL)
        try:
            async with admin.engine.connect() as conn:
                await conn.execution_options(isolation_level="AUTOCOMMIT")
                await conn.execute(text(statement))
        finally:
            await admin.dispose()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def _databases(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[_Databases]:
    databases = _Databases(tmp_path_factory)
    yield databases
    await databases.drop()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def database_url(backend: str, _databases: _Databases) -> str:
    """A fresh, migrated database for the session (one per backend), dropped at the end."""
    return await _databases.url(backend)


def _wipe_statement(tables: list[str]) -> str:
    """Every table emptied in one round trip, children before their parents."""
    deletes = " ".join(f'DELETE FROM "{t}";' for t in tables)
    return f"DO $$ BEGIN {deletes} END $$"


@pytest_asyncio.fixture(loop_scope="session")
async def db(database_url: str) -> AsyncIterator[Database]:
    """The test's database handle; every table is emptied before the test."""
    database = Database(database_url)
    # The catalogue's version row stays: triggers move it as the catalogue's rows go.
    tables = [t.name for t in reversed(SQLModel.metadata.sorted_tables) if t.name != "catalogue_version"]
    async with database.transaction() as session:
        if database.is_postgresql:
            await session.exec(text(_wipe_statement(tables)))
        else:
            for table in tables:
                await session.exec(text(f'DELETE FROM "{table}"'))
    yield database
    await database.dispose()


# -- mail ---------------------------------------------------------------------------------------


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def smtp_server() -> AsyncIterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_server: SmtpServer) -> SmtpServer:
    """The SMTP server on loopback, its mailbox emptied for the test."""
    smtp_server.clear()
    return smtp_server


@pytest.fixture
def settings(database_url: str, smtp_server: SmtpServer, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        env="development",
        database_url=database_url,
        var_dir=tmp_path / "var",
        secret_key="test-secret-key-" + "x" * 32,
        public_url="http://portail.test",
        smtp_host="127.0.0.1",
        smtp_port=smtp_server.port,
        mail_poll_seconds=0.2,
        # Small: tests wait for many mails one after the other (tests/mail shows the coalescing).
        mail_wake_delay_seconds=0.01,
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


# -- the app over HTTP --------------------------------------------------------------------------


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class _Host:
    """One uvicorn on a free loopback port for the session, handing each request to the app
    mounted at the time (the running test's). Its own config adds nothing to the requests: the
    mounted app comes wrapped as uvicorn wraps an app it serves (see ``LiveServer``)."""

    def __init__(self) -> None:
        self.sock = _free_socket()
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.mounted: LiveServer | None = None
        config = uvicorn.Config(
            self, interface="asgi3", lifespan="off", proxy_headers=False, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.task: asyncio.Task[None] | None = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        mounted = self.mounted
        if mounted is None:
            await send(
                {"type": "http.response.start", "status": 503, "headers": [(b"content-type", b"text/plain")]}
            )
            await send({"type": "http.response.body", "body": b"no app mounted"})
            return
        await mounted.handle(scope, receive, send)

    async def start(self) -> None:
        self.task = asyncio.create_task(self.server.serve(sockets=[self.sock]))
        while not self.server.started:
            if self.task.done():
                self.task.result()
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        self.server.should_exit = True
        if self.task is not None:
            await self.task
        self.sock.close()


class LiveServer:
    """The app served by uvicorn on a loopback port, in the test's event loop.

    ``LiveServer(app)`` runs a uvicorn of its own on a free port. ``LiveServer(app, host=...)``
    is served by the session's uvicorn instead: the app is wrapped, and its lifespan run, by
    uvicorn's own code for an app it serves (``Config.load``, ``LifespanOn``), and ``stop`` waits
    for requests in flight before the lifespan's shutdown, as uvicorn's shutdown does."""

    def __init__(self, app: Any, host: _Host | None = None) -> None:
        self.app = app
        self.host = host
        # As `portail serve` runs it: proxy headers are the app's business (PORTAIL_TRUSTED_PROXIES).
        self.config = uvicorn.Config(app, lifespan="on", proxy_headers=False, log_level="warning")
        if host is None:
            self.sock = _free_socket()
            self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
            self.server = uvicorn.Server(self.config)
        else:
            self.url = host.url
        self.task: asyncio.Task[None] | None = None
        self.lifespan: LifespanOn | None = None
        self.in_flight = 0
        self.idle = asyncio.Event()
        self.idle.set()

    async def start(self) -> None:
        if self.host is None:
            self.task = asyncio.create_task(self.server.serve(sockets=[self.sock]))
            while not self.server.started:
                if self.task.done():
                    self.task.result()
                await asyncio.sleep(0.01)
            return
        assert self.host.mounted is None, "the session's uvicorn already serves another app"
        self.config.load()
        self.lifespan = LifespanOn(self.config)
        await self.lifespan.startup()
        if self.lifespan.should_exit:
            raise RuntimeError("the application's startup failed (see the log above)")
        self.host.mounted = self

    async def handle(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        assert self.lifespan is not None
        # As uvicorn does: each request gets a copy of the state the lifespan left.
        scope["state"] = self.lifespan.state.copy()
        self.in_flight += 1
        self.idle.clear()
        try:
            await self.config.loaded_app(scope, receive, send)
        finally:
            self.in_flight -= 1
            if not self.in_flight:
                self.idle.set()

    async def stop(self) -> None:
        if self.host is None:
            self.server.should_exit = True
            if self.task is not None:
                await self.task
            self.sock.close()
            return
        if self.host.mounted is self:
            self.host.mounted = None
        await asyncio.wait_for(self.idle.wait(), timeout=30)
        await _mail_worker_between_rounds(self.app)
        if self.lifespan is not None:
            await self.lifespan.shutdown()


async def _mail_worker_between_rounds(app: Any, timeout: float = 5) -> None:
    """Wait until the app's mail worker is waiting for work (``idle``), not in a delivery round.

    ``MailWorker.stop()`` cancels its task wherever it is; cancelled inside a round's transaction it
    can leave a connection checked out, holding SQLite's write lock (or PostgreSQL row locks) for
    the next test, whose first write then fails after the 30 s busy timeout. uvicorn's own shutdown
    pauses 0.1 s first, which made that rare; stopping right after a test's last commit (which wakes
    the worker) would stop it mid-round far more often. The worker is idle too in the moment it waits
    after a wake (``mail_wake_delay_seconds``): ``stop()`` ends that wait at once."""
    worker = getattr(app.state, "mail_worker", None)
    task = getattr(worker, "_task", None)
    if task is None:
        return
    deadline = asyncio.get_running_loop().time() + timeout
    while not task.done() and not worker.idle:
        if asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.002)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def _http_host() -> AsyncIterator[_Host]:
    host = _Host()
    await host.start()
    yield host
    await host.stop()


@pytest_asyncio.fixture(loop_scope="session")
async def live_server(
    db: Database, settings: Settings, clock: Clock, _http_host: _Host
) -> AsyncIterator[LiveServer]:
    """The app over real HTTP; its mail worker delivers to the test SMTP server."""
    server = LiveServer(create_app(settings, clock=clock), host=_http_host)
    await server.start()
    yield server
    await server.stop()


_tls: ssl.SSLContext | None = None
# httpx keeps an idle connection 5 s, exactly as long as uvicorn waits before closing it: a request
# sent on a connection idle for 5 s can meet the server's close (httpx.ReadError). Idle connections
# are dropped sooner here; everything else is httpx's default.
_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=2)


def http_client(base_url: str, **kwargs: Any) -> httpx.AsyncClient:
    """An httpx client as by default, but for the keep-alive above and one TLS context (httpx
    would load the CA bundle again for each client, 40 ms) for the run."""
    global _tls
    if _tls is None:
        _tls = httpx.create_ssl_context()
    return httpx.AsyncClient(base_url=base_url, verify=_tls, limits=_LIMITS, **kwargs)


@pytest_asyncio.fixture(loop_scope="session")
async def http(live_server: LiveServer) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client with its own cookie jar (a browser)."""
    async with http_client(live_server.url, timeout=30) as client:
        yield client


@pytest.fixture
def gql(http: httpx.AsyncClient) -> GraphQLClient:
    """GraphQL over HTTP as a browser sends it (JSON, cookies)."""
    return GraphQLClient(http)


@pytest_asyncio.fixture(loop_scope="session")
async def browser(live_server: LiveServer) -> AsyncIterator[object]:
    """A factory of further browsers (each its own cookie jar), e.g. staff beside a family."""
    clients: list[httpx.AsyncClient] = []

    def new() -> GraphQLClient:
        client = http_client(live_server.url, timeout=30)
        clients.append(client)
        return GraphQLClient(client)

    yield new
    for client in clients:
        await client.aclose()
