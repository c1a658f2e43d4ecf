"""Where PayFiP is (settings), and the sandbox mounted outside production only."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from portail.adapters.payfip.sandbox import NotifyPolicy
from portail.app import create_app
from portail.settings import Settings, SettingsError


def test_notify_policies() -> None:
    assert NotifyPolicy.parse("now") == NotifyPolicy(times=1, delay=0)
    assert NotifyPolicy.parse("delay:2.5") == NotifyPolicy(times=1, delay=2.5)
    assert NotifyPolicy.parse("repeat:10") == NotifyPolicy(times=10)
    assert NotifyPolicy.parse("drop") == NotifyPolicy(times=0)
    with pytest.raises(ValueError):
        NotifyPolicy.parse("sometimes")


def test_settings_choose_the_sandbox_in_development_and_payfip_in_production() -> None:
    dev = Settings(_env_file=None, public_url="http://localhost:8000/")
    assert dev.effective_payfip_url == "http://localhost:8000/payfip-sandbox"
    prod = Settings(_env_file=None, env="production", secret_key="k" * 40)
    assert prod.effective_payfip_url == "https://www.payfip.gouv.fr"
    with pytest.raises(SettingsError, match="sandbox"):
        Settings(
            _env_file=None, env="production", secret_key="k" * 40,
            payfip_url="https://portail.example/payfip-sandbox/",
        )
    with pytest.raises(ValidationError):
        Settings(_env_file=None, payfip_sandbox_notify="sometimes")


def test_the_sandbox_is_mounted_outside_production_only(tmp_path: Path) -> None:
    def paths(**options: object) -> list[str]:
        settings = Settings(_env_file=None, var_dir=tmp_path, secret_key="k" * 40, **options)  # type: ignore[arg-type]
        return [getattr(route, "path", "") for route in create_app(settings).routes]

    assert "/payfip-sandbox" in paths()
    assert "/payfip-sandbox" not in paths(env="production")


async def test_the_mounted_sandbox_takes_a_payment_through_the_apps_middleware(tmp_path: Path) -> None:
    from portail.adapters.payfip import PayfipClient, PaymentRequest

    settings = Settings(_env_file=None, var_dir=tmp_path, secret_key="k" * 40, payfip_sandbox_notify="drop")
    app = create_app(settings, run_mail_worker=False)
    transport = httpx.ASGITransport(app=app)
    base = "http://portail.test" + "/payfip-sandbox"
    async with PayfipClient(base, transport=transport) as client:
        idop = await client.create_payment(
            PaymentRequest(
                numcli="123456", exer=2026, refdet="FACTURE2026000007", objet="Facture 7", montant=4550,
                mel="parent@example.fr", urlnotif="https://portail.test/notif",
                urlredirect="https://portail.test/retour",
            )
        )
        async with httpx.AsyncClient(transport=transport, base_url="http://portail.test") as browser:
            page = await browser.get(client.payment_page_url(idop))
            assert page.status_code == 200 and "45,50\u00a0€" in page.text
            answer = await browser.post(
                "/payfip-sandbox/tpa/paiementws.web", data={"idop": idop, "resultat": "P"}
            )
            assert answer.status_code == 303
        assert (await client.payment_detail(idop)).paid
    assert app.state.payfip_sandbox.payments[idop].resultrans == "P"
