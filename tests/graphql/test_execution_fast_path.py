"""The plain leaves' shortcut (``portail.schema.execution``) answers exactly what graphql-core does.

Each document is answered twice, with and without the shortcut, and the answers compared byte for
byte: first on a small schema whose values go wrong in every way a plain leaf can (null in a
non-null field, a dict source, values of the wrong type, out of range…), then over HTTP on the
app's real schema and real data (the month planning with waiting bookings, the household records,
a booking request previewed and submitted, invoices, refusals), swapping the GraphQL view's schema
between the two. The readers are counted too: every leaf of the planning comes through the
shortcut, and nothing that has a resolver, permission classes or extensions does.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from enum import Enum, StrEnum
from inspect import isawaitable
from typing import Any

import strawberry
from strawberry.extensions import FieldExtension, SchemaExtension
from strawberry.permission import BasePermission

from portail.db.models import AuthorizedPerson, Vaccination
from portail.schema import new_schema
from portail.schema.execution import SKIP, PlainLeavesExecutor, Reader, Readers
from portail.schema.scalars import SCALAR_OVERRIDES
from tests.bookings.test_planning_queries import DECEMBER, DECEMBER_DAYS, TODAY, make_town
from tests.payments.test_basket_flow import BASKET, book_a_wednesday
from tests.payments.test_invoices import RUN, invoiced_family
from tests.support.bookings import BOOKABLE, PREVIEW, SUBMIT, at_town_time, change

# -- a small schema, with every way a plain leaf can go wrong ------------------------------------


@strawberry.enum(description="A colour.")
class Colour(Enum):
    RED = "red"
    GREEN = strawberry.enum_value("green", description="Green.")


class Deny(BasePermission):
    message = "Refusé."

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return False


class Shout(FieldExtension):
    def resolve(self, next_: Any, source: Any, info: Any, **kwargs: Any) -> Any:
        return str(next_(source, info, **kwargs)).upper()


@strawberry.type
class Item:
    name: str
    nickname: str | None = None
    count: int = 1
    ratio: float = 0.5
    flag: bool = True
    colour: Colour = Colour.GREEN
    shade: Colour | None = None
    colours: list[Colour] = strawberry.field(default_factory=lambda: [Colour.RED, Colour.GREEN])
    tags: list[str | None] = strawberry.field(default_factory=lambda: ["a", None])
    codes: list[int] | None = None
    day: date = date(2026, 9, 1)
    moment: datetime = datetime.fromisoformat("2026-09-01T08:30:00+02:00")
    id: strawberry.ID = strawberry.ID("item-1")
    hidden: strawberry.Private[str] = "not in the schema"
    guarded: str = strawberry.field(default="guarded", permission_classes=[Deny])
    loud: str = strawberry.field(default="loud", extensions=[Shout()])

    @strawberry.field
    def upper(self) -> str:
        return self.name.upper()


class Named(StrEnum):
    ADA = "ADA"


async def later_name() -> str:
    return "plus tard"


# Item 0 is well formed; each of the others goes wrong in one way (made when asked for: one holds a coroutine).
ITEMS: list[Any] = [
    lambda: Item(name="Ada", nickname="A", count=-(2**31), ratio=-1.25, flag=False, shade=Colour.RED, codes=[1, 2]),
    lambda: Item(name=None),  # null in a non-null field
    lambda: {"name": "a dict"},  # Strawberry's default resolver is getattr: no such attribute
    lambda: Item(name="big", count=2**31),  # not a 32-bit Int
    lambda: Item(name="nan", ratio=math.nan),
    lambda: Item(name="int ratio", ratio=3),  # an int for a Float: graphql-core's coercion
    lambda: Item(name="string colour", colour="RED"),
    lambda: Item(name="bad colours", colours=[Colour.RED, None]),
    lambda: Item(name="mixed tags", tags=["x", None, 3, True]),
    lambda: Item(name=Named.ADA, nickname=7),  # a str subclass, an int for a String
    lambda: Item(name="datetime day", day=datetime(2026, 9, 1, 8, 30)),  # a datetime where a date is expected
    lambda: Item(name="naive moment", moment=datetime(2026, 9, 1, 8, 30)),
    lambda: Item(name=later_name()),  # an awaitable value
    lambda: Item(name="ok", flag=1, codes=(3, 4)),  # an int for a Boolean, a tuple for a list
    lambda: Item(name="bad list", codes=[1, "2"]),
    lambda: Item(name="no id", id=None),
]


@strawberry.type
class Query:
    @strawberry.field
    def item(self, index: int) -> Item | None:
        return ITEMS[index]()  # type: ignore[no-any-return]

    @strawberry.field
    def all(self) -> list[Item]:
        return [ITEMS[0]()]

    @strawberry.field
    async def later(self) -> Item:
        return Item(name="async")


LEAVES = "name nickname count ratio flag colour shade colours tags codes day moment id __typename"
# Every item by index, each with every plain leaf and, for some, the other kinds of fields.
SMALL = (
    "query($skip: Boolean!) { "
    + " ".join(f"i{i}: item(index: {i}) {{ {LEAVES} }}" for i in range(16))
    + " all { ...Leaves again: name upper loud n: name @skip(if: $skip) c: count @include(if: $skip) }"
    + f" later {{ __typename ...on Item {{ {LEAVES} }} }} guarded: item(index: 0) {{ name guarded }} __typename }}"
    + f" fragment Leaves on Item {{ {LEAVES} }}"
)


def small_schemas(*extensions: Any) -> tuple[strawberry.Schema, strawberry.Schema]:
    """The small schema without the shortcut, and with it."""
    plain = strawberry.Schema(query=Query, scalar_overrides=SCALAR_OVERRIDES, extensions=extensions)
    fast = strawberry.Schema(query=Query, scalar_overrides=SCALAR_OVERRIDES, extensions=extensions)
    fast.execution_context_class = PlainLeavesExecutor.for_schema(fast._schema)
    return plain, fast


def counting(schema: strawberry.Schema) -> Counter[tuple[str, str]]:
    """Count, by type and field, the values ``schema``'s readers answer (not those they pass on)."""
    taken: Counter[tuple[str, str]] = Counter()
    base = schema.execution_context_class
    assert issubclass(base, PlainLeavesExecutor)

    def counted(type_name: str, field_name: str, read: Reader) -> Reader:
        def read_and_count(source: Any) -> Any:
            value = read(source)
            if value is not SKIP:
                taken[type_name, field_name] += 1
            return value

        return read_and_count

    readers: Readers = {
        t: {f: counted(t, f, read) for f, read in fields.items()} for t, fields in base.readers.items()
    }
    schema.execution_context_class = type("Counting", (base,), {"readers": readers})
    return taken


def answer(result: Any) -> str:
    """The answer as the view serializes it: data, then the errors as graphql-core formats them."""
    errors = [e.formatted for e in result.errors] if result.errors else None
    return json.dumps({"data": result.data, "errors": errors})


async def test_small_schema_answers_the_same_with_and_without_the_shortcut():
    plain, fast = small_schemas()
    taken = counting(fast)
    for skip in (True, False):
        before = await plain.execute(SMALL, variable_values={"skip": skip})
        after = await fast.execute(SMALL, variable_values={"skip": skip})
        assert answer(after) == answer(before)
        assert after.errors and after.data
    # What the answer shows, to be sure the cases above are the ones meant.
    data = after.data
    assert data["i0"]["colours"] == ["RED", "GREEN"] and data["i0"]["shade"] == "RED"
    assert data["i0"]["day"] == "2026-09-01" and data["i0"]["moment"] == "2026-09-01T08:30:00+02:00"
    assert data["i1"] is None and data["i2"] is None and data["i15"] is None  # null in a non-null field
    assert data["i5"]["ratio"] == 3.0 and data["i9"]["nickname"] == "7" and data["i13"]["codes"] == [3, 4]
    assert data["i10"]["day"] == "2026-09-01T08:30:00" and data["i12"]["name"] == "plus tard"
    assert data["all"][0]["upper"] == "ADA" and data["all"][0]["loud"] == "LOUD" and data["guarded"] is None
    messages = {e.message for e in after.errors}
    assert "Cannot return null for non-nullable field Item.name." in messages
    assert "'dict' object has no attribute 'name'" in messages
    assert "Int cannot represent non 32-bit signed integer value: 2147483648" in messages
    assert "Refusé." in messages
    # Taken: the well-formed leaves. Not: fields with a resolver, permission classes or an extension.
    assert taken["Item", "name"] > 0 and taken["Item", "colour"] > 0 and taken["Item", "colours"] > 0
    assert taken["Item", "day"] > 0 and taken["Item", "moment"] > 0 and taken["Item", "__typename"] > 0
    readers = fast.execution_context_class.readers  # type: ignore[attr-defined]
    assert set(readers["Query"]) == {"__typename"}
    assert {"upper", "guarded", "loud", "hidden"}.isdisjoint(readers["Item"])


class Resolving(SchemaExtension):
    """An extension that sees every field resolved, as graphql-core middleware."""

    fields: list[str] = []

    def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        Resolving.fields.append(info.field_name)
        return _next(root, info, *args, **kwargs)


async def test_an_extension_hooking_resolve_sees_every_field_and_turns_the_shortcut_off():
    plain, fast = small_schemas(Resolving)
    taken = counting(fast)
    Resolving.fields = []
    before = await plain.execute(SMALL, variable_values={"skip": False})
    seen = Resolving.fields
    Resolving.fields = []
    after = await fast.execute(SMALL, variable_values={"skip": False})
    assert answer(after) == answer(before)
    assert Resolving.fields == seen and "colours" in seen
    assert not taken


# -- the app's schema, over HTTP, on real data ---------------------------------------------------

PLANNING = """query Month($from: Date!, $to: Date!, $all: Boolean!, $others: Boolean!, $units: Boolean!,
                    $noChildren: Boolean!) {
  __typename
  legend: bookingLegend { __typename state label }
  planning(from: $from, to: $to, includeCancelledAndRefused: $all, includeOtherAccounts: $others) {
    __typename from to first: from
    children @skip(if: $noChildren) { ...Kid }
    units @include(if: $units) { id name activityName periodId __typename }
    days { date bookings { ...Booked ... on PlannedBooking { st: state waitingPosition } } }
  } }
fragment Kid on PlanningChild { __typename id firstName lastName }
fragment Booked on PlannedBooking { id childId unitId state fromOtherAccount waitingPosition __typename }"""
HOUSEHOLD = """{ viewer { roles account { id email roles confirmed createdAt lastLoginAt pendingEmail }
    profile { firstName lastName } toComplete { section childId missingFields } }
  household { __typename id name address { street city } complementary { familyQuotient }
    certification { needsConfirmation } me { ...Adult } otherGuardian { ...Adult } guardians { ...Adult }
    sections { section state missingFields pendingFields } consents { granted } pendingChanges { field }
    children { __typename id firstName lastName birthDate sex sharedWithAnotherHousehold
      schooling { school classLevel } meals { diet foodAllergies } health { doctorName allergies hasPai }
      vaccinations { vaccine vaccinatedOn } authorizedPersons { firstName lastName mayPickUp }
      authorisations { granted definition { kind } } sections { section state missingFields }
      certification { expiresAt } } } }
fragment Adult on Guardian { __typename firstName lastName }"""
HISTORY = """query($first: Int!) { bookingRequests(first: $first) { edges { cursor node {
  id number numberText state stateLabel path firstDay lastDay children createdAt referent
  lines { id position childName unitName date action state refusal message } } }
  pageInfo { hasNextPage endCursor } } }"""
REFUSED = """query($from: Date!, $to: Date!, $child: ID!, $period: ID!, $staff: Boolean!, $window: Boolean!) {
  planning(from: $from, to: $to) { from days { date } }
  child(id: $child) { firstName }
  other: household(id: $child) { name }
  bookingQueue(first: 1) @include(if: $staff) { totalCount }
  bookableDays(childId: $child, periodId: $period, from: $from, to: $to) @include(if: $window) { path } }"""
INVOICES = """query($toPayOnly: Boolean!) { unpaidInvoiceCount invoices(first: 10, toPayOnly: $toPayOnly) {
  edges { cursor node { __typename id number kind state month total totalText paid leftToPay leftToPayText dueDate
  billedName regie { name } lines { childName designation date quantity unitPrice unitPriceText amount amountText }
  payments { reference online amount } } } pageInfo { hasNextPage endCursor } } }"""


class TwoSchemas:
    """The live server's GraphQL view, answering with the app's own schema (the shortcut; its readers
    counted in ``taken``) or with the same schema built without it."""

    def __init__(self, server: Any, settings: Any) -> None:
        self.view = next(r.endpoint for r in server.app.routes if getattr(r, "path", None) == "/graphql")
        # Schemas of their own: the app's is shared by every app of the process, and these get
        # their readers counted and a mutation's resolver replayed.
        self.fast = self.view.schema = new_schema(settings)
        self.taken = counting(self.fast)
        self.plain = new_schema(settings, plain_leaves=False)
        assert not issubclass(self.plain.execution_context_class, PlainLeavesExecutor)

    async def same(self, client: Any, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The answer to ``query``, asserted byte for byte the same from both schemas (the one
        without the shortcut first); ``taken`` counts the second answer's plain leaves."""
        self.view.schema = self.plain
        try:
            before = await client.raw(query, variables)
        finally:
            self.view.schema = self.fast
        self.taken.clear()
        after = await client.raw(query, variables)
        assert after.status_code == before.status_code == 200
        assert after.content == before.content
        return after.json()  # type: ignore[no-any-return]

    def replaying(self, mutation: str) -> None:
        """``mutation`` runs its resolver once, without the shortcut; with it, its field answers
        what that run returned (so that a mutation's answer can be compared, its writes done once)."""
        answers: list[Any] = []
        field = self.plain._schema.mutation_type.fields[mutation]  # type: ignore[union-attr]
        resolve = field.resolve

        async def recorded(source: Any, info: Any, **kwargs: Any) -> Any:
            value = resolve(source, info, **kwargs)  # type: ignore[misc]
            answers.append(await value if isawaitable(value) else value)
            return answers[-1]

        field.resolve = recorded
        self.fast._schema.mutation_type.fields[mutation].resolve = lambda *_a, **_k: answers.pop()  # type: ignore[union-attr]


def leaves(value: Any) -> Iterator[Any]:
    """The leaf values of an answer, lists of objects walked (for a document without lists of leaves)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    else:
        yield value


async def test_planning_records_and_a_booking_request_answer_the_same(db, browser, clock, settings, live_server):
    at_town_time(clock, TODAY)
    town = await make_town(db, browser)
    family = await town.family(db, browser, "trois@famille.test", "TROIS", "Emma-Rose", "Jules", "Zoé")
    emma = family.children["Emma-Rose"].id
    async with db.transaction() as session:
        session.add(Vaccination(child_id=emma, vaccine="DTP", vaccinated_on=date(2016, 1, 1)))
        session.add(AuthorizedPerson(child_id=emma, first_name="Mamie", last_name="TROIS",
                                     mobile_phone="+33612345678", emergency_contact=True))
    both = TwoSchemas(live_server, settings)
    client = family.client
    month = {"from": DECEMBER[0].isoformat(), "to": DECEMBER[1].isoformat()}

    # The month planning: every leaf of the answer comes through the shortcut.
    body = await both.same(client, PLANNING, {**month, "all": False, "others": False, "units": True,
                                               "noChildren": False})
    planning = body["data"]["planning"]
    states = Counter((b["state"], b["waitingPosition"]) for d in planning["days"] for b in d["bookings"])
    days = len(DECEMBER_DAYS)
    assert states == {("ACCEPTED", None): 3 * days, ("WAITING", 1): days, ("WAITING", 2): days,
                      ("WAITING", 3): days}, states
    assert planning["from"] == "2026-12-01" and planning["__typename"] == "Planning"
    assert sum(both.taken.values()) == len(list(leaves(body["data"]))) > 600
    assert both.taken["PlannedBooking", "state"] == 2 * 6 * days and both.taken["Query", "__typename"] == 1
    body = await both.same(client, PLANNING, {**month, "all": True, "others": True, "units": False,
                                               "noChildren": True})
    assert "units" not in body["data"]["planning"] and "children" not in body["data"]["planning"]

    # The household's records (a field with a resolver among the leaves), the history, a day window.
    body = await both.same(client, HOUSEHOLD)
    assert len(body["data"]["household"]["children"]) == 3 and body["data"]["viewer"]["roles"] == ["FAMILY"]
    assert both.taken["Child", "firstName"] == 3 and both.taken["Viewer", "roles"] == 1
    assert ("Child", "sharedWithAnotherHousehold") not in both.taken
    body = await both.same(client, HISTORY, {"first": 10})
    assert len(body["data"]["bookingRequests"]["edges"]) == 2
    window = {"childId": str(emma), "periodId": str(town.evening.period.id), **month}
    body = await both.same(client, BOOKABLE, window)
    assert body["data"]["bookableDays"]["days"]

    # A request previewed (it writes nothing), then submitted (its resolver run once).
    canteen = town.canteen.unit.id
    request = {"input": {"periodId": str(town.canteen.period.id), "changes": [
        change(emma, canteen, date(2026, 12, 4), "CANCEL"), change(emma, canteen, date(2027, 1, 4)),
        change(emma, canteen, date(2027, 1, 6))]}}  # a Wednesday: refused
    body = await both.same(client, PREVIEW, request)
    assert len(body["data"]["previewBookingRequest"]["summary"]["lines"]) == 3
    both.replaying("submitBookingRequest")
    body = await both.same(client, SUBMIT, request)
    assert body["data"]["submitBookingRequest"]["request"]["number"] == 4
    assert both.taken["BookingRequest", "createdAt"] == 1 and both.taken["BookingRequest", "children"] == 1
    await both.same(client, PLANNING, {**month, "all": True, "others": False, "units": True, "noChildren": False})

    # Another family's child and household: null beside the data; staff only, or not found: refused.
    lucas = town.first.children["Lucas"].id
    refused = {**month, "child": str(lucas), "period": str(town.evening.period.id)}
    codes = {}
    for case in ("beside", "staff", "window"):
        body = await both.same(client, REFUSED, {**refused, "staff": case == "staff", "window": case == "window"})
        codes[case] = (body["data"] and body["data"]["planning"]["from"],
                       [e["extensions"]["code"] for e in body.get("errors", [])])
    assert codes == {"beside": ("2026-12-01", []), "staff": (None, ["FORBIDDEN"]), "window": (None, ["NOT_FOUND"])}


async def test_a_basket_answers_the_same(db, browser, clock, settings, live_server):
    _, family, _ = await book_a_wednesday(db, browser, clock, acceptance="automatic")
    both = TwoSchemas(live_server, settings)
    body = await both.same(family.client, BASKET)
    assert body["data"]["basket"]["total"] == 770 and both.taken["BasketLine", "amountText"] == 1


async def test_invoices_answer_the_same(db, browser, clock, settings, smtp, live_server):
    _, _, client, agent = await invoiced_family(db, browser, clock, smtp)
    assert (await agent.data(RUN, {"month": "2027-01"}))["runInvoicing"]["errors"] == []
    both = TwoSchemas(live_server, settings)
    for to_pay_only in (True, False):
        body = await both.same(client, INVOICES, {"toPayOnly": to_pay_only})
        assert body["data"]["unpaidInvoiceCount"] == 1
        assert both.taken["InvoiceLine", "designation"] == 3
