"""The schema is the frontend developers' manual: checked in, and fully described."""

from __future__ import annotations

from pathlib import Path

from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType, GraphQLScalarType

from portail.schema import build_schema
from portail.settings import Settings

SDL = Path(__file__).resolve().parents[2] / "schema.graphql"


def _schema():
    return build_schema(Settings(_env_file=None, env="development"))


def test_checked_in_sdl_matches_the_code():
    assert SDL.read_text() == _schema().as_str() + "\n", (
        "schema.graphql is out of date: run `.venv/bin/portail export-schema --output schema.graphql`"
    )


def test_every_type_field_argument_and_enum_value_is_described():
    missing = []
    for name, type_ in _schema()._schema.type_map.items():
        builtin = isinstance(type_, GraphQLScalarType) and name in {"String", "Boolean", "Int", "Float", "ID"}
        if name.startswith("__") or builtin:
            continue
        if not type_.description:
            missing.append(name)
        if isinstance(type_, GraphQLObjectType | GraphQLInputObjectType):
            for field_name, field in type_.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name})")
        if isinstance(type_, GraphQLEnumType):
            missing += [f"{name}.{v}" for v, value in type_.values.items() if not value.description]
    assert missing == []
