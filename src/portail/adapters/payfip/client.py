"""The merchant's side of PayFiP: an async client (httpx) of its SOAP web service.

Every way the call can fail ends as one of two exceptions, never a bare one: ``PayfipFault`` (PayFiP
answered a fault, e.g. ``P5`` while the payer has not decided) or ``PayfipUnavailable`` (no usable
answer: down, too slow, or not the SOAP we expect). Nothing here decides what a payment means to us:
the basket and invoice use cases check the detail against their own record.
"""

from __future__ import annotations

from types import TracebackType
from urllib.parse import urlencode

import httpx

from portail.adapters.payfip.protocol import (
    ClientDetail,
    PayfipUnavailable,
    PaymentDetail,
    PaymentRequest,
    build_client_detail,
    build_create_payment,
    build_payment_detail,
    parse_client_detail,
    parse_create_payment,
    parse_payment_detail,
)

SERVICE_PATH = "/tpa/services/securite"
PAYMENT_PAGE_PATH = "/tpa/paiementws.web"
PRODUCTION_URL = "https://www.payfip.gouv.fr"
# An answer is a few hundred bytes; anything far bigger is not PayFiP's and is not read whole.
MAX_ANSWER_BYTES = 256 * 1024


class PayfipClient:
    """PayFiP's web service at ``base_url`` (``https://www.payfip.gouv.fr`` or our sandbox).

    Use it as ``async with PayfipClient(url) as payfip:`` or call ``aclose()``; its connections are
    kept between calls."""

    def __init__(
        self, base_url: str, timeout: float = 10.0, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._transport = transport
        self._http: httpx.AsyncClient | None = None

    async def __aenter__(self) -> PayfipClient:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the kept connections."""
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    def payment_page_url(self, idop: str) -> str:
        """Where to send the payer's browser for ``idop``."""
        return f"{self.base_url}{PAYMENT_PAGE_PATH}?{urlencode({'idop': idop})}"

    async def create_payment(self, request: PaymentRequest) -> str:
        """Open a payment attempt (creerPaiementSecurise); its idop. Faults (e.g. ``R3``, ``A2``):
        ``PayfipFault``."""
        return parse_create_payment(await self._call(build_create_payment(request)))

    async def payment_detail(self, idop: str) -> PaymentDetail:
        """The outcome of ``idop`` (recupererDetailPaiementSecurise). ``PayfipFault`` with code
        ``P5`` while the payer has not decided, ``P1`` for an idop PayFiP does not (or no longer)
        know."""
        return parse_payment_detail(await self._call(build_payment_detail(idop)))

    async def client_detail(self, numcli: str) -> ClientDetail:
        """The regie's labels (recupererDetailClient)."""
        return parse_client_detail(await self._call(build_client_detail(numcli)))

    async def _call(self, envelope: bytes) -> bytes:
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=self.timeout, transport=self._transport)
        url = self.base_url + SERVICE_PATH
        headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'}
        try:
            async with self._http.stream("POST", url, content=envelope, headers=headers) as response:
                body = b""
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > MAX_ANSWER_BYTES:
                        raise PayfipUnavailable(f"PayFiP's answer exceeds {MAX_ANSWER_BYTES} bytes.")
        except httpx.TimeoutException:
            raise PayfipUnavailable(f"PayFiP did not answer within {self.timeout:g} s ({url}).") from None
        except httpx.HTTPError as exc:
            reason = f"{type(exc).__name__} {exc}".strip()
            raise PayfipUnavailable(f"PayFiP could not be reached at {url}: {reason}.") from None
        # SOAP 1.1 sends faults with status 500; any other status but 200 is not SOAP at all.
        if response.status_code not in (200, 500):
            raise PayfipUnavailable(f"PayFiP answered HTTP {response.status_code} ({url}).")
        return body
