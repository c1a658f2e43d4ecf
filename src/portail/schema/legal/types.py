"""Output types of the legal pages, and their mapper from the use cases' views."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import legal as use_cases
from portail.rules import legal
from portail.rules.markdown import render_markdown
from portail.schema.legal.enums import AccessibilityStatus, LegalPageKind


@strawberry.type(
    description="What the accessibility statement's audit found, beside its text: what a client needs to "
    "show the status badge and the statement's summary."
)
class AccessibilityFacts:
    status: AccessibilityStatus = strawberry.field(
        description="The conformity status, derived from `complianceRate` (no audit: NON_COMPLIANT)."
    )
    status_label: str = strawberry.field(description='The status in French, e.g. "partiellement conforme".')
    compliance_rate: float | None = strawberry.field(
        description="The share of the RGAA's criteria met, in percent with up to two decimals, e.g. 64.52 "
        "(null: no audit yet)."
    )
    audit_date: datetime.date | None = strawberry.field(description="The day of the audit (null: no audit).")
    audited_by: str = strawberry.field(
        description='Who carried out the audit, e.g. "la société Accessibilité Conseil", or empty.'
    )
    rgaa_version: str = strawberry.field(description='The RGAA version audited against, e.g. "4.1.2".')


@strawberry.type(
    description="A page the law requires (legal notices, accessibility statement, privacy notice), written "
    "by the town in Markdown. A page never written has an empty text and no `updatedAt`."
)
class LegalPage:
    kind: LegalPageKind = strawberry.field(description="Which page it is.")
    title: str = strawberry.field(description='Its title, e.g. "Mentions légales".')
    footer_label: str = strawberry.field(
        description="What a footer's link to it says: the title, but the accessibility statement's link "
        'carries the status as the RGAA requires ("Accessibilité : partiellement conforme").'
    )
    body: str = strawberry.field(
        description="Its text as staff wrote it, in Markdown (what an editor shows). The accessibility "
        "statement's text holds what follows its status and results (which `accessibility` gives, so a "
        "client shows them above it and they cannot disagree): the non-accessible content and "
        "derogations, how the statement was established, the means of contact, the remedy."
    )
    updated_at: datetime.datetime | None = strawberry.field(
        description="When its content last changed (the date the page shows); null: never written."
    )
    accessibility: AccessibilityFacts | None = strawberry.field(
        description="The audit's facts: the accessibility statement's only (null for the other pages)."
    )

    @strawberry.field(
        description="Its text as safe HTML (the same rendering and allow-list as `News.bodyHtml`): insert it "
        "as it is."
    )
    def body_html(self) -> str:
        # Rendered only when asked: a footer reads the three pages' titles, not their texts.
        return render_markdown(self.body)

    @classmethod
    def from_view(cls, view: use_cases.LegalPageView) -> LegalPage:
        facts = None
        if view.kind == legal.ACCESSIBILITY:
            facts = AccessibilityFacts(
                status=AccessibilityStatus(view.status),
                status_label=legal.STATUS_LABELS[view.status],
                compliance_rate=None if view.compliance_rate is None else legal.percent(view.compliance_rate),
                audit_date=view.audit_date,
                audited_by=view.audited_by,
                rgaa_version=view.rgaa_version,
            )
        return cls(
            kind=LegalPageKind(view.kind),
            title=legal.TITLES[view.kind],
            footer_label=legal.footer_label(view.kind, view.status),
            body=view.body,
            updated_at=view.updated_at,
            accessibility=facts,
        )
