"""Families create their own account ("Créer un compte"), when the town allows it.

- The town's switch (``set_self_registration``, staff, audited) and its terms of use: the active
  household consent of kind ``CONDITIONS_UTILISATION``, accepted at registration as a dated answer.
- Bots are kept out without tracking or an image puzzle: an ALTCHA proof of work, self-hosted (the
  challenge signed with a key derived from the server's secret, carrying its expiry in its salt; each
  solved challenge registers once: used ones are kept in ``altcha_challenge`` until they expire), and
  the attempts of each client address are counted like failed sign-ins (``resolvers.throttle``).
- The answer never says whether the address has an account: for a known one, nothing is created and
  its owner is mailed a notice instead; for a new one, the household, its guardian and the account are
  created and the address is confirmed from the link mailed to it (``accounts.confirm_account``).
- A family the town already knows must not end up twice: a self-registered household waits
  (``Household.awaiting_validation_since``). Meanwhile it may sign in and fill in its records
  ("Mon foyer", "Mes enfants", consents, documents, messages), but not enrol nor book
  (``HOUSEHOLD_AWAITING_VALIDATION``). Staff see the waiting households with those that look like the
  same family (``rules.registration.looks_alike``), and approve it (it becomes a household like any
  other) or merge it into the household the town knows (``merge_registration``), or reject it
  (``reject_registration``: the household and its account go, an audit entry stays, the family is
  mailed the reason). Registrations whose address is never confirmed are removed after
  ``registration_unconfirmed_days`` by the mail worker's job (``purge_unconfirmed_registrations``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

import altcha
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import SQLModel, col, delete, func, or_, select, update

from portail.adapters.hashing import hash_password
from portail.clock import Clock
from portail.db.engine import Database
from portail.db.models import (
    Account,
    AltchaChallenge,
    Child,
    Consent,
    ConsentDefinition,
    Guardian,
    Household,
    HouseholdChild,
    LoginThrottle,
    TownSetting,
)
from portail.resolvers import accounts, uploads
from portail.resolvers.audit import audit_change
from portail.resolvers.context import RequestContext, today
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.households import household_children
from portail.resolvers.mail import client_link, send_mail
from portail.resolvers.memo import memo
from portail.resolvers.personal_data import HELD, household_rows
from portail.resolvers.records import active_consent_definitions, forget_record, load_records
from portail.resolvers.throttle import blocked_until, email_key, record_failure
from portail.resolvers.transactions import in_transaction
from portail.resolvers.validation import Validator
from portail.rules.fields import CIVILITIES
from portail.rules.registration import (
    ALTCHA_ALGORITHM,
    MAX_ALTCHA_PAYLOAD,
    MAX_CHILDREN,
    FamilyTraits,
    challenge_expiry,
    looks_alike,
    same_child,
    same_person,
    stored_name_variants,
)
from portail.rules.throttle import registration_key
from portail.settings import Settings

SELF_REGISTRATION_KEY = "self_registration"
TERMS_KIND = "CONDITIONS_UTILISATION"
# The audit trail's entries about the town itself (a setting) name this id: the town has no row.
TOWN_ENTITY_ID = uuid.UUID(int=0)
# How many households the town knows are read as candidates for one page of waiting registrations.
MAX_CANDIDATES = 500
# Tables keyed by household whose rows are the household's own settings: a merge keeps the known
# household's and drops the waiting one's (moving them could collide with the known household's).
_SETTINGS_TABLES = {"notification_preference", "reminder_sent"}


# ---------------------------------------------------------------------------------------------
# The town's switch and terms of use


async def self_registration_open(ctx: RequestContext) -> bool:
    """Whether families may create their own account (read once per request)."""

    async def load() -> bool:
        row = await ctx.session.get(TownSetting, SELF_REGISTRATION_KEY)
        return row is not None and row.value == "on"

    return await memo(ctx, ("self_registration",), load)


async def terms_of_use(ctx: RequestContext) -> ConsentDefinition | None:
    """The current version of the terms of use families accept when they register, if published."""
    return next(
        (d for d in await active_consent_definitions(ctx) if d.kind == TERMS_KIND and d.scope == "household"),
        None,
    )


async def set_self_registration(ctx: RequestContext, enabled: bool) -> bool:
    """Staff open or close self-registration (an audit entry says who and when). Opening it needs
    terms of use to accept."""
    if enabled and await terms_of_use(ctx) is None:
        raise UserErrors.one(
            "enabled",
            ErrorCode.TERMS_OF_USE_MISSING,
            "Publiez d'abord les conditions d'utilisation (autorisation « CONDITIONS_UTILISATION » du "
            "foyer) : les familles les acceptent en créant leur compte.",
        )
    row = await ctx.session.get(TownSetting, SELF_REGISTRATION_KEY, with_for_update=True)
    before = row is not None and row.value == "on"
    if row is None:
        row = TownSetting(key=SELF_REGISTRATION_KEY, value="off")
        ctx.session.add(row)
    row.value = "on" if enabled else "off"
    if before != enabled:
        _audit(ctx, None, "town", TOWN_ENTITY_ID, "selfRegistration", _yes_no(before), _yes_no(enabled))
    ctx.cache.pop(("self_registration",), None)
    return enabled


def _yes_no(value: bool) -> str:
    return "oui" if value else "non"


def _audit(
    ctx: RequestContext,
    household_id: uuid.UUID | None,
    entity: str,
    entity_id: uuid.UUID,
    field_name: str,
    before: str,
    after: str,
) -> None:
    audit_change(ctx, entity, entity_id, field_name, before, after, household_id=household_id)


# ---------------------------------------------------------------------------------------------
# ALTCHA


def _altcha_key(ctx: RequestContext) -> str:
    """The challenges' HMAC key: derived from the server's secret, so that it is never the secret itself."""
    secret = ctx.settings.effective_secret_key.encode()
    return hmac.new(secret, b"portail-familles/altcha", hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class AltchaChallengeView:
    """A challenge as the ALTCHA widget reads it (its ``challengeurl`` JSON), and when it expires."""

    algorithm: str
    challenge: str
    salt: str
    signature: str
    max_number: int
    expires_at: datetime


def altcha_challenge(ctx: RequestContext) -> AltchaChallengeView:
    """A new challenge: find the number that, appended to ``salt``, hashes to ``challenge``."""
    expires = ctx.now() + timedelta(minutes=ctx.settings.altcha_challenge_minutes)
    made = altcha.create_challenge_v1(
        altcha.ChallengeOptionsV1(
            algorithm=ALTCHA_ALGORITHM,
            max_number=ctx.settings.altcha_max_number,
            hmac_key=_altcha_key(ctx),
            expires=expires,
        )
    )
    return AltchaChallengeView(
        algorithm=made.algorithm,
        challenge=made.challenge,
        salt=made.salt,
        signature=made.signature,
        max_number=made.max_number,
        expires_at=expires.replace(microsecond=0),
    )


_ALTCHA_FIELDS = {"algorithm": str, "challenge": str, "number": int, "salt": str, "signature": str}


def _altcha_refused() -> UserErrors:
    return UserErrors.one(
        "altcha",
        ErrorCode.ALTCHA_INVALID,
        "La vérification anti-robot n'a pas abouti : recommencez-la, puis validez à nouveau.",
    )


def _solved_challenge(ctx: RequestContext, payload: str) -> tuple[str, datetime]:
    """The challenge ``payload`` (the widget's base64 JSON) solves, and when it expires; refused when
    malformed, altered, wrong or expired."""
    if not payload or len(payload) > MAX_ALTCHA_PAYLOAD:
        raise _altcha_refused()
    try:
        data = json.loads(base64.b64decode(payload, validate=True))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise _altcha_refused() from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(name), kind) and not isinstance(data.get(name), bool)
        for name, kind in _ALTCHA_FIELDS.items()
    ):
        raise _altcha_refused()
    if data["algorithm"] != ALTCHA_ALGORITHM or not 0 <= data["number"] <= ctx.settings.altcha_max_number:
        raise _altcha_refused()
    # Hashed as bytes: a lone surrogate (which JSON may carry) could not be encoded.
    if not all(data[name].isascii() for name in ("challenge", "salt", "signature")):
        raise _altcha_refused()
    expires = challenge_expiry(data["salt"])
    # Our clock decides the expiry (the library's check reads the machine's), after the signature.
    solution = altcha.PayloadV1(
        ALTCHA_ALGORITHM, data["challenge"], data["number"], data["salt"], data["signature"]
    )
    ok, _ = altcha.verify_solution_v1(solution, _altcha_key(ctx), check_expires=False)
    if not ok or expires is None:
        raise _altcha_refused()
    if expires <= ctx.now():
        raise UserErrors.one(
            "altcha",
            ErrorCode.ALTCHA_EXPIRED,
            "La vérification anti-robot a expiré : recommencez-la, puis validez à nouveau.",
        )
    return data["challenge"], expires


async def _use_challenge(ctx: RequestContext, challenge: str, expires: datetime) -> None:
    """Mark the challenge used (the expired ones are forgotten); refused when it already was.

    An insert that does nothing on conflict: two registrations with one solution at once, and the
    second waits for the first's transaction, then finds its row (or takes the challenge if it rolled back).
    """
    await ctx.session.exec(delete(AltchaChallenge).where(col(AltchaChallenge.expires_at) <= ctx.now()))
    insert = sqlite_insert if ctx.session.get_bind().dialect.name == "sqlite" else pg_insert
    result = await ctx.session.exec(
        insert(AltchaChallenge).values(challenge=challenge, expires_at=expires).on_conflict_do_nothing()
    )
    if result.rowcount != 1:
        raise UserErrors.one(
            "altcha",
            ErrorCode.ALTCHA_REPLAYED,
            "Cette vérification anti-robot a déjà servi : recommencez-la, puis validez à nouveau.",
        )


# ---------------------------------------------------------------------------------------------
# The family registers


@dataclass
class RegisteredChild:
    """A child the family names at registration (for staff to recognise it)."""

    first_name: str
    birth_date: date | None
    last_name: str = ""


@dataclass
class Registration:
    """What a family types in "Créer un compte"."""

    email: str
    password: str
    first_name: str
    last_name: str
    household_name: str
    accepted_terms_version: int
    altcha: str
    civility: str = ""
    children: list[RegisteredChild] = field(default_factory=list)


async def register_family(ctx: RequestContext, data: Registration) -> None:
    """Register a family; the answer is the same whether or not the address has an account.

    A new address gets a household waiting for the town's validation, its first guardian, an account
    to confirm from the mailed link, the children given and the terms of use accepted; a known one
    gets nothing but a notice mailed to it. Every attempt counts against the client address.
    """
    key = registration_key(ctx.client_address[:64])
    until = await blocked_until(ctx, [key])
    if until is not None:
        seconds = int((until - ctx.now()).total_seconds()) + 1
        wait = f"{(seconds + 59) // 60} minute(s)" if seconds > 60 else f"{seconds} seconde(s)"
        raise UserErrors.one(
            None,
            ErrorCode.TOO_MANY_ATTEMPTS,
            f"Trop de demandes de création de compte depuis cette connexion. Réessayez dans {wait}.",
        )

    async def count_attempt(session: Any) -> None:
        await record_failure(session, ctx, key)

    ctx.after_rollback.append(count_attempt)
    if not await self_registration_open(ctx):
        raise UserErrors.one(
            None,
            ErrorCode.REGISTRATION_CLOSED,
            "La création de compte en ligne n'est pas ouverte : adressez-vous à la mairie.",
        )
    terms = await terms_of_use(ctx)
    v = Validator()
    email = v.email("email", data.email)
    first_name = v.text("firstName", data.first_name, max_length=100, required=True)
    last_name = v.text("lastName", data.last_name, max_length=100, required=True)
    household_name = v.text("householdName", data.household_name, max_length=100, required=True)
    civility = v.choice("civility", data.civility.strip(), CIVILITIES)
    if not v.has_error("email"):
        for error in accounts.password_errors(
            "password", data.password, email=email, names=tuple(f"{first_name} {last_name}".split())
        ):
            v.errors.append(error)
    if terms is None or data.accepted_terms_version != terms.version:
        v.add(
            "acceptedTermsVersion",
            ErrorCode.TERMS_NOT_ACCEPTED,
            "Lisez et acceptez les conditions d'utilisation en vigueur.",
        )
    children = _children(v, data.children, last_name, today(ctx))
    v.raise_if_any()
    challenge, expires = _solved_challenge(ctx, data.altcha)
    await _use_challenge(ctx, challenge, expires)
    # Hashed whatever the address: both answers take the time of a hash.
    password_hash = await hash_password(data.password)
    assert terms is not None
    account = await _claim_address(ctx, email, password_hash)
    if account is None:
        send_mail(
            ctx, "registration_address_in_use", email, email=email, link=client_link(ctx, accounts.LOGIN_PATH)
        )
    else:
        await _create_family(ctx, account, civility, first_name, last_name, household_name, children, terms)
    await record_failure(ctx.session, ctx, key)


async def _claim_address(ctx: RequestContext, email: str, password_hash: str) -> Account | None:
    """The new account of ``email``, or None when the address already has one.

    An insert that does nothing on conflict, rather than a read then an insert: two registrations of
    one new address at the same instant would both read nothing and the second insert would break
    the unique address (a 500). Here the second waits for the first's transaction, then finds the
    address taken and gets the known address's answer (or takes it, if the first rolled back).
    """
    row = Account(email=email, password_hash=password_hash, password_changed_at=ctx.now())
    values = {column.name: getattr(row, column.name) for column in Account.__table__.columns}  # type: ignore[attr-defined]
    insert = sqlite_insert if ctx.session.get_bind().dialect.name == "sqlite" else pg_insert
    result = await ctx.session.exec(
        insert(Account).values(**values).on_conflict_do_nothing(index_elements=["email"])
    )
    if result.rowcount != 1:
        return None
    return await ctx.session.get(Account, row.id)


def _children(
    v: Validator, given: list[RegisteredChild], last_name: str, today_: date
) -> list[tuple[str, str, date | None]]:
    if len(given) > MAX_CHILDREN:
        v.add("children", ErrorCode.INVALID, f"{MAX_CHILDREN} enfants au plus : ajoutez les autres ensuite.")
        return []
    children = []
    for i, child in enumerate(given):
        first = v.text(f"children.{i}.firstName", child.first_name, max_length=100, required=True)
        last = v.text(f"children.{i}.lastName", child.last_name, max_length=100) or last_name
        if child.birth_date is None:
            v.add(f"children.{i}.birthDate", ErrorCode.REQUIRED, "Indiquez la date de naissance.")
        born = v.past_date(f"children.{i}.birthDate", child.birth_date, today_)
        children.append((first, last, born))
    return children


async def _create_family(
    ctx: RequestContext,
    account: Account,
    civility: str,
    first_name: str,
    last_name: str,
    household_name: str,
    children: list[tuple[str, str, date | None]],
    terms: ConsentDefinition,
) -> None:
    household = Household(name=household_name, awaiting_validation_since=ctx.now())
    guardian = Guardian(
        household_id=household.id,
        rank=1,
        civility=civility,
        first_name=first_name,
        last_name=last_name,
        email=account.email,
    )
    child_rows = [Child(first_name=f, last_name=last, birth_date=born) for f, last, born in children]
    # No ORM relationships: parents are flushed before the rows that point to them.
    for rows in ([household, *child_rows], [guardian]):
        ctx.session.add_all(rows)
        await ctx.session.flush()
    account.guardian_id = guardian.id
    await ctx.session.flush()
    ctx.session.add_all([HouseholdChild(household_id=household.id, child_id=c.id) for c in child_rows])
    ctx.session.add(
        Consent(
            definition_id=terms.id,
            household_id=household.id,
            granted=True,
            decided_at=ctx.now(),
            decided_by=account.id,
        )
    )
    await accounts.send_confirmation(ctx, account)


# ---------------------------------------------------------------------------------------------
# Staff: the waiting households


@dataclass(frozen=True)
class WaitingRegistration:
    """A self-registered household waiting for staff, and the households that look like it."""

    household: Household
    email: str
    registered_at: datetime
    look_alikes: list[Household]


async def _traits(
    ctx: RequestContext, households: list[Household]
) -> tuple[dict[uuid.UUID, FamilyTraits], set[str]]:
    """The traits of ``households``, and every spelling of their names as typed: from their records,
    read together (and kept for the request: staff's view of each household reads them again)."""
    records = await load_records(ctx, [h.id for h in households])
    spellings = {h.name for h in households} | {g.last_name for r in records.values() for g in r.guardians}
    traits = {
        hid: FamilyTraits.of(
            r.household.name, [g.last_name for g in r.guardians], [c.birth_date for c in r.children]
        )
        for hid, r in records.items()
    }
    return traits, spellings


async def waiting_registrations(
    ctx: RequestContext, limit: int, after: tuple[datetime, uuid.UUID] | None
) -> list[WaitingRegistration]:
    """Self-registered households whose address is confirmed, oldest first, each with the households
    the town knows that look like the same family (``rules.registration.looks_alike``), by name.

    A registration not confirmed yet is not shown: the address may be mistyped, or a robot's. A fixed
    number of statements, whatever the page's size (the records of every household shown are read
    together).
    """
    query = (
        select(Household, Account.email)
        .join(Guardian, col(Guardian.household_id) == Household.id)
        .join(Account, col(Account.guardian_id) == Guardian.id)
        .where(col(Household.awaiting_validation_since).is_not(None))
        .where(col(Account.confirmed_at).is_not(None))
        .where(Guardian.rank == 1)
        .order_by(col(Household.awaiting_validation_since), col(Household.id))
        .limit(limit)
    )
    if after is not None:
        at, last_id = after
        query = query.where(
            (col(Household.awaiting_validation_since) > at)
            | ((col(Household.awaiting_validation_since) == at) & (col(Household.id) > last_id))
        )
    page = list((await ctx.session.exec(query)).all())
    waiting, spellings = await _traits(ctx, [h for h, _ in page])
    variants = {v for name in spellings for v in stored_name_variants(name)}
    candidates: list[Household] = []
    if variants:
        same_guardian_name = select(Guardian.household_id).where(func.lower(Guardian.last_name).in_(variants))
        candidates = list(
            (
                await ctx.session.exec(
                    select(Household)
                    .where(col(Household.awaiting_validation_since).is_(None))
                    .where(col(Household.anonymised_at).is_(None))
                    .where(
                        or_(
                            func.lower(Household.name).in_(variants),
                            col(Household.id).in_(same_guardian_name),
                        )
                    )
                    .order_by(col(Household.name), col(Household.id))
                    .limit(MAX_CANDIDATES)
                )
            ).all()
        )
    known, _ = await _traits(ctx, candidates)
    return [
        WaitingRegistration(
            household=household,
            email=email,
            registered_at=household.awaiting_validation_since or household.created_at,
            look_alikes=[c for c in candidates if looks_alike(waiting[household.id], known[c.id])],
        )
        for household, email in page
    ]


async def _waiting(ctx: RequestContext, household_id: uuid.UUID | None) -> Household:
    household = await ctx.session.get(Household, household_id, with_for_update=True) if household_id else None
    if household is None or household.awaiting_validation_since is None:
        raise UserErrors.one(
            "householdId", ErrorCode.NOT_FOUND, "Cette inscription n'existe pas ou a déjà été traitée."
        )
    return household


async def _accounts_of(ctx: RequestContext, household_id: uuid.UUID) -> list[tuple[Account, Guardian]]:
    return list(
        (
            await ctx.session.exec(
                select(Account, Guardian)
                .join(Guardian, col(Guardian.id) == Account.guardian_id)
                .where(Guardian.household_id == household_id)
            )
        ).all()
    )


async def approve_registration(ctx: RequestContext, household_id: uuid.UUID | None) -> Household:
    """Staff: the family is not one the town knows; its household becomes one like any other."""
    household = await _waiting(ctx, household_id)
    since = household.awaiting_validation_since
    household.awaiting_validation_since = None
    _audit(ctx, household.id, "household", household.id, "awaitingValidation", f"depuis {since}", "validé")
    for account, guardian in await _accounts_of(ctx, household.id):
        send_mail(
            ctx,
            "registration_approved",
            account.email,
            name=f"{guardian.first_name} {guardian.last_name}".strip(),
            household=household.name,
            link=client_link(ctx, accounts.LOGIN_PATH),
        )
    forget_record(ctx, household.id)
    return household


async def merge_registration(
    ctx: RequestContext, household_id: uuid.UUID | None, into_id: uuid.UUID | None
) -> Household:
    """Staff: the family that registered is one the town knows; its waiting household goes into that one.

    - Each guardian who registered (or was added since) is the known household's guardian of the same
      first and last names when there is one: their account then signs in as that guardian (who keeps
      the town's record). Otherwise the guardian joins the known household (after its guardians).
    - Each child given is the known household's child of the same first name and birth date when
      there is one (that record is kept); otherwise the child joins the known household.
    - Whatever the family handed in while waiting (consents, documents, messages, changes for review,
      the audit trail) joins the known household; rows about a guardian or child found there follow
      them to the one kept. Its notification settings are the known household's.
    - The waiting household is removed, and the family is mailed.
    """
    waiting = await _waiting(ctx, household_id)
    into = await ctx.session.get(Household, into_id, with_for_update=True) if into_id else None
    if into is None or into.awaiting_validation_since is not None or into.anonymised_at is not None:
        raise UserErrors.one("intoHouseholdId", ErrorCode.NOT_FOUND, "Ce foyer n'existe pas.")
    registered = await _accounts_of(ctx, waiting.id)
    guardians_w = list(
        (await ctx.session.exec(select(Guardian).where(Guardian.household_id == waiting.id))).all()
    )
    guardians_k = list(
        (await ctx.session.exec(select(Guardian).where(Guardian.household_id == into.id))).all()
    )
    children_w = await household_children(ctx, waiting.id)
    children_k = await household_children(ctx, into.id)

    same_guardian: dict[uuid.UUID, Guardian] = {}
    rank = max((g.rank for g in guardians_k), default=0)
    for g in sorted(guardians_w, key=lambda g: g.rank):
        match = next(
            (k for k in guardians_k if same_person(g.first_name, g.last_name, k.first_name, k.last_name)),
            None,
        )
        if match is not None:
            same_guardian[g.id] = match
        else:
            rank += 1
            g.household_id, g.rank = into.id, rank
    same_kid = {
        c.id: kid.id
        for c in children_w
        if (
            kid := next(
                (k for k in children_k if same_child(c.first_name, c.birth_date, k.first_name, k.birth_date)),
                None,
            )
        )
    }
    await ctx.session.flush()

    for old, kept in same_guardian.items():
        await ctx.session.exec(
            update(Account).where(col(Account.guardian_id) == old).values(guardian_id=kept.id)
        )
        if not kept.email:
            kept.email = next((a.email for a, g in registered if g.id == old), "")
    # Changes waiting for review, and the audit, name what they are about by id: the kept rows now.
    moved = {waiting.id: into.id, **{old: kept.id for old, kept in same_guardian.items()}, **same_kid}
    tables = SQLModel.metadata.tables
    for table in (tables["audit_entry"], tables["pending_change"]):
        for old, kept_id in moved.items():
            await ctx.session.exec(sa.update(table).where(table.c.entity_id == old).values(entity_id=kept_id))
    for old, kept_id in same_kid.items():
        await ctx.session.exec(
            delete(HouseholdChild).where(
                col(HouseholdChild.household_id) == waiting.id, col(HouseholdChild.child_id) == old
            )
        )
        for table in tables.values():
            if "child_id" in table.c and table.name != "household_child":
                # What the town's record already holds wins: the waiting child's rows that would
                # repeat one of it (an insurance, a diet already listed…) go, the others move.
                for key in _child_keys(table):
                    await ctx.session.exec(_drop_repeated(table, key, old, kept_id))
                await ctx.session.exec(
                    sa.update(table).where(table.c.child_id == old).values(child_id=kept_id)
                )
    for table in tables.values():
        if "household_id" not in table.c or table.name in ("household", "guardian"):
            continue
        rows = table.c.household_id == waiting.id
        if table.name in _SETTINGS_TABLES:
            await ctx.session.exec(sa.delete(table).where(rows))
        else:
            await ctx.session.exec(sa.update(table).where(rows).values(household_id=into.id))
    if same_guardian:
        await ctx.session.exec(delete(Guardian).where(col(Guardian.id).in_(list(same_guardian))))
    if same_kid:
        await ctx.session.exec(delete(Child).where(col(Child.id).in_(list(same_kid))))
    await ctx.session.exec(delete(Household).where(col(Household.id) == waiting.id))
    _audit(
        ctx,
        into.id,
        "household",
        into.id,
        "mergedRegistration",
        f"{waiting.name} ({', '.join(a.email for a, _ in registered)})",
        into.name,
    )
    for account, guardian in registered:
        send_mail(
            ctx,
            "registration_merged",
            account.email,
            name=f"{guardian.first_name} {guardian.last_name}".strip(),
            household=into.name,
            link=client_link(ctx, accounts.LOGIN_PATH),
        )
    forget_record(ctx, into.id)
    forget_record(ctx, waiting.id)
    return into


def _child_keys(table: sa.Table) -> list[list[str]]:
    """The keys of ``table`` that name a child (its primary key, unique constraints and indexes): a
    child has at most one row per value of the other columns."""
    keys = [[c.name for c in table.primary_key.columns]]
    keys += [[c.name for c in u.columns] for u in table.constraints if isinstance(u, sa.UniqueConstraint)]
    keys += [[c.name for c in i.columns] for i in table.indexes if i.unique]
    return [key for key in keys if "child_id" in key]


def _drop_repeated(table: sa.Table, key: list[str], old: uuid.UUID, kept: uuid.UUID) -> sa.Delete:
    """Delete ``old``'s rows of ``table`` whose ``key`` the ``kept`` child already has."""
    kept_rows = table.alias("kept")
    same = [kept_rows.c[name] == table.c[name] for name in key if name != "child_id"]
    repeated = sa.exists().where(kept_rows.c.child_id == kept, *same)
    return sa.delete(table).where(table.c.child_id == old, repeated)


# ---------------------------------------------------------------------------------------------
# Staff reject a registration; registrations never confirmed are removed

# The tables of a child's own rows: a child shared with another household keeps them.
_CHILD_TABLES = {"child": "id", "vaccination": "child_id", "authorized_person": "child_id"}
_HELD_BY_TABLE = {h.table: h for h in HELD}


@dataclass(frozen=True)
class Removed:
    """A waiting household removed, and the stored files to delete once that has committed."""

    household_id: uuid.UUID
    stored_files: list[str]


async def reject_registration(ctx: RequestContext, household_id: uuid.UUID | None, reason: str) -> Removed:
    """Staff: the waiting household is not one the town will serve (another town's family, a joke…):
    the household, its account and whatever it handed in are removed, nothing kept but an audit entry
    (its name and the reason); the family is mailed the reason."""
    v = Validator()
    why = v.text("reason", reason, max_length=1000, required=True)
    v.raise_if_any()
    household = await _waiting(ctx, household_id)
    registered = await _accounts_of(ctx, household.id)
    removed = await _remove_household(ctx, household)
    _audit(ctx, None, "household", household.id, "rejectedRegistration", household.name, why)
    for account, guardian in registered:
        send_mail(
            ctx,
            "registration_rejected",
            account.email,
            name=f"{guardian.first_name} {guardian.last_name}".strip(),
            household=household.name,
            reason=why,
            link=client_link(ctx, "/"),
        )
    return removed


async def _remove_household(ctx: RequestContext, household: Household) -> Removed:
    """Delete every row about ``household`` (``personal_data.HELD``: its guardians and accounts, their
    sessions and tokens, its children, consents, documents, messages, mails…), rows before the rows
    they name. A child shared with another household stays there (only this household's link goes)."""
    rows = await household_rows(ctx, household.id)
    children = {r["child_id"] for r in rows["household_child"]}
    shared = set(
        (
            await ctx.session.exec(
                select(HouseholdChild.child_id).where(
                    col(HouseholdChild.child_id).in_(children),
                    col(HouseholdChild.household_id) != household.id,
                )
            )
        ).all()
    )
    tables = SQLModel.metadata.tables
    # From the last table up, so that rows go before those they name (a message before its thread);
    # but a child's links to its households before the child.
    order = [h for h in reversed(HELD) if h.table != "household_child"]
    before_child = next(i for i, h in enumerate(order) if h.table == "child")
    order.insert(before_child, _HELD_BY_TABLE["household_child"])
    for held in order:
        table = tables[held.table]
        found = rows[held.table]
        if held.table in _CHILD_TABLES:
            found = [r for r in found if r[_CHILD_TABLES[held.table]] not in shared]
        owners = {r[held.column] for r in found}
        if owners:
            await ctx.session.exec(sa.delete(table).where(table.c[held.column].in_(owners)))
    emails = [r["email"] for r in rows["account"]]
    if emails:
        await ctx.session.exec(
            delete(LoginThrottle).where(col(LoginThrottle.key).in_([email_key(e) for e in emails]))
        )
    forget_record(ctx, household.id)
    stored = [r["storage_key"] for r in (*rows["document"], *rows["message_attachment"])]
    return Removed(household.id, stored)


async def purge_unconfirmed_registrations(
    db: Database, settings: Settings, clock: Clock, *, limit: int = 100
) -> int:
    """The mail worker's job: remove the self-registered households whose address was not confirmed
    within ``registration_unconfirmed_days`` (a mistyped address, a robot that got through): nothing
    of them is kept but an audit entry. Each in its own transaction, skipping a household another
    server instance holds (safe on several instances at once); returns how many."""
    cutoff = clock.now() - timedelta(days=settings.registration_unconfirmed_days)
    # A read first: most rounds find nothing due, and a write transaction on every round would hold
    # up the requests' writes (SQLite's BEGIN IMMEDIATE).
    async with db.read_sessions() as session:
        due = (await session.exec(_unconfirmed(cutoff).limit(1))).first()
    if due is None:
        return 0
    done = 0
    for _ in range(limit):
        ctx = RequestContext(db=db, settings=settings, clock=clock, request_id="registration-purge")
        removed = await in_transaction(ctx, partial(_purge_one, ctx, cutoff))
        if removed is None:
            break
        # Files only once their rows are gone for good (none, in practice: an unconfirmed family
        # cannot sign in to hand any in).
        for key in removed.stored_files:
            await uploads.discard(ctx, key)
        done += 1
    return done


def _unconfirmed(cutoff: datetime) -> Any:
    """Waiting households registered before ``cutoff`` with no confirmed account."""
    confirmed = (
        select(Guardian.household_id)
        .join(Account, col(Account.guardian_id) == Guardian.id)
        .where(col(Account.confirmed_at).is_not(None))
    )
    return (
        select(Household)
        .where(col(Household.awaiting_validation_since).is_not(None))
        .where(col(Household.awaiting_validation_since) <= cutoff)
        .where(col(Household.id).not_in(confirmed))
        .order_by(col(Household.awaiting_validation_since), col(Household.id))
    )


async def _purge_one(ctx: RequestContext, cutoff: datetime) -> Removed | None:
    household = (
        await ctx.session.exec(_unconfirmed(cutoff).limit(1).with_for_update(skip_locked=True))
    ).first()
    if household is None:
        return None
    removed = await _remove_household(ctx, household)
    _audit(ctx, None, "household", household.id, "unconfirmedRegistration", household.name, "supprimé")
    return removed
