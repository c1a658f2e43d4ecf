"""Input types built straight from their GraphQL value when every field is a scalar or an enum.

Strawberry converts each field of each input value in turn: it finds the field's GraphQL name, resolves
its type and walks its conversion, about 6 µs a field. For the leaves (scalars, enums, their optional
forms) that conversion hands back the value graphql-core has already coerced, unchanged. A month's save
sends 17 ``BookingChangeInput`` of 7 fields each, in its preview and again in its submit: 0.8 ms of
Strawberry's conversion each time (bench/latency.py). ``from_leaves`` installs Strawberry's own hook for
this (``StrawberryObjectDefinition.from_input``): the names and which fields are leaves are worked out
once per type, then each value is a dict read and the class called. A field that is not a leaf (a
list, a nested input, a Maybe, a global id) is still converted by Strawberry (``InputContext.convert``),
but for a list of inputs built this way (``BookingRequestInput.changes``): each item is built as above,
without Strawberry's dispatch on the item's type (30 µs an item).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass
from typing import Any, TypeVar

from strawberry.relay.types import GlobalID
from strawberry.types.arguments import InputContext
from strawberry.types.base import (
    StrawberryList,
    StrawberryMaybe,
    StrawberryOptional,
    StrawberryType,
    get_object_definition,
)
from strawberry.types.enum import StrawberryEnumDefinition, has_enum_definition

T = TypeVar("T")


@dataclass(frozen=True)
class _Items:
    """A field holding a list of inputs that are themselves built by ``_build``: their class."""

    cls: type


@dataclass(frozen=True)
class _Plan:
    """How to build one input type: (GraphQL name, Python name, type to convert, None for a leaf or
    ``_Items`` for a list of inputs built here) per field, and the None the fields without a default
    start from (as Strawberry does)."""

    fields: tuple[tuple[str, str, StrawberryType | type | _Items | None], ...]
    nulls: dict[str, None]


_plans: dict[type, _Plan] = {}


def _is_leaf(type_: StrawberryType | type, context: InputContext) -> bool:
    if isinstance(type_, StrawberryMaybe):
        return False
    if isinstance(type_, StrawberryOptional):
        type_ = type_.of_type
    if type_ is GlobalID:
        return False
    # A field typed with an enum class resolves to its definition: Strawberry hands either back as is.
    if isinstance(type_, StrawberryEnumDefinition):
        return True
    return has_enum_definition(type_) or type_ in context.scalar_registry


def _items(type_: StrawberryType | type) -> _Items | None:
    """A non-null list of non-null inputs decorated with ``from_leaves``: their class."""
    if not isinstance(type_, StrawberryList):
        return None
    item = type_.of_type
    if not isinstance(item, type):
        return None
    definition = get_object_definition(item)
    return _Items(item) if definition is not None and definition.from_input is _build else None


def _plan(cls: type, context: InputContext) -> _Plan:
    definition = get_object_definition(cls, strict=True)
    fields = []
    for field in definition.fields:
        type_ = field.resolve_type(type_definition=definition)
        name = context.config.name_converter.from_field(field)
        fields.append((name, field.python_name, None if _is_leaf(type_, context) else _items(type_) or type_))
    nulls = {
        f.python_name: None
        for f in definition.fields
        if f.default_value is MISSING and f.default_factory is MISSING
    }
    return _Plan(tuple(fields), nulls)


def _build(cls: type[T], value: Mapping[str, Any], context: InputContext) -> T:
    plan = _plans.get(cls)
    if plan is None:
        plan = _plans[cls] = _plan(cls, context)
    kwargs: dict[str, Any] = dict(plan.nulls)
    for name, python_name, type_ in plan.fields:
        if name in value:
            item = value[name]
            if type_ is None:
                kwargs[python_name] = item
            elif isinstance(type_, _Items):
                # A fresh list, as Strawberry makes: graphql-core may hand every request the same default.
                kwargs[python_name] = [_build(type_.cls, each, context) for each in item]
            else:
                kwargs[python_name] = context.convert(item, type_, name)
    return cls(**kwargs)


def from_leaves(cls: type[T]) -> type[T]:
    """Decorate a ``@strawberry.input`` class (above it) to be built as this module says."""
    get_object_definition(cls, strict=True).from_input = _build
    return cls
