"""The ``portail`` command: serve, migrate, create-staff, demo, recount-slots, export-schema."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
from pathlib import Path

from portail.settings import Settings, SettingsError


def _settings() -> Settings:
    try:
        return Settings()
    except SettingsError as exc:
        sys.exit(f"portail: {exc}")
    except Exception as exc:  # pydantic wraps our SettingsError
        sys.exit(f"portail: configuration invalide : {exc}")


async def _migrate(settings: Settings) -> None:
    from portail.db import migrate
    from portail.db.engine import Database

    db = Database(settings.effective_database_url)
    try:
        await migrate.upgrade(db.engine)
    finally:
        await db.dispose()


async def _demo(settings: Settings) -> None:
    from portail.db.engine import Database
    from portail.demo import load_demo

    await _migrate(settings)
    db = Database(settings.effective_database_url)
    try:
        logins = await load_demo(db, settings)
    finally:
        await db.dispose()
    print("Données de démonstration chargées (foyer TEST, enfants Paul et Emma-Rose).")
    print(f"  Famille : {logins.family_email} / {logins.family_password}")
    print(f"  Agent   : {logins.staff_email} / {logins.staff_password}")
    print(f"  Autre foyer de Paul (DURAND) : {logins.other_email} / {logins.other_password}")


async def _create_staff(settings: Settings, email: str, password: str, admin: bool) -> str | None:
    from sqlmodel import select

    from portail.adapters.hashing import hash_password
    from portail.db.engine import Database
    from portail.db.models import Account
    from portail.db.models.base import utcnow
    from portail.rules.emails import is_valid_email, normalise_email
    from portail.rules.passwords import check_password

    address = normalise_email(email)
    if not is_valid_email(address):
        return "adresse e-mail invalide"
    problem = check_password(password, email=address)
    if problem:
        return problem.message
    await _migrate(settings)
    db = Database(settings.effective_database_url)
    try:
        async with db.transaction() as session:
            if (await session.exec(select(Account).where(Account.email == address))).first():
                return "un compte existe déjà avec cette adresse e-mail"
            session.add(
                Account(
                    email=address,
                    password_hash=await hash_password(password),
                    is_staff=True,
                    is_admin=admin,
                    confirmed_at=utcnow(),
                )
            )
    finally:
        await db.dispose()
    return None


async def _recount_slots(settings: Settings) -> int:
    """Set the slots' counters from the bookings; returns how many slots were wrong."""
    from sqlmodel import col, select

    from portail.db.engine import Database
    from portail.db.locks import recount_slots
    from portail.db.models.bookings import SlotCounter

    await _migrate(settings)
    db = Database(settings.effective_database_url)
    query = select(
        col(SlotCounter.unit_id), col(SlotCounter.day), col(SlotCounter.held), col(SlotCounter.waiting)
    )
    try:
        async with db.transaction() as session:
            before = set((await session.exec(query)).all())
            await recount_slots(session)
            after = set((await session.exec(query)).all())
    finally:
        await db.dispose()
    return len(after - before)


async def _invoice(settings: Settings, month: str, regie: str | None) -> tuple[str, str | None]:
    """The monthly invoicing run, as staff's ``runInvoicing`` does it; (summary, error)."""
    import uuid

    from portail.clock import Clock
    from portail.db.engine import Database
    from portail.resolvers.context import RequestContext
    from portail.resolvers.errors import UserErrors
    from portail.resolvers.invoices import run_month
    from portail.rules.pricing import format_amount

    await _migrate(settings)
    db = Database(settings.effective_database_url)
    ctx = RequestContext(db=db, settings=settings, clock=Clock(), request_id="cli-invoice")
    try:
        regie_id = None
        if regie is not None:
            try:
                regie_id = uuid.UUID(regie)
            except ValueError:
                return "", "--regie : identifiant de régie invalide"
        run = await run_month(ctx, month, regie_id, regie_given=regie is not None)
    except UserErrors as refused:
        return "", "; ".join(e.message for e in refused.errors)
    finally:
        await ctx.close()
        await db.dispose()
    return (
        f"Facturation {run.month} : {run.issued} facture(s) émise(s) pour {format_amount(run.total)}, "
        f"{run.already} foyer(s) déjà facturé(s).",
        None,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="portail", description="Portail Familles API server.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP server (GraphQL at /graphql)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--demo", action="store_true", help="load the demo data first")
    serve.add_argument(
        "--workers",
        type=int,
        default=None,
        help="server processes (default: PORTAIL_WORKERS, 1); each runs its own mail worker, safely",
    )
    sub.add_parser("migrate", help="apply the database migrations")
    staff = sub.add_parser("create-staff", help="create a staff account (password on stdin or prompt)")
    staff.add_argument("--email", required=True)
    staff.add_argument("--admin", action="store_true", help="also an administrator")
    sub.add_parser("demo", help="load the guide's demo town (safe to run twice)")
    sub.add_parser(
        "recount-slots",
        help="set each day's counters of places held and waiting from the bookings (after bookings were "
        "imported or changed outside the API)",
    )
    invoice = sub.add_parser(
        "invoice", help="the monthly invoicing run: one invoice per household and regie (safe to run twice)"
    )
    invoice.add_argument("--month", required=True, help='the month, e.g. "2027-01" (it must be over)')
    invoice.add_argument("--regie", default=None, help="only this regie (its id; default: every regie)")
    export = sub.add_parser("export-schema", help="write the GraphQL SDL")
    export.add_argument("--output", default="-", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)

    if args.command == "export-schema":
        from portail.schema import build_schema

        sdl = build_schema(Settings(env="development")).as_str() + "\n"
        if args.output == "-":
            sys.stdout.write(sdl)
        else:
            Path(args.output).write_text(sdl)
        return

    settings = _settings()
    if args.command == "migrate":
        asyncio.run(_migrate(settings))
        print("Base de données à jour.")
    elif args.command == "demo":
        asyncio.run(_demo(settings))
    elif args.command == "recount-slots":
        fixed = asyncio.run(_recount_slots(settings))
        print(f"Compteurs des créneaux recalculés : {fixed} corrigé(s).")
    elif args.command == "invoice":
        summary, problem = asyncio.run(_invoice(settings, args.month, args.regie))
        if problem:
            sys.exit(f"portail: {problem}")
        print(summary)
    elif args.command == "create-staff":
        if sys.stdin.isatty():
            password = getpass.getpass("Mot de passe : ")
            if getpass.getpass("Confirmez : ") != password:
                sys.exit("portail: les mots de passe ne correspondent pas")
        else:
            password = sys.stdin.readline().rstrip("\n")
        error = asyncio.run(_create_staff(settings, args.email, password, args.admin))
        if error:
            sys.exit(f"portail: {error}")
        print(f"Compte du personnel créé : {args.email}")
    elif args.command == "serve":
        _serve(settings, args)


def _serve(settings: Settings, args: argparse.Namespace) -> None:
    """Run uvicorn: the app in this process, or ``workers`` processes that each build their own."""
    import uvicorn

    from portail.app import create_app

    if args.demo:
        asyncio.run(_demo(settings))
    elif not settings.is_production:
        # Once here rather than in each worker: N processes would race to apply the same migration.
        asyncio.run(_migrate(settings))
    # Same reason: the development secret key is generated once, before the workers read it.
    settings.effective_secret_key  # noqa: B018
    workers = args.workers if args.workers is not None else settings.workers
    print(f"Portail Familles : http://{args.host}:{args.port}/graphql (GraphiQL dans un navigateur)")
    # Proxy headers are read by the app, from PORTAIL_TRUSTED_PROXIES only.
    options = {"host": args.host, "port": args.port, "proxy_headers": False, "log_level": "info"}
    if workers > 1:
        # Each worker process imports the factory and reads the same settings from the environment.
        uvicorn.run("portail.app:create_app", factory=True, workers=workers, **options)
    else:
        uvicorn.run(create_app(settings), **options)
