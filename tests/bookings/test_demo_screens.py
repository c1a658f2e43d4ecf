"""Every screen of the demo has something to show: the staff queue a request waiting for a decision,
"Mon planning" a "Demande d'annulation", "Inscription aux services" an enrolment blocked by a section
still to complete, a shared child whose other household's bookings show under "Afficher les
réservations liées à d'autres comptes", and staff's reviews a document and an address change.
Loaded twice, nothing is made twice.

The paged staff lists (queue, documents and changes to review) are read from the database, not through their
GraphQL shape, which belongs to their own tests."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import select

import portail.demo
from portail.db.models import Document
from portail.db.models.bookings import Booking, BookingRequest
from portail.db.models.records import PendingChange
from portail.demo import (
    FAMILY_EMAIL,
    FAMILY_PASSWORD,
    OTHER_EMAIL,
    OTHER_PASSWORD,
    STAFF_EMAIL,
    STAFF_PASSWORD,
)
from portail.rules.validity import TOWN_ZONE
from tests.support.accounts import signed_in
from tests.support.bookings import at_town_time, booking_counts, shown
from tests.support.catalogue import CATALOGUE, ENROLL
from tests.support.documents import written

TODAY = date(2026, 12, 1)  # a Tuesday of the school year, 09:00: today's meal is late to cancel
GARDERIE = "ACCUEIL PERISCOLAIRE > GARDERIE MATIN ET SOIR > GARDERIE 2026-2027"


async def test_every_screen_of_the_demo_has_something_to_show(db, browser, clock, settings, monkeypatch):
    at_town_time(clock, TODAY)
    monkeypatch.setattr(portail.demo, "Clock", lambda: clock)
    await portail.demo.load_demo(db, settings)
    counts = (await booking_counts(db), await written(db, settings.storage_path))
    await portail.demo.load_demo(db, settings)
    assert (await booking_counts(db), await written(db, settings.storage_path)) == counts

    family = await signed_in(browser(), FAMILY_EMAIL, FAMILY_PASSWORD)
    children = {
        c["firstName"]: c["id"] for c in (await family.data("{ children { id firstName } }"))["children"]
    }
    today = clock.now().astimezone(TOWN_ZONE).date()

    # "Mon planning": a meal cancelled too late awaits staff ("Demande d'annulation").
    window = {
        "from": today.isoformat(),
        "to": (today + timedelta(days=70)).isoformat(),
        "childIds": None,
        "all": False,
        "others": False,
    }
    mine = [b for d in (await shown(family, window))["days"] for b in d["bookings"]]
    assert "CANCELLATION_REQUESTED" in {b["state"] for b in mine}
    assert {b["stateLabel"] for b in mine} >= {
        "Demande d'annulation",
        "Présence acceptée",
        "Présence en attente de traitement",
    }
    assert not any(b["fromOtherAccount"] for b in mine)
    # "Afficher les réservations liées à d'autres comptes": Paul's days booked by his father's household.
    everyone = [b for d in (await shown(family, {**window, "others": True}))["days"] for b in d["bookings"]]
    others = [b for b in everyone if b["fromOtherAccount"]]
    assert others and {b["childId"] for b in others} == {children["Paul"]}
    father = await signed_in(browser(), OTHER_EMAIL, OTHER_PASSWORD)
    assert [c["firstName"] for c in (await father.data("{ children { firstName } }"))["children"]] == ["Paul"]

    # The staff queue holds requests waiting for a decision (Paul's Wednesdays, the late cancellation).
    async with db.read_sessions() as session:
        waiting = (await session.exec(select(BookingRequest).where(BookingRequest.awaiting_staff))).all()
        states = {b.state for b in (await session.exec(select(Booking))).all()}
        pending_documents = (await session.exec(select(Document).where(Document.state == "pending"))).all()
        changes = (await session.exec(select(PendingChange).where(PendingChange.state == "pending"))).all()
    assert len(waiting) >= 2 and {"pending", "cancellation_requested", "accepted"} <= states
    await signed_in(browser(), STAFF_EMAIL, STAFF_PASSWORD)  # the staff login works

    # "Inscription aux services": Emma-Rose cannot be enrolled at the garderie (authorized persons missing).
    facilities = (await family.data(CATALOGUE, {"childId": children["Emma-Rose"]}))["catalogue"]
    garderie = next(
        p for f in facilities for a in f["activities"] for p in a["periods"] if p["path"] == GARDERIE
    )
    assert garderie["canEnrol"] is False
    # Its units close as towns often do: by the month, a fortnight ahead, counting only open days.
    assert [(u["name"], u["bookingDeadline"], u["cancellationDeadline"]) for u in garderie["units"]] == [
        (
            "GARDERIE MATIN",
            "avant le 20 du mois précédent, 18h00",
            "3 jours avant (hors mercredis et jours fériés), 10h00",
        ),
        ("GARDERIE SOIR", "le jeudi deux semaines avant, 12h00", "2 jours avant, 10h00"),
    ]
    assert [(m["kind"], m["code"]) for m in garderie["missing"]] == [("RECORD_SECTION", "AUTHORIZED_PERSONS")]
    refused = await family.data(ENROLL, {"childId": children["Emma-Rose"], "periodId": garderie["id"]})
    assert [e["code"] for e in refused["enrollChild"]["errors"]] == ["SECTION_INCOMPLETE"]
    assert "La rubrique « " in refused["enrollChild"]["errors"][0]["message"]
    assert " d'Emma-Rose est à compléter." in refused["enrollChild"]["errors"][0]["message"]

    # Staff's reviews: the CAF certificate and the new address wait.
    assert [d.filename for d in pending_documents] == ["attestation-caf-2026.pdf"]
    assert {c.field for c in changes} == {"number", "street"}
