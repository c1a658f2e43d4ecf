"""``/payfip/notification``: PayFiP's call once the payer has decided.

The call carries only the idop (as ``idop`` or ``idOp``, by GET or form POST) and no signature:
anyone can make it, so it is only a hint to go and ask PayFiP (``resolvers.payments.notification``).
An answer other than 200 asks PayFiP to call again later; the reconciliation job catches the rest.
"""

from __future__ import annotations

import logging
import re

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

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
