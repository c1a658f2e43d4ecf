"""GraphiQL served offline: the page and the React, GraphiQL and explorer files shipped in the package.

Strawberry's own page loads them from unpkg.com, which a town network may not reach (the page then
stays on "Loading..."). Ours loads the same files, pinned by version and hash, from ``/graphiql/``
(``static/graphiql/NOTICE.md`` lists them with their licences).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC_DIR = Path(__file__).parent / "static"
ASSETS_DIR = STATIC_DIR / "graphiql"
ASSETS_PATH = "/graphiql"

# Everything comes from this server; GraphiQL and CodeMirror set inline style attributes and the
# stylesheet embeds its fonts, hence 'unsafe-inline' styles and data: fonts. No inline script.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)


@cache
def _page_template() -> str:
    return (STATIC_DIR / "graphiql.html").read_text(encoding="utf-8")


def graphiql_page(request: Request) -> Response:
    """The GraphiQL page, referring to this server's copies of its scripts and styles."""
    assets = request.scope.get("root_path", "").rstrip("/") + ASSETS_PATH
    return HTMLResponse(
        _page_template().replace("{ASSETS}", assets),
        headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY, "Cache-Control": "no-cache"},
    )


class GraphiQLAssets(StaticFiles):
    """The shipped files. A ``name@version/`` folder never changes, so browsers keep it a year;
    the page's own script and styles (``portail/``) are revalidated (ETag) at each load."""

    def __init__(self) -> None:
        super().__init__(directory=ASSETS_DIR)

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        relative = Path(full_path).relative_to(ASSETS_DIR)
        versioned = len(relative.parts) > 1 and "@" in relative.parts[0]
        response.headers["Cache-Control"] = (
            "public, max-age=31536000, immutable" if versioned else "no-cache"
        )
        return response
