"""'Mes documents à éditer': each child's fiche sanitaire, generated from the current records, and
the forms staff publish (e.g. the canteen's rules)."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from portail.adapters.pdf import HealthFormData, Person, health_form_pdf
from portail.db.engine import AsyncSession
from portail.db.models import (
    AuthorizedPerson,
    Child,
    Document,
    Guardian,
    HouseholdChild,
    PrintableForm,
    Vaccination,
)
from portail.resolvers.context import RequestContext
from portail.resolvers.documents import viewer_household_id
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.health_rows import load_child_health
from portail.resolvers.households import household_children
from portail.resolvers.uploads import IncomingFile, check_file, store
from portail.resolvers.validation import Validator
from portail.rules.files import DEFAULT_MAX_BYTES, FORMATS, PDF
from portail.rules.validity import town_date

HEALTH_FORM, TOWN_FORM = "HEALTH_FORM", "TOWN_FORM"
HEALTH_FORM_TITLE = "Fiche sanitaire de liaison"

DIET_LABELS = {"NONE": "Aucun", "NO_PORK": "Sans porc", "VEGETARIAN": "Végétarien", "NO_MEAT": "Sans viande"}
SEX_LABELS = {"F": "Fille", "M": "Garçon"}


@dataclass(frozen=True)
class FormView:
    """One line of "Mes documents à éditer"."""

    kind: str
    id: uuid.UUID
    title: str
    description: str
    filename: str
    content_type: str
    created_at: datetime | None
    child: Child | None = None


def _health_view(child: Child) -> FormView:
    name = f"{child.first_name} {child.last_name}".strip()
    return FormView(
        kind=HEALTH_FORM,
        id=child.id,
        title=f"{HEALTH_FORM_TITLE} – {name}",
        description="Remplie à partir du dossier de l'enfant ; à imprimer, vérifier et signer.",
        filename=health_form_filename(child),
        content_type=PDF,
        created_at=None,
        child=child,
    )


def _town_view(row: PrintableForm) -> FormView:
    return FormView(
        kind=TOWN_FORM,
        id=row.id,
        title=row.title,
        description=row.description,
        filename=row.filename,
        content_type=row.content_type,
        created_at=row.created_at,
    )


def health_form_filename(child: Child) -> str:
    return f"fiche-sanitaire-{child.first_name}-{child.last_name}.pdf".replace(" ", "-")


async def printable_forms(ctx: RequestContext) -> list[FormView]:
    """The children's fiches sanitaires (families), then the active published forms, newest first."""
    views: list[FormView] = []
    household_id = await viewer_household_id(ctx)
    if household_id is not None:
        views += [_health_view(c) for c in await household_children(ctx, household_id)]
    forms = select(PrintableForm).where(col(PrintableForm.active).is_(True))
    forms = forms.order_by(col(PrintableForm.created_at).desc(), col(PrintableForm.id))
    views += [_town_view(r) for r in (await ctx.session.exec(forms)).all()]
    return views


async def publish_form(ctx: RequestContext, file: IncomingFile, title: str, description: str) -> FormView:
    """Staff publish a form for every family to print."""
    v = Validator()
    clean_title = v.text("title", title, max_length=200, required=True)
    clean_description = v.text("description", description, max_length=1000)
    checked = check_file(v, "file", file, accepted=FORMATS, max_bytes=DEFAULT_MAX_BYTES)
    v.raise_if_any()
    assert checked is not None
    row = PrintableForm(
        title=clean_title,
        description=clean_description,
        filename=checked.filename,
        content_type=checked.content_type,
        size=checked.size,
        storage_key=await store(ctx, checked),
        created_at=ctx.now(),
    )
    ctx.session.add(row)
    await ctx.session.flush()
    return _town_view(row)


async def archive_form(ctx: RequestContext, form_id: uuid.UUID | None) -> FormView:
    """Staff withdraw a form: families no longer see it and its links stop working."""
    row = await ctx.session.get(PrintableForm, form_id) if form_id else None
    if row is None:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, "Ce formulaire n'existe pas.")
    row.active = False
    ctx.session.add(row)
    await ctx.session.flush()
    return _town_view(row)


# ---------------------------------------------------------------------------------------------
# The fiche sanitaire


def _phones(*numbers: str) -> tuple[str, ...]:
    return tuple(n for n in numbers if n)


async def health_form_data(session: AsyncSession, child: Child, town: str, now: datetime) -> HealthFormData:
    """What the child's fiche sanitaire prints, read now from the records."""
    vaccinations = (
        await session.exec(
            select(Vaccination)
            .where(Vaccination.child_id == child.id)
            .order_by(col(Vaccination.vaccinated_on), col(Vaccination.vaccine))
        )
    ).all()
    persons = (
        await session.exec(
            select(AuthorizedPerson)
            .where(AuthorizedPerson.child_id == child.id)
            .order_by(col(AuthorizedPerson.last_name), col(AuthorizedPerson.first_name))
        )
    ).all()
    guardians = (
        await session.exec(
            select(Guardian)
            .join(HouseholdChild, col(HouseholdChild.household_id) == Guardian.household_id)
            .where(HouseholdChild.child_id == child.id)
            .order_by(col(Guardian.household_id), col(Guardian.rank))
        )
    ).all()
    health = (await load_child_health(session, [child.id]))[child.id]
    insurance = health.insurance
    certificate = (
        await session.get(Document, insurance.certificate_id)
        if insurance and insurance.certificate_id
        else None
    )
    return HealthFormData(
        town=town,
        diets=tuple(d.label for d in health.diets),
        illnesses=tuple((i.label, year) for i, year in health.illnesses),
        doctor_address=child.doctor_address,
        insurance_company=insurance.company if insurance else "",
        insurance_policy=insurance.policy_number if insurance else "",
        insurance_from=insurance.valid_from if insurance else None,
        insurance_until=insurance.valid_until if insurance else None,
        insurance_certificate=_certificate_words(certificate),
        first_name=child.first_name,
        last_name=child.last_name,
        birth_date=child.birth_date,
        sex=SEX_LABELS.get(child.sex, child.sex),
        school=child.school,
        class_level=child.class_level,
        diet=DIET_LABELS.get(child.diet, child.diet),
        food_allergies=child.food_allergies,
        doctor_name=child.doctor_name,
        doctor_phone=child.doctor_phone,
        allergies=child.allergies,
        medical_notes=child.medical_notes,
        has_pai=child.has_pai,
        vaccinations=tuple((v.vaccine, v.vaccinated_on) for v in vaccinations),
        authorized_persons=tuple(
            Person(
                name=f"{p.first_name} {p.last_name}".strip(),
                relation=p.relation,
                phones=_phones(p.mobile_phone, p.other_phone),
                notes=", ".join(
                    label
                    for label, yes in (
                        ("peut venir chercher l'enfant", p.may_pick_up),
                        ("à prévenir en cas d'urgence", p.emergency_contact),
                    )
                    if yes
                ),
            )
            for p in persons
        ),
        guardians=tuple(
            Person(
                name=" ".join(x for x in (g.civility, g.first_name, g.last_name) if x),
                relation=g.relationship,
                phones=_phones(g.mobile_phone, g.home_phone, g.work_phone),
                notes=g.email,
            )
            for g in guardians
        ),
        generated_on=town_date(now),
    )


def _certificate_words(document: Document | None) -> str:
    if document is None:
        return ""
    state = {"accepted": "acceptée", "rejected": "refusée"}.get(document.state, "en attente de vérification")
    return f"fournie ({document.filename}, {state})"


async def health_form(
    session: AsyncSession, child_id: uuid.UUID, town: str, now: datetime
) -> tuple[bytes, str]:
    """The child's fiche sanitaire as PDF bytes and its file name; ``LookupError`` when no such child."""
    child = await session.get(Child, child_id)
    if child is None:
        raise LookupError(child_id)
    data = await health_form_data(session, child, town, now)
    # Rendering is CPU work (~10 ms): off the event loop, so other requests keep their latency.
    return await asyncio.to_thread(health_form_pdf, data), health_form_filename(child)
