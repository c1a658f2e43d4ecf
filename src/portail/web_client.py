"""The family web client (``web/``, built to static files) served by the API on its own origin, so that
the links the mails carry (``PORTAIL_PUBLIC_URL`` + ``/confirmer-compte?token=…``) open its pages.

``PORTAIL_CLIENT_DIR`` names the built client (``web/dist``); unset, nothing is served here (the client
may live on another origin, listed in ``PORTAIL_ALLOWED_ORIGINS``). A file of the build is served as it
is (its hashed assets cached for a year); any other path is a page of the client's router: its
``index.html``, never cached, so that a new build is picked up at once.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

# Paths the API answers itself; a typo there must stay a 404, not become the client's page.
API_PREFIXES = ("/graphql", "/files/", "/payfip", "/healthz", "/readyz", "/graphiql")
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}


def client_routes(client_dir: Path | None) -> list[Route]:
    """The catch-all route serving the built client, when there is one."""
    if client_dir is None or not (client_dir / "index.html").is_file():
        return []
    root = client_dir.resolve()

    async def page(request: Request) -> Response:
        path = request.url.path
        if path.startswith(API_PREFIXES):
            return Response("Not Found", status_code=404)
        wanted = (root / path.lstrip("/")).resolve()
        if wanted.is_relative_to(root) and wanted.is_file() and wanted.name != "index.html":
            immutable = wanted.parent == root / "assets"
            cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
            return FileResponse(wanted, headers={**HEADERS, "Cache-Control": cache})
        return FileResponse(root / "index.html", headers={**HEADERS, "Cache-Control": "no-store"})

    return [Route("/{path:path}", page, methods=["GET", "HEAD"])]
