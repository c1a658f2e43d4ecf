"""The family client's "Inscription aux services" for an activity enrolled in by group, in Chromium: the
demo's winter day camp ("VACANCES D'HIVER 2027", groups Maternelles and Élémentaires, one place left
in Élémentaires) asks which group; asked without one, the API's refusal is shown in the period; with
"Élémentaires", Emma-Rose is enrolled there and the page says so."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from portail.db.models import Account, Child, Consent, ConsentDefinition, Enrolment, Guardian
from portail.db.models.catalogue import EnrolmentGroup
from portail.demo import FAMILY_EMAIL, load_demo
from portail.rules.validity import TOWN_ZONE
from tests.browser import test_family_client
from tests.browser.test_client_documents import _sign_in_from

# The app serves the built client on its own address (the fixtures of the first client journey).
built_client = test_family_client.built_client
settings = test_family_client.settings


async def test_a_family_picks_a_group_for_the_winter_day_camp(db, settings, live_server, chromium, clock):
    # While the winter camp takes enrolments (16 November 2026 to 29 January 2027).
    clock.travel_to(datetime(2026, 12, 2, 10, 0, tzinfo=TOWN_ZONE))
    await load_demo(db, settings)
    async with db.transaction() as session:
        # The camp asks for the outings consent; Emma-Rose's family gives it.
        account = (await session.exec(select(Account).where(Account.email == FAMILY_EMAIL))).one()
        guardian = await session.get(Guardian, account.guardian_id)
        emma = (await session.exec(select(Child).where(Child.first_name == "Emma-Rose"))).one()
        outings = (
            await session.exec(select(ConsentDefinition).where(ConsentDefinition.kind == "OUTINGS_TRANSPORT"))
        ).one()
        session.add(
            Consent(
                definition_id=outings.id,
                household_id=guardian.household_id,
                child_id=emma.id,
                granted=True,
                decided_by=account.id,
            )
        )

    page = await chromium.new_page()
    await _sign_in_from(page, f"{live_server.url}/inscriptions")
    await page.get_by_role("heading", name="Inscription aux services").wait_for()
    await page.get_by_label("Enfant").select_option(label="Emma-Rose TEST")
    camp = page.get_by_role("article", name="VACANCES D'HIVER 2027")
    await camp.wait_for()
    groups = camp.get_by_label("Groupe")
    await groups.wait_for()
    options = await groups.locator("option").all_inner_texts()
    assert "Élémentaires (1 place libre)" in options and "Maternelles (8 places libres)" in options

    # Asked without a group: the API's refusal, in the period.
    await camp.get_by_role("button", name="Demander l'inscription").click()
    refusal = camp.get_by_role("alert")
    await refusal.get_by_role("listitem").first.wait_for()
    assert "groupe" in (await refusal.inner_text()).lower()

    # With Élémentaires: enrolled there.
    await groups.select_option(label="Élémentaires (1 place libre)")
    await camp.get_by_role("button", name="Demander l'inscription").click()
    await camp.get_by_role("status").filter(has_text="Inscription acceptée :").wait_for()
    await camp.get_by_text("Groupe : Élémentaires").wait_for()
    assert chromium.problems == []

    async with db.read_sessions() as session:
        [row] = (
            await session.exec(
                select(Enrolment).where(Enrolment.child_id == emma.id, col(Enrolment.group_id).is_not(None))
            )
        ).all()
        group = await session.get(EnrolmentGroup, row.group_id)
    assert row.state == "accepted" and group is not None and group.name == "Élémentaires"
