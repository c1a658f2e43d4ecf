"""The enums of the town's questions; what their values accept lives in ``rules/town_questions.py``."""

from __future__ import annotations

from enum import Enum

import strawberry

from portail.rules import town_questions as rules


@strawberry.enum(description="Whom a town question is asked of.")
class TownQuestionScope(Enum):
    HOUSEHOLD = strawberry.enum_value(rules.HOUSEHOLD, description='Once per household ("Mon foyer").')
    CHILD = strawberry.enum_value(rules.CHILD, description="For each child, in the child's record.")


@strawberry.enum(description="What a town question's answer is; every answer travels as a string (`value`).")
class TownQuestionKind(Enum):
    TEXT = strawberry.enum_value(rules.TEXT, description="Free text (2,000 characters, line breaks allowed).")
    YES_NO = strawberry.enum_value(
        rules.YES_NO, description='Yes or no: `value` "true" or "false" ("oui"/"non" are taken too).'
    )
    CHOICE = strawberry.enum_value(rules.CHOICE, description="One of the question's `choices`, as written.")
    NUMBER = strawberry.enum_value(
        rules.NUMBER,
        description='A number between -1,000,000 and 1,000,000, two decimals at most ("12", "12,5" or '
        '"12.5"; stored "12.5").',
    )
    DATE = strawberry.enum_value(rules.DATE, description='A date, "YYYY-MM-DD" (1900 to 2100).')
    FILE = strawberry.enum_value(
        rules.FILE,
        description="A document the family handed in with `uploadDocument`: `value` is the document's id "
        "(the household's own, or the child's for a child's question).",
    )
