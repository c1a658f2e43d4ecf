"""Schema extensions: error masking with a request id, and production trimming of messages.

None of them hooks ``resolve``: one that did would see every field only because ``execution.py``
then turns its plain leaves' shortcut off for every request (graphql-core middleware).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from graphql import DocumentNode, GraphQLError, GraphQLSyntaxError, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document
from strawberry.types.execution import ParseOptions

from portail.resolvers.errors import UserErrors
from portail.schema.cost import CostLimits, cost_error

log = logging.getLogger("portail.graphql")

K = TypeVar("K")
V = TypeVar("V")

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


# New documents are parsed and validated here, one at a time, off the event loop: a document costs
# up to some tens of milliseconds within the limits, and the loop (health checks, other requests'
# database replies) keeps its turn every few milliseconds meanwhile (the interpreter switches
# threads every 5 ms). One thread: documents would only share the same core anyway.
_DOCUMENT_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="graphql-documents")
# Parsed documents by text, newest last.
_parsed: OrderedDict[tuple[str, int | None], DocumentNode] = OrderedDict()
# Validated documents and their errors, newest last. graphql-core compares documents without their
# locations and comments: a document that differs only by those is the same document.
_validated: OrderedDict[tuple[object, ...], list[GraphQLError]] = OrderedDict()
# The same, by the identity of the document the parser's cache gave: (document, (schema id, rules),
# errors). Oldest first, evicted by count like the others (not refreshed: a hit costs no reordering).
_validated_documents: OrderedDict[int, tuple[DocumentNode, tuple[object, ...], list[GraphQLError]]] = (
    OrderedDict()
)


def _remember(cache: OrderedDict[K, V], key: K, value: V, maxsize: int) -> V:
    cache[key] = value
    while len(cache) > maxsize:
        cache.popitem(last=False)
    return value


class ParseOffLoop(SchemaExtension):
    """Documents parsed once (cached by text), a new one in the documents' thread.

    Replaces Strawberry's ``ParserCache``: same cache, but a 2,000-token document (some
    milliseconds) is not parsed on the event loop. The token limit (``parse_options``) applies.
    """

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize

    async def on_parse(self) -> AsyncIterator[None]:
        context = self.execution_context
        if context.query:
            options: ParseOptions = context.parse_options
            key = (context.query, options.get("max_tokens"))  # as BoundedValidation forgets it
            document = _parsed.get(key)
            if document is None:
                loop = asyncio.get_running_loop()
                document = await loop.run_in_executor(
                    _DOCUMENT_THREAD, functools.partial(parse, context.query, **options)
                )
                _remember(_parsed, key, document, self.maxsize)
            else:
                _parsed.move_to_end(key)
            context.graphql_document = document
        yield


class BoundedValidation(SchemaExtension):
    """Validation of documents whose cost is within limits, cached; others are refused unvalidated.

    The cost is counted on the parsed document in linear time before any validation rule runs
    (``schema/cost.py``): a document that would make validation quadratic never reaches it. A new
    document is validated in a thread of its own; a known one is answered from the cache.
    """

    def __init__(self, limits: CostLimits, maxsize: int) -> None:
        self.limits = limits
        self.maxsize = maxsize

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            context.pre_execution_errors = await self._errors(document)
        yield

    async def _errors(self, document: DocumentNode) -> list[GraphQLError]:
        context = self.execution_context
        schema, rules = context.schema._schema, tuple(context.validation_rules)
        # The parser's cache hands back the same document object for the same text: found by
        # identity, it is not hashed (graphql-core hashes the whole tree each time: 80 µs for a
        # month's save, on every request).
        seen = _validated_documents.get(id(document))
        if seen is not None and seen[0] is document and seen[1] == (id(schema), rules):
            return seen[2]
        key = (id(schema), document, rules)
        errors = _validated.get(key)
        if errors is not None:  # a document seen before was counted then
            _validated.move_to_end(key)
            return self._known(document, key, errors)
        error = cost_error(document, self.limits)
        if error is not None:
            self._forget_text()
            return [error]
        loop = asyncio.get_running_loop()
        errors = await loop.run_in_executor(_DOCUMENT_THREAD, validate_document, schema, document, rules)
        if errors:
            # Clients send the same few valid documents again and again; refused ones are not kept,
            # so that a stream of distinct bad documents neither evicts them nor fills the memory.
            self._forget_text()
            return errors
        return self._known(document, key, _remember(_validated, key, errors, self.maxsize))

    def _known(
        self, document: DocumentNode, key: tuple[object, ...], errors: list[GraphQLError]
    ) -> list[GraphQLError]:
        # Holding the document keeps its id from being reused by another while the entry lives.
        _remember(_validated_documents, id(document), (document, key[::2], errors), self.maxsize)
        return errors

    def _forget_text(self) -> None:
        context = self.execution_context
        _parsed.pop((context.query or "", context.parse_options.get("max_tokens")), None)


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
        result.errors = [mask_error(e, request_id, self.hide_suggestions) for e in result.errors]


def error_code(error: GraphQLError) -> str:
    """The ``extensions.code`` of an error the client may see: its own, else what kind it is."""
    if isinstance(error.original_error, UserErrors):
        return error.original_error.errors[0].code.name
    code = (error.extensions or {}).get("code")
    if code:
        return str(code)
    if isinstance(error, GraphQLSyntaxError):
        return "GRAPHQL_PARSE_FAILED"
    if error.original_error is not None:
        # A variable whose value its type refused (coercion wraps the scalar's error).
        return "BAD_USER_INPUT"
    return "GRAPHQL_VALIDATION_FAILED"


def mask_error(error: GraphQLError, request_id: str, hide_suggestions: bool = False) -> GraphQLError:
    """``error`` as the client may see it (idempotent: a masked error passes unchanged).

    A refusal keeps its message and gets a code; anything else is a bug or an outage: logged at
    ERROR with its traceback, answered as INTERNAL_SERVER_ERROR with the request id.
    """
    if isinstance(error.original_error, UserErrors):
        # A query refusing its arguments (a bad cursor, a malformed search): the user's to fix.
        first = error.original_error.errors[0]
        return GraphQLError(
            first.message,
            error.nodes,
            error.source,
            error.positions,
            error.path,
            None,
            {"code": first.code.name, "field": first.field},
        )
    if _is_public(error):
        message = error.message
        if hide_suggestions and "Did you mean" in message:
            message = _SUGGESTION.sub("", message)
        extensions = {**(error.extensions or {}), "code": error_code(error)}
        if message == error.message and extensions == error.extensions:
            return error
        return GraphQLError(message, error.nodes, error.source, error.positions, error.path, None, extensions)
    log.error(
        "internal error, request %s, path %s",
        request_id,
        error.path,
        exc_info=error.original_error or error,
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


def log_refusals(errors: list[GraphQLError], request_id: str) -> None:
    """One INFO line per refusal (no traceback: nothing is broken); bugs are logged by ``mask_error``."""
    for error in errors:
        if isinstance(error.original_error, UserErrors) or _is_public(error):
            log.info(
                "request %s refused: %s %s (path %s)",
                request_id,
                error_code(error),
                error.message.splitlines()[0][:200],
                error.path,
            )
