"""Hypothesis strategies built from the live schema: for any root query or mutation, a GraphQL document
and its JSON variables, with hostile values in every argument and input field.

Each argument travels either as a variable (in the JSON body: a lone surrogate goes as ``"\\ud800"``,
which only a hand-built JSON body can carry) or as an inline literal in the document. Values are drawn
from the argument's type: hostile strings (surrogates, NUL and other control characters, bidi and
zero-width marks, emoji, 100,000 characters), the world's real ids (the caller's and other families'),
malformed and random UUIDs, 32-bit extremes and beyond, impossible or extreme dates, date-times without
an offset, every enum value, and now and then a value of the wrong type.

The selection set of an operation is fixed (it does not depend on the draw): every field that takes no
required argument, three levels deep, within a token budget that stays under the server's limits.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    get_named_type,
    is_leaf_type,
    is_object_type,
)
from graphql.pyutils import Undefined as _UNDEFINED
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

# -- hostile values -------------------------------------------------------------------------------

LONG = 100_000
HOSTILE_STRINGS: tuple[str, ...] = (
    "",
    " ",
    "   \t ",
    "x\ud800y",  # a lone high surrogate
    "\udfff",  # a lone low surrogate
    "\ud83d\ude00\ud800",  # a valid pair then a lone one
    "a\u0000b",  # NUL
    "\u0000",
    "\x01\x02\x1b[31m\x7f",  # control characters, an ANSI escape, DEL
    "ligne 1\nligne 2\r\n\t",
    "\u202eEDCBA\u202c",  # right-to-left override
    "\u200f\u200e\u061c",  # RTL / LTR / Arabic letter marks
    "\u2066isolé\u2069",  # bidi isolates
    "zéro\u200blargeur\u200c\u200d\ufeff",  # zero-width characters and a BOM
    "😀👨‍👩‍👧‍👦🏳️‍🌈",  # emoji, ZWJ sequences
    "\U0010ffff\uffff\ufffe\ufffd",  # noncharacters, the replacement character
    "e\u0301" * 50,  # combining marks
    "x" * LONG,
    "é" * LONG,
    "😀" * (LONG // 4),
    "a" * 255,
    "a" * 256,
    "a" * 2001,
    "'; DROP TABLE account; --",
    "%s%n%x{0}",
    "${jndi:ldap://127.0.0.1/a}",
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "\\",
    '"',
    "null",
    "NaN",
    "-0",
    "1e309",
    "İstanbul ß ﬁ",
    "ＡＢＣ",  # full-width
)

INTS: tuple[Any, ...] = (
    0, 1, -1, 2, 7, 12, 31, 93, 100, 1000, 10**6,
    2**31 - 1, -(2**31), 2**31, -(2**31) - 1, 2**53 + 1, -(2**63), 2**63, 10**100,
)
FLOATS: tuple[float, ...] = (0.0, -0.0, 0.5, 1e308, -1e308, 5e-324, 2.0**63, 1.7976931348623157e308)
DATES: tuple[str, ...] = (
    "0001-01-01", "9999-12-31", "2026-02-30", "2026-02-29", "2028-02-29", "2026-13-01", "2026-00-10",
    "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-16", "2027-01-06", "2026-09-01",
    "2027-07-03", "2027-07-04", "1900-01-01", "2100-12-31",
    "26-11-27", "20261127", "2026-11-27T10:00:00", "+2026-11-27", " 2026-11-27", "2026-W48-5", "",
)
DATETIMES: tuple[str, ...] = (
    "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59-14:00",
    "9999-12-31T23:59:59+14:00", "2026-11-27T10:00:00", "2026-11-27T10:00:00Z", "2026-11-27T10:00:00+01:00",
    "2026-11-27T10:00:00.123456789+01:00", "2026-02-30T00:00:00Z", "2026-11-27T25:00:00Z",
    "2026-11-27T10:00:00+24:00", "2026-11-27", "1970-01-01T00:00:00Z", "",
)
TIMES: tuple[str, ...] = (
    "00:00:00", "23:59:59", "24:00:00", "10:00", "10:00:00.123456", "10:00:00+01:00", "25:00:00",
    "12:60:00", "-01:00:00", "9", "",
)
MALFORMED_IDS: tuple[str, ...] = (
    "", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "{12345678-1234-5678-1234-567812345678}", "12345678123456781234567812345678", "1", "-1", "0",
    "' OR 1=1 --", "x\ud800", "a\u0000b", "Q2hpbGQ6MQ==", "12345678-1234-5678-1234-56781234567g",
)
WRONG_TYPES: tuple[Any, ...] = ({}, {"a": 1}, [], [1, "x"], 1.5, True, "x", 2**31, None)


class EnumValue(str):
    """An enum value: a bare name in a literal, a string in variables."""


@dataclass
class Pools:
    """What the world holds: real ids by table and real strings (e-mails, passwords, names)."""

    tables: dict[str, list[str]]
    strings: list[str]

    @property
    def ids(self) -> list[str]:
        return sorted(i for ids in self.tables.values() for i in ids)

    def ids_for(self, hint: str) -> list[str]:
        """The ids an argument or input field named ``hint`` most likely takes: ``childIds`` a child's,
        ``id`` of ``updateDocumentType`` a document type's (the hint is then the operation's name)."""
        name = re.sub(r"Ids?$", "", hint)
        name = re.sub(r"^(update|create|delete|review|decide|archive|replace|resend|publish|set|add|answer)", "",
                      name)
        table = re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()
        table = {"definition": "consent_definition", "type": "document_type"}.get(table, table)
        for candidate in (table, table.rstrip("s"), table.split("_")[-1]):
            if self.tables.get(candidate):
                return self.tables[candidate]
        return self.ids


def weighted(*choices: tuple[int, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """One of ``choices``, each ``(weight, strategy)`` drawn that often; the first is the simplest."""
    return st.sampled_from([s for weight, s in choices for _ in range(weight)]).flatmap(lambda s: s)


# How hostile a call is: ``clean`` values are well-formed and plausible (real ids, dates of the school
# year), so that a call gets past validation into the use case; ``focused`` calls have a hostile value
# at one leaf in five; ``chaos`` calls anywhere, including nulls and wrong types.
MODES = ("focused", "clean", "chaos", "focused")


def _strings(pools: Pools) -> st.SearchStrategy[Any]:
    return weighted(
        (4, st.sampled_from(HOSTILE_STRINGS)),
        (2, st.sampled_from(pools.strings)),
        (2, st.text(max_size=40)),
        (1, st.text(alphabet=st.characters(codec="utf-8", exclude_categories=()), max_size=20)),
    )


def _clean_scalar(name: str, pools: Pools, hint: str) -> st.SearchStrategy[Any]:
    if name == "String":
        return weighted((3, st.sampled_from(pools.strings)),
                        (1, st.text(st.characters(categories=("L", "Nd", "Zs")), min_size=1, max_size=30)))
    if name == "ID":
        return st.sampled_from(pools.ids_for(hint))
    if name == "Int":
        return st.integers(1, 50)
    if name == "Float":
        return st.floats(0, 1000)
    if name == "Boolean":
        return st.booleans()
    if name == "Date":
        return st.dates(date(2026, 11, 1), date(2027, 7, 10)).map(date.isoformat)
    if name == "DateTime":
        return st.sampled_from(["2026-11-27T10:00:00+01:00", "2026-12-01T00:00:00Z", "2027-01-06T08:30:00+01:00"])
    if name == "Time":
        return st.sampled_from(["10:00:00", "07:30:00", "18:00:00"])
    return st.none()


def _scalar(name: str, pools: Pools, mode: str, hint: str) -> st.SearchStrategy[Any]:
    if mode == "clean":
        return _clean_scalar(name, pools, hint)
    hostile = _hostile_scalar(name, pools, hint)
    if mode == "focused":
        return weighted((4, _clean_scalar(name, pools, hint)), (1, hostile))
    return hostile


def _hostile_scalar(name: str, pools: Pools, hint: str) -> st.SearchStrategy[Any]:
    hostile = st.sampled_from(HOSTILE_STRINGS)
    if name == "String":
        return _strings(pools)
    if name == "ID":
        return weighted(
            (3, st.sampled_from(pools.ids_for(hint))),
            (2, st.sampled_from(pools.ids)),  # another kind's, another family's
            (1, st.uuids().map(str)),
            (2, st.sampled_from(MALFORMED_IDS)),
            (1, hostile),
            (1, st.sampled_from(INTS)),
        )
    if name == "Int":
        return weighted((2, st.sampled_from(INTS)), (1, st.integers(-1000, 1000)))
    if name == "Float":
        return weighted((1, st.sampled_from(FLOATS)), (1, st.floats(allow_nan=False, allow_infinity=False)))
    if name == "Boolean":
        return st.booleans()
    if name == "Date":
        return weighted(
            (3, st.sampled_from(DATES)),
            (3, st.dates(date(2026, 8, 1), date(2027, 8, 1)).map(date.isoformat)),
            (1, st.dates().map(date.isoformat)),
            (1, hostile),
        )
    if name == "DateTime":
        return weighted((3, st.sampled_from(DATETIMES)), (1, hostile))
    if name == "Time":
        return weighted((3, st.sampled_from(TIMES)), (1, hostile))
    # Upload (a file only comes in a multipart request: here it is a string or null) and any new scalar.
    return weighted((1, st.none()), (1, hostile), (1, st.sampled_from(INTS)))


def input_value(
    type_: GraphQLInputType, pools: Pools, mode: str = "chaos", hint: str = "", depth: int = 0
) -> st.SearchStrategy[Any]:
    """A value for ``type_`` in ``mode`` (see MODES): hostile leaves, and in ``chaos`` sometimes null
    (also where the type forbids it) or of the wrong type."""
    wrong = st.sampled_from(WRONG_TYPES)
    if isinstance(type_, GraphQLNonNull):
        right = _nullable_value(type_.of_type, pools, mode, hint, depth)
        return right if mode != "chaos" else weighted((12, right), (1, st.none()), (1, wrong))
    value = _nullable_value(type_, pools, mode, hint, depth)
    return weighted((5, value), (1, st.none())) if mode != "clean" else weighted((6, value), (1, st.none()))


def _nullable_value(
    type_: GraphQLInputType, pools: Pools, mode: str, hint: str, depth: int
) -> st.SearchStrategy[Any]:
    if isinstance(type_, GraphQLList):
        item = input_value(type_.of_type, pools, mode, hint, depth + 1)
        if mode == "clean":
            return st.lists(item, min_size=1, max_size=3)
        # A single value is coerced to a list of one.
        return weighted((4, st.lists(item, min_size=1, max_size=3)), (1, st.just([])), (1, item))
    if isinstance(type_, GraphQLEnumType):
        names = sorted(type_.values)
        valid = st.sampled_from(names).map(EnumValue)
        if mode == "clean":
            return valid
        invalid = st.sampled_from(["NOT_A_VALUE", names[0].lower(), "", "x\ud800"]).map(EnumValue)
        return weighted((6, valid), (1, invalid))
    if isinstance(type_, GraphQLInputObjectType):
        return _input_object(type_, pools, mode, hint, depth)
    assert isinstance(type_, GraphQLScalarType), type_
    return _scalar(type_.name, pools, mode, hint)


def _hint(name: str, outer: str) -> str:
    """What names the ids of a field: its own name (``childId``), else the outer one (``id`` of
    ``updateChild``: a child)."""
    return outer if name in ("id", "ids") else name


def _is_one_of(type_: GraphQLInputObjectType) -> bool:
    if getattr(type_, "is_one_of", False):
        return True
    definition = (type_.extensions or {}).get("strawberry-definition")
    return bool(getattr(definition, "is_one_of", False))


def _input_object(
    type_: GraphQLInputObjectType, pools: Pools, mode: str, hint: str, depth: int
) -> st.SearchStrategy[Any]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        fields = type_.fields
        if depth > 4:
            return {}
        if _is_one_of(type_):
            names = sorted(fields)
            count = draw(st.sampled_from([1, 1, 1, 1, 1, 1, 2, 0] if mode == "chaos" else [1]))
            chosen = draw(st.lists(st.sampled_from(names), min_size=count, max_size=count, unique=True)) \
                if count <= len(names) else names
            return {
                name: draw(input_value(fields[name].type, pools, mode, _hint(name, hint), depth + 1))
                for name in chosen
            }
        value: dict[str, Any] = {}
        for name in sorted(fields):
            field = fields[name]
            required = isinstance(field.type, GraphQLNonNull) and field.default_value is _UNDEFINED
            if not required and draw(st.integers(0, 2)) == 2:
                continue  # omitted: stays as it is
            value[name] = draw(input_value(field.type, pools, mode, _hint(name, hint), depth + 1))
        if mode == "chaos" and draw(st.integers(0, 19)) == 19:
            value["notAField"] = 1
        return value

    return build()


# -- documents ------------------------------------------------------------------------------------

_NAME = re.compile(r"^[_A-Za-z][_0-9A-Za-z]*$")


def literal(value: Any, graphql_escapes: bool = False) -> str:
    """``value`` as a GraphQL literal. Strings are JSON strings (GraphQL's escapes are JSON's); with
    ``graphql_escapes`` every non-ASCII character (a lone surrogate too) is written as ``\\uXXXX``."""
    if value is None:
        return "null"
    if isinstance(value, EnumValue):
        return str(value) if _NAME.match(value) and value not in ("true", "false", "null") else \
            json.dumps(str(value), ensure_ascii=graphql_escapes)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=graphql_escapes)
    if isinstance(value, list):
        return "[" + ", ".join(literal(v, graphql_escapes) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {literal(v, graphql_escapes)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def selection(type_: Any, depth: int = 3, budget: list[int] | None = None) -> str:
    """Every field of ``type_`` without required arguments, ``depth`` levels deep, at most ``budget``
    names in all (the server refuses documents over 2,000 tokens)."""
    budget = budget if budget is not None else [250]
    named = get_named_type(type_)
    if is_leaf_type(named):
        return ""
    if not is_object_type(named):
        return "{ __typename }"  # a union or an interface
    assert isinstance(named, GraphQLObjectType)
    parts: list[str] = []
    for name, field in named.fields.items():
        if budget[0] <= 0:
            break
        if any(isinstance(a.type, GraphQLNonNull) and a.default_value is _UNDEFINED for a in field.args.values()):
            continue
        inner = get_named_type(field.type)
        if is_leaf_type(inner):
            parts.append(name)
            budget[0] -= 1
        elif depth > 1:
            budget[0] -= 3
            sub = selection(inner, depth - 1, budget)
            if sub:
                parts.append(f"{name} {sub}")
    if not parts:
        parts.append("__typename")
    return "{ " + " ".join(parts) + " }"


@dataclass(frozen=True)
class Operation:
    """A root field: ``Query.child``, ``Mutation.login``."""

    kind: str  # "query" or "mutation"
    name: str
    field: GraphQLField

    @property
    def label(self) -> str:
        return f"{self.kind.capitalize()}.{self.name}"


def operations(schema: GraphQLSchema) -> list[Operation]:
    """Every root query and mutation of the schema, in the schema's order."""
    found = []
    for kind, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        if root is not None:
            found.extend(Operation(kind, name, field) for name, field in root.fields.items())
    return found


@dataclass
class Call:
    """One request: the document and the variables it is sent with."""

    operation: str
    query: str
    variables: dict[str, Any]


def call(operation: Operation, pools: Pools) -> st.SearchStrategy[Call]:
    """A call of ``operation`` with a value drawn for each of its arguments (or the argument left out)."""
    picked = selection(operation.field.type)

    @st.composite
    def build(draw: st.DrawFn) -> Call:
        mode = draw(st.sampled_from(MODES))
        definitions: list[str] = []
        arguments: list[str] = []
        variables: dict[str, Any] = {}
        for index, (name, argument) in enumerate(operation.field.args.items()):
            argument: GraphQLArgument  # type: ignore[no-redef]
            required = isinstance(argument.type, GraphQLNonNull) and argument.default_value is _UNDEFINED
            how = draw(st.sampled_from(["variable", "variable", "variable", "literal", "escaped", "omit"]))
            if how == "omit" and ((required and draw(st.integers(0, 3)) < 3) or mode == "clean"):
                how = "variable"  # a missing required argument is only worth a few tries
            if how == "omit":
                continue
            value = draw(input_value(argument.type, pools, mode, _hint(name, operation.name)))
            if how == "variable":
                variable = f"v{index}"
                definitions.append(f"${variable}: {argument.type}")
                arguments.append(f"{name}: ${variable}")
                if value is not None or not draw(st.booleans()):
                    variables[variable] = value
            else:
                arguments.append(f"{name}: {literal(value, graphql_escapes=how == 'escaped')}")
        header = f"{operation.kind} Fuzz" + (f"({', '.join(definitions)})" if definitions else "")
        args = f"({', '.join(arguments)})" if arguments else ""
        return Call(f"{operation.label} ({mode})", f"{header} {{ {operation.name}{args} {picked} }}", variables)

    return build()


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_body(payload: Any) -> bytes:
    """``payload`` as UTF-8 JSON, every lone surrogate written as its ``\\uXXXX`` escape (the only way
    JSON carries one; a 100,000-character string stays 100,000 bytes or so)."""
    text = json.dumps(payload, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


def short_repr(value: Any, limit: int = 120) -> str:
    """``repr`` with long strings shortened to ``'x' * 100000``, to print a reproducible call."""
    if isinstance(value, str):
        if len(value) > limit:
            if len(set(value)) == 1:
                return f"{value[0]!r} * {len(value)}"
            return f"{value[:limit]!r}… ({len(value)} characters)"
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(short_repr(v, limit) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {short_repr(v, limit)}" for k, v in value.items()) + "}"
    return repr(value)


_RUN = re.compile(r"(.)\1{99,}", re.DOTALL)


def short_document(query: str) -> str:
    """``query`` with each run of 100 or more of one character written ``<'x' * 100000>``."""
    return _RUN.sub(lambda m: f"<{m.group(1)!r} * {len(m.group())}>", query)


def draw_calls(operation: Operation, pools: Pools, roles: tuple[str, ...], rounds: int) -> list[dict[str, Call]]:
    """``rounds`` calls of ``operation`` for each of ``roles``, drawn by Hypothesis with a fixed seed
    (the same calls on every run). Drawing is apart from sending, so that every call is sent and every
    failure reported, rather than the run stopping at the first."""
    drawn: list[dict[str, Call]] = []

    @settings(
        max_examples=rounds,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def one_round(data: st.DataObject) -> None:
        drawn.append({role: data.draw(call(operation, pools), label=role) for role in roles})

    one_round()
    return drawn[:rounds]
