"""Paying online through PayFiP: "Valider et payer" for a regie's basket, the notification PayFiP sends
once the payer has decided, and the reconciliation of payments PayFiP never notified.

A payment is written before PayFiP is called and settled only from PayFiP's own answer to
``recupererDetailPaiementSecurise`` (a notification only says "go and ask"), checked against our
record, under the payment row's lock: however many notifications arrive, it is settled once.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import sqlalchemy as sa
from sqlmodel import col, select, update

from portail.adapters.payfip import (
    InvalidPaymentValue,
    PayfipClient,
    PayfipFault,
    PayfipUnavailable,
    PaymentDetail,
    PaymentRequest,
)
from portail.clock import Clock
from portail.db.engine import Database
from portail.db.locks import lock_slots, next_number
from portail.db.models import Booking, BookingLine, BookingRequest, Household, Regie
from portail.db.models.invoices import Invoice
from portail.db.models.payments import BasketEntry, Payment, PaymentItem
from portail.resolvers import invoicing
from portail.resolvers.basket import (
    PAYMENT_UNDER_WAY,
    credit_by_regie,
    end_orphan_cancellations,
    held_lines,
    lock_bookings,
    signed_price,
)
from portail.resolvers.booking_changes import BookingChanges, policy_of, request_authors, slot_counts
from portail.resolvers.catalogue_reading import Catalogue, load_catalogue, period_path
from portail.resolvers.context import RequestContext, today
from portail.resolvers.errors import ErrorCode, FieldError, UserErrors
from portail.resolvers.households import children_by_id, viewer_household_id
from portail.resolvers.invoices import PAYMENT_COUNTER
from portail.resolvers.mail import client_link, send_mail
from portail.resolvers.transactions import in_transaction
from portail.rules.basket import (
    EntryState,
    is_payable,
    payment_object,
    payment_reference,
    settlement,
)
from portail.rules.booking_states import (
    Actor,
    BookingEvent,
    BookingState,
    Refusal,
    request_number_text,
    state_label,
    transition,
)
from portail.rules.capacity import places_left
from portail.rules.invoices import InvoiceState, invoice_number_text, invoice_state
from portail.rules.pricing import format_amount
from portail.rules.repeat import french_date
from portail.settings import Settings

log = logging.getLogger("portail.payments")

# How long the payer has on PayFiP's page for one idop.
IDOP_LIFETIME = timedelta(minutes=15)
# A payment written but never handed to PayFiP (the server stopped between the two): failed after this.
UNSENT_AFTER = timedelta(minutes=5)
# Payments without a notification are asked about after this (the reconciliation job).
RECONCILE_AFTER = timedelta(minutes=20)
MIN_ONLINE_AMOUNT = 100  # PayFiP takes 1,00 € and more
NOTIFICATION_PATH = "/payfip/notification"
# Where the payer comes back when the client named no page of its own (a page of this server).
RETURN_PATH = "/payfip/retour"
MAX_INVOICES = 50  # per payment
OPEN_INVOICE_STATES = (InvoiceState.UNPAID, InvoiceState.PARTLY_PAID)


class PaymentState:
    """Where a payment stands (``Payment.state``)."""

    CREATED = "created"
    AT_PAYFIP = "at_payfip"
    PAID = "paid"
    REFUSED = "refused"
    ABANDONED = "abandoned"
    FAILED = "failed"


@dataclass
class Checkout:
    """Where to send the payer: PayFiP's page for the payment, or, for a basket validated at once (its
    credit covers it, or it only gives back paid days), straight back with the invoice it issued."""

    payment: Payment | None
    redirect_url: str
    invoice_id: uuid.UUID | None = None


# ---------------------------------------------------------------------------------------------
# "Valider et payer"


async def checkout_basket(
    ctx: RequestContext, regie_id: uuid.UUID | None, return_url: str | None
) -> Checkout:
    """Open the PayFiP payment of the viewer's basket for one regie and answer where to send the
    browser. A second checkout while the first may still succeed answers the same payment page (a
    double click, a reload) or, if the basket changed, refuses: a debt never has two payments open.
    Runs its own transactions: the payment is recorded before PayFiP is called."""
    back = _return_url(ctx, return_url)
    opened = await in_transaction(ctx, lambda: _open_basket_payment(ctx, regie_id))
    if isinstance(opened, invoicing.IssuedInvoice):
        invoice_id = opened.invoice.id
        return Checkout(None, _with_query(back, "invoice", str(invoice_id)), invoice_id)
    if opened.idop is not None:
        return Checkout(opened, payfip_of(ctx).payment_page_url(opened.idop))
    return await _send_to_payfip(ctx, opened, back)


def _with_query(url: str, name: str, value: str) -> str:
    """``url`` with ``name=value`` added to its query."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode([*parse_qsl(parts.query), (name, value)])))


def _return_url(ctx: RequestContext, url: str | None) -> str:
    """Where PayFiP sends the payer back: a page of one of the configured clients (never another
    site: the link would otherwise serve phishing); by default this server's own return page."""
    origins = ctx.settings.origins
    if not url:
        return ctx.settings.effective_api_url + RETURN_PATH
    parts = urlsplit(url)
    if (
        len(url) > 500
        or parts.scheme not in ("http", "https")
        or f"{parts.scheme}://{parts.netloc}" not in origins
    ):
        raise UserErrors.one(
            "returnUrl", ErrorCode.INVALID, "L'adresse de retour doit être une page du portail."
        )
    return url


async def _open_basket_payment(
    ctx: RequestContext, regie_id: uuid.UUID | None
) -> Payment | invoicing.IssuedInvoice:
    """The payment of the regie's basket, recorded before PayFiP is called; or, when nothing is left
    for PayFiP to collect, the basket validated at once (the invoice or credit note it issued)."""
    household_id = await viewer_household_id(ctx)
    entries: list[BasketEntry] = []
    if household_id is not None and regie_id is not None:
        # Locked: two checkouts of one basket at once queue here, the second sees the first's payment.
        entries = list(
            (
                await ctx.session.exec(
                    select(BasketEntry)
                    .where(
                        BasketEntry.household_id == household_id,
                        BasketEntry.regie_id == regie_id,
                        BasketEntry.state == EntryState.UNPAID,
                    )
                    .order_by(col(BasketEntry.request_id))
                    .with_for_update()
                )
            ).all()
        )
    now = ctx.now()
    entries = [e for e in entries if is_payable(e.state, e.pay_before, now)]
    if not entries:
        # No basket for this regie (empty, past its time, or an unknown regie): not found, alike.
        raise UserErrors.one(
            "regieId", ErrorCode.NOT_FOUND, "Votre panier ne contient rien à régler pour cette régie."
        )
    request_ids = [e.request_id for e in entries]
    same = await _same_payment_or_refusal(
        ctx,
        col(PaymentItem.request_id),
        set(request_ids),
        "regieId",
        "Un paiement de ce panier est déjà en cours : terminez-le sur la page de paiement, ou attendez "
        "quelques minutes qu'il se termine.",
    )
    if same is not None:
        return same
    regie = await ctx.session.get(Regie, regie_id)
    # Entries were found: the viewer is a family and the regie exists.
    assert regie is not None and ctx.viewer is not None and household_id is not None
    amounts: dict[uuid.UUID, int] = {}
    for line, _ in await held_lines(ctx, request_ids, cancellations=True):
        amounts[line.request_id] = amounts.get(line.request_id, 0) + signed_price(line)
    credit = (await credit_by_regie(ctx, household_id)).get(regie.id, 0)
    due = settlement(sum(amounts.values()), credit)
    if due.to_collect == 0:
        # Nothing for PayFiP to collect: validated now, in this transaction.
        return await _validate_basket(ctx, entries, None, due.credit_used, ctx.viewer.account.email)
    _check_online(regie, due.to_collect, "regieId")
    number = await next_number(ctx.session, PAYMENT_COUNTER)
    payment = Payment(
        household_id=household_id,
        regie_id=regie.id,
        purpose="basket",
        amount=due.to_collect,
        credit_used=due.credit_used,
        refdet=payment_reference(today(ctx), number),
        payer_email=ctx.viewer.account.email,
        created_at=now,
    )
    ctx.session.add(payment)
    await ctx.session.flush()
    for request_id in request_ids:
        ctx.session.add(
            PaymentItem(payment_id=payment.id, request_id=request_id, amount=amounts.get(request_id, 0))
        )
    return payment


async def checkout_invoices(
    ctx: RequestContext, invoice_ids: list[uuid.UUID | None], return_url: str | None
) -> Checkout:
    """ "Payer en ligne": open the PayFiP payment of the household's invoices (one or several, of one
    regie: each regie is paid on its own) and answer where to send the browser."""
    back = _return_url(ctx, return_url)
    payment = await in_transaction(ctx, lambda: _open_invoice_payment(ctx, invoice_ids))
    if payment.idop is not None:
        return Checkout(payment, payfip_of(ctx).payment_page_url(payment.idop))
    return await _send_to_payfip(ctx, payment, back)


async def _open_invoice_payment(ctx: RequestContext, invoice_ids: list[uuid.UUID | None]) -> Payment:
    household_id = await viewer_household_id(ctx)
    if not invoice_ids:
        raise UserErrors.one("invoiceIds", ErrorCode.REQUIRED, "Choisissez au moins une facture.")
    if len(invoice_ids) > MAX_INVOICES:
        raise UserErrors.one(
            "invoiceIds", ErrorCode.TOO_MANY_CHANGES, f"Au plus {MAX_INVOICES} factures par paiement."
        )
    wanted = {i for i in invoice_ids if i is not None}
    rows: dict[uuid.UUID, Invoice] = {}
    if household_id is not None and wanted:
        found = await ctx.session.exec(
            select(Invoice)
            .where(col(Invoice.id).in_(wanted), Invoice.household_id == household_id)
            .order_by(col(Invoice.id))
            .with_for_update()
        )
        rows = {r.id: r for r in found.all()}
    errors = []
    for i, invoice_id in enumerate(invoice_ids):
        row = rows.get(invoice_id) if invoice_id is not None else None
        if row is None:
            errors.append(FieldError(f"invoiceIds.{i}", ErrorCode.NOT_FOUND, "Cette facture n'existe pas."))
        elif row.state not in OPEN_INVOICE_STATES or row.kind != "invoice":
            errors.append(
                FieldError(f"invoiceIds.{i}", ErrorCode.NOTHING_TO_PAY, "Cette facture n'est plus à régler.")
            )
    if errors:
        raise UserErrors(errors)
    invoices = list(rows.values())
    if len({r.regie_id for r in invoices}) > 1:
        raise UserErrors.one(
            "invoiceIds", ErrorCode.INVALID, "Payez en une fois les factures d'une même régie seulement."
        )
    same = await _same_payment_or_refusal(
        ctx,
        col(PaymentItem.invoice_id),
        set(rows),
        "invoiceIds",
        "Un paiement de ces factures est déjà en cours : terminez-le sur la page de paiement, ou "
        "attendez quelques minutes qu'il se termine.",
    )
    if same is not None:
        return same
    now = ctx.now()
    assert ctx.viewer is not None and household_id is not None
    regie = await _regie(ctx, invoices[0].regie_id)
    owed = {r.id: r.total - r.paid for r in invoices}
    amount = sum(owed.values())
    _check_online(regie, amount, "invoiceIds")
    payment = Payment(
        household_id=household_id,
        regie_id=regie.id,
        purpose="invoices",
        amount=amount,
        refdet=payment_reference(today(ctx), await next_number(ctx.session, PAYMENT_COUNTER)),
        payer_email=ctx.viewer.account.email,
        created_at=now,
    )
    ctx.session.add(payment)
    await ctx.session.flush()
    for invoice_id, due in owed.items():
        ctx.session.add(PaymentItem(payment_id=payment.id, invoice_id=invoice_id, amount=due))
    return payment


def _check_online(regie: Regie, amount: int, field: str) -> None:
    """Whether PayFiP can take ``amount`` for the regie; a field-named refusal if not."""
    if not regie.payfip_client_number:
        raise UserErrors.one(
            field, ErrorCode.PAYMENT_UNAVAILABLE, "Le paiement en ligne n'est pas ouvert pour cette régie."
        )
    if amount < MIN_ONLINE_AMOUNT:
        raise UserErrors.one(
            field,
            ErrorCode.PAYMENT_UNAVAILABLE,
            f"Le paiement en ligne demande au moins {format_amount(MIN_ONLINE_AMOUNT)} : "
            "réglez auprès du service.",
        )


async def _same_payment_or_refusal(
    ctx: RequestContext, covered: Any, debts: set[uuid.UUID], field: str, message: str
) -> Payment | None:
    """A debt never has two payments that may succeed: the payment already under way for ``debts``
    (requests or invoices, named by ``covered``, a column of PaymentItem) when it covers exactly them
    and its page is still open (a double click, a reload), a refusal when another one is under way,
    None when none is."""
    under_way = (
        await ctx.session.exec(
            select(Payment)
            .join(PaymentItem, col(PaymentItem.payment_id) == Payment.id)
            .where(covered.in_(debts), col(Payment.state).in_(PAYMENT_UNDER_WAY))
            .order_by(col(Payment.created_at).desc())
            .limit(1)
        )
    ).first()
    if under_way is None:
        return None
    same = set((await ctx.session.exec(select(covered).where(PaymentItem.payment_id == under_way.id))).all())
    fresh = under_way.idop is not None and ctx.now() - under_way.created_at < IDOP_LIFETIME
    if fresh and same == debts:
        return under_way
    raise UserErrors.one(field, ErrorCode.PAYMENT_IN_PROGRESS, message)


async def _send_to_payfip(ctx: RequestContext, payment: Payment, back: str) -> Checkout:
    """Hand the recorded payment to PayFiP; its idop kept, or the payment failed (nothing to pay
    for at PayFiP: the family may try again at once)."""
    regie = await _regie(ctx, payment.regie_id)
    settings = ctx.settings
    try:
        request = PaymentRequest(
            numcli=regie.payfip_client_number,
            exer=today(ctx).year,
            refdet=payment.refdet,
            objet=payment_object(f"{regie.name} paiement {payment.refdet}"),
            montant=payment.amount,
            mel=payment.payer_email,
            urlnotif=settings.effective_api_url + NOTIFICATION_PATH,
            urlredirect=_with_query(back, "payment", str(payment.id)),
            saisie=regie.payfip_mode,
        )
        idop = await payfip_of(ctx).create_payment(request)
    except (PayfipFault, PayfipUnavailable, InvalidPaymentValue) as problem:
        log.warning("payment %s: PayFiP did not open it: %s", payment.refdet, problem)
        await in_transaction(ctx, lambda: _mark(ctx, payment.id, PaymentState.FAILED))
        raise UserErrors.one(
            "regieId",
            ErrorCode.PAYMENT_UNAVAILABLE,
            "Le service de paiement en ligne ne répond pas. Réessayez dans quelques minutes.",
        ) from None

    async def sent() -> None:
        await ctx.session.exec(
            update(Payment)
            .where(col(Payment.id) == payment.id, col(Payment.state) == PaymentState.CREATED)
            .values(idop=idop, state=PaymentState.AT_PAYFIP)
        )

    await in_transaction(ctx, sent)
    payment.idop, payment.state = idop, PaymentState.AT_PAYFIP
    return Checkout(payment, payfip_of(ctx).payment_page_url(idop))


def payfip_of(ctx: RequestContext) -> PayfipClient:
    """The PayFiP client the server was started with."""
    if ctx.payfip is None:  # pragma: no cover - the app always gives one
        raise RuntimeError("no PayFiP client in this context")
    return ctx.payfip


async def _mark(ctx: RequestContext, payment_id: uuid.UUID, state: str) -> None:
    """End a payment that was still under way (never one already settled)."""
    await ctx.session.exec(
        update(Payment)
        .where(col(Payment.id) == payment_id, col(Payment.state).in_(PAYMENT_UNDER_WAY))
        .values(state=state, decided_at=ctx.now())
    )


async def _regie(ctx: RequestContext, regie_id: uuid.UUID) -> Regie:
    regie = await ctx.session.get(Regie, regie_id)
    assert regie is not None
    return regie


async def payment_of(ctx: RequestContext, payment_id: uuid.UUID | None) -> Payment | None:
    """One of the viewer household's payments (another family's: None, like an unknown id)."""
    household_id = await viewer_household_id(ctx)
    if household_id is None or payment_id is None:
        return None
    return (
        await ctx.session.exec(
            select(Payment).where(Payment.id == payment_id, Payment.household_id == household_id)
        )
    ).first()


# ---------------------------------------------------------------------------------------------
# PayFiP's answer


async def notification(ctx: RequestContext, idop: str) -> str:
    """PayFiP's call for ``idop``: ask PayFiP what happened and settle the payment (once). Returns
    what was done, for the log: unknown, undecided, unavailable, mismatch, or the payment's state."""
    payment = (await ctx.session.exec(select(Payment).where(Payment.idop == idop))).first()
    if payment is None:
        return "unknown"
    return await settle(ctx, payment)


async def settle(ctx: RequestContext, payment: Payment) -> str:
    """Ask PayFiP about ``payment`` and record its outcome (nothing while the payer has not decided)."""
    if payment.idop is None:
        return "unknown"
    try:
        detail = await payfip_of(ctx).payment_detail(payment.idop)
    except PayfipFault as fault:
        if fault.code == "P1" and ctx.now() - payment.created_at > IDOP_LIFETIME:
            # PayFiP no longer knows it (purged): nobody paid it.
            await in_transaction(ctx, lambda: _mark(ctx, payment.id, PaymentState.ABANDONED))
            return PaymentState.ABANDONED
        return "undecided" if fault.code == "P5" else f"fault {fault.code}"
    except PayfipUnavailable as problem:
        log.warning("payment %s: PayFiP unavailable: %s", payment.refdet, problem)
        return "unavailable"
    regie = await _regie(ctx, payment.regie_id)
    mismatch = _mismatch(payment, regie, detail)
    if mismatch:
        # Never believed: someone or something answers for PayFiP with other figures.
        log.error(
            "payment %s: PayFiP's answer does not match (%s); nothing recorded", payment.refdet, mismatch
        )
        return "mismatch"
    return await in_transaction(ctx, lambda: _record_outcome(ctx, payment.id, detail))


def _mismatch(payment: Payment, regie: Regie, detail: PaymentDetail) -> str:
    problems = []
    if detail.idop != payment.idop:
        problems.append("idop")
    if detail.montant != payment.amount:
        problems.append("montant")
    if detail.refdet != payment.refdet:
        problems.append("refdet")
    if detail.numcli != regie.payfip_client_number:
        problems.append("numcli")
    return ", ".join(problems)


async def _record_outcome(ctx: RequestContext, payment_id: uuid.UUID, detail: PaymentDetail) -> str:
    payment = (
        await ctx.session.exec(
            select(Payment)
            .where(Payment.id == payment_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).one()
    if payment.state not in PAYMENT_UNDER_WAY:
        return payment.state  # already settled: a repeated notification does nothing
    payment.result, payment.authorisation = detail.resultrans, detail.numauto
    payment.decided_at = ctx.now()
    if detail.paid:
        payment.state = PaymentState.PAID
        payment.paid_at = detail.transacted_at or ctx.now()
        ctx.session.add(payment)
        if payment.purpose == "invoices":
            await _apply_invoice_payment(ctx, payment)
        else:
            await _apply_basket_payment(ctx, payment)
    else:
        payment.state = PaymentState.REFUSED if detail.refused else PaymentState.ABANDONED
        ctx.session.add(payment)
    return payment.state


async def _apply_basket_payment(ctx: RequestContext, payment: Payment) -> None:
    """The basket paid: validated (see ``_validate_basket``). A basket that expired meanwhile is
    honoured if every one of its days still has a place (and it cancelled no paid day: those were
    kept when it expired), else the payment is flagged for a refund by the cash office."""
    items = (await ctx.session.exec(select(PaymentItem).where(PaymentItem.payment_id == payment.id))).all()
    request_ids = [i.request_id for i in items if i.request_id is not None]
    entries = list(
        (
            await ctx.session.exec(
                select(BasketEntry)
                .where(col(BasketEntry.request_id).in_(request_ids))
                .order_by(col(BasketEntry.request_id))
                .with_for_update()
            )
        ).all()
    )
    catalogue = await load_catalogue(ctx)
    bookings = await _bookings_paid_for(ctx, entries)
    if any(e.state == EntryState.EXPIRED for e in entries) and (
        not await _places_still_free(ctx, catalogue, bookings)
        or await _cancellations_dropped(ctx, request_ids)
    ):
        payment.needs_refund = True
        payment.note = "Panier expiré avant le paiement : à rembourser."
        ctx.session.add(payment)
        log.warning("payment %s: paid after its basket expired, not honoured: to refund", payment.refdet)
        await _mail_payment(ctx, payment, None, refund=True)
        return
    await _validate_basket(ctx, entries, payment, payment.credit_used, payment.payer_email, bookings)


async def _validate_basket(
    ctx: RequestContext,
    entries: list[BasketEntry],
    payment: Payment | None,
    credit_used: int,
    payer_email: str,
    bookings: list[Booking] | None = None,
) -> invoicing.IssuedInvoice:
    """ "Valider le panier" (paid through PayFiP, or with nothing left to collect): its days confirmed
    (accepted, or waiting for staff where they decide), the paid days it cancels cancelled (their
    places to the waiting lines), the household's credit used, an invoice issued (a credit note when it
    gives back more than it books: the household's credit), and the family mailed."""
    catalogue = await load_catalogue(ctx)
    changes = BookingChanges(ctx)
    if bookings is None:
        bookings = await _bookings_paid_for(ctx, entries)
    await changes.load_lines(b.book_line_id for b in bookings)
    confirmed: list[Booking] = []
    for booking in bookings:
        policy = policy_of(catalogue.by_id[catalogue.by_id[booking.period_id].activity_id])
        outcome = transition(BookingState(booking.state), BookingEvent.BASKET_PAID, Actor.SYSTEM, policy)
        if isinstance(outcome, Refusal):
            continue  # changed by staff meanwhile (cancelled): the invoice leaves it out
        request_id = changes.lines[booking.book_line_id].request_id if booking.book_line_id else None
        changes.apply(booking, outcome.state, Actor.SYSTEM, reason="Panier réglé.", request_id=request_id)
        confirmed.append(booking)
    cancelled = await _cancel_held_days(ctx, changes, catalogue, [e.request_id for e in entries])
    for entry in entries:
        entry.state, entry.settled_at = EntryState.PAID.value, ctx.now()
        entry.payment_id = payment.id if payment is not None else None
        ctx.session.add(entry)
    await changes.flush()
    await changes.promote(catalogue)
    await changes.restate_requests()
    household_id, regie_id = entries[0].household_id, entries[0].regie_id
    settled: list[Payment] = []
    if credit_used:
        settled.append(await _use_credit(ctx, household_id, regie_id, credit_used, payer_email))
    if payment is not None:
        settled.append(payment)
    invoice = await invoicing.issue_basket_invoice(
        ctx, household_id, regie_id, confirmed, [b for b, _ in cancelled], settled
    )
    if payment is not None:
        await _mail_payment(ctx, payment, invoice.number_text, refund=False)
    request_of = {b.id: changes.lines[b.book_line_id].request_id for b in confirmed if b.book_line_id}
    request_of.update({b.id: request_id for b, request_id in cancelled})
    await _mail_bookings(ctx, confirmed + [b for b, _ in cancelled], request_of, invoice)
    return invoice


async def _cancel_held_days(
    ctx: RequestContext, changes: BookingChanges, catalogue: Catalogue, request_ids: list[uuid.UUID]
) -> list[tuple[Booking, uuid.UUID]]:
    """Cancel the paid days whose cancellation the requests held (as asked, in time: the family asked
    before the deadline), under their slots' locks; returns them with the request that cancelled them."""
    held = [
        (line, b)
        for line, b in await held_lines(ctx, request_ids, cancellations=True)
        if line.action == "cancel"
    ]
    locked = {b.id: b for b in await lock_bookings(ctx, [b.id for _, b in held])}
    await changes.load_lines(b.book_line_id for b in locked.values())
    cancelled: list[tuple[Booking, uuid.UUID]] = []
    for line, stale in held:
        booking = locked[stale.id]
        booking.cancel_held = False
        policy = policy_of(catalogue.by_id[catalogue.by_id[booking.period_id].activity_id])
        outcome = transition(
            BookingState(booking.state), BookingEvent.CANCEL_BEFORE_DEADLINE, Actor.FAMILY, policy
        )
        if isinstance(outcome, Refusal):  # cancelled by staff meanwhile: nothing to give back
            line.state, line.message = BookingState.REFUSED.value, outcome.message
        else:
            booking.cancel_line_id = line.id
            line.state = outcome.state.value
            changes.apply(
                booking, outcome.state, Actor.FAMILY, reason="Panier validé.", request_id=line.request_id
            )
            cancelled.append((booking, line.request_id))
        ctx.session.add(line)
    await end_orphan_cancellations(ctx, request_ids, BookingState.REFUSED, "Ce jour n'était plus à annuler.")
    changes.touched_requests.update(request_ids)
    return cancelled


async def _cancellations_dropped(ctx: RequestContext, request_ids: list[uuid.UUID]) -> bool:
    """Whether the requests cancelled paid days that their basket's expiry kept."""
    found = await ctx.session.exec(
        select(BookingLine.id)
        .where(
            col(BookingLine.request_id).in_(request_ids),
            BookingLine.action == "cancel",
            BookingLine.state == BookingState.EXPIRED.value,
        )
        .limit(1)
    )
    return found.first() is not None


async def _use_credit(
    ctx: RequestContext, household_id: uuid.UUID, regie_id: uuid.UUID, amount: int, payer_email: str
) -> Payment:
    """Deduct ``amount`` from the household's credit at the regie, its oldest credit notes first (under
    their locks), recorded as a payment by credit ("avoir") naming the notes used."""
    notes = (
        await ctx.session.exec(
            select(Invoice)
            .where(
                Invoice.household_id == household_id,
                Invoice.regie_id == regie_id,
                col(Invoice.credit_left) > 0,
            )
            .order_by(col(Invoice.issued_at), col(Invoice.id))
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).all()
    prefix = (await _regie(ctx, regie_id)).invoice_prefix
    left, used_notes = amount, []
    for note in notes:
        if left == 0:
            break
        taken = min(left, note.credit_left)
        note.credit_left -= taken
        left -= taken
        ctx.session.add(note)
        used_notes.append(invoice_number_text(note.year, note.number, prefix))
    if left:
        # Used meanwhile by another payment (never while one is under way): what is missing stays owed.
        log.warning("household %s: %s cents of credit missing at regie %s", household_id, left, regie_id)
    number = await next_number(ctx.session, PAYMENT_COUNTER)
    now = ctx.now()
    credit = Payment(
        household_id=household_id,
        regie_id=regie_id,
        purpose="basket",
        method="credit",
        amount=amount - left,
        state=PaymentState.PAID,
        refdet=payment_reference(today(ctx), number),
        payer_email=payer_email,
        created_at=now,
        decided_at=now,
        paid_at=now,
        note=("Avoir " + ", ".join(used_notes))[:200],
    )
    ctx.session.add(credit)
    await ctx.session.flush()
    return credit


async def _apply_invoice_payment(ctx: RequestContext, payment: Payment) -> None:
    """Invoices paid online: what each was owed is settled (paid meanwhile at the desk: the surplus is
    flagged for a refund); the payer gets the payment's confirmation."""
    items = (await ctx.session.exec(select(PaymentItem).where(PaymentItem.payment_id == payment.id))).all()
    ids = [i.invoice_id for i in items if i.invoice_id is not None]
    found = await ctx.session.exec(
        select(Invoice).where(col(Invoice.id).in_(ids)).order_by(col(Invoice.id)).with_for_update()
    )
    rows = {r.id: r for r in found.all()}
    surplus = 0
    for item in items:
        row = rows.get(item.invoice_id) if item.invoice_id else None
        if row is None:
            continue
        owed = max(0, row.total - row.paid) if row.state in OPEN_INVOICE_STATES else 0
        settled = min(owed, item.amount)
        surplus += item.amount - settled
        row.paid += settled
        row.state = invoice_state(row.total, row.paid, row.cancelled_by_id is not None).value
        ctx.session.add(row)
    if surplus:
        payment.needs_refund = True
        payment.note = f"Trop-perçu de {format_amount(surplus)} : à rembourser."
        ctx.session.add(payment)
    prefix = (await _regie(ctx, payment.regie_id)).invoice_prefix
    numbers = ", ".join(invoice_number_text(r.year, r.number, prefix) for r in rows.values())
    await _mail_payment(ctx, payment, numbers, refund=False)


async def _bookings_paid_for(ctx: RequestContext, entries: list[BasketEntry]) -> list[Booking]:
    """The days the entries held (pending), or released when they expired, under their slots' locks."""
    request_ids = [e.request_id for e in entries]
    wanted = [BookingState.PENDING.value, BookingState.EXPIRED.value]
    query = (
        select(Booking)
        .join(BookingLine, col(Booking.book_line_id) == BookingLine.id)
        .where(col(BookingLine.request_id).in_(request_ids), col(Booking.state).in_(wanted))
    )
    rows = list((await ctx.session.exec(query)).all())
    await lock_slots(ctx.session, [(b.unit_id, b.day) for b in rows])
    rows = list(
        (
            await ctx.session.exec(query.order_by(col(Booking.day)).execution_options(populate_existing=True))
        ).all()
    )
    return rows


async def _places_still_free(ctx: RequestContext, catalogue: Catalogue, bookings: list[Booking]) -> bool:
    expired = [b for b in bookings if b.state == BookingState.EXPIRED.value]
    if not expired:
        return True
    units = {b.unit_id for b in expired}
    days = [b.day for b in expired]
    held, _ = await slot_counts(ctx, list(units), min(days), max(days))
    wanted: dict[tuple[uuid.UUID, date], int] = {}
    for b in expired:
        wanted[(b.unit_id, b.day)] = wanted.get((b.unit_id, b.day), 0) + 1
    for (unit_id, day), count in wanted.items():
        left = places_left(catalogue.by_id[unit_id].capacity, held.get((unit_id, day), 0))
        if left is not None and left < count:
            return False
    return True


async def _mail_payment(
    ctx: RequestContext, payment: Payment, invoice_number: str | None, *, refund: bool
) -> None:
    """The payment's confirmation ("un mail de confirmation de votre paiement"), to the payer."""
    regie = await _regie(ctx, payment.regie_id)
    send_mail(
        ctx,
        "payment_received",
        payment.payer_email,
        amount=format_amount(payment.amount),
        reference=payment.refdet,
        regie=regie.name,
        invoice=invoice_number or "",
        refund=refund,
        link=client_link(ctx, "/factures"),
    )


async def _mail_bookings(
    ctx: RequestContext,
    bookings: list[Booking],
    request_of: dict[uuid.UUID, uuid.UUID],
    invoice: invoicing.IssuedInvoice,
) -> None:
    """The bookings' confirmation ("... et de votre réservation"), to whoever made each request: the
    days booked and cancelled, and the credit used or given."""
    catalogue = await load_catalogue(ctx)
    requests = {
        r.id: r
        for r in (
            await ctx.session.exec(
                select(BookingRequest).where(col(BookingRequest.id).in_(set(request_of.values())))
            )
        ).all()
    }
    authors = await request_authors(ctx, requests)
    children = await children_by_id(ctx, {b.child_id for b in bookings})
    per_author: dict[str, list[dict[str, str]]] = {}
    numbers: dict[str, list[str]] = {}
    for booking in sorted(bookings, key=lambda b: (b.day, str(b.child_id))):
        request_id = request_of.get(booking.id)
        if request_id is None or request_id not in authors:
            continue
        email = authors[request_id]
        child = children[booking.child_id]
        per_author.setdefault(email, []).append(
            {
                "child": f"{child.first_name} {child.last_name}",
                "day": french_date(booking.day),
                "unit": catalogue.by_id[booking.unit_id].name,
                "path": period_path(catalogue, catalogue.by_id[booking.period_id]),
                "state": state_label(BookingState(booking.state)),
            }
        )
        number = request_number_text(requests[request_id].number)
        if number not in numbers.setdefault(email, []):
            numbers[email].append(number)
    row = invoice.invoice
    for email, items in per_author.items():
        send_mail(
            ctx,
            "basket_paid",
            email,
            numbers=", ".join(numbers[email]),
            items=items,
            invoice=invoice.number_text,
            credit_given=format_amount(row.credit_left) if row.credit_left else "",
            link=client_link(ctx, "/factures"),
        )


# ---------------------------------------------------------------------------------------------
# Reconciliation


async def reconcile_payments(
    db: Database, settings: Settings, clock: Clock, payfip: PayfipClient, *, limit: int = 50
) -> int:
    """Settle payments PayFiP never notified: ask PayFiP about those at PayFiP for a while (P5:
    still undecided; P1 after its purge: abandoned), and fail those the server never managed to hand
    to PayFiP. Safe on several server instances: each outcome is recorded under the payment's lock.
    Returns how many were asked about."""
    ctx = RequestContext(
        db=db, settings=settings, clock=clock, request_id="payment-reconciliation", payfip=payfip
    )
    now = clock.now()

    async def fail_unsent() -> None:
        await ctx.session.exec(
            update(Payment)
            .where(col(Payment.state) == PaymentState.CREATED, col(Payment.created_at) < now - UNSENT_AFTER)
            .values(state=PaymentState.FAILED, decided_at=now)
        )

    await in_transaction(ctx, fail_unsent)
    try:
        stale = (
            await ctx.session.exec(
                select(Payment)
                .where(
                    col(Payment.state) == PaymentState.AT_PAYFIP,
                    col(Payment.created_at) < now - RECONCILE_AFTER,
                )
                .order_by(col(Payment.created_at))
                .limit(limit)
            )
        ).all()
        for payment in stale:
            await settle(ctx, payment)
    finally:
        await ctx.close()
    return len(stale)


# ---------------------------------------------------------------------------------------------
# Staff: the payments and their state at PayFiP


@dataclass
class PaymentPage:
    rows: list[tuple[Payment, str]]  # each payment with its household's name
    has_next: bool


async def staff_payments(
    ctx: RequestContext,
    *,
    regie_id: uuid.UUID | None,
    to_refund_only: bool,
    first: int,
    after: tuple[datetime, str] | None,
) -> PaymentPage:
    """Staff: every payment, newest first, with its household; those to refund (paid for debts no
    longer owed) when asked."""
    limit = max(1, min(first, 100))
    query = (
        select(Payment, col(Household.name))
        .join(Household, col(Household.id) == Payment.household_id)
        .order_by(col(Payment.created_at).desc(), col(Payment.id).desc())
        .limit(limit + 1)
    )
    if regie_id is not None:
        query = query.where(Payment.regie_id == regie_id)
    if to_refund_only:
        query = query.where(col(Payment.needs_refund).is_(True))
    if after is not None:
        at, id_ = after
        query = query.where(
            sa.tuple_(col(Payment.created_at), col(Payment.id))
            < sa.tuple_(sa.literal(at), sa.literal(uuid.UUID(id_)))
        )
    rows = [(payment, name) for payment, name in (await ctx.session.exec(query)).all()]
    return PaymentPage(rows[:limit], len(rows) > limit)
