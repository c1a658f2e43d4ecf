"""The authorisation table: every query and mutation that takes an id, called by family A with family
B's ids, answers exactly as it answers an unknown id (the same JSON as with a random UUID, or with a
malformed id) and changes nothing. Staff-only operations refuse families with FORBIDDEN, whatever the id.

A meta-test reads the schema: an operation taking an id (as an argument, or inside an input) that is
missing from the table fails the suite, so no id-taking operation can be added without its line here.

Each line is checked against a control: the same call by the id's owner (family B, or staff for
staff-only operations) does not answer "not found", so the ids used are real and the refusal comes from
who asks, not from a wrong id."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
import pytest
from graphql import GraphQLInputType, get_named_type, is_input_object_type

from portail.db.models import Account, DocumentType, Guardian, Household
from portail.db.models.base import utcnow
from portail.db.models.invoices import Invoice
from portail.schema import build_schema
from tests.support.accounts import signed_in
from tests.support.bookings import SUBMIT, at_town_time, change, enrol, make_centre, repeat
from tests.support.builders import make_family, make_staff
from tests.support.catalogue import make_service, unit_input
from tests.support.documents import (
    PUBLISH,
    caf_certificate,
    make_child,
    make_document_type,
    pdf_bytes,
    png_bytes,
    post_file,
    upload,
    upload_data,
)
from tests.support.graphql import GraphQLClient
from tests.support.pages import nodes
from tests.support.snapshot import SavedState, database_state, restore_state, save_state, stored_files

FILE = ("justificatif.pdf", pdf_bytes("Justificatif"), "application/pdf")
ERRORS = "errors { field code message }"
TODAY = date(2026, 11, 27)  # a Friday: the bookings below are all ahead, before their deadlines
B_BOOKED_DAY = date(2027, 1, 6)  # the Wednesday family B's request (awaiting staff) books
DAY = date(2026, 12, 16)  # a free Wednesday of the centre, for one-off changes

# What family A gets with another family's id, exactly as with an unknown one.
NULL = "null"  # a query answering null
EMPTY = "empty"  # a list query answering no item (a connection without edges)
NOT_FOUND = "not found"  # a NOT_FOUND error naming the argument (in the payload, or top-level for a query)
FORBIDDEN = "forbidden"  # staff only: refused before the id is even looked at


@dataclass
class World:
    """Family A (signed in), family B with its records and documents, and staff; the ids in play."""

    a: GraphQLClient
    b: GraphQLClient
    staff: GraphQLClient
    ids: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    """One line of the table: an operation, the id argument under test, and how A is answered."""

    operation: str  # "Query.child", "Mutation.updateChild"
    argument: str  # the argument, or the path to an id inside an input ("answers.definitionId")
    foreign: str  # the key of the id in ``World.ids`` that family A must not reach
    expect: str
    document: str
    variables: Callable[[World, str], dict[str, Any]]
    control: str = "b"  # who may use the id: "b", "staff", or "a" (with ``control_id``)
    control_id: str | None = None  # for "a": the id A may use instead (the town's current one)
    # Codes the control may answer all the same: the id was found, the call refused for another reason.
    control_codes: tuple[str, ...] = ()
    error_field: str | None = None  # the field named by the error (default: ``argument``)
    empty_ok: bool = False  # the control may answer an empty list (no error is what it proves)
    upload: bool = False  # a multipart request with ``FILE`` (or ``file``) as ``$file``
    file: tuple[str, bytes, str] | None = None  # the file of an upload, when not ``FILE`` (a picture)

    @property
    def name(self) -> str:
        return f"{self.operation}({self.argument})"

    @property
    def root_field(self) -> str:
        return self.operation.split(".", 1)[1]


def payload(selection: str) -> str:
    return f"{selection} {ERRORS}"


def december(child_id: str, unit_id: str) -> dict[str, Any]:
    """A repeat: every Wednesday of December (the 2nd, 9th and 16th; then the holidays)."""
    return repeat([child_id], [unit_id], ["WEDNESDAY"], start=date(2026, 12, 1), end=date(2026, 12, 31))


def booking_request_cases(mutation: str) -> list[Case]:
    """``previewBookingRequest`` and ``submitBookingRequest`` take the same input: the same five lines."""
    operation = f"Mutation.{mutation}"
    selection = "summary { total }" + (" request { id }" if mutation.startswith("submit") else "")
    document = (f"mutation($input: BookingRequestInput!) {{ {mutation}(input: $input) {{ "
                + payload(selection) + " } }")
    return [
        # Periods are the town's: an id of another catalogue row (the canteen's unit) is an unknown period.
        Case(operation, "input.periodId", "unit", NOT_FOUND, document,
             lambda w, id_: {"input": {"periodId": id_,
                                       "changes": [change(w.ids["child_a"], w.ids["booking_unit"], DAY)]}},
             control="a", control_id="booking_period", error_field="periodId"),
        Case(operation, "input.changes.childId", "child_b", NOT_FOUND, document,
             lambda w, id_: {"input": {"periodId": w.ids["booking_period"],
                                       "changes": [change(id_, w.ids["booking_unit"], DAY)]}},
             error_field="changes.0.childId"),
        # A unit of another period (the canteen's) is answered like an unknown unit.
        Case(operation, "input.changes.unitId", "unit", NOT_FOUND, document,
             lambda w, id_: {"input": {"periodId": w.ids["booking_period"],
                                       "changes": [change(w.ids["child_a"], id_, DAY)]}},
             control="a", control_id="booking_unit", error_field="changes.0.unitId"),
        Case(operation, "input.repeats.childIds", "child_b", NOT_FOUND, document,
             lambda w, id_: {"input": {"periodId": w.ids["booking_period"],
                                       "repeats": [december(id_, w.ids["booking_unit"])]}},
             error_field="repeats.0.childIds.0"),
        Case(operation, "input.repeats.unitIds", "unit", NOT_FOUND, document,
             lambda w, id_: {"input": {"periodId": w.ids["booking_period"],
                                       "repeats": [december(w.ids["child_a"], id_)]}},
             control="a", control_id="booking_unit", error_field="repeats.0.unitIds.0"),
    ]


TABLE: list[Case] = [
    # ---- Queries
    Case("Query.household", "id", "household_b", NULL,
         "query($id: ID) { household(id: $id) { id name children { id } } }",
         lambda w, id_: {"id": id_}),
    Case("Query.child", "id", "child_b", NULL,
         "query($id: ID!) { child(id: $id) { id firstName health { allergies } } }",
         lambda w, id_: {"id": id_}),
    Case("Query.auditTrail", "childId", "child_b", EMPTY,
         "query($id: ID) { auditTrail(childId: $id) { edges { node { field before after } } } }",
         lambda w, id_: {"id": id_}),
    Case("Query.auditTrail", "householdId", "household_b", EMPTY,
         "query($id: ID) { auditTrail(householdId: $id) { edges { node { field before after } } } }",
         lambda w, id_: {"id": id_}),
    Case("Query.documents", "childId", "child_b", NOT_FOUND,
         "query($id: ID) { documents(childId: $id) { id fileName } }",
         lambda w, id_: {"id": id_}),
    # ---- Mon planning
    Case("Query.planning", "childIds", "child_b", NOT_FOUND,
         "query($ids: [ID!]) { planning(from: \"2026-12-01\", to: \"2026-12-31\", childIds: $ids) { "
         "children { id } days { date bookings { id } } } }",
         lambda w, id_: {"ids": [id_]},
         error_field="childIds.0"),
    Case("Query.bookableDays", "childId", "child_b", NOT_FOUND,
         "query($id: ID!, $p: ID!) { bookableDays(childId: $id, periodId: $p, from: \"2026-12-01\", "
         "to: \"2026-12-31\") { enrolled days { date units { bookable booking { id } } } } }",
         lambda w, id_: {"id": id_, "p": w.ids["booking_period"]}),
    # Periods are the town's: an id of another catalogue row (the canteen's unit) is an unknown period.
    Case("Query.bookableDays", "periodId", "unit", NOT_FOUND,
         "query($id: ID!, $c: ID!) { bookableDays(childId: $c, periodId: $id, from: \"2026-12-01\", "
         "to: \"2026-12-31\") { enrolled days { date units { bookable booking { id } } } } }",
         lambda w, id_: {"id": id_, "c": w.ids["child_a"]},
         control="a", control_id="booking_period"),
    Case("Query.bookingRequests", "childId", "child_b", NOT_FOUND,
         "query($id: ID) { bookingRequests(first: 10, childId: $id) { edges { node { id lines { id } } } pageInfo { hasNextPage } } }",
         lambda w, id_: {"id": id_}),
    Case("Query.bookingRequests", "periodId", "unit", NOT_FOUND,
         "query($id: ID) { bookingRequests(first: 10, periodId: $id) { edges { node { id lines { id } } } pageInfo { hasNextPage } } }",
         lambda w, id_: {"id": id_},
         control="a", control_id="booking_period"),
    # ---- Mutations of the family's records
    Case("Mutation.updateHousehold", "householdId", "household_b", NOT_FOUND,
         "mutation($id: ID, $input: UpdateHouseholdInput!) { updateHousehold(householdId: $id, input: $input) { "
         + payload("household { id } changedFields pendingFields") + " } }",
         lambda w, id_: {"id": id_, "input": {"complementary": {"remarks": "Modifié par un tiers"}}}),
    Case("Mutation.updateChild", "id", "child_b", NOT_FOUND,
         "mutation($id: ID!, $input: UpdateChildInput!) { updateChild(id: $id, input: $input) { "
         + payload("child { id } changedFields pendingFields") + " } }",
         lambda w, id_: {"id": id_, "input": {"health": {"allergies": "Modifié par un tiers"}}}),
    # ---- The health form (issue 15): a child's diets, illnesses, insurance, and one child's confirmation
    Case("Mutation.setChildDiets", "childId", "child_b", NOT_FOUND,
         "mutation($id: ID!) { setChildDiets(childId: $id, codes: [\"NO_PORK\"]) { "
         + payload("child { id } changedFields") + " } }",
         lambda w, id_: {"id": id_}),
    Case("Mutation.setChildIllnesses", "childId", "child_b", NOT_FOUND,
         "mutation($id: ID!) { setChildIllnesses(childId: $id, illnesses: [{code: \"VARICELLE\", year: 2020}]) { "
         + payload("child { id } changedFields") + " } }",
         lambda w, id_: {"id": id_}),
    Case("Mutation.setChildInsurance", "childId", "child_b", NOT_FOUND,
         "mutation($id: ID!, $input: ChildInsuranceInput!) { setChildInsurance(childId: $id, input: $input) { "
         + payload("child { id } changedFields") + " } }",
         lambda w, id_: {"id": id_, "input": {"company": "Modifié par un tiers"}}),
    # Family B's certificate, given as A's child's: answered like an unknown document.
    Case("Mutation.setChildInsurance", "input.certificateId", "document_b", NOT_FOUND,
         "mutation($id: ID!, $input: ChildInsuranceInput!) { setChildInsurance(childId: $id, input: $input) { "
         + payload("child { id } changedFields") + " } }",
         lambda w, id_: {"id": w.ids["child_a"], "input": {"certificateId": id_}},
         control="a", control_id="document_a", error_field="certificateId"),
    Case("Mutation.confirmChildRecord", "id", "child_b", NOT_FOUND,
         "mutation($id: ID!) { confirmChildRecord(id: $id) { " + payload("child { id } changedFields") + " } }",
         lambda w, id_: {"id": id_}),
    # Another household's guardian: answered like an unknown guardian.
    Case("Mutation.confirmGuardianRecord", "id", "guardian_b", NOT_FOUND,
         "mutation($id: ID!) { confirmGuardianRecord(id: $id) { " + payload("household { id } changedFields") + " } }",
         lambda w, id_: {"id": id_}),
    Case("Mutation.answerConsents", "childId", "child_b", NOT_FOUND,
         "mutation($id: ID, $answers: [ConsentAnswerInput!]!) { answerConsents(childId: $id, answers: $answers) { "
         + payload("household { id } changedFields") + " } }",
         lambda w, id_: {"id": id_, "answers": [{"definitionId": w.ids["definition"], "granted": False}]}),
    # A consent the town replaced by a new version: answered like an unknown consent, even for A's own child.
    Case("Mutation.answerConsents", "answers.definitionId", "old_definition", NOT_FOUND,
         "mutation($id: ID, $answers: [ConsentAnswerInput!]!) { answerConsents(childId: $id, answers: $answers) { "
         + payload("household { id } changedFields") + " } }",
         lambda w, id_: {"id": w.ids["child_a"], "answers": [{"definitionId": id_, "granted": True}]},
         control="a", control_id="definition", error_field="answers.0.definitionId"),
    # ---- The town's own questions: families answer them, staff define them.
    Case("Mutation.answerTownQuestions", "input.childId", "child_b", NOT_FOUND,
         "mutation($input: AnswerTownQuestionsInput!) { answerTownQuestions(input: $input) { "
         + payload("household { id } changedFields") + " } }",
         lambda w, id_: {"input": {"childId": id_, "answers": [{"questionId": w.ids["question"], "value": "true"}]}},
         error_field="childId"),
    # A question the town retired: answered like an unknown question, even for A's own child.
    Case("Mutation.answerTownQuestions", "input.answers.questionId", "retired_question", NOT_FOUND,
         "mutation($input: AnswerTownQuestionsInput!) { answerTownQuestions(input: $input) { "
         + payload("household { id } changedFields") + " } }",
         lambda w, id_: {"input": {"childId": w.ids["child_a"], "answers": [{"questionId": id_, "value": "true"}]}},
         control="a", control_id="question", error_field="answers.0.questionId"),
    Case("Mutation.createTownQuestion", "input.activityId", "activity", FORBIDDEN,
         "mutation($id: ID) { createTownQuestion(input: {scope: CHILD, kind: YES_NO, label: \"Sait-il nager ?\", "
         "activityId: $id}) { " + payload("question { id }") + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Mutation.updateTownQuestion", "id", "question", FORBIDDEN,
         "mutation($id: ID!) { updateTownQuestion(id: $id, input: {required: false}) { "
         + payload("question { id }") + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Mutation.updateTownQuestion", "input.activityId", "activity", FORBIDDEN,
         "mutation($q: ID!, $id: ID) { updateTownQuestion(id: $q, input: {activityId: $id}) { "
         + payload("question { id }") + " } }",
         lambda w, id_: {"q": w.ids["question"], "id": id_}, control="staff"),
    Case("Mutation.retireTownQuestion", "id", "question", FORBIDDEN,
         "mutation($id: ID!) { retireTownQuestion(id: $id) { " + payload("question { id active }") + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
    # ---- Documents
    # A type the town withdrew: handed in like an unknown type.
    Case("Mutation.uploadDocument", "typeId", "inactive_type", NOT_FOUND,
         "mutation($file: Upload!, $typeId: ID!) { uploadDocument(file: $file, typeId: $typeId) { "
         + payload("document { id }") + " } }",
         lambda w, id_: {"typeId": id_},
         control="a", control_id="household_type", upload=True),
    Case("Mutation.uploadDocument", "childId", "child_b", NOT_FOUND,
         "mutation($file: Upload!, $typeId: ID!, $id: ID) { uploadDocument(file: $file, typeId: $typeId, childId: $id) { "
         + payload("document { id }") + " } }",
         lambda w, id_: {"typeId": w.ids["child_type"], "id": id_},
         upload=True),
    Case("Mutation.replaceDocument", "id", "document_b", NOT_FOUND,
         "mutation($id: ID!, $file: Upload!) { replaceDocument(id: $id, file: $file) { "
         + payload("document { id fileName }") + " } }",
         lambda w, id_: {"id": id_},
         upload=True),
    Case("Mutation.deleteDocument", "id", "document_b", NOT_FOUND,
         "mutation($id: ID!) { deleteDocument(id: $id) { " + payload("ok") + " } }",
         lambda w, id_: {"id": id_}),
    # ---- The catalogue and enrolments
    Case("Query.catalogue", "childId", "child_b", NOT_FOUND,
         "query($id: ID!) { catalogue(childId: $id) { name activities { periods { path missing { code } } } } }",
         lambda w, id_: {"id": id_}),
    Case("Mutation.enrollChild", "childId", "child_b", NOT_FOUND,
         "mutation($id: ID!, $p: ID!) { enrollChild(childId: $id, periodId: $p) { "
         + payload("enrolment { id state }") + " } }",
         lambda w, id_: {"id": id_, "p": w.ids["period"]}),
    # Periods are the town's, not a family's: an id of something else is answered like an unknown period.
    Case("Mutation.enrollChild", "periodId", "child_b", NOT_FOUND,
         "mutation($id: ID!, $p: ID!) { enrollChild(childId: $id, periodId: $p) { "
         + payload("enrolment { id state }") + " } }",
         lambda w, id_: {"id": w.ids["child_a"], "p": id_},
         control="a", control_id="period"),
    # Groups are the town's too: an id of anything else (or another activity's group) is an unknown group.
    Case("Mutation.enrollChild", "groupId", "child_b", NOT_FOUND,
         "mutation($id: ID!, $p: ID!, $g: ID) { enrollChild(childId: $id, periodId: $p, groupId: $g) { "
         + payload("enrolment { id state }") + " } }",
         lambda w, id_: {"id": w.ids["child_a"], "p": w.ids["grouped_period"], "g": id_},
         control="a", control_id="group"),
    Case("Mutation.withdrawEnrolment", "enrolmentId", "enrolment_b", NOT_FOUND,
         "mutation($id: ID!) { withdrawEnrolment(enrolmentId: $id) { " + payload("enrolment { id state }") + " } }",
         lambda w, id_: {"id": id_}),
    # ---- Booking requests
    *booking_request_cases("previewBookingRequest"),
    *booking_request_cases("submitBookingRequest"),
    # ---- Staff only: a family is refused, with another family's id or any other.
    Case("Mutation.decideEnrolment", "id", "enrolment_b", FORBIDDEN,
         "mutation($id: ID!) { decideEnrolment(id: $id, accept: true) { " + payload("enrolment { id state }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.createEnrolmentGroup", "activityId", "activity", FORBIDDEN,
         "mutation($id: ID!) { createEnrolmentGroup(activityId: $id, input: {name: \"Maternelles\"}) { "
         + payload("group { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.updateEnrolmentGroup", "id", "group", FORBIDDEN,
         "mutation($id: ID!) { updateEnrolmentGroup(id: $id, input: {capacity: 20}) { "
         + payload("group { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    # A group limited to some of its activity's periods (staff only).
    Case("Mutation.createEnrolmentGroup", "input.periodIds", "grouped_period", FORBIDDEN,
         "mutation($a: ID!, $id: ID!) { createEnrolmentGroup(activityId: $a, input: {name: \"Été\", periodIds: [$id]}) { "
         + payload("group { id }") + " } }",
         lambda w, id_: {"a": w.ids["club_activity"], "id": id_},
         control="staff"),
    Case("Mutation.updateEnrolmentGroup", "input.periodIds", "grouped_period", FORBIDDEN,
         "mutation($g: ID!, $id: ID!) { updateEnrolmentGroup(id: $g, input: {periodIds: [$id]}) { "
         + payload("group { id }") + " } }",
         lambda w, id_: {"g": w.ids["group"], "id": id_},
         control="staff"),
    Case("Mutation.deleteEnrolmentGroup", "id", "group", FORBIDDEN,
         "mutation($id: ID!) { deleteEnrolmentGroup(id: $id) { " + payload("group { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.updateRegie", "id", "regie", FORBIDDEN,
         "mutation($id: ID!) { updateRegie(id: $id, input: {name: \"REGIE\", payfipClientNumber: \"654321\"}) { "
         + payload("regie { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.updateFacility", "id", "facility", FORBIDDEN,
         "mutation($id: ID!) { updateFacility(id: $id, name: \"CANTINE\") { " + payload("facility { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.createActivity", "facilityId", "facility", FORBIDDEN,
         "mutation($id: ID!) { createActivity(facilityId: $id, input: {name: \"GARDERIE\"}) { "
         + payload("activity { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.createActivity", "input.regieId", "regie", FORBIDDEN,
         "mutation($f: ID!, $id: ID) { createActivity(facilityId: $f, input: {name: \"GARDERIE\", regieId: $id}) { "
         + payload("activity { id }") + " } }",
         lambda w, id_: {"f": w.ids["facility"], "id": id_},
         control="staff"),
    Case("Mutation.updateActivity", "id", "activity", FORBIDDEN,
         "mutation($id: ID!) { updateActivity(id: $id, input: {name: \"CANTINE\"}) { "
         + payload("activity { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.updateActivity", "input.regieId", "regie", FORBIDDEN,
         "mutation($a: ID!, $id: ID) { updateActivity(id: $a, input: {name: \"CANTINE\", regieId: $id}) { "
         + payload("activity { id }") + " } }",
         lambda w, id_: {"a": w.ids["activity"], "id": id_},
         control="staff"),
    Case("Mutation.createPeriod", "activityId", "activity", FORBIDDEN,
         "mutation($id: ID!) { createPeriod(activityId: $id, input: {name: \"2027\", start: \"2027-01-04\", "
         "end: \"2027-06-30\", weekdays: [MONDAY]}) { " + payload("period { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.updatePeriod", "id", "period", FORBIDDEN,
         "mutation($id: ID!) { updatePeriod(id: $id, input: {name: \"2027\", start: \"2027-01-04\", "
         "end: \"2027-06-30\", weekdays: [MONDAY]}) { " + payload("period { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.setPeriodCalendar", "periodId", "period", FORBIDDEN,
         "mutation($id: ID!) { setPeriodCalendar(periodId: $id, closures: [], extraDays: []) { "
         + payload("period { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.createUnit", "periodId", "period", FORBIDDEN,
         "mutation($id: ID!, $input: UnitInput!) { createUnit(periodId: $id, input: $input) { "
         + payload("unit { id }") + " } }",
         lambda w, id_: {"id": id_, "input": unit_input("GOUTER")},
         control="staff"),
    Case("Mutation.updateUnit", "id", "unit", FORBIDDEN,
         "mutation($id: ID!, $input: UpdateUnitInput!) { updateUnit(id: $id, input: $input) { "
         + payload("unit { id }") + " } }",
         lambda w, id_: {"id": id_, "input": unit_input("REPAS")},
         control="staff"),
    # Linked units: staff's only; a family is refused before any id is looked at.
    Case("Mutation.createUnit", "input.requires", "unit", FORBIDDEN,
         "mutation($p: ID!, $input: UnitInput!) { createUnit(periodId: $p, input: $input) { "
         + payload("unit { id requires }") + " } }",
         lambda w, id_: {"p": w.ids["period"], "input": {**unit_input("GOUTER"), "requires": [id_]}},
         control="staff"),
    # (The control links the unit to itself: found, and refused as INVALID, not NOT_FOUND.)
    Case("Mutation.updateUnit", "input.requires", "unit", FORBIDDEN,
         "mutation($u: ID!, $id: ID!) { updateUnit(id: $u, input: {requires: [$id]}) { "
         + payload("unit { id }") + " } }",
         lambda w, id_: {"u": w.ids["unit"], "id": id_},
         control="staff", control_codes=("INVALID",)),
    Case("Mutation.resendAccountConfirmation", "accountId", "account_b", FORBIDDEN,
         "mutation($id: ID!) { resendAccountConfirmation(accountId: $id) { " + payload("account { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.setBookingWindow", "periodId", "period", FORBIDDEN,
         "mutation($id: ID!) { setBookingWindow(periodId: $id, input: {intro: \"Été\"}) { "
         + payload("period { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.setNonResidentTariff", "unitId", "unit", FORBIDDEN,
         "mutation($id: ID!) { setNonResidentTariff(unitId: $id, tariff: [{maxQuotient: null, price: 900}]) { "
         + payload("unit { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.setHouseholdCategory", "householdId", "household_b", FORBIDDEN,
         "mutation($id: ID!) { setHouseholdCategory(householdId: $id, category: \"AGENTS\") { "
         + payload("household { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.suspendOnlineBooking", "householdId", "household_b", FORBIDDEN,
         "mutation($id: ID!) { suspendOnlineBooking(householdId: $id, reason: \"Impayés\") { "
         + payload("household { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.resumeOnlineBooking", "householdId", "household_b", FORBIDDEN,
         "mutation($id: ID!) { resumeOnlineBooking(householdId: $id) { " + payload("household { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.approveRegistration", "householdId", "registration", FORBIDDEN,
         "mutation($id: ID!) { approveRegistration(householdId: $id) { " + payload("household { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.rejectRegistration", "householdId", "registration", FORBIDDEN,
         "mutation($id: ID!) { rejectRegistration(householdId: $id, reason: \"Hors commune\") { "
         + payload("ok") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.mergeRegistration", "householdId", "registration", FORBIDDEN,
         "mutation($id: ID!, $into: ID!) { mergeRegistration(householdId: $id, intoHouseholdId: $into) { "
         + payload("household { id }") + " } }",
         lambda w, id_: {"id": id_, "into": w.ids["household_b"]},
         control="staff"),
    Case("Mutation.mergeRegistration", "intoHouseholdId", "household_b", FORBIDDEN,
         "mutation($id: ID!, $into: ID!) { mergeRegistration(householdId: $id, intoHouseholdId: $into) { "
         + payload("household { id }") + " } }",
         lambda w, id_: {"id": w.ids["registration"], "into": id_},
         control="staff"),
    Case("Mutation.decidePendingChange", "id", "change_b", FORBIDDEN,
         "mutation($id: ID!) { decidePendingChange(id: $id, approve: true) { " + payload("change { id state }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.reviewDocument", "id", "document_b", FORBIDDEN,
         "mutation($id: ID!) { reviewDocument(id: $id, accept: true) { " + payload("document { id state }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.updateDocumentType", "id", "household_type", FORBIDDEN,
         "mutation($id: ID!) { updateDocumentType(id: $id, input: {label: \"Modifié\"}) { "
         + payload("documentType { id label }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.updateHealthListEntry", "id", "health_entry", FORBIDDEN,
         "mutation($id: ID!) { updateHealthListEntry(id: $id, input: {label: \"Modifié\"}) { "
         + payload("entry { id label }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.archivePrintableForm", "id", "form", FORBIDDEN,
         "mutation($id: ID!) { archivePrintableForm(id: $id) { " + payload("printableForm { id }") + " } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Mutation.decideBookings", "ids", "booking_request_b", FORBIDDEN,
         "mutation($ids: [ID!]!) { decideBookings(ids: $ids, decision: ACCEPT, reason: \"\") { "
         + payload("requests { id state }") + " } }",
         lambda w, id_: {"ids": [id_]},
         control="staff"),
    Case("Query.attendance", "activityId", "booking_activity", FORBIDDEN,
         "query($id: ID!) { attendance(activityId: $id, date: \"2027-01-06\") { unitName count "
         "children { firstName householdName } } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Query.bookingHistory", "bookingId", "booking_b", FORBIDDEN,
         "query($id: ID!) { bookingHistory(bookingId: $id) { at toState actor reason } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    # "Mon panier": B's basket request and payment look unknown to A; A's checkout of the regie where B
    # holds a basket finds nothing of A's to pay there, as for an unknown regie.
    Case("Mutation.removeFromBasket", "requestId", "basket_request_b", NOT_FOUND,
         "mutation($id: ID!) { removeFromBasket(requestId: $id) { " + payload("basket { total }") + " } }",
         lambda w, id_: {"id": id_}),
    Case("Mutation.checkoutBasket", "regieId", "basket_regie", NOT_FOUND,
         "mutation($id: ID!) { checkoutBasket(regieId: $id) { " + payload("payment { id } redirectUrl") + " } }",
         lambda w, id_: {"id": id_}),
    Case("Query.payment", "id", "payment_b", NOT_FOUND,
         "query($id: ID!) { payment(id: $id) { id state amount } }",
         lambda w, id_: {"id": id_}),
    Case("Query.invoice", "id", "invoice_b", NOT_FOUND,
         "query($id: ID!) { invoice(id: $id) { number total } }",
         lambda w, id_: {"id": id_}),
    Case("Mutation.payInvoices", "invoiceIds", "invoice_b", NOT_FOUND,
         "mutation($id: ID!) { payInvoices(invoiceIds: [$id]) { " + payload("payment { id } redirectUrl") + " } }",
         lambda w, id_: {"id": id_}, error_field="invoiceIds.0"),
    Case("Mutation.runInvoicing", "regieId", "regie", FORBIDDEN,
         "mutation($id: ID!) { runInvoicing(month: \"2026-10\", regieId: $id) { " + payload("run { issued }")
         + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Mutation.recordPayment", "invoiceId", "invoice_b", FORBIDDEN,
         "mutation($id: ID!) { recordPayment(invoiceId: $id, method: CASH, amount: 100) { "
         + payload("invoice { state }") + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
    # Staff's control finds B and is refused HOUSEHOLD_STILL_ACTIVE (B has a day booked ahead).
    Case("Mutation.anonymiseHousehold", "householdId", "household_b", FORBIDDEN,
         "mutation($id: ID!) { anonymiseHousehold(householdId: $id) { " + payload("householdId") + " } }",
         lambda w, id_: {"id": id_}, control="staff", control_codes=("HOUSEHOLD_STILL_ACTIVE",)),
    Case("Mutation.cancelInvoice", "invoiceId", "invoice_b", FORBIDDEN,
         "mutation($id: ID!) { cancelInvoice(invoiceId: $id, reason: \"Erreur\") { "
         + payload("invoice { number }") + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Query.staffInvoices", "householdId", "household_b", FORBIDDEN,
         "query($id: ID!) { staffInvoices(householdId: $id) { edges { node { number } } } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Query.staffInvoices", "regieId", "regie", FORBIDDEN,
         "query($id: ID!) { staffInvoices(regieId: $id) { edges { node { number } } } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Query.staffPayments", "regieId", "paying_regie", FORBIDDEN,
         "query($id: ID!) { staffPayments(regieId: $id) { edges { node { householdName } } } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Mutation.recordAttendance", "unitId", "booking_unit", FORBIDDEN,
         "mutation($id: ID!) { recordAttendance(unitId: $id, date: \"2026-11-25\", entries: []) { "
         + payload("recorded") + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Mutation.recordAttendance", "entries.childId", "child_b", FORBIDDEN,
         "mutation($u: ID!, $id: ID!) { recordAttendance(unitId: $u, date: \"2026-11-25\", "
         "entries: [{childId: $id, status: PRESENT}]) { " + payload("recorded") + " } }",
         lambda w, id_: {"u": w.ids["booking_unit"], "id": id_}, control="staff"),
    Case("Query.placesTaken", "periodId", "booking_period", FORBIDDEN,
         "query($id: ID!) { placesTaken(periodId: $id, from: \"2027-01-01\", to: \"2027-01-31\") { "
         "unitName date held pending } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    # Exports (staff only).
    Case("Query.attendanceExport", "activityId", "booking_activity", FORBIDDEN,
         "query($id: ID!) { attendanceExport(activityId: $id, date: \"2027-01-06\") { edges { cursor } } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Query.mealCounts", "activityId", "booking_activity", FORBIDDEN,
         "query($id: ID!) { mealCounts(activityId: $id, from: \"2027-01-04\", days: 7) { date count } }",
         lambda w, id_: {"id": id_},
         control="staff", empty_ok=True),
    Case("Query.enrolmentsExport", "periodId", "booking_period", FORBIDDEN,
         "query($id: ID) { enrolmentsExport(periodId: $id) { edges { cursor } } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Query.exportLink", "activityId", "booking_activity", FORBIDDEN,
         "query($id: ID) { exportLink(kind: ATTENDANCE, activityId: $id, date: \"2027-01-06\") { url } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    Case("Query.exportLink", "periodId", "booking_period", FORBIDDEN,
         "query($id: ID) { exportLink(kind: ENROLMENTS, periodId: $id) { url } }",
         lambda w, id_: {"id": id_},
         control="staff"),
    # ---- Public content: staff write it; a family is refused whatever the id.
    *[Case(f"Mutation.{name}", "id", key, FORBIDDEN,
           f"mutation($id: ID!) {{ {name}(id: $id{extra}) {{ " + payload(selection) + " } }",
           lambda w, id_: {"id": id_}, control="staff")
      for name, key, extra, selection in (
          ("updateNews", "news", ", input: {pinned: true}", "news { id }"),
          ("publishNews", "news", "", "news { id }"),
          ("withdrawNews", "news", "", "news { id }"),
          ("deleteNews", "news", "", "ok"),
          ("removeNewsImage", "news", "", "news { id }"),
          ("updateUsefulLink", "useful_link", ", input: {label: \"CAF\"}", "usefulLink { id }"),
          ("deleteUsefulLink", "useful_link", "", "ok"),
          ("updateGuideSection", "guide_section", ", input: {title: \"Se connecter\"}", "guideSection { id }"),
          ("deleteGuideSection", "guide_section", "", "ok"),
          ("updateCanteenSite", "canteen_site", ", position: 2", "site { id }"),
      )],
    Case("Mutation.setNewsImage", "id", "news", FORBIDDEN,
         "mutation($id: ID!, $file: Upload!) { setNewsImage(id: $id, file: $file, alt: \"Affiche\") { "
         + payload("news { id }") + " } }",
         lambda w, id_: {"id": id_}, control="staff", upload=True,
         file=("affiche.png", png_bytes(), "image/png")),
    Case("Mutation.setCanteenMenu", "siteId", "canteen_site", FORBIDDEN,
         "mutation($id: ID!) { setCanteenMenu(siteId: $id, date: \"2026-12-02\", input: "
         "{mainCourse: {name: \"Lasagnes\"}}) { " + payload("menu { id }") + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Mutation.deleteCanteenMenu", "siteId", "canteen_site", FORBIDDEN,
         "mutation($id: ID!) { deleteCanteenMenu(siteId: $id, date: \"2026-12-01\") { " + payload("ok") + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
    # Menus are public: another catalogue id (a unit) is an unknown site, the town's site is read.
    Case("Query.canteenMenus", "siteId", "unit", NOT_FOUND,
         "query($id: ID!) { canteenMenus(from: \"2026-12-01\", to: \"2026-12-31\", siteId: $id) { date } }",
         lambda w, id_: {"id": id_}, control="a", control_id="canteen_site"),
    # ---- Messages: a family's own threads; the shared inbox and closing are staff's
    Case("Query.messageThread", "id", "thread_b", NOT_FOUND,
         "query($id: ID!) { messageThread(id: $id) { id subject messages { body } } }",
         lambda w, id_: {"id": id_}),
    Case("Query.staffMessageThreads", "householdId", "household_b", FORBIDDEN,
         "query($id: ID) { staffMessageThreads(householdId: $id) { edges { node { id } } } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Mutation.startMessageThread", "input.childId", "child_b", NOT_FOUND,
         "mutation($input: StartMessageThreadInput!) { startMessageThread(input: $input) { "
         + payload("thread { id }") + " } }",
         lambda w, id_: {"input": {"topic": "HEALTH", "subject": "Allergie", "body": "Bonjour", "childId": id_}},
         error_field="childId"),
    Case("Mutation.replyToThread", "threadId", "thread_b", NOT_FOUND,
         "mutation($id: ID!) { replyToThread(threadId: $id, body: \"Bonjour\") { " + payload("thread { id }") + " } }",
         lambda w, id_: {"id": id_}),
    Case("Mutation.markThreadRead", "threadId", "thread_b", NOT_FOUND,
         "mutation($id: ID!) { markThreadRead(threadId: $id) { " + payload("thread { id }") + " } }",
         lambda w, id_: {"id": id_}),
    Case("Mutation.closeMessageThread", "threadId", "thread_b", FORBIDDEN,
         "mutation($id: ID!) { closeMessageThread(threadId: $id) { " + payload("thread { id }") + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
    Case("Mutation.reopenMessageThread", "threadId", "thread_b", FORBIDDEN,
         "mutation($id: ID!) { reopenMessageThread(threadId: $id) { " + payload("thread { id }") + " } }",
         lambda w, id_: {"id": id_}, control="staff"),
]


# ---------------------------------------------------------------------------------------------
# The schema's id-taking operations


def _id_paths(type_: GraphQLInputType, path: str, seen: tuple[str, ...] = ()) -> Iterator[str]:
    """The paths to the ID values an argument of ``type_`` may carry (lists and inputs unwrapped)."""
    named = get_named_type(type_)
    if named.name == "ID":
        yield path
    elif is_input_object_type(named) and named.name not in seen:
        for name, input_field in named.fields.items():
            yield from _id_paths(input_field.type, f"{path}.{name}", (*seen, named.name))


def id_taking_operations() -> set[tuple[str, str]]:
    """(operation, argument path) for every query and mutation argument that is or holds an ID."""
    schema = build_schema()._schema
    found = set()
    for root in (schema.query_type, schema.mutation_type):
        assert root is not None
        for name, operation in root.fields.items():
            for arg_name, argument in operation.args.items():
                found |= {(f"{root.name}.{name}", path) for path in _id_paths(argument.type, arg_name)}
    return found


def test_every_id_taking_query_and_mutation_is_in_the_table():
    in_schema = id_taking_operations()
    in_table = {(c.operation, c.argument) for c in TABLE}
    missing = sorted(in_schema - in_table)
    assert not missing, f"id-taking operations without a line in the authorisation table: {missing}"
    stale = sorted(in_table - in_schema)
    assert not stale, f"lines of the authorisation table the schema no longer has: {stale}"
    assert len(in_table) == len(TABLE), "an operation and argument listed twice"


def test_the_meta_test_sees_ids_inside_inputs():
    # answerConsents takes its consent ids inside a list of inputs: the walk must reach them.
    assert ("Mutation.answerConsents", "answers.definitionId") in id_taking_operations()


# ---------------------------------------------------------------------------------------------
# Family B's world


async def build_world(db, browser, settings) -> World:
    staff_row = await make_staff(db)
    family_a = await make_family(db, "alpha@famille-a.test", name="ALPHA", first_name="Anne")
    family_b = await make_family(db, "bravo@famille-b.test", name="BRAVO", first_name="Bruno")
    child_a = await make_child(db, family_a.household, "Alice")
    household_type = await make_document_type(db, "ATTESTATION_CAF", "Attestation CAF")
    child_type = await make_document_type(db, "VACCINATIONS", "Carnet de vaccinations", per_child=True)
    inactive_type = DocumentType(code="ANCIEN", label="Ancien justificatif", active=False,
                                 accepted_formats="application/pdf")
    # Family B's other guardian, whose account is not confirmed yet.
    guardian_b2 = Guardian(household_id=family_b.household.id, rank=2, first_name="Bea", last_name="BRAVO",
                           email="bea@famille-b.test")
    account_b2 = Account(email="bea@famille-b.test", guardian_id=guardian_b2.id)
    # A family that registered itself, waiting for staff (approved or merged by staff only).
    waiting = Household(name="RENARD", awaiting_validation_since=utcnow())
    guardian_w = Guardian(household_id=waiting.id, rank=1, first_name="Rita", last_name="RENARD",
                          email="rita@renard.test")
    account_w = Account(email="rita@renard.test", guardian_id=guardian_w.id, confirmed_at=utcnow())
    async with db.transaction() as session:
        for row in (inactive_type, guardian_b2, account_b2, waiting, guardian_w, account_w):
            session.add(row)
            await session.flush()

    world = World(
        a=await signed_in(browser(), family_a.email, family_a.password),
        b=await signed_in(browser(), family_b.email, family_b.password),
        staff=await signed_in(browser(), staff_row.email, staff_row.password),
    )
    ids = world.ids
    ids["guardian_b"] = str(guardian_b2.id)
    # Family A has a trail of its own: a refused id must not fall back on it.
    own = await world.a.data("""mutation($id: ID!) { updateChild(id: $id, input: {meals: {foodAllergies: "Kiwi"}})
      { errors { code } } }""", {"id": str(child_a.id)})
    assert own["updateChild"]["errors"] == []
    ids["registration"] = str(waiting.id)
    ids.update(household_b=str(family_b.household.id), child_a=str(child_a.id), account_b=str(account_b2.id),
               household_type=str(household_type.id), child_type=str(child_type.id),
               inactive_type=str(inactive_type.id))

    # The town publishes a consent, then a new version of it; and a form in "Mes documents à éditer".
    publish = """mutation($v: String!) { publishConsent(kind: "DROIT_IMAGE", title: "Droit à l'image", text: $v) {
      definition { id version } errors { code } } }"""
    ids["old_definition"] = (await world.staff.data(publish, {"v": "Version 1"}))["publishConsent"]["definition"]["id"]
    ids["definition"] = (await world.staff.data(publish, {"v": "Version 2"}))["publishConsent"]["definition"]["id"]
    # The town asks a question of each child, and retired an earlier one.
    ask = """mutation($l: String!) { createTownQuestion(input: {scope: CHILD, kind: YES_NO, label: $l})
      { question { id } errors { code } } }"""
    ids["question"] = (await world.staff.data(ask, {"l": "Sait-il nager ?"}))["createTownQuestion"]["question"]["id"]
    ids["retired_question"] = (await world.staff.data(ask, {"l": "Ancienne question"}))["createTownQuestion"][
        "question"]["id"]
    retired = await world.staff.data("mutation($id: ID!) { retireTownQuestion(id: $id) { errors { code } } }",
                                     {"id": ids["retired_question"]})
    assert retired["retireTownQuestion"]["errors"] == []
    form = await upload_data(world.staff, PUBLISH, {"title": "Règlement de la restauration"},
                             ("reglement.pdf", pdf_bytes("Règlement"), "application/pdf"))
    ids["form"] = form["publishPrintableForm"]["printableForm"]["id"]
    # The town's lists of the health form; A's vaccination record, handed in.
    entries = await world.staff.data("""mutation {
      diet: createHealthListEntry(kind: DIET, input: {code: "NO_PORK", label: "Sans porc"}) { entry { id } }
      illness: createHealthListEntry(kind: ILLNESS, input: {code: "VARICELLE", label: "Varicelle"}) { entry { id } }
    }""")
    ids["health_entry"] = entries["diet"]["entry"]["id"]
    mine = await upload(world.a, ("carnet.pdf", pdf_bytes("Carnet d'Alice"), "application/pdf"),
                        str(child_type.id), str(child_a.id))
    ids["document_a"] = mine["document"]["id"]

    # Family B declares its child, fills in its records, moves house, hands in documents.
    added = await world.b.data("""mutation { addChild(input: {firstName: "Basile", lastName: "BRAVO",
      birthDate: "2015-02-01", sex: M}) { child { id } errors { code } } }""")
    ids["child_b"] = added["addChild"]["child"]["id"]
    health = await world.b.data("""mutation($id: ID!) { updateChild(id: $id, input: {health: {allergies: "Pollen"}})
      { errors { code } } }""", {"id": ids["child_b"]})
    assert health["updateChild"]["errors"] == []
    consent = await world.b.data(
        "mutation($id: ID, $a: [ConsentAnswerInput!]!) { answerConsents(childId: $id, answers: $a) { errors { code } } }",
        {"id": ids["child_b"], "a": [{"definitionId": ids["definition"], "granted": True}]},
    )
    assert consent["answerConsents"]["errors"] == []
    moved = await world.b.data("""mutation { updateHousehold(input: {address: {number: "3", street: "Rue du Port",
      postcode: "56860", city: "SENE", mainPhone: "0297000001"}}) { pendingFields errors { code } } }""")
    assert moved["updateHousehold"]["pendingFields"]
    document = await upload(world.b, ("carnet.pdf", pdf_bytes("Carnet de Basile"), "application/pdf"),
                            ids["child_type"], ids["child_b"])
    ids["document_b"] = document["document"]["id"]
    caf = await upload(world.b, ("caf.pdf", caf_certificate(), "application/pdf"), ids["household_type"])
    assert caf["errors"] == []
    changes = nodes((await world.staff.data("{ pendingChanges { edges { node { id householdId } } } }"))["pendingChanges"])
    assert {c["householdId"] for c in changes} == {ids["household_b"]}
    ids["change_b"] = changes[0]["id"]
    # B writes to the service about its child.
    thread = await world.b.data("""mutation($c: ID) { startMessageThread(input: {topic: HEALTH, subject: "Allergie",
      body: "Basile est allergique au pollen.", childId: $c}) { thread { id } errors { code } } }""",
                                {"c": ids["child_b"]})
    assert thread["startMessageThread"]["errors"] == [], thread
    ids["thread_b"] = thread["startMessageThread"]["thread"]["id"]

    # The town's canteen (families enrol at once) and Wednesday centre (staff decide); B asks for the centre.
    canteen = await make_service(db)
    centre = await make_service(db, "CENTRE AERE MERCREDI", "MERCREDIS", "MERCREDIS 2026-2027", "JOURNEE",
                                 weekdays="2", regie="REGIE CENTRE AERE MERCREDI", enrolment="staff")
    ids.update(regie=str(canteen.regie.id), facility=str(canteen.facility.id), activity=str(canteen.activity.id),
               period=str(canteen.period.id), unit=str(canteen.unit.id))
    asked = await world.b.data("mutation($c: ID!, $p: ID!) { enrollChild(childId: $c, periodId: $p) { "
                               "enrolment { id state } errors { code } } }",
                               {"c": ids["child_b"], "p": str(centre.period.id)})
    assert asked["enrollChild"]["enrolment"]["state"] == "PENDING", asked
    ids["enrolment_b"] = asked["enrollChild"]["enrolment"]["id"]
    # An after-school club with groups (each enrolment names one).
    club = await make_service(db, "ACCUEIL PERISCOLAIRE", "GARDERIE", "GARDERIE 2026-2027", "SOIR",
                              regie="REGIE PERISCOLAIRE")
    group = await world.staff.data("mutation($a: ID!) { createEnrolmentGroup(activityId: $a, input: "
                                   "{name: \"Maternelles\", capacity: 12}) { group { id } errors { code } } }",
                                   {"a": str(club.activity.id)})
    assert group["createEnrolmentGroup"]["errors"] == [], group
    ids.update(group=group["createEnrolmentGroup"]["group"]["id"], grouped_period=str(club.period.id),
               club_activity=str(club.activity.id))

    # The Wednesday centre families book (staff accept): both children enrolled; B asks for a day.
    booking = await make_centre(db, acceptance="staff")
    await enrol(db, child_a.id, booking, family_a.household, family_a.account.id)
    await enrol(db, uuid.UUID(ids["child_b"]), booking, family_b.household, family_b.account.id)
    ids.update(booking_period=str(booking.period.id), booking_unit=str(booking.unit.id),
               booking_activity=str(booking.activity.id))
    submitted = await world.b.data(SUBMIT, {"input": {
        "periodId": ids["booking_period"], "changes": [change(ids["child_b"], ids["booking_unit"], B_BOOKED_DAY)]
    }})
    request = submitted["submitBookingRequest"]
    assert request["errors"] == [] and request["request"]["state"] == "PENDING", request
    ids["booking_request_b"] = request["request"]["id"]
    day = B_BOOKED_DAY.isoformat()
    planned = await world.b.data("query($d: Date!) { planning(from: $d, to: $d) { days { bookings { id } } } }",
                                 {"d": day})
    ids["booking_b"] = planned["planning"]["days"][0]["bookings"][0]["id"]

    # Two activities paid at booking ("Mon panier"), each its own regie: B holds a request in the
    # first and has opened the PayFiP payment of the second.
    for key in ("basket", "paying"):
        paid_at_booking = await make_service(db, f"CENTRE {key.upper()}", f"MERCREDIS {key}", f"PERIODE {key}",
                                             "JOURNEE", weekdays="2", regie=f"REGIE {key.upper()}",
                                             payment="basket", tariff=[[None, 770]])
        await enrol(db, uuid.UUID(ids["child_b"]), paid_at_booking, family_b.household, family_b.account.id)
        held = await world.b.data(SUBMIT, {"input": {"periodId": str(paid_at_booking.period.id), "changes": [
            change(ids["child_b"], str(paid_at_booking.unit.id), B_BOOKED_DAY)]}})
        ids[f"{key}_request_b"] = held["submitBookingRequest"]["request"]["id"]
        ids[f"{key}_regie"] = str(paid_at_booking.regie.id)
    checkout = await world.b.data(
        "mutation($r: ID!) { checkoutBasket(regieId: $r) { payment { id } errors { code } } }",
        {"r": ids["paying_regie"]})
    assert checkout["checkoutBasket"]["errors"] == [], checkout
    ids["payment_b"] = checkout["checkoutBasket"]["payment"]["id"]

    # An invoice of B's ("Mes factures"), as the monthly run issues them.
    invoice_b = Invoice(regie_id=canteen.regie.id, household_id=family_b.household.id, year=2025, number=1,
                        origin="monthly", month="2026-10", due_date=date(2026, 12, 1), total=1230,
                        billed_name="BRAVO")
    async with db.transaction() as session:
        session.add(invoice_b)
    ids["invoice_b"] = str(invoice_b.id)

    # The town's public content: a news item, a useful link, a guide section, a canteen site with a menu.
    content = await world.staff.data("""mutation {
      createNews(input: {title: "Fermeture", publishAt: "2026-11-20T08:00:00Z"}) { news { id } }
      createUsefulLink(input: {label: "CAF", url: "https://www.caf.fr"}) { usefulLink { id } }
      createGuideSection(input: {title: "Se connecter"}) { guideSection { id } }
      createCanteenSite(name: "Restaurant scolaire Pompidou") { site { id } } }""")
    ids.update(news=content["createNews"]["news"]["id"],
               useful_link=content["createUsefulLink"]["usefulLink"]["id"],
               guide_section=content["createGuideSection"]["guideSection"]["id"],
               canteen_site=content["createCanteenSite"]["site"]["id"])
    menu = await world.staff.data("""mutation($s: ID!) { setCanteenMenu(siteId: $s, date: "2026-12-01",
      input: {mainCourse: {name: "Couscous"}}) { errors { code } } }""", {"s": ids["canteen_site"]})
    assert menu["setCanteenMenu"]["errors"] == [], menu
    return world


@dataclass(frozen=True)
class SavedWorld:
    """A world as built, kept for the next tests of the worker on the same database."""

    state: SavedState
    ids: dict[str, str]
    cookies: dict[str, httpx.Cookies]  # each signed-in client's ("a", "b", "staff")


# Per database (a worker's SQLite file, or its PostgreSQL database): built by the first case only.
_SAVED: dict[str, SavedWorld] = {}


async def world_for(db, browser, settings, live_server) -> World:
    """The world every case starts from. Building it takes some forty requests (a couple of seconds,
    for each of some three hundred cases and both databases): the first case of a worker builds it
    and saves every row and stored file; the next ones get exactly that state back in their emptied
    database and storage, and new clients holding the same session cookies.

    The state goes back once the app's mail worker has run its jobs once, as they ran before the
    world was built: otherwise the hourly reminders would find B's invoice due while a case runs."""
    saved = _SAVED.get(settings.database_url)
    if saved is None:
        world = await build_world(db, browser, settings)
        state = await save_state(db, settings.storage_path)
        cookies = {k: httpx.Cookies(getattr(world, k).http.cookies) for k in ("a", "b", "staff")}
        _SAVED[settings.database_url] = SavedWorld(state, dict(world.ids), cookies)
        return world
    await live_server.app.state.mail_worker.first_round_done.wait()
    await restore_state(db, saved.state, settings.storage_path)
    clients = {}
    for key, cookies in saved.cookies.items():
        client = browser()
        client.http.cookies = httpx.Cookies(cookies)
        clients[key] = client
    return World(a=clients["a"], b=clients["b"], staff=clients["staff"], ids=dict(saved.ids))


# ---------------------------------------------------------------------------------------------
# The table


async def call(client: GraphQLClient, case: Case, variables: dict[str, Any]) -> dict[str, Any]:
    """The whole JSON answer of ``case``'s operation."""
    if case.upload:
        response = await post_file(client, case.document, variables, case.file or FILE)
        assert response.status_code == 200, response.text
        return response.json()
    return await client(case.document, variables)


def assert_refused(case: Case, body: dict[str, Any]) -> None:
    """``body`` is the refusal ``case`` expects."""
    name = case.root_field
    if case.expect == NULL:
        assert body == {"data": {name: None}}, body
    elif case.expect == EMPTY:
        assert body == {"data": {name: {"edges": []}}}, body
    elif case.expect == FORBIDDEN:
        assert body["data"] is None, body
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], body
    elif case.operation.startswith("Query."):
        assert body["data"] is None, body
        [error] = body["errors"]
        assert error["extensions"] == {"code": "NOT_FOUND", "field": case.error_field or case.argument}, body
    else:
        assert "errors" not in body, body
        result = body["data"][name]
        assert [(e["field"], e["code"]) for e in result["errors"]] == [
            (case.error_field or case.argument, "NOT_FOUND")
        ], result
        assert not any(value for key, value in result.items() if key != "errors"), result


def assert_allowed(case: Case, body: dict[str, Any]) -> None:
    """``body`` is no refusal: the id is real and usable by whom it belongs to."""
    assert "errors" not in body, body
    result = body["data"][case.root_field]
    if case.expect == NULL:
        assert result is not None
    elif case.expect == EMPTY:
        assert result["edges"], body
    elif case.operation.startswith("Query."):
        assert result or (case.empty_ok and result == []), body
    else:
        assert [e for e in result["errors"] if e["code"] not in case.control_codes] == [], result


@pytest.fixture
def settings(settings, _http_host):
    """The API's own address is the live server's: PayFiP's sandbox, mounted there, is reachable (B
    opens a payment)."""
    return settings.model_copy(update={"api_url": _http_host.url})


@pytest.mark.parametrize("case", TABLE, ids=lambda c: c.name)
async def test_family_a_with_family_b_ids_is_answered_as_with_an_unknown_id(
    db, browser, clock, settings, live_server, case
):
    at_town_time(clock, TODAY)
    world = await world_for(db, browser, settings, live_server)
    foreign = world.ids[case.foreign]
    unknown = str(uuid.uuid4())
    before = (await database_state(db), await stored_files(settings.storage_path))

    with_foreign = await call(world.a, case, case.variables(world, foreign))
    with_unknown = await call(world.a, case, case.variables(world, unknown))
    with_malformed = await call(world.a, case, case.variables(world, "pas-un-identifiant"))

    assert with_foreign == with_unknown
    assert with_malformed == with_unknown
    assert_refused(case, with_foreign)
    assert (await database_state(db), await stored_files(settings.storage_path)) == before

    # The control: the same call by whom the id belongs to is not refused.
    if case.control == "a":
        assert case.control_id is not None
        allowed = await call(world.a, case, case.variables(world, world.ids[case.control_id]))
    else:
        client = world.b if case.control == "b" else world.staff
        allowed = await call(client, case, case.variables(world, foreign))
    assert_allowed(case, allowed)


# ---------------------------------------------------------------------------------------------
# Operations without an id: who may call them at all


@dataclass(frozen=True)
class Caller:
    """Who calls, as a line's variables may need it (``changePassword`` asks for one's own password)."""

    name: str  # "visitor", "family" or "staff"
    password: str


@dataclass(frozen=True)
class Open:
    """An operation that takes no id, and ``who`` may call it:

    - "anyone", signed in or not;
    - "signed in": any account; a visitor is refused UNAUTHENTICATED;
    - "family": a family's account; a visitor is refused UNAUTHENTICATED, staff FORBIDDEN (staff act on a
      family's data through its ids, in the table above);
    - "staff": a visitor is refused UNAUTHENTICATED, a family FORBIDDEN.

    A refused call writes nothing; an allowed one answers data (a mutation's payload without errors), or
    null where that is the answer (``nullable``: ``viewer`` to a visitor, ``calendarFeed`` before one)."""

    operation: str
    who: str
    document: str
    variables: dict[str, Any] | Callable[[Caller], dict[str, Any]] = field(default_factory=dict)
    nullable: bool = False
    file: tuple[str, bytes, str] | None = None  # sent as ``$file``, multipart as a browser uploads

    @property
    def root_field(self) -> str:
        return self.operation.split(".", 1)[1]

    async def call(self, client: GraphQLClient, caller: Caller) -> dict[str, Any]:
        variables = self.variables(caller) if callable(self.variables) else self.variables
        if self.file is not None:
            response = await post_file(client, self.document, variables, self.file)
            body: dict[str, Any] = response.json()
            return body
        return await client(self.document, variables)


WITHOUT_ID: list[Open] = [
    Open("Query.legalPage", "anyone", "query { legalPage(kind: PRIVACY) { title bodyHtml updatedAt } }"),
    Open("Mutation.updateLegalPage", "staff",
         "mutation($b: String!) { updateLegalPage(kind: LEGAL_NOTICE, input: {body: $b}) { "
         + payload("legalPage { body }") + " } }", {"b": "## Éditeur"}),
    Open("Mutation.updateAccessibilityStatement", "staff",
         "mutation($b: String!) { updateAccessibilityStatement(input: {body: $b, complianceRate: 80, "
         'auditDate: "2026-10-15"}) { ' + payload("legalPage { accessibility { status } }") + " } }",
         {"b": "## Contenus non accessibles"}),
    Open("Query.townQuestions", "anyone", "query { townQuestions { id label kind choices required version } }"),
    Open("Query.healthList", "anyone", "query { healthList { code label } }"),
    Open("Mutation.createHealthListEntry", "staff",
         "mutation { createHealthListEntry(kind: VACCINE, input: {code: \"DTP\", label: \"DTP\"}) { "
         + payload("entry { code }") + " } }"),
    Open("Query.altchaChallenge", "anyone", "query { altchaChallenge { algorithm challenge salt signature maxnumber } }"),
    # Closed in this town (the switch is off): every caller gets REGISTRATION_CLOSED in the payload.
    Open("Mutation.registerFamily", "anyone",
         "mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { " + payload("ok") + " } }",
         {"input": {"email": "nouvelle@famille.test", "password": "Inscription-Portail-2026", "firstName": "Ana",
                    "lastName": "NOUVEL", "householdName": "NOUVEL", "acceptedTermsVersion": 1, "altcha": "x"}}),
    Open("Query.waitingRegistrations", "staff",
         "query { waitingRegistrations { edges { cursor } pageInfo { hasNextPage } } }"),
    # Closing (the terms of use are not needed to close it).
    Open("Mutation.setSelfRegistration", "staff",
         "mutation { setSelfRegistration(enabled: false) { " + payload("town { selfRegistration }") + " } }"),
    Open("Mutation.setResidentPostcodes", "staff",
         'mutation { setResidentPostcodes(postcodes: ["56860"]) { ' + payload("postcodes") + " } }"),
    Open("Mutation.setHolidaySubdivision", "staff",
         'mutation { setHolidaySubdivision(subdivision: "57") { ' + payload("town { holidaySubdivision }") + " } }"),
]

# The operations without an id that were there before the list above (each with its line since).
EARLIER: list[Open] = [
    # Anyone, signed in or not: the public home page, the sign-in and the mailed links.
    Open("Query.viewer", "anyone", "query { viewer { account { email } } }", nullable=True),
    Open("Query.town", "anyone", "query { town { name selfRegistration } }"),
    Open("Query.news", "anyone", "query { news(first: 5) { edges { cursor } pageInfo { hasNextPage } } }"),
    Open("Query.usefulLinks", "anyone", "query { usefulLinks { label } }"),
    Open("Query.guideSections", "anyone", "query { guideSections { title } }"),
    Open("Query.canteenSites", "anyone", "query { canteenSites { name } }"),
    Open("Query.canteenLegend", "anyone", "query { canteenLegend { __typename } }"),
    Open("Query.bookingLegend", "anyone", "query { bookingLegend { label } }"),
    Open("Query.recordFields", "anyone", "query { recordFields(entity: CHILD) { field mode } }"),
    # A wrong password, an unknown token or address: answered in the payload, whoever asks.
    Open("Mutation.login", "anyone",
         "mutation { login(email: \"personne@nulle-part.test\", password: \"x\") { " + payload("viewer { account { email } }") + " } }"),
    Open("Mutation.logout", "anyone", "mutation { logout { " + payload("ok") + " } }"),
    Open("Mutation.requestPasswordReset", "anyone",
         "mutation { requestPasswordReset(email: \"personne@nulle-part.test\") { " + payload("ok") + " } }"),
    Open("Mutation.resetPassword", "anyone",
         "mutation { resetPassword(token: \"inconnu\", password: \"Portail-Familles-2026\") { "
         + payload("ok") + " } }"),
    Open("Mutation.confirmAccount", "anyone",
         "mutation { confirmAccount(token: \"inconnu\", password: \"Portail-Familles-2026\") { "
         + payload("viewer { account { email } }") + " } }"),
    Open("Mutation.confirmEmailChange", "anyone",
         "mutation { confirmEmailChange(token: \"inconnu\") { " + payload("viewer { account { email } }") + " } }"),
    # Any signed-in account, family or staff.
    Open("Query.documentTypes", "signed in", "query { documentTypes { code } }"),
    Open("Query.printableForms", "signed in", "query { printableForms { title } }"),
    Open("Query.messageTopics", "signed in", "query { messageTopics { label } }"),
    Open("Query.unreadMessageCount", "signed in", "query { unreadMessageCount }"),
    Open("Mutation.changePassword", "signed in",
         "mutation($current: String!) { changePassword(currentPassword: $current, "
         "newPassword: \"Nouveau-Portail-Familles-2027\") { " + payload("viewer { account { email } }") + " } }",
         lambda caller: {"current": caller.password}),
    Open("Mutation.updateProfile", "signed in",
         "mutation { updateProfile(input: {firstName: \"Camille\"}) { " + payload("viewer { account { email } }") + " } }"),
    # Families only: staff are refused FORBIDDEN (they act on a family's records through its ids).
    Open("Query.children", "family", "query { children { firstName } }"),
    Open("Query.basket", "family", "query { basket { total } }"),
    Open("Query.bookingRequestFilters", "family", "query { bookingRequestFilters { __typename } }"),
    Open("Query.calendarFeed", "family", "query { calendarFeed { createdAt } }", nullable=True),
    Open("Query.invoices", "family", "query { invoices(first: 5) { edges { cursor } } }"),
    Open("Query.unpaidInvoiceCount", "family", "query { unpaidInvoiceCount }"),
    Open("Query.messageThreads", "family", "query { messageThreads(first: 5) { edges { cursor } } }"),
    Open("Query.notificationPreferences", "family", "query { notificationPreferences { kind enabled } }"),
    Open("Query.personalData", "family", "query { personalData { generatedAt } }"),
    Open("Mutation.addChild", "family",
         "mutation { addChild(input: {firstName: \"Zoé\", lastName: \"ALPHA\", birthDate: \"2019-04-02\", sex: F}) { "
         + payload("child { id }") + " } }"),
    Open("Mutation.confirmRecords", "family", "mutation { confirmRecords { " + payload("household { id }") + " } }"),
    Open("Mutation.createCalendarFeed", "family",
         "mutation { createCalendarFeed { " + payload("url") + " } }"),
    Open("Mutation.revokeCalendarFeed", "family",
         "mutation { revokeCalendarFeed { " + payload("revoked") + " } }"),
    Open("Mutation.updateNotificationPreferences", "family",
         "mutation { updateNotificationPreferences(preferences: [{kind: INVOICE_DUE, enabled: false}]) { "
         + payload("preferences { kind enabled }") + " } }"),
    # Staff only.
    Open("Query.accountingExport", "staff",
         "query { accountingExport(from: \"2026-11-01\", to: \"2026-11-30\", first: 5) { edges { cursor } } }"),
    Open("Query.bookingsExport", "staff",
         "query { bookingsExport(from: \"2026-11-01\", to: \"2026-11-30\", first: 5) { edges { cursor } } }"),
    Open("Query.householdsExport", "staff", "query { householdsExport(first: 5) { edges { cursor } } }"),
    Open("Query.households", "staff", "query { households(search: \"\", first: 5) { edges { cursor } } }"),
    Open("Query.bookingQueue", "staff", "query { bookingQueue(first: 5) { edges { cursor } } }"),
    Open("Query.documentsToReview", "staff", "query { documentsToReview(first: 5) { edges { cursor } } }"),
    Open("Query.pendingChanges", "staff", "query { pendingChanges(first: 5) { edges { cursor } } }"),
    Open("Query.pendingEnrolments", "staff", "query { pendingEnrolments(first: 5) { edges { cursor } } }"),
    Open("Query.staffNews", "staff", "query { staffNews(first: 5) { edges { cursor } } }"),
    Open("Query.facilities", "staff", "query { facilities { name } }"),
    Open("Query.regies", "staff", "query { regies { name } }"),
    Open("Mutation.createCanteenSite", "staff",
         "mutation { createCanteenSite(name: \"École des Marais\", position: 1) { " + payload("site { id }") + " } }"),
    Open("Mutation.createDocumentType", "staff",
         "mutation { createDocumentType(input: {code: \"VACCINS\", label: \"Carnet de vaccination\"}) { "
         + payload("documentType { id }") + " } }"),
    Open("Mutation.createFacility", "staff",
         "mutation { createFacility(name: \"CENTRE AERE\") { " + payload("facility { id }") + " } }"),
    Open("Mutation.createGuideSection", "staff",
         "mutation { createGuideSection(input: {title: \"Se connecter\"}) { " + payload("guideSection { id }") + " } }"),
    Open("Mutation.createNews", "staff",
         "mutation { createNews(input: {title: \"Rentrée\"}) { " + payload("news { id }") + " } }"),
    Open("Mutation.createRegie", "staff",
         "mutation { createRegie(input: {name: \"Régie cantine\", payfipClientNumber: \"123456\"}) { "
         + payload("regie { id }") + " } }"),
    Open("Mutation.createUsefulLink", "staff",
         "mutation { createUsefulLink(input: {label: \"CAF\", url: \"https://www.caf.fr/\"}) { "
         + payload("usefulLink { id }") + " } }"),
    Open("Mutation.openFamilyAccount", "staff",
         "mutation { openFamilyAccount(input: {email: \"nouveau@famille-nouveau.fr\", householdName: \"NOUVEAU\", "
         "firstName: \"Léa\", lastName: \"NOUVEAU\"}) { " + payload("account { email }") + " } }"),
    Open("Mutation.publishConsent", "staff",
         "mutation { publishConsent(kind: \"DROIT_IMAGE\", title: \"Droit à l'image\", text: \"J'autorise…\", "
         "perChild: true) { " + payload("definition { id }") + " } }"),
    Open("Mutation.publishPrintableForm", "staff",
         "mutation($file: Upload!) { publishPrintableForm(file: $file, title: \"Règlement intérieur\", "
         "description: \"\") { " + payload("printableForm { title }") + " } }", file=FILE),
    Open("Mutation.setCertificationPeriod", "staff",
         "mutation { setCertificationPeriod(months: 12) { " + payload("months") + " } }"),
    Open("Mutation.setFieldRule", "staff",
         "mutation { setFieldRule(entity: HOUSEHOLD, field: \"remarks\", mode: REQUIRED) { "
         + payload("field { mode }") + " } }"),
    Open("Mutation.updateTown", "staff",
         "mutation { updateTown(input: {phone: \"02 97 66 90 62\"}) { " + payload("town { name }") + " } }"),
]

def operations_without_id() -> set[str]:
    schema = build_schema()._schema
    taking = {operation for operation, _ in id_taking_operations()}
    found = set()
    for root in (schema.query_type, schema.mutation_type):
        assert root is not None
        found |= {f"{root.name}.{name}" for name in root.fields}
    return found - taking


def test_every_operation_without_an_id_says_who_may_call_it():
    in_schema = operations_without_id()
    listed = [o.operation for o in WITHOUT_ID + EARLIER]
    assert len(listed) == len(set(listed)), "an operation listed twice"
    missing = sorted(in_schema - set(listed))
    assert not missing, f"operations without an id missing from WITHOUT_ID: {missing}"
    stale = sorted(set(listed) - in_schema)
    assert not stale, f"operations the schema no longer has (or that now take an id): {stale}"
    assert {o.who for o in WITHOUT_ID + EARLIER} <= {"anyone", "signed in", "family", "staff"}


REFUSED = {
    "anyone": {},
    "signed in": {"visitor": "UNAUTHENTICATED"},
    "family": {"visitor": "UNAUTHENTICATED", "staff": "FORBIDDEN"},
    "staff": {"visitor": "UNAUTHENTICATED", "family": "FORBIDDEN"},
}


@pytest.mark.parametrize("case", WITHOUT_ID + EARLIER, ids=lambda o: o.operation)
async def test_who_may_call_an_operation_without_an_id(db, browser, clock, case):
    at_town_time(clock, TODAY)
    family = await make_family(db, "alpha@famille-a.test", name="ALPHA")
    staff = await make_staff(db)
    callers = {
        Caller("visitor", ""): browser(),
        Caller("family", family.password): await signed_in(browser(), family.email, family.password),
        Caller("staff", staff.password): await signed_in(browser(), staff.email, staff.password),
    }
    refused = REFUSED[case.who]
    before = await database_state(db)
    for caller, client in callers.items():
        if caller.name not in refused:
            continue
        body = await case.call(client, caller)
        assert body["data"] is None or body["data"][case.root_field] is None, body
        assert [e["extensions"]["code"] for e in body["errors"]] == [refused[caller.name]], body
    assert await database_state(db) == before
    for caller, client in callers.items():
        if caller.name in refused:
            continue
        body = await case.call(client, caller)
        assert "errors" not in body, body
        answer = body["data"][case.root_field]
        if answer is None and case.nullable:
            continue
        assert answer is not None, body
        if case.who != "anyone" and isinstance(answer, dict):
            # Allowed means done: a mutation's payload without errors (a query has no errors field).
            assert answer.get("errors", []) == [], body
