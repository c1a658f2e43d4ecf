"""``/payfip/notification``: PayFiP's call once the payer has decided; ``/payfip/retour``: where the
payer comes back when the client gave no page of its own.

The call carries only the idop (as ``idop`` or ``idOp``, by GET or form POST) and no signature:
anyone can make it, so it is only a hint to go and ask PayFiP (``resolvers.payments.notification``).
An answer other than 200 asks PayFiP to call again later; the reconciliation job catches the rest.
"""

from __future__ import annotations

import logging
import re

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from portail.http import anonymous_context
from portail.resolvers import payments

log = logging.getLogger("portail.payments")

# PayFiP's idops are 36 characters; anything far from an identifier is not worth a call to PayFiP.
IDOP = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


async def payfip_notification(request: Request) -> Response:
    """Settle the payment the idop names (unknown or malformed idops: nothing done, 200 all the same,
    so that a forger learns nothing)."""
    values = await request.form() if request.method == "POST" else request.query_params
    idop = str(values.get("idop") or values.get("idOp") or "")
    if not IDOP.match(idop):
        log.warning("PayFiP notification without a usable idop")
        return PlainTextResponse("ok")
    ctx = anonymous_context(request)
    try:
        outcome = await payments.notification(ctx, idop)
    finally:
        await ctx.close()
    log.info("PayFiP notification %s: %s", idop, outcome)
    if outcome == "unavailable":
        return PlainTextResponse("PayFiP indisponible, réessayez plus tard.", status_code=503)
    return PlainTextResponse("ok")


RETURN_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Paiement en ligne</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem">
<h1>Retour du paiement en ligne</h1>
<p>Votre paiement a été transmis au portail. Vous recevrez un mail dès qu'il sera confirmé.</p>
<p>Vous pouvez fermer cette page et revenir au Portail Familles (« Mon panier », « Mes factures »).</p>
</body></html>"""


async def payfip_return(request: Request) -> Response:
    """The page PayFiP sends the payer back to when the client named none: says what happens next.
    It shows nothing of the payment (the link carries its id, not a credential)."""
    return HTMLResponse(RETURN_PAGE, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})
