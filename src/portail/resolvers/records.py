"""The family's records ("Mon foyer", "Mes enfants"): reading them in batches, editing one
section at a time under the town's field rules, changes that wait for review, and the audit."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlmodel import col, func, select

from portail.db.models import (
    Account,
    AuditEntry,
    AuthorizedPerson,
    Child,
    Consent,
    ConsentDefinition,
    FieldRule,
    Guardian,
    Household,
    HouseholdChild,
    PendingChange,
    TownSetting,
    Vaccination,
)
from portail.resolvers.audit import audit_change
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.health_rows import ChildHealth, load_child_health, town_list_items, vaccine_named
from portail.resolvers.households import viewer_household_id
from portail.resolvers.mail import HOUSEHOLD_PATH, client_link, send_mail
from portail.resolvers.memo import memo
from portail.resolvers.town_answers import TownAnswers, load_town_answers
from portail.resolvers.validation import Validator
from portail.rules import fields
from portail.rules.phones import display_phone
from portail.rules.postcodes import insee_code, is_french_postcode
from portail.rules.repeat import french_date

CERTIFICATION_MONTHS_KEY = "certification_months"
DEFAULT_CERTIFICATION_MONTHS = 12
MAX_VACCINATIONS = 40
RECENT_DECISIONS = timedelta(days=90)
MAX_CONTACTS = 10


# ---------------------------------------------------------------------------------------------
# Reading: households in batches (one, or a page of an export), a fixed number of statements


@dataclass
class RecordExtras:
    """What completeness and reviews need beyond the record's own rows (loaded only if asked)."""

    # The latest answer per (definition kind, child or None).
    consents: dict[tuple[str, uuid.UUID | None], tuple[ConsentDefinition, Consent]]
    definitions: list[ConsentDefinition]
    pending: list[PendingChange]
    # Decisions of the last weeks, newest first, so the family sees what was refused and why.
    decided: list[PendingChange]
    rules: dict[tuple[str, str], fields.Rule]
    certification_months: int
    shared_children: set[uuid.UUID] = field(default_factory=set)
    # The town's own questions and this household's answers (``resolvers.town_answers``).
    town: TownAnswers = field(default_factory=lambda: TownAnswers([]))

    def pending_for(self, entity: str, entity_id: uuid.UUID) -> list[PendingChange]:
        return [p for p in self.pending if p.entity == entity and p.entity_id == entity_id]


@dataclass
class HouseholdRecord:
    """A household's record, loaded in a fixed number of statements whatever its size: the rows
    themselves (``load_record``), and with ``load_full_record`` the extras for completeness."""

    household: Household
    guardians: list[Guardian]
    children: list[Child]
    vaccinations: dict[uuid.UUID, list[Vaccination]]
    contacts: dict[uuid.UUID, list[AuthorizedPerson]]
    # The health form's rows (diets, illnesses had, insurance), by child.
    health: dict[uuid.UUID, ChildHealth] = field(default_factory=dict)
    _extras: RecordExtras | None = None

    @property
    def extras(self) -> RecordExtras:
        assert self._extras is not None, "load_full_record() first"
        return self._extras


async def field_rules(ctx: RequestContext) -> dict[tuple[str, str], fields.Rule]:
    async def load() -> dict[tuple[str, str], fields.Rule]:
        rows = (await ctx.session.exec(select(FieldRule))).all()
        return {(r.entity, r.field): fields.Rule(r.mode, r.needs_review) for r in rows}

    return await memo(ctx, ("field_rules",), load)


async def certification_months(ctx: RequestContext) -> int:
    """How many months a confirmation holds, read once per request (a list of records asks it often)."""

    async def load() -> int:
        row = await ctx.session.get(TownSetting, CERTIFICATION_MONTHS_KEY)
        return int(row.value) if row else DEFAULT_CERTIFICATION_MONTHS

    return await memo(ctx, ("certification_months",), load)


async def active_consent_definitions(ctx: RequestContext) -> list[ConsentDefinition]:
    """The consents the town asks for now, read once per request."""

    async def load() -> list[ConsentDefinition]:
        return list(
            (await ctx.session.exec(select(ConsentDefinition).where(col(ConsentDefinition.active)))).all()
        )

    return await memo(ctx, ("consent_definitions",), load)


async def load_record(ctx: RequestContext, household_id: uuid.UUID) -> HouseholdRecord:
    """The household's rows (household, guardians, children and their lists), once per request."""
    return (await load_records(ctx, [household_id]))[household_id]


async def load_full_record(ctx: RequestContext, household_id: uuid.UUID) -> HouseholdRecord:
    """The record with its extras (consents, reviews, the town's rules), once per request."""
    return (await load_full_records(ctx, [household_id]))[household_id]


async def load_records(
    ctx: RequestContext, household_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, HouseholdRecord]:
    """The rows of every household of ``household_ids``, in the same few statements whether they are
    one or a thousand (each an ``IN``), once per request: those already read are not read again."""
    return await _batched(ctx, "record", household_ids, lambda ids: _load_records(ctx, ids))


async def load_full_records(
    ctx: RequestContext, household_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, HouseholdRecord]:
    """The records of ``household_ids`` with their extras, in a fixed number of statements whatever
    their number; the town's rules, consents and certification months are read once per request."""
    records = await load_records(ctx, household_ids)
    extras = await _batched(
        ctx,
        "extras",
        [hid for hid, r in records.items() if r._extras is None],
        lambda ids: _load_extras(ctx, [records[i] for i in ids]),
    )
    for hid, found in extras.items():
        records[hid]._extras = found
    return records


def forget_record(ctx: RequestContext, household_id: uuid.UUID) -> None:
    """After a change: the payload reads the record again."""
    ctx.cache.pop(("record", household_id), None)
    ctx.cache.pop(("extras", household_id), None)


T = TypeVar("T")


async def _batched(
    ctx: RequestContext,
    name: str,
    ids: Sequence[uuid.UUID],
    load: Callable[[list[uuid.UUID]], Awaitable[dict[uuid.UUID, T]]],
) -> dict[uuid.UUID, T]:
    """Each id's value under ``(name, id)`` in the request's memo; those not there yet are loaded
    together by one ``load`` call. Each id still gets its own future, so ``forget_record`` drops one
    household and a later ``memo`` of a single id finds what a batch read."""
    wanted = list(dict.fromkeys(ids))
    missing = [i for i in wanted if (name, i) not in ctx.cache]
    if missing:
        batch = asyncio.ensure_future(load(missing))
        for i in missing:
            ctx.cache[(name, i)] = asyncio.ensure_future(_one_of(batch, i))
    futures = [ctx.cache[(name, i)] for i in wanted]
    return dict(zip(wanted, await asyncio.gather(*futures), strict=True))


async def _one_of(batch: Awaitable[dict[uuid.UUID, T]], key: uuid.UUID) -> T:
    found = await batch
    if key not in found:
        raise LookupError(f"no household {key}")  # a bug: callers pass ids they have read
    return found[key]


async def _load_records(
    ctx: RequestContext, household_ids: list[uuid.UUID]
) -> dict[uuid.UUID, HouseholdRecord]:
    s = ctx.session
    households = (await s.exec(select(Household).where(col(Household.id).in_(household_ids)))).all()
    records = {
        h.id: HouseholdRecord(household=h, guardians=[], children=[], vaccinations={}, contacts={})
        for h in households
    }
    for g in (
        await s.exec(
            select(Guardian).where(col(Guardian.household_id).in_(household_ids)).order_by(col(Guardian.rank))
        )
    ).all():
        records[g.household_id].guardians.append(g)
    for child, household_id in (
        await s.exec(
            select(Child, HouseholdChild.household_id)
            .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
            .where(col(HouseholdChild.household_id).in_(household_ids))
            .order_by(col(Child.birth_date), col(Child.first_name))
        )
    ).all():
        records[household_id].children.append(child)
    ids = list({c.id for r in records.values() for c in r.children})
    vaccinations: dict[uuid.UUID, list[Vaccination]] = defaultdict(list)
    contacts: dict[uuid.UUID, list[AuthorizedPerson]] = defaultdict(list)
    if ids:
        for v in (
            await s.exec(
                select(Vaccination)
                .where(col(Vaccination.child_id).in_(ids))
                .order_by(col(Vaccination.vaccinated_on))
            )
        ).all():
            vaccinations[v.child_id].append(v)
        for p in (
            await s.exec(
                select(AuthorizedPerson)
                .where(col(AuthorizedPerson.child_id).in_(ids))
                .order_by(col(AuthorizedPerson.last_name), col(AuthorizedPerson.first_name))
            )
        ).all():
            contacts[p.child_id].append(p)
    health = await load_child_health(s, ids)
    for record in records.values():
        # A shared child's lists are the child's: both households' records hold the same ones.
        record.vaccinations = defaultdict(list, {c.id: vaccinations[c.id] for c in record.children})
        record.contacts = defaultdict(list, {c.id: contacts[c.id] for c in record.children})
        record.health = {c.id: health[c.id] for c in record.children}
    return records


async def _load_extras(ctx: RequestContext, records: list[HouseholdRecord]) -> dict[uuid.UUID, RecordExtras]:
    s = ctx.session
    household_ids = [r.household.id for r in records]
    # Which of the batch's households each child belongs to (a shared child may be in two of them).
    households_of: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for r in records:
        for c in r.children:
            households_of[c.id].append(r.household.id)
    ids = list(households_of)
    shared: set[uuid.UUID] = set()
    if ids:
        shared = set(
            (
                await s.exec(
                    select(HouseholdChild.child_id)
                    .where(col(HouseholdChild.child_id).in_(ids))
                    .group_by(col(HouseholdChild.child_id))
                    .having(func.count() > 1)
                )
            ).all()
        )
    consents: dict[uuid.UUID, dict[tuple[str, uuid.UUID | None], tuple[ConsentDefinition, Consent]]] = {
        hid: {} for hid in household_ids
    }
    # A shared child's consents are the child's, whichever household answered.
    consent_rows = (
        await s.exec(
            select(Consent, ConsentDefinition)
            .join(ConsentDefinition, col(ConsentDefinition.id) == Consent.definition_id)
            .where(
                col(Consent.household_id).in_(household_ids)
                | (col(Consent.child_id).in_(ids) if ids else False)
            )
            .order_by(col(Consent.decided_at))
        )
    ).all()
    for consent, definition in consent_rows:
        concerned = set(households_of.get(consent.child_id, [])) if consent.child_id else set()
        if consent.household_id in consents:
            concerned.add(consent.household_id)
        for hid in concerned:
            if definition.scope == "household" and consent.household_id != hid:
                continue
            # Oldest first: the latest answer wins.
            consents[hid][(definition.kind, consent.child_id)] = (definition, consent)
    changes: dict[uuid.UUID, list[PendingChange]] = defaultdict(list)
    for change in (
        await s.exec(
            select(PendingChange)
            .where(col(PendingChange.household_id).in_(household_ids))
            .where(
                (col(PendingChange.state) == "pending")
                | (col(PendingChange.decided_at) >= ctx.now() - RECENT_DECISIONS)
            )
            .order_by(col(PendingChange.created_at))
        )
    ).all():
        changes[change.household_id].append(change)
    definitions = await active_consent_definitions(ctx)
    rules = await field_rules(ctx)
    months = await certification_months(ctx)
    town = await load_town_answers(ctx, {r.household.id: [c.id for c in r.children] for r in records})
    extras = {}
    for r in records:
        hid = r.household.id
        own = changes.get(hid, [])
        extras[hid] = RecordExtras(
            consents=consents[hid],
            definitions=definitions,
            pending=[c for c in own if c.state == "pending"],
            decided=sorted(
                (c for c in own if c.state != "pending"),
                key=lambda c: c.decided_at or c.created_at,
                reverse=True,
            ),
            rules=rules,
            certification_months=months,
            shared_children={c.id for c in r.children if c.id in shared},
            town=town[hid],
        )
    return extras


def values_of(entity: str, row: object) -> dict[str, Any]:
    """A row's fields under their GraphQL names."""
    return {spec.name: getattr(row, spec.attr) for spec in fields.fields_of(entity)}


@dataclass(frozen=True)
class SectionStatus:
    """A section's state, with what is missing and what waits for review."""

    section: str
    state: str
    missing_fields: list[str]
    pending_fields: list[str]


def _status(section: str, missing: list[str], pending: list[str]) -> SectionStatus:
    # A field whose new value waits for review is not "missing": the family has done its part.
    missing = [name for name in missing if name not in pending]
    return SectionStatus(section, fields.section_state(missing, pending), missing, pending)


def me_and_other(ctx: RequestContext, record: HouseholdRecord) -> tuple[Guardian | None, Guardian | None]:
    """ "Moi" is the viewer's guardian (guardian 1 for staff); "Autre responsable" the other one."""
    mine_id = ctx.viewer.account.guardian_id if ctx.viewer else None
    me = next((g for g in record.guardians if g.id == mine_id), None) or next(iter(record.guardians), None)
    other = next((g for g in record.guardians if me is None or g.id != me.id), None)
    return me, other


def household_sections(ctx: RequestContext, record: HouseholdRecord) -> list[SectionStatus]:
    me, other = me_and_other(ctx, record)
    statuses = []
    for section, guardian in (("ME", me), ("OTHER_GUARDIAN", other)):
        if guardian is None:
            missing = [] if section == "OTHER_GUARDIAN" else ["firstName"]
            statuses.append(_status(section, missing, []))
            continue
        missing = fields.missing_fields(
            "guardian", "GUARDIAN", values_of("guardian", guardian), record.extras.rules
        )
        pending = [p.field for p in record.extras.pending_for("guardian", guardian.id)]
        statuses.append(_status(section, missing, pending))
    household_values = values_of("household", record.household)
    household_pending = record.extras.pending_for("household", record.household.id)
    for section in ("ADDRESS", "COMPLEMENTARY"):
        missing = fields.missing_fields("household", section, household_values, record.extras.rules)
        pending = [
            p.field for p in household_pending if fields.CATALOGUE[("household", p.field)].section == section
        ]
        statuses.append(_status(section, missing, pending))
    return statuses


def child_sections(record: HouseholdRecord, child: Child) -> list[SectionStatus]:
    values = values_of("child", child)
    pending = record.extras.pending_for("child", child.id)
    statuses = []
    for section in ("IDENTITY", "SCHOOLING", "MEALS", "HEALTH"):
        missing = fields.missing_fields("child", section, values, record.extras.rules)
        statuses.append(
            _status(
                section,
                missing,
                [p.field for p in pending if fields.CATALOGUE[("child", p.field)].section == section],
            )
        )
    statuses.append(
        _status("VACCINATIONS", [] if record.vaccinations.get(child.id) else ["vaccinations"], [])
    )
    contacts = record.contacts.get(child.id, [])
    statuses.append(
        _status(
            "AUTHORIZED_PERSONS",
            [] if any(c.emergency_contact for c in contacts) else ["emergencyContact"],
            [],
        )
    )
    unanswered = [
        d.kind
        for d in sorted(record.extras.definitions, key=lambda d: d.kind)
        if d.scope == "child" and _current_answer(record, d, child.id) is None
    ]
    statuses.append(_status("AUTHORISATIONS", unanswered, []))
    # The town's own questions: a section only when the town asks the child some.
    if record.extras.town.asked_of(child.id):
        statuses.append(_status("QUESTIONS", [str(q.id) for q in record.extras.town.missing(child.id)], []))
    return statuses


def _current_answer(
    record: HouseholdRecord, definition: ConsentDefinition, child_id: uuid.UUID | None
) -> Consent | None:
    """The answer to the definition's current version, if any (an older version asks again)."""
    found = record.extras.consents.get((definition.kind, child_id))
    if found is None or found[0].version != definition.version:
        return None
    return found[1]


def current_consent(
    record: HouseholdRecord, definition: ConsentDefinition, child_id: uuid.UUID | None
) -> Consent | None:
    """The family's answer (granted or refused) to the current version of ``definition``, for the child
    (``child_id``) or the household (None); None when not answered (an older version asks again)."""
    return _current_answer(record, definition, child_id)


@dataclass(frozen=True)
class ConsentAnswer:
    """A consent the town asks for, and the family's answer to its current version."""

    definition: ConsentDefinition
    child_id: uuid.UUID | None
    answer: Consent | None
    previous: Consent | None


def consent_answers(record: HouseholdRecord, child_id: uuid.UUID | None) -> list[ConsentAnswer]:
    scope = "household" if child_id is None else "child"
    result = []
    for d in sorted(record.extras.definitions, key=lambda d: d.kind):
        if d.scope != scope:
            continue
        found = record.extras.consents.get((d.kind, child_id))
        current = _current_answer(record, d, child_id)
        result.append(ConsentAnswer(d, child_id, current, None if current else (found[1] if found else None)))
    return result


@dataclass(frozen=True)
class ToComplete:
    """A section of the records that still needs the family."""

    section: str
    child_id: uuid.UUID | None
    missing_fields: list[str]
    child_first_name: str = ""
    # The guardian concerned, for a guardian's record to confirm again (``confirmGuardianRecord``).
    guardian_id: uuid.UUID | None = None

    @property
    def label(self) -> str:
        """What the screens call it: "Mon foyer > Moi", "Emma-Rose > Santé"."""
        section = fields.SECTION_LABELS[self.section]
        return f"{self.child_first_name} > {section}" if self.child_first_name else section


def to_complete(ctx: RequestContext, record: HouseholdRecord) -> list[ToComplete]:
    """What the first connection (and every later one) still requires of the family."""
    items = [
        ToComplete(s.section, None, s.missing_fields)
        for s in household_sections(ctx, record)
        if s.state == fields.TO_COMPLETE
    ]
    for child in record.children:
        items += [
            ToComplete(s.section, child.id, s.missing_fields, child.first_name)
            for s in child_sections(record, child)
            if s.state == fields.TO_COMPLETE
        ]
    household_consents = [a for a in consent_answers(record, None) if a.answer is None]
    if household_consents:
        items.append(ToComplete("HOUSEHOLD_CONSENTS", None, [a.definition.kind for a in household_consents]))
    household_questions = record.extras.town.missing(None)
    if household_questions:
        items.append(ToComplete("HOUSEHOLD_QUESTIONS", None, [str(q.id) for q in household_questions]))
    if fields.needs_confirmation(
        record.household.certified_at, record.extras.certification_months, ctx.now()
    ):
        items.append(ToComplete("CONFIRMATION", None, []))
    else:
        # The household's confirmation holds, but a person's record changed since (``uncertify``) or
        # was added after it: that person's record is to confirm again (``confirmGuardianRecord``,
        # ``confirmChildRecord``, or ``confirmRecords`` for all). The missing field names whose: ME,
        # OTHER_GUARDIAN.
        me, other = me_and_other(ctx, record)
        items += [
            ToComplete("CONFIRMATION", None, [section], guardian_id=guardian.id)
            for section, guardian in (("ME", me), ("OTHER_GUARDIAN", other))
            if guardian is not None and guardian.certified_at is None
        ]
        items += [
            ToComplete("CONFIRMATION", c.id, [], c.first_name)
            for c in record.children
            if c.certified_at is None
        ]
    return items


# ---------------------------------------------------------------------------------------------
# Ownership


@dataclass(frozen=True)
class Certification:
    """How long the family's confirmation of its records holds."""

    certified_at: datetime | None
    expires_at: datetime | None
    needs_confirmation: bool


def _certification(certified_at: datetime | None, months: int, now: datetime) -> Certification:
    return Certification(
        certified_at=certified_at,
        expires_at=fields.certification_expiry(certified_at, months),
        needs_confirmation=fields.needs_confirmation(certified_at, months, now),
    )


def household_certification(ctx: RequestContext, record: HouseholdRecord) -> Certification:
    """The household's confirmation of its records (``record`` from ``load_full_record``)."""
    return _certification(record.household.certified_at, record.extras.certification_months, ctx.now())


def child_certification(ctx: RequestContext, record: HouseholdRecord, child: Child) -> Certification:
    """A child's confirmation of its record (``record`` from ``load_full_record``)."""
    return _certification(child.certified_at, record.extras.certification_months, ctx.now())


def guardian_certification(ctx: RequestContext, record: HouseholdRecord, guardian: Guardian) -> Certification:
    """A guardian's confirmation of their record (``record`` from ``load_full_record``)."""
    return _certification(guardian.certified_at, record.extras.certification_months, ctx.now())


def shared_with_another_household(record: HouseholdRecord, child_id: uuid.UUID) -> bool:
    """Whether the child also belongs to another household (``record`` from ``load_full_record``)."""
    return child_id in record.extras.shared_children


@dataclass(frozen=True)
class FieldView:
    """A field of the records and what the town decided for it."""

    entity: str
    field: str
    label: str
    section: str
    mode: str
    needs_review: bool
    kind: str = "text"
    multiline: bool = False
    max_length: int = 100
    choices: tuple[str, ...] = ()


def _view(spec: fields.FieldSpec, mode: str, needs_review: bool) -> FieldView:
    return FieldView(
        spec.entity,
        spec.name,
        spec.label,
        spec.section,
        mode,
        needs_review,
        spec.kind,
        spec.multiline,
        spec.max_length,
        spec.choices,
    )


def field_label(entity: str, field_name: str) -> str:
    """A field's French label."""
    return fields.CATALOGUE[(entity, field_name)].label


async def record_fields(ctx: RequestContext, entity: str) -> list[FieldView]:
    """The fields of a kind of record with the town's rules in force (for building forms)."""
    rules = await field_rules(ctx)
    views = []
    for spec in fields.fields_of(entity):
        rule = fields.rule_for(spec, rules)
        views.append(_view(spec, rule.mode, rule.needs_review))
    return views


def field_view(row: FieldRule) -> FieldView:
    """The view of a rule the town just set."""
    spec = fields.CATALOGUE[(row.entity, row.field)]
    return _view(spec, row.mode, row.needs_review)


async def household_for(
    ctx: RequestContext, household_id: uuid.UUID | None, field: str = "householdId"
) -> uuid.UUID:
    """The household a call acts on: the viewer's own, or for staff the one named."""
    if ctx.viewer is not None and ctx.viewer.is_staff and household_id is not None:
        if await ctx.session.get(Household, household_id) is None:
            raise UserErrors.one(field, ErrorCode.NOT_FOUND, "Ce foyer n'existe pas.")
        return household_id
    own = await viewer_household_id(ctx)
    if own is None or (household_id is not None and household_id != own):
        raise UserErrors.one(field, ErrorCode.NOT_FOUND, "Ce foyer n'existe pas.")
    return own


async def child_of(
    ctx: RequestContext, child_id: uuid.UUID | None, field: str = "childId"
) -> tuple[Child, uuid.UUID]:
    """The child and the household it is seen through; another family's child is "not found"."""
    child = await ctx.session.get(Child, child_id) if child_id else None
    if child is not None:
        links = (
            await ctx.session.exec(
                select(HouseholdChild.household_id).where(HouseholdChild.child_id == child.id)
            )
        ).all()
        own = await viewer_household_id(ctx)
        if own is not None and own in links:
            return child, own
        if ctx.viewer is not None and ctx.viewer.is_staff and links:
            return child, links[0]
    raise UserErrors.one(field, ErrorCode.NOT_FOUND, "Cet enfant n'existe pas.")


# ---------------------------------------------------------------------------------------------
# Editing


def _clean(v: Validator, spec: fields.FieldSpec, raw: Any, today: date) -> Any:
    """``raw`` checked and normalised for ``spec``; errors name the field."""
    name = spec.name
    if spec.kind in ("bool", "date", "int"):
        if spec.kind == "int" and raw is not None and not 0 <= raw <= 100_000:
            v.add(name, ErrorCode.INVALID, "Valeur hors limites (entre 0 et 100 000).")
        return raw
    if spec.kind == "date_past":
        return v.past_date(name, raw, today)
    if spec.kind == "insee":  # "56 243" is 56243: a few spaces more than its five characters
        return _insee_code(v, name, v.text(name, raw or "", max_length=100))
    text = v.text(name, raw or "", max_length=spec.max_length, multiline=spec.multiline)
    if v.has_error(name) or not text:
        return text
    if spec.kind == "phone":
        return v.phone(name, text)
    if spec.kind == "email":
        return v.email(name, text)
    if spec.kind == "choice":
        return v.choice(name, text, spec.choices)
    if spec.kind == "caf" and not (text.isdigit() and len(text) <= 10):
        v.add(name, ErrorCode.INVALID, "Le numéro d'allocataire ne contient que des chiffres (10 au plus).")
    if spec.kind == "country":
        text = text.upper()
        if not (len(text) == 2 and text.isalpha() and text.isascii()):
            v.add(name, ErrorCode.INVALID, "Code pays à deux lettres attendu (FR, BE, ES…).")
    return text


def _insee_code(v: Validator, name: str, text: str) -> str | None:
    """An INSEE code, upper case and without spaces; None when empty (the column's "not given")."""
    if v.has_error(name) or not text:
        return None
    code = insee_code(text)
    if code is None:
        v.add(
            name,
            ErrorCode.INVALID,
            "Code commune INSEE invalide : cinq caractères, deux pour le département (2A ou 2B en Corse), "
            "trois pour la commune, par exemple 56243 pour Séné.",
        )
    return code


def shown_value(spec: fields.FieldSpec, value: Any) -> str:
    """A record's value as a family reads it in a mail: phones and dates the French way."""
    if spec.kind == "phone" and isinstance(value, str):
        return display_phone(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return french_date(value)
    return _display(value)


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _parse_stored(spec: fields.FieldSpec, stored: str) -> Any:
    """A pending change's value back to its column type."""
    data = json.loads(stored)
    if data is None:
        return None
    if spec.kind in ("date", "date_past"):
        return date.fromisoformat(data)
    return data


def _audit(
    ctx: RequestContext,
    *,
    household_id: uuid.UUID | None,
    child_id: uuid.UUID | None,
    entity: str,
    entity_id: uuid.UUID,
    field_name: str,
    before: Any,
    after: Any,
) -> None:
    audit_change(
        ctx,
        entity,
        entity_id,
        field_name,
        _display(before),
        _display(after),
        household_id=household_id,
        child_id=child_id,
    )


@dataclass
class EditResult:
    """What a section edit did: fields changed now, and fields waiting for staff."""

    changed: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)


async def _apply(
    ctx: RequestContext,
    *,
    entity: str,
    row: Any,
    section: str,
    values: dict[str, Any],
    household_id: uuid.UUID,
    child_id: uuid.UUID | None,
    v: Validator | None = None,
    raise_errors: bool = True,
) -> EditResult:
    """Check ``values`` (GraphQL names) against the section's fields and the town's rules, then
    apply them, or queue them for review where the town checks the field."""
    v = v or Validator()
    rules = await field_rules(ctx)
    staff = ctx.viewer is not None and ctx.viewer.is_staff
    specs = {s.name: s for s in fields.fields_of(entity, section)}
    cleaned: dict[str, Any] = {}
    today = ctx.now().date()
    for name, raw in values.items():
        spec = specs.get(name)
        if spec is None:  # pragma: no cover - inputs only carry the section's fields
            v.add(name, ErrorCode.INVALID, "Ce champ n'appartient pas à cette rubrique.")
            continue
        rule = fields.rule_for(spec, rules)
        if not staff and rule.mode in (fields.HIDDEN, fields.READ_ONLY):
            current = getattr(row, spec.attr)
            # "" sent for a value not given (None: an INSEE code) is no change either.
            if raw != current and not (fields.is_empty(raw) and fields.is_empty(current)):
                v.add(
                    name,
                    ErrorCode.FIELD_NOT_EDITABLE,
                    f"« {spec.label} » n'est pas modifiable : adressez-vous à la mairie.",
                )
            continue
        value = _clean(v, spec, raw, today)
        if rule.mode == fields.REQUIRED and fields.is_empty(value) and not v.has_error(name):
            v.add(name, ErrorCode.REQUIRED, f"« {spec.label} » est obligatoire.")
        cleaned[name] = value
    if entity == "household" and "postcode" in cleaned and not v.has_error("postcode"):
        country = cleaned.get("country") or row.country or "FR"
        if country == "FR" and cleaned["postcode"] and not is_french_postcode(cleaned["postcode"]):
            v.add(
                "postcode",
                ErrorCode.INVALID_POSTCODE,
                "Code postal invalide : cinq chiffres, par exemple 56860.",
            )
    if raise_errors:
        v.raise_if_any()
    result = EditResult()
    for name, value in cleaned.items():
        spec = specs[name]
        before = getattr(row, spec.attr)
        if value == before:
            continue
        if fields.rule_for(spec, rules).needs_review and not staff:
            await _queue_review(ctx, entity, row.id, household_id, spec, before, value)
            result.pending.append(name)
            continue
        setattr(row, spec.attr, value)
        _audit(
            ctx,
            household_id=household_id,
            child_id=child_id,
            entity=entity,
            entity_id=row.id,
            field_name=name,
            before=before,
            after=value,
        )
        result.changed.append(name)
    if result.changed or result.pending:
        uncertify(ctx, row)
    forget_record(ctx, household_id)
    return result


# ---------------------------------------------------------------------------------------------
# Certification per person: an edit asks the family to confirm again (health form, issue 15)


def uncertify(ctx: RequestContext, row: Household | Guardian | Child) -> None:
    """A family's edit of a certified record (the household's own sections, a guardian, a child)
    withdraws that record's certification: the family is asked to confirm it again. Staff edits do not:
    the family did not see them to confirm them."""
    if ctx.viewer is not None and ctx.viewer.is_staff:
        return
    row.certified_at = None


def audit_child_change(
    ctx: RequestContext, child: Child, household_id: uuid.UUID, field_name: str, before: str, after: str
) -> None:
    """An audit entry for a change to a child's record made outside the field sections."""
    _audit(
        ctx,
        household_id=household_id,
        child_id=child.id,
        entity="child",
        entity_id=child.id,
        field_name=field_name,
        before=before,
        after=after,
    )


async def certify_child(ctx: RequestContext, child_id: uuid.UUID | None) -> tuple[Child, uuid.UUID]:
    """The family confirms one child's record (after editing it, or for a child added since)."""
    child, hid = await child_of(ctx, child_id, "id")
    await ctx.session.refresh(child, with_for_update=True)
    before = child.certified_at
    child.certified_at = ctx.now()
    _audit(
        ctx,
        household_id=hid,
        child_id=child.id,
        entity="child",
        entity_id=child.id,
        field_name="certifiedAt",
        before=before,
        after=child.certified_at,
    )
    forget_record(ctx, hid)
    return child, hid


async def certify_guardian(ctx: RequestContext, guardian_id: uuid.UUID | None) -> uuid.UUID:
    """The family confirms one guardian's record of its household (after editing it, or for a
    guardian added since): a guardian's record no longer waits for the whole household's confirmation.
    Another household's guardian is "not found", as an unknown id."""
    hid = await household_for(ctx, None)
    guardian = await ctx.session.get(Guardian, guardian_id) if guardian_id else None
    if guardian is None or guardian.household_id != hid:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, "Ce responsable n'existe pas.")
    await ctx.session.refresh(guardian, with_for_update=True)
    before = guardian.certified_at
    guardian.certified_at = ctx.now()
    _audit(
        ctx,
        household_id=hid,
        child_id=None,
        entity="guardian",
        entity_id=guardian.id,
        field_name="certifiedAt",
        before=before,
        after=guardian.certified_at,
    )
    forget_record(ctx, hid)
    return hid


async def _queue_review(
    ctx: RequestContext,
    entity: str,
    entity_id: uuid.UUID,
    household_id: uuid.UUID,
    spec: fields.FieldSpec,
    before: Any,
    value: Any,
) -> None:
    """A change to a checked field waits for staff; a newer one replaces a waiting one."""
    existing = (
        await ctx.session.exec(
            select(PendingChange)
            .where(PendingChange.entity == entity)
            .where(PendingChange.entity_id == entity_id)
            .where(PendingChange.field == spec.name)
            .where(PendingChange.state == "pending")
        )
    ).first()
    stored = json.dumps(value.isoformat() if isinstance(value, date) else value)
    assert ctx.viewer is not None
    if existing is not None:
        existing.new_value = stored
        existing.created_at = ctx.now()
        return
    ctx.session.add(
        PendingChange(
            household_id=household_id,
            entity=entity,
            entity_id=entity_id,
            field=spec.name,
            old_value=json.dumps(before.isoformat() if isinstance(before, date) else before),
            new_value=stored,
            author_id=ctx.viewer.account.id,
            created_at=ctx.now(),
        )
    )


async def update_household_section(
    ctx: RequestContext, household_id: uuid.UUID | None, section: str, values: dict[str, Any]
) -> tuple[uuid.UUID, EditResult]:
    """Edit one section of "Mon foyer" ("Crayon", then "VALIDER")."""
    hid = await household_for(ctx, household_id)
    household = await ctx.session.get(Household, hid, with_for_update=True)
    assert household is not None
    if section in ("ME", "OTHER_GUARDIAN"):
        record = await load_record(ctx, hid)
        me, other = me_and_other(ctx, record)
        guardian = me if section == "ME" else other
        if guardian is None:
            guardian = Guardian(household_id=hid, rank=2 if me else 1)
            ctx.session.add(guardian)
            await ctx.session.flush()
        forget_record(ctx, hid)
        return hid, await _apply(
            ctx,
            entity="guardian",
            row=guardian,
            section="GUARDIAN",
            values=values,
            household_id=hid,
            child_id=None,
        )
    return hid, await _apply(
        ctx,
        entity="household",
        row=household,
        section=section,
        values=values,
        household_id=hid,
        child_id=None,
    )


async def add_child(ctx: RequestContext, values: dict[str, Any]) -> Child:
    """Declare a new child in the viewer's household ("Mes enfants")."""
    hid = await household_for(ctx, None)
    child = Child(first_name="", last_name="")
    v = Validator()
    for name in ("firstName", "lastName", "birthDate", "sex"):
        if fields.is_empty(values.get(name)):
            v.add(name, ErrorCode.REQUIRED, f"« {fields.CATALOGUE[('child', name)].label} » est obligatoire.")
    v.raise_if_any()
    ctx.session.add(child)
    await ctx.session.flush()
    ctx.session.add(HouseholdChild(household_id=hid, child_id=child.id))
    await _apply(
        ctx, entity="child", row=child, section="IDENTITY", values=values, household_id=hid, child_id=child.id
    )
    await ctx.session.flush()
    return child


async def update_child_section(
    ctx: RequestContext, child_id: uuid.UUID | None, section: str, values: dict[str, Any]
) -> tuple[Child, uuid.UUID, EditResult]:
    """Edit one section of a child's record."""
    child, hid = await child_of(ctx, child_id, "id")
    await ctx.session.refresh(child, with_for_update=True)
    result = await _apply(
        ctx, entity="child", row=child, section=section, values=values, household_id=hid, child_id=child.id
    )
    return child, hid, result


@dataclass(frozen=True)
class VaccinationData:
    vaccine: str
    vaccinated_on: date


async def replace_vaccinations(
    ctx: RequestContext, child_id: uuid.UUID | None, items: list[VaccinationData]
) -> tuple[Child, uuid.UUID]:
    """Set the child's vaccinations to ``items`` (the section is edited as a whole)."""
    child, hid = await child_of(ctx, child_id, "id")
    v = Validator()
    if len(items) > MAX_VACCINATIONS:
        v.add("vaccinations", ErrorCode.INVALID, f"{MAX_VACCINATIONS} vaccins au plus.")
    today = ctx.now().date()
    cleaned = []
    for i, item in enumerate(items[:MAX_VACCINATIONS]):
        name = v.text(f"vaccinations.{i}.vaccine", item.vaccine, max_length=60, required=True)
        v.past_date(f"vaccinations.{i}.vaccinatedOn", item.vaccinated_on, today)
        if child.birth_date and item.vaccinated_on < child.birth_date:
            v.add(
                f"vaccinations.{i}.vaccinatedOn",
                ErrorCode.INVALID,
                "La date est antérieure à la naissance de l'enfant.",
            )
        cleaned.append((name, item.vaccinated_on))
    v.raise_if_any()
    # A vaccine of the town's list is linked to it (what activities require); another stays as written.
    town_items = await town_list_items(ctx)
    rows = []
    for name, day in cleaned:
        known = vaccine_named(town_items, name)
        rows.append({"vaccine": name, "vaccinated_on": day, "vaccine_id": known.id if known else None})
    await _replace_child_rows(
        ctx,
        child,
        hid,
        Vaccination,
        "vaccinations",
        rows,
        lambda row: f"{row.vaccine} {row.vaccinated_on}",
    )
    return child, hid


async def replace_contacts(
    ctx: RequestContext, child_id: uuid.UUID | None, items: list[dict[str, Any]]
) -> tuple[Child, uuid.UUID]:
    """Set the child's authorised persons to ``items``."""
    child, hid = await child_of(ctx, child_id, "id")
    v = Validator()
    if len(items) > MAX_CONTACTS:
        v.add("authorizedPersons", ErrorCode.INVALID, f"{MAX_CONTACTS} personnes au plus.")
    rules = await field_rules(ctx)
    today = ctx.now().date()
    cleaned = []
    for i, item in enumerate(items[:MAX_CONTACTS]):
        row: dict[str, Any] = {}
        for spec in fields.fields_of("contact"):
            sub = Validator()
            value = _clean(sub, spec, item.get(spec.name, False if spec.kind == "bool" else ""), today)
            if (
                fields.rule_for(spec, rules).mode == fields.REQUIRED
                and fields.is_empty(value)
                and not sub.errors
            ):
                sub.add(spec.name, ErrorCode.REQUIRED, f"« {spec.label} » est obligatoire.")
            for e in sub.errors:
                v.add(f"authorizedPersons.{i}.{e.field}", e.code, e.message)
            row[spec.attr] = value
        cleaned.append(row)
    v.raise_if_any()
    await _replace_child_rows(
        ctx,
        child,
        hid,
        AuthorizedPerson,
        "authorizedPersons",
        cleaned,
        lambda row: f"{row.first_name} {row.last_name}",
    )
    return child, hid


CHILD_FIELD_SECTIONS = ("IDENTITY", "SCHOOLING", "MEALS", "HEALTH")
VACCINATIONS, AUTHORIZED_PERSONS = "VACCINATIONS", "AUTHORIZED_PERSONS"


@dataclass(frozen=True)
class ChildEdit:
    """One section of a child's record as sent: a section's fields (GraphQL names), or a whole list."""

    section: str  # one of CHILD_FIELD_SECTIONS, VACCINATIONS or AUTHORIZED_PERSONS
    values: dict[str, Any] = field(default_factory=dict)
    vaccinations: list[VaccinationData] = field(default_factory=list)
    # Authorised persons, each under the contact fields' GraphQL names.
    contacts: list[dict[str, Any]] = field(default_factory=list)


async def update_child(
    ctx: RequestContext, child_id: uuid.UUID | None, edit: ChildEdit
) -> tuple[Child, uuid.UUID, EditResult]:
    """Edit one section of a child's record; the lists are replaced whole."""
    if edit.section == VACCINATIONS:
        child, hid = await replace_vaccinations(ctx, child_id, edit.vaccinations)
        return child, hid, EditResult(changed=["vaccinations"])
    if edit.section == AUTHORIZED_PERSONS:
        child, hid = await replace_contacts(ctx, child_id, edit.contacts)
        return child, hid, EditResult(changed=["authorizedPersons"])
    return await update_child_section(ctx, child_id, edit.section, edit.values)


async def _replace_child_rows(
    ctx: RequestContext,
    child: Child,
    household_id: uuid.UUID,
    table: Any,
    field_name: str,
    rows: list[dict[str, Any]],
    describe: Callable[[Any], str],
) -> None:
    """Replace the child's rows of ``table`` by ``rows`` (a section edited as a whole); the change is
    audited under ``field_name`` when what ``describe`` prints of the rows changed."""
    existing = (await ctx.session.exec(select(table).where(table.child_id == child.id))).all()
    before = "; ".join(describe(e) for e in existing)
    for e in existing:
        await ctx.session.delete(e)
    new = [table(child_id=child.id, **row) for row in rows]
    ctx.session.add_all(new)
    after = "; ".join(describe(n) for n in new)
    if before != after:
        uncertify(ctx, child)
        _audit(
            ctx,
            household_id=household_id,
            child_id=child.id,
            entity="child",
            entity_id=child.id,
            field_name=field_name,
            before=before,
            after=after,
        )
    forget_record(ctx, household_id)


async def answer_consents(
    ctx: RequestContext, child_id: uuid.UUID | None, answers: list[tuple[uuid.UUID | None, bool]]
) -> uuid.UUID:
    """Record dated answers to the current versions of consents (a child's, or the household's)."""
    if child_id is not None:
        child, hid = await child_of(ctx, child_id)
        scope, target = "child", child.id
    else:
        hid, scope, target = await household_for(ctx, None), "household", None
    assert ctx.viewer is not None
    v = Validator()
    definitions = []
    for i, (definition_id, granted) in enumerate(answers):
        definition = await ctx.session.get(ConsentDefinition, definition_id) if definition_id else None
        if definition is None or not definition.active or definition.scope != scope:
            v.add(
                f"answers.{i}.definitionId",
                ErrorCode.NOT_FOUND,
                "Cette autorisation n'existe pas ou a été remplacée.",
            )
            continue
        definitions.append((definition, granted))
    v.raise_if_any()
    for definition, granted in definitions:
        ctx.session.add(
            Consent(
                definition_id=definition.id,
                household_id=hid,
                child_id=target,
                granted=granted,
                decided_at=ctx.now(),
                decided_by=ctx.viewer.account.id,
            )
        )
        _audit(
            ctx,
            household_id=hid,
            child_id=target,
            entity="consent",
            entity_id=definition.id,
            field_name=f"{definition.kind} v{definition.version}",
            before="",
            after=granted,
        )
    forget_record(ctx, hid)
    return hid


async def certify_records(ctx: RequestContext) -> uuid.UUID:
    """The family confirms that its records are accurate (the town says how long that holds)."""
    hid = await household_for(ctx, None)
    household = await ctx.session.get(Household, hid, with_for_update=True)
    assert household is not None
    record = await load_record(ctx, hid)
    now = ctx.now()
    household.certified_at = now
    for row in (*record.guardians, *record.children):
        row.certified_at = now
    _audit(
        ctx,
        household_id=hid,
        child_id=None,
        entity="household",
        entity_id=hid,
        field_name="certifiedAt",
        before=record.household.certified_at,
        after=now,
    )
    forget_record(ctx, hid)
    return hid


# ---------------------------------------------------------------------------------------------
# Staff: review of checked fields, the town's rules


async def pending_changes(
    ctx: RequestContext, state: str, limit: int, after: tuple[datetime, uuid.UUID] | None
) -> list[PendingChange]:
    """Changes in ``state``, oldest first; ``after`` is the (created_at, id) of the last one read."""
    query = (
        select(PendingChange)
        .where(PendingChange.state == state)
        .order_by(col(PendingChange.created_at), col(PendingChange.id))
    )
    if after is not None:
        at, last_id = after
        query = query.where(
            (col(PendingChange.created_at) > at)
            | ((col(PendingChange.created_at) == at) & (col(PendingChange.id) > last_id))
        )
    return list((await ctx.session.exec(query.limit(limit))).all())


_ENTITY_TABLES: dict[str, Any] = {"household": Household, "guardian": Guardian, "child": Child}


async def decide_pending_change(
    ctx: RequestContext, change_id: uuid.UUID | None, approve: bool, reason: str
) -> PendingChange:
    """Approve (the value is applied) or reject (with a reason) a waiting change; the family is mailed."""
    change = await ctx.session.get(PendingChange, change_id, with_for_update=True) if change_id else None
    if change is None:
        raise UserErrors.one("id", ErrorCode.NOT_FOUND, "Cette modification n'existe pas.")
    if change.state != "pending":
        raise UserErrors.one("id", ErrorCode.ALREADY_DECIDED, "Cette modification a déjà été traitée.")
    v = Validator()
    reason = v.reason(reason, refused=not approve)
    v.raise_if_any()
    assert ctx.viewer is not None
    spec = fields.CATALOGUE[(change.entity, change.field)]
    if approve:
        row = await ctx.session.get(_ENTITY_TABLES[change.entity], change.entity_id, with_for_update=True)
        assert row is not None
        before = getattr(row, spec.attr)
        value = _parse_stored(spec, change.new_value)
        setattr(row, spec.attr, value)
        _audit(
            ctx,
            household_id=change.household_id,
            child_id=change.entity_id if change.entity == "child" else None,
            entity=change.entity,
            entity_id=change.entity_id,
            field_name=change.field,
            before=before,
            after=value,
        )
    change.state = "approved" if approve else "rejected"
    change.reason = reason
    change.decided_by = ctx.viewer.account.id
    change.decided_at = ctx.now()
    author = await ctx.session.get(Account, change.author_id)
    if author is not None:
        send_mail(
            ctx,
            "record_change_decided",
            author.email,
            approved=approve,
            field_label=spec.label,
            value=shown_value(spec, _parse_stored(spec, change.new_value)),
            reason=reason,
            link=client_link(ctx, HOUSEHOLD_PATH),
        )
    forget_record(ctx, change.household_id)
    return change


async def set_field_rule(
    ctx: RequestContext, entity: str, field_name: str, mode: str | None, needs_review: bool | None
) -> FieldRule:
    """Set the town's rule for a field; ``mode`` or ``needs_review`` None keeps the current one."""
    spec = fields.CATALOGUE.get((entity, field_name))
    if spec is None:
        raise UserErrors.one("field", ErrorCode.NOT_FOUND, "Ce champ n'existe pas pour cette fiche.")
    if mode is not None and mode not in fields.MODES:  # pragma: no cover - the GraphQL enum allows only these
        raise UserErrors.one("mode", ErrorCode.INVALID, "Mode inconnu.")
    row = await ctx.session.get(FieldRule, (entity, field_name), with_for_update=True)
    if row is None:
        row = FieldRule(entity=entity, field=field_name, mode=spec.mode, needs_review=spec.needs_review)
        ctx.session.add(row)
    if mode is not None:
        row.mode = mode
    if needs_review is not None:
        row.needs_review = needs_review
    ctx.cache.pop(("field_rules",), None)
    return row


async def set_certification_months(ctx: RequestContext, months: int) -> int:
    if not 1 <= months <= 120:
        raise UserErrors.one("months", ErrorCode.INVALID, "Entre 1 et 120 mois.")
    row = await ctx.session.get(TownSetting, CERTIFICATION_MONTHS_KEY, with_for_update=True)
    if row is None:
        ctx.session.add(TownSetting(key=CERTIFICATION_MONTHS_KEY, value=str(months)))
    else:
        row.value = str(months)
    ctx.cache.pop(("certification_months",), None)
    return months


async def publish_consent(
    ctx: RequestContext, kind: str, title: str, text: str, scope: str
) -> ConsentDefinition:
    """A new version of a consent: families are asked again."""
    v = Validator()
    kind = v.text("kind", kind, max_length=40, required=True).upper().replace(" ", "_")
    title = v.text("title", title, max_length=200, required=True)
    text = v.text("text", text, max_length=10_000, required=True, multiline=True)
    v.raise_if_any()
    previous = (await ctx.session.exec(select(ConsentDefinition).where(ConsentDefinition.kind == kind))).all()
    if previous and any(p.scope != scope for p in previous):
        raise UserErrors.one(
            "scope", ErrorCode.INVALID, "Cette autorisation existe déjà avec une autre portée."
        )
    for p in previous:
        p.active = False
    row = ConsentDefinition(
        kind=kind,
        version=max((p.version for p in previous), default=0) + 1,
        scope=scope,
        title=title,
        text=text,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.cache.pop(("consent_definitions",), None)
    return row


async def audit_trail(
    ctx: RequestContext,
    household_id: uuid.UUID | None,
    child_id: uuid.UUID | None,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
) -> list[AuditEntry]:
    """Changes to records, newest first: a family reads its own; staff read any household's.

    ``after`` is the (at, id) of the last entry read: the page goes on from there (ties on ``at`` by id).
    """
    if child_id is not None:
        child, _ = await child_of(ctx, child_id)
        condition = col(AuditEntry.child_id) == child.id
    else:
        hid = await household_for(ctx, household_id)
        children = (
            await ctx.session.exec(select(HouseholdChild.child_id).where(HouseholdChild.household_id == hid))
        ).all()
        condition = (col(AuditEntry.household_id) == hid) | (
            col(AuditEntry.child_id).in_(children) if children else False
        )
    query = select(AuditEntry).where(condition)
    if after is not None:
        at, last_id = after
        query = query.where(
            (col(AuditEntry.at) < at) | ((col(AuditEntry.at) == at) & (col(AuditEntry.id) > last_id))
        )
    query = query.order_by(col(AuditEntry.at).desc(), col(AuditEntry.id)).limit(limit)
    return list((await ctx.session.exec(query)).all())


async def search_households(
    ctx: RequestContext, text: str, limit: int, after: tuple[str, uuid.UUID] | None
) -> list[Household]:
    """Staff: households by name, a guardian's name or e-mail; ordered by name, then id."""
    v = Validator()
    text = v.text("search", text, max_length=100)
    v.raise_if_any()
    query = select(Household)
    if text:
        pattern = f"%{text.lower()}%"
        matching_guardians = select(Guardian.household_id).where(
            func.lower(Guardian.first_name).like(pattern)
            | func.lower(Guardian.last_name).like(pattern)
            | func.lower(Guardian.email).like(pattern)
        )
        query = query.where(
            func.lower(Household.name).like(pattern) | col(Household.id).in_(matching_guardians)
        )
    if after is not None:
        name, last_id = after
        query = query.where(
            (col(Household.name) > name) | ((col(Household.name) == name) & (col(Household.id) > last_id))
        )
    query = query.order_by(col(Household.name), col(Household.id)).limit(limit)
    return list((await ctx.session.exec(query)).all())
