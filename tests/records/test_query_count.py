"""The household query with its children and every section issues a fixed number of SQL
statements, however many children there are (batch loading, counted here)."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from sqlalchemy import event

from portail.db.models import AuthorizedPerson, Child, Consent, ConsentDefinition, HouseholdChild, Vaccination
from tests.support.builders import make_family

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }"
FULL = """{ household {
  name address { street city } complementary { familyQuotient } certification { needsConfirmation }
  me { firstName } otherGuardian { firstName } guardians { firstName }
  sections { section state missingFields pendingFields } consents { granted }
  pendingChanges { field }
  children { firstName birthDate sex schooling { school classLevel } meals { diet foodAllergies }
    health { doctorName allergies hasPai } vaccinations { vaccine vaccinatedOn }
    authorizedPersons { firstName mayPickUp } authorisations { granted definition { kind } }
    sections { section state missingFields } sharedWithAnotherHousehold certification { expiresAt } }
} viewer { toComplete { section childId missingFields } } }"""


@contextmanager
def counting(engine):
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        # The mail worker polls the outbox and runs its jobs (password reset requests) on the same
        # engine, woken by the login's commit: not part of the request.
        if "outbox_mail" not in statement and "password_reset_request" not in statement:
            statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)


async def _add_children(db, family, n, definition):
    async with db.transaction() as session:
        for i in range(n):
            child = Child(first_name=f"Enfant{i}", last_name="MARTIN", birth_date=date(2015, 1, 1 + i), sex="F")
            session.add(child)
            await session.flush()
            session.add(HouseholdChild(household_id=family.household.id, child_id=child.id))
            session.add(Vaccination(child_id=child.id, vaccine="DTP", vaccinated_on=date(2016, 1, 1)))
            session.add(AuthorizedPerson(child_id=child.id, first_name="Mamie", last_name="MARTIN",
                                         mobile_phone="+33612345678", emergency_contact=True))
            session.add(Consent(definition_id=definition.id, household_id=family.household.id, child_id=child.id,
                                granted=True, decided_by=family.account.id))


async def test_household_with_children_costs_the_same_statements_for_1_or_6_children(db, browser, live_server):
    definition = ConsentDefinition(kind="IMAGE_RIGHTS", title="Droit à l'image", text="…")
    async with db.transaction() as session:
        session.add(definition)
    counts = []
    seen = []
    for n in (1, 6):
        family = await make_family(db, email=f"famille{n}@example.org")
        await _add_children(db, family, n, definition)
        client = browser()
        await client.data(LOGIN, {"e": family.email, "p": family.password})
        await client.data(FULL)  # warm caches that are not per request
        with counting(live_server.app.state.db.engine) as statements:
            data = await client.data(FULL)
        assert len(data["household"]["children"]) == n
        assert all(c["vaccinations"] and c["authorizedPersons"] for c in data["household"]["children"])
        counts.append(len(statements))
        seen.append(__import__('collections').Counter(' '.join(x.split())[:60] for x in statements))
    assert counts[0] == counts[1], (seen[0] - seen[1], seen[1] - seen[0])
    assert counts[0] <= 20, counts
