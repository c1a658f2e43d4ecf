"""Every table, imported here so that metadata (and Alembic) sees them all."""

from portail.db.models.accounts import Account, AuthSession, LoginThrottle, OneTimeToken
from portail.db.models.households import Child, Guardian, Household, HouseholdChild
from portail.db.models.mail import OutboxMail

__all__ = [
    "Account",
    "AuthSession",
    "Child",
    "Guardian",
    "Household",
    "HouseholdChild",
    "LoginThrottle",
    "OneTimeToken",
    "OutboxMail",
]
