"""Staff anonymise a household that has left: what the law requires is kept (invoices, credit notes,
payments and their amounts, the bookings they bill, attendance), nothing that identifies a person is.

The erasure walks the same map as the right of access (``personal_data.HELD``): each table that keeps
rows about households says here what becomes of them (deleted, some columns overwritten, or kept as
they hold ids, states and amounts only), and a test fails when a table of the map has no line here.
A child shared with another household still in the portal stays as that household knows it: only this
household's link to the child goes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel, col, select

from portail.db.models import Household, HouseholdChild, LoginThrottle
from portail.db.models.bookings import Booking
from portail.db.models.invoices import Invoice
from portail.db.models.payments import BasketEntry, Payment
from portail.resolvers.context import RequestContext, today
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.personal_data import HELD, household_rows
from portail.rules.booking_states import ACTIVE_STATES
from portail.rules.throttle import email_key

ANONYMOUS = "ANONYME"

Value = Any | Callable[[dict[str, Any]], Any]


@dataclass(frozen=True)
class Erase:
    """What becomes of a table's rows about the household."""

    delete: bool = False
    # Columns overwritten: a value, or a function of the row (e.g. a unique placeholder address).
    values: dict[str, Value] = field(default_factory=dict)
    # Only the rows of children the household does not share with another one still in the portal.
    own_children_only: bool = False


_RECORD_DATES = {"certified_at": None, "birth_date": None}

ERASURE: dict[str, Erase] = {
    "household": Erase(
        values={
            "name": ANONYMOUS,
            "civility": "",
            "address_number": "",
            "address_street": "",
            "address_complement": "",
            "postcode": "",
            "insee_code": None,
            "city": "",
            "main_phone": "",
            "secondary_phone": "",
            "caf_number": "",
            "family_quotient": None,
            "quotient_from": None,
            "insurance_company": "",
            "insurance_policy": "",
            "remarks": "",
            "certified_at": None,
            # Staff's words about the family (why its online bookings were suspended).
            "booking_suspension_reason": "",
        }
    ),
    "guardian": Erase(
        values={
            "civility": "",
            "first_name": ANONYMOUS,
            "last_name": "",
            "mobile_phone": "",
            "home_phone": "",
            "email": "",
            "profession": "",
            "employer": "",
            "work_phone": "",
            "relationship": "",
            **_RECORD_DATES,
        }
    ),
    # Accounts stay (requests and payments name who made them), unable to sign in and naming no one.
    "account": Erase(
        values={
            "email": lambda row: f"anonyme-{row['id']}@invalid",
            "password_hash": None,
            "confirmed_at": None,
            "first_name": "",
            "last_name": "",
            "pending_email": None,
        }
    ),
    "household_child": Erase(),  # shared children's links are deleted apart (see ``anonymise``)
    "child": Erase(
        own_children_only=True,
        values={
            "first_name": ANONYMOUS,
            "last_name": "",
            "sex": "",
            "school": "",
            "class_level": "",
            "diet": "",
            "food_allergies": "",
            "doctor_name": "",
            "doctor_phone": "",
            "doctor_address": "",
            "allergies": "",
            "medical_notes": "",
            "has_pai": False,
            **_RECORD_DATES,
        },
    ),
    "vaccination": Erase(delete=True, own_children_only=True),
    "child_diet": Erase(delete=True, own_children_only=True),
    "child_illness": Erase(delete=True, own_children_only=True),
    "child_insurance": Erase(delete=True, own_children_only=True),
    "authorized_person": Erase(delete=True, own_children_only=True),
    "consent": Erase(delete=True),
    "town_answer": Erase(delete=True),
    "pending_change": Erase(delete=True),
    "audit_entry": Erase(delete=True),
    "document": Erase(delete=True),  # the files too, once committed
    "enrolment": Erase(values={"reason": ""}),
    "booking_request": Erase(),
    "booking_line": Erase(values={"message": ""}),  # staff's reasons may name a person or an illness
    "booking": Erase(),
    "booking_event": Erase(values={"reason": ""}),
    "attendance": Erase(),
    "basket_entry": Erase(),
    "payment": Erase(values={"payer_email": "", "note": ""}),
    "payment_item": Erase(),
    "invoice": Erase(values={"billed_name": ANONYMOUS, "billed_address": ""}),
    "invoice_line": Erase(values={"child_name": ANONYMOUS}),
    "calendar_feed": Erase(delete=True),
    "message_thread": Erase(delete=True),
    "message": Erase(delete=True),
    "message_attachment": Erase(delete=True),  # the files too, once committed
    "notification_preference": Erase(delete=True),
    "reminder_sent": Erase(delete=True),
    "auth_session": Erase(delete=True),
    "one_time_token": Erase(delete=True),
    "password_reset_request": Erase(delete=True),
    "outbox_mail": Erase(delete=True),
}


@dataclass
class Anonymised:
    """The household anonymised, and the stored files to forget once committed."""

    household: Household
    stored_files: list[str]


async def anonymise(ctx: RequestContext, household_id: uuid.UUID | None) -> Anonymised:
    """Anonymise a household that has left; refused while it still has business with the town."""
    household = await ctx.session.get(Household, household_id) if household_id else None
    if household is None:
        raise UserErrors.one("householdId", ErrorCode.NOT_FOUND, "Ce foyer n'existe pas.")
    if household.anonymised_at is not None:
        raise UserErrors.one("householdId", ErrorCode.ALREADY_ANONYMISED, "Ce foyer est déjà anonymisé.")
    await _nothing_pending(ctx, household.id)

    rows = await household_rows(ctx, household.id)
    children = {r["child_id"] for r in rows["household_child"]}
    shared = set(
        (
            await ctx.session.exec(
                select(HouseholdChild.child_id)
                .join(Household, col(Household.id) == HouseholdChild.household_id)
                .where(
                    col(HouseholdChild.child_id).in_(children),
                    col(HouseholdChild.household_id) != household.id,
                    col(Household.anonymised_at).is_(None),
                )
            )
        ).all()
    )
    emails = [r["email"] for r in rows["account"]]
    tables = SQLModel.metadata.tables
    # Overwrites first, then deletions from the last table up, so that rows go before those they name
    # (a message before its thread).
    overwrites = [h for h in HELD if not ERASURE[h.table].delete]
    deletions = [h for h in reversed(HELD) if ERASURE[h.table].delete]
    for held in (*overwrites, *deletions):
        erase = ERASURE[held.table]
        table = tables[held.table]
        keyed = [c.name for c in table.primary_key.columns]
        targets = [
            r
            for r in rows[held.table]
            if not (erase.own_children_only and _child_of(held.table, r) in shared)
        ]
        if not targets:
            continue
        # One statement per table (per set of values for an overwrite), not one per row.
        if erase.delete:
            await ctx.session.exec(sa.delete(table).where(_among(table, keyed, targets)))
        elif erase.values:
            groups: dict[tuple[tuple[str, Any], ...], list[dict[str, Any]]] = {}
            for row in targets:
                values = tuple((k, v(row) if callable(v) else v) for k, v in erase.values.items())
                groups.setdefault(values, []).append(row)
            for values, group in groups.items():
                await ctx.session.exec(
                    sa.update(table).where(_among(table, keyed, group)).values(**dict(values))
                )
    # A shared child stays with the other household: only this household's link to it goes.
    if shared:
        await ctx.session.exec(
            sa.delete(HouseholdChild).where(
                col(HouseholdChild.household_id) == household.id, col(HouseholdChild.child_id).in_(shared)
            )
        )
    if emails:
        await ctx.session.exec(
            sa.delete(LoginThrottle).where(col(LoginThrottle.key).in_([email_key(e) for e in emails]))
        )
    household.anonymised_at = ctx.now()
    ctx.session.add(household)
    await ctx.session.flush()
    await ctx.session.refresh(household)
    stored = [r["storage_key"] for r in (*rows["document"], *rows["message_attachment"])]
    return Anonymised(household, stored)


def _among(table: sa.Table, keyed: list[str], rows: list[dict[str, Any]]) -> sa.ColumnElement[bool]:
    """The condition naming ``rows`` by their primary key."""
    if len(keyed) == 1:
        return table.c[keyed[0]].in_([r[keyed[0]] for r in rows])
    return sa.or_(*(sa.and_(*(table.c[k] == r[k] for k in keyed)) for r in rows))


def _child_of(table: str, row: dict[str, Any]) -> Any:
    return row["id"] if table == "child" else row.get("child_id")


async def _nothing_pending(ctx: RequestContext, household_id: uuid.UUID) -> None:
    """A household with bookings ahead, money owed or a payment under way has not left yet."""
    problems: list[str] = []
    ahead = (
        await ctx.session.exec(
            select(sa.func.count())
            .select_from(Booking)
            .where(
                col(Booking.household_id) == household_id,
                col(Booking.day) >= today(ctx),
                col(Booking.state).in_([s.value for s in ACTIVE_STATES]),
            )
        )
    ).one()
    if ahead:
        problems.append(f"{ahead} réservation(s) à venir (à annuler d'abord)")
    owed = (
        await ctx.session.exec(
            select(sa.func.count())
            .select_from(Invoice)
            .where(
                col(Invoice.household_id) == household_id, col(Invoice.state).in_(["unpaid", "partly_paid"])
            )
        )
    ).one()
    if owed:
        problems.append(f"{owed} facture(s) restant à payer")
    open_payments = (
        await ctx.session.exec(
            select(sa.func.count())
            .select_from(Payment)
            .where(
                col(Payment.household_id) == household_id, col(Payment.state).in_(["created", "at_payfip"])
            )
        )
    ).one()
    held = (
        await ctx.session.exec(
            select(sa.func.count())
            .select_from(BasketEntry)
            .where(col(BasketEntry.household_id) == household_id, col(BasketEntry.state) == "unpaid")
        )
    ).one()
    if open_payments or held:
        problems.append("un panier ou un paiement en cours")
    if problems:
        raise UserErrors(
            [
                FieldError(
                    "householdId",
                    ErrorCode.HOUSEHOLD_STILL_ACTIVE,
                    "Ce foyer a encore affaire au service : " + ", ".join(problems) + ".",
                )
            ]
        )
