"""The guide's "Mon profil": personal and professional information, phones in E.164, dates not in
the future, names kept as typed (and escaped in mails), and the e-mail change confirmed by link."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.support.accounts import (
    CONFIRM_EMAIL,
    UPDATE_PROFILE,
    VIEWER,
    account_by_id,
    guardian_by_id,
    login_codes,
    outbox,
    signed_in,
    viewer_email,
)
from tests.support.builders import make_family, make_staff
from tests.support.counts import statements

EMAIL = "lola.martin@example.org"
NEW_EMAIL = "lola.nouvelle@example.org"


async def update(client, **fields: object) -> dict:
    return (await client.data(UPDATE_PROFILE, {"input": fields}))["updateProfile"]


def codes(payload: dict) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


def sections(viewer: dict) -> dict[str, list[str]]:
    return {item["section"]: item["missingFields"] for item in viewer["toComplete"]}


async def test_family_fills_in_mon_profil(db, browser):
    family = await make_family(db, EMAIL)
    client = await signed_in(browser(), family.email, family.password)
    viewer = (await client.data(VIEWER))["viewer"]
    assert sections(viewer)["ME"] == ["civility", "mobilePhone"]

    updated = await update(
        client,
        civility="Mme",
        firstName="  Lola-Marie ",
        lastName="MARTIN-DUPONT",
        birthDate="1988-04-12",
        mobilePhone="06 12 34 56 78",
        homePhone="02.97.12.34.56",
        workPhone="+33 (0)1 23 45 67 89",
        profession="Infirmière",
        employer="CHBA Vannes",
    )
    assert updated["errors"] == []
    assert updated["viewer"]["profile"] == {
        "civility": "Mme",
        "firstName": "Lola-Marie",
        "lastName": "MARTIN-DUPONT",
        "birthDate": "1988-04-12",
        "mobilePhone": "+33612345678",
        "homePhone": "+33297123456",
        "profession": "Infirmière",
        "employer": "CHBA Vannes",
        "workPhone": "+33123456789",
    }
    # The required fields are set: "Mon profil" no longer needs completing (the address still does).
    assert "ME" not in sections(updated["viewer"])
    assert "ADDRESS" in sections(updated["viewer"])

    # Stored as returned.
    guardian = await guardian_by_id(db, family.guardian)
    assert (guardian.first_name, guardian.last_name, guardian.civility) == (
        "Lola-Marie",
        "MARTIN-DUPONT",
        "Mme",
    )
    assert (guardian.mobile_phone, guardian.home_phone, guardian.work_phone) == (
        "+33612345678",
        "+33297123456",
        "+33123456789",
    )
    assert guardian.birth_date.isoformat() == "1988-04-12"
    assert (guardian.profession, guardian.employer) == ("Infirmière", "CHBA Vannes")

    # A later read gives the same; omitted fields stay as they are, empty clears, null clears a date.
    partial = await update(client, mobilePhone="", birthDate=None)
    assert partial["errors"] == []
    profile = partial["viewer"]["profile"]
    assert profile["mobilePhone"] == "" and profile["birthDate"] is None
    assert profile["homePhone"] == "+33297123456" and profile["firstName"] == "Lola-Marie"
    assert sections(partial["viewer"])["ME"] == ["mobilePhone"]
    assert (await client.data(VIEWER))["viewer"]["profile"] == profile


async def test_refused_input_writes_nothing_and_reports_every_field(db, browser, smtp):
    family = await make_family(db, EMAIL)
    client = await signed_in(browser(), family.email, family.password)
    before = await guardian_by_id(db, family.guardian)
    tomorrow = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()

    refused = await update(
        client,
        firstName="Nouveau",
        profession="Boulanger",
        mobilePhone="06 12 34",
        homePhone="pas un numéro",
        birthDate=tomorrow,
        civility="Dr",
        email=NEW_EMAIL,
    )
    assert refused["viewer"] is None
    assert sorted(codes(refused)) == [
        ("birthDate", "DATE_IN_FUTURE"),
        ("civility", "INVALID"),
        ("homePhone", "INVALID_PHONE"),
        ("mobilePhone", "INVALID_PHONE"),
    ]
    messages = {e["field"]: e["message"] for e in refused["errors"]}
    assert messages["mobilePhone"] == "Le numéro de téléphone n'est pas valide (exemple : 06 12 34 56 78)."
    assert messages["birthDate"] == "La date ne peut pas être dans le futur."

    # Nothing was written: the valid fields of the refused input are not kept, no mail is queued.
    assert await guardian_by_id(db, family.guardian) == before
    assert (await account_by_id(db, family.account)).pending_email is None
    assert await outbox(db) == []


async def test_malformed_phone_alone(db, browser):
    family = await make_family(db, EMAIL)
    client = await signed_in(browser(), family.email, family.password)
    for raw in ("06 12 34 56 7", "12345", "0612345678901234", "+33 6 12 34 56 78 99", "06-AB-34-56-78"):
        refused = await update(client, mobilePhone=raw)
        assert codes(refused) == [("mobilePhone", "INVALID_PHONE")], raw
    assert (await guardian_by_id(db, family.guardian)).mobile_phone == ""
    # Other valid forms of the same number all store one value.
    for raw in ("0612345678", "+33612345678", "0033 6 12 34 56 78", " 06.12.34.56.78 "):
        ok = await update(client, mobilePhone=raw)
        assert ok["viewer"]["profile"]["mobilePhone"] == "+33612345678", raw


async def test_birth_date_in_the_future_by_the_server_clock(db, browser, clock):
    family = await make_family(db, EMAIL)
    client = await signed_in(browser(), family.email, family.password)
    today = clock.now().date()
    ok = await update(client, birthDate=today.isoformat())
    assert ok["errors"] == []

    # The server's "today" decides, not the client's.
    clock.travel(timedelta(days=-3))
    refused = await update(client, birthDate=today.isoformat())
    assert codes(refused) == [("birthDate", "DATE_IN_FUTURE")]
    far = await update(client, birthDate="2999-01-01")
    assert codes(far) == [("birthDate", "DATE_IN_FUTURE")]
    assert (await guardian_by_id(db, family.guardian)).birth_date == today


async def test_names_are_required_and_bounded(db, browser):
    family = await make_family(db, EMAIL)
    client = await signed_in(browser(), family.email, family.password)
    assert codes(await update(client, firstName="   ")) == [("firstName", "REQUIRED")]
    assert codes(await update(client, lastName="")) == [("lastName", "REQUIRED")]
    assert codes(await update(client, lastName="X" * 101)) == [("lastName", "TOO_LONG")]
    assert codes(await update(client, employer="a\x1bb")) == [("employer", "INVALID")]
    guardian = await guardian_by_id(db, family.guardian)
    assert (guardian.first_name, guardian.last_name, guardian.employer) == ("Lola", "MARTIN", "")


async def test_markup_in_a_name_is_kept_as_text_and_escaped_in_mail_html(db, browser, smtp):
    family = await make_family(db, EMAIL)
    client = await signed_in(browser(), family.email, family.password)
    script = "<script>alert(1)</script>"
    stored = await update(client, firstName=script)
    assert stored["errors"] == []
    assert stored["viewer"]["profile"]["firstName"] == script
    assert (await guardian_by_id(db, family.guardian)).first_name == script

    # A later mail greets the owner: escaped in the HTML part, as typed in the text part.
    assert (await update(client, email=NEW_EMAIL))["errors"] == []
    [mail] = await smtp.wait_for(NEW_EMAIL)
    assert "Bonjour &lt;script&gt;alert(1)&lt;/script&gt; MARTIN," in mail.html
    assert "<script" not in mail.html
    assert f"Bonjour {script} MARTIN," in mail.text


async def test_changing_the_email_address(db, gql, browser, smtp):
    family = await make_family(db, EMAIL)
    client = await signed_in(browser(), family.email, family.password)

    asked = await update(client, email="  Lola.Nouvelle@EXAMPLE.org ")
    assert asked["errors"] == []
    assert asked["viewer"]["account"] == {"email": EMAIL, "pendingEmail": NEW_EMAIL}
    [mail] = await smtp.wait_for(NEW_EMAIL)
    assert "Confirmez votre nouvelle adresse" in mail.subject
    assert mail.link().startswith("http://portail.test/confirmer-email?token=")
    assert mail.link() in mail.html
    assert "Bonjour Lola MARTIN" in mail.text
    assert [m.template for m in await outbox(db)] == ["email_change"]

    # Until confirmed, the old address signs in and the new one does not.
    assert await login_codes(browser(), EMAIL, family.password) == []
    assert await login_codes(browser(), NEW_EMAIL, family.password) == ["INVALID_CREDENTIALS"]
    assert (await client.data(VIEWER))["viewer"]["account"]["pendingEmail"] == NEW_EMAIL

    # The link is opened (in any browser): the new address replaces the old one.
    confirmed = (await gql.data(CONFIRM_EMAIL, {"token": mail.token()}))["confirmEmailChange"]
    assert confirmed["errors"] == []
    assert confirmed["viewer"]["account"] == {"email": NEW_EMAIL, "pendingEmail": None}
    account = await account_by_id(db, family.account)
    assert (account.email, account.pending_email) == (NEW_EMAIL, None)
    assert (await guardian_by_id(db, family.guardian)).email == NEW_EMAIL

    assert await login_codes(browser(), NEW_EMAIL, family.password) == []
    assert await login_codes(browser(), EMAIL, family.password) == ["INVALID_CREDENTIALS"]
    assert await viewer_email(client) == NEW_EMAIL  # the open session follows the account

    # The old address is told.
    [notice] = await smtp.wait_for(EMAIL)
    assert "adresse e-mail a été modifiée" in notice.subject
    assert NEW_EMAIL in notice.text and EMAIL in notice.text

    # The link is single-use.
    again = (await gql.data(CONFIRM_EMAIL, {"token": mail.token()}))["confirmEmailChange"]
    assert codes(again) == [("token", "TOKEN_USED")]


async def test_email_change_link_expires_and_is_replaced_by_a_newer_one(db, gql, browser, smtp, clock):
    family = await make_family(db, EMAIL)
    client = await signed_in(browser(), family.email, family.password)
    assert (await update(client, email="premiere@example.org"))["errors"] == []
    assert (await update(client, email=NEW_EMAIL))["errors"] == []
    [first] = await smtp.wait_for("premiere@example.org")
    [second] = await smtp.wait_for(NEW_EMAIL)
    assert (await account_by_id(db, family.account)).pending_email == NEW_EMAIL

    stale = (await gql.data(CONFIRM_EMAIL, {"token": first.token()}))["confirmEmailChange"]
    assert codes(stale) == [("token", "TOKEN_USED")]

    clock.travel(timedelta(hours=24, seconds=1))
    expired = (await gql.data(CONFIRM_EMAIL, {"token": second.token()}))["confirmEmailChange"]
    assert codes(expired) == [("token", "TOKEN_EXPIRED")]
    assert (await account_by_id(db, family.account)).email == EMAIL


async def test_an_address_used_by_another_account_is_answered_like_any_other(db, gql, browser, smtp):
    """Whether an address has an account is never told to the family: the answer is the same, and
    the address's owner is mailed an explanation with no link that could hand the address over."""
    family = await make_family(db, EMAIL)
    other = await make_family(db, "voisin@example.org", name="DURAND", first_name="Paul")
    staff = await make_staff(db, "agent@example.org")
    client = await signed_in(browser(), family.email, family.password)

    free = await update(client, email="libre@example.org", firstName="Lou")
    for taken in (" VOISIN@example.org", staff.email):
        answer = await update(client, email=taken, firstName="Lou")
        address = taken.strip().lower()
        assert answer["errors"] == [], taken
        assert answer["viewer"]["account"] == {"email": EMAIL, "pendingEmail": address}
        assert {**answer["viewer"]["account"], "pendingEmail": None} == {
            **free["viewer"]["account"],
            "pendingEmail": None,
        }
        # The owner of the address is told, without a confirmation link.
        [mail] = await smtp.wait_for(address)
        assert mail.subject == "Quelqu'un a demandé à utiliser votre adresse e-mail"
        assert "déjà celle d'un compte" in mail.text
        assert "confirmer-email" not in mail.text + mail.html
        assert mail.link() == "http://portail.test/connexion"
        assert "Lola" not in mail.text  # nor who asked
    assert (await guardian_by_id(db, family.guardian)).first_name == "Lou"
    templates = [m.template for m in await outbox(db)]
    assert templates == ["email_change", "email_change_in_use", "email_change_in_use"]

    # Nothing can take the address over: no link was mailed, and a token would be refused.
    assert (await account_by_id(db, other.account)).email == "voisin@example.org"
    assert await login_codes(browser(), other.email, other.password) == []

    # An address another account only waits to confirm is not in use: the first to confirm has it.
    neighbour = await signed_in(browser(), other.email, other.password)
    assert (await update(neighbour, email="reserve@example.org"))["errors"] == []
    assert (await update(client, email="reserve@example.org"))["errors"] == []
    first, second = await smtp.wait_for("reserve@example.org", count=2)
    assert first.link().startswith("http://portail.test/confirmer-email?token=")
    confirmed = (await gql.data(CONFIRM_EMAIL, {"token": second.token()}))["confirmEmailChange"]
    assert confirmed["errors"] == []
    assert (await account_by_id(db, family.account)).email == "reserve@example.org"
    assert (await account_by_id(db, other.account)).pending_email is None
    late = (await gql.data(CONFIRM_EMAIL, {"token": first.token()}))["confirmEmailChange"]
    assert codes(late) == [("token", "EMAIL_ALREADY_USED")]
    assert (await account_by_id(db, other.account)).email == "voisin@example.org"

    # Typing one's own address changes nothing and mails nobody.
    mails = len(await outbox(db))
    same = await update(client, email=" Reserve@example.org ")
    assert same["errors"] == []
    assert same["viewer"]["account"] == {"email": "reserve@example.org", "pendingEmail": None}
    assert len(await outbox(db)) == mails


async def test_staff_update_their_names_only(db, browser):
    staff = await make_staff(db, "agent@example.org")
    client = await signed_in(browser(), staff.email, staff.password)
    updated = await update(client, firstName="Agathe", lastName="AGENT-MARTIN")
    assert updated["errors"] == []
    assert updated["viewer"]["profile"]["firstName"] == "Agathe"
    assert updated["viewer"]["profile"]["lastName"] == "AGENT-MARTIN"
    assert updated["viewer"]["toComplete"] == []
    account = await account_by_id(db, staff.account)
    assert (account.first_name, account.last_name) == ("Agathe", "AGENT-MARTIN")

    # The guardian's fields do not exist for staff: refused by their GraphQL names.
    refused = await update(client, firstName="Autre", mobilePhone="06 12 34 56 78", civility="M.")
    assert sorted(codes(refused)) == [("civility", "INVALID"), ("mobilePhone", "INVALID")]
    assert (await account_by_id(db, staff.account)).first_name == "Agathe"


async def test_anonymous_cannot_update_a_profile(db, gql):
    body = await gql(UPDATE_PROFILE, {"input": {"firstName": "Intrus"}})
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_an_address_in_use_costs_the_same_statements_as_a_free_one(db, browser, live_server):
    family = await make_family(db, EMAIL)
    await make_family(db, "voisin@example.org", name="DURAND", first_name="Paul")
    client = await signed_in(browser(), family.email, family.password)
    # A first edit withdraws the record's certification (the family confirms it again): done before
    # counting, so that the three edits below differ only by the address.
    assert (await update(client, profession="Infirmière"))["errors"] == []
    counted = []
    for address in ("libre@example.org", "voisin@example.org", "autre.libre@example.org"):
        with statements(live_server.app.state.db) as sql:
            assert (await update(client, email=address))["errors"] == []
        counted.append(len(sql))
    assert counted[0] == counted[1] == counted[2], counted


async def test_a_profile_changes_only_the_fields_given(db, browser):
    family = await make_family(db, EMAIL)
    client = await signed_in(browser(), family.email, family.password)
    await update(client, mobilePhone="06 12 34 56 78", profession="Infirmière")

    # Only the profession changes: the phone and the names stay.
    updated = await update(client, profession="Sage-femme")
    assert updated["errors"] == []
    profile = updated["viewer"]["profile"]
    assert (profile["profession"], profile["mobilePhone"]) == ("Sage-femme", "+33612345678")
    # Null clears what may be empty, and is refused on a name (nothing written).
    cleared = await update(client, mobilePhone=None)
    assert cleared["errors"] == [] and cleared["viewer"]["profile"]["mobilePhone"] == ""
    refused = await update(client, firstName=None, profession="Kiné")
    assert codes(refused) == [("firstName", "REQUIRED")]
    assert (await guardian_by_id(db, family.guardian)).profession == "Sage-femme"
