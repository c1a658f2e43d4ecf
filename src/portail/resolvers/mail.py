"""Queueing a mail from a use case: it joins the use case's transaction."""

from __future__ import annotations

from typing import Any

from portail.adapters.mail.outbox import enqueue
from portail.db.engine import AsyncSession
from portail.resolvers.context import RequestContext

# The family client's pages the mails link to (the reference client in web/ uses exactly these).
PLANNING_PATH = "/planning"
HISTORY_PATH = "/historique"
BASKET_PATH = "/panier"
INVOICES_PATH = "/factures"
ENROLMENTS_PATH = "/inscriptions"
HOUSEHOLD_PATH = "/mon-foyer"


def send_mail(
    ctx: RequestContext, template: str, to: str, *, session: AsyncSession | None = None, **context: Any
) -> None:
    """Queue ``template`` for ``to`` in ``session`` (default: the use case's transaction).

    It leaves only if that transaction commits.
    """
    enqueue(
        session or ctx.session,
        template=template,
        to=to,
        context={"town": ctx.settings.town_name, **context},
        now=ctx.now(),
    )
    ctx.mail_queued = True


def client_link(ctx: RequestContext, path: str, token: str | None = None) -> str:
    """A link into the family client (``PORTAIL_PUBLIC_URL`` + ``path``)."""
    base = ctx.settings.public_url.rstrip("/")
    return f"{base}{path}" + (f"?token={token}" if token else "")
