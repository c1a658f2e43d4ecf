"""The fields of the records, their sections, and what the town may decide about each.

A field is named as in GraphQL. The town overrides a field's ``mode`` (hidden, read-only,
editable, required) and whether a family's change waits for staff review; anything it has not
overridden follows the defaults below.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

HIDDEN, READ_ONLY, EDITABLE, REQUIRED = "hidden", "read_only", "editable", "required"
MODES = (HIDDEN, READ_ONLY, EDITABLE, REQUIRED)

DIETS = ("NONE", "NO_PORK", "VEGETARIAN", "NO_MEAT")
CLASS_LEVELS = (
    "TPS",
    "PS",
    "MS",
    "GS",
    "CP",
    "CE1",
    "CE2",
    "CM1",
    "CM2",
    "SIXIEME",
    "CINQUIEME",
    "QUATRIEME",
    "TROISIEME",
)
SEXES = ("F", "M")
CIVILITIES = ("M.", "Mme")
RELATIONSHIPS = ("Mère", "Père", "Tuteur", "Tutrice", "Beau-parent", "Grand-parent", "Autre")
# How forms show a choice, when its value is a code rather than the word itself.
CHOICE_LABELS = {
    "F": "Fille",
    "M": "Garçon",
    "NONE": "Aucun régime particulier",
    "NO_PORK": "Sans porc",
    "VEGETARIAN": "Végétarien",
    "NO_MEAT": "Sans viande",
    "SIXIEME": "6e",
    "CINQUIEME": "5e",
    "QUATRIEME": "4e",
    "TROISIEME": "3e",
}


def choice_label(value: str) -> str:
    """A choice's words on a form ("VEGETARIAN" → "Végétarien"; "Mme" stays "Mme")."""
    return CHOICE_LABELS.get(value, value)


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record: where it lives, what it holds, and its defaults."""

    entity: str  # household, guardian, child, contact
    name: str  # GraphQL name
    attr: str  # column of the table
    section: str
    label: str  # French, for error messages and forms
    kind: str = "text"  # text, phone, date_past, date, postcode, insee, choice, int, bool, email, caf
    max_length: int = 100
    multiline: bool = False  # a free text where line breaks are kept
    choices: tuple[str, ...] = ()
    mode: str = EDITABLE
    needs_review: bool = False


def _specs() -> list[FieldSpec]:
    h, g, c, p = "household", "guardian", "child", "contact"
    return [
        # "Adresse de correspondance" — the town checks address changes by default.
        FieldSpec(
            h, "number", "address_number", "ADDRESS", "N°", max_length=10, mode=REQUIRED, needs_review=True
        ),
        FieldSpec(
            h, "street", "address_street", "ADDRESS", "Rue", max_length=200, mode=REQUIRED, needs_review=True
        ),
        FieldSpec(
            h, "complement", "address_complement", "ADDRESS", "Complément", max_length=200, needs_review=True
        ),
        FieldSpec(
            h,
            "postcode",
            "postcode",
            "ADDRESS",
            "Code postal",
            "postcode",
            10,
            mode=REQUIRED,
            needs_review=True,
        ),
        FieldSpec(h, "city", "city", "ADDRESS", "Ville", max_length=100, mode=REQUIRED, needs_review=True),
        # Optional: where the town lists its INSEE codes it decides residence
        # (``booking_windows.is_resident``), so a change is checked like the postcode's.
        FieldSpec(
            h, "inseeCode", "insee_code", "ADDRESS", "Code commune (INSEE)", "insee", 5, needs_review=True
        ),
        FieldSpec(h, "country", "country", "ADDRESS", "Pays", "country", 2, needs_review=True),
        FieldSpec(h, "mainPhone", "main_phone", "ADDRESS", "Téléphone principal", "phone", mode=REQUIRED),
        FieldSpec(h, "secondaryPhone", "secondary_phone", "ADDRESS", "Téléphone secondaire", "phone"),
        # "Informations complémentaires" — the quotient is checked against the CAF certificate.
        FieldSpec(h, "cafNumber", "caf_number", "COMPLEMENTARY", "N° d'allocataire CAF/MSA", "caf", 20),
        FieldSpec(
            h,
            "familyQuotient",
            "family_quotient",
            "COMPLEMENTARY",
            "Quotient familial",
            "int",
            needs_review=True,
        ),
        FieldSpec(
            h,
            "quotientFrom",
            "quotient_from",
            "COMPLEMENTARY",
            "Date d'effet du quotient",
            "date",
            needs_review=True,
        ),
        FieldSpec(
            h,
            "insuranceCompany",
            "insurance_company",
            "COMPLEMENTARY",
            "Compagnie d'assurance",
            mode=REQUIRED,
        ),
        FieldSpec(
            h,
            "insurancePolicy",
            "insurance_policy",
            "COMPLEMENTARY",
            "N° de contrat",
            max_length=50,
            mode=REQUIRED,
        ),
        FieldSpec(h, "remarks", "remarks", "COMPLEMENTARY", "Remarques", max_length=2000, multiline=True),
        # "Moi" / "Autre responsable"
        FieldSpec(
            g, "civility", "civility", "GUARDIAN", "Civilité", "choice", choices=CIVILITIES, mode=REQUIRED
        ),
        FieldSpec(g, "firstName", "first_name", "GUARDIAN", "Prénom", mode=REQUIRED),
        FieldSpec(g, "lastName", "last_name", "GUARDIAN", "Nom", mode=REQUIRED),
        FieldSpec(g, "birthDate", "birth_date", "GUARDIAN", "Date de naissance", "date_past"),
        FieldSpec(g, "mobilePhone", "mobile_phone", "GUARDIAN", "Téléphone portable", "phone", mode=REQUIRED),
        FieldSpec(g, "homePhone", "home_phone", "GUARDIAN", "Téléphone fixe", "phone"),
        FieldSpec(g, "email", "email", "GUARDIAN", "E-mail", "email", 254),
        FieldSpec(g, "profession", "profession", "GUARDIAN", "Profession"),
        FieldSpec(g, "employer", "employer", "GUARDIAN", "Employeur"),
        FieldSpec(g, "workPhone", "work_phone", "GUARDIAN", "Téléphone professionnel", "phone"),
        FieldSpec(
            g,
            "relationship",
            "relationship",
            "GUARDIAN",
            "Lien avec les enfants",
            "choice",
            choices=RELATIONSHIPS,
        ),
        # "Mes enfants"
        FieldSpec(c, "firstName", "first_name", "IDENTITY", "Prénom", mode=REQUIRED),
        FieldSpec(c, "lastName", "last_name", "IDENTITY", "Nom", mode=REQUIRED),
        FieldSpec(c, "birthDate", "birth_date", "IDENTITY", "Date de naissance", "date_past", mode=REQUIRED),
        FieldSpec(c, "sex", "sex", "IDENTITY", "Sexe", "choice", choices=SEXES, mode=REQUIRED),
        FieldSpec(c, "school", "school", "SCHOOLING", "École", mode=REQUIRED),
        FieldSpec(
            c,
            "classLevel",
            "class_level",
            "SCHOOLING",
            "Classe",
            "choice",
            choices=CLASS_LEVELS,
            mode=REQUIRED,
        ),
        FieldSpec(c, "diet", "diet", "MEALS", "Régime alimentaire", "choice", choices=DIETS, mode=REQUIRED),
        FieldSpec(
            c,
            "foodAllergies",
            "food_allergies",
            "MEALS",
            "Allergies alimentaires",
            max_length=500,
            multiline=True,
        ),
        FieldSpec(c, "doctorName", "doctor_name", "HEALTH", "Médecin traitant", mode=REQUIRED),
        FieldSpec(c, "doctorPhone", "doctor_phone", "HEALTH", "Téléphone du médecin", "phone", mode=REQUIRED),
        # The health form asks for the doctor's address (issue 15, health form).
        FieldSpec(
            c,
            "doctorAddress",
            "doctor_address",
            "HEALTH",
            "Adresse du médecin",
            max_length=300,
            multiline=True,
        ),
        FieldSpec(c, "allergies", "allergies", "HEALTH", "Allergies", max_length=500, multiline=True),
        FieldSpec(
            c,
            "medicalNotes",
            "medical_notes",
            "HEALTH",
            "Observations médicales",
            max_length=2000,
            multiline=True,
        ),
        FieldSpec(c, "hasPai", "has_pai", "HEALTH", "PAI (projet d'accueil individualisé)", "bool"),
        # Authorised persons
        FieldSpec(p, "firstName", "first_name", "AUTHORIZED_PERSONS", "Prénom", mode=REQUIRED),
        FieldSpec(p, "lastName", "last_name", "AUTHORIZED_PERSONS", "Nom", mode=REQUIRED),
        FieldSpec(p, "relation", "relation", "AUTHORIZED_PERSONS", "Lien avec l'enfant", max_length=50),
        FieldSpec(
            p,
            "mobilePhone",
            "mobile_phone",
            "AUTHORIZED_PERSONS",
            "Téléphone portable",
            "phone",
            mode=REQUIRED,
        ),
        FieldSpec(p, "otherPhone", "other_phone", "AUTHORIZED_PERSONS", "Autre téléphone", "phone"),
        FieldSpec(
            p, "mayPickUp", "may_pick_up", "AUTHORIZED_PERSONS", "Peut venir chercher l'enfant", "bool"
        ),
        FieldSpec(
            p,
            "emergencyContact",
            "emergency_contact",
            "AUTHORIZED_PERSONS",
            "À prévenir en cas d'urgence",
            "bool",
        ),
    ]


CATALOGUE: dict[tuple[str, str], FieldSpec] = {(s.entity, s.name): s for s in _specs()}
ENTITIES = ("household", "guardian", "child", "contact")

HOUSEHOLD_SECTIONS = ("ME", "OTHER_GUARDIAN", "ADDRESS", "COMPLEMENTARY")
CHILD_SECTIONS = (
    "IDENTITY",
    "SCHOOLING",
    "MEALS",
    "HEALTH",
    "VACCINATIONS",
    "AUTHORIZED_PERSONS",
    "AUTHORISATIONS",
)
COMPLETE, TO_COMPLETE, AWAITING_REVIEW = "COMPLETE", "TO_COMPLETE", "AWAITING_REVIEW"
# The sections as the screens name them ("Mon foyer" > "MOI"…, a child's tabs).
SECTION_LABELS = {
    "ME": "Mon foyer > Moi",
    "OTHER_GUARDIAN": "Mon foyer > Autre responsable",
    "ADDRESS": "Mon foyer > Adresse de correspondance",
    "COMPLEMENTARY": "Mon foyer > Informations complémentaires",
    "IDENTITY": "Identité",
    "SCHOOLING": "Scolarité",
    "MEALS": "Restauration",
    "HEALTH": "Santé",
    "VACCINATIONS": "Vaccinations",
    "AUTHORIZED_PERSONS": "Personnes autorisées",
    "AUTHORISATIONS": "Autorisations",
    "HOUSEHOLD_CONSENTS": "Mon foyer > Consentements",
    "QUESTIONS": "Questions de la mairie",
    "HOUSEHOLD_QUESTIONS": "Mon foyer > Questions de la mairie",
    "CONFIRMATION": "Confirmation des informations",
}


@dataclass(frozen=True)
class Rule:
    """The town's effective choice for a field."""

    mode: str
    needs_review: bool


def fields_of(entity: str, section: str | None = None) -> list[FieldSpec]:
    return [s for s in CATALOGUE.values() if s.entity == entity and (section is None or s.section == section)]


def rule_for(spec: FieldSpec, overrides: Mapping[tuple[str, str], Rule]) -> Rule:
    return overrides.get((spec.entity, spec.name), Rule(spec.mode, spec.needs_review))


def is_empty(value: object) -> bool:
    return value is None or value == ""


def missing_fields(
    entity: str, section: str, values: Mapping[str, object], overrides: Mapping[tuple[str, str], Rule]
) -> list[str]:
    """The required fields of ``section`` that are empty in ``values`` (GraphQL names)."""
    return [
        spec.name
        for spec in fields_of(entity, section)
        if rule_for(spec, overrides).mode == REQUIRED and is_empty(values.get(spec.name))
    ]


def section_state(missing: Iterable[str], pending: Iterable[str]) -> str:
    """Awaiting review wins over complete; anything missing makes it "to complete"."""
    if list(missing):
        return TO_COMPLETE
    if list(pending):
        return AWAITING_REVIEW
    return COMPLETE


def certification_expiry(certified_at: datetime | None, months: int) -> datetime | None:
    """When a record certified at ``certified_at`` must be confirmed again (None: never certified)."""
    if certified_at is None:
        return None
    return certified_at + timedelta(days=round(months * 30.44))


def needs_confirmation(certified_at: datetime | None, months: int, now: datetime) -> bool:
    expiry = certification_expiry(certified_at, months)
    return expiry is None or expiry <= now


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
