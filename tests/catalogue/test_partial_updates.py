"""Staff change one setting at a time: every update mutation changes only the fields it is given.

The canteen's activity loses nothing when staff only rename it (its regie stays: leaving `regieId` out
once removed it); an explicit null clears what may be empty (the regie, an age, a capacity) and is
refused, on its field, where it may not (a name, a date)."""

from __future__ import annotations

from sqlmodel import select

from portail.db.models.catalogue import Activity, Period, Regie, Unit
from tests.support.accounts import signed_in
from tests.support.builders import make_staff
from tests.support.catalogue import catalogue_counts, make_service

ERRORS = "errors { field code message }"
UPDATE_REGIE = f"""mutation($id: ID!, $input: UpdateRegieInput!) {{ updateRegie(id: $id, input: $input) {{
  regie {{ name payfipClientNumber }} {ERRORS} }} }}"""
UPDATE_ACTIVITY = f"""mutation($id: ID!, $input: UpdateActivityInput!) {{ updateActivity(id: $id, input: $input) {{
  activity {{ name regie {{ name }} minAge maxAge payment whenFull }} {ERRORS} }} }}"""
UPDATE_PERIOD = f"""mutation($id: ID!, $input: UpdatePeriodInput!) {{ updatePeriod(id: $id, input: $input) {{
  period {{ path start end weekdays }} {ERRORS} }} }}"""
UPDATE_UNIT = f"""mutation($id: ID!, $input: UpdateUnitInput!) {{ updateUnit(id: $id, input: $input) {{
  unit {{ name capacity tariff {{ maxQuotient price }} bookingDeadline {{ description }} }} {ERRORS} }} }}"""


async def staff_client(db, browser):
    staff = await make_staff(db)
    return await signed_in(browser(), staff.email, staff.password)


async def row(db, table, id_):
    async with db.read_sessions() as session:
        return (await session.exec(select(table).where(table.id == id_))).one()


async def test_renaming_a_regie_keeps_its_payfip_number(db, browser):
    staff = await staff_client(db, browser)
    canteen = await make_service(db)
    renamed = (await staff.data(UPDATE_REGIE, {"id": str(canteen.regie.id), "input": {"name": "REGIE CANTINE"}}))
    assert renamed["updateRegie"] == {
        "regie": {"name": "REGIE CANTINE", "payfipClientNumber": "123456"}, "errors": []}
    # A name cannot be cleared: refused on its field, nothing written.
    before = await catalogue_counts(db)
    cleared = (await staff.data(UPDATE_REGIE, {"id": str(canteen.regie.id), "input": {"name": None}}))
    assert [(e["field"], e["code"]) for e in cleared["updateRegie"]["errors"]] == [("name", "REQUIRED")]
    assert (await row(db, Regie, canteen.regie.id)).name == "REGIE CANTINE"
    assert await catalogue_counts(db) == before


async def test_renaming_an_activity_keeps_its_regie_and_settings_and_null_clears_the_regie(db, browser):
    staff = await staff_client(db, browser)
    canteen = await make_service(db, payment="basket", when_full="waiting_list", min_age=3, max_age=11)
    renamed = (await staff.data(UPDATE_ACTIVITY, {"id": str(canteen.activity.id),
                                                   "input": {"name": "CANTINE"}}))["updateActivity"]
    assert renamed == {"activity": {"name": "CANTINE", "regie": {"name": "REGIE RESTAURATION SCOLAIRE"},
                                    "minAge": 3, "maxAge": 11, "payment": "BASKET", "whenFull": "WAITING_LIST"},
                       "errors": []}
    # Only the oldest age cleared: the youngest and the regie stay.
    older = (await staff.data(UPDATE_ACTIVITY, {"id": str(canteen.activity.id),
                                                 "input": {"maxAge": None}}))["updateActivity"]
    assert (older["errors"], older["activity"]["minAge"], older["activity"]["maxAge"]) == ([], 3, None)
    no_regie = (await staff.data(UPDATE_ACTIVITY, {"id": str(canteen.activity.id),
                                                    "input": {"regieId": None}}))["updateActivity"]
    assert no_regie["errors"] == [] and no_regie["activity"]["regie"] is None
    activity = await row(db, Activity, canteen.activity.id)
    assert (activity.name, activity.regie_id, activity.payment, activity.min_age) == ("CANTINE", None, "basket", 3)
    # A name or a setting cannot be cleared: each refused on its field, nothing written.
    refused = (await staff.data(UPDATE_ACTIVITY, {"id": str(canteen.activity.id),
                                                   "input": {"name": None, "payment": None}}))["updateActivity"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("name", "REQUIRED"), ("payment", "REQUIRED")]
    assert (await row(db, Activity, canteen.activity.id)).payment == "basket"


async def test_moving_a_periods_end_keeps_its_name_start_and_weekdays(db, browser):
    staff = await staff_client(db, browser)
    canteen = await make_service(db)
    moved = (await staff.data(UPDATE_PERIOD, {"id": str(canteen.period.id),
                                               "input": {"end": "2027-06-30"}}))["updatePeriod"]
    assert moved == {"period": {
        "path": "RESTAURANT SCOLAIRE > RESTAURATION SCOLAIRE > RESTAURATION SCOLAIRE 2026-2027",
        "start": "2026-09-01", "end": "2027-06-30", "weekdays": ["MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"]},
        "errors": []}
    refused = (await staff.data(UPDATE_PERIOD, {"id": str(canteen.period.id),
                                                 "input": {"start": None}}))["updatePeriod"]
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("start", "REQUIRED")]
    period = await row(db, Period, canteen.period.id)
    assert (str(period.start), str(period.end), period.weekdays) == ("2026-09-01", "2027-06-30", "0,1,3,4")


async def test_a_units_capacity_changes_alone_and_null_makes_it_unlimited(db, browser):
    staff = await staff_client(db, browser)
    canteen = await make_service(db)
    limited = (await staff.data(UPDATE_UNIT, {"id": str(canteen.unit.id), "input": {"capacity": 80}}))["updateUnit"]
    assert limited == {"unit": {
        "name": "REPAS", "capacity": 80,
        "tariff": [{"maxQuotient": 500, "price": 120}, {"maxQuotient": 1000, "price": 250},
                   {"maxQuotient": None, "price": 410}],
        "bookingDeadline": {"description": "2 jours avant, 10h00"}}, "errors": []}
    unlimited = (await staff.data(UPDATE_UNIT, {"id": str(canteen.unit.id),
                                                 "input": {"capacity": None}}))["updateUnit"]
    assert unlimited["errors"] == [] and unlimited["unit"]["capacity"] is None
    refused = (await staff.data(UPDATE_UNIT, {"id": str(canteen.unit.id),
                                               "input": {"tariff": None, "name": None}}))["updateUnit"]
    assert sorted((e["field"], e["code"]) for e in refused["errors"]) == [("name", "REQUIRED"), ("tariff", "REQUIRED")]
    unit = await row(db, Unit, canteen.unit.id)
    assert (unit.name, unit.capacity, unit.booking_days) == ("REPAS", None, 2)


async def test_a_regie_s_payment_settings_change_alone_and_its_prefix_numbers_its_invoices(db, browser):
    from tests.support.accounts import signed_in
    from tests.support.builders import make_staff

    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)
    created = (await agent.data("""mutation { createRegie(input: {name: "REGIE CENTRE AERE MERCREDI",
      payfipClientNumber: "123456", invoicePrefix: "cam"}) { regie { id payfipMode holdMinutes paymentDays
      invoicePrefix } errors { field code } } }"""))["createRegie"]
    assert created["errors"] == []
    regie = created["regie"]
    assert (regie["payfipMode"], regie["holdMinutes"], regie["paymentDays"], regie["invoicePrefix"]) == (
        "T", 120, 30, "CAM")
    update = """mutation($id: ID!, $input: UpdateRegieInput!) { updateRegie(id: $id, input: $input) {
      regie { name payfipClientNumber payfipMode holdMinutes paymentDays invoicePrefix } errors { field code } } }"""
    changed = (await agent.data(update, {"id": regie["id"], "input": {"holdMinutes": 60, "payfipMode": "W"}}))
    assert changed["updateRegie"]["regie"] == {"name": "REGIE CENTRE AERE MERCREDI", "payfipClientNumber": "123456",
                                               "payfipMode": "W", "holdMinutes": 60, "paymentDays": 30,
                                               "invoicePrefix": "CAM"}
    bad = (await agent.data(update, {"id": regie["id"], "input": {"holdMinutes": 1, "payfipMode": "Z",
                                                                  "invoicePrefix": "C-A-M", "paymentDays": -1}}))
    assert sorted((e["field"], e["code"]) for e in bad["updateRegie"]["errors"]) == [
        ("holdMinutes", "INVALID"), ("invoicePrefix", "INVALID"), ("payfipMode", "INVALID"),
        ("paymentDays", "INVALID")]
