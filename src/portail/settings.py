"""Settings, read from the environment (``PORTAIL_*``) and an optional ``.env`` file.

Every setting is documented in the README's settings table; keep both in step.
"""

from __future__ import annotations

import ipaddress
import secrets
from datetime import timedelta
from email.headerregistry import Address
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from portail.rules.calendar import check_subdivision

# Where app.py mounts the PayFiP sandbox (outside production only).
PAYFIP_SANDBOX_PATH = "/payfip-sandbox"


class SettingsError(RuntimeError):
    """The configuration cannot run: the message says what to set."""


def default_sender(town_name: str, public_url: str) -> str:
    """The mails' sender when ``PORTAIL_MAIL_FROM`` is not set: the town's name and a no-reply
    address at the family client's host ("Portail Familles – Ville de Séné <no-reply@familles.sene.fr>")."""
    host = urlsplit(public_url).hostname or "localhost"
    return str(Address(display_name=f"Portail Familles – {town_name}", addr_spec=f"no-reply@{host}"))


class Settings(BaseSettings):
    """The server's configuration."""

    model_config = SettingsConfigDict(
        env_prefix="PORTAIL_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    env: Literal["development", "production"] = "development"
    var_dir: Path = Path("var")
    database_url: str = ""
    public_url: str = "http://localhost:8000"
    # This server's own public address when the client is served elsewhere (PayFiP calls it back).
    api_url: str = ""
    # The built family client (web/dist) this server serves on its own origin; None: served elsewhere.
    client_dir: Path | None = None
    secret_key: str = ""
    town_name: str = "Ville de Séné"
    # The town's address and SIRET as invoices print them (a JSON list of lines).
    town_address: list[str] = Field(default_factory=lambda: ["Place de la Mairie", "56860 SÉNÉ"])
    town_siret: str = ""
    # Server processes of `portail serve` (one per core is the usual choice).
    workers: int = Field(default=1, ge=1, le=64)

    # Mail: with no SMTP host, mails are written as .eml files under var/mail/.
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_tls: Literal["none", "starttls", "tls"] = "none"
    smtp_username: str = ""
    smtp_password: str = ""
    # The sender; empty: "Portail Familles – {town_name} <no-reply@{host of public_url}>".
    mail_from: str = ""
    # The service's shared inbox, told of each message a family writes; empty: enfance@{host of public_url}.
    service_email: str = ""
    mail_poll_seconds: float = 5.0
    # How long the mail worker waits after a commit woke it before its round (some 14 ms of the event
    # loop): long enough for the request that woke it to answer and for the client's next requests
    # (a page's queries after a submit) to pass, and the mails of the commits of that moment go in
    # one round; short enough that nobody notices the mail's lateness. Measured (PostgreSQL, staff
    # opening family accounts, each followed at once by four small queries, on 2 busy cores): with
    # the round started at once (0 here, as before this setting) the query right after the submit
    # took 7-14 ms more than a quiet one; with 0.1 s, -3 to +2 ms (noise). The four queries took
    # 50-100 ms there (some 35 ms on idle cores): a shorter delay would fall among them.
    mail_wake_delay_seconds: float = Field(default=0.1, ge=0)
    mail_max_attempts: int = 12

    # Accounts and sessions.
    confirmation_token_days: int = 7
    reset_token_minutes: int = 60
    email_change_token_hours: int = 24
    session_idle_minutes: int = 120
    remember_me_days: int = 30
    login_account_free_failures: int = 3
    login_account_lock_failures: int = 10
    login_address_lock_failures: int = 50
    login_lock_minutes: int = 15
    device_cookie_days: int = 365
    reset_account_max_per_hour: int = 3
    reset_address_max_per_hour: int = 20
    # Families registering themselves ("Créer un compte", when the town allows it): every attempt from
    # one client address counts (kept or refused); past the free ones each waits longer, and past the
    # lock the address waits the lock's minutes.
    registration_address_free_attempts: int = 5
    registration_address_lock_attempts: int = 20
    registration_lock_minutes: int = 60
    # A self-registered household whose address is still not confirmed after these days is removed
    # (the mail worker's job): a mistyped address, or a robot that got through.
    registration_unconfirmed_days: int = Field(default=7, ge=1, le=365)
    # ALTCHA's proof of work: the secret number is drawn below this (a browser tries half of them on
    # average: some 0.1 s at 100 000), and a challenge is good for these minutes.
    altcha_max_number: int = Field(default=100_000, ge=1000, le=10_000_000)
    altcha_challenge_minutes: int = Field(default=20, ge=1, le=24 * 60)

    # The town's public holidays beyond France's: "57" (Moselle), "67" (Bas-Rhin), "68" (Haut-Rhin) or
    # "6AE" (Alsace) add Good Friday and St Stephen's Day (26 December); an overseas department ("971"…)
    # its own. Empty: the rest of France. Openings closed on public holidays and deadlines counted in
    # working days follow it. Only the default: once staff choose through ``setHolidaySubdivision``
    # (``catalogue_reading.holiday_subdivision``), theirs decides.
    holiday_subdivision: str | None = None

    # GraphQL hygiene.
    max_query_depth: int = 12
    max_query_tokens: int = 2000
    max_aliases: int = 30
    max_query_fields: int = 1000
    max_query_field_pairs: int = 2000
    max_body_bytes: int = 1_000_000
    allowed_origins: list[str] = Field(default_factory=list)
    # Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (IPs or CIDRs); empty: none.
    trusted_proxies: list[str] = Field(default_factory=list)

    # Files: uploads (multipart requests only) and signed download links.
    max_upload_bytes: int = 11 * 1024 * 1024
    storage_dir: Path | None = None
    file_link_minutes: int = 10

    # PayFiP: empty means our sandbox ({public_url}/payfip-sandbox) outside production, PayFiP itself in it.
    payfip_url: str = ""
    payfip_timeout_seconds: float = Field(default=10.0, gt=0)
    payfip_sandbox_notify: str = Field(default="now", pattern=r"^(now|drop|delay:\d+(\.\d+)?|repeat:\d+)$")

    @model_validator(mode="after")
    def _default_sender(self) -> Settings:
        if not self.mail_from.strip():
            self.mail_from = default_sender(self.town_name, self.public_url)
        return self

    @model_validator(mode="after")
    def _require_production_secrets(self) -> Settings:
        if self.is_production and len(self.secret_key) < 32:
            raise SettingsError("PORTAIL_SECRET_KEY must be set (at least 32 characters) in production mode.")
        return self

    @model_validator(mode="after")
    def _check_holiday_subdivision(self) -> Settings:
        if not self.holiday_subdivision:
            self.holiday_subdivision = None
        check_subdivision(self.holiday_subdivision)
        return self

    @model_validator(mode="after")
    def _check_trusted_proxies(self) -> Settings:
        # uvicorn would take a mistyped entry as a host name and silently never match it.
        for entry in self.trusted_proxies:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError:
                raise SettingsError(
                    f"PORTAIL_TRUSTED_PROXIES: {entry!r} is neither an IP address nor a network (CIDR)."
                ) from None
        return self

    @model_validator(mode="after")
    def _refuse_sandbox_in_production(self) -> Settings:
        # The sandbox takes any "payment": in production it would hand out services for nothing.
        if self.is_production and self.effective_payfip_url.endswith(PAYFIP_SANDBOX_PATH):
            raise SettingsError("PORTAIL_PAYFIP_URL points at the PayFiP sandbox: refused in production.")
        return self

    @property
    def effective_payfip_url(self) -> str:
        """PayFiP's base URL: the setting, else PayFiP itself in production and our sandbox elsewhere."""
        if self.payfip_url:
            return self.payfip_url.rstrip("/")
        if self.is_production:
            return "https://www.payfip.gouv.fr"
        return self.effective_api_url + PAYFIP_SANDBOX_PATH

    @property
    def effective_api_url(self) -> str:
        """This server's address as PayFiP reaches it (the notification URL): ``api_url``, else the
        public URL (the client and the API served from one origin)."""
        return (self.api_url or self.public_url).rstrip("/")

    @property
    def effective_service_email(self) -> str:
        """Where the service is told of the families' messages."""
        if self.service_email.strip():
            return self.service_email.strip()
        return f"enfance@{urlsplit(self.public_url).hostname or 'localhost'}"

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.var_dir / 'portail.sqlite3').resolve()}"

    @property
    def mail_dir(self) -> Path:
        return self.var_dir / "mail"

    @property
    def storage_path(self) -> Path:
        """Where the local file storage keeps uploaded files."""
        return self.storage_dir or self.var_dir / "files"

    @property
    def effective_secret_key(self) -> str:
        """The secret key; in development, one generated once and kept under ``var/``."""
        if self.secret_key:
            return self.secret_key
        path = self.var_dir / "secret_key"
        if not path.exists():
            self.var_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()

    @property
    def device_lifetime(self) -> timedelta:
        """How long a browser stays trusted by an address after it last signed in to it."""
        return timedelta(days=self.device_cookie_days)

    @property
    def session_idle(self) -> timedelta:
        return timedelta(minutes=self.session_idle_minutes)

    @property
    def origins(self) -> set[str]:
        """Origins allowed to send cookie-authenticated state changes."""
        return {self.public_url.rstrip("/"), *(o.rstrip("/") for o in self.allowed_origins)}


@lru_cache
def get_settings() -> Settings:
    return Settings()
