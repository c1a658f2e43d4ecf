"""Validation rules of our own, run with the parser's before anything executes."""

from __future__ import annotations

from typing import Any

from graphql import FieldNode, GraphQLError, ValidationRule


class SingleLoginRule(ValidationRule):
    """At most one ``login`` per document: aliases must not turn one request into many guesses."""

    def __init__(self, context: Any) -> None:
        super().__init__(context)
        self.logins = 0

    def enter_field(self, node: FieldNode, *_args: Any) -> None:
        parent = self.context.get_parent_type()
        if parent is not None and parent.name == "Mutation" and node.name.value == "login":
            self.logins += 1
            if self.logins == 2:
                self.report_error(
                    GraphQLError(
                        "Une seule tentative de connexion (« login ») par requête.",
                        node,
                        extensions={"code": "TOO_MANY_LOGINS"},
                    )
                )

