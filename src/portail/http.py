"""The HTTP side: request ids, body size limit, CSRF guard, and the GraphQL view."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry import UNSET
from strawberry.asgi import GraphQL

from portail.resolvers.context import RequestContext
from portail.resolvers.sessions import viewer_for_token
from portail.schema.context import DEVICE_COOKIE, SESSION_COOKIE, GraphQLContext

# A state change must prove it does not come from a plain cross-site form: either a content type
# a form cannot send (JSON), or this header, which no cross-site request can carry without a
# CORS preflight that we never grant.
CSRF_HEADER = "x-portail-csrf"
SIMPLE_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")


class RequestId:
    """Gives every request an id (``X-Request-Id``), echoed in masked error messages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                headers.append((b"x-content-type-options", b"nosniff"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_id)


class _BodyTooLarge(Exception):
    pass


def is_multipart(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() == "multipart/form-data"


class BodySizeLimit:
    """Refuses request bodies over ``max_bytes`` with 413, whether announced or streamed.

    Multipart requests (file uploads) may go up to ``max_upload_bytes`` instead.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, max_upload_bytes: int | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_upload_bytes = max_upload_bytes or max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = self.max_upload_bytes if is_multipart(headers.get("content-type", "")) else self.max_bytes
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await self._refuse(scope, receive, send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await self._refuse(scope, receive, send, limit)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = JSONResponse(
            {
                "errors": [
                    {
                        "message": "Requête trop volumineuse.",
                        "extensions": {"code": "PAYLOAD_TOO_LARGE", "maxBytes": limit},
                    }
                ]
            },
            status_code=413,
        )
        await response(scope, receive, send)


def _refusal(code: str, message: str) -> Response:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=403)


def csrf_refusal(request: Request, allowed_origins: set[str]) -> Response | None:
    """A 403 for a POST another site could have made the browser send, else None.

    A cross-site form can only send "simple" content types: those need our custom header, which
    a cross-site page cannot add without a CORS preflight we never grant. And when the browser
    says where the request comes from (``Origin``), it must be the client's or our own origin;
    a file upload (multipart) must say it.
    """
    if request.method != "POST":
        return None
    origin = request.headers.get("origin")
    if origin is not None:
        own = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin.rstrip("/") not in allowed_origins and origin != own:
            return _refusal("ORIGIN_REFUSED", "Requête refusée : origine non autorisée.")
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    simple = not content_type or content_type in SIMPLE_CONTENT_TYPES
    if simple and CSRF_HEADER not in request.headers:
        return _refusal(
            "CSRF_REFUSED",
            "Requête refusée : envoyez du JSON (Content-Type: application/json) "
            f"ou l'en-tête {CSRF_HEADER}.",
        )
    if origin is None and is_multipart(content_type):
        return _refusal(
            "ORIGIN_REFUSED",
            "Requête refusée : un envoi de fichier doit indiquer son origine (en-tête Origin).",
        )
    return None


def session_token(request: Request) -> str | None:
    """The session token of a request: a bearer token, else the session cookie."""
    authorization = request.headers.get("authorization", "")
    if authorization[:7].lower() == "bearer ":
        return authorization[7:].strip()
    return request.cookies.get(SESSION_COOKIE)


class GraphQLView(GraphQL):
    """Strawberry's ASGI view with our context, CSRF guard and per-request cleanup."""

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        if isinstance(request, Request):
            refusal = csrf_refusal(request, request.app.state.settings.origins)
            if refusal is not None:
                return refusal
        try:
            return await super().run(request, context, root_value)
        finally:
            ctx = getattr(request.state, "portail_ctx", None)
            if ctx is not None:
                await ctx.close()

    async def get_context(self, request: Any, response: Any) -> GraphQLContext:
        app_ctx = await request_context(request)
        request.state.portail_ctx = app_ctx
        return GraphQLContext(request=request, response=response, app=app_ctx)


async def request_context(request: Request) -> RequestContext:
    """The use cases' context of an HTTP request, with its viewer signed in from the token."""
    state = request.app.state
    app_ctx = RequestContext(
        db=state.db,
        settings=state.settings,
        clock=state.clock,
        request_id=request.scope.get("state", {}).get("request_id", uuid.uuid4().hex),
        client_address=request.client.host if request.client else "",
        user_agent=request.headers.get("user-agent", ""),
        device_cookie=request.cookies.get(DEVICE_COOKIE, "")[:1000],
        wake_mail=state.mail_worker.wake if state.mail_worker else (lambda: None),
    )
    app_ctx.viewer = await viewer_for_token(app_ctx, session_token(request))
    return app_ctx
