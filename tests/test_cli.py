"""The ``portail`` command: production start-up guards, migrations, staff creation, demo twice."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from portail.app import OutdatedDatabase, prepare_database
from portail.db import migrate
from portail.db.engine import Database
from portail.db.models import (
    Account,
    CanteenMenu,
    CanteenSite,
    Child,
    GuideSection,
    Household,
    Message,
    MessageThread,
    NewsItem,
    TownProfile,
    UsefulLink,
)
from portail.settings import Settings


def _run(args: list[str], tmp_path, stdin: str = "", **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAIL_")}
    env.update({"PORTAIL_VAR_DIR": str(tmp_path / "var"), **env_extra})
    return subprocess.run(
        [sys.executable, "-m", "portail", *args], cwd=tmp_path, env=env, input=stdin,
        capture_output=True, text=True, timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _run(["migrate"], tmp_path, PORTAIL_ENV="production")
    assert result.returncode != 0
    assert "PORTAIL_SECRET_KEY" in result.stderr


async def test_production_refuses_an_outdated_database_and_development_migrates_it(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}"
    db = Database(url)
    try:
        production = Settings(_env_file=None, env="production", secret_key="s" * 40, database_url=url)
        with pytest.raises(OutdatedDatabase, match="portail migrate"):
            await prepare_database(db, production)
        assert not await migrate.is_current(db.engine)
        await prepare_database(db, Settings(_env_file=None, database_url=url, var_dir=tmp_path))
        assert await migrate.is_current(db.engine)
    finally:
        await db.dispose()


def test_create_staff_reads_the_password_from_stdin_and_demo_is_safe_twice(tmp_path):
    weak = _run(["create-staff", "--email", "chef@mairie-sene.fr"], tmp_path, stdin="court\n")
    assert weak.returncode != 0 and "au moins" in weak.stderr
    made = _run(["create-staff", "--email", "Chef@Mairie-Sene.fr", "--admin"], tmp_path, stdin="Service-Enfance-Sene-99\n")
    assert made.returncode == 0, made.stderr
    again = _run(["create-staff", "--email", "chef@mairie-sene.fr"], tmp_path, stdin="Service-Enfance-Sene-99\n")
    assert again.returncode != 0 and "existe déjà" in again.stderr
    for _ in range(2):
        demo = _run(["demo"], tmp_path)
        assert demo.returncode == 0, demo.stderr
        assert "famille.test@example.org" in demo.stdout and "foyer.durand@example.org" in demo.stdout

    async def counts():
        db = Database(f"sqlite+aiosqlite:///{tmp_path / 'var' / 'portail.sqlite3'}")
        try:
            async with db.read_sessions() as session:
                accounts = (await session.exec(select(Account))).all()
                households = (await session.exec(select(func.count()).select_from(Household))).one()
                children = (await session.exec(select(func.count()).select_from(Child))).one()
                content = {
                    table.__tablename__: (await session.exec(select(func.count()).select_from(table))).one()
                    for table in (NewsItem, UsefulLink, GuideSection, TownProfile, CanteenSite, CanteenMenu,
                                  MessageThread, Message)
                }
        finally:
            await db.dispose()
        return accounts, households, children, content

    import asyncio

    accounts, households, children, content = asyncio.run(counts())
    # TEST, DURAND sharing Paul, and Marc TEST's registration waiting for staff (made once).
    assert households == 3 and children == 2
    # The home page's content, made once: 3 news, 4 links, 3 guide sections, the town, 2 weeks of menus;
    # and one conversation with the service (the family's question, the service's answer).
    assert content == {"news_item": 3, "useful_link": 4, "guide_section": 3, "town_profile": 1,
                       "canteen_site": 1, "canteen_menu": 8, "message_thread": 1, "message": 2}
    chef = next(a for a in accounts if a.email == "chef@mairie-sene.fr")
    assert chef.is_admin and chef.is_staff
    assert len(accounts) == 5


def test_export_schema_writes_the_sdl(tmp_path):
    result = _run(["export-schema", "--output", str(tmp_path / "s.graphql")], tmp_path)
    assert result.returncode == 0
    assert "type Query" in (tmp_path / "s.graphql").read_text()


def test_recount_slots_mends_counters_changed_outside_the_api(tmp_path):
    # The demo books Paul's meals through the API: its counters are right, and the recount says so.
    assert _run(["demo"], tmp_path).returncode == 0
    first = _run(["recount-slots"], tmp_path)
    assert first.returncode == 0, first.stderr
    assert "0 corrigé(s)" in first.stdout
    # A day's counter changed by hand (say, an import that forgot it) is put back from the bookings.
    path = tmp_path / "var" / "portail.sqlite3"
    with sqlite3.connect(path) as conn:
        slot = conn.execute("SELECT unit_id, day, held FROM slot_lock WHERE held > 0 LIMIT 1").fetchone()
        conn.execute("UPDATE slot_lock SET held = 99, waiting = 3 WHERE unit_id = ? AND day = ?", slot[:2])
    second = _run(["recount-slots"], tmp_path)
    assert second.returncode == 0, second.stderr
    assert "1 corrigé(s)" in second.stdout
    with sqlite3.connect(path) as conn:
        counters = conn.execute("SELECT held, waiting FROM slot_lock WHERE unit_id = ? AND day = ?", slot[:2])
        assert counters.fetchone() == (slot[2], 0)


def test_invoice_runs_a_month_once_and_refuses_a_month_not_over(tmp_path):
    # The demo invoices last month itself; the command then finds it done, and refuses a month to come.
    assert _run(["demo"], tmp_path).returncode == 0
    last_month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    done = _run(["invoice", "--month", last_month], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "0 facture(s) émise(s)" in done.stdout and "1 foyer(s) déjà facturé(s)" in done.stdout
    refused = _run(["invoice", "--month", "2999-01"], tmp_path)
    assert refused.returncode != 0 and "pas terminé" in refused.stderr
    malformed = _run(["invoice", "--month", last_month, "--regie", "pas-un-id"], tmp_path)
    assert malformed.returncode != 0 and "--regie" in malformed.stderr
