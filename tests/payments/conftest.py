"""PayFiP's sandbox and a merchant's notification receiver, each served by uvicorn on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
import pytest_asyncio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from portail.adapters.payfip import PaymentRequest
from portail.adapters.payfip.sandbox import PayfipSandbox
from portail.clock import Clock
from portail.settings import Settings
from tests.conftest import LiveServer


class Receiver:
    """The merchant's ``urlnotif`` (and ``urlredirect``): records each idop it is told about, from a
    GET's query or a form POST, as ``idop`` or ``idOp`` (PayFiP has been seen sending both)."""

    def __init__(self) -> None:
        self.idops: list[str] = []
        self.methods: list[str] = []
        self.app = Starlette(
            routes=[
                Route("/notif", self.notif, methods=["GET", "POST"]),
                Route("/retour", self.back, methods=["GET"]),
            ]
        )
        self.url = ""

    async def notif(self, request: Request) -> PlainTextResponse:
        values: Any = await request.form() if request.method == "POST" else request.query_params
        self.idops.append(str(values.get("idop") or values.get("idOp") or ""))
        self.methods.append(request.method)
        return PlainTextResponse("ok")

    async def back(self, request: Request) -> PlainTextResponse:
        return PlainTextResponse("retour au portail")


@pytest_asyncio.fixture(loop_scope="session")
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    server = LiveServer(receiver.app)
    await server.start()
    receiver.url = server.url
    yield receiver
    await server.stop()


@pytest_asyncio.fixture(loop_scope="session")
async def start_sandbox() -> AsyncIterator[Callable[..., Awaitable[tuple[PayfipSandbox, str]]]]:
    """Start a sandbox (keyword arguments as ``PayfipSandbox``'s) on a port of its own: (it, URL)."""
    servers: list[tuple[PayfipSandbox, LiveServer]] = []

    async def start(**options: Any) -> tuple[PayfipSandbox, str]:
        sandbox = PayfipSandbox(**options)
        server = LiveServer(sandbox.app)
        await server.start()
        servers.append((sandbox, server))
        return sandbox, server.url

    yield start
    for sandbox, server in servers:
        await sandbox.aclose()
        await server.stop()


@pytest_asyncio.fixture(loop_scope="session")
async def sandbox_clock() -> Clock:
    return Clock()


def payment_request(receiver: Receiver, **changes: Any) -> PaymentRequest:
    """A valid request of 12,34 € to regie 123456, whose callbacks go to ``receiver``."""
    values: dict[str, Any] = {
        "numcli": "123456",
        "exer": 2026,
        "refdet": "PANIER2026000042",
        "objet": "Cantine mars 2026",
        "montant": 1234,
        "mel": "parent@example.fr",
        "urlnotif": f"{receiver.url}/notif",
        "urlredirect": f"{receiver.url}/retour",
        "saisie": "T",
    }
    return PaymentRequest(**{**values, **changes})


@pytest.fixture
def settings(settings: Settings, _http_host: Any) -> Settings:
    """The app's settings, with its own address the live server's: PayFiP's sandbox is mounted there
    and calls the notification back there (as PayFiP calls the town's server)."""
    return settings.model_copy(update={"api_url": _http_host.url})
