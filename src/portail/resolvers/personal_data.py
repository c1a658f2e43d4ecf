"""Everything the portal holds about a household (the GDPR's right of access), table by table.

``HELD`` says, for every table that keeps rows about households, which column names their owner: the
household itself, its guardians' accounts, its children, or rows found before (a request's lines, an
invoice's lines…). ``NOT_HOUSEHOLDS`` lists every other table with the reason it holds nothing about a
family. A test reads the database's tables and fails when one is in neither, so a new table cannot
escape the export (nor the anonymisation, which walks the same map).
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from portail.adapters.storage import FileNotStored, storage_for
from portail.resolvers.context import RequestContext
from portail.resolvers.households import viewer_household_id

FORMAT = "portail-familles/donnees-personnelles"
VERSION = 1


@dataclass(frozen=True)
class Held:
    """A table's rows about one household: those whose ``column`` is among the ids gathered under
    ``owners``; ``gathers`` adds (key, column) ids of these rows for the tables after it."""

    table: str
    column: str
    owners: str
    gathers: tuple[tuple[str, str], ...] = ()


# In dependency order: a table's owners are gathered by a table above it.
HELD: tuple[Held, ...] = (
    Held("household", "id", "household"),
    Held("guardian", "household_id", "household", (("guardians", "id"),)),
    Held("account", "guardian_id", "guardians", (("accounts", "id"), ("emails", "email"))),
    Held("household_child", "household_id", "household", (("children", "child_id"),)),
    Held("child", "id", "children"),
    Held("vaccination", "child_id", "children"),
    Held("child_diet", "child_id", "children"),
    Held("child_illness", "child_id", "children"),
    Held("authorized_person", "child_id", "children"),
    Held("consent", "household_id", "household"),
    Held("town_answer", "household_id", "household"),
    Held("pending_change", "household_id", "household"),
    Held("audit_entry", "household_id", "household"),
    Held("document", "household_id", "household"),
    # After the documents: its certificate is one of them (erased before them, in reverse order).
    Held("child_insurance", "child_id", "children"),
    Held("enrolment", "household_id", "household"),
    Held("booking_request", "household_id", "household", (("requests", "id"),)),
    Held("booking_line", "request_id", "requests"),
    Held("booking", "household_id", "household", (("bookings", "id"),)),
    Held("booking_event", "booking_id", "bookings"),
    Held("attendance", "household_id", "household"),
    Held("basket_entry", "household_id", "household"),
    Held("payment", "household_id", "household", (("payments", "id"),)),
    Held("payment_item", "payment_id", "payments"),
    Held("invoice", "household_id", "household", (("invoices", "id"),)),
    Held("invoice_line", "invoice_id", "invoices"),
    Held("calendar_feed", "household_id", "household"),
    Held("message_thread", "household_id", "household", (("threads", "id"),)),
    Held("message", "thread_id", "threads", (("messages", "id"),)),
    Held("message_attachment", "message_id", "messages"),
    Held("notification_preference", "household_id", "household"),
    Held("reminder_sent", "household_id", "household"),
    Held("auth_session", "account_id", "accounts"),
    Held("one_time_token", "account_id", "accounts"),
    Held("password_reset_request", "email", "emails"),
    Held("outbox_mail", "recipient", "emails"),
)

NOT_HOUSEHOLDS: dict[str, str] = {
    "activity": "the town's catalogue",
    "alembic_version": "the schema's version",
    "altcha_challenge": "anti-robot challenges already solved, kept until they expire (no one named)",
    "canteen_dish": "the public canteen menus",
    "canteen_menu": "the public canteen menus",
    "canteen_site": "the town's canteens",
    "catalogue_version": "a number that moves when the catalogue changes",
    "consent_definition": "the texts families consent to",
    "counter": "invoice and request number counters",
    "document_type": "the kinds of documents the town asks for",
    "enrolment_group": "the groups of the town's activities",
    "facility": "the town's catalogue",
    "field_rule": "the town's rules for the records' fields",
    "guide_section": "the public user guide",
    "health_list_item": "the town's lists of illnesses, diets and vaccines",
    "news_item": "the public news (written by staff)",
    "legal_page": "the town's legal notices, accessibility statement and privacy notice",
    "login_throttle": "counters of failed sign-ins, kept minutes (cleared by the anonymisation)",
    "period": "the town's catalogue",
    "period_day": "the town's calendars",
    "printable_form": "the town's forms",
    "regie": "the town's cash offices",
    "slot_lock": "places held per unit and day (counts, no one named)",
    "town_profile": "the town's public contact details",
    "town_question": "the questions the town asks in the records (its answers: town_answer)",
    "town_setting": "the town's settings",
    "unit": "the town's catalogue",
    "useful_link": "the public useful links",
}

# Secrets are not personal data to hand back: they would only help whoever gets the file.
SECRET_COLUMNS = {
    ("account", "password_hash"),
    ("auth_session", "token_hash"),
    ("one_time_token", "token_hash"),
    ("calendar_feed", "token_hash"),
    ("document", "storage_key"),
    ("message_attachment", "storage_key"),
    ("outbox_mail", "body_html"),  # the same as body_text, laid out
}


def _json_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


async def household_rows(ctx: RequestContext, household_id: uuid.UUID) -> dict[str, list[dict[str, Any]]]:
    """Every row about the household, by table (one statement per table, whatever its size)."""
    tables = SQLModel.metadata.tables
    ids: dict[str, set[Any]] = {"household": {household_id}}
    found: dict[str, list[dict[str, Any]]] = {}
    for held in HELD:
        table = tables[held.table]
        owners = ids.get(held.owners, set())
        rows: list[dict[str, Any]] = []
        if owners:
            query = sa.select(table).where(table.c[held.column].in_(owners))
            rows = [dict(r._mapping) for r in (await ctx.session.exec(query)).all()]  # type: ignore[attr-defined]
        for key, column in held.gathers:
            ids.setdefault(key, set()).update(r[column] for r in rows if r[column] is not None)
        found[held.table] = rows
    return found


def _exported(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {
        table: [
            {k: _json_value(v) for k, v in row.items() if (table, k) not in SECRET_COLUMNS}
            for row in table_rows
        ]
        for table, table_rows in rows.items()
    }


@dataclass
class PersonalData:
    """What the portal holds about the household: the JSON document, and its documents' files."""

    generated_at: datetime
    document: dict[str, Any]
    files: list[tuple[str, str]]  # (name in the archive, storage key)


async def personal_data(ctx: RequestContext, household_id: uuid.UUID | None = None) -> PersonalData:
    """The viewer's household's data (or ``household_id``'s, for the download link)."""
    if household_id is None:
        household_id = await viewer_household_id(ctx)
        assert household_id is not None
    rows = await household_rows(ctx, household_id)
    now = ctx.now()
    document = {
        "format": FORMAT,
        "version": VERSION,
        "generatedAt": now.isoformat(),
        "town": ctx.settings.town_name,
        "documentation": "docs/personal-data-export.md",
        "tables": _exported(rows),
    }
    files = [
        *((_archived_name("documents", d), d["storage_key"]) for d in rows["document"]),
        *((_archived_name("messages", a), a["storage_key"]) for a in rows["message_attachment"]),
    ]
    return PersonalData(now, document, files)


def _archived_name(folder: str, row: dict[str, Any]) -> str:
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in str(row["filename"]))[:100]
    return f"{folder}/{row['id']}-{safe}"


async def archive(ctx: RequestContext, household_id: uuid.UUID) -> tuple[bytes, str]:
    """The download: ``donnees.json``, every document the household uploaded and every file joined to
    its messages, in a ZIP."""
    data = await personal_data(ctx, household_id)
    storage = storage_for(ctx.settings)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("donnees.json", json.dumps(data.document, ensure_ascii=False, indent=2))
        for name, key in data.files:
            try:
                zipped.writestr(name, await storage.get(key))
            except FileNotStored:
                continue  # the row is in donnees.json; its file is gone (replaced, or purged)
    stamp = data.generated_at.strftime("%Y-%m-%d")
    return buffer.getvalue(), f"donnees-personnelles-{stamp}.zip"


def tables_covered() -> Iterable[str]:
    """Every table the map accounts for (held or not about households)."""
    return [*(h.table for h in HELD), *NOT_HOUSEHOLDS]
