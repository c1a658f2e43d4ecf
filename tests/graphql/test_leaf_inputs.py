"""Input types built straight from their GraphQL value (``schema/leaf_inputs.from_leaves``) come out as
Strawberry's own conversion makes them, field for field."""

from __future__ import annotations

from graphql import GraphQLInputObjectType
from graphql.utilities import coerce_input_value
from strawberry.types.arguments import convert_argument
from strawberry.types.base import get_object_definition

from portail.schema import new_schema
from portail.schema.bookings.inputs import BookingChangeInput, BookingRequestInput
from portail.schema.leaf_inputs import _build


def converted(schema, type_, raw: dict, hook) -> object:  # type: ignore[no-untyped-def]
    """``raw`` (JSON, as a client sends it) coerced by graphql-core, then converted by Strawberry with
    ``hook`` as the change input's ``from_input``."""
    graphql_type = schema._schema.get_type(get_object_definition(type_, strict=True).name)
    assert isinstance(graphql_type, GraphQLInputObjectType)
    definition = get_object_definition(BookingChangeInput, strict=True)
    saved, definition.from_input = definition.from_input, hook
    try:
        return convert_argument(
            coerce_input_value(raw, graphql_type),
            type_,
            schema.schema_converter.scalar_registry,
            schema.config,
        )
    finally:
        definition.from_input = saved


def test_a_request_of_changes_is_built_as_strawberry_builds_it():
    schema = new_schema()
    raw = {
        "periodId": "0190a6a0-0000-7000-8000-000000000001",
        "changes": [
            # By the day, the action left to its default (BOOK).
            {"childId": "c1", "unitId": "u1", "date": "2027-01-04"},
            # Counted in hours.
            {"childId": "c1", "unitId": "u2", "date": "2027-01-05", "arrival": "16:30", "departure": "18:00"},
            # Counted in quantities, and an explicit null.
            {"childId": "c2", "unitId": "u3", "date": "2027-01-07", "quantity": 3, "arrival": None},
            # A cancellation.
            {"childId": "c2", "unitId": "u1", "date": "2027-01-08", "action": "CANCEL"},
        ],
    }
    fast = converted(schema, BookingRequestInput, raw, _build)
    plain = converted(schema, BookingRequestInput, raw, None)
    assert fast == plain
    assert [type(c) for c in fast.changes] == [BookingChangeInput] * 4  # type: ignore[attr-defined]
    first, hours, items, cancel = fast.changes  # type: ignore[attr-defined]
    assert (first.action.name, first.arrival, first.quantity) == ("BOOK", None, None)
    assert (hours.arrival.isoformat(), hours.departure.isoformat()) == ("16:30:00", "18:00:00")
    assert (items.quantity, items.arrival) == (3, None)
    assert cancel.action.name == "CANCEL"


def test_the_change_input_is_built_from_its_leaves():
    assert get_object_definition(BookingChangeInput, strict=True).from_input is _build
