"""Output types of the records: "Mon foyer" (household, guardians, address, complementary information)
and "Mes enfants" (each child's sections), with their completeness as the use cases compute it, and
their mappers from rows and from the use cases' views."""

from __future__ import annotations

import datetime
import uuid

import strawberry

from portail.resolvers import booking_windows, offer, records, town_questions
from portail.resolvers.health_rows import ChildHealth, town_list_items
from portail.resolvers.rows import AuditEntry as AuditRow
from portail.resolvers.rows import AuthorizedPerson as ContactRow
from portail.resolvers.rows import Child as ChildRow
from portail.resolvers.rows import ConsentDefinition as DefinitionRow
from portail.resolvers.rows import Guardian as GuardianRow
from portail.resolvers.rows import Household as HouseholdRow
from portail.resolvers.rows import PendingChange as PendingRow
from portail.resolvers.rows import Vaccination as VaccinationRow
from portail.rules import fields
from portail.rules.markdown import render_markdown
from portail.schema.catalogue.types import Enrolment
from portail.schema.context import Info
from portail.schema.enums import member_or_none
from portail.schema.health.types import ChildInsurance, HealthListEntry, IllnessHad
from portail.schema.households.enums import (
    ChangeState,
    ClassLevel,
    Diet,
    FieldKind,
    FieldMode,
    RecordEntity,
    RecordSection,
    SectionState,
    Sex,
)
from portail.schema.ids import to_id
from portail.schema.town_questions.types import TownQuestionAnswer


@strawberry.type(description="A section's state, with what is missing and what waits for review.")
class SectionStatus:
    section: RecordSection = strawberry.field(description="The section.")
    state: SectionState = strawberry.field(description="Where it stands.")
    missing_fields: list[str] = strawberry.field(
        description="Required fields that are empty (GraphQL names)."
    )
    pending_fields: list[str] = strawberry.field(description="Fields whose change waits for staff review.")

    @classmethod
    def of(cls, status: records.SectionStatus) -> SectionStatus:
        return cls(
            section=RecordSection[status.section],
            state=SectionState[status.state],
            missing_fields=status.missing_fields,
            pending_fields=status.pending_fields,
        )


@strawberry.type(description="How long the family's confirmation of its records holds.")
class Certification:
    certified_at: datetime.datetime | None = strawberry.field(description="When the family last confirmed.")
    expires_at: datetime.datetime | None = strawberry.field(description="When it must confirm again.")
    needs_confirmation: bool = strawberry.field(description="True when never confirmed or expired.")

    @classmethod
    def of(cls, view: records.Certification) -> Certification:
        return cls(
            certified_at=view.certified_at,
            expires_at=view.expires_at,
            needs_confirmation=view.needs_confirmation,
        )


@strawberry.type(description='A postal address with the household phones ("Adresse de correspondance").')
class Address:
    number: str = strawberry.field(description='Street number, e.g. "15" or "15 bis".')
    street: str = strawberry.field(description='Street name, e.g. "Rue de la Surveillance".')
    complement: str = strawberry.field(description="Building, floor, P.O. box…")
    postcode: str = strawberry.field(description='Postcode, e.g. "60200" (checked for France).')
    insee_code: str | None = strawberry.field(
        description='The commune\'s INSEE code ("code officiel géographique"), e.g. "56243" for Séné, '
        '"2A004" in Corsica; null: not given. Where the town lists its INSEE codes it decides residence '
        "rather than the postcode, which neighbouring communes may share (`onlineBooking.resident`)."
    )
    city: str = strawberry.field(description='City, e.g. "COMPIEGNE".')
    country: str = strawberry.field(description='ISO 3166 country code, "FR" by default.')
    main_phone: str = strawberry.field(description='"Téléphone principal", E.164, or empty.')
    secondary_phone: str = strawberry.field(description='"Téléphone secondaire", E.164, or empty.')


@strawberry.type(description='"Informations complémentaires" of the household.')
class ComplementaryInfo:
    caf_number: str = strawberry.field(description="CAF/MSA beneficiary number (digits).")
    family_quotient: int | None = strawberry.field(description="Family quotient (euros), checked by staff.")
    quotient_from: datetime.date | None = strawberry.field(description="The date the quotient applies from.")
    insurance_company: str = strawberry.field(description="Insurance company.")
    insurance_policy: str = strawberry.field(description="Insurance policy number.")
    remarks: str = strawberry.field(description="Free remarks for the town.")


@strawberry.type(description='A guardian of the household: "Moi" or "Autre responsable".')
class Guardian:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    rank: int = strawberry.field(description="1 for the first guardian, 2 for the other.")
    civility: str = strawberry.field(description='"M." or "Mme", empty when not given.')
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    birth_date: datetime.date | None = strawberry.field(description="Birth date.")
    mobile_phone: str = strawberry.field(description="Mobile phone in E.164 (+33612345678), or empty.")
    home_phone: str = strawberry.field(description="Home phone, E.164, or empty.")
    email: str = strawberry.field(description="Contact e-mail address.")
    profession: str = strawberry.field(description="Profession.")
    employer: str = strawberry.field(description="Employer.")
    work_phone: str = strawberry.field(description="Work phone, E.164, or empty.")
    relationship: str = strawberry.field(description='Link to the children: "Mère", "Père", "Tuteur"…')
    _row: strawberry.Private[GuardianRow]

    @strawberry.field(
        description="The family's confirmation of this guardian's record: an edit by the family withdraws "
        "it, `confirmGuardianRecord` (or `confirmRecords` for all) gives it again."
    )
    async def certification(self, info: Info) -> Certification:
        ctx = info.context.app
        record = await records.load_full_record(ctx, self._row.household_id)
        return Certification.of(records.guardian_certification(ctx, record, self._row))

    @classmethod
    def from_row(cls, row: GuardianRow) -> Guardian:
        return cls(
            _row=row,
            id=to_id(row.id),
            rank=row.rank,
            civility=row.civility,
            first_name=row.first_name,
            last_name=row.last_name,
            birth_date=row.birth_date,
            mobile_phone=row.mobile_phone,
            home_phone=row.home_phone,
            email=row.email,
            profession=row.profession,
            employer=row.employer,
            work_phone=row.work_phone,
            relationship=row.relationship,
        )


@strawberry.type(description="A child's school and class.")
class Schooling:
    school: str = strawberry.field(description="School name.")
    class_level: ClassLevel | None = strawberry.field(description="Class, when given.")


@strawberry.type(description="A child's meals at the canteen.")
class Meals:
    diet: Diet | None = strawberry.field(
        description="The menu the canteen serves the child, when given: one per child, what the meal "
        "counts count (the health form's dietary needs, several, are `Child.diets`)."
    )
    food_allergies: str = strawberry.field(description="Food allergies, free text.")


@strawberry.type(description='A child\'s health information ("fiche sanitaire").')
class Health:
    doctor_name: str = strawberry.field(description="Family doctor.")
    doctor_phone: str = strawberry.field(description="Doctor's phone, E.164, or empty.")
    doctor_address: str = strawberry.field(description="Doctor's address, free text.")
    allergies: str = strawberry.field(description="Allergies (medicines, insects…), free text.")
    medical_notes: str = strawberry.field(description="Medical notes for the staff.")
    has_pai: bool = strawberry.field(description="Whether the child has a PAI (individual care plan).")


@strawberry.type(description="A vaccine a child received.")
class Vaccination:
    vaccine: str = strawberry.field(description='Vaccine as the family named it, e.g. "DTP".')
    vaccinated_on: datetime.date = strawberry.field(description="Date of the injection.")
    _vaccine_id: strawberry.Private[uuid.UUID | None]

    @strawberry.field(
        description="The vaccine of the town's list it matched (code or label); null: a vaccine not on "
        "the list, kept as written (it counts for no activity's required vaccines)."
    )
    async def vaccine_entry(self, info: Info) -> HealthListEntry | None:
        if self._vaccine_id is None:
            return None
        items = await town_list_items(info.context.app)
        found = next((i for i in items if i.id == self._vaccine_id), None)
        return HealthListEntry.from_row(found) if found else None

    @classmethod
    def from_row(cls, row: VaccinationRow) -> Vaccination:
        return cls(vaccine=row.vaccine, vaccinated_on=row.vaccinated_on, _vaccine_id=row.vaccine_id)


@strawberry.type(description="A person allowed to pick the child up, or to call in an emergency.")
class AuthorizedPerson:
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    relation: str = strawberry.field(description='Relation to the child, e.g. "Grand-mère".')
    mobile_phone: str = strawberry.field(description="Mobile phone, E.164.")
    other_phone: str = strawberry.field(description="Other phone, E.164, or empty.")
    may_pick_up: bool = strawberry.field(description="May pick the child up.")
    emergency_contact: bool = strawberry.field(description="To be called in an emergency.")

    @classmethod
    def from_row(cls, row: ContactRow) -> AuthorizedPerson:
        return cls(
            first_name=row.first_name,
            last_name=row.last_name,
            relation=row.relation,
            mobile_phone=row.mobile_phone,
            other_phone=row.other_phone,
            may_pick_up=row.may_pick_up,
            emergency_contact=row.emergency_contact,
        )


@strawberry.type(description="A consent the town asks for, in its current version.")
class ConsentDefinition:
    id: strawberry.ID = strawberry.field(description="Opaque id of this version.")
    kind: str = strawberry.field(description='Stable code, e.g. "IMAGE_RIGHTS".')
    version: int = strawberry.field(description="Version; a new one asks families again.")
    title: str = strawberry.field(description="Short title.")
    text: str = strawberry.field(description="The full text the family agrees to or not.")
    per_child: bool = strawberry.field(description="Asked for each child (else once per household).")

    @strawberry.field(
        description="`text` as safe HTML, read as Markdown (the same rendering and allow-list as "
        "`LegalPage.bodyHtml`): insert it as it is, e.g. the terms of use of \"Créer un compte\"."
    )
    def text_html(self) -> str:
        # Rendered only when asked: the records' consents show `text` as it is.
        return render_markdown(self.text)

    @classmethod
    def from_row(cls, row: DefinitionRow) -> ConsentDefinition:
        return cls(
            id=to_id(row.id),
            kind=row.kind,
            version=row.version,
            title=row.title,
            text=row.text,
            per_child=row.scope == "child",
        )


@strawberry.type(description="A consent and the family's answer to its current version.")
class ConsentAnswer:
    definition: ConsentDefinition = strawberry.field(description="The consent asked.")
    granted: bool | None = strawberry.field(
        description="The answer; null when not answered for this version."
    )
    decided_at: datetime.datetime | None = strawberry.field(description="When the family answered.")
    previous_answer: bool | None = strawberry.field(
        description="The answer to an earlier version, when the current one is not answered yet."
    )

    @classmethod
    def of(cls, answer: records.ConsentAnswer) -> ConsentAnswer:
        return cls(
            definition=ConsentDefinition.from_row(answer.definition),
            granted=answer.answer.granted if answer.answer else None,
            decided_at=answer.answer.decided_at if answer.answer else None,
            previous_answer=answer.previous.granted if answer.previous else None,
        )


@strawberry.type(description='A child of the household ("Mes enfants"), section by section.')
class Child:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    first_name: str = strawberry.field(description='First name, e.g. "Emma-Rose".')
    last_name: str = strawberry.field(description="Last name.")
    birth_date: datetime.date | None = strawberry.field(description="Birth date.")
    sex: Sex | None = strawberry.field(description="Sex, when given.")
    schooling: Schooling = strawberry.field(description="School and class.")
    meals: Meals = strawberry.field(description="Diet and food allergies.")
    health: Health = strawberry.field(description="Health information.")
    vaccinations: list[Vaccination] = strawberry.field(description="Vaccinations, oldest first.")
    authorized_persons: list[AuthorizedPerson] = strawberry.field(description="Authorised persons.")
    diets: list[HealthListEntry] = strawberry.field(
        description="The health form's dietary needs, from the town's list (several at once), in list "
        "order; set with `setChildDiets`. The one menu the canteen serves the child (what meal counts "
        "count) is `meals.diet`."
    )
    illnesses: list[IllnessHad] = strawberry.field(
        description="Illnesses of the town's list the child has had; set with `setChildIllnesses`."
    )
    insurance: ChildInsurance | None = strawberry.field(
        description="The child's insurance; null until given with `setChildInsurance`."
    )
    _row: strawberry.Private[ChildRow]
    _household_id: strawberry.Private[uuid.UUID]

    async def _full(self, info: Info) -> records.HouseholdRecord:
        return await records.load_full_record(info.context.app, self._household_id)

    @strawberry.field(description="The child's consents and the answers to their current versions.")
    async def authorisations(self, info: Info) -> list[ConsentAnswer]:
        return [ConsentAnswer.of(a) for a in records.consent_answers(await self._full(info), self._row.id)]

    @strawberry.field(description="Each section's state.")
    async def sections(self, info: Info) -> list[SectionStatus]:
        return [SectionStatus.of(s) for s in records.child_sections(await self._full(info), self._row)]

    @strawberry.field(
        description="The town's own questions asked of this child (those of every family, and those of the "
        "activities the child is enrolled in or asks to be), with the latest answers."
    )
    async def town_questions(self, info: Info) -> list[TownQuestionAnswer]:
        views = town_questions.question_answers(await self._full(info), self._row.id)
        return [TownQuestionAnswer.of(v) for v in views]

    @strawberry.field(
        description="The child also belongs to another household (separated parents): both see it."
    )
    async def shared_with_another_household(self, info: Info) -> bool:
        return records.shared_with_another_household(await self._full(info), self._row.id)

    @strawberry.field(
        description='The child\'s enrolments in services ("Inscription aux services"), in any state, newest '
        "first: which periods the child may book (ACCEPTED), waits for (PENDING) or was refused."
    )
    async def enrolments(self, info: Info) -> list[Enrolment]:
        views = await offer.child_enrolments(info.context.app, self._household_id, self._row.id)
        return [Enrolment.from_view(v) for v in views]

    @strawberry.field(description="The family's confirmation of this record.")
    async def certification(self, info: Info) -> Certification:
        ctx = info.context.app
        return Certification.of(records.child_certification(ctx, await self._full(info), self._row))

    @classmethod
    def of(cls, record: records.HouseholdRecord, row: ChildRow) -> Child:
        health = record.health.get(row.id) or ChildHealth()
        return cls(
            id=to_id(row.id),
            first_name=row.first_name,
            last_name=row.last_name,
            birth_date=row.birth_date,
            sex=member_or_none(Sex, row.sex),
            schooling=Schooling(school=row.school, class_level=member_or_none(ClassLevel, row.class_level)),
            meals=Meals(diet=member_or_none(Diet, row.diet), food_allergies=row.food_allergies),
            health=Health(
                doctor_name=row.doctor_name,
                doctor_phone=row.doctor_phone,
                doctor_address=row.doctor_address,
                allergies=row.allergies,
                medical_notes=row.medical_notes,
                has_pai=row.has_pai,
            ),
            vaccinations=[Vaccination.from_row(v) for v in record.vaccinations.get(row.id, [])],
            authorized_persons=[AuthorizedPerson.from_row(p) for p in record.contacts.get(row.id, [])],
            diets=[HealthListEntry.from_row(d) for d in health.diets],
            illnesses=[IllnessHad(illness=HealthListEntry.from_row(i), year=y) for i, y in health.illnesses],
            insurance=ChildInsurance.from_row(health.insurance) if health.insurance else None,
            _row=row,
            _household_id=record.household.id,
        )


@strawberry.type(description="A change to a checked field, waiting for (or after) staff review.")
class PendingChange:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    entity: RecordEntity = strawberry.field(description="The kind of record changed.")
    entity_id: strawberry.ID = strawberry.field(
        description="The record changed (household, guardian or child id)."
    )
    household_id: strawberry.ID = strawberry.field(description="The household it belongs to.")
    field: str = strawberry.field(description="The field (GraphQL name).")
    field_label: str = strawberry.field(description="The field's French label.")
    old_value: str = strawberry.field(description="Value before, as JSON text.")
    new_value: str = strawberry.field(description="Value asked for, as JSON text.")
    state: ChangeState = strawberry.field(description="Review state.")
    reason: str = strawberry.field(description="Why it was rejected (empty otherwise).")
    created_at: datetime.datetime = strawberry.field(description="When the family asked.")
    decided_at: datetime.datetime | None = strawberry.field(description="When staff decided.")

    @classmethod
    def from_row(cls, row: PendingRow) -> PendingChange:
        return cls(
            id=to_id(row.id),
            entity=RecordEntity[row.entity.upper()],
            entity_id=to_id(row.entity_id),
            household_id=to_id(row.household_id),
            field=row.field,
            field_label=records.field_label(row.entity, row.field),
            old_value=row.old_value,
            new_value=row.new_value,
            state=ChangeState[row.state.upper()],
            reason=row.reason,
            created_at=row.created_at,
            decided_at=row.decided_at,
        )


@strawberry.type(description="One change to a record: who, when, which field, before and after.")
class AuditEntry:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    entity: str = strawberry.field(
        description='What was changed: "household", "guardian", "child", "consent", "town_question" (an '
        "answer to a town question: `entityId` the question, `field` the version answered, e.g. \"v2\")."
    )
    entity_id: strawberry.ID = strawberry.field(description="The record changed.")
    child_id: strawberry.ID | None = strawberry.field(description="The child concerned, if any.")
    field: str = strawberry.field(description="The field (GraphQL name, or a consent's code and version).")
    before: str = strawberry.field(description="Value before, as text.")
    after: str = strawberry.field(description="Value after, as text.")
    author_id: strawberry.ID | None = strawberry.field(description="The account that made the change.")
    at: datetime.datetime = strawberry.field(description="When.")

    @classmethod
    def from_row(cls, row: AuditRow) -> AuditEntry:
        return cls(
            id=to_id(row.id),
            entity=row.entity,
            entity_id=to_id(row.entity_id),
            child_id=to_id(row.child_id) if row.child_id else None,
            field=row.field,
            before=row.before,
            after=row.after,
            author_id=to_id(row.author_id) if row.author_id else None,
            at=row.at,
        )


@strawberry.type(description='A household ("Mon foyer"): the family the town invoices, and its records.')
class Household:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description='Family name as the town files it, e.g. "TEST".')
    civility: str = strawberry.field(description='How mail is addressed, e.g. "M. et Mme".')
    awaiting_validation: bool = strawberry.field(
        description='The family registered itself and the town has not validated it yet ("en attente de '
        'validation"): the records may be filled in, but enrolments and bookings wait '
        "(`HOUSEHOLD_AWAITING_VALIDATION`)."
    )
    _id: strawberry.Private[uuid.UUID]

    async def _record(self, info: Info) -> records.HouseholdRecord:
        return await records.load_record(info.context.app, self._id)

    async def _full(self, info: Info) -> records.HouseholdRecord:
        return await records.load_full_record(info.context.app, self._id)

    @strawberry.field(description="Correspondence address and household phones.")
    async def address(self, info: Info) -> Address:
        h = (await self._record(info)).household
        return Address(
            number=h.address_number,
            street=h.address_street,
            complement=h.address_complement,
            postcode=h.postcode,
            insee_code=h.insee_code,
            city=h.city,
            country=h.country,
            main_phone=h.main_phone,
            secondary_phone=h.secondary_phone,
        )

    @strawberry.field(description='"Informations complémentaires".')
    async def complementary(self, info: Info) -> ComplementaryInfo:
        h = (await self._record(info)).household
        return ComplementaryInfo(
            caf_number=h.caf_number,
            family_quotient=h.family_quotient,
            quotient_from=h.quotient_from,
            insurance_company=h.insurance_company,
            insurance_policy=h.insurance_policy,
            remarks=h.remarks,
        )

    @strawberry.field(
        description="What decides the household's online bookings: whether it is resident (its address in "
        "the town: its INSEE code among the town's, or its postcode), the category staff gave it, and "
        "whether staff suspended its online bookings (with their reason: show it). Read-only for the family."
    )
    async def online_booking(self, info: Info) -> OnlineBooking:
        h = (await self._record(info)).household
        standing = booking_windows.standing_of(h, await booking_windows.town_residence(info.context.app))
        return OnlineBooking(
            resident=standing.resident,
            category=standing.category or None,
            suspension=BookingSuspension(reason=standing.suspension_reason, since=standing.suspended_at)
            if standing.suspended_at
            else None,
        )

    @strawberry.field(description="The guardians, first guardian first.")
    async def guardians(self, info: Info) -> list[Guardian]:
        return [Guardian.from_row(g) for g in (await self._record(info)).guardians]

    @strawberry.field(description='"MOI": the signed-in guardian (for staff: the first guardian).')
    async def me(self, info: Info) -> Guardian | None:
        me, _ = records.me_and_other(info.context.app, await self._record(info))
        return Guardian.from_row(me) if me else None

    @strawberry.field(description='"AUTRE RESPONSABLE", when there is one.')
    async def other_guardian(self, info: Info) -> Guardian | None:
        _, other = records.me_and_other(info.context.app, await self._record(info))
        return Guardian.from_row(other) if other else None

    @strawberry.field(description="The children, eldest first.")
    async def children(self, info: Info) -> list[Child]:
        record = await self._record(info)
        return [Child.of(record, c) for c in record.children]

    @strawberry.field(description='The state of each section of "Mon foyer".')
    async def sections(self, info: Info) -> list[SectionStatus]:
        return [
            SectionStatus.of(s) for s in records.household_sections(info.context.app, await self._full(info))
        ]

    @strawberry.field(description="Consents asked once per household, with the answers.")
    async def consents(self, info: Info) -> list[ConsentAnswer]:
        return [ConsentAnswer.of(a) for a in records.consent_answers(await self._full(info), None)]

    @strawberry.field(
        description="The town's own questions asked once per household (those of every family, and those of "
        "the activities a child is enrolled in or asks to be), with the latest answers."
    )
    async def town_questions(self, info: Info) -> list[TownQuestionAnswer]:
        views = town_questions.question_answers(await self._full(info), None)
        return [TownQuestionAnswer.of(v) for v in views]

    @strawberry.field(description="The family's confirmation of its records.")
    async def certification(self, info: Info) -> Certification:
        ctx = info.context.app
        return Certification.of(records.household_certification(ctx, await self._full(info)))

    @strawberry.field(description="Changes to checked fields waiting for staff review.")
    async def pending_changes(self, info: Info) -> list[PendingChange]:
        return [PendingChange.from_row(p) for p in (await self._full(info)).extras.pending]

    @strawberry.field(
        description="Changes staff approved or rejected in the last 90 days, newest first (with the reason)."
    )
    async def reviewed_changes(self, info: Info) -> list[PendingChange]:
        return [PendingChange.from_row(p) for p in (await self._full(info)).extras.decided]

    @classmethod
    def from_row(cls, row: HouseholdRow) -> Household:
        return cls(
            id=to_id(row.id),
            name=row.name,
            civility=row.civility,
            awaiting_validation=row.awaiting_validation_since is not None,
            _id=row.id,
        )


@strawberry.type(description="Staff suspended the household's online bookings.")
class BookingSuspension:
    reason: str = strawberry.field(description="Why, in staff's words (the family reads it).")
    since: datetime.datetime = strawberry.field(description="Since when.")


@strawberry.type(description="What decides a household's online bookings (`Household.onlineBooking`).")
class OnlineBooking:
    resident: bool = strawberry.field(
        description="Its address lies in the town: its INSEE code is one of `Town.residentInseeCodes`, or, "
        "without an INSEE code on either side, its postcode one of `Town.residentPostcodes`. Periods may "
        "open to residents first."
    )
    category: str | None = strawberry.field(
        description='The category staff gave it (e.g. "AGENTS"), which may open periods to it earlier or '
        "only to it; null: none."
    )
    suspension: BookingSuspension | None = strawberry.field(
        description="Set while staff suspend its online bookings (every line is then `BOOKING_SUSPENDED`)."
    )


@strawberry.type(description="A section of the records that still needs the family.")
class ToComplete:
    section: RecordSection = strawberry.field(description="The section to complete.")
    child_id: strawberry.ID | None = strawberry.field(
        description="The child concerned, for a child's section."
    )
    missing_fields: list[str] = strawberry.field(
        description="Required fields still empty (GraphQL names or codes)."
    )
    guardian_id: strawberry.ID | None = strawberry.field(
        description="The guardian concerned, for a guardian's record to confirm again (section CONFIRMATION, "
        "missing field ME or OTHER_GUARDIAN): the id `confirmGuardianRecord` takes."
    )
    label: str = strawberry.field(
        description='What the screens call it, in French: "Mon foyer > Moi", "Emma-Rose > Santé".'
    )

    @classmethod
    def of(cls, item: records.ToComplete) -> ToComplete:
        return cls(
            section=RecordSection[item.section],
            child_id=to_id(item.child_id) if item.child_id else None,
            missing_fields=item.missing_fields,
            guardian_id=to_id(item.guardian_id) if item.guardian_id else None,
            label=item.label,
        )


_KINDS = {
    "text": "TEXT",
    "phone": "PHONE",
    "email": "EMAIL",
    "date": "DATE",
    "date_past": "DATE",
    "postcode": "POSTCODE",
    "insee": "INSEE_CODE",
    "country": "COUNTRY",
    "caf": "DIGITS",
    "int": "NUMBER",
    "bool": "YES_NO",
    "choice": "CHOICE",
}


@strawberry.type(description="A value a choice field takes, with its words on a form.")
class FieldChoice:
    value: str = strawberry.field(description='What the input takes, e.g. "VEGETARIAN" or "Mme".')
    label: str = strawberry.field(description='What a form shows, e.g. "Végétarien".')


@strawberry.type(description="A field of the records and what the town decided for it.")
class RecordField:
    entity: RecordEntity = strawberry.field(description="The kind of record.")
    field: str = strawberry.field(description="The field's GraphQL name.")
    label: str = strawberry.field(description="Its French label, for forms.")
    section: str = strawberry.field(description="The section it belongs to.")
    mode: FieldMode = strawberry.field(description="Hidden, read-only, editable or required.")
    needs_review: bool = strawberry.field(description="A family's change waits for staff approval.")
    kind: FieldKind = strawberry.field(description="What it holds: the input a form shows for it.")
    max_length: int = strawberry.field(description="Longest text accepted, in characters.")
    choices: list[FieldChoice] = strawberry.field(
        description="For a CHOICE: the values it takes, in order, with their words; empty otherwise."
    )

    @classmethod
    def of(cls, view: records.FieldView) -> RecordField:
        kind = "LONG_TEXT" if view.multiline else _KINDS[view.kind]
        return cls(
            entity=RecordEntity[view.entity.upper()],
            field=view.field,
            label=view.label,
            section=view.section,
            mode=FieldMode[view.mode.upper()],
            needs_review=view.needs_review,
            kind=FieldKind[kind],
            max_length=view.max_length,
            choices=[FieldChoice(value=c, label=fields.choice_label(c)) for c in view.choices],
        )
