"""Closed-loop load: ``concurrency`` clients, each sending its next request when the last answered.

Two clients:

* ``httpx``: ``httpx.AsyncClient`` (the one the project uses elsewhere);
* ``raw``: HTTP/1.1 keep-alive over asyncio streams, pre-encoded requests, Content-Length bodies
  only. About ten times cheaper per request than httpx, which matters when the load generator
  and the server share two cores: what the client burns, the server cannot use.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

# httpcore tries ``import sniffio`` on every request; anyio 4.16 no longer brings sniffio, so each
# try is a failed import that walks sys.path (~0.4 ms here). A None entry fails at once.
try:
    import sniffio  # noqa: F401
except ImportError:
    sys.modules["sniffio"] = None  # type: ignore[assignment]

Send = Callable[[], Awaitable[tuple[int, bytes]]]


@dataclass(frozen=True, eq=False)  # hashed by identity: a key of encoded requests
class Call:
    """One request, as both clients send it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass
class Run:
    """One timed load run of one endpoint."""

    count: int
    elapsed: float
    latencies: list[float]
    failures: int
    server_cpu: float = 0.0  # seconds of the server process's CPU (all threads) during the run

    @property
    def rate(self) -> float:
        return self.count / self.elapsed


class RawConnection:
    """One keep-alive HTTP/1.1 connection; reopened if the server closed it while idle."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.requests: dict[Call, bytes] = {}
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    def encode(self, call: Call) -> bytes:
        if call not in self.requests:
            self.requests[call] = self.encode_once(call)
        return self.requests[call]

    def encode_once(self, call: Call) -> bytes:
        """The request's bytes, not kept (a call sent once: ``send_once``)."""
        headers = {"host": f"{self.host}:{self.port}", "user-agent": "portail-bench", **call.headers}
        if call.body or call.method == "POST":
            headers["content-length"] = str(len(call.body))
        head = f"{call.method} {call.path} HTTP/1.1\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        return head.encode("latin-1") + b"\r\n" + call.body

    async def send(self, call: Call) -> tuple[int, bytes]:
        return await self.send_bytes(self.encode(call))

    async def send_once(self, call: Call) -> tuple[int, bytes]:
        """Send a call made for this one request (its encoding is not kept)."""
        return await self.send_bytes(self.encode_once(call))

    async def send_bytes(self, request: bytes) -> tuple[int, bytes]:
        if self.writer is not None:
            try:
                return await self._exchange(request)
            except (asyncio.IncompleteReadError, ConnectionError):
                await self.close()  # uvicorn drops keep-alive connections idle for 5 s
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return await self._exchange(request)

    async def _exchange(self, request: bytes) -> tuple[int, bytes]:
        assert self.reader is not None and self.writer is not None
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        length = None
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise RuntimeError(f"raw client: no Content-Length in {head!r}")
        return status, await self.reader.readexactly(length)

    async def close(self) -> None:
        if self.writer is not None:
            writer, self.reader, self.writer = self.writer, None, None
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


def process_cpu(pid: int | None) -> float:
    """User + system CPU seconds of a process (Linux ``/proc``), 0 when unknown."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_tree_cpu(pid: int | None) -> float:
    """``process_cpu`` of a process and all its descendants (uvicorn's supervisor and its workers)."""
    if pid is None:
        return 0.0
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += process_cpu(current)
        todo += parents.get(current, [])
    return total


def httpx_sender(client: httpx.AsyncClient, call: Call) -> Send:
    async def send() -> tuple[int, bytes]:
        response = await client.request(call.method, call.path, headers=call.headers, content=call.body)
        return response.status_code, response.content

    return send


async def load(senders: list[Send], seconds: float) -> Run:
    """Each sender loops until ``seconds`` have passed; counts answers, latencies and failures.

    A failure is a non-200 status or a body carrying GraphQL ``errors``.
    """
    latencies: list[float] = []
    failures = 0
    deadline = time.perf_counter() + seconds

    async def worker(send: Send) -> None:
        nonlocal failures
        while True:
            started = time.perf_counter()
            if started >= deadline:
                return
            status, body = await send()
            latencies.append(time.perf_counter() - started)
            if status != 200 or b'"errors"' in body:
                failures += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker(s) for s in senders))
    return Run(len(latencies), time.perf_counter() - started, latencies, failures)


class LoadGenerator:
    """``concurrency`` senders of one kind (``httpx`` or ``raw``) against one server."""

    def __init__(self, kind: str, base_url: str, concurrency: int, server_pid: int | None = None) -> None:
        self.kind = kind
        self.server_pid = server_pid
        self.base_url = base_url
        self.concurrency = concurrency
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        self.client = httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30)
        self.raw = [RawConnection(base_url) for _ in range(concurrency)]

    def senders(self, call: Call) -> list[Send]:
        if self.kind == "httpx":
            return [httpx_sender(self.client, call)] * self.concurrency
        return [functools.partial(c.send, call) for c in self.raw]

    async def run(self, call: Call, seconds: float) -> Run:
        before = process_cpu(self.server_pid)
        run = await load(self.senders(call), seconds)
        run.server_cpu = process_cpu(self.server_pid) - before
        return run

    async def aclose(self) -> None:
        await self.client.aclose()
        for connection in self.raw:
            await connection.close()
