"""The mails' sender: the town's name and a no-reply address at the client's host, unless set."""

from __future__ import annotations

from portail.adapters.mail.outbox import build_message
from portail.db.models import OutboxMail
from portail.settings import Settings, default_sender


def test_the_default_sender_names_the_town_at_the_clients_host() -> None:
    settings = Settings(town_name="Ville de Séné", public_url="https://familles.sene.fr/", mail_from="")
    assert settings.mail_from == "Portail Familles – Ville de Séné <no-reply@familles.sene.fr>"


def test_a_set_sender_is_kept() -> None:
    settings = Settings(mail_from="Mairie de Séné <enfance@sene.fr>")
    assert settings.mail_from == "Mairie de Séné <enfance@sene.fr>"


def test_a_town_name_with_a_comma_is_quoted() -> None:
    assert default_sender("Mairie, Séné", "http://localhost:8000") == (
        '"Portail Familles – Mairie, Séné" <no-reply@localhost>'
    )


def test_the_sent_mail_carries_the_sender_and_both_parts() -> None:
    row = OutboxMail(
        recipient="lola.martin@example.fr",
        subject="Votre mot de passe a été modifié",
        body_text="Bonjour",
        body_html="<p>Bonjour</p>",
        template="password_changed",
    )
    sender = default_sender("Ville de Séné", "https://familles.sene.fr")
    message = build_message(row, sender)
    (address,) = message["From"].addresses
    assert address.display_name == "Portail Familles – Ville de Séné"
    assert address.addr_spec == "no-reply@familles.sene.fr"
    assert message.get_body(("plain",)) is not None and message.get_body(("html",)) is not None
