"""A family withdraws an enrolment: the enrolment is WITHDRAWN, the days still ahead are cancelled as
the family would cancel them (one numbered request in "Historique"), a day past its cancellation
deadline follows the activity's rule (a "demande d'annulation", or kept), places are freed (the slot
counters are checked after every test of this folder) and the family is mailed what became of each day."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from sqlmodel import select

from portail.db.engine import Database
from portail.db.models.catalogue import Enrolment
from tests.support.accounts import signed_in
from tests.support.bookings import (
    HISTORY,
    SUBMIT,
    at_town_time,
    bookings,
    change,
    family_enrolled,
    make_centre,
)
from tests.support.builders import make_family
from tests.support.catalogue import ENROLL, make_service
from tests.support.documents import make_child
from tests.support.pages import nodes

FRIDAY_27_NOV = date(2026, 11, 27)
TUESDAY_1_DEC = date(2026, 12, 1)
WEDNESDAYS = [date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16)]
WITHDRAW = """mutation($id: ID!) { withdrawEnrolment(enrolmentId: $id) {
  enrolment { id state } requestNumber cancelledCount cancellationRequestedCount keptCount
  errors { field code message } } }"""


def text(mail: Any) -> str:
    return mail.text.replace("\r\n", "\n")


async def enrolment_of(db: Database, child_id: Any) -> Enrolment:
    async with db.read_sessions() as session:
        return (await session.exec(select(Enrolment).where(Enrolment.child_id == child_id))).one()


async def booked_wednesdays(db, browser, clock, smtp, **settings: Any):
    """Emma-Rose booked on the first three Wednesdays of December; then Tuesday 1 December, 09:00:
    the 2nd is past its cancellation deadline (2 days before, 10:00), the 9th and 16th are not."""
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db, **settings)
    family = await family_enrolled(db, browser, centre, "Emma-Rose")
    emma = family.children["Emma-Rose"]
    submitted = await family.client.data(SUBMIT, {"input": {
        "periodId": str(centre.period.id), "changes": [change(emma.id, centre.unit.id, d) for d in WEDNESDAYS]}})
    assert submitted["submitBookingRequest"]["errors"] == []
    await smtp.wait_for(family.email)
    smtp.clear()
    at_town_time(clock, TUESDAY_1_DEC)
    await signed_in(family.client, family.email, family.built.password)
    return centre, family, emma


async def test_withdrawing_cancels_the_days_ahead_and_asks_for_the_late_one(db, browser, clock, smtp):
    centre, family, emma = await booked_wednesdays(db, browser, clock, smtp)
    enrolment = await enrolment_of(db, emma.id)

    done = (await family.client.data(WITHDRAW, {"id": str(enrolment.id)}))["withdrawEnrolment"]

    assert done["errors"] == []
    assert done["enrolment"]["state"] == "WITHDRAWN"
    assert (done["requestNumber"], done["cancelledCount"], done["cancellationRequestedCount"],
            done["keptCount"]) == ("000002", 2, 1, 0)
    assert [(b.day, b.state) for b in await bookings(db)] == [
        (WEDNESDAYS[0], "cancellation_requested"), (WEDNESDAYS[1], "cancelled"), (WEDNESDAYS[2], "cancelled")]
    # The cancellations are a request of the family's history, as if "ANNULER" had been pressed.
    history = nodes((await family.client.data(HISTORY, {"first": 5}))["bookingRequests"])
    newest = history[0]
    assert (newest["numberText"], [line["action"] for line in newest["lines"]]) == (
        "000002", ["CANCEL", "CANCEL", "CANCEL"])
    [mail] = await smtp.wait_for(family.email)
    assert mail.subject.startswith("Inscription d'Emma-Rose à « ") and mail.subject.endswith(" » retirée")
    assert "Emma-Rose n'y est plus inscrit(e)" in text(mail)
    assert "Annulées :\n- 09/12/2026, JOURNEE CENTRE AERE MERCREDI\n- 16/12/2026" in text(mail)
    assert "Demandes d'annulation (le délai est dépassé : la mairie décidera) :\n- 02/12/2026" in text(mail)

    # Withdrawn once: nothing more to withdraw. Enrolling again is possible.
    again = (await family.client.data(WITHDRAW, {"id": str(enrolment.id)}))["withdrawEnrolment"]
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("enrolmentId", "NOT_WITHDRAWABLE")]
    enrol = (await family.client.data(ENROLL, {"childId": str(emma.id), "periodId": str(centre.period.id)}))
    assert enrol["enrollChild"]["enrolment"]["state"] == "ACCEPTED"


async def test_where_late_cancellations_are_refused_the_late_day_is_kept(db, browser, clock, smtp):
    _, family, emma = await booked_wednesdays(db, browser, clock, smtp, late_cancellation="refuse")
    enrolment = await enrolment_of(db, emma.id)

    done = (await family.client.data(WITHDRAW, {"id": str(enrolment.id)}))["withdrawEnrolment"]

    assert (done["enrolment"]["state"], done["cancelledCount"], done["cancellationRequestedCount"],
            done["keptCount"]) == ("WITHDRAWN", 2, 0, 1)
    assert [b.state for b in await bookings(db)] == ["accepted", "cancelled", "cancelled"]
    [mail] = await smtp.wait_for(family.email)
    assert ("Maintenues (le délai d'annulation est dépassé, elles restent dues) :\n"
            "- 02/12/2026, JOURNEE CENTRE AERE MERCREDI : Le délai d'annulation est dépassé.") in text(mail)


async def test_only_late_days_left_withdraws_without_a_request(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_centre(db, late_cancellation="refuse")
    family = await family_enrolled(db, browser, centre, "Emma-Rose")
    emma = family.children["Emma-Rose"]
    await family.client.data(SUBMIT, {"input": {
        "periodId": str(centre.period.id), "changes": [change(emma.id, centre.unit.id, WEDNESDAYS[0])]}})
    await smtp.wait_for(family.email)
    smtp.clear()
    at_town_time(clock, TUESDAY_1_DEC, time(9, 0))
    await signed_in(family.client, family.email, family.built.password)

    done = (await family.client.data(WITHDRAW, {"id": str((await enrolment_of(db, emma.id)).id)}))
    done = done["withdrawEnrolment"]
    assert (done["enrolment"]["state"], done["requestNumber"], done["keptCount"]) == ("WITHDRAWN", None, 1)
    assert [b.state for b in await bookings(db)] == ["accepted"]
    [mail] = await smtp.wait_for(family.email)
    assert "- 02/12/2026, JOURNEE CENTRE AERE MERCREDI : Le délai d'annulation est dépassé." in text(mail)


async def test_a_pending_enrolment_is_withdrawn_and_another_familys_is_not_found(db, browser, clock, smtp):
    at_town_time(clock, FRIDAY_27_NOV)
    centre = await make_service(db, "CENTRE AERE MERCREDI", "MERCREDIS", "MERCREDIS 2026-2027", weekdays="2",
                                enrolment="staff")
    family = await make_family(db, "lola@famille.test")
    emma = await make_child(db, family.household, "Emma-Rose", sex="F", class_level="CE2")
    client = await signed_in(browser(), family.email, family.password)
    asked = await client.data(ENROLL, {"childId": str(emma.id), "periodId": str(centre.period.id)})
    enrolment_id = asked["enrollChild"]["enrolment"]["id"]
    other = await make_family(db, "autre@famille.test", name="AUTRE")
    stranger = await signed_in(browser(), other.email, other.password)

    foreign = (await stranger.data(WITHDRAW, {"id": enrolment_id}))["withdrawEnrolment"]
    assert [(e["field"], e["code"]) for e in foreign["errors"]] == [("enrolmentId", "NOT_FOUND")]

    done = (await client.data(WITHDRAW, {"id": enrolment_id}))["withdrawEnrolment"]
    assert (done["enrolment"]["state"], done["requestNumber"], done["cancelledCount"]) == ("WITHDRAWN", None, 0)
    [mail] = await smtp.wait_for(family.email)
    assert "Emma-Rose n'y est plus inscrite" in text(mail)  # agreed: her sex is known
