"""What a GraphQL document would cost to validate, counted on the parsed document before validating it.

graphql-core's validation is quadratic where a document repeats itself: the rule that checks
overlapping fields can be merged compares every pair of fields that answer under the same name
in one selection set (after fragments are spread and same-named fields' selections are merged),
and every pair of fragments spread side by side. A 10 KB document within the token, depth and
alias limits (480 times ``bookingLegend { state }``) cost over a second of CPU. This module counts
that work in linear time, stopping as soon as a limit is passed, so a document that would cost
too much is refused before any expensive rule runs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)


@dataclass(frozen=True)
class CostLimits:
    """The most a document may ask for.

    ``fields``: field selections, each fragment counted every time it is spread (what execution and
    validation walk). ``pairs``: pairs of selections the merge check must compare (same-named fields
    of one merged selection set, and fragments spread side by side).
    """

    fields: int
    pairs: int


class TooCostly(Exception):
    """The document passes a limit; ``what`` says which ("fields" or "pairs")."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(what)
        self.what = what
        self.limit = limit


# Fragment definitions are checked one by one as well, each with the fragments it spreads: that
# walk may visit more nodes than the operations (a chain of 50 fragments visits 1,275), and is
# bounded by this multiple of the field limit.
WORK_PER_FIELD = 10


@dataclass
class _Count:
    limits: CostLimits
    counting_fields: bool = True
    fields: int = 0
    work: int = 0
    pairs: int = 0

    def add_field(self) -> None:
        self.work += 1
        if self.work > self.limits.fields * WORK_PER_FIELD:
            raise TooCostly("fields", self.limits.fields)
        if self.counting_fields:
            self.fields += 1
            if self.fields > self.limits.fields:
                raise TooCostly("fields", self.limits.fields)

    def add_pairs(self, members: int) -> None:
        self.pairs += members * (members - 1) // 2
        if self.pairs > self.limits.pairs:
            raise TooCostly("pairs", self.limits.pairs)


def check_cost(document: DocumentNode, limits: CostLimits) -> None:
    """Raise ``TooCostly`` when validating ``document`` would pass ``limits``.

    Fields are counted in the operations, each fragment as often as it is spread (what execution
    walks); pairs in the operations and in every fragment definition, as validation checks them
    all (including fragments no operation uses).
    """
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    count = _Count(limits)
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            _merged([definition.selection_set], fragments, count)
    count.counting_fields = False
    for fragment in fragments.values():
        _merged([fragment.selection_set], fragments, count)


def _merged(
    sets: Iterable[SelectionSetNode], fragments: dict[str, FragmentDefinitionNode], count: _Count
) -> None:
    """Count one merged selection set: ``sets`` answer under the same name, so they merge."""
    by_name: dict[str, list[SelectionSetNode]] = defaultdict(list)
    same_name: dict[str, int] = defaultdict(int)
    spread: set[str] = set()
    # (selection set, fragments being spread on the way to it): a cycle is not followed twice
    # (validation reports it); the counter stops any other blow-up.
    stack: list[tuple[SelectionSetNode, frozenset[str]]] = [(s, frozenset()) for s in sets]
    while stack:
        selection_set, path = stack.pop()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                count.add_field()
                name = (selection.alias or selection.name).value
                same_name[name] += 1
                if selection.selection_set is not None:
                    by_name[name].append(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                stack.append((selection.selection_set, path))
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                count.add_field()
                spread.add(name)
                fragment = fragments.get(name)
                if fragment is not None and name not in path:
                    stack.append((fragment.selection_set, path | {name}))
    count.add_pairs(len(spread))
    for name, members in same_name.items():
        count.add_pairs(members)
        if by_name.get(name):
            _merged(by_name[name], fragments, count)


def cost_error(document: DocumentNode, limits: CostLimits) -> GraphQLError | None:
    """The error to answer instead of validating ``document``, or None when it is within ``limits``."""
    try:
        check_cost(document, limits)
    except TooCostly as too:
        if too.what == "fields":
            message = (
                f"Requête trop complexe : plus de {too.limit} champs sélectionnés "
                "(chaque fragment compté autant de fois qu'il est utilisé)."
            )
        else:
            message = (
                "Requête trop complexe : trop de champs sélectionnés plusieurs fois sous le même nom, "
                "ou de fragments côte à côte."
            )
        return GraphQLError(message, extensions={"code": "QUERY_TOO_COMPLEX", "limit": too.what})
    return None
