"""The states of a booking (the guide's legend) and the only ways to move between them.

A booking is one child, one unit, one date. Every change of state goes through ``transition``:
given the current state (None when the day has no booking), what happened and who did it, it
answers the new state or a ``Refusal`` (a stable code and a French message). The activity's
settings that change an outcome (automatic acceptance, payment at booking, waiting list, late
cancellations) come in a ``BookingPolicy``; everything else is the same for every town.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class BookingState(StrEnum):
    """Where a booking stands; the values are the names of DESIGN.md."""

    PENDING = "pending"
    CANCELLATION_REQUESTED = "cancellation_requested"
    CANCELLED = "cancelled"
    REFUSED = "refused"
    ACCEPTED = "accepted"
    EXPIRED = "expired"
    WAITING = "waiting"


class Actor(StrEnum):
    """Who caused a change: the family, town staff, or the portal itself (jobs, payment notices)."""

    FAMILY = "family"
    STAFF = "staff"
    SYSTEM = "system"


class BookingEvent(StrEnum):
    """What happened to a booking."""

    BOOK = "book"  # "Nouvelle présence" on a day with a place left
    BOOK_WHEN_FULL = "book_when_full"  # the same, on a day without a place left
    CANCEL_BEFORE_DEADLINE = "cancel_before_deadline"  # "ANNULER" before the unit's cancellation deadline
    CANCEL_AFTER_DEADLINE = "cancel_after_deadline"
    ACCEPT = "accept"
    REFUSE = "refuse"
    ACCEPT_CANCELLATION = "accept_cancellation"
    REFUSE_CANCELLATION = "refuse_cancellation"
    BASKET_EXPIRED = "basket_expired"  # not paid before the basket's pay-before time
    BASKET_PAID = "basket_paid"  # the payment of the basket holding the booking was confirmed
    PLACE_FREED = "place_freed"  # a place freed and this booking is the first in the waiting line


# The guide's legend ("Légende > Icônes d'état"); the waiting line is ours, worded alike.
STATE_LABELS: dict[BookingState, str] = {
    BookingState.PENDING: "Présence en attente de traitement",
    BookingState.CANCELLATION_REQUESTED: "Demande d'annulation",
    BookingState.CANCELLED: "Présence annulée",
    BookingState.REFUSED: "Présence refusée",
    BookingState.ACCEPTED: "Présence acceptée",
    BookingState.EXPIRED: "Expirée",
    BookingState.WAITING: "Présence en liste d'attente",
}

# A cancellation request still holds its place: if staff refuse it the child comes, and the place
# must still be there.
PLACE_HOLDING_STATES = frozenset(
    {BookingState.PENDING, BookingState.ACCEPTED, BookingState.CANCELLATION_REQUESTED}
)
# The same, as the database stores them.
PLACE_HOLDING_VALUES = frozenset(s.value for s in PLACE_HOLDING_STATES)
# A booking in one of these occupies its day: the same child cannot be booked again for the unit.
ACTIVE_STATES = PLACE_HOLDING_STATES | {BookingState.WAITING}
# Nothing happens to these any more; the day can be booked again (a new booking, or this one reused).
ENDED_STATES = frozenset({BookingState.CANCELLED, BookingState.REFUSED, BookingState.EXPIRED})
# "Afficher les annulations et refus" off hides these; an expired booking is one the portal cancelled.
HIDDEN_UNLESS_ASKED = ENDED_STATES

_ENDED_WORDS = {
    BookingState.CANCELLED: "annulée",
    BookingState.REFUSED: "refusée",
    BookingState.EXPIRED: "expirée",
}

_STAFF_EVENTS = frozenset(
    {
        BookingEvent.ACCEPT,
        BookingEvent.REFUSE,
        BookingEvent.ACCEPT_CANCELLATION,
        BookingEvent.REFUSE_CANCELLATION,
    }
)
_SYSTEM_EVENTS = frozenset({BookingEvent.BASKET_EXPIRED, BookingEvent.BASKET_PAID, BookingEvent.PLACE_FREED})
_BOOK_EVENTS = frozenset({BookingEvent.BOOK, BookingEvent.BOOK_WHEN_FULL})
_CANCEL_EVENTS = frozenset({BookingEvent.CANCEL_BEFORE_DEADLINE, BookingEvent.CANCEL_AFTER_DEADLINE})


class RefusalCode(StrEnum):
    """Why a change is refused; stable, meant to be mapped one to one onto the API's error codes."""

    NOT_ALLOWED = "NOT_ALLOWED"
    ALREADY_BOOKED = "ALREADY_BOOKED"
    FULL = "FULL"
    NO_BOOKING = "NO_BOOKING"
    BOOKING_ENDED = "BOOKING_ENDED"
    CANCELLATION_DEADLINE_PASSED = "CANCELLATION_DEADLINE_PASSED"
    CANCELLATION_ALREADY_REQUESTED = "CANCELLATION_ALREADY_REQUESTED"
    CANCELLATION_PENDING = "CANCELLATION_PENDING"
    NO_CANCELLATION_REQUEST = "NO_CANCELLATION_REQUEST"
    ALREADY_DECIDED = "ALREADY_DECIDED"
    WAITING_FOR_PLACE = "WAITING_FOR_PLACE"
    NOT_IN_BASKET = "NOT_IN_BASKET"
    NOT_WAITING = "NOT_WAITING"


@dataclass(frozen=True)
class Refusal:
    """Why something is refused: ``code`` is stable, ``message`` is French for the family.

    ``field`` names the input field at fault and ``day`` the offending date, when there is one.
    """

    code: str
    message: str
    field: str | None = None
    day: date | None = None


class LateCancellation(StrEnum):
    """What the activity does with a cancellation of an accepted day past the cancellation deadline."""

    REFUSE = "refuse"
    """It is refused: the child is expected, and the day billed."""
    REQUEST = "request"
    """It becomes a "demande d'annulation" staff grant (not billed) or refuse (billed)."""
    CHARGE = "charge"
    """It is taken at once (the place goes to others) and the day is billed all the same."""


@dataclass(frozen=True)
class BookingPolicy:
    """The activity's settings that change where a booking goes.

    ``automatic_acceptance``: a booking within capacity is accepted at once (else staff decide).
    ``paid_at_booking``: a booking waits in the family's basket until paid (then it is accepted).
    ``waiting_list``: a booking for a full day waits in line (else it is refused as full).
    ``late_cancellation``: what cancelling an accepted day after the deadline does.
    ``credit_paid_cancellations``: a paid day cancelled in time waits in the basket and is credited.
    ``automatic_promotion``: the first in line gets a freed place at once (else staff confirm it).
    """

    automatic_acceptance: bool = False
    paid_at_booking: bool = False
    waiting_list: bool = False
    late_cancellation: LateCancellation = LateCancellation.REQUEST
    automatic_promotion: bool = True
    credit_paid_cancellations: bool = False


DEFAULT_POLICY = BookingPolicy()


@dataclass(frozen=True)
class Transition:
    """An allowed change: from ``previous`` (None: no booking yet) to ``state``."""

    previous: BookingState | None
    state: BookingState

    @property
    def takes_place(self) -> bool:
        """Whether the booking now holds a place it did not hold: capacity must be checked (locked)."""
        return holds_place(self.state) and not holds_place(self.previous)

    @property
    def frees_place(self) -> bool:
        """Whether a place was given back: the first in the waiting line may get it."""
        return holds_place(self.previous) and not holds_place(self.state)


def holds_place(state: BookingState | None) -> bool:
    """Whether a booking in ``state`` counts against the unit's capacity for its day."""
    return state in PLACE_HOLDING_STATES


def is_active(state: BookingState | None) -> bool:
    """Whether a booking in ``state`` occupies its day (another booking of it is "already booked")."""
    return state in ACTIVE_STATES


def state_label(state: BookingState) -> str:
    """The legend's French label of ``state``."""
    return STATE_LABELS[state]


def still_charged(
    state: BookingState | None, event: BookingEvent, actor: Actor, policy: BookingPolicy
) -> bool:
    """Whether the day a family cancels by ``event`` is billed all the same: an accepted day cancelled
    past the deadline where the activity charges late cancellations. (Staff's cancellations, a
    closure or a certified illness, never are; nor a pending or waiting day, never granted.)"""
    return (
        actor is Actor.FAMILY
        and state is BookingState.ACCEPTED
        and event is BookingEvent.CANCEL_AFTER_DEADLINE
        and policy.late_cancellation is LateCancellation.CHARGE
    )


def held_in_basket(
    outcome: BookingState, event: BookingEvent, actor: Actor, policy: BookingPolicy, paid: bool
) -> bool:
    """Whether a family's cancellation that would give ``outcome`` waits in the basket instead: a day
    paid at booking (``paid``), cancelled in time, where the activity credits such cancellations. The
    guide: the basket's "réservations ou annulations ... seront définitivement prises en compte après
    validation du panier"; until then the child is expected."""
    return (
        paid
        and policy.paid_at_booking
        and policy.credit_paid_cancellations
        and actor is Actor.FAMILY
        and event is BookingEvent.CANCEL_BEFORE_DEADLINE
        and outcome is BookingState.CANCELLED
    )


def staff_decision_event(state: BookingState | None, accept: bool) -> BookingEvent:
    """The event a staff "accept" or "refuse" means for a booking in ``state``.

    The staff queue mixes requests and cancellation requests; one decision answers both.
    """
    if state is BookingState.CANCELLATION_REQUESTED:
        return BookingEvent.ACCEPT_CANCELLATION if accept else BookingEvent.REFUSE_CANCELLATION
    return BookingEvent.ACCEPT if accept else BookingEvent.REFUSE


def transition(
    state: BookingState | None,
    event: BookingEvent,
    actor: Actor,
    policy: BookingPolicy = DEFAULT_POLICY,
) -> Transition | Refusal:
    """Where a booking in ``state`` goes when ``actor`` causes ``event``, or why it cannot.

    ``state`` is None when the child has no booking for the unit and day. Booking over an ended
    booking (cancelled, refused, expired) is allowed: the day is free again.
    """
    refusal = _actor_refusal(event, actor)
    if refusal is not None:
        return refusal
    if event in _BOOK_EVENTS:
        return _book(state, event, policy)
    if state is None:
        return Refusal(RefusalCode.NO_BOOKING, "Aucune présence pour ce jour.")
    if state is BookingState.EXPIRED and event is BookingEvent.BASKET_PAID:
        # Paid after the basket expired (the payer was already on PayFiP's page): honoured as a
        # booking of the day again, when the caller, holding the day's lock, still finds a place.
        return _paid(policy)
    if state in ENDED_STATES:
        return Refusal(RefusalCode.BOOKING_ENDED, f"Cette présence est déjà {_ENDED_WORDS[state]}.")
    if event in _CANCEL_EVENTS:
        return _cancel(state, event, actor, policy)
    if event in (BookingEvent.ACCEPT, BookingEvent.REFUSE):
        return _decide(state, event)
    if event in (BookingEvent.ACCEPT_CANCELLATION, BookingEvent.REFUSE_CANCELLATION):
        if state is not BookingState.CANCELLATION_REQUESTED:
            return Refusal(
                RefusalCode.NO_CANCELLATION_REQUEST, "Aucune demande d'annulation pour cette présence."
            )
        accepted = event is BookingEvent.ACCEPT_CANCELLATION
        # Only an accepted booking becomes a cancellation request, so refusing it goes back there.
        return Transition(state, BookingState.CANCELLED if accepted else BookingState.ACCEPTED)
    if event in (BookingEvent.BASKET_EXPIRED, BookingEvent.BASKET_PAID):
        if state is not BookingState.PENDING:
            # Also what a replayed payment notice gets: the booking was already settled.
            return Refusal(
                RefusalCode.NOT_IN_BASKET, "Cette présence n'est pas dans un panier en attente de paiement."
            )
        # The guide: basket bookings are "définitivement prises en compte après validation du
        # panier" and "sans validation avant le délai d'expiration ... automatiquement annulées".
        if event is BookingEvent.BASKET_EXPIRED:
            return Transition(state, BookingState.EXPIRED)
        return _paid(policy, state)
    # PLACE_FREED
    if state is not BookingState.WAITING:
        return Refusal(RefusalCode.NOT_WAITING, "Cette présence n'est pas en liste d'attente.")
    return Transition(state, _promoted_state(policy))


def _actor_refusal(event: BookingEvent, actor: Actor) -> Refusal | None:
    if event in _STAFF_EVENTS and actor is not Actor.STAFF:
        return Refusal(RefusalCode.NOT_ALLOWED, "Seul le service peut prendre cette décision.")
    if event in _SYSTEM_EVENTS and actor is not Actor.SYSTEM:
        return Refusal(RefusalCode.NOT_ALLOWED, "Cette étape est faite automatiquement par le portail.")
    if event in _BOOK_EVENTS | _CANCEL_EVENTS and actor is Actor.SYSTEM:
        # The portal never books or cancels on its own: someone answers for every such change.
        return Refusal(RefusalCode.NOT_ALLOWED, "Une réservation ou une annulation se fait par une personne.")
    return None


def _paid(policy: BookingPolicy, state: BookingState = BookingState.EXPIRED) -> Transition:
    # Paid: accepted, or still pending where staff decide (they now see it in their queue).
    return Transition(state, BookingState.ACCEPTED if policy.automatic_acceptance else BookingState.PENDING)


def _placed_state(policy: BookingPolicy) -> BookingState:
    # A basket booking is pending until paid, whatever the acceptance: nothing is definitive before.
    if policy.automatic_acceptance and not policy.paid_at_booking:
        return BookingState.ACCEPTED
    return BookingState.PENDING


def _promoted_state(policy: BookingPolicy) -> BookingState:
    if not policy.automatic_promotion:
        return BookingState.PENDING  # staff confirm it like any request
    return _placed_state(policy)


def _book(state: BookingState | None, event: BookingEvent, policy: BookingPolicy) -> Transition | Refusal:
    if is_active(state):
        return Refusal(RefusalCode.ALREADY_BOOKED, "Une présence est déjà demandée pour ce jour.")
    if event is BookingEvent.BOOK:
        return Transition(state, _placed_state(policy))
    if policy.waiting_list:
        return Transition(state, BookingState.WAITING)
    return Refusal(RefusalCode.FULL, "Il n'y a plus de place pour ce jour.")


def _cancel(
    state: BookingState, event: BookingEvent, actor: Actor, policy: BookingPolicy
) -> Transition | Refusal:
    if actor is Actor.STAFF:
        # Staff may always cancel (an illness with a certificate, a closure); they answer for it.
        return Transition(state, BookingState.CANCELLED)
    if state is BookingState.CANCELLATION_REQUESTED:
        return Refusal(
            RefusalCode.CANCELLATION_ALREADY_REQUESTED, "Une demande d'annulation est déjà en cours."
        )
    if state is BookingState.ACCEPTED and event is BookingEvent.CANCEL_AFTER_DEADLINE:
        if policy.late_cancellation is LateCancellation.REQUEST:
            return Transition(state, BookingState.CANCELLATION_REQUESTED)
        if policy.late_cancellation is LateCancellation.CHARGE:
            return Transition(state, BookingState.CANCELLED)
        return Refusal(RefusalCode.CANCELLATION_DEADLINE_PASSED, "Le délai d'annulation est dépassé.")
    # A pending request was never granted (nor paid), and a waiting one holds no place: withdrawing
    # either costs the town nothing, even late.
    return Transition(state, BookingState.CANCELLED)


def _decide(state: BookingState, event: BookingEvent) -> Transition | Refusal:
    accept = event is BookingEvent.ACCEPT
    if state is BookingState.PENDING:
        return Transition(state, BookingState.ACCEPTED if accept else BookingState.REFUSED)
    if state is BookingState.WAITING:
        if accept:
            # Capacity is never exceeded: a waiting booking gets a place only when one frees.
            return Refusal(
                RefusalCode.WAITING_FOR_PLACE, "Aucune place ne s'est libérée pour cette présence en attente."
            )
        return Transition(state, BookingState.REFUSED)
    if state is BookingState.CANCELLATION_REQUESTED:
        return Refusal(
            RefusalCode.CANCELLATION_PENDING,
            "Une demande d'annulation est en cours : acceptez-la ou refusez-la.",
        )
    return Refusal(RefusalCode.ALREADY_DECIDED, "Cette présence est déjà acceptée.")


class RequestState(StrEnum):
    """Where a booking request (a "dossier") stands, derived from its bookings."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    PARTIALLY_ACCEPTED = "partially_accepted"
    REFUSED = "refused"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


# The words of the confirmation mail ("EN ATTENTE DE TRAITEMENT, ACCEPTÉE ou REFUSÉE").
REQUEST_STATE_LABELS: dict[RequestState, str] = {
    RequestState.PENDING: "En attente de traitement",
    RequestState.ACCEPTED: "Acceptée",
    RequestState.PARTIALLY_ACCEPTED: "Partiellement acceptée",
    RequestState.REFUSED: "Refusée",
    RequestState.CANCELLED: "Annulée",
    RequestState.EXPIRED: "Expirée",
}


def request_number_text(number: int) -> str:
    """A request's number as the family reads it ("N° dossier 004062")."""
    return f"{number:06d}"


_AWAITING = frozenset({BookingState.PENDING, BookingState.WAITING, BookingState.CANCELLATION_REQUESTED})


def request_state(states: Iterable[BookingState]) -> RequestState:
    """The state of a request whose bookings are in ``states``.

    Pending while any booking awaits something (staff, payment, a place). Once all are settled:
    accepted when some were accepted (partially when others were refused; days the family later
    cancelled do not make it partial), else refused, expired or cancelled, in that order.
    """
    present = set(states)
    if not present:
        raise ValueError("a booking request has at least one booking")
    if present & _AWAITING:
        return RequestState.PENDING
    if BookingState.ACCEPTED in present:
        if BookingState.REFUSED in present:
            return RequestState.PARTIALLY_ACCEPTED
        return RequestState.ACCEPTED
    if BookingState.REFUSED in present:
        return RequestState.REFUSED
    if BookingState.EXPIRED in present:
        return RequestState.EXPIRED
    return RequestState.CANCELLED


def late_note(cancel: bool, late: bool) -> str:
    """What a line past its deadline adds to its state's label."""
    if not late:
        return ""
    if cancel:
        return " (annulation hors délai : la journée reste facturée)"
    return " (réservation hors délai, au tarif hors délai)"


def cancellation_words(outcome: BookingState, charged: bool) -> str:
    """What a cancellation taken now gives, as the day window says it."""
    if outcome is BookingState.PENDING:
        return (
            "L'annulation attendra dans « Mon panier » : le jour sera annulé et crédité en avoir une fois "
            "le panier validé."
        )
    if outcome is BookingState.CANCELLATION_REQUESTED:
        return "Le délai d'annulation est dépassé : une demande d'annulation sera transmise au service."
    if charged:
        return "Annulée aussitôt, mais facturée : le délai d'annulation est dépassé."
    return "Annulée aussitôt."
