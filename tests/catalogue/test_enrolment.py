"""The guide's "Inscription aux services": the family sees, for Emma-Rose, "RESTAURANT SCOLAIRE >
RESTAURATION SCOLAIRE > RESTAURATION SCOLAIRE 2026-2027" with the price of a meal for its quotient and
the deadlines, and what is missing; enrolling is refused with that list until the records are complete,
then accepted at once (canteen) or after staff decide (Wednesday centre), with a mail each time."""

from __future__ import annotations

import re
import uuid

from sqlmodel import select

from portail.db.models import Household
from portail.db.models.catalogue import Enrolment
from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import (
    CATALOGUE,
    DECIDE,
    ENROLL,
    PENDING,
    catalogue_counts,
    make_service,
)
from tests.support.counts import statements
from tests.support.documents import make_child
from tests.support.pages import nodes

CANTEEN = "RESTAURANT SCOLAIRE > RESTAURATION SCOLAIRE > RESTAURATION SCOLAIRE 2026-2027"
CENTRE = "CENTRE AERE MERCREDI > MERCREDIS > MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027"


async def family_with_emma(db, browser, quotient=None, **child_fields):
    family = await make_family(db, "lola@famille.test")
    if quotient is not None:
        async with db.transaction() as session:
            household = await session.get(Household, family.household.id)
            household.family_quotient = quotient
    emma = await make_child(db, family.household, "Emma-Rose", class_level="CE2", **child_fields)
    return family, emma, await signed_in(browser(), family.email, family.password)


async def enrolments(db):
    async with db.read_sessions() as session:
        return list((await session.exec(select(Enrolment))).all())


async def test_the_catalogue_shows_the_path_price_deadlines_and_what_is_missing(db, browser):
    await make_service(db, required_sections="HEALTH")
    await make_service(db, "CENTRE AERE MERCREDI", "MERCREDIS", "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027",
                       "JOURNEE CENTRE AERE MERCREDI", weekdays="2", regie="REGIE CENTRE AERE MERCREDI",
                       tariff=[[700, 380], [None, 770]], class_levels="CP,CE1")
    _, emma, client = await family_with_emma(db, browser, quotient=800)

    facilities = (await client.data(CATALOGUE, {"childId": str(emma.id)}))["catalogue"]
    periods = {p["path"]: p for f in facilities for a in f["activities"] for p in a["periods"]}
    canteen, centre = periods[CANTEEN], periods[CENTRE]
    assert [f["name"] for f in facilities] == ["CENTRE AERE MERCREDI", "RESTAURANT SCOLAIRE"]
    assert canteen["units"] == [{"name": "REPAS", "price": 250, "priceText": "2,50\u00a0€",
                                 "bookingDeadline": "2 jours avant, 10h00",
                                 "cancellationDeadline": "2 jours avant, 10h00"}]
    assert canteen["enrolment"] is None and canteen["canEnrol"] is False
    assert [(m["kind"], m["code"]) for m in canteen["missing"]] == [("RECORD_SECTION", "HEALTH")]
    assert centre["units"][0]["priceText"] == "7,70\u00a0€"
    assert [(m["kind"], m["code"]) for m in centre["missing"]] == [("CLASS_LEVEL", "CE2")]


async def test_enrolling_is_refused_with_what_is_missing_and_nothing_is_written(db, browser):
    service = await make_service(db, required_sections="HEALTH", min_age=3, max_age=6)
    _, emma, client = await family_with_emma(db, browser)
    before = await catalogue_counts(db)

    result = (await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(service.period.id)}))["enrollChild"]

    assert result["enrolment"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("childId", "NOT_ELIGIBLE"), ("childId", "SECTION_INCOMPLETE")]
    assert "Santé" in result["errors"][1]["message"]
    assert await catalogue_counts(db) == before


async def test_the_canteen_accepts_at_once_and_mails_the_family(db, browser, smtp):
    service = await make_service(db)
    family, emma, client = await family_with_emma(db, browser)

    result = (await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(service.period.id)}))["enrollChild"]

    assert result["errors"] == []
    assert result["enrolment"]["state"] == "ACCEPTED"
    assert result["enrolment"]["periodPath"] == CANTEEN
    mail = (await smtp.wait_for(family.email))[0]
    assert "Emma-Rose est inscrit(e) à « " + CANTEEN in mail.text
    again = (await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(service.period.id)}))["enrollChild"]
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("periodId", "ALREADY_ENROLLED")]
    [listed] = [p for f in (await client.data(CATALOGUE, {"childId": str(emma.id)}))["catalogue"]
                for a in f["activities"] for p in a["periods"]]
    assert listed["enrolment"]["state"] == "ACCEPTED" and listed["canEnrol"] is False


async def test_the_wednesday_centre_waits_for_staff_who_refuse_then_accept(db, browser, smtp):
    service = await make_service(db, "CENTRE AERE MERCREDI", "MERCREDIS",
                                 "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027", weekdays="2", enrolment="staff")
    family, emma, client = await family_with_emma(db, browser, sex="F")
    staff_row = await make_staff(db)
    staff = await signed_in(browser(), staff_row.email, staff_row.password)

    asked = (await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(service.period.id)}))["enrollChild"]
    assert asked["enrolment"]["state"] == "PENDING"
    [pending] = nodes((await staff.data(PENDING))["pendingEnrolments"])
    assert pending == {"id": asked["enrolment"]["id"], "childName": "Emma-Rose MARTIN", "periodPath": CENTRE,
                       "state": "PENDING"}

    no_reason = (await staff.data(DECIDE, {"id": pending["id"], "accept": False, "reason": ""}))["decideEnrolment"]
    assert [(e["field"], e["code"]) for e in no_reason["errors"]] == [("reason", "REASON_REQUIRED")]
    refused = (await staff.data(DECIDE, {"id": pending["id"], "accept": False, "reason": "Groupe complet"}))
    assert refused["decideEnrolment"]["enrolment"]["state"] == "REFUSED"
    mail = (await smtp.wait_for(family.email))[0]
    assert "Motif : Groupe complet" in mail.text
    # French that reads right: "de" elided before a vowel.
    assert mail.subject == f"Inscription d'Emma-Rose à « {CENTRE} » refusée"
    assert f"l'inscription d'Emma-Rose à « {CENTRE} »" in mail.text
    smtp.clear()

    # The family asks again; staff accept this time.
    again = (await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(service.period.id)}))["enrollChild"]
    assert again["enrolment"] == {**asked["enrolment"], "state": "PENDING"}
    accepted = (await staff.data(DECIDE, {"id": pending["id"], "accept": True, "reason": ""}))["decideEnrolment"]
    assert accepted["enrolment"]["state"] == "ACCEPTED"
    mail = (await smtp.wait_for(family.email))[0]
    assert f"Emma-Rose est inscrite à « {CENTRE} »" in mail.text  # agreed: her sex is known
    assert nodes((await staff.data(PENDING))["pendingEnrolments"]) == []
    twice = (await staff.data(DECIDE, {"id": pending["id"], "accept": True, "reason": ""}))["decideEnrolment"]
    assert [e["code"] for e in twice["errors"]] == ["ALREADY_DECIDED"]


CHILDREN_ENROLMENTS = "query { children { firstName enrolments { state periodId periodPath childName } } }"


async def test_each_child_lists_its_enrolments_in_one_statement_whatever_the_number_of_children(
    db, browser, smtp, live_server
):
    # The planning's MODE RECOPIE offers the children enrolled in the request's period: "Mes enfants"
    # reads each child's enrolments with the children, in one statement for them all.
    canteen = await make_service(db)
    centre = await make_service(db, "CENTRE AERE MERCREDI", "MERCREDIS",
                                "MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027", weekdays="2", enrolment="staff")
    family, emma, client = await family_with_emma(db, browser)
    leo = await make_child(db, family.household, "Léo", class_level="CP")
    await make_child(db, family.household, "Lina", class_level="CP")
    for child, service in ((emma, canteen), (emma, centre), (leo, canteen)):
        enrolled = await client.data(ENROLL, {"childId": str(child.id), "periodId": str(service.period.id)})
        assert enrolled["enrollChild"]["errors"] == []

    with statements(live_server.app.state.db) as seen:
        children = (await client.data(CHILDREN_ENROLMENTS))["children"]
    by_name = {c["firstName"]: c["enrolments"] for c in children}
    assert [(e["periodPath"], e["state"]) for e in by_name["Emma-Rose"]] == [
        (CENTRE, "PENDING"), (CANTEEN, "ACCEPTED")
    ]
    assert by_name["Léo"] == [
        {"state": "ACCEPTED", "periodId": str(canteen.period.id), "periodPath": CANTEEN, "childName": "Léo MARTIN"}
    ]
    assert by_name["Lina"] == []
    assert len([s for s in seen if re.search(r"FROM enrolment\b", s)]) == 1  # not enrolment_group


async def test_another_familys_child_and_an_unknown_period_are_not_found(db, browser):
    service = await make_service(db)
    _, emma, client = await family_with_emma(db, browser)
    other = await make_family(db, "autre@famille.test", name="AUTRE")
    basile = await make_child(db, other.household, "Basile")

    theirs = await client.data(ENROLL, {"childId": str(basile.id), "periodId": str(service.period.id)})
    unknown = await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(uuid.uuid4())})
    assert [(e["field"], e["code"]) for e in theirs["enrollChild"]["errors"]] == [("childId", "NOT_FOUND")]
    assert [(e["field"], e["code"]) for e in unknown["enrollChild"]["errors"]] == [("periodId", "NOT_FOUND")]
    body = await client(CATALOGUE, {"childId": str(basile.id)})
    assert body["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "childId"}
    assert await enrolments(db) == []
