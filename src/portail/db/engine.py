"""The database handle: async engines and session factories."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar, TypeVarTuple, overload

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Connection, CursorResult, Result, ScalarResult, TupleResult, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.dml import UpdateBase
from sqlmodel.ext.asyncio.session import AsyncSession as _SQLModelSession
from sqlmodel.sql.expression import Select, SelectOfScalar

# Who is using the database in the current task: an object per HTTP request (``serve_request``),
# None elsewhere (the mail worker, the command line). See ``_ping_unless_given_back``.
_user: contextvars.ContextVar[object | None] = contextvars.ContextVar("portail_db_user", default=None)
# Set while a read session runs a statement: the connection it takes is not pinged (``AsyncSession._run``).
_reading: contextvars.ContextVar[bool] = contextvars.ContextVar("portail_db_reading", default=False)
_GIVEN_BACK_BY = "portail_given_back_by"
_FRESH = "portail_fresh"


def serve_request() -> None:
    """Mark the current task as one request's: a connection it gives back and takes again (a
    mutation's session lookup, then its transaction) is not pinged the second time."""
    _user.set(object())


_Row = TypeVar("_Row")
_Ts = TypeVarTuple("_Ts")


class AsyncSession(_SQLModelSession):
    """An async session that queues concurrent use instead of failing.

    GraphQL resolves sibling fields concurrently; they share the request's session, which allows
    one operation at a time. Each call waits for the previous one (re-entrant within a task).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lock = asyncio.Lock()
        self._owner: asyncio.Task[Any] | None = None

    async def _serial(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        task = asyncio.current_task()
        if self._owner is task:
            return await self._run(call, *args, **kwargs)
        async with self._lock:
            self._owner = task
            try:
                return await self._run(call, *args, **kwargs)
            finally:
                self._owner = None

    async def _run(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        if not self.info.get(READS_ONLY):
            return await call(*args, **kwargs)
        # A read session's connection is not pinged when taken (``_ping_unless_given_back``): found
        # dead by the read itself (a server restarted, an administrator's pg_terminate_backend), it
        # is invalidated with the rest of the pool, and the read runs again on a new connection. Only
        # while the session holds no rows: a rollback would expire them (``end_reads``).
        reading = _reading.set(True)
        try:
            try:
                return await call(*args, **kwargs)
            except sa.exc.DBAPIError as error:
                if not error.connection_invalidated or self.sync_session.identity_map:
                    raise
            await self.rollback()
            return await call(*args, **kwargs)
        finally:
            _reading.reset(reading)

    # Typed as SQLModel's, plus SQLAlchemy's own select (used past 4 entities) and other statements.
    @overload
    async def exec(self, statement: Select[*_Ts], **kwargs: Any) -> TupleResult[tuple[*_Ts]]: ...
    @overload
    async def exec(self, statement: SelectOfScalar[_Row], **kwargs: Any) -> ScalarResult[_Row]: ...
    @overload
    async def exec(self, statement: UpdateBase, **kwargs: Any) -> CursorResult[*tuple[Any, ...]]: ...
    @overload
    async def exec(self, statement: sa.Select[*_Ts], **kwargs: Any) -> TupleResult[tuple[*_Ts]]: ...
    @overload
    async def exec(self, statement: Executable, **kwargs: Any) -> Result[*tuple[Any, ...]]: ...
    async def exec(self, statement: Any, **kwargs: Any) -> Any:
        return await self._serial(super().exec, statement, **kwargs)

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        return await self._serial(super().execute, *args, **kwargs)

    async def scalar(self, *args: Any, **kwargs: Any) -> Any:
        return await self._serial(super().scalar, *args, **kwargs)

    async def scalars(self, *args: Any, **kwargs: Any) -> Any:
        return await self._serial(super().scalars, *args, **kwargs)

    async def rows(self, statement: sa.Select[*_Ts], params: Mapping[str, Any]) -> Sequence[sa.Row[*_Ts]]:
        """The rows of a select of plain columns (no entity), run on the session's connection in its
        transaction, in turn with the session's other calls, but without the ORM layer: no flush
        first, no identity map, no loading. For a few hundred rows that layer costs more than the
        statement: the month planning's bookings took 1.6 ms of CPU through it, 0.6 without
        (PostgreSQL, 185 rows, mean of an A/B run in process; SQLite 3.0 and 2.0)."""

        async def run() -> Sequence[sa.Row[*_Ts]]:
            connection = await self.connection()
            return (await connection.execute(statement, params)).all()

        rows: Sequence[sa.Row[*_Ts]] = await self._serial(run)
        return rows

    async def get(self, entity: type[_Row] | Mapper[_Row], ident: Any, **kwargs: Any) -> _Row | None:
        if kwargs.get("with_for_update"):
            # SQLAlchemy locks the row but keeps the values of a copy the session already holds (a
            # household read with the session lookup, say): the row read under the lock is the one
            # the caller decides on. Autoflush has written the copy's pending changes first.
            kwargs.setdefault("populate_existing", True)
        row: _Row | None = await self._serial(super().get, entity, ident, **kwargs)
        return row

    async def flush(self, *args: Any, **kwargs: Any) -> None:
        await self._serial(super().flush, *args, **kwargs)

    async def refresh(self, *args: Any, **kwargs: Any) -> None:
        await self._serial(super().refresh, *args, **kwargs)


def _sqlite_engine(url: str, *, immediate: bool) -> AsyncEngine:
    # LIFO, as on PostgreSQL (see there): each connection has its own page cache.
    engine = create_async_engine(url, connect_args={"timeout": 30}, pool_use_lifo=True)

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:  # the driver's connection (sqlite3 API)
        # Let SQLAlchemy, not the driver, open transactions (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the write lock up front and queue on the busy timeout; a deferred
        # transaction that upgrades later could fail at once with "database is locked".
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


READS_ONLY = "portail.reads_only"


def _ping_unless_given_back(engine: AsyncEngine) -> None:
    """SQLAlchemy's ``pool_pre_ping`` for the transactions that write, but for a connection the same
    request gave back a moment ago; none for reads.

    A ping is a round trip through the driver: 0.4-0.5 ms a request. A read needs none: it runs again
    on a new connection if its own turns out dead (``AsyncSession._run``). A write cannot run again,
    so its transaction's connection is pinged, but not one the same request gave back a moment ago
    (a mutation reads its viewer in the request's read session, gives that connection back, and takes
    one for its transaction: with LIFO, the same): a connection held through the whole request would
    not have been pinged either. A failed ping invalidates the pool (``InvalidatePoolError``, as
    pre-ping does), so that the pool opens a new connection and the request goes on.
    """
    pool, dialect = engine.sync_engine.pool, engine.sync_engine.dialect

    def connected(_dbapi_connection: Any, record: Any) -> None:
        record.info[_FRESH] = True  # just opened: nothing to ping (``info`` is cleared on invalidation)

    def checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        given_back_by = record.info.pop(_GIVEN_BACK_BY, None)
        if record.info.pop(_FRESH, False):
            return
        user = _user.get()
        if _reading.get() or (user is not None and given_back_by is user):
            return
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as error:  # the driver's, whatever it is: the connection is not to be trusted
            raise exc.InvalidatePoolError() from error

    def checked_in(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[_GIVEN_BACK_BY] = _user.get()

    event.listen(pool, "connect", connected)
    event.listen(pool, "checkout", checked_out)
    event.listen(pool, "checkin", checked_in)


@event.listens_for(Session, "before_flush")
def _refuse_writes(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(READS_ONLY):
        raise RuntimeError("a read session writes nothing: write in Database.transaction()")


class Database:
    """Engines and session factories of one database.

    On SQLite, writes go through their own engine whose transactions begin IMMEDIATE; reads stay
    deferred so that they never wait for a writer. On PostgreSQL both are the same pool, reads in
    autocommit (``read_engine``), writes in READ COMMITTED transactions (``engine``).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            self.engine = _sqlite_engine(url, immediate=False)
            self.read_engine = self.engine
            self.write_engine = _sqlite_engine(url, immediate=True)
        else:
            # Pinged when taken from the pool (``_ping_unless_given_back``): a connection the server
            # dropped (restart, failover, idle timeout, an administrator's pg_terminate_backend) is
            # replaced, instead of failing the request that drew it. LIFO: after a burst has opened
            # more connections, the requests that follow take the one used last, whose prepared
            # statements and server caches are warm, rather than each in turn (a month's save took
            # 48 ms again instead of 70 after ten seconds at concurrency 16: bench/latency.py); the
            # others idle out.
            #
            # The pool's connections are in autocommit, and the request's reads run so: at READ
            # COMMITTED each statement sees what was committed when it began, with or without a
            # transaction around it, so a read transaction bought nothing but its BEGIN and ROLLBACK;
            # and the ping of a connection outside a transaction is one round trip instead of
            # three (BEGIN, ping, ROLLBACK). Writes, migrations and everything else go through
            # ``engine``, which gives back READ COMMITTED transactions as before: 4 round trips
            # less per query, 6 per mutation (its transaction's pre-ping too).
            self.read_engine = create_async_engine(
                url,
                pool_size=10,
                max_overflow=20,
                pool_use_lifo=True,
                isolation_level="AUTOCOMMIT",
            )
            _ping_unless_given_back(self.read_engine)
            self.engine = self.read_engine.execution_options(isolation_level="READ COMMITTED")
            self.write_engine = self.engine
        # Reads never flush: on PostgreSQL a flush would commit at once. Nothing a read session
        # holds is meant to be written (a use case writes in ``transaction``); one that tries is a
        # bug, stopped by ``_refuse_writes``.
        self.read_sessions = async_sessionmaker(
            self.read_engine,
            class_=AsyncSession,
            expire_on_commit=False,
            autoflush=False,
            info={READS_ONLY: True},
        )
        self.write_sessions = async_sessionmaker(
            self.write_engine, class_=AsyncSession, expire_on_commit=False
        )

    @property
    def is_postgresql(self) -> bool:
        return self.dialect == "postgresql"

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One write transaction, committed when the block ends without an exception."""
        async with self.write_sessions() as session, session.begin():
            yield session

    async def dispose(self) -> None:
        # On PostgreSQL ``engine`` and ``write_engine`` share ``read_engine``'s pool.
        await self.read_engine.dispose()
        if self.write_engine.sync_engine.pool is not self.read_engine.sync_engine.pool:
            await self.write_engine.dispose()
