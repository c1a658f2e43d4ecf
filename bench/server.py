"""The benchmarked app: the real app, plus a bare Starlette twin of the ``viewer`` query.

uvicorn loads it with ``bench.server:make_app --factory``; the settings come from the
``PORTAIL_*`` environment the bench sets (a fresh database, a temporary ``var/``).
"""

from __future__ import annotations

from sqlmodel import col, select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from portail.app import create_app
from portail.db.models import Child, Guardian, Household, HouseholdChild
from portail.http import request_context
from portail.settings import Settings

BASELINE_PATH = "/bench/viewer"


async def viewer_baseline(request: Request) -> JSONResponse:
    """What the GraphQL ``viewer`` query answers, by hand: same session check, same rows."""
    ctx = await request_context(request)
    try:
        viewer = ctx.viewer
        if viewer is None:
            return JSONResponse({"data": {"viewer": None}})
        account = viewer.account
        session = ctx.session
        guardian = await session.get(Guardian, account.guardian_id) if account.guardian_id else None
        household = await session.get(Household, guardian.household_id) if guardian else None
        children = []
        if household is not None:
            query = (
                select(Child)
                .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
                .where(HouseholdChild.household_id == household.id)
                .order_by(col(Child.birth_date), col(Child.first_name))
            )
            children = list((await session.exec(query)).all())
    finally:
        await ctx.close()

    roles = []
    if account.guardian_id is not None:
        roles.append("FAMILY")
    if account.is_staff or account.is_admin:
        roles.append("STAFF")
    if account.is_admin:
        roles.append("ADMIN")
    person = guardian or account
    body = {
        "account": {"id": str(account.id), "email": account.email, "roles": roles},
        "profile": {
            "firstName": person.first_name,
            "lastName": person.last_name,
            "mobilePhone": guardian.mobile_phone if guardian else "",
        },
        "household": None
        if household is None
        else {
            "name": household.name,
            "address": {
                "number": household.address_number,
                "street": household.address_street,
                "postcode": household.postcode,
                "city": household.city,
            },
            "children": [
                {
                    "firstName": c.first_name,
                    "lastName": c.last_name,
                    "birthDate": c.birth_date.isoformat() if c.birth_date else None,
                }
                for c in children
            ],
        },
    }
    return JSONResponse({"data": {"viewer": body}})


def make_app() -> Starlette:
    """The production app object, with the baseline route added for the benchmark only."""
    app = create_app(Settings(_env_file=None))  # type: ignore[call-arg]
    app.router.routes.append(Route(BASELINE_PATH, viewer_baseline, methods=["GET"]))
    return app
