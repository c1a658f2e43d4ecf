"""Where PayFiP is (settings), and the sandbox mounted outside production only."""

from __future__ import annotations

from pathlib import Path

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
