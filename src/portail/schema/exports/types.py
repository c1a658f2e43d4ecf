"""The exports' rows, pages and links, as GraphQL types: plain fields, no resolvers (pages are lean)."""

from __future__ import annotations

import datetime
from enum import Enum

import strawberry

from portail.resolvers.exports.accounting import Entry
from portail.resolvers.exports.attendance import AttendanceRow
from portail.resolvers.exports.bookings import BookingRow
from portail.resolvers.exports.enrolments import EnrolmentRow
from portail.resolvers.exports.households import GuardianCell, HouseholdRow, TownAnswerCell
from portail.resolvers.exports.meals import MealCount as MealCountRow
from portail.rules.invoices import method_label
from portail.rules.pricing import format_amount
from portail.schema.ids import to_id
from portail.schema.pagination import Connection


@strawberry.enum(description="Which export a CSV link is for.")
class ExportKind(Enum):
    ATTENDANCE = strawberry.enum_value("ATTENDANCE", description="A day's attendance list of an activity.")
    MEAL_COUNTS = strawberry.enum_value("MEAL_COUNTS", description="Meal counts per school, day and diet.")
    BOOKINGS = strawberry.enum_value("BOOKINGS", description="The bookings over a date range.")
    ENROLMENTS = strawberry.enum_value("ENROLMENTS", description="The enrolments (of one period, or all).")
    ACCOUNTING = strawberry.enum_value(
        "ACCOUNTING", description="Invoices, credit notes and payments over a date range."
    )
    HOUSEHOLDS = strawberry.enum_value(
        "HOUSEHOLDS", description="Every household with its guardians, address and what its records lack."
    )


@strawberry.type(
    description="Staff: a child expected on the day, in one unit (a line of the attendance CSV)."
)
class AttendanceExportRow:
    booking_id: strawberry.ID = strawberry.field(description="The booking.")
    unit_name: str = strawberry.field(description="The unit.")
    last_name: str = strawberry.field(description="The child's last name.")
    first_name: str = strawberry.field(description="The child's first name.")
    class_level: str = strawberry.field(description="Class level (empty: not given).")
    school: str = strawberry.field(description="School (empty: not given).")
    state_label: str = strawberry.field(
        description="The booking's state in French (acceptée, demande d'annulation)."
    )
    diet_label: str = strawberry.field(description="The diet in French (empty: not given).")
    food_allergies: str = strawberry.field(description="Food allergies.")
    allergies: str = strawberry.field(description="Other allergies.")
    has_pai: bool = strawberry.field(
        description="Whether the child has a PAI (projet d'accueil individualisé)."
    )
    household_name: str = strawberry.field(description="The household whose booking it is.")
    authorised_persons: list[str] = strawberry.field(
        description='Who may pick the child up, each "Prénom NOM (relation) téléphone".'
    )

    @classmethod
    def of(cls, r: AttendanceRow) -> AttendanceExportRow:
        return cls(
            booking_id=to_id(r.booking_id),
            unit_name=r.unit_name,
            last_name=r.last_name,
            first_name=r.first_name,
            class_level=r.class_level,
            school=r.school,
            state_label=r.state_label,
            diet_label=r.diet_label,
            food_allergies=r.food_allergies,
            allergies=r.allergies,
            has_pai=r.has_pai,
            household_name=r.household_name,
            authorised_persons=r.authorised,
        )


@strawberry.type(description="Staff: a page of a day's attendance list, by unit then name.")
class AttendanceExportConnection(Connection[AttendanceExportRow]):
    pass


@strawberry.type(description="Staff: the meals to cook for one school on one day with one diet.")
class MealCount:
    date: datetime.date = strawberry.field(description="The day.")
    school: str = strawberry.field(description="The children's school (as their records give it).")
    diet: str = strawberry.field(description="The diet's code (NONE, NO_PORK, VEGETARIAN, NO_MEAT).")
    diet_label: str = strawberry.field(description="The diet in French.")
    count: int = strawberry.field(description="Children expected (coming bookings).")

    @classmethod
    def of(cls, r: MealCountRow) -> MealCount:
        return cls(date=r.day, school=r.school, diet=r.diet, diet_label=r.diet_label, count=r.count)


@strawberry.type(description="Staff: a booking of the export over a date range.")
class BookingExportRow:
    id: strawberry.ID = strawberry.field(description="The booking.")
    date: datetime.date = strawberry.field(description="The day.")
    path: str = strawberry.field(description='"Établissement > Accueil > Période".')
    unit_name: str = strawberry.field(description="The unit.")
    last_name: str = strawberry.field(description="The child's last name.")
    first_name: str = strawberry.field(description="The child's first name.")
    household_name: str = strawberry.field(description="The household whose booking it is.")
    state_label: str = strawberry.field(description="The state in the legend's words.")
    price: int = strawberry.field(description="The price in cents.")
    price_text: str = strawberry.field(description='The price in French, e.g. "7,70 €".')
    booked_late: bool = strawberry.field(description="Booked past the deadline (hors délai).")

    @classmethod
    def of(cls, r: BookingRow) -> BookingExportRow:
        return cls(
            id=to_id(r.id),
            date=r.day,
            path=r.path,
            unit_name=r.unit_name,
            last_name=r.last_name,
            first_name=r.first_name,
            household_name=r.household_name,
            state_label=r.state_label,
            price=r.price,
            price_text=format_amount(r.price),
            booked_late=r.booked_late,
        )


@strawberry.type(description="Staff: a page of bookings, by day.")
class BookingExportConnection(Connection[BookingExportRow]):
    pass


@strawberry.type(description="Staff: an enrolment of the export.")
class EnrolmentExportRow:
    id: strawberry.ID = strawberry.field(description="The enrolment.")
    path: str = strawberry.field(description='"Établissement > Accueil > Période".')
    last_name: str = strawberry.field(description="The child's last name.")
    first_name: str = strawberry.field(description="The child's first name.")
    birth_date: datetime.date | None = strawberry.field(description="The child's birth date.")
    class_level: str = strawberry.field(description="Class level.")
    school: str = strawberry.field(description="School.")
    household_name: str = strawberry.field(description="The household that enrolled the child.")
    state_label: str = strawberry.field(description="The enrolment's state in French.")
    group_name: str = strawberry.field(description='The group of the activity ("Maternelles"); empty: none.')
    requested_at: datetime.datetime = strawberry.field(description="When it was asked for.")

    @classmethod
    def of(cls, r: EnrolmentRow) -> EnrolmentExportRow:
        return cls(
            id=to_id(r.id),
            path=r.path,
            last_name=r.last_name,
            first_name=r.first_name,
            birth_date=r.birth_date,
            class_level=r.class_level,
            school=r.school,
            household_name=r.household_name,
            state_label=r.state_label,
            group_name=r.group_name,
            requested_at=r.created_at,
        )


@strawberry.type(description="Staff: a page of enrolments, oldest first.")
class EnrolmentExportConnection(Connection[EnrolmentExportRow]):
    pass


@strawberry.type(description="Staff: an accounting entry: an invoice, a credit note or a payment received.")
class AccountingEntry:
    id: strawberry.ID = strawberry.field(description="The invoice's or the payment's id.")
    kind_label: str = strawberry.field(description='"Facture", "Avoir" or "Règlement".')
    at: datetime.datetime = strawberry.field(description="When it was issued, or paid.")
    number: str = strawberry.field(description="The invoice's number as printed, or the payment's reference.")
    regie_name: str = strawberry.field(description="The regie.")
    household_name: str = strawberry.field(description="The household.")
    amount: int = strawberry.field(description="In cents (a credit note's is negative).")
    amount_text: str = strawberry.field(description='In French, e.g. "12,40 €".')
    method_label: str = strawberry.field(description="A payment's method in French (empty for invoices).")

    @classmethod
    def of(cls, e: Entry) -> AccountingEntry:
        return cls(
            id=to_id(e.id),
            kind_label=e.kind_label,
            at=e.at,
            number=e.number,
            regie_name=e.regie_name,
            household_name=e.household_name,
            amount=e.amount,
            amount_text=format_amount(e.amount),
            method_label=method_label(e.method) if e.method else "",
        )


@strawberry.type(description="Staff: a page of accounting entries: invoices and credit notes, then payments.")
class AccountingEntryConnection(Connection[AccountingEntry]):
    pass


@strawberry.type(description="Staff: a guardian of a household, as the households export shows one.")
class HouseholdExportGuardian:
    name: str = strawberry.field(description='"Prénom NOM" (empty parts left out).')
    email: str = strawberry.field(description="The guardian's e-mail (empty: not given).")

    @classmethod
    def of(cls, g: GuardianCell) -> HouseholdExportGuardian:
        return cls(name=g.name, email=g.email)


@strawberry.type(
    description="Staff: a household and the completeness of its records (a line of the households CSV)."
)
class HouseholdExportRow:
    id: strawberry.ID = strawberry.field(description="The household.")
    name: str = strawberry.field(description="The household's name.")
    guardians: list[HouseholdExportGuardian] = strawberry.field(
        description="Its guardians, guardian 1 first (none, one or two)."
    )
    address: str = strawberry.field(description="Number, street and complement, on one line.")
    postcode: str = strawberry.field(description="Postcode.")
    city: str = strawberry.field(description="City.")
    insee_code: str | None = strawberry.field(
        description="The commune's INSEE code, when the family gave it (null: not given)."
    )
    main_phone: str = strawberry.field(description='The main phone as French readers write it ("02 97 …").')
    children_count: int = strawberry.field(description="How many children the household has.")
    family_quotient: int | None = strawberry.field(description="The family quotient (null: not given).")
    to_complete_count: int = strawberry.field(
        description="How many sections of the household's and its children's records are still to "
        "complete (what `viewer.toComplete` lists for the family, the confirmation aside)."
    )
    to_complete: list[str] = strawberry.field(
        description='Those sections in French, household first, e.g. "Foyer > Adresse", "Emma-Rose > Santé".'
    )
    certified_at: datetime.datetime | None = strawberry.field(
        description="When the family last confirmed its records (null: never)."
    )
    certification_expired: bool = strawberry.field(
        description="Whether the family must confirm its records again: never confirmed, or the "
        "town's number of months has passed."
    )
    pending_change_count: int = strawberry.field(
        description="Changes the family made that wait for staff review."
    )
    town_answers: list[HouseholdExportTownAnswer] = strawberry.field(
        description="The answers to the town's own questions, the household's then each child's, in the "
        'questions\' order (the CSV: one column, "Question : réponse" separated by " ; ").'
    )

    @classmethod
    def of(cls, r: HouseholdRow) -> HouseholdExportRow:
        return cls(
            id=to_id(r.id),
            name=r.name,
            guardians=[HouseholdExportGuardian.of(g) for g in r.guardians],
            address=r.address,
            postcode=r.postcode,
            city=r.city,
            insee_code=r.insee_code,
            main_phone=r.main_phone,
            children_count=r.children_count,
            family_quotient=r.family_quotient,
            to_complete_count=len(r.to_complete),
            to_complete=r.to_complete,
            certified_at=r.certified_at,
            certification_expired=r.certification_expired,
            pending_change_count=r.pending_changes,
            town_answers=[HouseholdExportTownAnswer.of(a) for a in r.town_answers],
        )


@strawberry.type(description="An answer to one of the town's own questions, in the households' export.")
class HouseholdExportTownAnswer:
    question_id: strawberry.ID = strawberry.field(description="The question (`townQuestions`).")
    child_id: strawberry.ID | None = strawberry.field(description="The child, for a child's question.")
    child_first_name: str = strawberry.field(description="The child's first name (empty: the household).")
    label: str = strawberry.field(description="The question as it reads now.")
    value: str = strawberry.field(
        description='The answer as French readers write it ("oui", "12,5", "31/12/2024"); empty: no answer '
        "to an optional question."
    )
    up_to_date: bool = strawberry.field(description="It answers the question's current wording.")

    @classmethod
    def of(cls, a: TownAnswerCell) -> HouseholdExportTownAnswer:
        return cls(
            question_id=to_id(a.question_id),
            child_id=to_id(a.child_id) if a.child_id else None,
            child_first_name=a.child_first_name,
            label=a.label,
            value=a.value,
            up_to_date=a.up_to_date,
        )


@strawberry.type(description="Staff: a page of households, by name.")
class HouseholdExportConnection(Connection[HouseholdExportRow]):
    pass


@strawberry.type(description="A signed, short-lived link to an export's CSV file.")
class ExportLink:
    url: str = strawberry.field(
        description="GET it for the CSV (UTF-8 with BOM, `;` separator, decimal comma, dd/mm/yyyy dates), "
        "streamed; only for the staff account that asked, until `expiresAt`."
    )
    expires_at: datetime.datetime = strawberry.field(description="When the link stops working.")
    filename: str = strawberry.field(
        description='The file name, e.g. "reservations-2026-12-01-2026-12-31.csv".'
    )
