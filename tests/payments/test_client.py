"""The client's failures: whatever goes wrong ends as PayfipUnavailable or PayfipFault, never a bare
exception."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from portail.adapters.payfip import PayfipClient, PayfipFault, PayfipUnavailable
from portail.adapters.payfip import protocol as p
from tests.conftest import LiveServer

from .conftest import Receiver, payment_request


def answering(status: int, body: bytes) -> PayfipClient:
    """A client whose PayFiP answers ``body`` with ``status`` to everything."""
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=body))
    return PayfipClient("https://payfip.test", transport=transport)


def test_the_payment_page_url() -> None:
    client = PayfipClient("https://www.payfip.gouv.fr/")
    assert client.payment_page_url("cc0cb210-1cd4") == (
        "https://www.payfip.gouv.fr/tpa/paiementws.web?idop=cc0cb210-1cd4"
    )


async def test_the_client_posts_the_envelope_as_soap_1_1() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=p.build_response("creerPaiementSecurise", {"idOp": "abc-123"}))

    receiver = Receiver()
    receiver.url = "https://portail.example"
    async with PayfipClient("https://payfip.test/", transport=httpx.MockTransport(handler)) as client:
        assert await client.create_payment(payment_request(receiver)) == "abc-123"
    (request,) = seen
    assert str(request.url) == "https://payfip.test/tpa/services/securite"
    assert request.headers["content-type"] == "text/xml; charset=utf-8"
    assert request.headers["soapaction"] == '""'
    assert p.parse_request(request.content)[0] == "creerPaiementSecurise"


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, b"<html><body>Maintenance</body></html>"),
        (200, b""),
        (502, b"Bad gateway"),
        (503, p.build_response("recupererDetailPaiementSecurise", {})),
        (200, p.build_response("recupererDetailClient", {"numcli": "123456"})),
        (200, b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'),
        (200, b"<x>" * 200_000),
    ],
)
async def test_garbage_answers_are_unavailable(status: int, body: bytes) -> None:
    async with answering(status, body) as client:
        with pytest.raises(PayfipUnavailable):
            await client.payment_detail("abc-123")


async def test_a_fault_sent_with_status_500_is_a_fault() -> None:
    async with answering(500, p.build_fault("P1", "IdOp incorrect.")) as client:
        with pytest.raises(PayfipFault) as caught:
            await client.payment_detail("abc-123")
    assert caught.value.code == "P1"


async def test_payfip_down_is_unavailable() -> None:
    # A port just freed: nobody listens there (connection refused, over a real socket).
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with PayfipClient(f"http://127.0.0.1:{port}", timeout=2) as client:
        with pytest.raises(PayfipUnavailable, match="could not be reached"):
            await client.payment_detail("abc-123")


async def test_payfip_too_slow_is_unavailable() -> None:
    async def slow(request: Request) -> Response:
        await asyncio.sleep(1)
        return Response(b"")

    server = LiveServer(Starlette(routes=[Route("/tpa/services/securite", slow, methods=["POST"])]))
    await server.start()
    try:
        async with PayfipClient(server.url, timeout=0.2) as client:
            with pytest.raises(PayfipUnavailable, match=r"did not answer within 0\.2 s"):
                await client.payment_detail("abc-123")
    finally:
        await server.stop()
