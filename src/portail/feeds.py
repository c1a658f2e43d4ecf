"""The ``GET /calendrier/{token}.ics`` route: the household's planning as an iCalendar feed.

Calendar applications fetch it on their own schedule, without cookies: the token in the path is the
credential. An unknown, altered or revoked link answers 404, the same in every case.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from portail.http import anonymous_context
from portail.resolvers.calendar_feeds import feed_body

HEADERS = {
    # Personal data: no shared cache keeps it; the link must not leak as a referrer.
    "Cache-Control": "private, no-cache",
    "Referrer-Policy": "no-referrer",
}


async def serve_calendar_feed(request: Request) -> Response:
    """The feed of the link, or 404."""
    ctx = anonymous_context(request)
    try:
        body = await feed_body(ctx, request.path_params["token"])
    finally:
        await ctx.close()
    if body is None:
        return PlainTextResponse(
            "Ce lien de calendrier n'existe pas ou a été révoqué : "
            "créez-en un nouveau depuis « Mon planning ».",
            status_code=404,
            headers=HEADERS,
        )
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={**HEADERS, "Content-Disposition": 'inline; filename="planning.ics"'},
    )
