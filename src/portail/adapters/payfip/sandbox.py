"""A PayFiP of our own for development and tests: a Starlette app on PayFiP's paths.

- ``POST /tpa/services/securite``: the SOAP web service, validating like PayFiP and answering its
  fault codes (``protocol.py`` says where each code comes from);
- ``GET /tpa/paiementws.web?idop=``: the payment page (in French, no external assets) with three
  buttons: card paid, card refused, abandon; an "expired" page once the idop is 15 minutes old;
- ``POST /tpa/paiementws.web``: the button: records the result, calls the merchant's ``urlnotif``
  (as the instance's ``notify`` policy says: ``now``, ``delay:<s>``, ``repeat:<n>``, ``drop``), then
  redirects the browser to ``urlredirect``.

State is kept in memory, one sandbox per process: with several server workers, a payment opened
through one worker is unknown to the others (development runs one). Time comes from ``Clock`` so that
tests can travel past the 15 minutes. Never mounted in production (``settings.py`` refuses it).
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from portail.adapters.payfip.protocol import (
    CLIENT_DETAIL,
    CODE_IDOP_UNKNOWN,
    CODE_NUMCLI_UNKNOWN,
    CODE_RESULT_UNKNOWN,
    CREATE_PAYMENT,
    PAYMENT_DETAIL,
    PayfipUnavailable,
    build_fault,
    build_response,
    check_numcli,
    check_payment_fields,
    format_transaction_time,
    parse_request,
)
from portail.clock import Clock

log = logging.getLogger("portail.payfip.sandbox")

IDOP_LIFETIME = timedelta(minutes=15)
MAX_REQUEST_BYTES = 64 * 1024
_NOTIFY = re.compile(r"(now|drop|delay:(\d+(?:\.\d+)?)|repeat:(\d+))")
XML = "text/xml; charset=utf-8"


@dataclass(frozen=True)
class NotifyPolicy:
    """How the sandbox calls ``urlnotif`` after a decision: ``times`` calls (0: dropped), the first
    after ``delay`` seconds (0: before the browser is redirected)."""

    times: int = 1
    delay: float = 0.0

    @classmethod
    def parse(cls, value: str) -> NotifyPolicy:
        """``now``, ``delay:<seconds>``, ``repeat:<n>`` or ``drop``."""
        match = _NOTIFY.fullmatch(value.strip())
        if match is None:
            raise ValueError(f"notify policy {value!r}: expected now, delay:<s>, repeat:<n> or drop")
        if match[1] == "drop":
            return cls(times=0)
        if match[2] is not None:
            return cls(delay=float(match[2]))
        if match[3] is not None:
            return cls(times=int(match[3]))
        return cls()


@dataclass
class SandboxPayment:
    """One idop as the sandbox keeps it: the request's fields, when it was opened, and the payer's
    decision (``resultrans`` None until then)."""

    idop: str
    fields: dict[str, str]
    created_at: datetime
    resultrans: str | None = None
    decided_at: datetime | None = None
    numauto: str = ""


@dataclass(frozen=True)
class Notification:
    """One call the sandbox made to a ``urlnotif``: its HTTP status, or the error met."""

    idop: str
    url: str
    status: int | None
    error: str = ""


@dataclass
class PayfipSandbox:
    """PayFiP played in memory; ``app`` is the Starlette app to mount or serve.

    ``regies`` (numcli → labels), when given, are the only client numbers known (others get ``T2``);
    by default any well-formed numcli is a regie. ``ceiling`` caps montant (``M5``)."""

    clock: Clock = field(default_factory=Clock)
    notify: str = "now"
    notify_method: Literal["GET", "POST"] = "POST"
    regies: dict[str, tuple[str, ...]] | None = None
    ceiling: int | None = None
    notify_transport: httpx.AsyncBaseTransport | None = None
    payments: dict[str, SandboxPayment] = field(default_factory=dict)
    notifications: list[Notification] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.policy = NotifyPolicy.parse(self.notify)
        self._tasks: set[asyncio.Task[None]] = set()
        self.app = Starlette(
            routes=[
                Route("/tpa/services/securite", self._soap, methods=["POST"]),
                Route("/tpa/paiementws.web", self._page, methods=["GET"]),
                Route("/tpa/paiementws.web", self._decide, methods=["POST"]),
            ]
        )

    # -- what tests and development use ---------------------------------------------------------

    def expired(self, payment: SandboxPayment) -> bool:
        """The payer can no longer act on it: opened 15 minutes ago or more."""
        return self.clock.now() - payment.created_at >= IDOP_LIFETIME

    def purge(self) -> None:
        """PayFiP's nightly purge: idops the payer never decided are forgotten (their detail then
        answers ``P1``); decided ones stay queryable."""
        self.payments = {k: p for k, p in self.payments.items() if p.resultrans is not None}

    async def drain(self) -> None:
        """Wait for the notifications still to be sent (delayed ones)."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def aclose(self) -> None:
        """Cancel the notifications still to be sent (at the server's shutdown)."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- the web service ------------------------------------------------------------------------

    async def _soap(self, request: Request) -> Response:
        body = await request.body()
        if len(body) > MAX_REQUEST_BYTES:
            return _fault("SANDBOX_TAILLE", "Requête trop volumineuse.", "TechProtocolaireErreur")
        try:
            operation, fields = parse_request(body)
        except PayfipUnavailable as exc:
            # No code is known for a malformed request: ours is named as the sandbox's.
            return _fault("SANDBOX_PROTOCOLE", str(exc), "TechProtocolaireErreur")
        if operation == CREATE_PAYMENT:
            return self._create(fields)
        if operation == PAYMENT_DETAIL:
            return self._detail(fields.get("idOp", ""))
        assert operation == CLIENT_DETAIL
        return self._client(fields.get("numCli", ""))

    def _create(self, fields: dict[str, str]) -> Response:
        problems = check_payment_fields(fields, ceiling=self.ceiling)
        if not problems and self.regies is not None and fields["numcli"] not in self.regies:
            return _fault(CODE_NUMCLI_UNKNOWN, "Le numéro client est inconnu de PayFiP.")
        if problems:
            return _fault(problems[0].code, problems[0].message)
        idop = str(uuid.uuid4())  # 36 characters, as PayFiP's
        self.payments[idop] = SandboxPayment(idop, dict(fields), self.clock.now())
        return Response(build_response(CREATE_PAYMENT, {"idOp": idop}), media_type=XML)

    def _detail(self, idop: str) -> Response:
        payment = self.payments.get(idop)
        if payment is None:
            return _fault(CODE_IDOP_UNKNOWN, "IdOp incorrect.")
        if payment.resultrans is None or payment.decided_at is None:
            return _fault(CODE_RESULT_UNKNOWN, "Résultat de la transaction non connu.")
        dattrans, heurtrans = format_transaction_time(payment.decided_at)
        f = payment.fields
        answer = {
            "dattrans": dattrans, "exer": f["exer"], "heurtrans": heurtrans, "idOp": idop,
            "mel": f["mel"], "montant": f["montant"], "numauto": payment.numauto, "numcli": f["numcli"],
            "objet": f.get("objet", ""), "refdet": f["refdet"], "resultrans": payment.resultrans,
            "saisie": f["saisie"],
        }
        return Response(build_response(PAYMENT_DETAIL, answer), media_type=XML)

    def _client(self, numcli: str) -> Response:
        problem = check_numcli(numcli)
        if problem is not None:
            return _fault(problem.code, problem.message)
        if self.regies is None:
            labels: tuple[str, ...] = (f"REGIE DE TEST {numcli}",)
        elif numcli in self.regies:
            labels = self.regies[numcli]
        else:
            return _fault(CODE_NUMCLI_UNKNOWN, "Le numéro client est inconnu de PayFiP.")
        answer = {f"libelleN{i}": label for i, label in enumerate(labels[:3], start=1)}
        return Response(build_response(CLIENT_DETAIL, {**answer, "numcli": numcli}), media_type=XML)

    # -- the payer's pages ----------------------------------------------------------------------

    async def _page(self, request: Request) -> Response:
        payment = self.payments.get(request.query_params.get("idop", ""))
        if payment is None:
            return _page("Paiement introuvable", "<p>Ce paiement n'existe pas ou n'existe plus.</p>", 404)
        if payment.resultrans is not None:
            return _page("Paiement déjà traité", "<p>Ce paiement a déjà été traité.</p>", 409)
        if self.expired(payment):
            return _expired()
        f = payment.fields
        labels = self.regies.get(f["numcli"], ()) if self.regies else ()
        regie = html.escape(labels[0]) if labels else f"Régie n° {html.escape(f['numcli'])}"
        content = f"""
<p class="sandbox">Bac à sable : aucun paiement réel n'est effectué.</p>
<dl>
  <dt>Créancier</dt><dd>{regie} (n° client {html.escape(f["numcli"])})</dd>
  <dt>Objet</dt><dd>{html.escape(f.get("objet", ""))}</dd>
  <dt>Référence</dt><dd>{html.escape(f["refdet"])}</dd>
  <dt>Montant</dt><dd class="montant">{euros(int(f["montant"]))}</dd>
</dl>
<form method="post" action="paiementws.web">
  <input type="hidden" name="idop" value="{html.escape(payment.idop)}">
  <button type="submit" name="resultat" value="P">Payer (carte acceptée)</button>
  <button type="submit" name="resultat" value="R">Carte refusée</button>
  <button type="submit" name="resultat" value="A">Abandonner</button>
</form>"""
        return _page("Paiement en ligne", content)

    async def _decide(self, request: Request) -> Response:
        form = await request.form()
        payment = self.payments.get(str(form.get("idop", "")))
        result = str(form.get("resultat", ""))
        if payment is None:
            return _page("Paiement introuvable", "<p>Ce paiement n'existe pas ou n'existe plus.</p>", 404)
        if result not in {"P", "R", "A"}:
            return _page("Choix inconnu", "<p>Choisissez l'un des trois boutons.</p>", 400)
        if payment.resultrans is not None:
            return _page("Paiement déjà traité", "<p>Ce paiement a déjà été traité.</p>", 409)
        if self.expired(payment):
            return _expired()
        payment.resultrans = result
        payment.decided_at = self.clock.now()
        payment.numauto = f"{secrets.randbelow(10**12):012d}-sandbox" if result == "P" else ""
        await self._notify(payment)
        # 303: the browser follows with a GET, as after any form.
        return RedirectResponse(payment.fields["urlredirect"], status_code=303)

    # -- notifications --------------------------------------------------------------------------

    async def _notify(self, payment: SandboxPayment) -> None:
        if self.policy.times == 0:
            log.info("sandbox: notification of %s dropped (policy %s)", payment.idop, self.notify)
            return
        task = asyncio.create_task(self._send(payment, self.policy.times, self.policy.delay))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        if self.policy.delay == 0:
            # As PayFiP: the merchant hears of the result before the payer's browser comes back.
            await asyncio.shield(task)

    async def _send(self, payment: SandboxPayment, times: int, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        url = payment.fields["urlnotif"]
        async with httpx.AsyncClient(timeout=10, transport=self.notify_transport) as http:
            for _ in range(times):
                try:
                    if self.notify_method == "GET":
                        response = await http.get(url, params={"idop": payment.idop})
                    else:
                        response = await http.post(url, data={"idop": payment.idop})
                    self.notifications.append(Notification(payment.idop, url, response.status_code))
                except httpx.HTTPError as exc:
                    # The merchant being down is its business (it reconciles later): logged, not raised.
                    log.warning("sandbox: notification of %s to %s failed: %s", payment.idop, url, exc)
                    self.notifications.append(Notification(payment.idop, url, None, type(exc).__name__))


def euros(cents: int) -> str:
    """``1234`` → ``12,34 €`` (French notation)."""
    whole = f"{cents // 100:,}".replace(",", "\u202f")
    return f"{whole},{cents % 100:02d}\u00a0€"


def _fault(code: str, message: str, kind: str = "FonctionnelleErreur") -> Response:
    # SOAP 1.1: a fault travels with HTTP 500.
    return Response(build_fault(code, message, kind), status_code=500, media_type=XML)


def _expired() -> Response:
    return _page(
        "Paiement expiré",
        "<p>Le délai de 15 minutes pour effectuer ce paiement est dépassé. "
        "Retournez sur le portail pour recommencer.</p>",
        410,
    )


def _page(title: str, content: str, status: int = 200) -> HTMLResponse:
    document = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title} – PayFiP (bac à sable)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1e1e1e}}
h1{{font-size:1.4rem;color:#000091}} dt{{font-weight:bold;margin-top:.5rem}} dd{{margin:0}}
.montant{{font-size:1.3rem}} .sandbox{{background:#fff4e5;padding:.5rem;border-left:4px solid #f59e0b}}
button{{display:block;width:100%;margin:.5rem 0;padding:.7rem;font-size:1rem;cursor:pointer}}
</style></head>
<body><h1>{title}</h1>{content}</body></html>"""
    return HTMLResponse(document, status_code=status)
