"""Schema extensions: error masking with a request id, and production trimming of messages."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from portail.resolvers.errors import UserErrors

log = logging.getLogger("portail.graphql")

# Errors our permission classes, validation and queries (unknown id, bad cursor) raise: shown as they are.
PUBLIC_CODES = {"UNAUTHENTICATED", "FORBIDDEN", "TOO_MANY_LOGINS", "NOT_FOUND", "INVALID"}
# Anywhere in the message: value errors go on with " Found: …" after the suggestion.
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def _is_public(error: GraphQLError) -> bool:
    if error.original_error is None:
        # Parse and validation errors, and permission refusals: about the request, not a bug.
        return True
    if error.path is None and isinstance(error.original_error, GraphQLError):
        # A variable of the wrong type (coercion wraps the scalar's GraphQLError): before execution.
        return True
    return bool(error.extensions and error.extensions.get("code") in PUBLIC_CODES)


class MaskInternalErrors(SchemaExtension):
    """Hide bugs and outages behind a request id; the log keeps the traceback.

    In production, also drops graphql-core's "Did you mean …?" field suggestions, which would
    otherwise reveal the schema with introspection off.
    """

    def __init__(self, *, hide_suggestions: bool = False) -> None:
        self.hide_suggestions = hide_suggestions

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        context = self.execution_context.context
        request_id = getattr(getattr(context, "app", None), "request_id", "-")
        result.errors = [self._process(e, request_id) for e in result.errors]

    def _process(self, error: GraphQLError, request_id: str) -> GraphQLError:
        if isinstance(error.original_error, UserErrors):
            # A query refusing its arguments (a bad cursor, a malformed search): the user's to fix.
            first = error.original_error.errors[0]
            return GraphQLError(
                first.message, error.nodes, error.source, error.positions, error.path, None,
                {"code": first.code.name, "field": first.field},
            )
        if _is_public(error):
            if self.hide_suggestions and "Did you mean" in error.message:
                return GraphQLError(
                    _SUGGESTION.sub("", error.message),
                    error.nodes,
                    error.source,
                    error.positions,
                    error.path,
                    None,
                    error.extensions,
                )
            return error
        log.error(
            "internal error, request %s, path %s",
            request_id,
            error.path,
            exc_info=error.original_error,
        )
        return GraphQLError(
            f"Erreur interne du serveur. Référence : {request_id}",
            error.nodes,
            error.source,
            error.positions,
            error.path,
            None,
            {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
        )
