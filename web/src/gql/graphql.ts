/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a line of a request does. */
export type BookingAction =
  /** "Nouvelle présence": book the unit that day. */
  | 'BOOK'
  /** "ANNULER": cancel the booking of the unit that day. */
  | 'CANCEL';

/** A one-off change: "Nouvelle présence" or "ANNULER" > "Cette demande". */
export type BookingChangeInput = {
  /** Book or cancel. */
  action?: BookingAction;
  /** The child. */
  childId: string | number;
  /** The day. */
  date: string;
  /** A unit of the request's period. */
  unitId: string | number;
};

/** Why a line cannot be booked or cancelled (the message says it in French). */
export type BookingRefusal =
  /** The child already has a booking (or a place in line) for the unit that day. */
  | 'ALREADY_BOOKED'
  /** The booking is already cancelled, refused or expired. */
  | 'BOOKING_ENDED'
  /** A cancellation request is already waiting for staff. */
  | 'CANCELLATION_ALREADY_REQUESTED'
  /** The cancellation deadline has passed and the activity refuses late cancellations. */
  | 'CANCELLATION_DEADLINE_PASSED'
  /** The activity does not run that day (holiday, closure, not one of its weekdays). */
  | 'CLOSED'
  /** The booking deadline of the unit has passed for that day. */
  | 'DEADLINE_PASSED'
  /** Another unit booked that day excludes this one (a day and a morning). */
  | 'EXCLUSIVE_UNIT'
  /** No place left that day and the activity has no waiting list. */
  | 'FULL'
  /** The child is not enrolled in the period. */
  | 'NOT_ENROLLED'
  /** Nothing to cancel: no booking that day. */
  | 'NO_BOOKING'
  /** The household has an invoice of the activity's regie unpaid past the delay the activity sets (`Activity.blockOverdueDays`): pay it in "Mes factures" to book again. */
  | 'OVERDUE_INVOICES';

/** "RECOPIER LA SÉLECTION" / "MODE RECOPIE": the units chosen for one day, copied to the chosen weekdays from `start` to `end` ("Plus de jours" with CANCEL). Only days the activity runs are reached; a cancelling repeat reaches only days with something to cancel. */
export type BookingRepeatInput = {
  /** Book or cancel. */
  action?: BookingAction;
  /** The children (one request may cover several). */
  childIds: Array<string | number>;
  /** Last day; null: the period's last. */
  end?: string | null | undefined;
  /** Every week, every other week, even or odd weeks. */
  frequency?: RepeatFrequency;
  /** First day; null: the period's first. */
  start?: string | null | undefined;
  /** The units selected. */
  unitIds: Array<string | number>;
  /** The days of the week to copy to. */
  weekdays: Array<Weekday>;
};

/** A booking request for one period: one-off changes and repeats, for one or several children. `previewBookingRequest` and `submitBookingRequest` take the same input. */
export type BookingRequestInput = {
  /** One-off changes. */
  changes?: Array<BookingChangeInput>;
  /** The period (the service chosen). */
  periodId: string | number;
  /** Repeats. */
  repeats?: Array<BookingRepeatInput>;
};

/** Where a booking request ("dossier") stands, derived from its lines. */
export type BookingRequestState =
  /** Acceptée: every line settled, none refused. */
  | 'ACCEPTED'
  /** Annulée: every booking of it was cancelled. */
  | 'CANCELLED'
  /** Expirée: its basket was not paid in time. */
  | 'EXPIRED'
  /** Partiellement acceptée: some lines accepted, some refused. */
  | 'PARTIALLY_ACCEPTED'
  /** En attente de traitement: some line awaits staff, a payment or a place. */
  | 'PENDING'
  /** Refusée. */
  | 'REFUSED';

/** Where a booking stands: the legend of the planning ("Légende > Icônes d'état"). */
export type BookingState =
  /** Présence acceptée. */
  | 'ACCEPTED'
  /** Demande d'annulation: asked after the deadline, staff decide; the place is still held. */
  | 'CANCELLATION_REQUESTED'
  /** Présence annulée. */
  | 'CANCELLED'
  /** Expirée: held in a basket that was not paid in time. */
  | 'EXPIRED'
  /** Présence en attente de traitement: staff (or the basket's payment) will settle it. */
  | 'PENDING'
  /** Présence refusée. */
  | 'REFUSED'
  /** Présence en liste d'attente: the day was full; it gets the next place that frees. */
  | 'WAITING';

/** Why a day is open or closed in a period's calendar. */
export type DayStatusCode =
  /** Closed by staff. */
  | 'CLOSURE'
  /** Open by exception (staff added the day). */
  | 'EXTRA_DAY'
  /** The activity does not run on this day of the week. */
  | 'NOT_A_WEEKDAY_OF_THE_ACTIVITY'
  /** Open. */
  | 'OPEN'
  /** Before the period's first day or after its last. */
  | 'OUTSIDE_PERIOD'
  /** A public holiday. */
  | 'PUBLIC_HOLIDAY'
  /** School holidays (the activity runs in school time). */
  | 'SCHOOL_HOLIDAY'
  /** School time (the activity runs in school holidays). */
  | 'SCHOOL_TIME';

/** Where an enrolment stands. */
export type EnrolmentState =
  /** Enrolled: the child may book the period's units. */
  | 'ACCEPTED'
  /** Asked for; staff have not decided yet. */
  | 'PENDING'
  /** Refused by staff (see `reason`); the family may ask again. */
  | 'REFUSED'
  /** Withdrawn by the family. */
  | 'WITHDRAWN';

/** Why a mutation refused its input; each payload's `errors` carries these codes. */
export type ErrorCode =
  /** The account is already confirmed. */
  | 'ALREADY_CONFIRMED'
  /** The change or document was already approved or rejected. */
  | 'ALREADY_DECIDED'
  /** The child is already enrolled in (or has asked for) this period. */
  | 'ALREADY_ENROLLED'
  /** Bookings that still stand (pending, accepted, cancellation requested, waiting) would be left on days the change closes, or beyond the capacity: the message says how many and when. For a calendar, give a cancellation reason to cancel them (the families are mailed). */
  | 'BOOKINGS_IN_THE_WAY'
  /** Another object already uses this code. */
  | 'CODE_ALREADY_USED'
  /** A date that must be in the past (a birth date) is in the future. */
  | 'DATE_IN_FUTURE'
  /** A supporting document the activity requires has not been accepted yet. */
  | 'DOCUMENT_MISSING'
  /** The same child, unit and day appear twice in the request. */
  | 'DUPLICATE_CHANGE'
  /** Another account already uses this e-mail address. */
  | 'EMAIL_ALREADY_USED'
  /** The end of a date range is before its start. */
  | 'END_BEFORE_START'
  /** The town made this field hidden or read-only for families. */
  | 'FIELD_NOT_EDITABLE'
  /** The uploaded file is empty. */
  | 'FILE_EMPTY'
  /** The file's content (read from its first bytes, not its name) is not an accepted format. */
  | 'FILE_FORMAT_REFUSED'
  /** The file name contains a path separator, '..' or control characters. */
  | 'FILE_NAME_INVALID'
  /** The uploaded file is over the size limit of its document type (see the message). */
  | 'FILE_TOO_LARGE'
  /** The value is not of the expected form (see the message). */
  | 'INVALID'
  /** The e-mail address or the password is wrong (never says which). */
  | 'INVALID_CREDENTIALS'
  /** The e-mail address is malformed. */
  | 'INVALID_EMAIL'
  /** The phone number is not a valid French or international number. */
  | 'INVALID_PHONE'
  /** The postcode is not a French postcode (for an address in France). */
  | 'INVALID_POSTCODE'
  /** Other records depend on the object (activities requiring a document type, documents handed in under it): the message says how many. */
  | 'IN_USE'
  /** Nothing is left to pay there: the invoice is paid, cancelled, or a credit note. */
  | 'NOTHING_TO_PAY'
  /** No line of the request can change anything (every one is refused): one error per input item, at its place (`changes.<i>.date` for a one-off change, `repeats.<i>` for a repeat), its message saying why (for a repeat, its distinct reasons). */
  | 'NOTHING_TO_SUBMIT'
  /** The booking or request awaits no staff decision (already decided, or waiting). */
  | 'NOT_AWAITING_DECISION'
  /** The child is outside the activity's ages or class levels. */
  | 'NOT_ELIGIBLE'
  /** The child is not enrolled (accepted) in the period: enrol first. */
  | 'NOT_ENROLLED'
  /** No such object, or not one of yours (the two are never told apart). */
  | 'NOT_FOUND'
  /** The enrolment is neither pending nor accepted (refused, or already withdrawn). */
  | 'NOT_WITHDRAWABLE'
  /** No day of the range matches the chosen weekdays, or the activity runs on none of them. */
  | 'NO_MATCHING_DAY'
  /** A repeat names no unit to copy. */
  | 'NO_UNIT'
  /** A date lies outside the period's first and last days. */
  | 'OUTSIDE_PERIOD'
  /** The new password contains the account's e-mail address. */
  | 'PASSWORD_CONTAINS_EMAIL'
  /** The new password is too common or too easy to guess. */
  | 'PASSWORD_TOO_COMMON'
  /** The new password is longer than the policy's maximum. */
  | 'PASSWORD_TOO_LONG'
  /** The new password is shorter than the policy's minimum. */
  | 'PASSWORD_TOO_SHORT'
  /** A payment of this basket or invoice is under way at PayFiP: finish it, or wait until it ends. */
  | 'PAYMENT_IN_PROGRESS'
  /** Online payment cannot be opened: PayFiP does not answer, or the regie takes no online payment (see the message). */
  | 'PAYMENT_UNAVAILABLE'
  /** The period has ended: nobody enrols in it any more. */
  | 'PERIOD_OVER'
  /** The date range is longer than the period, or than the limit (see the message). */
  | 'RANGE_TOO_LONG'
  /** A rejection needs a reason the family can read. */
  | 'REASON_REQUIRED'
  /** A required field is empty. */
  | 'REQUIRED'
  /** The new password is the current one. */
  | 'SAME_PASSWORD'
  /** A section of the records the activity requires is still to complete. */
  | 'SECTION_INCOMPLETE'
  /** The link has expired: ask for a new one. */
  | 'TOKEN_EXPIRED'
  /** The link's token is unknown or altered. */
  | 'TOKEN_INVALID'
  /** The link has already been used. */
  | 'TOKEN_USED'
  /** The value is longer than the field allows. */
  | 'TOO_LONG'
  /** Too many failed sign-ins, or password reset requests: wait before trying again (see the message). */
  | 'TOO_MANY_ATTEMPTS'
  /** The request holds more changes (or repeats) than one request may (see the message). */
  | 'TOO_MANY_CHANGES'
  /** The current password given to confirm a change is wrong. */
  | 'WRONG_PASSWORD';

/** How bookings are paid. */
export type PaymentMode =
  /** Paid at booking, through the basket. */
  | 'BASKET'
  /** Invoiced afterwards. */
  | 'INVOICE';

/** A section of the records, as the screens group fields. */
export type RecordSection =
  /** "Mon foyer" > "ADRESSE DE CORRESPONDANCE" (with the household phones). */
  | 'ADDRESS'
  /** A child's consents (image rights, emergency care, leaving alone, outings). */
  | 'AUTHORISATIONS'
  /** Who may pick the child up or be called in an emergency. */
  | 'AUTHORIZED_PERSONS'
  /** "Mon foyer" > "INFORMATIONS COMPLÉMENTAIRES" (CAF, quotient, insurance). */
  | 'COMPLEMENTARY'
  /** The family must confirm its records are accurate (never done, or expired). */
  | 'CONFIRMATION'
  /** A child's doctor, allergies, medical notes and PAI. */
  | 'HEALTH'
  /** Consents asked once per household (e.g. a service's rules). */
  | 'HOUSEHOLD_CONSENTS'
  /** A child's identity. */
  | 'IDENTITY'
  /** "Mon foyer" > "MOI": the signed-in guardian. */
  | 'ME'
  /** A child's diet and food allergies. */
  | 'MEALS'
  /** "Mon foyer" > "AUTRE RESPONSABLE". */
  | 'OTHER_GUARDIAN'
  /** A child's school and class. */
  | 'SCHOOLING'
  /** A child's vaccinations. */
  | 'VACCINATIONS';

/** How often the chosen weekdays repeat ("MODE RECOPIE"). */
export type RepeatFrequency =
  /** Even ISO week numbers, as printed on French calendars. */
  | 'EVEN_WEEKS'
  /** The week of the start date, then every other week. */
  | 'EVERY_OTHER_WEEK'
  /** Every week. */
  | 'EVERY_WEEK'
  /** Odd ISO week numbers. */
  | 'ODD_WEEKS';

/** What an account may do. */
export type Role =
  /** Town staff who also manage staff and settings. */
  | 'ADMIN'
  /** A guardian managing their household. */
  | 'FAMILY'
  /** Town staff running the services. */
  | 'STAFF';

/** A day of the week. */
export type Weekday =
  /** Vendredi. */
  | 'FRIDAY'
  /** Lundi. */
  | 'MONDAY'
  /** Samedi. */
  | 'SATURDAY'
  /** Dimanche. */
  | 'SUNDAY'
  /** Jeudi. */
  | 'THURSDAY'
  /** Mardi. */
  | 'TUESDAY'
  /** Mercredi. */
  | 'WEDNESDAY';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { roles: Array<Role>, account: { id: string, email: string }, profile: { firstName: string, lastName: string }, household: { id: string, name: string } | null, toComplete: Array<{ section: RecordSection, childId: string | null, label: string, missingFields: Array<string> }> } | null };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
  rememberMe: boolean;
}>;


export type LoginMutation = { login: { viewer: { account: { id: string, email: string } } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: { ok: boolean, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type ConfirmAccountMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type ConfirmAccountMutation = { confirmAccount: { viewer: { account: { id: string, email: string } } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: { ok: boolean, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type ResetPasswordMutation = { resetPassword: { ok: boolean, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type PlanningMonthQueryVariables = Exact<{
  from: string;
  to: string;
  childIds?: Array<string | number> | string | number | null | undefined;
  includeCancelledAndRefused: boolean;
  includeOtherAccounts: boolean;
}>;


export type PlanningMonthQuery = { bookingLegend: Array<{ state: BookingState, label: string }>, planning: { from: string, to: string, children: Array<{ id: string, firstName: string, lastName: string }>, units: Array<{ id: string, name: string, periodId: string, activityName: string }>, days: Array<{ date: string, bookings: Array<{ id: string, childId: string, unitId: string, state: BookingState, fromOtherAccount: boolean, waitingPosition: number | null }> }> } };

export type PlanningChildrenQueryVariables = Exact<{ [key: string]: never; }>;


export type PlanningChildrenQuery = { children: Array<{ id: string, firstName: string, lastName: string }> };

export type PlanningCatalogueQueryVariables = Exact<{
  childId: string | number;
}>;


export type PlanningCatalogueQuery = { catalogue: Array<{ id: string, name: string, activities: Array<{ id: string, name: string, periods: Array<{ id: string, name: string, path: string, start: string, end: string, weekdays: Array<Weekday>, payment: PaymentMode, enrolment: { id: string, state: EnrolmentState } | null, units: Array<{ id: string, name: string, priceText: string, bookingDeadline: string, cancellationDeadline: string }> }> }> }> };

export type DayWindowQueryVariables = Exact<{
  childId: string | number;
  periodId: string | number;
  from: string;
  to: string;
}>;


export type DayWindowQuery = { bookableDays: { periodId: string, path: string, enrolled: boolean, child: { id: string, firstName: string, lastName: string }, days: Array<{ date: string, open: boolean, status: DayStatusCode, label: string, units: Array<{ unitId: string, unitName: string, bookable: boolean, refusal: BookingRefusal | null, message: string, wouldWait: boolean, placesLeft: number | null, waitingCount: number, bookingDeadline: string, cancellationDeadline: string, price: number, priceText: string, late: boolean, cancellable: boolean, cancellationOutcome: BookingState | null, cancellationInBasket: boolean, cancellationCharged: boolean, cancellationMessage: string, booking: { id: string, state: BookingState, stateLabel: string, waitingPosition: number | null, fromOtherAccount: boolean } | null }> }> } };

export type SummaryFieldsFragment = { periodId: string, path: string, state: BookingRequestState | null, stateLabel: string, takenCount: number, refusedCount: number, total: number, totalText: string, lines: Array<{ position: number, childId: string, childName: string, unitId: string, unitName: string, date: string, action: BookingAction, outcome: BookingState | null, refusal: BookingRefusal | null, message: string, price: number, priceText: string, late: boolean, waitingPosition: number | null }>, estimate: Array<{ regie: string, total: number, totalText: string, lines: Array<{ label: string, quantity: number, unitPrice: number, amount: number, amountText: string }> }> };

export type PreviewBookingRequestMutationVariables = Exact<{
  input: BookingRequestInput;
}>;


export type PreviewBookingRequestMutation = { previewBookingRequest: { summary: { periodId: string, path: string, state: BookingRequestState | null, stateLabel: string, takenCount: number, refusedCount: number, total: number, totalText: string, lines: Array<{ position: number, childId: string, childName: string, unitId: string, unitName: string, date: string, action: BookingAction, outcome: BookingState | null, refusal: BookingRefusal | null, message: string, price: number, priceText: string, late: boolean, waitingPosition: number | null }>, estimate: Array<{ regie: string, total: number, totalText: string, lines: Array<{ label: string, quantity: number, unitPrice: number, amount: number, amountText: string }> }> } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type SubmitBookingRequestMutationVariables = Exact<{
  input: BookingRequestInput;
}>;


export type SubmitBookingRequestMutation = { submitBookingRequest: { summary: { periodId: string, path: string, state: BookingRequestState | null, stateLabel: string, takenCount: number, refusedCount: number, total: number, totalText: string, lines: Array<{ position: number, childId: string, childName: string, unitId: string, unitName: string, date: string, action: BookingAction, outcome: BookingState | null, refusal: BookingRefusal | null, message: string, price: number, priceText: string, late: boolean, waitingPosition: number | null }>, estimate: Array<{ regie: string, total: number, totalText: string, lines: Array<{ label: string, quantity: number, unitPrice: number, amount: number, amountText: string }> }> } | null, request: { id: string, number: number, numberText: string, state: BookingRequestState, stateLabel: string, path: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export const SummaryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"takenCount"}},{"kind":"Field","name":{"kind":"Name","value":"refusedCount"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"refusal"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"priceText"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPosition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]} as unknown as DocumentNode<SummaryFieldsFragment, unknown>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toComplete"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rememberMe"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"rememberMe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rememberMe"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ConfirmAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmAccountMutation, ConfirmAccountMutationVariables>;
export const RequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const PlanningMonthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanningMonth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeCancelledAndRefused"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeOtherAccounts"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingLegend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"planning"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"childIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeCancelledAndRefused"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeCancelledAndRefused"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeOtherAccounts"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeOtherAccounts"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"bookings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fromOtherAccount"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPosition"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PlanningMonthQuery, PlanningMonthQueryVariables>;
export const PlanningChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanningChildren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]} as unknown as DocumentNode<PlanningChildrenQuery, PlanningChildrenQueryVariables>;
export const PlanningCatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanningCatalogue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"weekdays"}},{"kind":"Field","name":{"kind":"Name","value":"payment"}},{"kind":"Field","name":{"kind":"Name","value":"enrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priceText"}},{"kind":"Field","name":{"kind":"Name","value":"bookingDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationDeadline"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PlanningCatalogueQuery, PlanningCatalogueQueryVariables>;
export const DayWindowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DayWindow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookableDays"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}},{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"child"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"bookable"}},{"kind":"Field","name":{"kind":"Name","value":"refusal"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"wouldWait"}},{"kind":"Field","name":{"kind":"Name","value":"placesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"waitingCount"}},{"kind":"Field","name":{"kind":"Name","value":"bookingDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"priceText"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPosition"}},{"kind":"Field","name":{"kind":"Name","value":"fromOtherAccount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cancellable"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationInBasket"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationCharged"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationMessage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DayWindowQuery, DayWindowQueryVariables>;
export const PreviewBookingRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PreviewBookingRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BookingRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewBookingRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SummaryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"takenCount"}},{"kind":"Field","name":{"kind":"Name","value":"refusedCount"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"refusal"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"priceText"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPosition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewBookingRequestMutation, PreviewBookingRequestMutationVariables>;
export const SubmitBookingRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitBookingRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BookingRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitBookingRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SummaryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"numberText"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"takenCount"}},{"kind":"Field","name":{"kind":"Name","value":"refusedCount"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"refusal"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"priceText"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPosition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitBookingRequestMutation, SubmitBookingRequestMutationVariables>;