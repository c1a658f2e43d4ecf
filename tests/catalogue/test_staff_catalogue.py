"""Staff set up the guide's services: a regie with its PayFiP number, the facility "CENTRE AERE
MERCREDI", its activity "MERCREDIS", the period "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027" on
Wednesdays, its unit "JOURNEE CENTRE AERE MERCREDI" at 7,70 € for the top bracket, and a closure.
Bad input is refused with an error naming the field, and nothing is written."""

from __future__ import annotations

import pytest

from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import (
    CREATE_ACTIVITY,
    CREATE_FACILITY,
    CREATE_PERIOD,
    CREATE_REGIE,
    CREATE_UNIT,
    FACILITIES,
    SET_CALENDAR,
    catalogue_counts,
    make_service,
    unit_input,
)


async def staff_client(db, browser):
    staff = await make_staff(db)
    return await signed_in(browser(), staff.email, staff.password)


async def test_staff_set_up_the_wednesday_centre(db, browser):
    staff = await staff_client(db, browser)
    regie = (await staff.data(CREATE_REGIE, {"input": {"name": "REGIE CENTRE AERE MERCREDI",
                                                       "payfipClientNumber": "123456"}}))["createRegie"]
    assert regie["errors"] == []
    facility = (await staff.data(CREATE_FACILITY, {"name": "CENTRE AERE MERCREDI"}))["createFacility"]
    activity = (await staff.data(CREATE_ACTIVITY, {"facilityId": facility["facility"]["id"], "input": {
        "name": "MERCREDIS", "regieId": regie["regie"]["id"], "bookingAcceptance": "STAFF",
        "whenFull": "WAITING_LIST", "payment": "BASKET", "enrolment": "STAFF", "classLevels": ["CP", "CE1", "CE2"],
        "requiredSections": ["HEALTH"]}}))["createActivity"]
    assert activity["errors"] == []
    assert activity["activity"]["regie"] == {"name": "REGIE CENTRE AERE MERCREDI"}
    period = (await staff.data(CREATE_PERIOD, {"activityId": activity["activity"]["id"], "input": {
        "name": "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027", "start": "2026-09-02", "end": "2027-07-03",
        "weekdays": ["WEDNESDAY"]}}))["createPeriod"]
    assert period["errors"] == []
    assert period["period"]["path"] == (
        "CENTRE AERE MERCREDI > MERCREDIS > MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027"
    )
    unit = (await staff.data(CREATE_UNIT, {"periodId": period["period"]["id"], "input": unit_input(
        "JOURNEE CENTRE AERE MERCREDI", capacity=24,
        tariff=[{"maxQuotient": 700, "price": 380}, {"maxQuotient": None, "price": 770}])}))["createUnit"]
    assert unit["errors"] == []
    assert unit["unit"]["bookingDeadline"]["description"] == "2 jours avant, 10h00"
    assert unit["unit"]["cancellationDeadline"]["description"] == "le jeudi de la semaine précédente, 12h00"
    closed = (await staff.data(SET_CALENDAR, {"periodId": period["period"]["id"], "extraDays": [],
                                              "closures": [{"start": "2027-05-12", "end": "2027-05-12",
                                                            "label": "Pont de l'Ascension"}]}))["setPeriodCalendar"]
    assert closed["errors"] == []

    [tree] = (await staff.data(FACILITIES))["facilities"]
    assert tree == {"name": "CENTRE AERE MERCREDI", "activities": [{
        "name": "MERCREDIS", "regie": {"name": "REGIE CENTRE AERE MERCREDI", "payfipClientNumber": "123456"},
        "periods": [{"path": "CENTRE AERE MERCREDI > MERCREDIS > MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027",
                     "weekdays": ["WEDNESDAY"],
                     "units": [{"name": "JOURNEE CENTRE AERE MERCREDI", "capacity": 24,
                                "tariff": [{"maxQuotient": 700, "price": 380},
                                           {"maxQuotient": None, "price": 770}]}],
                     "closures": [{"start": "2027-05-12", "end": "2027-05-12", "label": "Pont de l'Ascension"}]}],
    }]}


BAD_UNITS = [
    ("a deadline of 400 days", {"bookingDeadline": {"kind": "DAYS_BEFORE", "days": 400, "at": "10:00:00"}},
     "bookingDeadline.days"),
    ("a tariff grid with a gap above its last bracket",
     {"tariff": [{"maxQuotient": 500, "price": 120}, {"maxQuotient": 1000, "price": 250}]}, "tariff"),
    ("brackets out of order", {"tariff": [{"maxQuotient": 1000, "price": 250}, {"maxQuotient": 500, "price": 120},
                                          {"maxQuotient": None, "price": 410}]}, "tariff"),
    ("a negative price", {"tariff": [{"maxQuotient": None, "price": -5}]}, "tariff.0.price"),
    ("no places", {"capacity": 0}, "capacity"),
    ("a rule of the week before without its weekday",
     {"cancellationDeadline": {"kind": "WEEKDAY_OF_WEEK_BEFORE", "at": "12:00:00"}}, "cancellationDeadline.weekday"),
]


@pytest.mark.parametrize(("case", "change", "field"), BAD_UNITS, ids=[c[0] for c in BAD_UNITS])
async def test_a_bad_unit_is_refused_on_its_field_and_nothing_is_written(db, browser, case, change, field):
    staff = await staff_client(db, browser)
    service = await make_service(db)
    before = await catalogue_counts(db)
    result = (await staff.data(CREATE_UNIT, {"periodId": str(service.period.id), "input": unit_input(**change)}))
    assert result["createUnit"]["unit"] is None
    assert [e["field"] for e in result["createUnit"]["errors"]] == [field]
    assert await catalogue_counts(db) == before


async def test_a_five_digit_payfip_number_is_refused(db, browser):
    staff = await staff_client(db, browser)
    result = await staff.data(CREATE_REGIE, {"input": {"name": "REGIE", "payfipClientNumber": "12345"}})
    assert [(e["field"], e["code"]) for e in result["createRegie"]["errors"]] == [("payfipClientNumber", "INVALID")]
    assert (await catalogue_counts(db))["regie"] == 0


async def test_a_period_ending_before_it_starts_is_refused(db, browser):
    staff = await staff_client(db, browser)
    service = await make_service(db)
    before = await catalogue_counts(db)
    result = await staff.data(CREATE_PERIOD, {"activityId": str(service.activity.id), "input": {
        "name": "RESTAURATION SCOLAIRE 2027-2028", "start": "2027-09-01", "end": "2027-08-31",
        "weekdays": ["MONDAY"]}})
    assert [(e["field"], e["code"]) for e in result["createPeriod"]["errors"]] == [("end", "INVALID")]
    assert await catalogue_counts(db) == before


async def test_a_closure_outside_the_period_is_refused(db, browser):
    staff = await staff_client(db, browser)
    service = await make_service(db)
    result = await staff.data(SET_CALENDAR, {"periodId": str(service.period.id), "extraDays": [],
                                             "closures": [{"start": "2027-08-01", "end": "2027-08-02"}]})
    assert [e["field"] for e in result["setPeriodCalendar"]["errors"]] == ["closures.0.start"]
    assert (await catalogue_counts(db))["period_day"] == 0


async def test_an_unknown_document_type_cannot_be_required(db, browser):
    staff = await staff_client(db, browser)
    service = await make_service(db)
    result = await staff.data(CREATE_ACTIVITY, {"facilityId": str(service.facility.id), "input": {
        "name": "GARDERIE", "requiredDocuments": ["INCONNU"]}})
    assert [(e["field"], e["code"]) for e in result["createActivity"]["errors"]] == [("requiredDocuments", "NOT_FOUND")]


async def test_families_cannot_manage_the_catalogue(db, browser):
    family = await make_family(db)
    client = await signed_in(browser(), family.email, family.password)
    body = await client(CREATE_FACILITY, {"name": "PIRATE"})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await catalogue_counts(db))["facility"] == 0


async def test_an_activity_name_longer_than_its_column_is_too_long_on_update(db, browser):
    # As updateDocumentType's (which the fuzz test found): on PostgreSQL the look-up of the required documents
    # flushed the 100,000-character name into its column first (an internal error, not TOO_LONG).
    staff = await staff_client(db, browser)
    service = await make_service(db)
    before = await catalogue_counts(db)
    update = """mutation($id: ID!, $input: UpdateActivityInput!) { updateActivity(id: $id, input: $input) {
      activity { name } errors { field code } } }"""
    result = await staff.data(update, {"id": str(service.activity.id), "input": {
        "name": "x" * 100_000, "requiredDocuments": ["ATTESTATION_CAF"]}})
    assert [(e["field"], e["code"]) for e in result["updateActivity"]["errors"]] == [
        ("name", "TOO_LONG"), ("requiredDocuments", "NOT_FOUND")]
    assert await catalogue_counts(db) == before
    assert [f["activities"][0]["name"] for f in (await staff.data(FACILITIES))["facilities"]] == [
        "RESTAURATION SCOLAIRE"]
