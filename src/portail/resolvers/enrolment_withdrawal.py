"""A family withdraws an enrolment ("se désinscrire"): the enrolment becomes WITHDRAWN and the
child's bookings of that period from today on are cancelled as the family would cancel them.

Withdrawing does not bend the activity's rules: the days still ahead are cancelled through one
numbered request of the family (the submit use case: the state machine, the deadlines, the places
freed and given to the waiting line, the slot counters, the "Historique"). A day whose cancellation
deadline is already passed follows the activity's late-cancellation rule: where late cancellations
are requests (``late_cancellation = "request"``) it becomes a "demande d'annulation" staff decide;
where they are charged (``"charge"``) it is cancelled and billed all the same; elsewhere it stays
booked (and billed), and the mail says so. A day the other household of a shared
child booked is theirs to cancel and is not touched. A pending enrolment has no booking: it is simply
withdrawn, and so is a waiting one (it leaves the line). A withdrawn enrolment that held a place frees it
for the first in line of its period or group (``enrolment_places.promote``). The family is mailed what
happened to each day.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from portail.db.models import Child
from portail.db.models.bookings import Booking
from portail.db.models.catalogue import Enrolment
from portail.resolvers import booking_requests
from portail.resolvers.catalogue_reading import load_catalogue, period_path
from portail.resolvers.context import RequestContext, today
from portail.resolvers.enrolment_places import promote
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.households import viewer_household_id
from portail.resolvers.mail import ENROLMENTS_PATH, client_link, send_mail
from portail.rules.booking_states import BookingState, request_number_text
from portail.rules.repeat import french_date

# What a withdrawal cancels: days still standing (a "demande d'annulation" already waits for staff).
CANCELLABLE = tuple(s.value for s in (BookingState.PENDING, BookingState.ACCEPTED, BookingState.WAITING))
WITHDRAWABLE = ("pending", "accepted", "waiting")


@dataclass
class Withdrawal:
    """The withdrawn enrolment and what became of the days it carried."""

    enrolment: Enrolment
    request: booking_requests.Plan | None = None  # the cancellations' request; None when none was made
    cancelled: list[dict[str, str]] = field(default_factory=list)
    requested: list[dict[str, str]] = field(default_factory=list)  # late: "demande d'annulation"
    kept: list[dict[str, str]] = field(default_factory=list)  # late, and the activity keeps late days

    @property
    def request_number(self) -> str | None:
        """The number ("000007") of the request that cancelled the days ahead; None when none was made."""
        request = self.request.request if self.request is not None else None
        return request_number_text(request.number) if request is not None else None


async def withdraw_enrolment(ctx: RequestContext, enrolment_id: uuid.UUID | None) -> Withdrawal:
    """Withdraw the viewer's household's enrolment ``enrolment_id`` (another family's is NOT_FOUND)."""
    household_id = await viewer_household_id(ctx)
    row = await ctx.session.get(Enrolment, enrolment_id, with_for_update=True) if enrolment_id else None
    if row is None or row.household_id != household_id:
        raise UserErrors.one("enrolmentId", ErrorCode.NOT_FOUND, "Cette inscription n'existe pas.")
    if row.state not in WITHDRAWABLE:
        raise UserErrors.one(
            "enrolmentId",
            ErrorCode.NOT_WITHDRAWABLE,
            "Cette inscription n'est ni en attente ni acceptée : il n'y a rien à retirer.",
        )
    assert ctx.viewer is not None and household_id is not None
    catalogue = await load_catalogue(ctx)
    period = catalogue.by_id[row.period_id]
    child = await ctx.session.get(Child, row.child_id)
    assert child is not None
    result = Withdrawal(row)
    if row.state == "accepted":
        await _cancel_days_ahead(ctx, row, household_id, result)
    held = row.state != "waiting"
    row.state = "withdrawn"
    row.decided_at, row.decided_by = ctx.now(), ctx.viewer.account.id
    ctx.session.add(row)
    await ctx.session.flush()
    if held:
        await promote(ctx, row.period_id, row.group_id)
    send_mail(
        ctx,
        "enrolment_withdrawn",
        ctx.viewer.account.email,
        child_name=child.first_name,
        child_sex=child.sex,
        path=period_path(catalogue, period),
        number=result.request_number or "",
        cancelled=result.cancelled,
        requested=result.requested,
        kept=result.kept,
        link=client_link(ctx, ENROLMENTS_PATH),
    )
    return result


async def _cancel_days_ahead(
    ctx: RequestContext, row: Enrolment, household_id: uuid.UUID, result: Withdrawal
) -> None:
    bookings = (
        await ctx.session.exec(
            select(Booking)
            .where(
                Booking.child_id == row.child_id,
                Booking.period_id == row.period_id,
                Booking.household_id == household_id,
                col(Booking.day) >= today(ctx),
                col(Booking.state).in_(CANCELLABLE),
            )
            .order_by(col(Booking.day), col(Booking.unit_id))
        )
    ).all()
    if not bookings:
        return
    changes = [booking_requests.ChangeData(b.child_id, b.unit_id, b.day, cancel=True) for b in bookings]
    data = booking_requests.RequestData(row.period_id, changes=changes)
    try:
        plan = await booking_requests.submit(ctx, data, mail=False)
    except UserErrors as refused:
        if any(e.code is not ErrorCode.NOTHING_TO_SUBMIT for e in refused.errors):
            raise
        # Every day is past its cancellation deadline and the activity keeps late days.
        units = {u.id: u for u in (await load_catalogue(ctx)).units}
        for error, b in zip(refused.errors, bookings, strict=True):
            result.kept.append(_day(b.day, units[b.unit_id].name, error.message))
        return
    result.request = plan
    for line in plan.lines:
        if line.state is BookingState.CANCELLED:
            result.cancelled.append(_day(line.day, line.unit.name))
        elif line.state is BookingState.CANCELLATION_REQUESTED:
            result.requested.append(_day(line.day, line.unit.name))
        else:
            result.kept.append(_day(line.day, line.unit.name, line.message))


def _day(day: date, unit: str, reason: str = "") -> dict[str, str]:
    return {"day": french_date(day), "unit": unit, "reason": reason}
