"""Staff publish a form (e.g. the canteen's rules); families find it in "Mes documents à éditer"
and download it; once archived it is gone, links included."""

from __future__ import annotations

from datetime import date

from tests.support.accounts import signed_in
from tests.support.builders import make_family, make_staff
from tests.support.counts import statements
from tests.support.documents import (
    ARCHIVE,
    PRINTABLE_FORMS,
    PUBLISH,
    codes,
    link_path,
    make_child,
    pdf_bytes,
    post_file,
    upload_data,
    written,
)


async def publish(client, title: str, file, description: str = "") -> dict:
    variables = {"title": title, "description": description}
    return (await upload_data(client, PUBLISH, variables, file))["publishPrintableForm"]


async def test_staff_publish_a_form_that_families_download(db, browser, settings, live_server):
    staff = await make_staff(db)
    family = await make_family(db)
    await make_child(db, family.household, "Paul", birth_date=date(2014, 5, 12))
    agent = await signed_in(browser(), staff.email, staff.password)

    rules = pdf_bytes("Règlement intérieur de la restauration scolaire")
    published = await publish(
        agent,
        "Règlement de la cantine",
        ("règlement cantine.pdf", rules, "application/pdf"),
        "À lire et signer.",
    )
    assert published["errors"] == []
    form = published["printableForm"]
    assert (form["kind"], form["title"], form["format"]) == ("TOWN_FORM", "Règlement de la cantine", "PDF")

    client = await signed_in(browser(), family.email, family.password)
    with statements(live_server.app.state.db) as sql:
        forms = (await client.data(PRINTABLE_FORMS))["printableForms"]
    assert [(f["kind"], f["title"]) for f in forms] == [
        ("HEALTH_FORM", "Fiche sanitaire de liaison – Paul MARTIN"),
        ("TOWN_FORM", "Règlement de la cantine"),
    ]
    town_form = forms[1]
    assert town_form["description"] == "À lire et signer." and town_form["publishedAt"]

    downloaded = await client.http.get(link_path(town_form["downloadUrl"]))
    assert downloaded.status_code == 200 and downloaded.content == rules
    assert downloaded.headers["content-type"] == "application/pdf"
    assert downloaded.headers["content-disposition"] == (
        "attachment; filename=\"r_glement cantine.pdf\"; filename*=UTF-8''r%C3%A8glement%20cantine.pdf"
    )

    # A second child and a second form: the list costs the same statements.
    await make_child(db, family.household, "Emma-Rose")
    await publish(agent, "Tarifs", ("tarifs.pdf", pdf_bytes("Tarifs"), "application/pdf"))
    with statements(live_server.app.state.db) as more_sql:
        assert len((await client.data(PRINTABLE_FORMS))["printableForms"]) == 4
    assert len(more_sql) == len(sql)

    # Archived: no longer listed, and its links stop working.
    archived = (await agent.data(ARCHIVE, {"id": town_form["id"]}))["archivePrintableForm"]
    assert archived["errors"] == []
    titles = [f["title"] for f in (await client.data(PRINTABLE_FORMS))["printableForms"]]
    assert "Règlement de la cantine" not in titles
    assert (await client.http.get(link_path(town_form["downloadUrl"]))).status_code == 404


async def test_publishing_refuses_bad_input_and_families(db, browser, settings):
    staff = await make_staff(db)
    family = await make_family(db)
    agent = await signed_in(browser(), staff.email, staff.password)
    before = await written(db, settings.storage_path)

    bad = await publish(agent, "  ", ("../règlement.pdf", b"MZ\x90\x00", "application/pdf"))
    assert codes(bad) == [
        ("title", "REQUIRED"),
        ("file", "FILE_NAME_INVALID"),
        ("file", "FILE_FORMAT_REFUSED"),
    ]
    unknown = (await agent.data(ARCHIVE, {"id": "pas-un-id"}))["archivePrintableForm"]
    assert codes(unknown) == [("id", "NOT_FOUND")]

    client = await signed_in(browser(), family.email, family.password)
    response = await post_file(client, PUBLISH, {"title": "x"}, ("x.pdf", pdf_bytes("x"), "application/pdf"))
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await written(db, settings.storage_path) == before
