"""Catalogue builders: the guide's services written straight to the database, and the documents the
catalogue tests send."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlmodel import func, select

from portail.db.engine import Database
from portail.db.models.catalogue import Activity, Enrolment, Facility, Period, PeriodDay, Regie, Unit

CATALOGUE_TABLES = (Regie, Facility, Activity, Period, Unit, PeriodDay, Enrolment)
SCHOOL_YEAR = (date(2026, 9, 1), date(2027, 7, 3))


@dataclass
class Service:
    """A facility > activity > period with one unit."""

    regie: Regie
    facility: Facility
    activity: Activity
    period: Period
    unit: Unit


async def make_service(
    db: Database,
    facility: str = "RESTAURANT SCOLAIRE",
    activity: str = "RESTAURATION SCOLAIRE",
    period: str = "RESTAURATION SCOLAIRE 2026-2027",
    unit: str = "REPAS",
    *,
    weekdays: str = "0,1,3,4",
    tariff: list[list[int | None]] | None = None,
    regie: str = "REGIE RESTAURATION SCOLAIRE",
    dates: tuple[date, date] = SCHOOL_YEAR,
    **settings: object,
) -> Service:
    """A service of the current school year; ``settings`` go to the activity."""
    regie_row = Regie(name=regie, payfip_client_number="123456")
    facility_row = Facility(name=facility)
    activity_row = Activity(facility_id=facility_row.id, regie_id=regie_row.id, name=activity, **settings)
    period_row = Period(activity_id=activity_row.id, name=period, start=dates[0], end=dates[1], weekdays=weekdays)
    unit_row = Unit(
        period_id=period_row.id, name=unit, tariff=json.dumps(tariff or [[500, 120], [1000, 250], [None, 410]])
    )
    async with db.transaction() as session:
        for row in (regie_row, facility_row, activity_row, period_row, unit_row):
            session.add(row)
            await session.flush()
    return Service(regie_row, facility_row, activity_row, period_row, unit_row)


async def catalogue_counts(db: Database) -> dict[str, int]:
    """Rows in each catalogue table."""
    async with db.read_sessions() as session:
        return {
            table.__tablename__: (await session.exec(select(func.count()).select_from(table))).one()  # type: ignore[attr-defined]
            for table in CATALOGUE_TABLES
        }


ERRORS = "errors { field code message }"
CREATE_REGIE = f"""mutation($input: RegieInput!) {{ createRegie(input: $input) {{
  regie {{ id name payfipClientNumber }} {ERRORS} }} }}"""
CREATE_FACILITY = f"""mutation($name: String!) {{ createFacility(name: $name) {{ facility {{ id name }} {ERRORS} }} }}"""
CREATE_ACTIVITY = f"""mutation($facilityId: ID!, $input: ActivityInput!) {{
  createActivity(facilityId: $facilityId, input: $input) {{
    activity {{ id name enrolment bookingAcceptance whenFull payment regie {{ name }} }} {ERRORS} }} }}"""
CREATE_PERIOD = f"""mutation($activityId: ID!, $input: PeriodInput!) {{
  createPeriod(activityId: $activityId, input: $input) {{ period {{ id path start end weekdays }} {ERRORS} }} }}"""
CREATE_UNIT = f"""mutation($periodId: ID!, $input: UnitInput!) {{
  createUnit(periodId: $periodId, input: $input) {{
    unit {{ id name capacity bookingDeadline {{ description }} cancellationDeadline {{ description }}
            tariff {{ maxQuotient price }} }} {ERRORS} }} }}"""
SET_CALENDAR = f"""mutation($periodId: ID!, $closures: [DateSpanInput!]!, $extraDays: [DateSpanInput!]!) {{
  setPeriodCalendar(periodId: $periodId, closures: $closures, extraDays: $extraDays) {{
    period {{ closures {{ start end label }} extraDays {{ start end label }} }} {ERRORS} }} }}"""
FACILITIES = """{ facilities { name activities { name regie { name payfipClientNumber } periods {
  path weekdays units { name capacity tariff { maxQuotient price } } closures { start end label } } } } }"""
CATALOGUE = """query($childId: ID!) { catalogue(childId: $childId) { name activities { name periods {
  id path canEnrol enrolment { id state } missing { kind code message }
  units { name price priceText bookingDeadline cancellationDeadline } } } } }"""
ENROLL = f"""mutation($childId: ID!, $periodId: ID!) {{ enrollChild(childId: $childId, periodId: $periodId) {{
  enrolment {{ id state childName periodPath }} {ERRORS} }} }}"""
DECIDE = f"""mutation($id: ID!, $accept: Boolean!, $reason: String!) {{
  decideEnrolment(id: $id, accept: $accept, reason: $reason) {{ enrolment {{ id state reason }} {ERRORS} }} }}"""
PENDING = "{ pendingEnrolments { edges { node { id childName periodPath state } } } }"


def unit_input(name: str = "REPAS", **overrides: object) -> dict[str, object]:
    """A unit input as the canteen's: booking and cancelling 2 days before at 10:00, three brackets."""
    value: dict[str, object] = {
        "name": name,
        "bookingDeadline": {"kind": "DAYS_BEFORE", "days": 2, "at": "10:00:00"},
        "cancellationDeadline": {"kind": "WEEKDAY_OF_WEEK_BEFORE", "weekday": "THURSDAY", "at": "12:00:00"},
        "tariff": [{"maxQuotient": 500, "price": 120}, {"maxQuotient": 1000, "price": 250},
                   {"maxQuotient": None, "price": 410}],
    }
    value.update(overrides)
    return value
