"""Builders: rows as a test needs them, written straight to the database."""

from __future__ import annotations

from dataclasses import dataclass

from portail.adapters import hashing
from portail.db.engine import Database
from portail.db.models import Account, Guardian, Household
from portail.db.models.base import utcnow

_hashes: dict[str, str] = {}


async def hash_password(password: str) -> str:
    """A real argon2id hash, computed once per password for the whole run (hashing is slow on
    purpose; salts differ between passwords, which is all the tests need)."""
    if password not in _hashes:
        _hashes[password] = await hashing.hash_password(password)
    return _hashes[password]


STAFF_PASSWORD = "Agent-Enfance-Sene-2026"
FAMILY_PASSWORD = "Cheval-Agrafe-Pile-42"


@dataclass
class Built:
    account: Account
    password: str
    household: Household | None = None
    guardian: Guardian | None = None

    @property
    def email(self) -> str:
        return self.account.email


async def make_staff(db: Database, email: str = "agent@mairie.test", *, admin: bool = False) -> Built:
    account = Account(
        email=email, password_hash=await hash_password(STAFF_PASSWORD), is_staff=True,
        is_admin=admin, first_name="Agnès", last_name="Agent", confirmed_at=utcnow(),
    )
    async with db.transaction() as session:
        session.add(account)
    return Built(account, STAFF_PASSWORD)


async def make_family(
    db: Database, email: str = "parent@famille.test", *, name: str = "MARTIN", first_name: str = "Lola",
    confirmed: bool = True,
) -> Built:
    household = Household(name=name)
    guardian = Guardian(household_id=household.id, rank=1, first_name=first_name, last_name=name, email=email)
    account = Account(
        email=email, guardian_id=guardian.id,
        password_hash=await hash_password(FAMILY_PASSWORD) if confirmed else None,
        confirmed_at=utcnow() if confirmed else None,
    )
    async with db.transaction() as session:
        for row in (household, guardian, account):
            session.add(row)
            await session.flush()
    return Built(account, FAMILY_PASSWORD, household, guardian)
