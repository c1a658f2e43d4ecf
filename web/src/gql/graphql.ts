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

/** An invoice, or a credit note cancelling one. */
export type InvoiceKind =
  /** A credit note ("avoir"): a negative total. */
  | 'CREDIT_NOTE'
  /** An invoice ("facture"). */
  | 'INVOICE';

/** Where an invoice stands (the "Etat" column of "Mes factures"). */
export type InvoiceState =
  /** Cancelled by a credit note: nothing is owed. */
  | 'CANCELLED'
  /** Paid in full ("Facture acquittée"). */
  | 'PAID'
  /** Partly paid: `leftToPay` is still owed. */
  | 'PARTLY_PAID'
  /** Nothing paid yet. */
  | 'UNPAID';

/** How a payment was made. */
export type PaymentMethod =
  /** Card at the regie's desk. */
  | 'CARD'
  /** Cash at the regie's desk. */
  | 'CASH'
  /** CESU vouchers at the regie's desk. */
  | 'CESU'
  /** Cheque at the regie's desk. */
  | 'CHEQUE'
  /** The household's credit ("avoir") deducted when its basket was validated: nothing collected. */
  | 'CREDIT'
  /** Online, through PayFiP. */
  | 'PAYFIP';

/** Where a payment stands. */
export type PaymentState =
  /** The payer gave up, or the payment page expired. */
  | 'ABANDONED'
  /** PayFiP could not open the payment: nothing was paid. */
  | 'FAILED'
  /** Opened at PayFiP: the payer has not finished (or PayFiP not told us yet). */
  | 'IN_PROGRESS'
  /** Paid: what it covered is settled. */
  | 'PAID'
  /** The card (or direct debit) was refused. */
  | 'REFUSED';

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

/** What an account may do. */
export type Role =
  /** Town staff who also manage staff and settings. */
  | 'ADMIN'
  /** A guardian managing their household. */
  | 'FAMILY'
  /** Town staff running the services. */
  | 'STAFF';

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

export type BookingHistoryQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  childId?: string | number | null | undefined;
  state?: BookingRequestState | null | undefined;
  periodId?: string | number | null | undefined;
}>;


export type BookingHistoryQuery = { bookingRequests: { edges: Array<{ cursor: string, node: { id: string, numberText: string, createdAt: string, state: BookingRequestState, stateLabel: string, periodId: string, path: string, firstDay: string, lastDay: string, children: Array<string>, referent: string, lines: Array<{ id: string, position: number, childName: string, unitName: string, date: string, action: BookingAction, state: BookingState, stateLabel: string, message: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HistoryChildrenQueryVariables = Exact<{ [key: string]: never; }>;


export type HistoryChildrenQuery = { children: Array<{ id: string, firstName: string, lastName: string }> };

export type BasketPartsFragment = { isEmpty: boolean, total: number, totalText: string, regies: Array<{ total: number, totalText: string, credit: number, creditText: string, toPay: number, toPayText: string, payBefore: string, paymentUnderWay: boolean, regie: { id: string, name: string }, requests: Array<{ requestId: string, number: string, childNames: Array<string>, path: string, createdAt: string, payBefore: string, total: number, totalText: string, lines: Array<{ bookingId: string, designation: string, childName: string, date: string, quantity: number, unitPriceText: string, amountText: string }> }> }> };

export type BasketQueryVariables = Exact<{ [key: string]: never; }>;


export type BasketQuery = { basket: { isEmpty: boolean, total: number, totalText: string, regies: Array<{ total: number, totalText: string, credit: number, creditText: string, toPay: number, toPayText: string, payBefore: string, paymentUnderWay: boolean, regie: { id: string, name: string }, requests: Array<{ requestId: string, number: string, childNames: Array<string>, path: string, createdAt: string, payBefore: string, total: number, totalText: string, lines: Array<{ bookingId: string, designation: string, childName: string, date: string, quantity: number, unitPriceText: string, amountText: string }> }> }> } };

export type RemoveFromBasketMutationVariables = Exact<{
  requestId: string | number;
}>;


export type RemoveFromBasketMutation = { removeFromBasket: { basket: { isEmpty: boolean, total: number, totalText: string, regies: Array<{ total: number, totalText: string, credit: number, creditText: string, toPay: number, toPayText: string, payBefore: string, paymentUnderWay: boolean, regie: { id: string, name: string }, requests: Array<{ requestId: string, number: string, childNames: Array<string>, path: string, createdAt: string, payBefore: string, total: number, totalText: string, lines: Array<{ bookingId: string, designation: string, childName: string, date: string, quantity: number, unitPriceText: string, amountText: string }> }> }> } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type CheckoutBasketMutationVariables = Exact<{
  regieId: string | number;
  returnUrl: string;
}>;


export type CheckoutBasketMutation = { checkoutBasket: { redirectUrl: string | null, invoiceId: string | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type PaymentStateQueryVariables = Exact<{
  id: string | number;
}>;


export type PaymentStateQuery = { payment: { id: string, state: PaymentState, amountText: string, reference: string, paidAt: string | null } };

export type UnpaidInvoiceCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnpaidInvoiceCountQuery = { unpaidInvoiceCount: number };

export type InvoicePartsFragment = { id: string, number: string, kind: InvoiceKind, state: InvoiceState, stateLabel: string, month: string | null, issuedAt: string, dueDate: string, totalText: string, paidText: string, leftToPay: number, leftToPayText: string, viewUrl: string, downloadUrl: string, regie: { id: string, name: string }, lines: Array<{ childName: string, designation: string, date: string | null, quantity: number, unitPriceText: string, amountText: string }>, payments: Array<{ reference: string, method: PaymentMethod, paidAt: string | null, amountText: string }> };

export type InvoicesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type InvoicesQuery = { unpaidInvoiceCount: number, invoices: { edges: Array<{ cursor: string, node: { id: string, number: string, kind: InvoiceKind, state: InvoiceState, stateLabel: string, month: string | null, issuedAt: string, dueDate: string, totalText: string, paidText: string, leftToPay: number, leftToPayText: string, viewUrl: string, downloadUrl: string, regie: { id: string, name: string }, lines: Array<{ childName: string, designation: string, date: string | null, quantity: number, unitPriceText: string, amountText: string }>, payments: Array<{ reference: string, method: PaymentMethod, paidAt: string | null, amountText: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InvoiceDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type InvoiceDetailQuery = { invoice: { id: string, number: string, kind: InvoiceKind, state: InvoiceState, stateLabel: string, month: string | null, issuedAt: string, dueDate: string, totalText: string, paidText: string, leftToPay: number, leftToPayText: string, viewUrl: string, downloadUrl: string, regie: { id: string, name: string }, lines: Array<{ childName: string, designation: string, date: string | null, quantity: number, unitPriceText: string, amountText: string }>, payments: Array<{ reference: string, method: PaymentMethod, paidAt: string | null, amountText: string }> } };

export type PayInvoicesMutationVariables = Exact<{
  invoiceIds: Array<string | number> | string | number;
  returnUrl: string;
}>;


export type PayInvoicesMutation = { payInvoices: { redirectUrl: string | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export const BasketPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BasketParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Basket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isEmpty"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"regies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"creditText"}},{"kind":"Field","name":{"kind":"Name","value":"toPay"}},{"kind":"Field","name":{"kind":"Name","value":"toPayText"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"paymentUnderWay"}},{"kind":"Field","name":{"kind":"Name","value":"requests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"childNames"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingId"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BasketPartsFragment, unknown>;
export const InvoicePartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"paidText"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPay"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPayText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<InvoicePartsFragment, unknown>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toComplete"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rememberMe"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"rememberMe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rememberMe"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ConfirmAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmAccountMutation, ConfirmAccountMutationVariables>;
export const RequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const BookingHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BookingHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BookingRequestState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}},{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"numberText"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"firstDay"}},{"kind":"Field","name":{"kind":"Name","value":"lastDay"}},{"kind":"Field","name":{"kind":"Name","value":"children"}},{"kind":"Field","name":{"kind":"Name","value":"referent"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<BookingHistoryQuery, BookingHistoryQueryVariables>;
export const HistoryChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HistoryChildren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]} as unknown as DocumentNode<HistoryChildrenQuery, HistoryChildrenQueryVariables>;
export const BasketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Basket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BasketParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BasketParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Basket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isEmpty"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"regies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"creditText"}},{"kind":"Field","name":{"kind":"Name","value":"toPay"}},{"kind":"Field","name":{"kind":"Name","value":"toPayText"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"paymentUnderWay"}},{"kind":"Field","name":{"kind":"Name","value":"requests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"childNames"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingId"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BasketQuery, BasketQueryVariables>;
export const RemoveFromBasketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveFromBasket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeFromBasket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BasketParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BasketParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Basket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isEmpty"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"regies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"creditText"}},{"kind":"Field","name":{"kind":"Name","value":"toPay"}},{"kind":"Field","name":{"kind":"Name","value":"toPayText"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"paymentUnderWay"}},{"kind":"Field","name":{"kind":"Name","value":"requests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"childNames"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingId"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RemoveFromBasketMutation, RemoveFromBasketMutationVariables>;
export const CheckoutBasketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckoutBasket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regieId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"returnUrl"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkoutBasket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regieId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regieId"}}},{"kind":"Argument","name":{"kind":"Name","value":"returnUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"returnUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redirectUrl"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CheckoutBasketMutation, CheckoutBasketMutationVariables>;
export const PaymentStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}}]} as unknown as DocumentNode<PaymentStateQuery, PaymentStateQueryVariables>;
export const UnpaidInvoiceCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnpaidInvoiceCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unpaidInvoiceCount"}}]}}]} as unknown as DocumentNode<UnpaidInvoiceCountQuery, UnpaidInvoiceCountQueryVariables>;
export const InvoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unpaidInvoiceCount"}},{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InvoiceParts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"paidText"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPay"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPayText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<InvoicesQuery, InvoicesQueryVariables>;
export const InvoiceDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvoiceDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InvoiceParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"paidText"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPay"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPayText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<InvoiceDetailQuery, InvoiceDetailQueryVariables>;
export const PayInvoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PayInvoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invoiceIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"returnUrl"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payInvoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invoiceIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"returnUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"returnUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redirectUrl"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PayInvoicesMutation, PayInvoicesMutationVariables>;