"""The HTTP side: request ids, CORS for the client's origins, body size limit, CSRF guard, GraphQL view."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

from cross_web import HTTPException
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry import UNSET
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from portail.db.engine import serve_request
from portail.graphiql import graphiql_page
from portail.resolvers.context import RequestContext
from portail.resolvers.sessions import viewer_for_token
from portail.rules.text import request_text_problem
from portail.schema.context import DEVICE_COOKIE, SESSION_COOKIE, GraphQLContext
from portail.schema.extensions import mask_error

log = logging.getLogger("portail.http")

# A state change must prove it does not come from a plain cross-site form: either a content type
# a form cannot send (JSON), or this header, which no cross-site request can carry without a
# CORS preflight, granted to the configured client origins only (``ClientOrigins``).
CSRF_HEADER = "x-portail-csrf"
SIMPLE_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")


def request_id_of(scope: Scope) -> str:
    """The id ``RequestId`` gave the request (a fresh one outside it, e.g. in a unit test)."""
    return scope.get("state", {}).get("request_id") or uuid.uuid4().hex


def error_response(status: int, code: str, message: str, scope: Scope, **extensions: Any) -> JSONResponse:
    """A GraphQL-shaped error body (``errors[0].extensions.code`` and ``requestId``) for an HTTP refusal."""
    extensions = {"code": code, **extensions, "requestId": request_id_of(scope)}
    return JSONResponse({"errors": [{"message": message, "extensions": extensions}]}, status_code=status)


class RequestId:
    """Gives every request an id (``X-Request-Id``), echoed in masked error messages.

    It is also the last line of defence: an exception that escaped everything else is logged with
    its traceback and answered as a JSON 500 carrying the id, never as a bare text page.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                headers.append((b"x-content-type-options", b"nosniff"))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception(
                "unhandled error, request %s, %s %s", request_id, scope.get("method"), scope.get("path")
            )
            if started:  # too late for a clean answer: the server closes the connection
                raise
            response = error_response(
                500, "INTERNAL_SERVER_ERROR", f"Erreur interne du serveur. Référence : {request_id}", scope
            )
            await response(scope, receive, send_with_id)


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
        response = error_response(
            413, "PAYLOAD_TOO_LARGE", "Requête trop volumineuse.", scope, maxBytes=limit
        )
        await response(scope, receive, send)


def _refusal(request: Request, code: str, message: str) -> Response:
    return error_response(403, code, message, request.scope)


def csrf_refusal(request: Request, allowed_origins: set[str]) -> Response | None:
    """A 403 for a POST another site could have made the browser send, else None.

    A cross-site form can only send "simple" content types: those need our custom header, which
    a cross-site page cannot add without a CORS preflight, granted to the client's origins only.
    And when the browser says where the request comes from (``Origin``), it must be the client's
    or our own origin; a file upload (multipart) must say it.
    """
    if request.method != "POST":
        return None
    origin = request.headers.get("origin")
    if origin is not None:
        own = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin.rstrip("/") not in allowed_origins and origin != own:
            return _refusal(request, "ORIGIN_REFUSED", "Requête refusée : origine non autorisée.")
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    simple = not content_type or content_type in SIMPLE_CONTENT_TYPES
    if simple and CSRF_HEADER not in request.headers:
        return _refusal(
            request,
            "CSRF_REFUSED",
            f"Requête refusée : envoyez du JSON (Content-Type: application/json) ou l'en-tête {CSRF_HEADER}.",
        )
    if origin is None and is_multipart(content_type):
        return _refusal(
            request,
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


class GraphQLView(GraphQL[GraphQLContext, None]):
    """Strawberry's ASGI view with our context, CSRF guard, request checks and per-request cleanup."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope, receive=receive))
        except HTTPException as refused:
            # Strawberry answers these in plain text; clients parse every answer as GraphQL JSON.
            response = error_response(refused.status_code, "BAD_REQUEST", refused.reason, scope)
        except RequestRefused as refused:
            response = error_response(400, refused.code, refused.message, scope, **refused.extensions)
        await response(scope, receive, send)

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

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from this server's own copies of its files (``graphiql.py``), not a CDN's."""
        return graphiql_page(request)

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        """The answer's body; errors masked once more, for those raised outside the operation's
        extensions (e.g. by an extension itself), which would otherwise go out as they are."""
        if result.errors:
            request_id = request_id_of(request.scope)
            production = request.app.state.settings.is_production
            result.errors = [mask_error(e, request_id, production) for e in result.errors]
        return await super().process_result(request, result)

    def decode_json(self, data: str | bytes) -> object:
        """The request's JSON (body, or multipart ``operations``), refused unless it is an object
        whose every string can be stored (``rules/text.py``)."""
        try:
            decoded = json.loads(data)
        except RecursionError:
            raise HTTPException(400, "Corps de requête JSON trop imbriqué.") from None
        except ValueError:  # not JSON, or not UTF-8 (UnicodeDecodeError)
            raise HTTPException(400, "Corps de requête illisible : JSON attendu, encodé en UTF-8.") from None
        if not isinstance(decoded, dict):
            raise HTTPException(400, "Corps de requête invalide : un objet JSON est attendu.")
        check_strings(decoded)
        return decoded

    async def get_context(self, request: Any, response: Any) -> GraphQLContext:
        app_ctx = await request_context(request)
        request.state.portail_ctx = app_ctx
        return GraphQLContext(request=request, response=response, app=app_ctx)


class RequestRefused(Exception):
    """A request refused before GraphQL sees it, answered as a 400 with a code and extensions."""

    def __init__(self, code: str, message: str, **extensions: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.extensions = extensions


def check_strings(body: dict[str, Any]) -> None:
    """Refuse a request whose JSON holds a string no column can hold, naming where it is.

    JSON can carry a lone UTF-16 surrogate (``"\\ud800"``) or NUL: refused here, for every string at
    once (what a text field further refuses is the use cases' to say, as field errors). Walked
    without recursion: the body may be nested as deep as the parser allowed.
    """
    stack: list[tuple[str, Any]] = [("", body)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            problem = request_text_problem(value)
            if problem is not None:
                # ``variables.input.firstName`` names the input's field as the client wrote it.
                field = path.removeprefix("variables.") if path.startswith("variables.") else path
                raise RequestRefused(
                    "INVALID_TEXT", f"Texte refusé dans « {path} » : {problem}.", field=field
                )
        elif isinstance(value, dict):
            for key, item in value.items():
                if request_text_problem(key) is not None:
                    raise RequestRefused("INVALID_TEXT", "Nom de champ refusé : texte mal formé.")
                stack.append((f"{path}.{key}" if path else key, item))
        elif isinstance(value, list):
            stack.extend((f"{path}.{i}", item) for i, item in enumerate(value))


def anonymous_context(request: Request) -> RequestContext:
    """The use cases' context of an HTTP request, no one signed in yet."""
    state = request.app.state
    return RequestContext(
        db=state.db,
        settings=state.settings,
        clock=state.clock,
        request_id=request_id_of(request.scope),
        client_address=request.client.host if request.client else "",
        user_agent=request.headers.get("user-agent", ""),
        device_cookie=request.cookies.get(DEVICE_COOKIE, "")[:1000],
        wake_mail=state.mail_worker.wake if state.mail_worker else (lambda jobs: None),
        payfip=getattr(state, "payfip", None),
    )


async def request_context(request: Request) -> RequestContext:
    """The use cases' context of an HTTP request, with its viewer signed in from the token."""
    serve_request()
    app_ctx = anonymous_context(request)
    try:
        app_ctx.viewer = await viewer_for_token(app_ctx, session_token(request))
    except BaseException:
        await app_ctx.close()  # nobody else holds the context to give its connection back
        raise
    return app_ctx


CORS_ALLOWED_HEADERS = ("Content-Type", "Authorization", "X-Portail-CSRF")


class ClientOrigins(CORSMiddleware):
    """CORS for the client's configured origins (``Settings.origins``), and for them only.

    A client on an origin of its own (a dev server, ``https://app.ville.fr``) may call the API from
    a browser, with its cookie: its preflight is answered, and its answers carry
    ``Access-Control-Allow-Origin`` (its own origin, never ``*``) and expose ``X-Request-Id``.
    Any other origin gets no CORS header at all, so the browser hides the answers from it; its
    preflight is refused, and its POSTs are still refused by the CSRF guard's origin check.
    """

    def __init__(self, app: ASGIApp, origins: set[str]) -> None:
        super().__init__(
            app,
            allow_origins=sorted(origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=list(CORS_ALLOWED_HEADERS),
            allow_credentials=True,
            expose_headers=["X-Request-Id"],
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        preflight = scope["method"] == "OPTIONS" and "access-control-request-method" in headers
        if origin is None or (not preflight and not self.is_allowed_origin(origin)):
            await self.app(scope, receive, send)  # same origin, or no CORS for this one
            return
        if not preflight:
            await self.simple_response(scope, receive, send, request_headers=headers)
            return
        if not self.is_allowed_origin(origin):
            response: Response = error_response(
                403, "ORIGIN_REFUSED", "Requête refusée : origine non autorisée.", scope
            )
        else:
            response = self.preflight_response(request_headers=headers)
            if response.status_code != 200:
                refused = bytes(response.body).decode().removeprefix("Disallowed CORS ")
                response = error_response(
                    400,
                    "CORS_REFUSED",
                    f"Requête préalable refusée : {refused} non autorisé(s) "
                    f"(en-têtes permis : {', '.join(CORS_ALLOWED_HEADERS)}).",
                    scope,
                )
        await response(scope, receive, send)
