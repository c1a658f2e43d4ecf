"""Input types of the records, and their conversion into the use cases' plain data: one section at a
time, under the fields' GraphQL names."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.utils.str_converters import to_snake_case

from portail.resolvers import records
from portail.rules import fields
from portail.schema.households.enums import ClassLevel, Diet, Sex
from portail.schema.partial import optional


@strawberry.input(description='"MOI" or "AUTRE RESPONSABLE": omitted fields stay as they are.')
class GuardianInput:
    civility: str | None = optional('"M." or "Mme".')
    first_name: str | None = optional("First name.")
    last_name: str | None = optional("Last name.")
    birth_date: datetime.date | None = optional("Birth date (not in the future); null clears it.")
    mobile_phone: str | None = optional("Mobile phone (French or international).")
    home_phone: str | None = optional("Home phone.")
    email: str | None = optional("Contact e-mail (the sign-in address is changed in `updateProfile`).")
    profession: str | None = optional("Profession.")
    employer: str | None = optional("Employer.")
    work_phone: str | None = optional("Work phone.")
    relationship: str | None = optional(
        'Link to the children: "Mère", "Père", "Tuteur", "Tutrice", "Beau-parent", "Grand-parent" or "Autre".'
    )


@strawberry.input(description='"ADRESSE DE CORRESPONDANCE": omitted fields stay as they are.')
class AddressInput:
    number: str | None = optional('Street number, e.g. "15".')
    street: str | None = optional("Street.")
    complement: str | None = optional("Complement.")
    postcode: str | None = optional("Postcode (five digits for France).")
    insee_code: str | None = optional(
        'The commune\'s INSEE code (five characters, e.g. "56243"; 2A/2B for Corsica); "" clears it. '
        "Where the town lists its INSEE codes, it decides residence rather than the postcode."
    )
    city: str | None = optional("City.")
    country: str | None = optional('ISO country code, "FR" by default; abroad the postcode is free.')
    main_phone: str | None = optional('"Téléphone principal".')
    secondary_phone: str | None = optional('"Téléphone secondaire".')


@strawberry.input(description='"INFORMATIONS COMPLÉMENTAIRES": omitted fields stay as they are.')
class ComplementaryInput:
    caf_number: str | None = optional("CAF/MSA beneficiary number (digits).")
    family_quotient: int | None = optional("Family quotient in euros (checked by staff before it applies).")
    quotient_from: datetime.date | None = optional("Date the quotient applies from.")
    insurance_company: str | None = optional("Insurance company.")
    insurance_policy: str | None = optional("Insurance policy number.")
    remarks: str | None = optional("Free remarks.")


@strawberry.input(
    one_of=True, description='Exactly one section of "Mon foyer" to edit ("Crayon", then "VALIDER").'
)
class UpdateHouseholdInput:
    me: GuardianInput | None = optional('"MOI".')
    other_guardian: GuardianInput | None = optional('"AUTRE RESPONSABLE" (created if there is none).')
    address: AddressInput | None = optional('"ADRESSE DE CORRESPONDANCE".')
    complementary: ComplementaryInput | None = optional('"INFORMATIONS COMPLÉMENTAIRES".')


@strawberry.input(description="A child's identity.")
class ChildIdentityInput:
    first_name: str | None = optional("First name.")
    last_name: str | None = optional("Last name.")
    birth_date: datetime.date | None = optional("Birth date (not in the future).")
    sex: Sex | None = optional("Sex.")


@strawberry.input(description="A child's schooling.")
class SchoolingInput:
    school: str | None = optional("School.")
    class_level: ClassLevel | None = optional("Class.")


@strawberry.input(description="A child's meals.")
class MealsInput:
    diet: Diet | None = optional("The canteen's menu for the child (`Child.diets` lists dietary needs).")
    food_allergies: str | None = optional("Food allergies.")


@strawberry.input(description="A child's health information.")
class HealthInput:
    doctor_name: str | None = optional("Family doctor.")
    doctor_phone: str | None = optional("Doctor's phone.")
    doctor_address: str | None = optional("Doctor's address (line breaks kept).")
    allergies: str | None = optional("Allergies.")
    medical_notes: str | None = optional("Medical notes.")
    has_pai: bool | None = optional(
        "Whether the child has a PAI (send the PAI document with `uploadDocument`)."
    )


@strawberry.input(description="A vaccination.")
class VaccinationInput:
    vaccine: str = strawberry.field(description='Vaccine, e.g. "DTP".')
    vaccinated_on: datetime.date = strawberry.field(description="Date of the injection.")


@strawberry.input(description="An authorised person.")
class AuthorizedPersonInput:
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    mobile_phone: str = strawberry.field(description="Mobile phone.")
    relation: str = strawberry.field(default="", description='Relation to the child, e.g. "Grand-mère".')
    other_phone: str = strawberry.field(default="", description="Other phone.")
    may_pick_up: bool = strawberry.field(default=False, description="May pick the child up.")
    emergency_contact: bool = strawberry.field(default=False, description="To be called in an emergency.")


@strawberry.input(one_of=True, description="Exactly one section of a child's record to edit.")
class UpdateChildInput:
    identity: ChildIdentityInput | None = optional("Identity.")
    schooling: SchoolingInput | None = optional("Schooling.")
    meals: MealsInput | None = optional("Meals.")
    health: HealthInput | None = optional("Health.")
    vaccinations: list[VaccinationInput] | None = optional("The whole list of vaccinations.")
    authorized_persons: list[AuthorizedPersonInput] | None = optional("The whole list of authorised persons.")


@strawberry.input(description="An answer to a consent's current version.")
class ConsentAnswerInput:
    definition_id: strawberry.ID = strawberry.field(
        description="`ConsentDefinition.id` (the current version)."
    )
    granted: bool = strawberry.field(description="Yes or no.")


def section_values(entity: str, section: str | None, data: Any) -> dict[str, Any]:
    """The fields an input actually carries (UNSET ones are left out), under GraphQL names; a null
    reads as empty (the use case clears the field), but on a date or a number where it stays null."""
    values = {}
    for spec in fields.fields_of(entity, section):
        value = getattr(data, to_snake_case(spec.name), strawberry.UNSET)
        if value is strawberry.UNSET:
            continue
        values[spec.name] = value.value if isinstance(value, Enum) else value
        if values[spec.name] is None and spec.kind not in ("date", "date_past", "int"):
            values[spec.name] = ""
    return values


def _sent(value: Any) -> bool:
    return value is not strawberry.UNSET and value is not None


def household_section(input: UpdateHouseholdInput) -> tuple[str, dict[str, Any]]:
    """The section of "Mon foyer" ``input`` edits (exactly one, GraphQL's `@oneOf` checked it) and its
    fields."""
    if _sent(input.me):
        return "ME", section_values("guardian", None, input.me)
    if _sent(input.other_guardian):
        return "OTHER_GUARDIAN", section_values("guardian", None, input.other_guardian)
    if _sent(input.address):
        return "ADDRESS", section_values("household", "ADDRESS", input.address)
    return "COMPLEMENTARY", section_values("household", "COMPLEMENTARY", input.complementary)


def child_edit(input: UpdateChildInput) -> records.ChildEdit:
    """The section of a child's record ``input`` edits (exactly one, checked by `@oneOf`)."""
    for section, data in (
        ("IDENTITY", input.identity),
        ("SCHOOLING", input.schooling),
        ("MEALS", input.meals),
        ("HEALTH", input.health),
    ):
        if _sent(data):
            return records.ChildEdit(section, values=section_values("child", section, data))
    if _sent(input.vaccinations):
        vaccinations = [records.VaccinationData(v.vaccine, v.vaccinated_on) for v in input.vaccinations or []]
        return records.ChildEdit(records.VACCINATIONS, vaccinations=vaccinations)
    persons = input.authorized_persons if _sent(input.authorized_persons) else []
    contacts = [
        {
            "firstName": p.first_name,
            "lastName": p.last_name,
            "relation": p.relation,
            "mobilePhone": p.mobile_phone,
            "otherPhone": p.other_phone,
            "mayPickUp": p.may_pick_up,
            "emergencyContact": p.emergency_contact,
        }
        for p in persons or []
    ]
    return records.ChildEdit(records.AUTHORIZED_PERSONS, contacts=contacts)
