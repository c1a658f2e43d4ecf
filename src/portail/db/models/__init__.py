"""Every table, imported here so that metadata (and Alembic) sees them all."""

from portail.db.models.accounts import (
    Account,
    AltchaChallenge,
    AuthSession,
    LoginThrottle,
    OneTimeToken,
    PasswordResetRequest,
)
from portail.db.models.bookings import (
    Attendance,
    Booking,
    BookingEvent,
    BookingLine,
    BookingRequest,
    RequestNumberCounter,
    SlotCounter,
)
from portail.db.models.catalogue import (
    Activity,
    CatalogueVersion,
    Enrolment,
    EnrolmentGroup,
    Facility,
    Period,
    PeriodDay,
    Regie,
    Unit,
)
from portail.db.models.content import (
    CanteenDish,
    CanteenMenu,
    CanteenSite,
    GuideSection,
    NewsItem,
    TownProfile,
    UsefulLink,
)
from portail.db.models.documents import Document, DocumentType, PrintableForm
from portail.db.models.feeds import CalendarFeed
from portail.db.models.health import ChildDiet, ChildIllness, ChildInsurance, HealthListItem
from portail.db.models.households import (
    AuthorizedPerson,
    Child,
    Guardian,
    Household,
    HouseholdChild,
    Vaccination,
)
from portail.db.models.invoices import Invoice, InvoiceLine
from portail.db.models.legal import LegalPage
from portail.db.models.mail import OutboxMail
from portail.db.models.messages import (
    Message,
    MessageAttachment,
    MessageThread,
    NotificationPreference,
    ReminderSent,
)
from portail.db.models.payments import BasketEntry, Payment, PaymentItem
from portail.db.models.records import (
    AuditEntry,
    Consent,
    ConsentDefinition,
    FieldRule,
    PendingChange,
    TownSetting,
)
from portail.db.models.town_questions import TownAnswer, TownQuestion

__all__ = [
    "Account",
    "Activity",
    "AltchaChallenge",
    "Attendance",
    "AuditEntry",
    "AuthSession",
    "AuthorizedPerson",
    "BasketEntry",
    "Booking",
    "BookingEvent",
    "BookingLine",
    "BookingRequest",
    "CalendarFeed",
    "CanteenDish",
    "CanteenMenu",
    "CanteenSite",
    "CatalogueVersion",
    "Child",
    "ChildDiet",
    "ChildIllness",
    "ChildInsurance",
    "Consent",
    "ConsentDefinition",
    "Document",
    "DocumentType",
    "Enrolment",
    "EnrolmentGroup",
    "Facility",
    "FieldRule",
    "Guardian",
    "GuideSection",
    "HealthListItem",
    "Household",
    "HouseholdChild",
    "Invoice",
    "InvoiceLine",
    "LegalPage",
    "LoginThrottle",
    "Message",
    "MessageAttachment",
    "MessageThread",
    "NewsItem",
    "NotificationPreference",
    "OneTimeToken",
    "OutboxMail",
    "PasswordResetRequest",
    "Payment",
    "PaymentItem",
    "PendingChange",
    "Period",
    "PeriodDay",
    "PrintableForm",
    "Regie",
    "ReminderSent",
    "RequestNumberCounter",
    "SlotCounter",
    "TownAnswer",
    "TownProfile",
    "TownQuestion",
    "TownSetting",
    "Unit",
    "UsefulLink",
    "Vaccination",
]
