"""The booking state machine (``portail.rules.booking_states``): every state × event × actor, as a table."""

from __future__ import annotations

import itertools

import pytest

from portail.rules.booking_states import (
    ACTIVE_STATES,
    DEFAULT_POLICY,
    HIDDEN_UNLESS_ASKED,
    STATE_LABELS,
    Actor,
    BookingEvent,
    BookingPolicy,
    BookingState,
    LateCancellation,
    Refusal,
    RequestState,
    Transition,
    cancellation_words,
    held_in_basket,
    holds_place,
    is_active,
    late_note,
    request_state,
    staff_decision_event,
    state_label,
    still_charged,
    transition,
)

P = BookingState.PENDING
A = BookingState.ACCEPTED
W = BookingState.WAITING
CR = BookingState.CANCELLATION_REQUESTED
C = BookingState.CANCELLED
R = BookingState.REFUSED
E = BookingState.EXPIRED

Ev = BookingEvent
# Refusal codes, short.
NA = "NOT_ALLOWED"
AB = "ALREADY_BOOKED"
FULL = "FULL"
NB = "NO_BOOKING"
END = "BOOKING_ENDED"
LATE = "CANCELLATION_DEADLINE_PASSED"
AR = "CANCELLATION_ALREADY_REQUESTED"
CP = "CANCELLATION_PENDING"
NCR = "NO_CANCELLATION_REQUEST"
AD = "ALREADY_DECIDED"
WFP = "WAITING_FOR_PLACE"
NIB = "NOT_IN_BASKET"
NW = "NOT_WAITING"

# (state, event): (family, staff, system), under the default policy (staff accept, invoiced
# later, no waiting list, late cancellations become requests). A state means allowed, to it.
TABLE: dict[tuple[BookingState | None, BookingEvent], tuple[object, object, object]] = {
    # No booking for the day yet.
    (None, Ev.BOOK): (P, P, NA),
    (None, Ev.BOOK_WHEN_FULL): (FULL, FULL, NA),
    (None, Ev.CANCEL_BEFORE_DEADLINE): (NB, NB, NA),
    (None, Ev.CANCEL_AFTER_DEADLINE): (NB, NB, NA),
    (None, Ev.ACCEPT): (NA, NB, NA),
    (None, Ev.REFUSE): (NA, NB, NA),
    (None, Ev.ACCEPT_CANCELLATION): (NA, NB, NA),
    (None, Ev.REFUSE_CANCELLATION): (NA, NB, NA),
    (None, Ev.BASKET_EXPIRED): (NA, NA, NB),
    (None, Ev.BASKET_PAID): (NA, NA, NB),
    (None, Ev.PLACE_FREED): (NA, NA, NB),
    # "Présence en attente de traitement"
    (P, Ev.BOOK): (AB, AB, NA),
    (P, Ev.BOOK_WHEN_FULL): (AB, AB, NA),
    (P, Ev.CANCEL_BEFORE_DEADLINE): (C, C, NA),
    (P, Ev.CANCEL_AFTER_DEADLINE): (C, C, NA),  # never granted: withdrawing it costs nothing
    (P, Ev.ACCEPT): (NA, A, NA),
    (P, Ev.REFUSE): (NA, R, NA),
    (P, Ev.ACCEPT_CANCELLATION): (NA, NCR, NA),
    (P, Ev.REFUSE_CANCELLATION): (NA, NCR, NA),
    (P, Ev.BASKET_EXPIRED): (NA, NA, E),
    (P, Ev.BASKET_PAID): (NA, NA, P),  # paid; staff still decide under the default policy
    (P, Ev.PLACE_FREED): (NA, NA, NW),
    # "Présence acceptée"
    (A, Ev.BOOK): (AB, AB, NA),
    (A, Ev.BOOK_WHEN_FULL): (AB, AB, NA),
    (A, Ev.CANCEL_BEFORE_DEADLINE): (C, C, NA),
    (A, Ev.CANCEL_AFTER_DEADLINE): (CR, C, NA),  # the family asks; staff just cancel
    (A, Ev.ACCEPT): (NA, AD, NA),
    (A, Ev.REFUSE): (NA, AD, NA),
    (A, Ev.ACCEPT_CANCELLATION): (NA, NCR, NA),
    (A, Ev.REFUSE_CANCELLATION): (NA, NCR, NA),
    (A, Ev.BASKET_EXPIRED): (NA, NA, NIB),
    (A, Ev.BASKET_PAID): (NA, NA, NIB),  # a replayed payment notice
    (A, Ev.PLACE_FREED): (NA, NA, NW),
    # In the waiting line
    (W, Ev.BOOK): (AB, AB, NA),
    (W, Ev.BOOK_WHEN_FULL): (AB, AB, NA),
    (W, Ev.CANCEL_BEFORE_DEADLINE): (C, C, NA),
    (W, Ev.CANCEL_AFTER_DEADLINE): (C, C, NA),  # it holds no place
    (W, Ev.ACCEPT): (NA, WFP, NA),  # capacity is never exceeded
    (W, Ev.REFUSE): (NA, R, NA),
    (W, Ev.ACCEPT_CANCELLATION): (NA, NCR, NA),
    (W, Ev.REFUSE_CANCELLATION): (NA, NCR, NA),
    (W, Ev.BASKET_EXPIRED): (NA, NA, NIB),
    (W, Ev.BASKET_PAID): (NA, NA, NIB),
    (W, Ev.PLACE_FREED): (NA, NA, P),
    # "Demande d'annulation"
    (CR, Ev.BOOK): (AB, AB, NA),
    (CR, Ev.BOOK_WHEN_FULL): (AB, AB, NA),
    (CR, Ev.CANCEL_BEFORE_DEADLINE): (AR, C, NA),
    (CR, Ev.CANCEL_AFTER_DEADLINE): (AR, C, NA),
    (CR, Ev.ACCEPT): (NA, CP, NA),
    (CR, Ev.REFUSE): (NA, CP, NA),
    (CR, Ev.ACCEPT_CANCELLATION): (NA, C, NA),
    (CR, Ev.REFUSE_CANCELLATION): (NA, A, NA),
    (CR, Ev.BASKET_EXPIRED): (NA, NA, NIB),
    (CR, Ev.BASKET_PAID): (NA, NA, NIB),
    (CR, Ev.PLACE_FREED): (NA, NA, NW),
    # "Présence annulée": the day is free again
    (C, Ev.BOOK): (P, P, NA),
    (C, Ev.BOOK_WHEN_FULL): (FULL, FULL, NA),
    (C, Ev.CANCEL_BEFORE_DEADLINE): (END, END, NA),
    (C, Ev.CANCEL_AFTER_DEADLINE): (END, END, NA),
    (C, Ev.ACCEPT): (NA, END, NA),
    (C, Ev.REFUSE): (NA, END, NA),
    (C, Ev.ACCEPT_CANCELLATION): (NA, END, NA),
    (C, Ev.REFUSE_CANCELLATION): (NA, END, NA),
    (C, Ev.BASKET_EXPIRED): (NA, NA, END),
    (C, Ev.BASKET_PAID): (NA, NA, END),
    (C, Ev.PLACE_FREED): (NA, NA, END),
    # "Présence refusée"
    (R, Ev.BOOK): (P, P, NA),
    (R, Ev.BOOK_WHEN_FULL): (FULL, FULL, NA),
    (R, Ev.CANCEL_BEFORE_DEADLINE): (END, END, NA),
    (R, Ev.CANCEL_AFTER_DEADLINE): (END, END, NA),
    (R, Ev.ACCEPT): (NA, END, NA),
    (R, Ev.REFUSE): (NA, END, NA),
    (R, Ev.ACCEPT_CANCELLATION): (NA, END, NA),
    (R, Ev.REFUSE_CANCELLATION): (NA, END, NA),
    (R, Ev.BASKET_EXPIRED): (NA, NA, END),
    (R, Ev.BASKET_PAID): (NA, NA, END),  # paid too late: the booking stays expired or refused
    (R, Ev.PLACE_FREED): (NA, NA, END),
    # "Expirée"
    (E, Ev.BOOK): (P, P, NA),
    (E, Ev.BOOK_WHEN_FULL): (FULL, FULL, NA),
    (E, Ev.CANCEL_BEFORE_DEADLINE): (END, END, NA),
    (E, Ev.CANCEL_AFTER_DEADLINE): (END, END, NA),
    (E, Ev.ACCEPT): (NA, END, NA),
    (E, Ev.REFUSE): (NA, END, NA),
    (E, Ev.ACCEPT_CANCELLATION): (NA, END, NA),
    (E, Ev.REFUSE_CANCELLATION): (NA, END, NA),
    (E, Ev.BASKET_EXPIRED): (NA, NA, END),
    (E, Ev.BASKET_PAID): (NA, NA, P),  # paid late: honoured when the caller still finds a place
    (E, Ev.PLACE_FREED): (NA, NA, END),
}

STATES: list[BookingState | None] = [None, *BookingState]
ACTORS = (Actor.FAMILY, Actor.STAFF, Actor.SYSTEM)
TRIPLES = [
    (state, event, actor, TABLE[state, event][i])
    for (state, event) in TABLE
    for i, actor in enumerate(ACTORS)
]


def test_the_table_covers_every_state_event_and_actor() -> None:
    assert set(TABLE) == set(itertools.product(STATES, BookingEvent))
    assert len(TRIPLES) == len(STATES) * len(BookingEvent) * len(Actor) == 8 * 11 * 3


@pytest.mark.parametrize(
    ("state", "event", "actor", "expected"),
    TRIPLES,
    ids=[f"{s and s.value}-{e.value}-{a.value}" for s, e, a, _ in TRIPLES],
)
def test_transition(state, event, actor, expected) -> None:
    outcome = transition(state, event, actor)
    if isinstance(expected, BookingState):
        assert outcome == Transition(state, expected)
    else:
        assert isinstance(outcome, Refusal)
        assert outcome.code == expected
        assert outcome.message.endswith(".")  # a French sentence for the family


POLICIES = [
    BookingPolicy(accept, paid, waiting, late, promote)
    for accept, paid, waiting, late, promote in itertools.product(
        (False, True), (False, True), (False, True), list(LateCancellation), (False, True)
    )
]


@pytest.mark.parametrize(
    ("policy", "state", "event", "expected"),
    [
        # "Nouvelle présence" with a place left: accepted at once only when the activity says so and
        # nothing is to be paid first; a basket booking is pending until paid.
        (BookingPolicy(automatic_acceptance=True), None, Ev.BOOK, A),
        (BookingPolicy(automatic_acceptance=True), C, Ev.BOOK, A),
        (BookingPolicy(automatic_acceptance=False), None, Ev.BOOK, P),
        (BookingPolicy(automatic_acceptance=True, paid_at_booking=True), None, Ev.BOOK, P),
        (BookingPolicy(paid_at_booking=True), None, Ev.BOOK, P),
        # The basket paid: accepted where the activity accepts at once, else it waits for staff.
        (BookingPolicy(automatic_acceptance=True, paid_at_booking=True), P, Ev.BASKET_PAID, A),
        (BookingPolicy(paid_at_booking=True), P, Ev.BASKET_PAID, P),
        (BookingPolicy(automatic_acceptance=True, paid_at_booking=True), E, Ev.BASKET_PAID, A),
        # A full day: the waiting line where the activity has one.
        (BookingPolicy(waiting_list=True), None, Ev.BOOK_WHEN_FULL, W),
        (BookingPolicy(waiting_list=True), E, Ev.BOOK_WHEN_FULL, W),
        (BookingPolicy(waiting_list=False), None, Ev.BOOK_WHEN_FULL, FULL),
        (BookingPolicy(waiting_list=True), A, Ev.BOOK_WHEN_FULL, AB),
        # Cancelling late: a request to staff, refused, or taken and charged.
        (BookingPolicy(late_cancellation=LateCancellation.REQUEST), A, Ev.CANCEL_AFTER_DEADLINE, CR),
        (BookingPolicy(late_cancellation=LateCancellation.REFUSE), A, Ev.CANCEL_AFTER_DEADLINE, LATE),
        (BookingPolicy(late_cancellation=LateCancellation.REFUSE), A, Ev.CANCEL_BEFORE_DEADLINE, C),
        (BookingPolicy(late_cancellation=LateCancellation.REFUSE), P, Ev.CANCEL_AFTER_DEADLINE, C),
        (BookingPolicy(late_cancellation=LateCancellation.REFUSE), W, Ev.CANCEL_AFTER_DEADLINE, C),
        (BookingPolicy(late_cancellation=LateCancellation.CHARGE), A, Ev.CANCEL_AFTER_DEADLINE, C),
        (BookingPolicy(late_cancellation=LateCancellation.CHARGE), CR, Ev.CANCEL_AFTER_DEADLINE, AR),
        # A freed place for the first in line: as a new booking with a place, unless staff confirm.
        (BookingPolicy(automatic_acceptance=True), W, Ev.PLACE_FREED, A),
        (BookingPolicy(automatic_acceptance=True, automatic_promotion=False), W, Ev.PLACE_FREED, P),
        (BookingPolicy(automatic_acceptance=True, paid_at_booking=True), W, Ev.PLACE_FREED, P),
        (BookingPolicy(automatic_acceptance=False), W, Ev.PLACE_FREED, P),
    ],
)
def test_what_the_activity_settings_change(policy, state, event, expected) -> None:
    actor = Actor.SYSTEM if event in (Ev.PLACE_FREED, Ev.BASKET_PAID) else Actor.FAMILY
    outcome = transition(state, event, actor, policy)
    if isinstance(expected, BookingState):
        assert outcome == Transition(state, expected)
    else:
        assert isinstance(outcome, Refusal) and outcome.code == expected


@pytest.mark.parametrize("policy", POLICIES, ids=str)
def test_settings_change_only_their_own_cells(policy: BookingPolicy) -> None:
    # Under any settings, allowed or refused is the table's, except the cells the settings are for.
    own = {(None, Ev.BOOK_WHEN_FULL), (C, Ev.BOOK_WHEN_FULL), (R, Ev.BOOK_WHEN_FULL), (E, Ev.BOOK_WHEN_FULL)}
    own.add((A, Ev.CANCEL_AFTER_DEADLINE))
    for state, event, actor, expected in TRIPLES:
        if (state, event) in own and actor is not Actor.SYSTEM:
            continue
        outcome = transition(state, event, actor, policy)
        assert isinstance(outcome, Refusal) == (not isinstance(expected, BookingState)), (state, event, actor)
        if isinstance(outcome, Refusal):
            assert outcome.code == expected


@pytest.mark.parametrize("policy", POLICIES, ids=str)
def test_only_booking_and_a_freed_place_take_a_place(policy: BookingPolicy) -> None:
    # So capacity is checked (under lock) at exactly these events, and nowhere else: booking, a
    # freed place, and a basket paid after it expired (resolvers.payments checks the places left).
    for state, event, actor in itertools.product(STATES, BookingEvent, Actor):
        outcome = transition(state, event, actor, policy)
        if isinstance(outcome, Transition) and outcome.takes_place:
            assert event in (Ev.BOOK, Ev.PLACE_FREED) or (state, event) == (E, Ev.BASKET_PAID)
            assert not holds_place(state)


@pytest.mark.parametrize(
    ("previous", "state", "takes", "frees"),
    [
        (None, P, True, False),
        (None, A, True, False),
        (None, W, False, False),
        (C, P, True, False),
        (W, P, True, False),
        (W, A, True, False),
        (W, C, False, False),
        (W, R, False, False),
        (P, A, False, False),
        (P, C, False, True),
        (P, R, False, True),
        (P, E, False, True),
        (A, CR, False, False),
        (A, C, False, True),
        (CR, C, False, True),
        (CR, A, False, False),
    ],
)
def test_which_transitions_take_or_free_a_place(previous, state, takes, frees) -> None:
    change = Transition(previous, state)
    assert (change.takes_place, change.frees_place) == (takes, frees)


@pytest.mark.parametrize(
    ("state", "holds", "active", "hidden"),
    [
        (None, False, False, False),
        (P, True, True, False),
        (A, True, True, False),
        (CR, True, True, False),  # if staff refuse the cancellation the child comes
        (W, False, True, False),
        (C, False, False, True),
        (R, False, False, True),
        (E, False, False, True),
    ],
)
def test_what_each_state_counts_for(state, holds, active, hidden) -> None:
    assert holds_place(state) is holds
    assert is_active(state) is active
    assert (state in HIDDEN_UNLESS_ASKED) is hidden
    assert (state in ACTIVE_STATES) is active


@pytest.mark.parametrize(
    ("state", "label"),
    [
        (P, "Présence en attente de traitement"),
        (CR, "Demande d'annulation"),
        (C, "Présence annulée"),
        (R, "Présence refusée"),
        (A, "Présence acceptée"),
        (E, "Expirée"),
        (W, "Présence en liste d'attente"),
    ],
)
def test_labels_are_the_guides_legend(state, label) -> None:
    assert state_label(state) == label


def test_every_state_has_a_label() -> None:
    assert set(STATE_LABELS) == set(BookingState)


@pytest.mark.parametrize(
    ("state", "accept", "event"),
    [
        (P, True, Ev.ACCEPT),
        (P, False, Ev.REFUSE),
        (W, False, Ev.REFUSE),
        (CR, True, Ev.ACCEPT_CANCELLATION),
        (CR, False, Ev.REFUSE_CANCELLATION),
        (A, True, Ev.ACCEPT),
    ],
)
def test_one_staff_decision_answers_requests_and_cancellation_requests(state, accept, event) -> None:
    assert staff_decision_event(state, accept) is event


@pytest.mark.parametrize(
    ("states", "expected"),
    [
        ([P], RequestState.PENDING),
        ([P, A], RequestState.PENDING),
        ([A, W], RequestState.PENDING),
        ([A, CR], RequestState.PENDING),
        ([R, P], RequestState.PENDING),
        ([A], RequestState.ACCEPTED),
        ([A, A, A], RequestState.ACCEPTED),
        ([A, C], RequestState.ACCEPTED),  # a day cancelled later does not undo the acceptance
        ([A, E], RequestState.ACCEPTED),
        ([A, R], RequestState.PARTIALLY_ACCEPTED),
        ([A, R, C, E], RequestState.PARTIALLY_ACCEPTED),
        ([R], RequestState.REFUSED),
        ([R, C], RequestState.REFUSED),
        ([R, E], RequestState.REFUSED),
        ([E], RequestState.EXPIRED),
        ([E, C], RequestState.EXPIRED),
        ([C], RequestState.CANCELLED),
        ([C, C], RequestState.CANCELLED),
    ],
)
def test_a_request_state_comes_from_its_bookings(states, expected) -> None:
    assert request_state(states) is expected
    assert request_state(reversed(states)) is expected


def test_a_request_without_bookings_is_a_bug() -> None:
    with pytest.raises(ValueError, match="at least one booking"):
        request_state([])


def test_the_default_policy_is_staff_acceptance_without_waiting_list() -> None:
    assert (
        BookingPolicy(
            automatic_acceptance=False,
            paid_at_booking=False,
            waiting_list=False,
            late_cancellation=LateCancellation.REQUEST,
            automatic_promotion=True,
        )
        == DEFAULT_POLICY
    )


@pytest.mark.parametrize("policy", POLICIES, ids=str)
def test_only_a_late_cancellation_of_an_accepted_day_by_the_family_is_still_charged(
    policy: BookingPolicy,
) -> None:
    for state, event, actor, _ in TRIPLES:
        charged = still_charged(state, event, actor, policy)
        expected = (
            policy.late_cancellation is LateCancellation.CHARGE
            and (state, event, actor) == (A, Ev.CANCEL_AFTER_DEADLINE, Actor.FAMILY)
        )
        assert charged == expected, (state, event, actor)
        if charged:
            # Charged, and cancelled all the same: the place goes to others.
            assert transition(state, event, actor, policy) == Transition(A, BookingState.CANCELLED)


def test_only_a_paid_day_cancelled_in_time_by_the_family_waits_in_the_basket() -> None:
    credits = BookingPolicy(paid_at_booking=True, credit_paid_cancellations=True)
    assert held_in_basket(C, Ev.CANCEL_BEFORE_DEADLINE, Actor.FAMILY, credits, paid=True)
    # Not paid (a booking still in its first basket), late, by staff, or where the price is kept: no.
    assert not held_in_basket(C, Ev.CANCEL_BEFORE_DEADLINE, Actor.FAMILY, credits, paid=False)
    assert not held_in_basket(C, Ev.CANCEL_AFTER_DEADLINE, Actor.FAMILY, credits, paid=True)
    assert not held_in_basket(CR, Ev.CANCEL_AFTER_DEADLINE, Actor.FAMILY, credits, paid=True)
    assert not held_in_basket(C, Ev.CANCEL_BEFORE_DEADLINE, Actor.STAFF, credits, paid=True)
    keeps = BookingPolicy(paid_at_booking=True, credit_paid_cancellations=False)
    assert not held_in_basket(C, Ev.CANCEL_BEFORE_DEADLINE, Actor.FAMILY, keeps, paid=True)
    invoiced = BookingPolicy(paid_at_booking=False, credit_paid_cancellations=True)
    assert not held_in_basket(C, Ev.CANCEL_BEFORE_DEADLINE, Actor.FAMILY, invoiced, paid=True)


@pytest.mark.parametrize(
    ("cancel", "late", "note"),
    [
        (False, False, ""),
        (True, False, ""),
        (False, True, " (réservation hors délai, au tarif hors délai)"),
        (True, True, " (annulation hors délai : la journée reste facturée)"),
    ],
)
def test_a_line_past_its_deadline_says_what_it_costs(cancel: bool, late: bool, note: str) -> None:
    assert late_note(cancel, late) == note


@pytest.mark.parametrize(
    ("outcome", "charged", "words"),
    [
        (BookingState.CANCELLED, False, "Annulée aussitôt."),
        (BookingState.CANCELLED, True, "Annulée aussitôt, mais facturée : le délai d'annulation est dépassé."),
        (BookingState.CANCELLATION_REQUESTED, False, "une demande d'annulation sera transmise au service"),
        (BookingState.PENDING, False, "attendra dans « Mon panier »"),
    ],
)
def test_the_day_window_says_what_cancelling_now_gives(outcome: BookingState, charged: bool, words: str) -> None:
    assert words in cancellation_words(outcome, charged)
