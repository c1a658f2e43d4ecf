"""Reading a family's household, guardians and children (ownership checked here)."""

from __future__ import annotations

from sqlmodel import col, select

from portail.db.models import Account, Child, Guardian, Household, HouseholdChild
from portail.resolvers.context import RequestContext
from portail.rules.completeness import ToComplete, household_to_complete


async def viewer_guardian(ctx: RequestContext) -> Guardian | None:
    """The guardian the viewer signs in as (None for staff or anonymous)."""
    if ctx.viewer is None or ctx.viewer.account.guardian_id is None:
        return None
    return await ctx.session.get(Guardian, ctx.viewer.account.guardian_id)


async def viewer_household(ctx: RequestContext) -> Household | None:
    guardian = await viewer_guardian(ctx)
    if guardian is None:
        return None
    return await ctx.session.get(Household, guardian.household_id)


async def guardians(ctx: RequestContext, household: Household) -> list[Guardian]:
    query = select(Guardian).where(Guardian.household_id == household.id).order_by(col(Guardian.rank))
    return list((await ctx.session.exec(query)).all())


async def children(ctx: RequestContext, household: Household) -> list[Child]:
    query = (
        select(Child)
        .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
        .where(HouseholdChild.household_id == household.id)
        .order_by(col(Child.birth_date), col(Child.first_name))
    )
    return list((await ctx.session.exec(query)).all())


def profile_values(account: Account, guardian: Guardian | None) -> dict[str, object]:
    """ "Mon profil" as GraphQL field names, for the completeness rules."""
    if guardian is None:
        return {
            "firstName": account.first_name,
            "lastName": account.last_name,
            "civility": "-",
            "mobilePhone": "-",
        }
    return {
        "civility": guardian.civility,
        "firstName": guardian.first_name,
        "lastName": guardian.last_name,
        "mobilePhone": guardian.mobile_phone,
    }


async def viewer_to_complete(ctx: RequestContext) -> list[ToComplete]:
    """What the viewer's first connection still requires (nothing for staff)."""
    guardian = await viewer_guardian(ctx)
    if guardian is None or ctx.viewer is None:
        return []
    household = await ctx.session.get(Household, guardian.household_id)
    assert household is not None
    address = {
        "number": household.address_number,
        "street": household.address_street,
        "postcode": household.postcode,
        "city": household.city,
    }
    return household_to_complete(profile_values(ctx.viewer.account, guardian), address)
