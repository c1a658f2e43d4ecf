"""The Starlette application: ``/graphql`` (GraphiQL on GET, its files under ``/graphiql/``), CORS for
the client's origins, ``/files/{token}``, ``/exports/{token}``, health checks."""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from portail import collector
from portail.adapters.mail.outbox import MailWorker
from portail.adapters.mail.senders import MailSender, sender_for
from portail.adapters.payfip import PayfipClient
from portail.adapters.payfip.sandbox import PayfipSandbox
from portail.clock import Clock
from portail.db import migrate
from portail.db.engine import Database
from portail.downloads import serve_export, serve_file
from portail.feeds import serve_calendar_feed
from portail.graphiql import ASSETS_PATH, GraphiQLAssets
from portail.http import BodySizeLimit, ClientOrigins, GraphQLView, RequestId
from portail.media import serve_news_image
from portail.payfip_notifications import payfip_notification, payfip_return
from portail.resolvers.accounts import process_reset_requests
from portail.resolvers.basket import expire_baskets
from portail.resolvers.jobs import Paced
from portail.resolvers.payments import NOTIFICATION_PATH, RETURN_PATH, reconcile_payments
from portail.resolvers.registration import purge_unconfirmed_registrations
from portail.resolvers.reminders import send_reminders
from portail.schema import build_schema
from portail.settings import PAYFIP_SANDBOX_PATH, Settings, get_settings
from portail.web_client import client_routes

log = logging.getLogger("portail")


class OutdatedDatabase(RuntimeError):
    """The database is behind the code's migrations."""


async def healthz(request: Request) -> JSONResponse:
    """Alive: the process answers."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Ready: the database answers and its migrations are current."""
    db: Database = request.app.state.db
    try:
        async with db.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        current = await migrate.is_current(db.engine)
    except Exception as exc:
        return JSONResponse({"status": "unavailable", "reason": type(exc).__name__}, status_code=503)
    if not current:
        return JSONResponse({"status": "unavailable", "reason": "migrations pending"}, status_code=503)
    return JSONResponse({"status": "ok"})


async def prepare_database(db: Database, settings: Settings) -> None:
    """Development applies pending migrations; elsewhere an outdated database stops the start."""
    if await migrate.is_current(db.engine):
        return
    if settings.is_production:
        raise OutdatedDatabase(
            "La base de données n'est pas à jour (migrations en attente) : "
            "lancez « portail migrate » avant de démarrer le serveur."
        )
    log.info("applying database migrations (development mode)")
    await migrate.upgrade(db.engine)


def create_app(
    settings: Settings | None = None,
    *,
    mail_sender: MailSender | None = None,
    clock: Clock | None = None,
    run_mail_worker: bool = True,
) -> Starlette:
    """The application; tests pass their own settings, mail sender and clock."""
    settings = settings or get_settings()
    clock = clock or Clock()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # New GraphQL documents are parsed and validated in a thread of their own (schema/extensions):
        # the event loop gets the interpreter back within 1 ms instead of 5, so health checks and
        # other requests are not held up by a burst of costly documents.
        sys.setswitchinterval(0.001)
        db = Database(settings.effective_database_url)
        payfip = PayfipClient(settings.effective_payfip_url, settings.payfip_timeout_seconds)
        try:
            await prepare_database(db, settings)
            worker = MailWorker(
                db,
                mail_sender or sender_for(settings),
                mail_from=settings.mail_from,
                poll_seconds=settings.mail_poll_seconds,
                wake_delay=settings.mail_wake_delay_seconds,
                max_attempts=settings.mail_max_attempts,
                now=clock.now,
                # Background work that ends in mail, before delivering (on the polls and the wakes
                # that ask for it, see MailWorker): queued password resets, baskets left unpaid past
                # their time.
                jobs=[
                    lambda: process_reset_requests(db, settings, clock),
                    Paced(lambda: expire_baskets(db, settings, clock), clock, timedelta(seconds=1)),
                    Paced(
                        lambda: reconcile_payments(db, settings, clock, payfip), clock, timedelta(minutes=5)
                    ),
                    # Reminders: each sent once (its reminder_sent row), however many instances run this.
                    Paced(lambda: send_reminders(db, settings, clock), clock, timedelta(hours=1)),
                    # Self-registrations never confirmed: removed (skipping rows another instance holds).
                    Paced(
                        lambda: purge_unconfirmed_registrations(db, settings, clock),
                        clock,
                        timedelta(hours=1),
                    ),
                ],
            )
            app.state.db = db
            app.state.payfip = payfip
            app.state.mail_worker = worker
            if run_mail_worker:
                worker.start()
            collector.settle()
            yield
            await worker.stop()
            if sandbox is not None:
                await sandbox.aclose()
        finally:
            await payfip.aclose()
            await db.dispose()

    graphql = GraphQLView(
        build_schema(settings),
        graphql_ide=None if settings.is_production else "graphiql",
        multipart_uploads_enabled=True,
    )
    # The client address (which sign-in throttles key on) comes from X-Forwarded-For only when the
    # peer is a configured proxy; anyone else could choose it.
    proxies = (
        [Middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)]
        if settings.trusted_proxies
        else []
    )
    # GraphiQL's scripts and styles are shipped in the package (graphiql.py), not fetched from a CDN.
    graphiql_assets = [] if settings.is_production else [Mount(ASSETS_PATH, GraphiQLAssets())]
    # The PayFiP sandbox (adapters/payfip/sandbox.py) plays PayFiP in development; never in production.
    sandbox = (
        None if settings.is_production else PayfipSandbox(clock=clock, notify=settings.payfip_sandbox_notify)
    )
    sandbox_mount = [] if sandbox is None else [Mount(PAYFIP_SANDBOX_PATH, sandbox.app)]
    app = Starlette(
        routes=[
            Route("/graphql", graphql),
            *graphiql_assets,
            *sandbox_mount,
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/files/{token}", serve_file, methods=["GET"]),
            Route("/calendrier/{token}.ics", serve_calendar_feed, methods=["GET"]),
            Route("/exports/{token}", serve_export, methods=["GET"]),
            Route("/media/news/{news_id}", serve_news_image, methods=["GET", "HEAD"]),
            Route(NOTIFICATION_PATH, payfip_notification, methods=["GET", "POST"]),
            Route(RETURN_PATH, payfip_return, methods=["GET"]),
            # Last: every other GET is a page of the client, when this server serves it.
            *client_routes(settings.client_dir),
        ],
        middleware=[
            *proxies,
            Middleware(RequestId),
            # A client's preflight is answered before the body limit and the CSRF guard see it.
            Middleware(ClientOrigins, origins=settings.origins),
            Middleware(
                BodySizeLimit, max_bytes=settings.max_body_bytes, max_upload_bytes=settings.max_upload_bytes
            ),
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.clock = clock
    app.state.payfip_sandbox = sandbox
    return app
