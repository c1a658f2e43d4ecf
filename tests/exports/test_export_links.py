"""Exports are the town's: a family is refused every export query (FORBIDDEN), and the CSV route
answers 404, like an unknown link, to a forged, altered, expired or file link's token, to a token made
for a family account, and to a staff member's link once the account is no longer staff."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from portail.db.models import Account
from portail.rules import file_links
from portail.rules.export_links import ExportToken, sign_export_token
from tests.bookings.test_waiting_list import staff_member
from tests.exports.support import LINK, path_of
from tests.support.accounts import signed_in
from tests.support.bookings import at_town_time
from tests.support.builders import make_family
from tests.support.catalogue import make_service

QUERIES = {
    "attendanceExport": 'attendanceExport(activityId: $id, date: "2026-12-09") { edges { cursor } }',
    "mealCounts": 'mealCounts(activityId: $id, from: "2026-12-07", days: 5) { count }',
    "bookingsExport": 'bookingsExport(from: "2026-12-01", to: "2026-12-31") { edges { cursor } }',
    "enrolmentsExport": "enrolmentsExport(periodId: $pid) { edges { cursor } }",
    "accountingExport": 'accountingExport(from: "2026-12-01", to: "2026-12-31") { edges { cursor } }',
    "householdsExport": "householdsExport { edges { cursor } }",
    "exportLink": 'exportLink(kind: BOOKINGS, from: "2026-12-01", to: "2026-12-31") { url }',
}


@pytest.mark.parametrize("field", sorted(QUERIES))
async def test_a_family_cannot_reach_an_export(db, browser, clock, field):
    at_town_time(clock, date(2026, 11, 27))
    canteen = await make_service(db)
    family = await make_family(db, "lola@famille.test")
    client = await signed_in(browser(), family.email, family.password)
    selection = QUERIES[field]
    declared = {"$id": "$id: ID!", "$pid": "$pid: ID"}
    used = [d for name, d in declared.items() if name in selection]
    document = f"query{'(' + ', '.join(used) + ')' if used else ''} {{ {selection} }}"
    variables = {"id": str(canteen.activity.id), "pid": str(canteen.period.id)}
    body = await client(document, {k: v for k, v in variables.items() if f"${k}" in selection})
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


def test_every_export_query_is_in_the_list_above():
    from portail.schema import build_schema

    query = build_schema()._schema.query_type
    assert query is not None
    exports = {
        name for name in query.fields if name.endswith("Export") or name in ("mealCounts", "exportLink")
    }
    assert exports == set(QUERIES)


async def test_only_a_genuine_staff_link_in_time_opens(db, browser, clock, settings, live_server):
    at_town_time(clock, date(2027, 1, 5))
    staff = await staff_member(db, browser)
    family = await make_family(db, "lola@famille.test")
    link = (await staff.client.data(LINK, {"kind": "BOOKINGS", "from": "2026-12-01", "to": "2026-12-31"}))[
        "exportLink"
    ]
    path = path_of(link["url"])
    http = staff.client.http
    assert (await http.get(path)).status_code == 200
    # The link is the credential: another browser, signed in or not, gets the file too while it lasts.
    assert (await browser().http.get(path)).status_code == 200

    token = path.rsplit("/", 1)[1]
    secret = settings.effective_secret_key
    later = datetime.now(UTC) + timedelta(minutes=5)
    refused = {
        "altered": token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "made up": "bm90LWEtdG9rZW4",
        "another secret": sign_export_token(
            "pas-le-secret", ExportToken("bookings", str(staff.built.account.id), {}, later)
        ),
        "a family's": sign_export_token(
            secret,
            ExportToken(
                "bookings", str(family.account.id), {"start": "2026-12-01", "end": "2026-12-31"}, later
            ),
        ),
        "a file link's": file_links.sign_link(
            secret, file_links.FileLink("invoice", str(staff.built.account.id), "attachment", "", later)
        ),
        "an unknown kind": sign_export_token(
            secret, ExportToken("secrets", str(staff.built.account.id), {}, later)
        ),
    }
    for why, forged in refused.items():
        response = await http.get(f"/exports/{forged}")
        assert response.status_code == 404, why
        assert "text/plain" in response.headers["content-type"], why

    # Expired: the clock moves past the link's minutes.
    clock.travel_to(clock.now() + timedelta(minutes=settings.file_link_minutes + 1))
    assert (await http.get(path)).status_code == 404


async def test_a_link_stops_working_when_its_account_is_no_longer_staff(db, browser, clock, live_server):
    at_town_time(clock, date(2027, 1, 5))
    staff = await staff_member(db, browser)
    link = (await staff.client.data(LINK, {"kind": "ENROLMENTS"}))["exportLink"]
    async with db.transaction() as session:
        account = (await session.exec(select(Account).where(Account.email == staff.email))).one()
        account.is_staff = False
        session.add(account)
    assert (await staff.client.http.get(path_of(link["url"]))).status_code == 404
