"""The ``GET /files/{token}`` route: serves the file of a signed, short-lived link.

The token is the only credential (a browser opens it in a new tab or an ``<img>``); it names one
file and expires within minutes. Answers never let the browser guess a type, cache the file or
pass the link on as a referrer.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from portail.http import anonymous_context
from portail.resolvers.file_links import FileGone, ServedFile, open_link
from portail.rules.file_links import LinkExpired, LinkInvalid

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
