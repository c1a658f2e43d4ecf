"""Accounts: opening by staff, confirmation, sign-in and out, passwords, profile."""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, delete, func, update
from sqlmodel import col, or_, select

from portail.adapters.hashing import hash_password, verify_password
from portail.clock import Clock
from portail.db.engine import AsyncSession, Database
from portail.db.models import (
    Account,
    AuthSession,
    Guardian,
    Household,
    OneTimeToken,
    PasswordResetRequest,
)
from portail.resolvers.context import RequestContext, SessionCookie
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.households import viewer_guardian
from portail.resolvers.mail import client_link, send_mail
from portail.resolvers.sessions import open_session, revoke_sessions
from portail.resolvers.throttle import (
    blocked_until,
    email_key,
    forget,
    keys_of_attempt,
    record_failure,
)
from portail.resolvers.transactions import in_transaction
from portail.resolvers.validation import Validator
from portail.rules.devices import new_nonce, with_device
from portail.rules.emails import normalise_email
from portail.rules.fields import CIVILITIES
from portail.rules.passwords import MAX_LENGTH as PASSWORD_MAX
from portail.rules.passwords import check_password
from portail.rules.throttle import (
    RESET_WINDOW,
    reset_mail_allowed,
    reset_request_allowed,
    warns_owner,
)
from portail.rules.tokens import looks_like_token, new_token, token_hash
from portail.settings import Settings

# Paths of the family client that the mailed links open (see the README).
CONFIRM_ACCOUNT_PATH = "/confirmer-compte"
RESET_PASSWORD_PATH = "/reinitialiser-mot-de-passe"  # noqa: S105 - a URL path
CONFIRM_EMAIL_PATH = "/confirmer-email"
# A self-registered family chose its password: its link only confirms the address.
CONFIRM_REGISTRATION_PATH = "/confirmer-inscription"
LOGIN_PATH = "/connexion"

CONFIRM_ACCOUNT = "confirm_account"
RESET_PASSWORD = "reset_password"  # noqa: S105 - a token purpose
CHANGE_EMAIL = "change_email"

INVALID_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect."


# ---------------------------------------------------------------------------------------------
# Helpers


async def account_by_email(ctx: RequestContext, email: str) -> Account | None:
    return (await ctx.session.exec(select(Account).where(Account.email == email))).first()


async def _email_taken(ctx: RequestContext, email: str, *, by_other_than: uuid.UUID | None = None) -> bool:
    query = select(Account.id).where(or_(Account.email == email, Account.pending_email == email))
    if by_other_than is not None:
        query = query.where(Account.id != by_other_than)
    return (await ctx.session.exec(query)).first() is not None


async def _is_sign_in_address(ctx: RequestContext, email: str, *, of_other_than: uuid.UUID) -> bool:
    """Whether another account signs in with ``email`` (addresses merely pending do not count)."""
    query = select(Account.id).where(Account.email == email).where(Account.id != of_other_than)
    return (await ctx.session.exec(query)).first() is not None


async def display_name(ctx: RequestContext, account: Account, *, session: AsyncSession | None = None) -> str:
    """How mails greet the account's owner."""
    if account.guardian_id is not None:
        guardian = await (session or ctx.session).get(Guardian, account.guardian_id)
        if guardian is not None:
            return f"{guardian.first_name} {guardian.last_name}".strip()
    return f"{account.first_name} {account.last_name}".strip()


async def _names(ctx: RequestContext, account: Account) -> tuple[str, ...]:
    name = await display_name(ctx, account)
    return tuple(name.split())


def _issue_token(
    ctx: RequestContext, account: Account, purpose: str, valid_for: timedelta, email: str | None = None
) -> str:
    token = new_token()
    ctx.session.add(
        OneTimeToken(
            purpose=purpose,
            token_hash=token_hash(token, ctx.settings.effective_secret_key),
            account_id=account.id,
            email=email,
            created_at=ctx.now(),
            expires_at=ctx.now() + valid_for,
        )
    )
    return token


async def _retire_tokens(ctx: RequestContext, account_id: uuid.UUID, purpose: str) -> None:
    """Earlier links of that purpose stop working once a new one is sent or one is used."""
    await ctx.session.exec(
        update(OneTimeToken)
        .where(col(OneTimeToken.account_id) == account_id)
        .where(col(OneTimeToken.purpose) == purpose)
        .where(col(OneTimeToken.used_at).is_(None))
        .values(used_at=ctx.now())
    )


async def _use_token(ctx: RequestContext, token: str, purpose: str, field: str = "token") -> OneTimeToken:
    """The live token of ``purpose``, locked; a clear error when altered, used or expired."""
    row = None
    if looks_like_token(token):
        row = (
            await ctx.session.exec(
                select(OneTimeToken)
                .where(OneTimeToken.token_hash == token_hash(token, ctx.settings.effective_secret_key))
                .where(OneTimeToken.purpose == purpose)
                .with_for_update()
            )
        ).first()
    if row is None:
        raise UserErrors.one(
            field, ErrorCode.TOKEN_INVALID, "Ce lien n'est pas valide : vérifiez qu'il a été copié en entier."
        )
    if row.used_at is not None:
        raise UserErrors.one(
            field, ErrorCode.TOKEN_USED, "Ce lien a déjà été utilisé ou remplacé par un plus récent."
        )
    if row.expires_at <= ctx.now():
        raise UserErrors.one(field, ErrorCode.TOKEN_EXPIRED, "Ce lien a expiré : demandez-en un nouveau.")
    row.used_at = ctx.now()
    return row


def password_errors(field: str, password: str, *, email: str, names: tuple[str, ...]) -> list[FieldError]:
    problem = check_password(password, email=email, names=names)
    if problem is None:
        return []
    return [FieldError(field, ErrorCode[problem.code], problem.message)]


# ---------------------------------------------------------------------------------------------
# Staff opens a family account


@dataclass
class OpenFamilyAccount:
    """What staff type to open a family's account."""

    email: str
    household_name: str
    first_name: str
    last_name: str
    civility: str = ""


async def send_confirmation(ctx: RequestContext, account: Account) -> None:
    """Mail a new link confirming the account's address (older ones stop working): to create the
    password for an account staff opened, or only to confirm it for a family that registered itself
    (it chose its password then)."""
    await _retire_tokens(ctx, account.id, CONFIRM_ACCOUNT)
    days = ctx.settings.confirmation_token_days
    token = _issue_token(ctx, account, CONFIRM_ACCOUNT, timedelta(days=days))
    registered = account.password_hash is not None
    send_mail(
        ctx,
        "registration_confirm" if registered else "account_opened",
        account.email,
        name=await display_name(ctx, account),
        link=client_link(ctx, CONFIRM_REGISTRATION_PATH if registered else CONFIRM_ACCOUNT_PATH, token),
        valid_days=days,
    )


async def open_family_account(ctx: RequestContext, data: OpenFamilyAccount) -> tuple[Account, Household]:
    """Create a household, its first guardian and their account; mail the confirmation link."""
    v = Validator()
    email = v.email("email", data.email)
    household_name = v.text("householdName", data.household_name, max_length=100, required=True)
    first_name = v.text("firstName", data.first_name, max_length=100, required=True)
    last_name = v.text("lastName", data.last_name, max_length=100, required=True)
    civility = v.choice("civility", data.civility.strip(), CIVILITIES)
    if not v.has_error("email") and await _email_taken(ctx, email):
        v.add("email", ErrorCode.EMAIL_ALREADY_USED, "Un compte existe déjà avec cette adresse e-mail.")
    v.raise_if_any()

    household = Household(name=household_name)
    guardian = Guardian(
        household_id=household.id,
        rank=1,
        civility=civility,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    account = Account(email=email, guardian_id=guardian.id)
    # No ORM relationships: parents are flushed before the rows that point to them.
    for row in (household, guardian, account):
        ctx.session.add(row)
        await ctx.session.flush()
    await send_confirmation(ctx, account)
    return account, household


async def resend_confirmation(ctx: RequestContext, account_id: uuid.UUID | None) -> Account:
    """Send a new confirmation link (the older ones stop working)."""
    account = await ctx.session.get(Account, account_id) if account_id else None
    if account is None:
        raise UserErrors.one("accountId", ErrorCode.NOT_FOUND, "Ce compte n'existe pas.")
    if account.confirmed_at is not None:
        raise UserErrors.one("accountId", ErrorCode.ALREADY_CONFIRMED, "Ce compte est déjà confirmé.")
    await send_confirmation(ctx, account)
    return account


# ---------------------------------------------------------------------------------------------
# The family confirms and signs in


async def confirm_account(ctx: RequestContext, token: str, password: str | None) -> Account:
    """Confirm the address, set the password (required unless the family chose it at registration),
    sign in; mail that it is done."""
    row = await _use_token(ctx, token, CONFIRM_ACCOUNT)
    account = await ctx.session.get(Account, row.account_id, with_for_update=True)
    assert account is not None
    if account.confirmed_at is not None:
        raise UserErrors.one("token", ErrorCode.TOKEN_USED, "Ce compte est déjà confirmé : connectez-vous.")
    registered = account.password_hash is not None
    if password is None and not registered:
        raise UserErrors.one("password", ErrorCode.REQUIRED, "Choisissez votre mot de passe.")
    if password is not None:
        errors = password_errors("password", password, email=account.email, names=await _names(ctx, account))
        if errors:
            raise UserErrors(errors)
        account.password_hash = await hash_password(password)
        account.password_changed_at = ctx.now()
    account.confirmed_at = ctx.now()
    await _retire_tokens(ctx, account.id, CONFIRM_ACCOUNT)
    await open_session(ctx, account, remember=False)
    _trust_this_browser(ctx, account.email)
    guardian = await _guardian_of(ctx, account)
    send_mail(
        ctx,
        "account_confirmed",
        account.email,
        name=await display_name(ctx, account),
        email=account.email,
        link=client_link(ctx, LOGIN_PATH),
        registered=password is None,
        awaiting=guardian is not None and await _awaiting(ctx, guardian.household_id),
    )
    return account


async def _guardian_of(ctx: RequestContext, account: Account) -> Guardian | None:
    return await ctx.session.get(Guardian, account.guardian_id) if account.guardian_id else None


async def _awaiting(ctx: RequestContext, household_id: uuid.UUID) -> bool:
    household = await ctx.session.get(Household, household_id)
    return household is not None and household.awaiting_validation_since is not None


async def _refuse_if_throttled(ctx: RequestContext, keys: list[str], field: str | None) -> None:
    until = await blocked_until(ctx, keys)
    if until is None:
        return
    seconds = int((until - ctx.now()).total_seconds()) + 1
    wait = f"{(seconds + 59) // 60} minute(s)" if seconds > 60 else f"{seconds} seconde(s)"
    raise UserErrors.one(
        field, ErrorCode.TOO_MANY_ATTEMPTS, f"Trop de tentatives de connexion. Réessayez dans {wait}."
    )


def _count_failure_after_rollback(
    ctx: RequestContext, keys: list[str], address: str, account_id: uuid.UUID | None
) -> None:
    """Count a wrong password once the mutation has rolled back (the count must be kept)."""

    async def count_failure(session: AsyncSession) -> None:
        for key in keys:
            locked = await record_failure(session, ctx, key)
            if locked and warns_owner(key) and account_id:
                # Untrusted clients, or one trusted browser, are now locked out of a real account:
                # tell its owner, once per lock (attempts while locked are not counted, so they
                # cannot lock it again).
                owner = await session.get(Account, account_id)
                assert owner is not None
                send_mail(
                    ctx,
                    "login_locked",
                    owner.email,
                    session=session,
                    name=await display_name(ctx, owner, session=session),
                    minutes=ctx.settings.login_lock_minutes,
                    device=key != email_key(address),
                    link=client_link(ctx, LOGIN_PATH),
                )

    ctx.after_rollback.append(count_failure)


async def login(
    ctx: RequestContext, email: str, password: str, *, remember: bool, bearer: bool
) -> tuple[Account, str]:
    """Sign in; returns the account and its session token.

    Every refusal reads the same and takes the same time whether or not the account exists. A
    browser that signed in to the address before (device cookie) is throttled on its own; other
    clients share the address's untrusted counter and each has its client address's.
    """
    address = normalise_email(email)
    if not address or len(address) > 254 or len(password) > PASSWORD_MAX * 4:
        raise UserErrors.one(None, ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS)
    keys = keys_of_attempt(ctx, address)
    await _refuse_if_throttled(ctx, keys, None)
    account = await account_by_email(ctx, address)
    usable = account is not None and account.confirmed_at is not None
    ok, rehash = await verify_password(account.password_hash if usable and account else None, password)
    if not ok:
        _count_failure_after_rollback(ctx, keys, address, account.id if account else None)
        raise UserErrors.one(None, ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS)
    assert account is not None
    if rehash:
        account.password_hash = await hash_password(password)
    await forget(ctx, keys[0])
    token = await open_session(ctx, account, remember=remember, bearer=bearer)
    if not bearer:
        _trust_this_browser(ctx, address)
    return account, token


def _trust_this_browser(ctx: RequestContext, address: str) -> None:
    """Give the browser a fresh device cookie entry for ``address`` (a new nonce: a new counter)."""
    ctx.new_device_cookie = with_device(
        ctx.device_cookie,
        address,
        new_nonce(),
        ctx.settings.effective_secret_key,
        ctx.now(),
        ctx.settings.device_lifetime,
    )


async def logout(ctx: RequestContext) -> None:
    """End the viewer's session; the cookie is cleared."""
    if ctx.viewer is not None:
        await ctx.session.exec(
            update(AuthSession)
            .where(col(AuthSession.id) == ctx.viewer.session.id)
            .values(revoked_at=ctx.now())
        )
    ctx.cookie = SessionCookie(token=None)


# ---------------------------------------------------------------------------------------------
# Passwords


async def request_password_reset(ctx: RequestContext, email: str) -> None:
    """Queue a reset for the address; the answer is the same whether or not it has an account.

    The request takes the same path for any address (the statements and their answers do not
    depend on the accounts): it counts the recent requests for the typed address and from the
    client address, and queues one row. The mail worker does the rest (``process_reset_requests``).
    """
    v = Validator()
    address = v.email("email", email)
    v.raise_if_any()
    client = ctx.client_address[:64]
    for_address = col(PasswordResetRequest.email) == address
    from_this_client = col(PasswordResetRequest.client_address) == client
    for_email, from_client = (
        await ctx.session.exec(
            select(
                func.sum(case((for_address, 1), else_=0)),
                func.sum(case((from_this_client, 1), else_=0)),
            )
            .where(col(PasswordResetRequest.created_at) > ctx.now() - RESET_WINDOW)
            .where(or_(for_address, from_this_client))
        )
    ).one()
    allowed = reset_request_allowed(
        for_email or 0,
        from_client or 0,
        per_email=ctx.settings.reset_account_max_per_hour,
        per_client=ctx.settings.reset_address_max_per_hour,
    )
    if not allowed:
        raise UserErrors.one(
            "email",
            ErrorCode.TOO_MANY_ATTEMPTS,
            "Trop de demandes de réinitialisation du mot de passe. Réessayez dans une heure.",
        )
    ctx.session.add(PasswordResetRequest(email=address, client_address=client, created_at=ctx.now()))
    # Wake the mail worker after the commit: its jobs process the queue before it delivers.
    ctx.jobs_queued = True


async def process_reset_requests(db: Database, settings: Settings, clock: Clock, *, limit: int = 50) -> int:
    """Do the queued reset requests' work (a job of the mail worker: on its polls, and after each
    commit that queued a request); returns how many were taken. Each is claimed in its own
    transaction, skipping rows another server instance holds, and mails what it must in that
    transaction."""
    done = 0
    for _ in range(limit):
        ctx = RequestContext(db=db, settings=settings, clock=clock, request_id="password-reset-queue")
        if not await in_transaction(ctx, functools.partial(_process_one_reset, ctx)):
            break
        done += 1
    if done:
        # The requests only count for an hour; the typed addresses are not kept longer than a day.
        async with db.transaction() as session:
            await session.exec(
                delete(PasswordResetRequest).where(
                    col(PasswordResetRequest.created_at) < clock.now() - timedelta(days=1)
                )
            )
    return done


async def _process_one_reset(ctx: RequestContext) -> bool:
    row = (
        await ctx.session.exec(
            select(PasswordResetRequest)
            .where(col(PasswordResetRequest.processed_at).is_(None))
            .order_by(col(PasswordResetRequest.created_at))
            .limit(1)
            .with_for_update(skip_locked=True)
        )
    ).first()
    if row is None:
        return False
    row.processed_at = ctx.now()
    # Locked: two instances working on requests for one account count each other's links.
    account = (
        await ctx.session.exec(select(Account).where(Account.email == row.email).with_for_update())
    ).first()
    if account is None:
        return True
    # Never confirmed: the confirmation link is what sets a first password.
    purpose = RESET_PASSWORD if account.confirmed_at is not None else CONFIRM_ACCOUNT
    recent_links = (
        await ctx.session.exec(
            select(func.count())
            .select_from(OneTimeToken)
            .where(col(OneTimeToken.account_id) == account.id)
            .where(col(OneTimeToken.purpose) == purpose)
            .where(col(OneTimeToken.created_at) > ctx.now() - RESET_WINDOW)
        )
    ).one()
    if not reset_mail_allowed(recent_links, per_account=ctx.settings.reset_account_max_per_hour):
        return True
    if purpose == CONFIRM_ACCOUNT:
        await send_confirmation(ctx, account)
        return True
    await _retire_tokens(ctx, account.id, RESET_PASSWORD)
    minutes = ctx.settings.reset_token_minutes
    token = _issue_token(ctx, account, RESET_PASSWORD, timedelta(minutes=minutes))
    send_mail(
        ctx,
        "password_reset",
        account.email,
        name=await display_name(ctx, account),
        link=client_link(ctx, RESET_PASSWORD_PATH, token),
        valid_minutes=minutes,
    )
    return True


async def reset_password(ctx: RequestContext, token: str, password: str) -> Account:
    """Set a new password from a reset link; every session ends."""
    row = await _use_token(ctx, token, RESET_PASSWORD)
    account = await ctx.session.get(Account, row.account_id, with_for_update=True)
    assert account is not None
    errors = password_errors("password", password, email=account.email, names=await _names(ctx, account))
    if errors:
        raise UserErrors(errors)
    await _set_password(ctx, account, password)
    await revoke_sessions(ctx, account.id)
    await _retire_tokens(ctx, account.id, RESET_PASSWORD)
    await forget(ctx, email_key(account.email))
    return account


async def change_password(ctx: RequestContext, current: str, new: str) -> Account:
    """Change the viewer's password; their other sessions end."""
    assert ctx.viewer is not None
    account = await ctx.session.get(Account, ctx.viewer.account.id, with_for_update=True)
    assert account is not None
    # Guesses of the current password count like failed sign-ins (on the device's counter when
    # the browser is trusted): a stolen session must not become an unthrottled password oracle.
    keys = keys_of_attempt(ctx, account.email, per_client=False)
    await _refuse_if_throttled(ctx, keys, "currentPassword")
    ok, _ = await verify_password(account.password_hash, current[: PASSWORD_MAX * 4])
    if not ok:
        _count_failure_after_rollback(ctx, keys, account.email, account.id)
        raise UserErrors.one(
            "currentPassword", ErrorCode.WRONG_PASSWORD, "Le mot de passe actuel est incorrect."
        )
    errors = password_errors("newPassword", new, email=account.email, names=await _names(ctx, account))
    if not errors and new == current:
        errors = [
            FieldError(
                "newPassword",
                ErrorCode.SAME_PASSWORD,
                "Le nouveau mot de passe doit être différent de l'actuel.",
            )
        ]
    if errors:
        raise UserErrors(errors)
    await _set_password(ctx, account, new)
    await revoke_sessions(ctx, account.id, keep=ctx.viewer.session.id)
    return account


async def _set_password(ctx: RequestContext, account: Account, password: str) -> None:
    account.password_hash = await hash_password(password)
    account.password_changed_at = ctx.now()
    send_mail(
        ctx,
        "password_changed",
        account.email,
        name=await display_name(ctx, account),
        link=client_link(ctx, LOGIN_PATH),
    )


# ---------------------------------------------------------------------------------------------
# What an account is and may do, as the client's menu shows it

FAMILY_ROLE, STAFF_ROLE, ADMIN_ROLE = "FAMILY", "STAFF", "ADMIN"


def roles_of(account: Account) -> list[str]:
    """What ``account`` may do: a guardian's account manages its household, an admin is staff too."""
    roles = []
    if account.guardian_id is not None:
        roles.append(FAMILY_ROLE)
    if account.is_staff or account.is_admin:
        roles.append(STAFF_ROLE)
    if account.is_admin:
        roles.append(ADMIN_ROLE)
    return roles


@dataclass(frozen=True)
class Profile:
    """ "Mon profil": a guardian's own record, or for staff (no guardian) the account's name only."""

    civility: str
    first_name: str
    last_name: str
    birth_date: date | None
    mobile_phone: str
    home_phone: str
    profession: str
    employer: str
    work_phone: str


async def profile(ctx: RequestContext, account: Account) -> Profile:
    """The viewer's "Mon profil" (``account`` is the viewer's)."""
    guardian = await viewer_guardian(ctx)
    if guardian is None:
        return Profile("", account.first_name, account.last_name, None, "", "", "", "", "")
    return Profile(
        civility=guardian.civility,
        first_name=guardian.first_name,
        last_name=guardian.last_name,
        birth_date=guardian.birth_date,
        mobile_phone=guardian.mobile_phone,
        home_phone=guardian.home_phone,
        profession=guardian.profession,
        employer=guardian.employer,
        work_phone=guardian.work_phone,
    )


# ---------------------------------------------------------------------------------------------
# "Mon profil"


@dataclass
class ProfileChanges:
    """Fields of "Mon profil" to change; None leaves a field as it is."""

    email: str | None = None
    civility: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    birth_date: date | None = None
    clear_birth_date: bool = False
    mobile_phone: str | None = None
    home_phone: str | None = None
    profession: str | None = None
    employer: str | None = None
    work_phone: str | None = None


async def update_profile(ctx: RequestContext, changes: ProfileChanges) -> Account:
    """Update the viewer's personal and professional information.

    A new e-mail address waits until confirmed from the link mailed to it.
    """
    assert ctx.viewer is not None
    account = await ctx.session.get(Account, ctx.viewer.account.id, with_for_update=True)
    assert account is not None
    guardian = await ctx.session.get(Guardian, account.guardian_id) if account.guardian_id else None
    v = Validator()
    values: dict[str, object] = {}
    for name, field, limit, required in (
        ("first_name", "firstName", 100, True),
        ("last_name", "lastName", 100, True),
        ("profession", "profession", 100, False),
        ("employer", "employer", 100, False),
    ):
        raw = getattr(changes, name)
        if raw is not None:
            values[name] = v.text(field, raw, max_length=limit, required=required)
    if changes.civility is not None:
        values["civility"] = v.choice("civility", changes.civility.strip(), CIVILITIES)
    for name, field in (
        ("mobile_phone", "mobilePhone"),
        ("home_phone", "homePhone"),
        ("work_phone", "workPhone"),
    ):
        raw = getattr(changes, name)
        if raw is not None:
            values[name] = v.phone(field, v.text(field, raw, max_length=40))
    if changes.birth_date is not None:
        values["birth_date"] = v.past_date("birthDate", changes.birth_date, ctx.now().date())
    elif changes.clear_birth_date:
        values["birth_date"] = None
    new_email = None
    in_use = False
    if changes.email is not None:
        new_email = v.email("email", changes.email)
        if new_email == account.email:
            new_email = None
        elif not v.has_error("email"):
            # Never told to the family (that would say who has an account): only the mail differs.
            in_use = await _is_sign_in_address(ctx, new_email, of_other_than=account.id)
    if guardian is None:
        staff_only = {"first_name", "last_name"}
        for name in set(values) - staff_only:
            field = {
                "birth_date": "birthDate",
                "mobile_phone": "mobilePhone",
                "home_phone": "homePhone",
                "work_phone": "workPhone",
            }.get(name, name)
            v.add(field, ErrorCode.INVALID, "Ce champ n'existe pas pour un compte du personnel.")
    v.raise_if_any()

    target = guardian if guardian is not None else account
    for name, value in values.items():
        setattr(target, name, value)
    if new_email is not None:
        await _retire_tokens(ctx, account.id, CHANGE_EMAIL)
        hours = ctx.settings.email_change_token_hours
        account.pending_email = new_email
        # A token either way (the same writes); for an address in use it is never mailed, and
        # confirmEmailChange would refuse it.
        token = _issue_token(ctx, account, CHANGE_EMAIL, timedelta(hours=hours), email=new_email)
        name = await display_name(ctx, account)
        if in_use:
            # Its owner learns that someone asked for it, with no link that could give it away.
            login_link = client_link(ctx, LOGIN_PATH)
            send_mail(ctx, "email_change_in_use", new_email, email=new_email, link=login_link)
        else:
            send_mail(
                ctx,
                "email_change",
                new_email,
                name=name,
                email=new_email,
                link=client_link(ctx, CONFIRM_EMAIL_PATH, token),
                valid_hours=hours,
            )
    return account


async def confirm_email_change(ctx: RequestContext, token: str) -> Account:
    """Make the address confirmed by the link the account's sign-in address."""
    row = await _use_token(ctx, token, CHANGE_EMAIL)
    account = await ctx.session.get(Account, row.account_id, with_for_update=True)
    assert account is not None and row.email is not None
    if await _is_sign_in_address(ctx, row.email, of_other_than=account.id):
        raise UserErrors.one(
            "token", ErrorCode.EMAIL_ALREADY_USED, "Un autre compte utilise désormais cette adresse e-mail."
        )
    old = account.email
    account.email = row.email
    account.pending_email = None
    # Other accounts waiting for the same address lose it: the first to confirm it has it.
    await ctx.session.exec(
        update(Account)
        .where(col(Account.pending_email) == row.email)
        .where(col(Account.id) != account.id)
        .values(pending_email=None)
    )
    if account.guardian_id is not None:
        guardian = await ctx.session.get(Guardian, account.guardian_id)
        if guardian is not None:
            guardian.email = row.email
    send_mail(
        ctx,
        "email_changed",
        old,
        name=await display_name(ctx, account),
        email=account.email,
        old_email=old,
        link=client_link(ctx, LOGIN_PATH),
    )
    return account
