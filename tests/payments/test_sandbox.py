"""The client against the sandbox over real HTTP on loopback, and a payer's browser on its page:
PayFiP's steps (PAYFIP.md) from opening a payment to reading its outcome."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest

from portail.adapters.payfip import PayfipClient, PayfipFault
from portail.adapters.payfip import protocol as p
from portail.adapters.payfip.sandbox import PayfipSandbox
from portail.clock import Clock

from .conftest import Receiver, payment_request

StartSandbox = Callable[..., Awaitable[tuple[PayfipSandbox, str]]]


async def open_payment(
    start_sandbox: StartSandbox, receiver: Receiver, **options: Any
) -> tuple[PayfipSandbox, PayfipClient, str]:
    sandbox, url = await start_sandbox(**options)
    client = PayfipClient(url, timeout=5)
    idop = await client.create_payment(payment_request(receiver))
    return sandbox, client, idop


async def click(client: PayfipClient, idop: str, button: str) -> httpx.Response:
    """The payer opens the payment page and presses one of its buttons, as a browser would."""
    async with httpx.AsyncClient(timeout=10) as browser:
        page = await browser.get(client.payment_page_url(idop))
        assert page.status_code == 200
        assert f'value="{button}"' in page.text
        # The form's action is relative to the page.
        return await browser.post(
            str(page.url.join("paiementws.web")), data={"idop": idop, "resultat": button}
        )


async def expect_fault(client: PayfipClient, idop: str) -> str:
    with pytest.raises(PayfipFault) as caught:
        await client.payment_detail(idop)
    return caught.value.code


async def test_a_payment_paid_by_card(start_sandbox: StartSandbox, receiver: Receiver) -> None:
    sandbox, client, idop = await open_payment(start_sandbox, receiver)
    assert len(idop) == 36
    # Until the payer decides, PayFiP knows no result.
    assert await expect_fault(client, idop) == "P5"

    async with httpx.AsyncClient(timeout=10) as browser:
        page = await browser.get(client.payment_page_url(idop))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for text in ("123456", "Cantine mars 2026", "12,34\u00a0€", "Payer (carte acceptée)", "Carte refusée",
                 "Abandonner", 'lang="fr"'):
        assert text in page.text
    assert "http" not in page.text.split("<body>")[0].replace('http-equiv', '')  # no external assets

    answer = await click(client, idop, "P")
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{receiver.url}/retour"
    # The merchant was told before the payer's browser came back, with the idop only.
    assert receiver.idops == [idop] and receiver.methods == ["POST"]

    detail = await client.payment_detail(idop)
    assert detail.paid and not detail.refused and not detail.abandoned
    assert (detail.idop, detail.resultrans, detail.montant, detail.refdet, detail.numcli) == (
        idop, "P", 1234, "PANIER2026000042", "123456"
    )
    assert (detail.exer, detail.mel, detail.objet, detail.saisie) == (
        "2026", "parent@example.fr", "Cantine mars 2026", "T"
    )
    assert detail.numauto
    assert detail.transacted_at is not None and detail.transacted_at.tzinfo == p.PARIS
    assert abs(detail.transacted_at - sandbox.clock.now()) < timedelta(minutes=1)
    # Once decided, the page does not take a second decision.
    async with httpx.AsyncClient(timeout=10) as browser:
        again = await browser.post(
            client.payment_page_url(idop).split("?")[0], data={"idop": idop, "resultat": "R"}
        )
    assert again.status_code == 409
    assert (await client.payment_detail(idop)).resultrans == "P"
    await client.aclose()


@pytest.mark.parametrize(("button", "refused", "abandoned"), [("R", True, False), ("A", False, True)])
async def test_a_card_refused_or_a_payment_abandoned(
    start_sandbox: StartSandbox, receiver: Receiver, button: str, refused: bool, abandoned: bool
) -> None:
    _, client, idop = await open_payment(start_sandbox, receiver)
    assert (await click(client, idop, button)).status_code == 303
    detail = await client.payment_detail(idop)
    assert (detail.resultrans, detail.paid, detail.refused, detail.abandoned) == (
        button, False, refused, abandoned
    )
    assert detail.numauto == ""
    assert receiver.idops == [idop]
    await client.aclose()


async def test_after_15_minutes_the_page_has_expired_and_the_purge_forgets_the_idop(
    start_sandbox: StartSandbox, receiver: Receiver
) -> None:
    clock = Clock()
    sandbox, client, idop = await open_payment(start_sandbox, receiver, clock=clock)
    clock.travel(timedelta(minutes=14, seconds=59))
    async with httpx.AsyncClient(timeout=10) as browser:
        assert (await browser.get(client.payment_page_url(idop))).status_code == 200
        clock.travel(timedelta(seconds=1))
        page = await browser.get(client.payment_page_url(idop))
        assert page.status_code == 410 and "Paiement expiré" in page.text
        late = await browser.post(client.payment_page_url(idop).split("?")[0], data={"idop": idop, "resultat": "P"})
        assert late.status_code == 410
    assert receiver.idops == []
    # Never decided: no result (P5) until PayFiP's nightly purge, then an unknown idop (P1).
    assert await expect_fault(client, idop) == "P5"
    sandbox.purge()
    assert await expect_fault(client, idop) == "P1"
    await client.aclose()


async def test_the_purge_keeps_decided_payments(start_sandbox: StartSandbox, receiver: Receiver) -> None:
    sandbox, client, paid = await open_payment(start_sandbox, receiver)
    await click(client, paid, "P")
    pending = await client.create_payment(payment_request(receiver, refdet="PANIER2026000043"))
    sandbox.purge()
    assert (await client.payment_detail(paid)).paid
    assert await expect_fault(client, pending) == "P1"
    assert await expect_fault(client, "00000000-0000-0000-0000-000000000000") == "P1"
    await client.aclose()


async def test_notifications_repeated_ten_times(start_sandbox: StartSandbox, receiver: Receiver) -> None:
    _, client, idop = await open_payment(start_sandbox, receiver, notify="repeat:10")
    await click(client, idop, "P")
    assert receiver.idops == [idop] * 10
    await client.aclose()


async def test_a_delayed_notification_arrives_after_the_payer(
    start_sandbox: StartSandbox, receiver: Receiver
) -> None:
    sandbox, client, idop = await open_payment(start_sandbox, receiver, notify="delay:0.3")
    await click(client, idop, "P")
    assert receiver.idops == []
    await sandbox.drain()
    assert receiver.idops == [idop]
    await client.aclose()


async def test_a_dropped_notification_never_arrives(start_sandbox: StartSandbox, receiver: Receiver) -> None:
    sandbox, client, idop = await open_payment(start_sandbox, receiver, notify="drop")
    assert (await click(client, idop, "P")).status_code == 303
    await sandbox.drain()
    assert receiver.idops == [] and sandbox.notifications == []
    # The merchant finds out by asking (its reconciliation job).
    assert (await client.payment_detail(idop)).paid
    await client.aclose()


async def test_a_notification_by_get(start_sandbox: StartSandbox, receiver: Receiver) -> None:
    _, client, idop = await open_payment(start_sandbox, receiver, notify_method="GET")
    await click(client, idop, "P")
    assert (receiver.idops, receiver.methods) == ([idop], ["GET"])
    await client.aclose()


async def test_a_merchant_down_does_not_stop_the_payer(start_sandbox: StartSandbox) -> None:
    down = Receiver()
    down.url = "http://127.0.0.1:9"  # discard port: nobody answers
    sandbox, client, idop = await open_payment(start_sandbox, down)
    assert (await click(client, idop, "P")).status_code == 303
    assert [n.status for n in sandbox.notifications] == [None]
    await client.aclose()


# -- faults, over the ASGI app (no socket needed) -----------------------------------------------


def asgi_client(sandbox: PayfipSandbox) -> PayfipClient:
    return PayfipClient("http://sandbox.test", transport=httpx.ASGITransport(app=sandbox.app))


GOOD = {
    "exer": "2026", "mel": "parent@example.fr", "montant": "1234", "numcli": "123456",
    "objet": "Cantine mars 2026", "refdet": "PANIER2026000042", "saisie": "T",
    "urlnotif": "https://portail.example/notif", "urlredirect": "https://portail.example/retour",
}


async def create_raw(sandbox: PayfipSandbox, **changes: str) -> str:
    """creerPaiementSecurise with values our own PaymentRequest would refuse to send."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=sandbox.app)) as http:
        answer = await http.post(
            "http://sandbox.test/tpa/services/securite",
            content=p.build_request("creerPaiementSecurise", {**GOOD, **changes}),
        )
    return p.parse_create_payment(answer.content)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("refdet", "ABC", "R3"),
        ("refdet", "PANIER-2026", "R3"),
        ("mel", "parent", "A2"),
        ("montant", "12.34", "M1"),
        ("montant", "99", "M3"),
        ("numcli", "12345", "T1"),
        ("saisie", "Z", "S1"),
        ("objet", "Cantine d'été", "SANDBOX_OBJET"),
        ("exer", "26", "SANDBOX_EXER"),
        ("urlnotif", "notif", "N1"),
        ("urlredirect", "", "D1"),
    ],
)
async def test_the_sandbox_answers_payfip_faults_for_bad_values(field: str, value: str, code: str) -> None:
    sandbox = PayfipSandbox()
    with pytest.raises(PayfipFault) as caught:
        await create_raw(sandbox, **{field: value})
    assert (caught.value.code, caught.value.kind) == (code, "FonctionnelleErreur")
    assert caught.value.message
    assert sandbox.payments == {}


async def test_the_regies_ceiling_and_known_numbers() -> None:
    sandbox = PayfipSandbox(regies={"123456": ("REGIE CANTINE", "VILLE DE SENE")}, ceiling=5000)
    with pytest.raises(PayfipFault, match="M5"):
        await create_raw(sandbox, montant="5001")
    with pytest.raises(PayfipFault, match="T2"):
        await create_raw(sandbox, numcli="654321")
    assert await create_raw(sandbox, montant="5000")
    async with asgi_client(sandbox) as client:
        assert await client.client_detail("123456") == p.ClientDetail(
            "123456", ("REGIE CANTINE", "VILLE DE SENE")
        )
        with pytest.raises(PayfipFault, match="T2"):
            await client.client_detail("654321")
        with pytest.raises(PayfipFault, match="T1"):
            await client.client_detail("12")


async def test_any_regie_is_known_by_default() -> None:
    async with asgi_client(PayfipSandbox()) as client:
        assert (await client.client_detail("654321")).labels == ("REGIE DE TEST 654321",)


@pytest.mark.parametrize(
    "body", [b"", b"<html/>", b'<!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>', p.build_response("x", {})]
)
async def test_the_sandbox_refuses_what_is_not_a_request(body: bytes) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=PayfipSandbox().app)) as http:
        answer = await http.post("http://sandbox.test/tpa/services/securite", content=body)
    assert answer.status_code == 500
    with pytest.raises(PayfipFault) as caught:
        p.parse_create_payment(answer.content)
    assert caught.value.kind == "TechProtocolaireErreur"


async def test_unknown_pages() -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=PayfipSandbox().app)) as http:
        page = await http.get("http://sandbox.test/tpa/paiementws.web?idop=nope")
        assert page.status_code == 404 and "Paiement introuvable" in page.text
        post = await http.post("http://sandbox.test/tpa/paiementws.web", data={"idop": "nope", "resultat": "P"})
        assert post.status_code == 404
