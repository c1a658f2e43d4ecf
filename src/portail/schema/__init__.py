"""The GraphQL schema: Strawberry types, inputs, payloads and permissions over the use cases."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext
from strawberry.types.base import get_object_definition

from portail.schema.accounts.mutations import AccountMutations
from portail.schema.accounts.queries import AccountQueries
from portail.schema.basket.mutations import BasketMutations
from portail.schema.basket.queries import BasketQueries
from portail.schema.bookings.mutations import BookingMutations
from portail.schema.bookings.queries import BookingQueries
from portail.schema.calendar_feeds.mutations import CalendarFeedMutations
from portail.schema.calendar_feeds.queries import CalendarFeedQueries
from portail.schema.catalogue.mutations import CatalogueMutations
from portail.schema.catalogue.queries import CatalogueQueries
from portail.schema.catalogue.window_mutations import BookingWindowMutations
from portail.schema.content.mutations import ContentMutations
from portail.schema.content.queries import ContentQueries
from portail.schema.cost import CostLimits
from portail.schema.documents.mutations import DocumentMutations
from portail.schema.documents.queries import DocumentQueries
from portail.schema.execution import PlainLeavesExecutor
from portail.schema.exports.queries import ExportQueries
from portail.schema.extensions import BoundedValidation, MaskInternalErrors, ParseOffLoop, log_refusals
from portail.schema.health.mutations import HealthMutations
from portail.schema.health.queries import HealthQueries
from portail.schema.invoices.mutations import InvoiceMutations
from portail.schema.invoices.queries import InvoiceQueries
from portail.schema.legal.mutations import LegalMutations
from portail.schema.legal.queries import LegalQueries
from portail.schema.messages.mutations import MessageMutations
from portail.schema.messages.queries import MessageQueries
from portail.schema.payments.queries import PaymentQueries
from portail.schema.privacy.mutations import PrivacyMutations
from portail.schema.privacy.queries import PrivacyQueries
from portail.schema.records.mutations import RecordMutations
from portail.schema.records.queries import RecordQueries
from portail.schema.registration.mutations import RegistrationMutations
from portail.schema.registration.queries import RegistrationQueries
from portail.schema.scalars import SCALAR_OVERRIDES
from portail.schema.town.mutations import TownMutations
from portail.schema.town.queries import TownQueries
from portail.schema.town_questions.mutations import TownQuestionMutations
from portail.schema.town_questions.queries import TownQuestionQueries
from portail.schema.validation import SingleLoginRule, TextLiteralRule
from portail.settings import Settings

Query = merge_types(
    "Query",
    (
        AccountQueries,
        RecordQueries,
        HealthQueries,
        DocumentQueries,
        CatalogueQueries,
        BookingQueries,
        BasketQueries,
        PaymentQueries,
        InvoiceQueries,
        CalendarFeedQueries,
        PrivacyQueries,
        MessageQueries,
        TownQueries,
        RegistrationQueries,
        ExportQueries,
        ContentQueries,
        LegalQueries,
        TownQuestionQueries,
    ),
)
get_object_definition(Query, strict=True).description = "Everything a client can read."
Mutation = merge_types(
    "Mutation",
    (
        AccountMutations,
        RecordMutations,
        HealthMutations,
        DocumentMutations,
        CatalogueMutations,
        BookingWindowMutations,
        BookingMutations,
        BasketMutations,
        InvoiceMutations,
        CalendarFeedMutations,
        PrivacyMutations,
        TownMutations,
        RegistrationMutations,
        ContentMutations,
        LegalMutations,
        MessageMutations,
        TownQuestionMutations,
    ),
)
get_object_definition(
    Mutation, strict=True
).description = "Everything a client can change; each answers a payload with `errors`."


# Distinct documents kept parsed and validated; clients send the same few queries over and over.
DOCUMENT_CACHE_SIZE = 512


class PortailSchema(strawberry.Schema):
    """The schema, logging refusals in one line each instead of Strawberry's traceback per error."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        context = getattr(execution_context, "context", None)
        log_refusals(errors, getattr(getattr(context, "app", None), "request_id", "-"))


@dataclass(frozen=True)
class _Limits:
    """What of the settings a schema is built from (the same limits: the same schema)."""

    max_query_depth: int
    max_aliases: int
    max_query_fields: int
    max_query_field_pairs: int
    max_query_tokens: int
    production: bool


def build_schema(settings: Settings | None = None, *, plain_leaves: bool = True) -> strawberry.Schema:
    """The schema, with the hygiene limits of ``settings`` (defaults when None).

    ``plain_leaves``: plain leaf fields completed by ``execution.PlainLeavesExecutor``'s shortcut
    (the same answers, faster); off only to compare with graphql-core's own execution.

    Built once per process for given limits: a schema holds no request's state (its extensions are
    made afresh for each request), and building one costs a tenth of a second or more, which every
    app made by the tests' servers paid.
    """
    return _built_schema(_limits_of(settings or Settings()), plain_leaves)


def new_schema(settings: Settings | None = None, *, plain_leaves: bool = True) -> strawberry.Schema:
    """A schema of its own, not shared with the apps of this process (for tests that alter one)."""
    return _make_schema(_limits_of(settings or Settings()), plain_leaves)


def _limits_of(settings: Settings) -> _Limits:
    return _Limits(
        max_query_depth=settings.max_query_depth,
        max_aliases=settings.max_aliases,
        max_query_fields=settings.max_query_fields,
        max_query_field_pairs=settings.max_query_field_pairs,
        max_query_tokens=settings.max_query_tokens,
        production=settings.is_production,
    )


@cache
def _built_schema(limits: _Limits, plain_leaves: bool) -> strawberry.Schema:
    return _make_schema(limits, plain_leaves)


def _make_schema(limits: _Limits, plain_leaves: bool) -> strawberry.Schema:
    # The validation rules are built once: the validation cache is keyed by the rule classes, and
    # the limiters would make new classes on every request.
    rules = [
        *QueryDepthLimiter(max_depth=limits.max_query_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=limits.max_aliases).validation_rules,
        SingleLoginRule,
        TextLiteralRule,
    ]
    if limits.production:
        rules += DisableIntrospection().validation_rules
    cost = CostLimits(fields=limits.max_query_fields, pairs=limits.max_query_field_pairs)
    # Factories, not instances: each request gets fresh extensions (they keep per-request state).
    extensions = [
        lambda: MaxTokensLimiter(max_token_count=limits.max_query_tokens),
        lambda: ParseOffLoop(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: AddValidationRules(rules),
        lambda: BoundedValidation(cost, maxsize=DOCUMENT_CACHE_SIZE),
        lambda: MaskInternalErrors(hide_suggestions=limits.production),
    ]
    schema = PortailSchema(
        query=Query, mutation=Mutation, extensions=extensions, scalar_overrides=SCALAR_OVERRIDES
    )
    if plain_leaves:
        # The readers need the built GraphQL schema: worked out once, here.
        schema.execution_context_class = PlainLeavesExecutor.for_schema(schema._schema)
    return schema
