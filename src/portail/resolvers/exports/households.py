"""Every household, by name, with its guardians, address and what its records still lack: the
childhood service's list of families to chase before the school year.

A page reads its households in one statement and their records with ``records.load_full_records``
(a fixed number of statements, each an ``IN``), so 1,000 households cost what 3 do. Completeness is
the family's own (``records.to_complete``), named for staff: "Foyer > Adresse", "Emma-Rose > Santé".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from portail.db.models import Guardian, Household
from portail.resolvers import records, town_questions
from portail.resolvers.context import RequestContext
from portail.resolvers.exports.base import Export, Key
from portail.rules import csv_format as f
from portail.rules import fields
from portail.rules.phones import display_phone
from portail.rules.town_questions import shown_answer

# The family's screens say "Mon foyer > Moi"; staff read about someone else's household.
STAFF_SECTION_LABELS = {
    **fields.SECTION_LABELS,
    "ME": "Foyer > Responsable 1",
    "OTHER_GUARDIAN": "Foyer > Responsable 2",
    "ADDRESS": "Foyer > Adresse",
    "COMPLEMENTARY": "Foyer > Informations complémentaires",
    "HOUSEHOLD_CONSENTS": "Foyer > Consentements",
    "HOUSEHOLD_QUESTIONS": "Foyer > Questions de la mairie",
}
# The confirmation has its own column (``certification_expired``), so it is not listed as a section.
NOT_A_SECTION = "CONFIRMATION"


def staff_label(item: records.ToComplete) -> str:
    """A section to complete as staff read it: "Foyer > Adresse", "Emma-Rose > Santé"."""
    section = STAFF_SECTION_LABELS[item.section]
    return f"{item.child_first_name} > {section}" if item.child_first_name else section


@dataclass(frozen=True)
class GuardianCell:
    """A guardian as the export shows one: "Prénom NOM" and the e-mail."""

    name: str
    email: str

    @classmethod
    def of(cls, g: Guardian) -> GuardianCell:
        return cls(" ".join(p for p in (g.first_name, g.last_name) if p), g.email)


@dataclass(frozen=True)
class TownAnswerCell:
    """An answer to one of the town's questions, as the export shows it."""

    question_id: uuid.UUID
    child_id: uuid.UUID | None
    child_first_name: str
    label: str
    value: str
    up_to_date: bool

    @property
    def line(self) -> str:
        """ "Question : réponse", the child's first name before a child's ("Emma > …"); an answer to an
        earlier wording is marked."""
        who = f"{self.child_first_name} > " if self.child_first_name else ""
        outdated = "" if self.up_to_date else " (version précédente)"
        return f"{who}{self.label} : {self.value}{outdated}"


def _town_answers(record: records.HouseholdRecord) -> list[TownAnswerCell]:
    """The answers to the questions asked of the household, then of each child, in their order."""
    cells = []
    for child_id, first_name in ((None, ""), *((c.id, c.first_name) for c in record.children)):
        for view in town_questions.question_answers(record, child_id):
            if view.answer is None:
                continue
            cells.append(
                TownAnswerCell(
                    view.question.id,
                    child_id,
                    first_name,
                    view.question.label,
                    shown_answer(view.question.kind, view.answer.value),
                    view.up_to_date,
                )
            )
    return cells


@dataclass
class HouseholdRow:
    id: uuid.UUID
    name: str
    guardians: list[GuardianCell]
    address: str
    postcode: str
    insee_code: str | None
    city: str
    main_phone: str
    children_count: int
    family_quotient: int | None
    to_complete: list[str]
    certified_at: datetime | None
    certification_expired: bool
    pending_changes: int
    town_answers: list[TownAnswerCell]

    def guardian(self, rank: int) -> GuardianCell | None:
        return self.guardians[rank] if rank < len(self.guardians) else None


def key(row: HouseholdRow) -> Key:
    return (row.name, row.id)


def _row(ctx: RequestContext, record: records.HouseholdRecord) -> HouseholdRow:
    h = record.household
    certification = records.household_certification(ctx, record)
    return HouseholdRow(
        id=h.id,
        name=h.name,
        guardians=[GuardianCell.of(g) for g in record.guardians],
        address=" ".join(p for p in (h.address_number, h.address_street, h.address_complement) if p),
        postcode=h.postcode,
        insee_code=h.insee_code,
        city=h.city,
        main_phone=display_phone(h.main_phone),
        children_count=len(record.children),
        family_quotient=h.family_quotient,
        to_complete=[
            staff_label(item) for item in records.to_complete(ctx, record) if item.section != NOT_A_SECTION
        ],
        certified_at=certification.certified_at,
        certification_expired=certification.needs_confirmation,
        pending_changes=len(record.extras.pending),
        town_answers=_town_answers(record),
    )


async def page(ctx: RequestContext, params: None, after: Key | None, limit: int) -> list[HouseholdRow]:
    """The households after ``after`` in (name, id) order, those anonymised left out (they have left
    the town's services): one statement, then their records in a fixed number more."""
    query = select(Household.id).where(col(Household.anonymised_at).is_(None))
    if after is not None:
        name, last_id = after
        query = query.where(
            (col(Household.name) > name) | ((col(Household.name) == name) & (col(Household.id) > last_id))
        )
    ids = list(
        (await ctx.session.exec(query.order_by(col(Household.name), col(Household.id)).limit(limit))).all()
    )
    loaded = await records.load_full_records(ctx, ids)
    rows = [_row(ctx, loaded[i]) for i in ids]
    # The CSV walks every household in one request: keeping each chunk's records in the request's
    # memo would hold the whole town in memory by the end.
    for i in ids:
        records.forget_record(ctx, i)
    return rows


def _guardian_name(rank: int) -> f.Column[HouseholdRow]:
    def cell(r: HouseholdRow) -> str:
        g = r.guardian(rank)
        return f.text(g.name) if g else ""

    return f.Column(f"Responsable {rank + 1}", cell)


def _guardian_email(rank: int) -> f.Column[HouseholdRow]:
    def cell(r: HouseholdRow) -> str:
        g = r.guardian(rank)
        return f.text(g.email) if g else ""

    return f.Column(f"Courriel responsable {rank + 1}", cell)


COLUMNS: list[f.Column[HouseholdRow]] = [
    f.Column("Foyer", lambda r: f.text(r.name)),
    _guardian_name(0),
    _guardian_email(0),
    _guardian_name(1),
    _guardian_email(1),
    f.Column("Adresse", lambda r: f.text(r.address)),
    f.Column("Code postal", lambda r: f.text(r.postcode)),
    f.Column("Ville", lambda r: f.text(r.city)),
    f.Column("Code commune (INSEE)", lambda r: f.text(r.insee_code or "")),
    f.Column("Téléphone", lambda r: f.text(r.main_phone)),
    f.Column("Enfants", lambda r: f.integer(r.children_count)),
    f.Column("Quotient familial", lambda r: f.integer(r.family_quotient)),
    f.Column("Rubriques à compléter", lambda r: f.integer(len(r.to_complete))),
    f.Column("Détail des rubriques à compléter", lambda r: f.text(", ".join(r.to_complete))),
    f.Column("Informations confirmées le", lambda r: f.moment(r.certified_at)),
    f.Column("Confirmation expirée", lambda r: f.yes_no(r.certification_expired)),
    f.Column("Modifications en attente de validation", lambda r: f.integer(r.pending_changes)),
    f.Column(
        "Réponses aux questions de la mairie", lambda r: f.text(" ; ".join(a.line for a in r.town_answers))
    ),
]


def filename(params: None) -> str:
    return f.filename("foyers")


HOUSEHOLDS: Export[HouseholdRow] = Export("households", page, key, COLUMNS, filename)
