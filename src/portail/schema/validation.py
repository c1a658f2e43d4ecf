"""Validation rules of our own, run with the parser's before anything executes."""

from __future__ import annotations

from typing import Any

from graphql import FieldNode, GraphQLError, StringValueNode, ValidationRule

from portail.rules.text import request_text_problem


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



class TextLiteralRule(ValidationRule):
    """Strings written in the document obey the rule of strings sent in variables.

    A literal may spell NUL as an escape (``"a\\u0000b"``), which the HTTP layer's check of the
    request's JSON cannot see; a lone surrogate is already a syntax error.
    """

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        problem = request_text_problem(node.value)
        if problem is not None:
            self.report_error(
                GraphQLError(f"Texte refusé : {problem}.", node, extensions={"code": "INVALID_TEXT"})
            )
