"""Bad booking requests: every malformed input of "Ajouter une demande de réservation" is answered, by
the preview ("SUIVANT") and the submit ("VALIDER") alike, with errors naming the field at fault and a
stable code, and NOTHING is written: no request, no line, no booking, no event, no mail. A submit whose
every line is refused is NOTHING_TO_SUBMIT, one error per input item at its place, and writes nothing either. The planning's date ranges are
checked too, as top-level errors naming the argument."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from portail.db.models.catalogue import Enrolment, Unit
from portail.rules.calendar import OpenDuring, PeriodCalendar, open_days
from portail.rules.repeat import MAX_CHANGES
from tests.support.accounts import signed_in
from tests.support.bookings import (
    BOOKABLE,
    PLACES,
    PLANNING,
    PREVIEW,
    SUBMIT,
    Family,
    at_town_time,
    booking_counts,
    change,
    family_enrolled,
    make_centre,
    repeat,
)
from tests.support.builders import make_staff
from tests.support.catalogue import Service, make_service
from tests.support.documents import make_child
from tests.support.graphql import GraphQLClient
from tests.support.smtp import SmtpServer
from tests.support.snapshot import database_state

TODAY = date(2026, 11, 27)  # a Friday
WEDNESDAY = date(2026, 12, 2)  # the centre's next day, bookable until Monday 30 at 10:00
MALFORMED = "pas-un-identifiant"
ERRORS_ONLY = """mutation($input: BookingRequestInput!) {{ {name}(input: $input) {{
  summary {{ takenCount refusedCount }} errors {{ field code message }} }} }}"""


@dataclass
class Scene:
    """The Wednesday centre, the canteen (another period), Emma-Rose's family and another family."""

    centre: Service
    canteen: Service
    family: Family
    other: Family

    @property
    def period(self) -> str:
        return str(self.centre.period.id)

    @property
    def unit(self) -> str:
        return str(self.centre.unit.id)

    @property
    def emma(self) -> str:
        return str(self.family.children["Emma-Rose"].id)

    @property
    def client(self) -> GraphQLClient:
        return self.family.client


async def scene(db, browser, clock, *names: str) -> Scene:
    at_town_time(clock, TODAY)
    centre = await make_centre(db)
    canteen = await make_service(db)
    family = await family_enrolled(db, browser, centre, *(names or ("Emma-Rose",)))
    other = await family_enrolled(db, browser, centre, "Basile", email="bravo@famille-b.test", name="BRAVO")
    return Scene(centre, canteen, family, other)


def request(s: Scene, *changes: dict[str, Any], repeats: tuple[dict[str, Any], ...] = ()) -> dict[str, Any]:
    return {"periodId": s.period, "changes": list(changes), "repeats": list(repeats)}


async def refused(db, smtp: SmtpServer, client: GraphQLClient, input_: dict[str, Any]) -> list[dict[str, Any]]:
    """The errors the preview and the submit of ``input_`` both answer; asserts that nothing is written."""
    before = (await booking_counts(db), await database_state(db))
    preview = (await client.data(PREVIEW, {"input": input_}))["previewBookingRequest"]
    submit = (await client.data(SUBMIT, {"input": input_}))["submitBookingRequest"]
    assert preview["summary"] is None, preview
    assert submit["summary"] is None and submit["request"] is None, submit
    assert submit["errors"] == preview["errors"]
    assert preview["errors"], preview
    assert (await booking_counts(db), await database_state(db)) == before
    assert smtp.mails == []
    return preview["errors"]


def codes(errors: list[dict[str, Any]]) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in errors]


async def no_mail_arrives(smtp: SmtpServer) -> None:
    """Give the mail worker (polling every 0,2 s) its chance: nothing arrives."""
    await asyncio.sleep(0.6)
    assert smtp.mails == []


# ---------------------------------------------------------------------------------------------
# One-off changes


async def test_a_date_outside_the_period_is_named(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    for day in (date(2027, 7, 7), date(2026, 8, 26)):
        errors = await refused(db, smtp, s.client, request(s, change(s.emma, s.unit, day)))
        assert codes(errors) == [("changes.0.date", "OUTSIDE_PERIOD")]
        assert day.strftime("%d/%m/%Y") in errors[0]["message"]
        assert "du 01/09/2026 au 03/07/2027" in errors[0]["message"]
    # The period's first and last days are in it.
    for day in (date(2026, 9, 1), date(2027, 7, 3)):
        preview = (await s.client.data(PREVIEW, {"input": request(s, change(s.emma, s.unit, day))}))
        assert preview["previewBookingRequest"]["errors"] == []
    await no_mail_arrives(smtp)


async def test_a_unit_of_another_period_is_an_unknown_unit(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    answers = []
    for unit_id in (str(s.canteen.unit.id), str(uuid.uuid4()), MALFORMED, s.period):
        answers.append(await refused(db, smtp, s.client, request(s, change(s.emma, unit_id, WEDNESDAY))))
    assert codes(answers[0]) == [("changes.0.unitId", "NOT_FOUND")]
    assert answers[0][0]["message"] == "Cette unité n'existe pas dans cette période."
    assert all(a == answers[0] for a in answers)
    # Nor in a repeat.
    errors = await refused(db, smtp, s.client, request(s, repeats=(
        repeat([s.emma], [s.unit, s.canteen.unit.id], ["WEDNESDAY"]),
    )))
    assert codes(errors) == [("repeats.0.unitIds.1", "NOT_FOUND")]
    # The canteen's period with the centre's unit: the unit is not of that period.
    errors = await refused(db, smtp, s.client, {
        "periodId": str(s.canteen.period.id), "changes": [change(s.emma, s.unit, date(2026, 12, 3))]
    })
    assert codes(errors) == [("changes.0.unitId", "NOT_FOUND")]
    await no_mail_arrives(smtp)


async def test_another_familys_child_is_an_unknown_child(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    basile = str(s.other.children["Basile"].id)  # enrolled in the very same period
    unknown = str(uuid.uuid4())
    answers = [await refused(db, smtp, s.client, request(s, change(c, s.unit, WEDNESDAY)))
               for c in (basile, unknown, MALFORMED)]
    assert codes(answers[0]) == [("changes.0.childId", "NOT_FOUND")]
    assert answers[0][0]["message"] == "Cet enfant n'existe pas."
    assert answers[1] == answers[0] and answers[2] == answers[0]
    # In a repeat, beside one's own child: the index names the one at fault.
    answers = [await refused(db, smtp, s.client,
                             request(s, repeats=(repeat([s.emma, c], [s.unit], ["WEDNESDAY"]),)))
               for c in (basile, unknown, MALFORMED)]
    assert codes(answers[0]) == [("repeats.0.childIds.1", "NOT_FOUND")]
    assert answers[1] == answers[0] and answers[2] == answers[0]
    # Family B's child has no booking because of it, and B is not mailed.
    assert (await booking_counts(db))["booking"] == 0
    await no_mail_arrives(smtp)


async def test_an_unknown_period_is_named_whatever_the_rest(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    answers = []
    for period_id in (str(uuid.uuid4()), MALFORMED, s.unit, str(s.centre.activity.id), s.emma):
        answers.append(await refused(db, smtp, s.client, {
            "periodId": period_id, "changes": [change(s.emma, s.unit, WEDNESDAY)]
        }))
    assert codes(answers[0]) == [("periodId", "NOT_FOUND")]
    assert answers[0][0]["message"] == "Cette période n'existe pas."
    assert all(a == answers[0] for a in answers)
    # Even an empty request: the period comes first.
    errors = await refused(db, smtp, s.client, {"periodId": MALFORMED})
    assert codes(errors) == [("periodId", "NOT_FOUND")]
    await no_mail_arrives(smtp)


async def test_an_empty_request_is_required(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    for input_ in ({"periodId": s.period}, request(s)):
        errors = await refused(db, smtp, s.client, input_)
        assert codes(errors) == [("changes", "REQUIRED")]
        assert errors[0]["message"] == "Choisissez au moins un jour à réserver ou annuler."
    await no_mail_arrives(smtp)


async def test_the_same_day_twice_is_a_duplicate(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    twice = [
        # Booked twice.
        request(s, change(s.emma, s.unit, WEDNESDAY), change(s.emma, s.unit, WEDNESDAY)),
        # Booked and cancelled: which was meant is not guessed.
        request(s, change(s.emma, s.unit, WEDNESDAY), change(s.emma, s.unit, WEDNESDAY, "CANCEL")),
        # A one-off day that a repeat reaches too.
        request(s, change(s.emma, s.unit, WEDNESDAY), repeats=(repeat([s.emma], [s.unit], ["WEDNESDAY"]),)),
        # Two repeats over the same Wednesdays.
        request(s, repeats=(repeat([s.emma], [s.unit], ["WEDNESDAY"]),
                            repeat([s.emma], [s.unit], ["WEDNESDAY"], start=date(2027, 1, 1)))),
        # The same unit twice in one repeat is one unit, the same child twice one child: no duplicate.
    ]
    for input_ in twice:
        errors = await refused(db, smtp, s.client, input_)
        assert codes(errors) == [("changes", "DUPLICATE_CHANGE")], input_
        assert "figure deux fois" in errors[0]["message"]
    once = request(s, repeats=(repeat([s.emma, s.emma], [s.unit, s.unit], ["WEDNESDAY"], end=date(2026, 12, 9)),))
    preview = (await s.client.data(PREVIEW, {"input": once}))["previewBookingRequest"]
    assert preview["errors"] == []
    assert [line["date"] for line in preview["summary"]["lines"]] == ["2026-12-02", "2026-12-09"]
    await no_mail_arrives(smtp)


async def test_a_child_not_enrolled_is_named_for_each_change(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    household = s.family.built.household
    lea = str((await make_child(db, household, "Léa", class_level="CP")).id)
    # Asked for, not yet accepted by staff: not enrolled either.
    noe = await make_child(db, household, "Noé", class_level="CM1", sex="M")
    await enrol_pending(db, noe.id, s, household)
    errors = await refused(db, smtp, s.client, request(
        s,
        change(lea, s.unit, WEDNESDAY),
        change(s.emma, s.unit, WEDNESDAY),
        change(lea, s.unit, date(2026, 12, 9)),
        change(str(noe.id), s.unit, WEDNESDAY),
    ))
    assert codes(errors) == [
        ("changes.0.childId", "NOT_ENROLLED"),
        ("changes.2.childId", "NOT_ENROLLED"),
        ("changes.3.childId", "NOT_ENROLLED"),
    ]
    path = "CENTRE AERE MERCREDI > MERCREDIS > MERCREDI POMPIDOU B ELEMENTAIRE / 2026-2027"
    assert errors[0]["message"] == f"Léa n'est pas inscrit(e) à « {path} »."
    assert errors[2]["message"].startswith("Noé n'est pas inscrit à")  # agreed when the sex is known
    # In a repeat: once per child, not once per day.
    errors = await refused(db, smtp, s.client, request(s, repeats=(
        repeat([s.emma, lea], [s.unit], ["WEDNESDAY"]),
    )))
    assert codes(errors) == [("repeats.0.childIds.1", "NOT_ENROLLED")]
    assert errors[0]["message"].startswith("Léa n'est pas inscrit(e)")
    await no_mail_arrives(smtp)


async def enrol_pending(db, child_id, s: Scene, household) -> None:
    async with db.transaction() as session:
        session.add(Enrolment(child_id=child_id, period_id=s.centre.period.id, household_id=household.id,
                              requested_by=s.family.built.account.id, state="pending"))


# ---------------------------------------------------------------------------------------------
# Repeats


async def test_bad_repeats_are_named(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    cases = [
        (repeat([s.emma], [s.unit], ["WEDNESDAY"], start=date(2027, 3, 3), end=date(2027, 1, 6)),
         [("repeats.0.end", "END_BEFORE_START")], "avant la date de début"),
        (repeat([s.emma], [s.unit], ["WEDNESDAY"], start=date(2026, 12, 2), end=date(2036, 12, 31)),
         [("repeats.0.end", "RANGE_TOO_LONG")], "366 jours"),
        (repeat([s.emma], [s.unit], ["WEDNESDAY"], start=date(2027, 6, 2), end=date(2027, 8, 25)),
         [("repeats.0.end", "OUTSIDE_PERIOD")], "25/08/2027"),
        (repeat([s.emma], [s.unit], []),
         [("repeats.0.weekdays", "REQUIRED")], "au moins un jour de la semaine"),
        # The centre runs on Wednesdays only.
        (repeat([s.emma], [s.unit], ["MONDAY", "FRIDAY"]),
         [("repeats.0.weekdays", "NO_MATCHING_DAY")], "aucun des jours choisis"),
        # Wednesdays of the Christmas holidays only.
        (repeat([s.emma], [s.unit], ["WEDNESDAY"], start=date(2026, 12, 21), end=date(2027, 1, 3)),
         [("repeats.0.weekdays", "NO_MATCHING_DAY")], "aucun des jours choisis"),
        (repeat([], [s.unit], ["WEDNESDAY"]),
         [("repeats.0.childIds", "REQUIRED")], "au moins un enfant"),
        (repeat([s.emma], [], ["WEDNESDAY"]),
         [("repeats.0.unitIds", "NO_UNIT")], "au moins une unité"),
    ]
    for rep, expected, words in cases:
        errors = await refused(db, smtp, s.client, request(s, repeats=(rep,)))
        assert codes(errors) == expected, rep
        assert words in errors[0]["message"], errors
    await no_mail_arrives(smtp)


async def test_a_repeat_with_one_end_left_open_names_the_end_given(db, browser, clock, smtp):
    # "From this date to the end" (or "from the start to this date"): when the one date the family gave
    # lies outside the period, that date is the fault, whichever side of the period it falls on.
    s = await scene(db, browser, clock)
    cases = [
        (repeat([s.emma], [s.unit], ["WEDNESDAY"], start=date(2027, 7, 7)), "repeats.0.start"),
        (repeat([s.emma], [s.unit], ["WEDNESDAY"], end=date(2026, 8, 26)), "repeats.0.end"),
        (repeat([s.emma], [s.unit], ["WEDNESDAY"], start=date(2026, 8, 26)), "repeats.0.start"),
        (repeat([s.emma], [s.unit], ["WEDNESDAY"], end=date(2027, 7, 7)), "repeats.0.end"),
    ]
    answers = []
    for rep, field in cases:
        errors = await refused(db, smtp, s.client, request(s, repeats=(rep,)))
        answers.append((field, codes(errors), errors[0]["message"]))
    assert [(field, found) for field, found, _ in answers] == [
        (field, [(field, "OUTSIDE_PERIOD")]) for _, field in cases
    ], answers
    await no_mail_arrives(smtp)


async def test_more_than_twenty_repeats_are_too_many(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    weeks = [date(2026, 12, 1) + timedelta(days=7 * i) for i in range(21)]
    errors = await refused(db, smtp, s.client, request(s, repeats=tuple(
        repeat([s.emma], [s.unit], ["WEDNESDAY"], start=d, end=d + timedelta(days=6)) for d in weeks
    )))
    assert codes(errors) == [("repeats", "TOO_MANY_CHANGES")]
    await no_mail_arrives(smtp)


# ---------------------------------------------------------------------------------------------
# Too many changes


async def test_more_changes_than_allowed_in_one_request(db, browser, clock, smtp):
    # Four children and two units: eight changes a day, one-off days need not be open to be counted.
    s = await scene(db, browser, clock, "Emma-Rose", "Jules", "Lina", "Noé")
    morning = Unit(period_id=s.centre.period.id, name="MATIN", position=1)
    async with db.transaction() as session:
        session.add(morning)
    children = [str(c.id) for c in s.family.children.values()]
    units = [s.unit, str(morning.id)]
    days = [date(2026, 9, 1) + timedelta(days=i) for i in range(306)]
    every = [change(c, u, d) for d, c, u in itertools.product(days, children, units)]
    assert len(every) > MAX_CHANGES

    errors = await refused(db, smtp, s.client, request(s, *every[:MAX_CHANGES + 1]))
    assert codes(errors) == [("changes", "TOO_MANY_CHANGES")]
    assert f"{MAX_CHANGES + 1} changements" in errors[0]["message"] and str(MAX_CHANGES) in errors[0]["message"]

    # One-off changes and repeats count together: the Wednesdays left, for the four children, both units.
    wednesdays = [d for d in open_days(PeriodCalendar(date(2026, 9, 1), date(2027, 7, 3), frozenset({2}),
                                                      OpenDuring.SCHOOL_TIME)) if d >= TODAY]
    repeated = len(wednesdays) * len(children) * len(units)
    others = [c for c in every if date.fromisoformat(c["date"]).weekday() != 2]
    input_ = request(s, *others[:MAX_CHANGES + 1 - repeated], repeats=(repeat(children, units, ["WEDNESDAY"]),))
    errors = await refused(db, smtp, s.client, input_)
    assert codes(errors) == [("changes", "TOO_MANY_CHANGES")]
    assert f"{MAX_CHANGES + 1} changements" in errors[0]["message"]

    # The limit itself is allowed: the preview answers every line.
    limit = ERRORS_ONLY.format(name="previewBookingRequest")
    preview = (await s.client.data(limit, {"input": request(s, *every[:MAX_CHANGES])}))["previewBookingRequest"]
    assert preview["errors"] == []
    assert preview["summary"]["takenCount"] + preview["summary"]["refusedCount"] == MAX_CHANGES
    assert (await booking_counts(db))["booking"] == 0
    await no_mail_arrives(smtp)


# ---------------------------------------------------------------------------------------------
# Several errors at once


async def test_every_field_error_is_reported_in_one_answer(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    basile = str(s.other.children["Basile"].id)
    errors = await refused(db, smtp, s.client, request(
        s,
        change(basile, s.canteen.unit.id, date(2027, 8, 4)),  # three faults in one change
        change(s.emma, s.unit, WEDNESDAY),  # a good one
        change(s.emma, str(uuid.uuid4()), date(2026, 12, 9)),
        repeats=(
            repeat([s.emma], [s.unit], ["WEDNESDAY"], start=date(2027, 3, 3), end=date(2027, 1, 6)),
            repeat([s.emma], [s.unit], []),
            repeat([], [], ["WEDNESDAY"]),
            repeat([MALFORMED], [s.unit], ["WEDNESDAY"], start=date(2027, 2, 1), end=date(2027, 1, 1)),
        ),
    ))
    assert codes(errors) == [
        ("changes.0.childId", "NOT_FOUND"),
        ("changes.0.unitId", "NOT_FOUND"),
        ("changes.0.date", "OUTSIDE_PERIOD"),
        ("changes.2.unitId", "NOT_FOUND"),
        ("repeats.0.end", "END_BEFORE_START"),
        ("repeats.1.weekdays", "REQUIRED"),
        ("repeats.2.childIds", "REQUIRED"),
        ("repeats.2.unitIds", "NO_UNIT"),
        ("repeats.3.childIds.0", "NOT_FOUND"),
        ("repeats.3.end", "END_BEFORE_START"),
    ]
    await no_mail_arrives(smtp)


# ---------------------------------------------------------------------------------------------
# Nothing to submit


async def test_a_submit_whose_every_line_is_refused_writes_nothing(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    # Booking closes a week before the day: Wednesday 2 December closed on Wednesday 25 November.
    async with db.transaction() as session:
        unit = await session.get(Unit, s.centre.unit.id)
        assert unit is not None
        unit.booking_days = 7
        session.add(unit)
    booked = await s.client.data(SUBMIT, {"input": request(s, change(s.emma, s.unit, date(2026, 12, 16)))})
    assert booked["submitBookingRequest"]["errors"] == []
    await smtp.wait_for(s.family.email)
    smtp.clear()

    all_refused = request(
        s,
        change(s.emma, s.unit, WEDNESDAY),  # its deadline passed
        change(s.emma, s.unit, date(2026, 12, 23)),  # Christmas holidays
        change(s.emma, s.unit, date(2026, 12, 9), "CANCEL"),  # nothing to cancel
        change(s.emma, s.unit, date(2026, 12, 16)),  # already booked
    )
    before = (await booking_counts(db), await database_state(db))
    preview = (await s.client.data(PREVIEW, {"input": all_refused}))["previewBookingRequest"]
    assert preview["errors"] == []
    summary = preview["summary"]
    assert (summary["state"], summary["stateLabel"], summary["takenCount"], summary["refusedCount"]) == (
        None, "", 0, 4
    )
    assert [line["refusal"] for line in summary["lines"]] == [
        "DEADLINE_PASSED", "CLOSED", "NO_BOOKING", "ALREADY_BOOKED"
    ]
    assert summary["total"] == 0

    submitted = (await s.client.data(SUBMIT, {"input": all_refused}))["submitBookingRequest"]
    assert submitted["summary"] is None and submitted["request"] is None
    # One error per refused item, at its place: a client shows each reason beside its day.
    assert codes(submitted["errors"]) == [
        (f"changes.{i}.date", "NOTHING_TO_SUBMIT") for i in range(4)
    ]
    messages = [e["message"] for e in submitted["errors"]]
    assert messages[0].startswith("La date limite de réservation est dépassée")
    assert messages[1].startswith("Fermé ce jour-là")
    assert messages == [line["message"] for line in summary["lines"]]
    assert (await booking_counts(db), await database_state(db)) == before

    # "Plus de jours" over days with nothing to cancel: no line at all.
    nothing = request(s, repeats=(repeat([s.emma], [s.unit], ["WEDNESDAY"], start=date(2027, 1, 1),
                                         action="CANCEL"),))
    submitted = (await s.client.data(SUBMIT, {"input": nothing}))["submitBookingRequest"]
    assert codes(submitted["errors"]) == [("repeats.0", "NOTHING_TO_SUBMIT")]
    assert submitted["errors"][0]["message"] == "Aucune présence à annuler ces jours-là."
    assert (await booking_counts(db), await database_state(db)) == before

    # A one-off day and a repeat, both refused: one error each, the repeat's saying its reasons once.
    both = request(s, change(s.emma, s.unit, date(2026, 12, 23)),
                   repeats=(repeat([s.emma], [s.unit], ["WEDNESDAY"], start=WEDNESDAY, end=WEDNESDAY),))
    submitted = (await s.client.data(SUBMIT, {"input": both}))["submitBookingRequest"]
    assert codes(submitted["errors"]) == [("changes.0.date", "NOTHING_TO_SUBMIT"), ("repeats.0", "NOTHING_TO_SUBMIT")]
    assert submitted["errors"][0]["message"].startswith("Fermé ce jour-là")
    repeat_message = submitted["errors"][1]["message"]
    assert repeat_message.startswith("Aucun jour de cette recopie ne peut être enregistré : ")
    assert "La date limite de réservation est dépassée" in repeat_message
    assert (await booking_counts(db), await database_state(db)) == before
    await no_mail_arrives(smtp)


# ---------------------------------------------------------------------------------------------
# The planning's date ranges


def top_level(body: dict[str, Any], code: str, field: str) -> None:
    assert body["data"] is None, body
    [error] = body["errors"]
    assert error["extensions"] == {"code": code, "field": field}, body
    assert error["message"], body


async def test_planning_and_day_window_ranges_are_checked(db, browser, clock, smtp):
    s = await scene(db, browser, clock)
    staff = await make_staff(db)
    agent = await signed_in(browser(), staff.email, staff.password)

    def planning(start: str, end: str) -> dict[str, Any]:
        return {"from": start, "to": end, "childIds": None, "all": False, "others": False}

    def window(start: str, end: str) -> dict[str, Any]:
        return {"childId": s.emma, "periodId": s.period, "from": start, "to": end}

    def places(start: str, end: str) -> dict[str, Any]:
        return {"periodId": s.period, "from": start, "to": end}

    for client, document, variables in (
        (s.client, PLANNING, planning), (s.client, BOOKABLE, window), (agent, PLACES, places)
    ):
        body = await client(document, variables("2026-12-31", "2026-12-01"))
        top_level(body, "END_BEFORE_START", "to")
        assert body["errors"][0]["message"] == "La date de fin est avant la date de début."
        # 94 days: one too many; 93: the limit.
        body = await client(document, variables("2026-12-01", "2027-03-04"))
        top_level(body, "RANGE_TOO_LONG", "to")
        assert "93 jours" in body["errors"][0]["message"]
        assert "errors" not in await client(document, variables("2026-12-01", "2027-03-03"))
        assert "errors" not in await client(document, variables("2026-12-02", "2026-12-02"))

    # The day window checks the child before the dates: an unknown child is NOT_FOUND whatever the range.
    body = await s.client(BOOKABLE, {**window("2026-12-31", "2026-12-01"), "childId": MALFORMED})
    top_level(body, "NOT_FOUND", "childId")
    assert await booking_counts(db) == {"booking_request": 0, "booking_line": 0, "booking": 0, "booking_event": 0}
    await no_mail_arrives(smtp)
