"""Accounts, their sessions, single-use tokens and sign-in throttling."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from portail.db.models.base import UTCDateTime, created_at_field, id_field


class Account(SQLModel, table=True):
    """A sign-in: a family guardian's, or a member of staff's."""

    __tablename__ = "account"

    id: uuid.UUID = id_field()
    email: str = Field(max_length=254, unique=True, index=True)
    password_hash: str | None = Field(default=None, max_length=255)
    confirmed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The guardian this account signs in as; None for staff.
    guardian_id: uuid.UUID | None = Field(default=None, foreign_key="guardian.id", index=True)
    is_staff: bool = False
    is_admin: bool = False
    # Staff accounts carry their names here; family accounts use their guardian's.
    first_name: str = Field(default="", max_length=100)
    last_name: str = Field(default="", max_length=100)
    # A new address waits here until confirmed from the mail sent to it.
    pending_email: str | None = Field(default=None, max_length=254)
    password_changed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_login_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = created_at_field()


class AuthSession(SQLModel, table=True):
    """A signed-in session; the client holds the token, we keep only its keyed hash."""

    __tablename__ = "auth_session"

    id: uuid.UUID = id_field()
    token_hash: str = Field(max_length=64, unique=True, index=True)
    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    remember: bool = False
    created_at: datetime = created_at_field()
    last_seen_at: datetime = created_at_field()
    expires_at: datetime = Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    client_address: str = Field(default="", max_length=64)
    user_agent: str = Field(default="", max_length=300)


class OneTimeToken(SQLModel, table=True):
    """A single-use link token (account confirmation, password reset, e-mail change)."""

    __tablename__ = "one_time_token"

    id: uuid.UUID = id_field()
    purpose: str = Field(max_length=32)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)
    # For an e-mail change: the new address the token confirms.
    email: str | None = Field(default=None, max_length=254)
    created_at: datetime = created_at_field()
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class LoginThrottle(SQLModel, table=True):
    """Recent sign-in failures of one key: an e-mail address or a client address.

    Keyed by the address typed rather than by account, so that unknown addresses are throttled
    exactly like known ones and the answers reveal nothing.
    """

    __tablename__ = "login_throttle"

    key: str = Field(primary_key=True, max_length=300)
    failures: int = 0
    last_failure_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    blocked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)


class PasswordResetRequest(SQLModel, table=True):
    """A "Mot de passe oublié ?" request, queued for the background worker.

    The request only writes this row, whatever the address (so that its answer and its time say
    nothing of whether an account exists); the worker finds the account, makes the link and mails
    it. Recent rows are also what limits requests per typed address and per client address.
    """

    __tablename__ = "password_reset_request"
    __table_args__ = (
        Index("ix_password_reset_request_email", "email", "created_at"),
        Index("ix_password_reset_request_client", "client_address", "created_at"),
        Index("ix_password_reset_request_due", "processed_at", "created_at"),
    )

    id: uuid.UUID = id_field()
    email: str = Field(max_length=254)
    client_address: str = Field(default="", max_length=64)
    created_at: datetime = created_at_field()
    processed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AltchaChallenge(SQLModel, table=True):
    """An ALTCHA proof-of-work challenge already solved and used to register a family.

    Kept until the challenge expires (after that its signature is refused anyway), so that one
    solved challenge registers one family: a replayed solution finds its row.
    """

    __tablename__ = "altcha_challenge"

    challenge: str = Field(primary_key=True, max_length=128)
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
