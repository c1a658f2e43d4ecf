"""Input types of the legal pages, and their conversion into the use case's plain changes."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import legal as use_cases
from portail.schema.partial import given, optional


@strawberry.input(description="Changes to a legal page: omitted fields stay as they are (null is refused).")
class UpdateLegalPageInput:
    body: str | None = optional(
        "Its text in Markdown (50,000 characters; required: a page the law requires is never empty)."
    )


@strawberry.input(
    description="Changes to the accessibility statement: omitted fields stay as they are. Null clears "
    "`complianceRate` and `auditDate` together (no audit: the status becomes NON_COMPLIANT), and is "
    "refused elsewhere. A rate needs its audit's date, and a date its rate."
)
class UpdateAccessibilityStatementInput:
    body: str | None = optional(
        "Its text in Markdown, following the official model: the statement's scope, the non-accessible "
        "content and derogations, how it was established, the means of contact and the remedy (50,000 "
        "characters, required)."
    )
    compliance_rate: float | None = optional(
        "The share of the RGAA's criteria met, in percent (0 to 100, kept to two decimals): it decides "
        "the status."
    )
    audit_date: datetime.date | None = optional("The day of the audit (not in the future).")
    audited_by: str | None = optional("Who carried out the audit (200 characters; empty: not said).")
    rgaa_version: str | None = optional('The RGAA version audited against, e.g. "4.1.2" (20 characters).')


def page_changes(input: UpdateLegalPageInput) -> use_cases.PageChanges:
    return use_cases.PageChanges(body=given(input).get("body"))


def statement_changes(input: UpdateAccessibilityStatementInput) -> use_cases.PageChanges:
    values = given(input, frozenset({"compliance_rate", "audit_date"}))
    return use_cases.PageChanges(
        body=values.get("body"),
        compliance_rate=values.get("compliance_rate"),
        clear_rate="compliance_rate" in values and values["compliance_rate"] is None,
        audit_date=values.get("audit_date"),
        clear_audit_date="audit_date" in values and values["audit_date"] is None,
        audited_by=values.get("audited_by"),
        rgaa_version=values.get("rgaa_version"),
    )
