"""The ``GET /files/{token}`` route: serves the file of a signed, short-lived link; and ``GET
/exports/{token}``, the CSV of a staff export, streamed.

The token is the only credential (a browser opens it in a new tab or an ``<img>``); it names one
file and expires within minutes. Answers never let the browser guess a type, cache the file or
pass the link on as a referrer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from portail.http import anonymous_context
from portail.resolvers.exports import open_export
from portail.resolvers.file_links import FileGone, ServedFile, open_link
from portail.rules.csv_format import CONTENT_TYPE as CSV
from portail.rules.file_links import ATTACHMENT, LinkExpired, LinkInvalid

# X-Content-Type-Options: nosniff is added to every response by ``http.RequestId``.
SECURITY_HEADERS = {
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
}


def content_disposition(disposition: str, filename: str) -> str:
    """``inline``/``attachment`` with an ASCII fallback name and the UTF-8 one (RFC 6266)."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\;/' else "_" for c in filename) or "fichier"
    utf8 = quote(filename.replace("/", "_").replace("\\", "_"), safe="")
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{utf8}"


def _refusal(status: int, message: str) -> Response:
    return PlainTextResponse(message, status_code=status, headers=SECURITY_HEADERS)


def _file_response(file: ServedFile) -> Response:
    headers = {
        **SECURITY_HEADERS,
        "Content-Disposition": content_disposition(file.disposition, file.filename),
    }
    return Response(file.data, media_type=file.content_type, headers=headers)


async def serve_file(request: Request) -> Response:
    """The file of the link, or 404 (unknown or altered link, file gone) / 403 (expired link)."""
    ctx = anonymous_context(request)
    try:
        file = await open_link(ctx, request.path_params["token"])
    except LinkInvalid:
        return _refusal(
            404, "Lien invalide : il a été modifié ou copié en partie. Rouvrez le document depuis le portail."
        )
    except LinkExpired:
        return _refusal(
            403,
            "Ce lien a expiré (il ne vaut que quelques minutes) : rouvrez le document depuis le portail.",
        )
    except FileGone:
        return _refusal(404, "Ce document n'est plus disponible : il a été remplacé, supprimé ou retiré.")
    finally:
        await ctx.close()
    return _file_response(file)


class _StreamThenClose(StreamingResponse):
    """A streamed answer that closes its source and then ``close`` once sent, or once the client went
    away mid-way: the database session the rows come from is given back either way."""

    def __init__(
        self, content: AsyncIterator[bytes], close: Callable[[], Awaitable[None]], **kwargs: object
    ) -> None:
        super().__init__(content, **kwargs)  # type: ignore[arg-type]
        self._source = content
        self._close = close

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            try:
                aclose = getattr(self._source, "aclose", None)
                if aclose is not None:
                    await aclose()
            finally:
                await self._close()


async def serve_export(request: Request) -> Response:
    """The CSV of a staff export link, streamed a chunk of rows at a time; 404 for anything but a
    valid link of an account still staff (forged, altered, a file link's token, expired: the same
    answer, so a token's fate cannot be probed)."""
    ctx = anonymous_context(request)
    try:
        export = await open_export(ctx, request.path_params["token"])
    except (LinkInvalid, LinkExpired):
        await ctx.close()
        return _refusal(404, "Lien d'export invalide ou expiré : redemandez l'export depuis le portail.")
    except BaseException:
        await ctx.close()
        raise
    headers = {**SECURITY_HEADERS, "Content-Disposition": content_disposition(ATTACHMENT, export.filename)}
    return _StreamThenClose(export.chunks, ctx.close, media_type=CSV, headers=headers)
