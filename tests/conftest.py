"""Shared fixtures: every test runs against SQLite and PostgreSQL, a real SMTP server on
loopback, and the app served by uvicorn on a free port (real HTTP)."""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
import uvicorn
from sqlalchemy import text
from sqlmodel import SQLModel

import portail.db.models  # noqa: F401  (registers the tables)
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


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def database_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A fresh, migrated database for the session, dropped at the end."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("db") / "portail.sqlite3"
        url = f"sqlite+aiosqlite:///{path}"
        db = Database(url)
        await migrate.upgrade(db.engine)
        await db.dispose()
        yield url
        return
    name = f"portail_test_{uuid.uuid4().hex[:10]}"
    admin = Database(PG_ADMIN_URL)
    async with admin.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    db = Database(url)
    await migrate.upgrade(db.engine)
    await db.dispose()
    yield url
    async with admin.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


@pytest_asyncio.fixture(loop_scope="session")
async def db(database_url: str) -> AsyncIterator[Database]:
    """The test's database handle; every table is emptied before the test."""
    database = Database(database_url)
    tables = [t.name for t in reversed(SQLModel.metadata.sorted_tables)]
    async with database.transaction() as session:
        if database.is_postgresql:
            await session.exec(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE"))
        else:
            for table in tables:
                await session.exec(text(f'DELETE FROM "{table}"'))
    yield database
    await database.dispose()


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
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class LiveServer:
    """The app served by uvicorn on a free loopback port, in the test's event loop."""

    def __init__(self, app: object) -> None:
        self.app = app
        self.sock = _free_socket()
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, lifespan="on", log_level="warning"))
        self.task: asyncio.Task[None] | None = None

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


@pytest_asyncio.fixture(loop_scope="session")
async def live_server(db: Database, settings: Settings, clock: Clock) -> AsyncIterator[LiveServer]:
    """The app over real HTTP; its mail worker delivers to the test SMTP server."""
    server = LiveServer(create_app(settings, clock=clock))
    await server.start()
    yield server
    await server.stop()


@pytest_asyncio.fixture(loop_scope="session")
async def http(live_server: LiveServer) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client with its own cookie jar (a browser)."""
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as client:
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
        client = httpx.AsyncClient(base_url=live_server.url, timeout=30)
        clients.append(client)
        return GraphQLClient(client)

    yield new
    for client in clients:
        await client.aclose()
