"""The health form ("fiche sanitaire de liaison"): the town's lists staff keep (illnesses, diets,
vaccines), and what a family says of each child against them: illnesses had, diets, insurance.

A family's change to a child's health form un-certifies the child's record (``records.uncertify``):
the family is asked to confirm it again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import select

from portail.db.models import (
    Child,
    ChildDiet,
    ChildIllness,
    ChildInsurance,
    Document,
    HealthListItem,
    Vaccination,
)
from portail.resolvers import records
from portail.resolvers.audit import audit_change
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.health_rows import forget_town_lists, town_list_items
from portail.resolvers.memo import memo
from portail.resolvers.validation import Validator
from portail.rules import health
from portail.rules.french import de
from portail.rules.repeat import french_date

MAX_POSITION = 1000
AUDIT_ENTITY = "health_list"
KIND_LABELS = {health.ILLNESS: "maladies", health.DIET: "régimes", health.VACCINE: "vaccins"}


# ---------------------------------------------------------------------------------------------
# The town's lists


async def town_list(ctx: RequestContext, kind: str | None, *, include_retired: bool) -> list[HealthListItem]:
    """The entries of one list (or all), in list order; retired ones only to staff who ask."""
    staff = ctx.viewer is not None and ctx.viewer.is_staff
    return [
        i
        for i in await town_list_items(ctx)
        if (kind is None or i.kind == kind) and (i.active or (include_retired and staff))
    ]


def vaccines_of(items: list[HealthListItem]) -> dict[str, health.Vaccine]:
    """The vaccines of the list, by code, as the rules take them."""
    return {
        i.code: health.Vaccine(i.code, i.label, i.validity_years) for i in items if i.kind == health.VACCINE
    }


@dataclass
class ListItemChanges:
    """What staff set on an entry; None leaves a field as it is (on update)."""

    code: str | None = None
    label: str | None = None
    position: int | None = None
    active: bool | None = None
    validity_years: int | None = None
    clear_validity: bool = False


async def create_list_item(ctx: RequestContext, kind: str, changes: ListItemChanges) -> HealthListItem:
    """Staff add an entry to one of the town's lists."""
    v = Validator()
    code = health.normalise_code(changes.code or "")
    if not code:
        v.add("code", ErrorCode.REQUIRED, "Ce champ est obligatoire.")
    elif not health.is_code(code):
        v.add("code", ErrorCode.INVALID, "30 caractères au plus : lettres, chiffres et « _ ».")
    elif any(i.kind == kind and i.code == code for i in await town_list_items(ctx)):
        v.add(
            "code",
            ErrorCode.CODE_ALREADY_USED,
            f"Le code {code} existe déjà dans la liste des {KIND_LABELS[kind]}.",
        )
    if changes.label is None:
        v.add("label", ErrorCode.REQUIRED, "Ce champ est obligatoire.")
    row = HealthListItem(kind=kind, code=code, label="")
    after = _apply_changes(v, row, changes)
    v.raise_if_any()
    ctx.session.add(row)
    await ctx.session.flush()
    _audit(ctx, row, {name: (None, value) for name, value in after.items()})
    forget_town_lists(ctx)
    return row


async def update_list_item(
    ctx: RequestContext, item_id: uuid.UUID | None, changes: ListItemChanges
) -> HealthListItem:
    """Staff change an entry (its code stays: activities and children name it)."""
    row = await ctx.session.get(HealthListItem, item_id, with_for_update=True) if item_id else None
    if row is None:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, "Cette entrée de liste n'existe pas.")
    v = Validator()
    before = {name: getattr(row, name) for name in ("label", "position", "active", "validity_years")}
    after = _apply_changes(v, row, changes)
    v.raise_if_any()
    _audit(ctx, row, {name: (before[name], value) for name, value in after.items() if before[name] != value})
    forget_town_lists(ctx)
    return row


def _apply_changes(v: Validator, row: HealthListItem, changes: ListItemChanges) -> dict[str, Any]:
    """Check ``changes`` and set them on ``row``; returns what was set (checked before any is set)."""
    wanted: dict[str, Any] = {}
    if changes.label is not None:
        wanted["label"] = v.text("label", changes.label, max_length=100, required=True)
    if changes.position is not None:
        if not 0 <= changes.position <= MAX_POSITION:
            v.add("position", ErrorCode.INVALID, f"Entre 0 et {MAX_POSITION}.")
        wanted["position"] = changes.position
    if changes.active is not None:
        wanted["active"] = changes.active
    if changes.clear_validity:
        wanted["validity_years"] = None
    elif changes.validity_years is not None:
        if row.kind != health.VACCINE:
            v.add("validityYears", ErrorCode.INVALID, "Seuls les vaccins ont une durée de validité.")
        elif not 1 <= changes.validity_years <= health.MAX_VALIDITY_YEARS:
            v.add("validityYears", ErrorCode.INVALID, f"Entre 1 et {health.MAX_VALIDITY_YEARS} ans.")
        wanted["validity_years"] = changes.validity_years
    if not v.errors:
        for name, value in wanted.items():
            setattr(row, name, value)
    return wanted


_AUDIT_NAMES = {
    "label": "label",
    "position": "position",
    "active": "active",
    "validity_years": "validityYears",
}


def _audit(ctx: RequestContext, row: HealthListItem, changed: dict[str, tuple[Any, Any]]) -> None:
    for name, (before, after) in changed.items():
        audit_change(
            ctx,
            AUDIT_ENTITY,
            row.id,
            f"{row.kind}.{row.code}.{_AUDIT_NAMES[name]}"[:40],
            "" if before is None else str(before),
            "" if after is None else str(after),
        )


def _entry(
    v: Validator, items: list[HealthListItem], kind: str, field: str, code: str
) -> HealthListItem | None:
    """The active entry of ``kind`` coded ``code``, or a NOT_FOUND error on ``field``."""
    wanted = health.normalise_code(code)
    found = next((i for i in items if i.kind == kind and i.code == wanted and i.active), None)
    if found is None:
        v.add(
            field,
            ErrorCode.NOT_FOUND,
            f"« {code} » n'est pas dans la liste des {KIND_LABELS[kind]} de la mairie.",
        )
    return found


# ---------------------------------------------------------------------------------------------
# A child's health form, as the family (or staff) fills it


async def _child_for_edit(ctx: RequestContext, child_id: uuid.UUID | None) -> tuple[Child, uuid.UUID]:
    child, hid = await records.child_of(ctx, child_id, "childId")
    await ctx.session.refresh(child, with_for_update=True)
    return child, hid


def _changed(
    ctx: RequestContext, child: Child, hid: uuid.UUID, field_name: str, before: str, after: str
) -> None:
    """Audit a change to the child's health form, and ask the family to confirm the record again."""
    if before == after:
        return
    records.audit_child_change(ctx, child, hid, field_name, before, after)
    records.uncertify(ctx, child)
    records.forget_record(ctx, hid)


async def set_child_diets(
    ctx: RequestContext, child_id: uuid.UUID | None, codes: list[str]
) -> tuple[Child, uuid.UUID]:
    """The child's diets become ``codes`` (codes of the town's diet list; empty: no particular diet)."""
    child, hid = await _child_for_edit(ctx, child_id)
    items = await town_list_items(ctx)
    v = Validator()
    chosen: dict[uuid.UUID, HealthListItem] = {}
    for i, code in enumerate(codes):
        item = _entry(v, items, health.DIET, f"diets.{i}", code)
        if item is not None:
            chosen[item.id] = item
    v.raise_if_any()
    existing = (await ctx.session.exec(select(ChildDiet).where(ChildDiet.child_id == child.id))).all()
    by_id = {i.id: i for i in items}
    before = _labels(by_id[e.item_id] for e in existing)
    for e in existing:
        if e.item_id not in chosen:
            await ctx.session.delete(e)
    kept = {e.item_id for e in existing}
    ctx.session.add_all(ChildDiet(child_id=child.id, item_id=i) for i in chosen if i not in kept)
    _changed(ctx, child, hid, "diets", before, _labels(chosen.values()))
    return child, hid


@dataclass(frozen=True)
class IllnessData:
    code: str
    year: int | None = None


async def set_child_illnesses(
    ctx: RequestContext, child_id: uuid.UUID | None, illnesses: list[IllnessData]
) -> tuple[Child, uuid.UUID]:
    """The illnesses the child has had become ``illnesses`` (codes of the town's list, each with its
    year when known)."""
    child, hid = await _child_for_edit(ctx, child_id)
    items = await town_list_items(ctx)
    v = Validator()
    chosen: dict[uuid.UUID, tuple[HealthListItem, int | None]] = {}
    this_year = ctx.now().date().year
    birth_year = child.birth_date.year if child.birth_date else None
    for i, data in enumerate(illnesses):
        item = _entry(v, items, health.ILLNESS, f"illnesses.{i}.code", data.code)
        problem = health.illness_year_error(data.year, birth_year, this_year)
        if problem is not None:
            v.add(f"illnesses.{i}.year", ErrorCode.INVALID, problem)
        if item is not None:
            if item.id in chosen:
                v.add(f"illnesses.{i}.code", ErrorCode.INVALID, f"« {item.label} » est déjà dans la liste.")
            chosen[item.id] = (item, data.year)
    v.raise_if_any()
    existing = (await ctx.session.exec(select(ChildIllness).where(ChildIllness.child_id == child.id))).all()
    by_id = {i.id: i for i in items}
    before = _illness_labels((by_id[e.item_id], e.year) for e in existing)
    for e in existing:
        await ctx.session.delete(e)
    await ctx.session.flush()
    ctx.session.add_all(ChildIllness(child_id=child.id, item_id=i, year=y) for i, (_, y) in chosen.items())
    _changed(ctx, child, hid, "illnesses", before, _illness_labels(chosen.values()))
    return child, hid


def _labels(items: Any) -> str:
    return ", ".join(sorted(i.label for i in items))


def _illness_labels(pairs: Any) -> str:
    return ", ".join(sorted(f"{i.label} ({y})" if y else i.label for i, y in pairs))


INSURANCE_FIELDS = {
    "company": "company",
    "policyNumber": "policy_number",
    "validFrom": "valid_from",
    "validUntil": "valid_until",
    "certificateId": "certificate_id",
}


async def set_child_insurance(
    ctx: RequestContext, child_id: uuid.UUID | None, values: dict[str, Any]
) -> tuple[Child, uuid.UUID]:
    """Set the child's insurance; ``values`` holds the fields sent (GraphQL names), the others stay.
    The certificate is a document of the child's household handed in with ``uploadDocument``."""
    child, hid = await _child_for_edit(ctx, child_id)
    row = await ctx.session.get(ChildInsurance, child.id, with_for_update=True)
    current = row or ChildInsurance(child_id=child.id)
    v = Validator()
    wanted: dict[str, Any] = {}
    if "company" in values:
        wanted["company"] = v.text("company", values["company"] or "", max_length=100)
    if "policyNumber" in values:
        wanted["policy_number"] = v.text("policyNumber", values["policyNumber"] or "", max_length=50)
    for name in ("validFrom", "validUntil"):
        if name in values:
            wanted[INSURANCE_FIELDS[name]] = values[name]
    if "certificateId" in values:
        document_id = values["certificateId"]
        if document_id is None and values.get("certificateGiven"):
            v.add("certificateId", ErrorCode.NOT_FOUND, "Ce document n'existe pas.")
        elif document_id is not None:
            document = await ctx.session.get(Document, document_id)
            if document is None or document.household_id != hid or document.child_id not in (None, child.id):
                v.add("certificateId", ErrorCode.NOT_FOUND, "Ce document n'existe pas.")
        wanted["certificate_id"] = document_id
    start = wanted.get("valid_from", current.valid_from)
    end = wanted.get("valid_until", current.valid_until)
    if start is not None and end is not None and end < start:
        v.add("validUntil", ErrorCode.INVALID, "La fin de validité précède son début.")
    v.raise_if_any()
    if row is None:
        ctx.session.add(current)
    for graphql_name, attr in INSURANCE_FIELDS.items():
        if attr in wanted and getattr(current, attr) != wanted[attr]:
            before = getattr(current, attr)
            setattr(current, attr, wanted[attr])
            _changed(
                ctx,
                child,
                hid,
                f"insurance.{graphql_name}",
                "" if before is None else str(before),
                "" if wanted[attr] is None else str(wanted[attr]),
            )
    records.forget_record(ctx, hid)
    return child, hid


# ---------------------------------------------------------------------------------------------
# Enrolment: the vaccines an activity requires


async def missing_vaccines(
    ctx: RequestContext, child: Child, required: list[str], on: date
) -> list[health.MissingVaccine]:
    """The required vaccines (codes) ``child`` is not up to date with on ``on`` (the first day the
    child may come)."""
    if not required:
        return []
    items = await town_list_items(ctx)
    by_id = {i.id: i for i in items}

    async def load() -> list[Vaccination]:
        return list(
            (await ctx.session.exec(select(Vaccination).where(Vaccination.child_id == child.id))).all()
        )

    # Once per request: the catalogue asks it for every period that requires a vaccine.
    injections: dict[str, list[date]] = {}
    for vaccination in await memo(ctx, ("vaccinations", child.id), load):
        item = by_id.get(vaccination.vaccine_id) if vaccination.vaccine_id else None
        if item is not None:
            injections.setdefault(item.code, []).append(vaccination.vaccinated_on)
    return health.missing_vaccines(required, vaccines_of(items), injections, on)


async def check_required_vaccines(v: Validator, ctx: RequestContext, codes: list[str]) -> list[str]:
    """An activity's required vaccines, normalised; an unknown code is an error on ``requiredVaccines``."""
    wanted = sorted({health.normalise_code(c) for c in codes if c.strip()})
    known = {i.code for i in await town_list_items(ctx) if i.kind == health.VACCINE}
    unknown = [c for c in wanted if c not in known]
    if unknown:
        v.add(
            "requiredVaccines",
            ErrorCode.NOT_FOUND,
            "Vaccin inconnu de la liste de la mairie : " + ", ".join(unknown) + ".",
        )
    return wanted


def missing_vaccine_label(first_name: str, missing: health.MissingVaccine) -> str:
    """What the family reads: which vaccine, and whether it is missing or out of date."""
    if missing.reason == health.EXPIRED and missing.expired_on is not None:
        return (
            f"Le vaccin « {missing.label} » {de(first_name)} n'est plus à jour depuis le "
            f"{french_date(missing.expired_on)} : enregistrez le rappel dans « Vaccinations »."
        )
    return (
        f"Le vaccin « {missing.label} », obligatoire pour cet accueil, n'est pas enregistré pour "
        f"{first_name} : ajoutez-le dans « Vaccinations »."
    )
