"""Before the school year, a town agent lists the households to chase: every household by name, with its
guardians and address, what its records still lack ("Foyer > Adresse, Emma-Rose > Santé"), whether its
confirmation has expired and the changes waiting for review; page by page (no household twice, none
missing, the same statements for 3 households or 30) and as a CSV a French spreadsheet opens. Families
are refused."""

from __future__ import annotations

from datetime import date

from portail.db.models import AuthorizedPerson, Child, Guardian, Household, HouseholdChild, Vaccination
from tests.bookings.test_waiting_list import staff_member
from tests.exports.support import LINK, download
from tests.support.accounts import signed_in
from tests.support.bookings import at_town_time, paris
from tests.support.builders import make_family
from tests.support.counts import statements
from tests.support.documents import make_child

HOUSEHOLDS = """query($first: Int!, $after: String) { householdsExport(first: $first, after: $after) {
  edges { cursor node { id name guardians { name email } address postcode city inseeCode mainPhone childrenCount
    familyQuotient toCompleteCount toComplete certifiedAt certificationExpired pendingChangeCount } }
  pageInfo { hasNextPage endCursor } } }"""
UPDATE = """mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) {
  pendingFields errors { field code } } }"""
SUMMER = date(2026, 8, 20)


def complete_rows(household: Household, n: int = 1) -> list[object]:
    """Everything the town requires of ``household`` (its address and insurance, guardian 1 given
    apart) and ``n`` children with complete records, as rows to add."""
    household.address_number, household.address_street = "12", "rue des Écoles"
    household.postcode, household.city, household.main_phone = "56860", "Séné", "+33297000001"
    household.insee_code = "56243"
    household.insurance_company, household.insurance_policy = "MAIF", "123456"
    household.family_quotient = 820
    household.certified_at = paris(SUMMER)
    rows: list[object] = [household]
    for i in range(n):
        child = Child(
            first_name=f"Léo{i}",
            last_name=household.name,
            birth_date=date(2017, 3, 1 + i),
            sex="M",
            school="École du Bourg",
            class_level="CE1",
            diet="NONE",
            doctor_name="Dr Le Goff",
            doctor_phone="+33297000002",
        )
        rows += [
            child,
            HouseholdChild(household_id=household.id, child_id=child.id),
            Vaccination(child_id=child.id, vaccine="DTP", vaccinated_on=date(2018, 1, 1)),
            AuthorizedPerson(
                child_id=child.id,
                first_name="Mamie",
                last_name=household.name,
                mobile_phone="+33612345678",
                emergency_contact=True,
            ),
        ]
    return rows


async def add_in_order(session, rows: list[object]) -> None:  # type: ignore[no-untyped-def]
    """The rows one by one (the tables have no relationships to order the inserts by)."""
    for row in rows:
        session.add(row)
        await session.flush()


async def complete_family(db, name: str, first_name: str, email: str):  # type: ignore[no-untyped-def]
    family = await make_family(db, email, name=name, first_name=first_name)
    async with db.transaction() as session:
        household = await session.get(Household, family.household.id)
        guardian = await session.get(Guardian, family.guardian.id)
        assert household is not None and guardian is not None
        guardian.civility, guardian.mobile_phone = "Mme", "+33611111111"
        await add_in_order(session, complete_rows(household))
    return family


async def many_households(db, n: int) -> None:  # type: ignore[no-untyped-def]
    """``n`` complete households, two by two under the same name (the id tells them apart), written
    straight (no accounts: the export reads records, not sign-ins)."""
    async with db.transaction() as session:
        for i in range(n):
            household = Household(name=f"FAMILLE {i // 2:02d}")
            session.add(household)
            await session.flush()
            session.add(
                Guardian(
                    household_id=household.id,
                    rank=1,
                    civility="M.",
                    first_name=f"Paul{i}",
                    last_name=household.name,
                    mobile_phone="+33611111111",
                    email=f"p{i}@f.test",
                )
            )
            await add_in_order(session, complete_rows(household, 2))


async def test_an_agent_sees_what_each_household_still_has_to_complete(db, browser, clock, live_server):
    at_town_time(clock, SUMMER)
    await complete_family(db, "BERNARD", "Claire", "claire@famille.test")
    martin = await make_family(db, "lola@famille.test", name="MARTIN", first_name="Lola")
    await make_child(db, martin.household, "Emma-Rose")
    # Lola gives her family quotient: the town checks it before it counts.
    lola = await signed_in(browser(), martin.email, martin.password)
    asked = (await lola.data(UPDATE, {"input": {"complementary": {"familyQuotient": 640}}}))[
        "updateHousehold"
    ]
    assert asked == {"pendingFields": ["familyQuotient"], "errors": []}

    staff = await staff_member(db, browser)
    page = (await staff.client.data(HOUSEHOLDS, {"first": 10}))["householdsExport"]
    bernard, lola_s = (e["node"] for e in page["edges"])
    assert page["pageInfo"]["hasNextPage"] is False
    assert bernard["name"] == "BERNARD" and bernard["toComplete"] == [] and bernard["toCompleteCount"] == 0
    assert bernard["guardians"] == [{"name": "Claire BERNARD", "email": "claire@famille.test"}]
    assert (bernard["address"], bernard["postcode"], bernard["city"], bernard["inseeCode"]) == (
        "12 rue des Écoles",
        "56860",
        "Séné",
        "56243",
    )
    assert bernard["mainPhone"] == "02 97 00 00 01" and bernard["familyQuotient"] == 820
    assert bernard["childrenCount"] == 1 and bernard["certificationExpired"] is False
    assert bernard["pendingChangeCount"] == 0

    assert lola_s["name"] == "MARTIN" and lola_s["childrenCount"] == 1 and lola_s["inseeCode"] is None
    assert lola_s["toComplete"] == [
        "Foyer > Responsable 1",
        "Foyer > Adresse",
        "Foyer > Informations complémentaires",
        "Emma-Rose > Identité",
        "Emma-Rose > Scolarité",
        "Emma-Rose > Restauration",
        "Emma-Rose > Santé",
        "Emma-Rose > Vaccinations",
        "Emma-Rose > Personnes autorisées",
    ]
    assert lola_s["toCompleteCount"] == 9
    # Never confirmed; the quotient waits for the agent, so it is not shown yet.
    assert lola_s["certifiedAt"] is None and lola_s["certificationExpired"] is True
    assert lola_s["pendingChangeCount"] == 1 and lola_s["familyQuotient"] is None

    # The same list as a file for the spreadsheet.
    link = (await staff.client.data(LINK, {"kind": "HOUSEHOLDS"}))["exportLink"]
    assert link["filename"] == "foyers.csv"
    _, rows, headers = await download(staff.client, link["url"])
    assert headers == [
        "Foyer",
        "Responsable 1",
        "Courriel responsable 1",
        "Responsable 2",
        "Courriel responsable 2",
        "Adresse",
        "Code postal",
        "Ville",
        "Code commune (INSEE)",
        "Téléphone",
        "Enfants",
        "Quotient familial",
        "Rubriques à compléter",
        "Détail des rubriques à compléter",
        "Informations confirmées le",
        "Confirmation expirée",
        "Modifications en attente de validation",
        "Réponses aux questions de la mairie",
    ]
    assert [r["Foyer"] for r in rows] == ["BERNARD", "MARTIN"]
    assert [r["Code commune (INSEE)"] for r in rows] == ["56243", ""]
    assert rows[0]["Rubriques à compléter"] == "0" and rows[0]["Détail des rubriques à compléter"] == ""
    assert rows[0]["Confirmation expirée"] == "non" and rows[0]["Quotient familial"] == "820"
    assert rows[0]["Informations confirmées le"].startswith("20/08/2026")
    assert rows[1]["Rubriques à compléter"] == "9"
    assert rows[1]["Détail des rubriques à compléter"] == ", ".join(lola_s["toComplete"])
    assert rows[1]["Responsable 1"] == "Lola MARTIN" and rows[1]["Responsable 2"] == ""
    assert rows[1]["Confirmation expirée"] == "oui"
    assert rows[1]["Modifications en attente de validation"] == "1"


async def read_all(client, db, first: int) -> tuple[list[dict], list[int]]:  # type: ignore[no-untyped-def]
    """Every household, ``first`` at a time, and what each page cost in statements."""
    seen: list[dict] = []
    costs: list[int] = []
    variables: dict = {"first": first, "after": None}
    while True:
        with statements(db) as ran:
            page = (await client.data(HOUSEHOLDS, variables))["householdsExport"]
        costs.append(len(ran))
        seen += [e["node"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return seen, costs
        variables["after"] = page["pageInfo"]["endCursor"]


async def test_pages_follow_each_other_and_cost_the_same_for_3_or_30_households(
    db, browser, clock, live_server
):
    at_town_time(clock, SUMMER)
    staff = await staff_member(db, browser)
    server_db = live_server.app.state.db
    await many_households(db, 3)
    await staff.client.data(HOUSEHOLDS, {"first": 100})  # warm what is not per request
    few, few_costs = await read_all(staff.client, server_db, 100)
    await many_households(db, 27)
    many, many_costs = await read_all(staff.client, server_db, 100)
    assert len(few) == 3 and len(many) == 30
    assert all(h["childrenCount"] == 2 and h["toComplete"] == [] for h in many)
    assert few_costs == many_costs, (few_costs, many_costs)

    # Seven at a time: every household once, in name order, the same name's two told apart by id.
    paged, costs = await read_all(staff.client, server_db, 7)
    assert [h["id"] for h in paged] == [h["id"] for h in many]
    assert len({h["id"] for h in paged}) == 30 and len(costs) == 5
    assert [h["name"] for h in paged] == sorted(h["name"] for h in paged)
    assert len(set(costs)) == 1, costs  # the same statements on every page
    print(f"statements per page: 3 households {few_costs}, 30 households {many_costs}, pages of 7 {costs}")


async def test_a_family_is_refused_the_households_export(db, browser, clock):
    at_town_time(clock, SUMMER)
    family = await make_family(db, "lola@famille.test")
    client = await signed_in(browser(), family.email, family.password)
    for document, variables in ((HOUSEHOLDS, {"first": 10}), (LINK, {"kind": "HOUSEHOLDS"})):
        body = await client(document, variables)
        assert body["data"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
