"""Every enrolment (or those of one period), oldest first: who is enrolled where, and in what state."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import col

from portail.db.models import Child, Household
from portail.db.models.catalogue import Enrolment, Period
from portail.resolvers.catalogue_reading import Catalogue, load_catalogue, period_path
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.exports.base import Export, Key
from portail.rules import csv_format as f

STATE_LABELS = {
    "pending": "En attente",
    "accepted": "Acceptée",
    "refused": "Refusée",
    "withdrawn": "Retirée",
    "waiting": "Liste d'attente",
}


@dataclass(frozen=True)
class EnrolmentParams:
    period_id: uuid.UUID | None
    catalogue: Catalogue


@dataclass
class EnrolmentRow:
    id: uuid.UUID
    created_at: datetime
    path: str
    last_name: str
    first_name: str
    birth_date: date | None
    class_level: str
    school: str
    household_name: str
    state: str
    group_name: str = ""  # the activity's group ("Maternelles"); empty where it has none

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)


async def enrolment_params(
    ctx: RequestContext, period_id: uuid.UUID | None, period_given: bool
) -> EnrolmentParams:
    """An unknown period (given) is NOT_FOUND on ``periodId``."""
    catalogue = await load_catalogue(ctx)
    if period_given and not isinstance(catalogue.by_id.get(period_id) if period_id else None, Period):
        raise UserErrors.one("periodId", ErrorCode.NOT_FOUND, "Cette période n'existe pas.")
    return EnrolmentParams(period_id, catalogue)


def key(row: EnrolmentRow) -> Key:
    return (row.created_at, row.id)


async def page(
    ctx: RequestContext, params: EnrolmentParams, after: Key | None, limit: int
) -> list[EnrolmentRow]:
    """The enrolments after ``after`` in (request time, id) order: one statement."""
    query = (
        sa.select(
            col(Enrolment.id),
            col(Enrolment.created_at),
            col(Enrolment.period_id),
            col(Enrolment.state),
            col(Enrolment.group_id),
            col(Child.last_name),
            col(Child.first_name),
            col(Child.birth_date),
            col(Child.class_level),
            col(Child.school),
            col(Household.name),
        )
        .join(Child, col(Child.id) == Enrolment.child_id)
        .join(Household, col(Household.id) == Enrolment.household_id)
        .order_by(col(Enrolment.created_at), col(Enrolment.id))
        .limit(limit)
    )
    if params.period_id is not None:
        query = query.where(col(Enrolment.period_id) == params.period_id)
    if after is not None:
        query = query.where(
            sa.tuple_(col(Enrolment.created_at), col(Enrolment.id))
            > sa.tuple_(sa.literal(after[0], Enrolment.__table__.c.created_at.type), sa.literal(after[1]))  # type: ignore[attr-defined]
        )
    catalogue = params.catalogue
    return [
        EnrolmentRow(
            id_,
            at,
            period_path(catalogue, catalogue.by_id[period_id]) if period_id in catalogue.by_id else "",
            last,
            first,
            born,
            level,
            school,
            household,
            state,
            catalogue.by_id[group_id].name if group_id in catalogue.by_id else "",
        )
        for id_, at, period_id, state, group_id, last, first, born, level, school, household in (
            await ctx.session.exec(query)
        ).all()
    ]


COLUMNS: list[f.Column[EnrolmentRow]] = [
    f.Column("Accueil", lambda r: f.text(r.path)),
    f.Column("Groupe", lambda r: f.text(r.group_name)),
    f.Column("Nom", lambda r: f.text(r.last_name)),
    f.Column("Prénom", lambda r: f.text(r.first_name)),
    f.Column("Date de naissance", lambda r: f.day(r.birth_date)),
    f.Column("Classe", lambda r: f.text(r.class_level)),
    f.Column("École", lambda r: f.text(r.school)),
    f.Column("Foyer", lambda r: f.text(r.household_name)),
    f.Column("État", lambda r: r.state_label),
    f.Column("Demandée le", lambda r: f.moment(r.created_at)),
]


def filename(params: EnrolmentParams) -> str:
    return f.filename("inscriptions")


ENROLMENTS: Export[EnrolmentRow] = Export("enrolments", page, key, COLUMNS, filename)
