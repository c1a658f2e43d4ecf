"""The ``GET /media/news/{id}`` route: the picture of a published news item, for anyone.

Unlike ``/files/{token}`` (private files behind short-lived links), a published item's picture is
public: it may be cached by browsers and shared caches. The API hands out its address with the
picture's version (``?v=…``), so a replaced picture gets a new address; the cache lifetime stays short
all the same, because a withdrawn item's picture must not linger. Anything not published now (a
draft, a scheduled or withdrawn item, an unknown id) answers the same 404.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from portail.http import anonymous_context
from portail.resolvers.news import public_image
from portail.schema.ids import parse_id

# Five minutes: a withdrawn item's picture leaves shared caches soon after.
PUBLIC_CACHE = "public, max-age=300"
# The picture alone, never run as a page (an image type is sniffed, but say it anyway).
IMAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "cross-origin",
}


async def serve_news_image(request: Request) -> Response:
    """The picture, or 404 when the item is not published now (or has none)."""
    ctx = anonymous_context(request)
    try:
        image = await public_image(ctx, parse_id(request.path_params["news_id"]))
    finally:
        await ctx.close()
    if image is None:
        return PlainTextResponse("Image introuvable.", status_code=404, headers={"Cache-Control": "no-store"})
    etag = f'"{image.version}"'
    headers = {**IMAGE_HEADERS, "Cache-Control": PUBLIC_CACHE, "ETag": etag}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(image.data, media_type=image.content_type, headers=headers)
