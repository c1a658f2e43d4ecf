"""The rows the use cases hand to the schema.

Use cases answer with the stored rows; the schema reads their fields to map them onto GraphQL types
(a type is not a table) and never queries or changes them. It reaches them through this module only,
so that ``db/`` stays below the use cases (``pyproject.toml``'s import contracts check it).
"""

from portail.db.models import (
    Account,
    Activity,
    AuditEntry,
    AuthorizedPerson,
    CalendarFeed,
    CanteenDish,
    CanteenSite,
    Child,
    ConsentDefinition,
    DocumentType,
    Enrolment,
    Guardian,
    GuideSection,
    Household,
    InvoiceLine,
    Payment,
    PendingChange,
    Period,
    PeriodDay,
    Regie,
    Unit,
    UsefulLink,
    Vaccination,
)

__all__ = [
    "Account",
    "Activity",
    "AuditEntry",
    "AuthorizedPerson",
    "CalendarFeed",
    "CanteenDish",
    "CanteenSite",
    "Child",
    "ConsentDefinition",
    "DocumentType",
    "Enrolment",
    "Guardian",
    "GuideSection",
    "Household",
    "InvoiceLine",
    "Payment",
    "PendingChange",
    "Period",
    "PeriodDay",
    "Regie",
    "Unit",
    "UsefulLink",
    "Vaccination",
]
