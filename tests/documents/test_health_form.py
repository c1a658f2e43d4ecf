"""The guide's "Mes documents à éditer": the family views ("Œil") and downloads ("Flèche") each
child's "Fiche sanitaire de liaison", a PDF filled from the child's current records."""

from __future__ import annotations

from datetime import date

from portail.db.models import AuthorizedPerson, Child, Guardian, Vaccination
from tests.support.accounts import signed_in
from tests.support.builders import make_family
from tests.support.documents import PRINTABLE_FORMS, link_path, make_child, pdf_text


async def test_family_views_and_downloads_the_fiche_sanitaire(db, browser):
    family = await make_family(db, "lola.martin@example.org", name="MARTIN")
    async with db.transaction() as session:
        guardian = await session.get(Guardian, family.guardian.id)
        guardian.civility, guardian.mobile_phone = "Mme", "+33612345678"
    emma = await make_child(
        db,
        family.household,
        "Emma-Rose",
        sex="F",
        school="École Guyomard",
        class_level="CE2",
        diet="NO_PORK",
        food_allergies="Arachides, fruits à coque",
        doctor_name="Dr Le Gall",
        doctor_phone="+33297000000",
        allergies="Pollen de bouleau",
        medical_notes="Asthme léger <script>alert(1)</script>",
        has_pai=True,
    )
    async with db.transaction() as session:
        session.add(Vaccination(child_id=emma.id, vaccine="DTP", vaccinated_on=date(2021, 3, 4)))
        session.add(
            AuthorizedPerson(
                child_id=emma.id,
                first_name="Yves",
                last_name="MARTIN",
                relation="Grand-père",
                mobile_phone="+33698765432",
                may_pick_up=True,
                emergency_contact=True,
            )
        )
    client = await signed_in(browser(), family.email, family.password)

    forms = (await client.data(PRINTABLE_FORMS))["printableForms"]
    assert [(f["kind"], f["childName"]) for f in forms] == [("HEALTH_FORM", "Emma-Rose MARTIN")]
    form = forms[0]
    assert form["format"] == "PDF" and form["fileName"] == "fiche-sanitaire-Emma-Rose-MARTIN.pdf"
    assert form["childId"] == str(emma.id)

    # "Œil": shown in the browser.
    viewed = await client.http.get(link_path(form["viewUrl"]))
    assert viewed.status_code == 200
    assert viewed.headers["content-type"] == "application/pdf"
    assert viewed.headers["content-disposition"].startswith("inline;")
    assert viewed.headers["x-content-type-options"] == "nosniff"
    assert viewed.headers["cache-control"] == "private, no-store"
    assert viewed.content.startswith(b"%PDF-")

    # "Flèche": downloaded; a valid PDF with the child's records, typed text printed as text.
    downloaded = await client.http.get(link_path(form["downloadUrl"]))
    assert downloaded.status_code == 200
    assert downloaded.headers["content-disposition"].startswith(
        'attachment; filename="fiche-sanitaire-Emma-Rose-MARTIN.pdf"'
    )
    text = pdf_text(downloaded.content)
    for expected in (
        "FICHE SANITAIRE DE LIAISON",
        "Emma-Rose",
        "MARTIN",
        "03/09/2016",
        "École Guyomard",
        "CE2",
        "Sans porc",
        "Arachides, fruits à coque",
        "Pollen de bouleau",
        "Dr Le Gall",
        "Asthme léger <script>alert(1)</script>",
        "DTP",
        "04/03/2021",
        "Yves MARTIN (Grand-père)",
        "06 98 76 54 32",  # phones the French way, not as kept (E.164)
        "Mme Lola MARTIN",
        "06 12 34 56 78",
        "02 97 00 00 00",
    ):
        assert expected in text, expected
    assert "+33" not in text

    # The PDF is made at download time: a change to the records shows at once, same link.
    async with db.transaction() as session:
        row = await session.get(Child, emma.id)
        row.allergies = "Pollen de bouleau, pénicilline"
    again = await client.http.get(link_path(form["downloadUrl"]))
    assert "Pollen de bouleau, pénicilline" in pdf_text(again.content)


async def test_each_child_has_a_fiche_and_other_families_see_none_of_them(db, browser):
    family = await make_family(db)
    await make_child(db, family.household, "Paul", birth_date=date(2014, 5, 12))
    await make_child(db, family.household, "Emma-Rose", birth_date=date(2016, 9, 3))
    other = await make_family(db, "autre@famille.test", name="DURAND")

    client = await signed_in(browser(), family.email, family.password)
    forms = (await client.data(PRINTABLE_FORMS))["printableForms"]
    assert [f["childName"] for f in forms] == ["Paul MARTIN", "Emma-Rose MARTIN"]

    stranger = await signed_in(browser(), other.email, other.password)
    assert (await stranger.data(PRINTABLE_FORMS))["printableForms"] == []


async def test_anonymous_visitors_get_no_forms(db, gql):
    body = await gql(PRINTABLE_FORMS)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
