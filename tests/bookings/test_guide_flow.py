"""The guide's "Ajouter une demande de réservation (sans paiement à la réservation)", end to end over HTTP:
choose Emma-Rose, the Wednesday centre, a day and its unit, "RECOPIER LA SÉLECTION" over the whole period
on Wednesdays, "SUIVANT" (the summary), "VALIDER" (the mail); "Mon planning" shows the days pending; staff
accept (mail); "ANNULER" > "Cette demande" for one day; "Plus de jours" from a date to the end; the
"Historique" shows the three requests."""

from __future__ import annotations

from datetime import date

from portail.rules.calendar import OpenDuring, PeriodCalendar, open_days
from tests.support.accounts import signed_in
from tests.support.bookings import (
    CENTRE_PATH,
    DECIDE,
    HISTORY,
    PREVIEW,
    QUEUE,
    SUBMIT,
    at_town_time,
    bookings,
    change,
    family_enrolled,
    make_centre,
    repeat,
    shown,
)
from tests.support.builders import make_staff
from tests.support.pages import nodes

TODAY = date(2026, 11, 27)  # a Friday


def wednesdays_left() -> list[date]:
    """The Wednesdays the centre runs from today to the end of the school year (zone B holidays off)."""
    calendar = PeriodCalendar(date(2026, 9, 1), date(2027, 7, 3), frozenset({2}), OpenDuring.SCHOOL_TIME)
    return [d for d in open_days(calendar) if d >= TODAY]


async def test_emma_rose_books_every_wednesday_staff_accept_and_she_cancels_twice(db, browser, clock, smtp):
    at_town_time(clock, TODAY)
    centre = await make_centre(db, acceptance="staff")
    family = await make_family_of_emma(db, browser, centre)
    emma, unit = family.children["Emma-Rose"], centre.unit
    whole_period = {"periodId": str(centre.period.id),
                    "repeats": [repeat([emma.id], [unit.id], ["WEDNESDAY"])]}
    days = wednesdays_left()
    assert date(2026, 12, 2) in days and date(2026, 12, 23) not in days and date(2027, 2, 24) not in days

    # SUIVANT: the summary, nothing written.
    preview = (await family.client.data(PREVIEW, {"input": whole_period}))["previewBookingRequest"]
    assert preview["errors"] == []
    summary = preview["summary"]
    assert [line["date"] for line in summary["lines"]] == [d.isoformat() for d in days]
    assert {line["outcome"] for line in summary["lines"]} == {"PENDING"}
    assert summary["state"] == "PENDING" and summary["stateLabel"] == "En attente de traitement"
    assert summary["total"] == 770 * len(days) and summary["refusedCount"] == 0
    assert summary["estimate"][0]["regie"] == "REGIE CENTRE AERE MERCREDI"
    assert await bookings(db) == []

    # VALIDER: the request is numbered, the family mailed.
    submitted = (await family.client.data(SUBMIT, {"input": whole_period}))["submitBookingRequest"]
    assert submitted["errors"] == []
    first = submitted["request"]
    assert (first["numberText"], first["state"], first["path"]) == ("000001", "PENDING", CENTRE_PATH)
    assert len(first["lines"]) == len(days)
    mail = (await smtp.wait_for(family.email))[0]
    assert mail.subject == "Demande de réservation n° 000001 enregistrée : en attente de traitement"
    assert "02/12/2026" in mail.text and CENTRE_PATH in mail.text
    assert {b.state for b in await bookings(db)} == {"pending"}

    # Mon planning: December shows the Wednesdays pending.
    december = {"from": "2026-12-01", "to": "2026-12-31", "childIds": None, "all": False, "others": False}
    planning = await shown(family.client, december)
    booked = {d["date"]: d["bookings"] for d in planning["days"] if d["bookings"]}
    assert sorted(booked) == ["2026-12-02", "2026-12-09", "2026-12-16"]
    assert booked["2026-12-09"][0]["stateLabel"] == "Présence en attente de traitement"

    # Staff see the request in their queue and accept it whole: the family is mailed.
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)
    queue = (await agent.data(QUEUE, {"first": 10}))["bookingQueue"]
    assert [r["numberText"] for r in nodes(queue)] == ["000001"] and queue["totalCount"] == 1
    assert nodes(queue)[0]["householdName"] == "TEST"
    decided = (await agent.data(DECIDE, {"ids": [first["id"]], "decision": "ACCEPT", "reason": ""}))
    assert decided["decideBookings"]["errors"] == []
    assert decided["decideBookings"]["requests"][0]["state"] == "ACCEPTED"
    mail = (await smtp.wait_for(family.email, 2))[1]
    assert mail.subject == "Votre demande de réservation n° 000001 est acceptée"
    assert (await agent.data(QUEUE, {"first": 10}))["bookingQueue"]["totalCount"] == 0

    # ANNULER > Cette demande: the 9th of December, before its deadline: cancelled at once.
    one_day = {"periodId": str(centre.period.id), "changes": [change(emma.id, unit.id, date(2026, 12, 9), "CANCEL")]}
    cancelled = (await family.client.data(SUBMIT, {"input": one_day}))["submitBookingRequest"]
    assert cancelled["errors"] == []
    assert cancelled["request"]["state"] == "CANCELLED"
    assert [line["outcome"] for line in cancelled["summary"]["lines"]] == ["CANCELLED"]
    assert cancelled["summary"]["total"] == -770

    # Plus de jours: every Wednesday from the 3rd of March to the end.
    rest = {"periodId": str(centre.period.id),
            "repeats": [repeat([emma.id], [unit.id], ["WEDNESDAY"], start=date(2027, 3, 3), action="CANCEL")]}
    from_march = (await family.client.data(SUBMIT, {"input": rest}))["submitBookingRequest"]
    assert from_march["errors"] == []
    assert [line["date"] for line in from_march["summary"]["lines"]] == [
        d.isoformat() for d in days if d >= date(2027, 3, 3)
    ]
    assert from_march["request"]["state"] == "CANCELLED"

    # Historique: the three requests, newest first; the first is still accepted (cancelled days don't
    # make it partial).
    history = (await family.client.data(HISTORY, {"first": 10}))["bookingRequests"]
    assert [(r["numberText"], r["state"]) for r in nodes(history)] == [
        ("000003", "CANCELLED"), ("000002", "CANCELLED"), ("000001", "ACCEPTED")
    ]
    first_lines = {line["date"]: line["state"] for line in nodes(history)[2]["lines"]}
    assert first_lines["2026-12-02"] == "ACCEPTED" and first_lines["2026-12-09"] == "CANCELLED"

    # The planning hides the cancelled day unless asked.
    visible = await shown(family.client, december)
    assert [d["date"] for d in visible["days"] if d["bookings"]] == ["2026-12-02", "2026-12-16"]
    everything = await shown(family.client, {**december, "all": True})
    ninth = next(d for d in everything["days"] if d["date"] == "2026-12-09")
    assert ninth["bookings"][0]["state"] == "CANCELLED"


async def make_family_of_emma(db, browser, centre):
    return await family_enrolled(db, browser, centre, "Emma-Rose")
