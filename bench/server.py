"""The benchmarked app: the real app, plus bare Starlette twins of the ``viewer``, ``household`` and
``planning`` queries, a count of the SQL statements the server has run, and the answering process's id.

uvicorn loads it with ``bench.server:make_app --factory``; the settings come from the
``PORTAIL_*`` environment the bench sets (a fresh database, a temporary ``var/``), and the clock
from ``BENCH_NOW`` (an ISO datetime) when set.
"""

from __future__ import annotations

import os
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import col, select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

import portail
import portail.app
import portail.db.migrate
from portail.app import create_app
from portail.clock import Clock
from portail.db.models import AuthorizedPerson, Child, Guardian, Household, HouseholdChild, Vaccination
from portail.db.models.bookings import Booking
from portail.db.models.catalogue import Activity, Period, Unit
from portail.http import request_context
from portail.rules.booking_states import ACTIVE_STATES, STATE_LABELS, BookingState
from portail.rules.capacity import InLine, waiting_position
from portail.settings import Settings

BASELINE_PATH = "/bench/viewer"
HOUSEHOLD_PATH = "/bench/household"
PLANNING_PATH = "/bench/planning"
STATEMENTS_PATH = "/bench/statements"
PID_PATH = "/bench/pid"

_statements = 0


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


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


async def household_baseline(request: Request) -> JSONResponse:
    """What the GraphQL ``household`` query of ``bench.records.HOUSEHOLD_QUERY`` answers, by hand:
    same session check, then six plain selects (guardian, household, guardians, children, their
    vaccinations, their authorised persons), however many children."""
    ctx = await request_context(request)
    try:
        viewer = ctx.viewer
        guardian_id = viewer.account.guardian_id if viewer else None
        if guardian_id is None:
            return JSONResponse({"data": {"household": None}})
        session = ctx.session
        me = await session.get(Guardian, guardian_id)
        assert me is not None
        household = await session.get(Household, me.household_id)
        assert household is not None
        guardians = (
            await session.exec(
                select(Guardian).where(Guardian.household_id == household.id).order_by(col(Guardian.rank))
            )
        ).all()
        children = (
            await session.exec(
                select(Child)
                .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
                .where(HouseholdChild.household_id == household.id)
                .order_by(col(Child.birth_date), col(Child.first_name))
            )
        ).all()
        ids = [c.id for c in children]
        vaccinations: dict[Any, list[dict[str, Any]]] = {i: [] for i in ids}
        persons: dict[Any, list[dict[str, Any]]] = {i: [] for i in ids}
        if ids:
            query = (
                select(Vaccination)
                .where(col(Vaccination.child_id).in_(ids))
                .order_by(col(Vaccination.vaccinated_on))
            )
            for v in (await session.exec(query)).all():
                vaccinations[v.child_id].append(
                    {"vaccine": v.vaccine, "vaccinatedOn": _date(v.vaccinated_on)}
                )
            contacts = (
                select(AuthorizedPerson)
                .where(col(AuthorizedPerson.child_id).in_(ids))
                .order_by(col(AuthorizedPerson.last_name), col(AuthorizedPerson.first_name))
            )
            for p in (await session.exec(contacts)).all():
                persons[p.child_id].append(
                    {
                        "firstName": p.first_name,
                        "lastName": p.last_name,
                        "mobilePhone": p.mobile_phone,
                        "mayPickUp": p.may_pick_up,
                        "emergencyContact": p.emergency_contact,
                    }
                )
    finally:
        await ctx.close()

    body = {
        "name": household.name,
        "address": {
            "number": household.address_number,
            "street": household.address_street,
            "postcode": household.postcode,
            "city": household.city,
            "mainPhone": household.main_phone,
        },
        "complementary": {
            "cafNumber": household.caf_number,
            "familyQuotient": household.family_quotient,
            "insuranceCompany": household.insurance_company,
        },
        "guardians": [
            {
                "firstName": g.first_name,
                "lastName": g.last_name,
                "mobilePhone": g.mobile_phone,
                "email": g.email,
            }
            for g in guardians
        ],
        "children": [
            {
                "id": str(c.id),
                "firstName": c.first_name,
                "lastName": c.last_name,
                "birthDate": _date(c.birth_date),
                # Enum values are the stored codes; an empty one is null.
                "sex": c.sex or None,
                "schooling": {"school": c.school, "classLevel": c.class_level or None},
                "meals": {"diet": c.diet or None, "foodAllergies": c.food_allergies},
                "health": {
                    "doctorName": c.doctor_name,
                    "doctorPhone": c.doctor_phone,
                    "allergies": c.allergies,
                    "medicalNotes": c.medical_notes,
                    "hasPai": c.has_pai,
                },
                "vaccinations": vaccinations[c.id],
                "authorizedPersons": persons[c.id],
            }
            for c in children
        ],
    }
    return JSONResponse({"data": {"household": body}})


async def planning_baseline(request: Request) -> JSONResponse:
    """What the GraphQL query of ``bench.bookings.PLANNING_QUERY`` (the calendar screen: the legend and
    every field of ``planning``) answers, by hand: same session check, then the viewer's guardian,
    the household's children, their active bookings of the household from ``from`` to ``to`` with
    the same joins as ``portail.resolvers.planning.planning`` (unit, period, activity), the units
    they name, and the waiting lines of the waiting ones, if any."""
    start = date.fromisoformat(request.query_params["from"])
    end = date.fromisoformat(request.query_params["to"])
    ctx = await request_context(request)
    try:
        viewer = ctx.viewer
        guardian_id = viewer.account.guardian_id if viewer else None
        if guardian_id is None:
            return JSONResponse({"data": {"planning": None}})
        session = ctx.session
        me = await session.get(Guardian, guardian_id)
        assert me is not None
        household_id = me.household_id
        children = (
            await session.exec(
                select(Child)
                .join(HouseholdChild, col(HouseholdChild.child_id) == Child.id)
                .where(HouseholdChild.household_id == household_id)
                .order_by(col(Child.birth_date), col(Child.first_name))
            )
        ).all()
        rows = (
            await session.exec(
                select(
                    Booking.id,
                    Booking.child_id,
                    Booking.day,
                    Booking.state,
                    Booking.household_id,
                    Booking.unit_id,
                    Unit.name.label("unit_name"),  # type: ignore[attr-defined]
                    Unit.position.label("unit_position"),  # type: ignore[attr-defined]
                    Booking.period_id,
                    Activity.name.label("activity_name"),  # type: ignore[attr-defined]
                )
                .join(Unit, col(Unit.id) == Booking.unit_id)
                .join(Period, col(Period.id) == Booking.period_id)
                .join(Activity, col(Activity.id) == Period.activity_id)
                .where(
                    col(Booking.child_id).in_([c.id for c in children]),
                    col(Booking.day).between(start, end),
                    col(Booking.state).in_([s.value for s in ACTIVE_STATES]),
                    Booking.household_id == household_id,
                )
                .order_by(col(Booking.day), col(Booking.child_id), col(Unit.position), col(Unit.name))
            )
        ).all()
        waiting = [r for r in rows if r.state == BookingState.WAITING.value]
        positions: dict[uuid.UUID, int] = {}
        if waiting:
            lines: dict[tuple[uuid.UUID, date], list[InLine]] = {}
            days = [r.day for r in waiting]
            query = select(
                Booking.id,
                Booking.unit_id,
                Booking.day,
                Booking.queued_at,
                Booking.queue_number,
                Booking.queue_line,
                Booking.updated_at,
            ).where(
                col(Booking.unit_id).in_({r.unit_id for r in waiting}),
                col(Booking.day).between(min(days), max(days)),
                Booking.state == BookingState.WAITING.value,
            )
            for w in (await session.exec(query)).all():
                lines.setdefault((w.unit_id, w.day), []).append(
                    InLine(w.id, w.queued_at or w.updated_at, w.queue_number, w.queue_line, **_arrival(w.id))
                )
            positions = {
                r.id: waiting_position(lines.get((r.unit_id, r.day), []), r.id) or 0 for r in waiting
            }
    finally:
        await ctx.close()

    by_day: dict[date, list[dict[str, Any]]] = {}
    units: dict[uuid.UUID, tuple[Any, ...]] = {}
    for r in rows:
        units[r.unit_id] = (r.activity_name, r.unit_position, r.unit_name, r.unit_id, r.period_id)
        by_day.setdefault(r.day, []).append(
            {
                "id": str(r.id),
                "childId": str(r.child_id),
                "unitId": str(r.unit_id),
                "state": r.state.upper(),
                "fromOtherAccount": r.household_id != household_id,
                "waitingPosition": positions.get(r.id),
            }
        )
    days_json = []
    day = start
    while day <= end:
        days_json.append({"date": day.isoformat(), "bookings": by_day.get(day, [])})
        day += timedelta(days=1)
    body = {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "children": [{"id": str(c.id), "firstName": c.first_name, "lastName": c.last_name} for c in children],
        "units": [
            {"id": str(unit_id), "name": name, "periodId": str(period_id), "activityName": activity}
            for activity, _, name, unit_id, period_id in sorted(units.values(), key=lambda u: u[:3])
        ],
        "days": days_json,
    }
    legend = [{"state": state.name, "label": label} for state, label in STATE_LABELS.items()]
    return JSONResponse({"data": {"bookingLegend": legend, "planning": body}})


def _count_statement(*_: Any) -> None:
    global _statements
    _statements += 1


async def statements(request: Request) -> JSONResponse:
    """How many SQL statements the server has sent so far (all engines, all requests)."""
    return JSONResponse({"statements": _statements})


async def pid(request: Request) -> JSONResponse:
    """The process that answered (with several workers: which one), and where its ``portail`` package
    was imported from (``--before REV`` runs a server on REV's ``src/``)."""
    return JSONResponse({"pid": os.getpid(), "portail": portail.__file__})


def _arrival(booking_id: uuid.UUID) -> dict[str, uuid.UUID]:
    """The waiting line's tie-break where the code has one (``--before`` may run code without it)."""
    return {"arrival": booking_id} if "arrival" in InLine.__dataclass_fields__ else {}


async def _leave_database(db: object, settings: object) -> None:
    return None


async def _current(engine: object) -> bool:
    return True


def make_app() -> Starlette:
    """The production app object, with the baseline routes added for the benchmark only."""
    clock = Clock()
    if os.environ.get("BENCH_NOW"):
        clock.travel_to(datetime.fromisoformat(os.environ["BENCH_NOW"]))
    if os.environ.get("BENCH_BEFORE"):
        # An earlier revision's code (``--before``) on the bench's database, which the current
        # migrations made: its own migrations must not try to move it (an unknown newer revision
        # stops alembic). The bench checks the tables it reads are the same.
        portail.app.prepare_database = _leave_database  # type: ignore[assignment]
        portail.db.migrate.is_current = _current  # type: ignore[assignment]  # for /readyz
    app = create_app(Settings(_env_file=None), clock=clock)  # type: ignore[call-arg]
    app.router.routes += [
        Route(BASELINE_PATH, viewer_baseline, methods=["GET"]),
        Route(HOUSEHOLD_PATH, household_baseline, methods=["GET"]),
        Route(PLANNING_PATH, planning_baseline, methods=["GET"]),
        Route(STATEMENTS_PATH, statements, methods=["GET"]),
        Route(PID_PATH, pid, methods=["GET"]),
    ]
    if not event.contains(Engine, "before_cursor_execute", _count_statement):
        event.listen(Engine, "before_cursor_execute", _count_statement)
    return app
