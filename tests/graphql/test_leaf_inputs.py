"""Input types built straight from their GraphQL value (``schema/leaf_inputs.from_leaves``) come out as
Strawberry's own conversion makes them, field for field."""

from __future__ import annotations

from graphql import GraphQLInputObjectType
from graphql.utilities import coerce_input_value
from strawberry.types.arguments import convert_argument
from strawberry.types.base import get_object_definition

from portail.schema import new_schema
from portail.schema.bookings.inputs import BookingChangeInput, BookingRequestInput
from portail.schema.leaf_inputs import _build, _plans


def converted(schema, type_, raw: dict, hook) -> object:  # type: ignore[no-untyped-def]
    """``raw`` (JSON, as a client sends it) coerced by graphql-core, then converted by Strawberry with
    ``hook`` as the request's and the change's ``from_input`` (the plans ``_build`` keeps are dropped
    before and after: a plan remembers which fields hold inputs built by ``_build``)."""
    graphql_type = schema._schema.get_type(get_object_definition(type_, strict=True).name)
    assert isinstance(graphql_type, GraphQLInputObjectType)
    definitions = [get_object_definition(t, strict=True) for t in (BookingRequestInput, BookingChangeInput)]
    saved = [d.from_input for d in definitions]
    for definition in definitions:
        definition.from_input = hook
    _plans.clear()
    try:
        return convert_argument(
            coerce_input_value(raw, graphql_type),
            type_,
            schema.schema_converter.scalar_registry,
            schema.config,
        )
    finally:
        for definition, hook_saved in zip(definitions, saved, strict=True):
            definition.from_input = hook_saved
        _plans.clear()


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


def test_the_request_and_change_inputs_are_built_from_their_leaves():
    schema = new_schema()
    for type_ in (BookingRequestInput, BookingChangeInput):
        assert get_object_definition(type_, strict=True).from_input is _build
    raw = {"periodId": "p", "changes": [{"childId": "c1", "unitId": "u1", "date": "2027-01-04"}]}
    graphql_type = schema._schema.get_type("BookingRequestInput")
    assert isinstance(graphql_type, GraphQLInputObjectType)
    convert_argument(
        coerce_input_value(raw, graphql_type),
        BookingRequestInput,
        schema.schema_converter.scalar_registry,
        schema.config,
    )
    # Every field of a change is a leaf (the action too: an enum), and the request's changes are
    # built item by item; its repeats (lists and enums inside) are converted by Strawberry.
    assert all(type_ is None for _, _, type_ in _plans[BookingChangeInput].fields)
    kinds = {name: type_ for name, _, type_ in _plans[BookingRequestInput].fields}
    assert kinds["periodId"] is None
    assert getattr(kinds["changes"], "cls", None) is BookingChangeInput
    assert kinds["repeats"] is not None and not hasattr(kinds["repeats"], "cls")
