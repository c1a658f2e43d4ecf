"""Payloads and mutations of accounts."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from portail.resolvers import accounts as use_cases
from portail.schema.accounts.inputs import (
    OpenFamilyAccountInput,
    UpdateProfileInput,
    open_family_account,
    profile_changes,
)
from portail.schema.accounts.types import Account, Viewer
from portail.schema.context import Info
from portail.schema.errors import UserError
from portail.schema.households.types import Household
from portail.schema.ids import parse_id
from portail.schema.mutations import run_mutation
from portail.schema.payloads import DonePayload
from portail.schema.permissions import SIGNED_IN, STAFF


@strawberry.type(description="Result of `login` and `confirmAccount`.")
class LoginPayload:
    viewer: Viewer | None = strawberry.field(description="The signed-in account; null on error.")
    bearer_token: str | None = strawberry.field(
        default=None,
        description="The session token, only when `bearer: true` was asked (no cookie is set "
        "then): send it as `Authorization: Bearer <token>`.",
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `updateProfile`, `changePassword` and `confirmEmailChange`.")
class ViewerPayload:
    viewer: Viewer | None = strawberry.field(description="The account as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `openFamilyAccount`.")
class OpenFamilyAccountPayload:
    account: Account | None = strawberry.field(description="The new account, not yet confirmed.")
    household: Household | None = strawberry.field(description="The new household.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `resendAccountConfirmation`.")
class AccountPayload:
    account: Account | None = strawberry.field(description="The account; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type
class AccountMutations:
    @strawberry.mutation(
        description='Sign in ("Connexion"). The e-mail is case-insensitive. A browser gets an '
        "httpOnly session cookie; with `bearer: true` the token is returned instead. Repeated "
        "failures make the address wait, then lock it for a while; the answer never tells whether "
        "an account exists. At most one `login` per request."
    )
    async def login(
        self,
        info: Info,
        email: Annotated[str, strawberry.argument(description="The account's e-mail address.")],
        password: Annotated[str, strawberry.argument(description="The password.")],
        remember_me: Annotated[
            bool, strawberry.argument(description='"Se souvenir de moi": keep the session 30 days.')
        ] = False,
        bearer: Annotated[
            bool, strawberry.argument(description="Return a bearer token for a non-browser client (exports).")
        ] = False,
    ) -> LoginPayload:
        ctx = info.context.app
        result, errors = await run_mutation(
            info, lambda: use_cases.login(ctx, email, password, remember=remember_me, bearer=bearer)
        )
        if result is None:
            return LoginPayload(viewer=None, errors=errors)
        account, token = result
        return LoginPayload(
            viewer=Viewer.from_row(account), bearer_token=token if bearer else None, errors=[]
        )

    @strawberry.mutation(description="Sign out: the session ends and the cookie is cleared.")
    async def logout(self, info: Info) -> DonePayload:
        _, errors = await run_mutation(info, lambda: use_cases.logout(info.context.app))
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(
        description="Confirm the address from the link of the account-opening mail (or of the "
        "registration's mail), create the password (unless the family chose it at registration) and sign "
        "in (a confirmation mail follows)."
    )
    async def confirm_account(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The `token` parameter of the mailed link.")],
        password: Annotated[
            str | None,
            strawberry.argument(
                description="The new password (10 characters or more): required for an account staff "
                "opened; omitted for a family that registered itself (`registerFamily`), which chose it "
                "then (given, it replaces that one)."
            ),
        ] = None,
    ) -> LoginPayload:
        account, errors = await run_mutation(
            info, lambda: use_cases.confirm_account(info.context.app, token, password)
        )
        return LoginPayload(viewer=Viewer.from_row(account) if account else None, errors=errors)

    @strawberry.mutation(
        description='"Mot de passe oublié ?": mails a reset link valid 1 hour (within seconds: the '
        "request is queued). Answers the same whether or not the address has an account. Requests "
        "are limited per typed address and per client address each hour (`TOO_MANY_ATTEMPTS` on "
        "`email` beyond), and so are the links mailed to one account."
    )
    async def request_password_reset(
        self,
        info: Info,
        email: Annotated[str, strawberry.argument(description="The account's e-mail address.")],
    ) -> DonePayload:
        _, errors = await run_mutation(
            info, lambda: use_cases.request_password_reset(info.context.app, email)
        )
        return DonePayload(ok=not errors, errors=errors)

    @strawberry.mutation(
        description="Choose a new password from the reset link. Every open session ends; sign in again."
    )
    async def reset_password(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The `token` parameter of the mailed link.")],
        password: Annotated[str, strawberry.argument(description="The new password.")],
    ) -> DonePayload:
        account, errors = await run_mutation(
            info, lambda: use_cases.reset_password(info.context.app, token, password)
        )
        return DonePayload(ok=account is not None, errors=errors)

    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description="Change the password; the account's other sessions end.",
    )
    async def change_password(
        self,
        info: Info,
        current_password: Annotated[str, strawberry.argument(description="The password in use.")],
        new_password: Annotated[str, strawberry.argument(description="The new password.")],
    ) -> ViewerPayload:
        account, errors = await run_mutation(
            info, lambda: use_cases.change_password(info.context.app, current_password, new_password)
        )
        return ViewerPayload(viewer=Viewer.from_row(account) if account else None, errors=errors)

    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description='Edit "Mon profil". A new e-mail address is mailed a confirmation link and '
        "replaces the old one only once confirmed (see `account.pendingEmail`).",
    )
    async def update_profile(
        self,
        info: Info,
        input: Annotated[UpdateProfileInput, strawberry.argument(description="The fields to change.")],
    ) -> ViewerPayload:
        async def update() -> Any:
            return await use_cases.update_profile(info.context.app, profile_changes(input))

        account, errors = await run_mutation(info, update)
        return ViewerPayload(viewer=Viewer.from_row(account) if account else None, errors=errors)

    @strawberry.mutation(description="Confirm a new e-mail address from the link mailed to it.")
    async def confirm_email_change(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The `token` parameter of the mailed link.")],
    ) -> ViewerPayload:
        account, errors = await run_mutation(
            info, lambda: use_cases.confirm_email_change(info.context.app, token)
        )
        return ViewerPayload(viewer=Viewer.from_row(account) if account else None, errors=errors)

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: open a family's account (household, first guardian, sign-in). The "
        "family is mailed a confirmation link valid 7 days.",
    )
    async def open_family_account(
        self,
        info: Info,
        input: Annotated[OpenFamilyAccountInput, strawberry.argument(description="The family to open.")],
    ) -> OpenFamilyAccountPayload:
        data = open_family_account(input)
        result, errors = await run_mutation(
            info, lambda: use_cases.open_family_account(info.context.app, data)
        )
        if result is None:
            return OpenFamilyAccountPayload(account=None, household=None, errors=errors)
        account, household = result
        return OpenFamilyAccountPayload(
            account=Account.from_row(account), household=Household.from_row(household), errors=[]
        )

    @strawberry.mutation(
        permission_classes=STAFF,
        description="Staff: mail a new confirmation link to an account not yet confirmed "
        "(older links stop working).",
    )
    async def resend_account_confirmation(
        self,
        info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(description="The account.")],
    ) -> AccountPayload:
        account, errors = await run_mutation(
            info, lambda: use_cases.resend_confirmation(info.context.app, parse_id(account_id))
        )
        return AccountPayload(account=Account.from_row(account) if account else None, errors=errors)
