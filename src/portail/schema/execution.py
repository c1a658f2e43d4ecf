"""A faster execution of plain leaf fields: graphql-core's executor with one shortcut.

Why: most fields of an answer are plain leaves, e.g. the month planning's ~1,300 fields are nearly
all ids, names, dates and states read straight off dataclasses. For each, graphql-core makes a path
and a resolve info, calls Strawberry's default resolver (three calls deep down to ``getattr``),
checks for awaitables twice and walks ``complete_value`` before serializing: some microseconds per
field, which made graphql-core's execution and Strawberry's per-field work half of the planning's
time in process (issue 14: 5.9 of 12.4 ms on PostgreSQL).

What may be shortcut: a field of an object type that Strawberry resolves with its default resolver
(no resolver of its own, no permission classes, no field extensions, no arguments, no schema
directives, not a subscription), whose GraphQL type is a scalar or an enum, nullable or not, or a
list of them, and only when the value read is exactly of the Python type the scalar or enum stands
for (``str`` for ``String`` and ``ID``, the enum's own class, ``datetime.date`` for ``Date``…).
``__typename`` too (the parent type's name, as graphql-core answers it). For those, the value is
read as Strawberry's default resolver reads it (``getattr`` of the Python name: a dict source has
no such attribute) and serialized as graphql-core would (the scalar's own ``coerce_output_value``,
the enum's names as Strawberry's enum type gives them, computed once per member).

What may not: everything else goes through graphql-core untouched, so does a shortcut field whenever
anything is unexpected: reading the attribute raises, the value is null for a non-null field (so
that the error is graphql-core's own), of another type (an awaitable, an exception, a subclass), or
its serialization fails or gives null. Such a field's attribute is then read a second time by the
normal path: harmless for dataclass fields and pure properties, the only kinds a plain field reads.
The plain leaves of a selection set are read before graphql-core runs its other fields (their
resolvers), which it still runs in their order; the answer keeps the selection's order.
Nothing is shortcut for a request whose schema extensions hook ``resolve`` (Strawberry passes them
to graphql-core as middleware, which must see every field): none of ours does today (``extensions.py``),
and adding one turns the shortcut off by itself (``PlainLeavesExecutor.__init__``).
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Mapping
from contextlib import suppress
from enum import Enum
from operator import attrgetter
from typing import Any, ClassVar

from graphql import (
    GraphQLBoolean,
    GraphQLField,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLString,
)
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import CustomGraphQLEnumType, GraphQLCoreConverter
from strawberry.types.field import StrawberryField
from strawberry.types.scalar import ScalarDefinition

# What a reader answers when graphql-core must do the field instead.
SKIP: Any = object()

# A plain field's reader: the source object in, the field's completed value (or SKIP) out.
Reader = Callable[[Any], Any]
# The readers of a schema: by object type name, then by field name.
Readers = Mapping[str, Mapping[str, Reader]]

_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1


# How a field's value (not null) is completed: the completed value, or SKIP.
Complete = Callable[[Any], Any]


def _complete_int(value: Any) -> Any:
    return value if type(value) is int and _INT_MIN <= value <= _INT_MAX else SKIP


def _complete_float(value: Any) -> Any:
    return value if type(value) is float and math.isfinite(value) else SKIP


def _same_of(kind: type) -> Complete:
    def complete(value: Any) -> Any:
        return value if type(value) is kind else SKIP

    return complete


# graphql-core's own scalars: a value of exactly this type is its own serialization (a `str` for
# `String` and `ID`, a `bool` for `Boolean`, an `int` of 32 bits, a finite `float`).
_SPECIFIED: dict[str, tuple[GraphQLScalarType, Complete, type | None]] = {
    GraphQLString.name: (GraphQLString, _same_of(str), str),
    GraphQLID.name: (GraphQLID, _same_of(str), str),
    GraphQLBoolean.name: (GraphQLBoolean, _same_of(bool), bool),
    GraphQLInt.name: (GraphQLInt, _complete_int, None),
    GraphQLFloat.name: (GraphQLFloat, _complete_float, None),
}


def _scalar_completer(scalar: GraphQLScalarType) -> tuple[Complete, type | None] | None:
    """How a value of ``scalar`` is completed, and the type whose values are answered as they are;
    None when the scalar is not shortcut."""
    specified = _SPECIFIED.get(scalar.name)
    if specified is not None:
        return specified[1:] if specified[0] is scalar else None
    definition = scalar.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    origin = getattr(definition, "origin", None)
    # Our Date and DateTime (scalars.py) and Strawberry's own Time, UUID, Decimal…: a Python class
    # whose exact instances the scalar serializes. JSON or a NewType-based scalar has none.
    if not isinstance(definition, ScalarDefinition) or not isinstance(origin, type):
        return None
    coerce = scalar.coerce_output_value

    def complete(value: Any) -> Any:
        if type(value) is not origin:
            return SKIP
        try:
            coerced = coerce(value)
        except Exception:
            return SKIP  # graphql-core's path raises it again, as a located error
        return SKIP if coerced is None or coerced is Undefined else coerced

    return complete, None


def _enum_completer(enum: CustomGraphQLEnumType) -> Complete:
    """A member of the enum's class to its GraphQL name, exactly as Strawberry's enum type
    serializes it: asked once per member here, rather than its scan of the values for each field.
    Keyed by the member's Python name (a member's own hash is a Python-level call)."""
    names: dict[str, str] = {}
    wrapped = enum.wrapped_cls
    member: Enum
    for member in wrapped:
        # A member Strawberry cannot serialize is left to graphql-core's path, and its error.
        with suppress(Exception):
            name = enum.coerce_output_value(member)
            if isinstance(name, str):
                names[member._name_] = name

    def complete(value: Any) -> Any:
        return names.get(value._name_, SKIP) if type(value) is wrapped else SKIP

    return complete


def _leaf_completer(type_: GraphQLOutputType) -> tuple[Complete, type | None] | None:
    if isinstance(type_, CustomGraphQLEnumType):
        return _enum_completer(type_), None
    if isinstance(type_, GraphQLScalarType):
        return _scalar_completer(type_)
    return None


def _list_completer(item_complete: Complete, item_non_null: bool) -> Complete:
    """A list (or tuple) of leaves, item by item; a null item of a non-null item type, or any item
    graphql-core would refuse, hands the whole field to graphql-core."""

    def complete(value: Any) -> Any:
        if type(value) is not list and type(value) is not tuple:
            return SKIP
        completed: list[Any] = []
        for item in value:
            if item is None:
                if item_non_null:
                    return SKIP
                completed.append(None)
                continue
            done = item_complete(item)
            if done is SKIP:
                return SKIP
            completed.append(done)
        return completed

    return complete


def _completer(type_: GraphQLOutputType) -> tuple[Complete, type | None, bool] | None:
    """How a value (not null) of a field of type ``type_`` is completed, the type whose values are
    answered as they are, and whether ``type_`` is non-null; None for a type that is neither a leaf
    nor a list of leaves."""
    non_null = isinstance(type_, GraphQLNonNull)
    nullable = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(nullable, GraphQLList):
        item = nullable.of_type
        item_non_null = isinstance(item, GraphQLNonNull)
        leaf = _leaf_completer(item.of_type if isinstance(item, GraphQLNonNull) else item)
        return None if leaf is None else (_list_completer(leaf[0], item_non_null), None, non_null)
    leaf = _leaf_completer(nullable)
    return None if leaf is None else (*leaf, non_null)


def _is_plain(field: GraphQLField) -> bool:
    """Whether Strawberry resolves ``field`` with nothing but its default resolver."""
    definition = field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    return (
        isinstance(definition, StrawberryField)
        and definition.base_resolver is None
        and not definition.permission_classes
        and not definition.extensions
        and not definition.arguments
        and not definition.directives
        and not definition.is_subscription
        and definition.default_resolver is getattr
        and not field.args
        and field.subscribe is None
        # Strawberry's basic-field resolver: `getattr(source, python_name)` and nothing more.
        and getattr(field.resolve, "_is_default", False) is True
    )


def _reader(python_name: str, complete: Complete, same: type | None, non_null: bool) -> Reader:
    """Read as Strawberry's default resolver does (``getattr``), complete as graphql-core does."""
    get = attrgetter(python_name)

    def read(source: Any) -> Any:
        try:
            value = get(source)
        except Exception:
            return SKIP  # e.g. a dict source: graphql-core's path gives the error
        if type(value) is same:
            return value
        if value is None:
            return SKIP if non_null else None  # a non-null field: graphql-core's own error
        return complete(value)

    return read


def _typename(name: str) -> Reader:
    return lambda _source: name


def plain_readers(schema: GraphQLSchema) -> dict[str, dict[str, Reader]]:
    """The readers of every plain leaf field of the schema's object types (and their ``__typename``)."""
    readers: dict[str, dict[str, Reader]] = {}
    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        fields: dict[str, Reader] = {"__typename": _typename(type_.name)}
        for name, field in type_.fields.items():
            if not _is_plain(field):
                continue
            completer = _completer(field.type)
            if completer is None:
                continue
            definition: StrawberryField = field.extensions[GraphQLCoreConverter.DEFINITION_BACKREF]
            fields[name] = _reader(definition.python_name, *completer)
        readers[type_.name] = fields
    return readers


class PlainLeavesExecutor(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor, completing plain leaf fields without graphql-core's field machinery.

    Use ``for_schema``: the readers are the schema's own, worked out once.
    """

    readers: ClassVar[Readers] = {}

    @classmethod
    def for_schema(cls, schema: GraphQLSchema) -> type[PlainLeavesExecutor]:
        return type(cls.__name__, (cls,), {"readers": plain_readers(schema), "__doc__": cls.__doc__})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        middleware = self.middleware_manager
        # A schema extension hooking `resolve` comes as middleware and must see every field: then
        # nothing is shortcut for the request.
        self.plain: Readers = {} if middleware is not None and middleware.middlewares else self.readers

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        """The plain leaves read here, the other fields by graphql-core (in their order, as one
        selection set), the answer in the selection's order."""
        readers = self.plain.get(parent_type.name)
        if readers is None:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        results: dict[str, Any] = {}
        others: GroupedFieldSet = {}
        for response_name, field_details_list in grouped_field_set.items():
            read = readers.get(field_details_list[0].node.name.value)
            value = SKIP if read is None else read(source_value)
            if value is SKIP:
                others[response_name] = field_details_list
            results[response_name] = value  # SKIP holds the place of graphql-core's answer
        if not others:
            return results
        executed = super().execute_fields(parent_type, source_value, path, others, position_context)
        if isinstance(executed, dict):
            return _merge(results, executed, others)

        async def merged(executing: Awaitable[dict[str, Any]]) -> dict[str, Any]:
            return _merge(results, await executing, others)

        return merged(executed)


def _merge(results: dict[str, Any], executed: dict[str, Any], others: GroupedFieldSet) -> dict[str, Any]:
    results.update(executed)
    if len(executed) != len(others):  # a field graphql-core left out (not in the schema)
        for response_name in others.keys() - executed.keys():
            del results[response_name]
    return results


__all__ = ["SKIP", "PlainLeavesExecutor", "Reader", "plain_readers"]
