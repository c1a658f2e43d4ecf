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
from tests.support.snapshot import database_state, stored_files

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
    Case("Mutation.resendAccountConfirmation", "accountId", "account_b", FORBIDDEN,
         "mutation($id: ID!) { resendAccountConfirmation(accountId: $id) { " + payload("account { id }") + " } }",
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
    form = await upload_data(world.staff, PUBLISH, {"title": "Règlement de la restauration"},
                             ("reglement.pdf", pdf_bytes("Règlement"), "application/pdf"))
    ids["form"] = form["publishPrintableForm"]["printableForm"]["id"]

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
async def test_family_a_with_family_b_ids_is_answered_as_with_an_unknown_id(db, browser, clock, settings, case):
    at_town_time(clock, TODAY)
    world = await build_world(db, browser, settings)
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
class Open:
    """An operation that takes no id: ``who`` may call it ("anyone", signed in or not; or "staff": a
    family is refused FORBIDDEN, a visitor UNAUTHENTICATED, and nothing is written)."""

    operation: str
    who: str
    document: str
    variables: dict[str, Any] = field(default_factory=dict)

    @property
    def root_field(self) -> str:
        return self.operation.split(".", 1)[1]


WITHOUT_ID: list[Open] = [
    Open("Query.legalPage", "anyone", "query { legalPage(kind: PRIVACY) { title bodyHtml updatedAt } }"),
    Open("Mutation.updateLegalPage", "staff",
         "mutation($b: String!) { updateLegalPage(kind: LEGAL_NOTICE, input: {body: $b}) { "
         + payload("legalPage { body }") + " } }", {"b": "## Éditeur"}),
    Open("Mutation.updateAccessibilityStatement", "staff",
         "mutation($b: String!) { updateAccessibilityStatement(input: {body: $b, complianceRate: 80, "
         'auditDate: "2026-10-15"}) { ' + payload("legalPage { accessibility { status } }") + " } }",
         {"b": "## Contenus non accessibles"}),
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
]

# Operations without an id that were there before this list: each gets its line here in time. A new
# operation without an id cannot be added without one (the meta-test below).
LISTED_LATER = frozenset({
    "Mutation.addChild", "Mutation.changePassword", "Mutation.confirmAccount", "Mutation.confirmEmailChange",
    "Mutation.confirmRecords", "Mutation.createCalendarFeed", "Mutation.createCanteenSite",
    "Mutation.createDocumentType", "Mutation.createFacility", "Mutation.createGuideSection", "Mutation.createNews",
    "Mutation.createRegie", "Mutation.createUsefulLink", "Mutation.login", "Mutation.logout",
    "Mutation.openFamilyAccount", "Mutation.publishConsent", "Mutation.publishPrintableForm",
    "Mutation.requestPasswordReset", "Mutation.resetPassword", "Mutation.revokeCalendarFeed",
    "Mutation.setCertificationPeriod", "Mutation.setFieldRule", "Mutation.updateNotificationPreferences",
    "Mutation.updateProfile", "Mutation.updateTown", "Query.accountingExport", "Query.basket", "Query.bookingLegend",
    "Query.bookingQueue", "Query.bookingRequestFilters", "Query.bookingsExport", "Query.calendarFeed",
    "Query.canteenLegend", "Query.canteenSites", "Query.children", "Query.documentTypes", "Query.documentsToReview",
    "Query.facilities", "Query.guideSections", "Query.households", "Query.householdsExport", "Query.invoices",
    "Query.messageThreads", "Query.messageTopics", "Query.news", "Query.notificationPreferences",
    "Query.pendingChanges", "Query.pendingEnrolments", "Query.personalData", "Query.printableForms",
    "Query.recordFields", "Query.regies", "Query.staffNews", "Query.town", "Query.unpaidInvoiceCount",
    "Query.unreadMessageCount", "Query.usefulLinks", "Query.viewer",
})


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
    listed = {o.operation for o in WITHOUT_ID}
    assert not listed & LISTED_LATER, "an operation both listed and left for later"
    missing = sorted(in_schema - listed - LISTED_LATER)
    assert not missing, f"operations without an id missing from WITHOUT_ID: {missing}"
    stale = sorted((listed | LISTED_LATER) - in_schema)
    assert not stale, f"operations the schema no longer has (or that now take an id): {stale}"


@pytest.mark.parametrize("case", WITHOUT_ID, ids=lambda o: o.operation)
async def test_who_may_call_an_operation_without_an_id(db, browser, clock, case):
    at_town_time(clock, TODAY)
    family = await make_family(db, "alpha@famille-a.test", name="ALPHA")
    staff = await make_staff(db)
    callers = {
        "visitor": browser(),
        "family": await signed_in(browser(), family.email, family.password),
        "staff": await signed_in(browser(), staff.email, staff.password),
    }
    if case.who == "anyone":
        for client in callers.values():
            body = await client(case.document, case.variables)
            assert "errors" not in body and body["data"][case.root_field] is not None, body
        return
    before = await database_state(db)
    for caller, code in (("visitor", "UNAUTHENTICATED"), ("family", "FORBIDDEN")):
        body = await callers[caller](case.document, case.variables)
        assert body["data"] is None, body
        assert [e["extensions"]["code"] for e in body["errors"]] == [code], body
    assert await database_state(db) == before
    allowed = await callers["staff"](case.document, case.variables)
    answer = allowed["data"][case.root_field] if "errors" not in allowed else None
    assert answer is not None and answer.get("errors", []) == [], allowed  # a query has no errors field
