"""The enums of the households domain."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="A section of the records, as the screens group fields.")
class RecordSection(Enum):
    ME = strawberry.enum_value("ME", description='"Mon foyer" > "MOI": the signed-in guardian.')
    OTHER_GUARDIAN = strawberry.enum_value("OTHER_GUARDIAN", description='"Mon foyer" > "AUTRE RESPONSABLE".')
    ADDRESS = strawberry.enum_value(
        "ADDRESS",
        description='"Mon foyer" > "ADRESSE DE CORRESPONDANCE" (with the household phones).',
    )
    COMPLEMENTARY = strawberry.enum_value(
        "COMPLEMENTARY",
        description='"Mon foyer" > "INFORMATIONS COMPLÉMENTAIRES" (CAF, quotient, insurance).',
    )
    IDENTITY = strawberry.enum_value("IDENTITY", description="A child's identity.")
    SCHOOLING = strawberry.enum_value("SCHOOLING", description="A child's school and class.")
    MEALS = strawberry.enum_value("MEALS", description="A child's diet and food allergies.")
    HEALTH = strawberry.enum_value(
        "HEALTH",
        description="A child's doctor, allergies, medical notes and PAI.",
    )
    VACCINATIONS = strawberry.enum_value("VACCINATIONS", description="A child's vaccinations.")
    AUTHORIZED_PERSONS = strawberry.enum_value(
        "AUTHORIZED_PERSONS",
        description="Who may pick the child up or be called in an emergency.",
    )
    AUTHORISATIONS = strawberry.enum_value(
        "AUTHORISATIONS",
        description="A child's consents (image rights, emergency care, leaving alone, outings).",
    )
    HOUSEHOLD_CONSENTS = strawberry.enum_value(
        "HOUSEHOLD_CONSENTS",
        description="Consents asked once per household (e.g. a service's rules).",
    )
    QUESTIONS = strawberry.enum_value(
        "QUESTIONS",
        description="A child's answers to the town's own questions (listed only when the town asks the "
        "child some; `missingFields`: the ids of the required ones not answered in their current wording).",
    )
    HOUSEHOLD_QUESTIONS = strawberry.enum_value(
        "HOUSEHOLD_QUESTIONS",
        description="The town's own questions asked once per household (`missingFields`: the ids of the "
        "required ones not answered in their current wording).",
    )
    CONFIRMATION = strawberry.enum_value(
        "CONFIRMATION",
        description="The family must confirm its records are accurate (never done, or expired).",
    )


@strawberry.enum(description="Where a section stands.")
class SectionState(Enum):
    COMPLETE = strawberry.enum_value(
        "COMPLETE",
        description="Every required field is filled in and nothing waits for review.",
    )
    TO_COMPLETE = strawberry.enum_value(
        "TO_COMPLETE",
        description="Required fields are empty (see `missingFields`).",
    )
    AWAITING_REVIEW = strawberry.enum_value(
        "AWAITING_REVIEW",
        description="Changes to checked fields wait for staff (see `pendingFields`).",
    )


@strawberry.enum(description="A child's sex.")
class Sex(Enum):
    F = strawberry.enum_value("F", description="Girl.")
    M = strawberry.enum_value("M", description="Boy.")


@strawberry.enum(description="A child's diet at the canteen.")
class Diet(Enum):
    NONE = strawberry.enum_value("NONE", description="No particular diet.")
    NO_PORK = strawberry.enum_value("NO_PORK", description="Without pork.")
    VEGETARIAN = strawberry.enum_value("VEGETARIAN", description="Vegetarian.")
    NO_MEAT = strawberry.enum_value("NO_MEAT", description="No meat.")


@strawberry.enum(description="A child's class (French school levels).")
class ClassLevel(Enum):
    TPS = strawberry.enum_value("TPS", description="Class TPS.")
    PS = strawberry.enum_value("PS", description="Class PS.")
    MS = strawberry.enum_value("MS", description="Class MS.")
    GS = strawberry.enum_value("GS", description="Class GS.")
    CP = strawberry.enum_value("CP", description="Class CP.")
    CE1 = strawberry.enum_value("CE1", description="Class CE1.")
    CE2 = strawberry.enum_value("CE2", description="Class CE2.")
    CM1 = strawberry.enum_value("CM1", description="Class CM1.")
    CM2 = strawberry.enum_value("CM2", description="Class CM2.")
    SIXIEME = strawberry.enum_value("SIXIEME", description="Class SIXIEME.")
    CINQUIEME = strawberry.enum_value("CINQUIEME", description="Class CINQUIEME.")
    QUATRIEME = strawberry.enum_value("QUATRIEME", description="Class QUATRIEME.")
    TROISIEME = strawberry.enum_value("TROISIEME", description="Class TROISIEME.")


@strawberry.enum(description="What the town lets families do with a field.")
class FieldMode(Enum):
    HIDDEN = strawberry.enum_value("HIDDEN", description="Not shown to families.")
    READ_ONLY = strawberry.enum_value("READ_ONLY", description="Shown, not editable by families.")
    EDITABLE = strawberry.enum_value("EDITABLE", description="Editable, may stay empty.")
    REQUIRED = strawberry.enum_value(
        "REQUIRED",
        description="Editable and required for the section to be complete.",
    )


@strawberry.enum(description="What a field holds: the input a form shows for it.")
class FieldKind(Enum):
    TEXT = strawberry.enum_value("TEXT", description="One line of text (`maxLength` characters at most).")
    LONG_TEXT = strawberry.enum_value("LONG_TEXT", description="Free text on several lines.")
    PHONE = strawberry.enum_value(
        "PHONE", description="A phone number, French or international; read back in E.164."
    )
    EMAIL = strawberry.enum_value("EMAIL", description="An e-mail address.")
    DATE = strawberry.enum_value("DATE", description="A date (a birth date is not in the future).")
    POSTCODE = strawberry.enum_value("POSTCODE", description="A postcode: five digits in France.")
    INSEE_CODE = strawberry.enum_value(
        "INSEE_CODE",
        description="A commune's INSEE code: five characters, digits (2A or 2B then three digits in "
        "Corsica).",
    )
    COUNTRY = strawberry.enum_value("COUNTRY", description='An ISO 3166 country code, e.g. "FR".')
    DIGITS = strawberry.enum_value("DIGITS", description="Digits only, e.g. a CAF number.")
    NUMBER = strawberry.enum_value("NUMBER", description="A whole number, e.g. the family quotient.")
    YES_NO = strawberry.enum_value("YES_NO", description="Yes or no (a checkbox).")
    CHOICE = strawberry.enum_value("CHOICE", description="One of `choices`.")


@strawberry.enum(description="A kind of record.")
class RecordEntity(Enum):
    HOUSEHOLD = strawberry.enum_value(
        "HOUSEHOLD",
        description="The household (address, complementary information).",
    )
    GUARDIAN = strawberry.enum_value("GUARDIAN", description="A guardian.")
    CHILD = strawberry.enum_value("CHILD", description="A child.")
    CONTACT = strawberry.enum_value("CONTACT", description="An authorised person of a child.")


@strawberry.enum(description="The review of a change to a checked field.")
class ChangeState(Enum):
    PENDING = strawberry.enum_value("PENDING", description="Waiting for staff.")
    APPROVED = strawberry.enum_value("APPROVED", description="Applied.")
    REJECTED = strawberry.enum_value("REJECTED", description="Refused, with a reason.")
