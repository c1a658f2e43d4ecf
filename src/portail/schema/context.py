"""The Strawberry context: the use cases' request context plus the HTTP request and response."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

import strawberry
from starlette.requests import Request
from starlette.responses import Response

from portail.resolvers.context import RequestContext

SESSION_COOKIE = "portail_session"
# Browsers that signed in before (OWASP device cookies, see rules.devices): sent to /graphql only.
DEVICE_COOKIE = "portail_device"


@dataclass
class GraphQLContext:
    """What every resolver receives as ``info.context``."""

    request: Request
    response: Response
    app: RequestContext

    def apply_cookie(self) -> None:
        """Write the session (and device) cookie change a use case asked for onto the HTTP response."""
        settings = self.app.settings
        secure = settings.is_production or settings.public_url.startswith("https://")
        if self.app.new_device_cookie is not None:
            self.response.set_cookie(
                DEVICE_COOKIE,
                self.app.new_device_cookie,
                max_age=settings.device_cookie_days * 86400,
                path="/graphql",
                secure=secure,
                httponly=True,
                samesite="lax",
            )
            self.app.new_device_cookie = None
        change = self.app.cookie
        if change is None:
            return
        if change.token is None:
            self.response.delete_cookie(
                SESSION_COOKIE, path="/", secure=secure, httponly=True, samesite="lax"
            )
        else:
            self.response.set_cookie(
                SESSION_COOKIE,
                change.token,
                # No max-age: the cookie ends with the browser unless "Se souvenir de moi".
                max_age=settings.remember_me_days * 86400 if change.remember else None,
                path="/",
                secure=secure,
                httponly=True,
                samesite="lax",
            )
        self.app.cookie = None


# What resolvers annotate ``info`` with: Strawberry's Info with our context, so that
# ``info.context.app`` is typed.
Info: TypeAlias = strawberry.Info[GraphQLContext, None]
