/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where a supporting document stands in its review by staff. */
export type DocumentState =
  /** Accepted by staff. */
  | 'ACCEPTED'
  /** Awaiting review: the family may still replace or delete it. */
  | 'PENDING'
  /** Rejected by staff; `reason` says why. Hand in a new one. */
  | 'REJECTED';

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

/** A file format the town accepts, recognised from the file's content. */
export type FileFormat =
  /** JPEG photo or scan (image/jpeg). */
  | 'JPEG'
  /** PDF document (application/pdf). */
  | 'PDF'
  /** PNG image (image/png). */
  | 'PNG';

/** Why a child may not be enrolled in a period yet. */
export type MissingKind =
  /** The child's age on the period's first day is outside the activity's ages. */
  | 'AGE'
  /** The child's class is not one the activity takes. */
  | 'CLASS_LEVEL'
  /** A supporting document the activity requires is not accepted yet (`code`: its type). */
  | 'DOCUMENT'
  /** A section of the records the activity requires is still to complete (`code`). */
  | 'RECORD_SECTION';

/** How bookings are paid. */
export type PaymentMode =
  /** Paid at booking, through the basket. */
  | 'BASKET'
  /** Invoiced afterwards. */
  | 'INVOICE';

/** What kind of line of "Mes documents à éditer". */
export type PrintableFormKind =
  /** A child's "Fiche sanitaire de liaison", generated from the current records each time it is opened. */
  | 'HEALTH_FORM'
  /** A form staff published (e.g. the canteen's rules). */
  | 'TOWN_FORM';

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

export type MyDocumentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDocumentsQuery = { printableForms: Array<{ id: string, kind: PrintableFormKind, title: string, description: string, fileName: string, format: FileFormat, childName: string | null, publishedAt: string | null, viewUrl: string, downloadUrl: string, linksExpireAt: string }>, documents: Array<{ id: string, state: DocumentState, reason: string, validUntil: string | null, fileName: string, format: FileFormat, size: number, uploadedAt: string, reviewedAt: string | null, childId: string | null, childName: string | null, viewUrl: string, downloadUrl: string, type: { id: string, label: string } }>, documentTypes: Array<{ id: string, label: string, perChild: boolean, acceptedFormats: Array<FileFormat>, maxBytes: number }>, children: Array<{ id: string, firstName: string, lastName: string }> };

export type UploadDocumentMutationVariables = Exact<{
  file: File;
  typeId: string | number;
  childId?: string | number | null | undefined;
}>;


export type UploadDocumentMutation = { uploadDocument: { document: { id: string, state: DocumentState, fileName: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type ReplaceDocumentMutationVariables = Exact<{
  id: string | number;
  file: File;
}>;


export type ReplaceDocumentMutation = { replaceDocument: { document: { id: string, state: DocumentState, fileName: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type EnrolmentChildrenQueryVariables = Exact<{ [key: string]: never; }>;


export type EnrolmentChildrenQuery = { children: Array<{ id: string, firstName: string, lastName: string }> };

export type CatalogueQueryVariables = Exact<{
  childId: string | number;
}>;


export type CatalogueQuery = { catalogue: Array<{ id: string, name: string, activities: Array<{ id: string, name: string, periods: Array<{ id: string, name: string, path: string, start: string, end: string, weekdays: Array<Weekday>, payment: PaymentMode, canEnrol: boolean, enrolment: { id: string, state: EnrolmentState, reason: string } | null, missing: Array<{ kind: MissingKind, code: string, message: string }> }> }> }> };

export type EnrollChildMutationVariables = Exact<{
  childId: string | number;
  periodId: string | number;
}>;


export type EnrollChildMutation = { enrollChild: { enrolment: { id: string, state: EnrolmentState, reason: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type WithdrawEnrolmentMutationVariables = Exact<{
  enrolmentId: string | number;
}>;


export type WithdrawEnrolmentMutation = { withdrawEnrolment: { requestNumber: string | null, cancelledCount: number, cancellationRequestedCount: number, keptCount: number, enrolment: { id: string, state: EnrolmentState } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toComplete"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rememberMe"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"rememberMe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rememberMe"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ConfirmAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmAccountMutation, ConfirmAccountMutationVariables>;
export const RequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const MyDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printableForms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"linksExpireAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"type"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"perChild"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedFormats"}},{"kind":"Field","name":{"kind":"Name","value":"maxBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]} as unknown as DocumentNode<MyDocumentsQuery, MyDocumentsQueryVariables>;
export const UploadDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"typeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"typeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"typeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UploadDocumentMutation, UploadDocumentMutationVariables>;
export const ReplaceDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplaceDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replaceDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReplaceDocumentMutation, ReplaceDocumentMutationVariables>;
export const EnrolmentChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrolmentChildren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]} as unknown as DocumentNode<EnrolmentChildrenQuery, EnrolmentChildrenQueryVariables>;
export const CatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalogue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"weekdays"}},{"kind":"Field","name":{"kind":"Name","value":"payment"}},{"kind":"Field","name":{"kind":"Name","value":"canEnrol"}},{"kind":"Field","name":{"kind":"Name","value":"enrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CatalogueQuery, CatalogueQueryVariables>;
export const EnrollChildDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollChild"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollChild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}},{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EnrollChildMutation, EnrollChildMutationVariables>;
export const WithdrawEnrolmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawEnrolment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enrolmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawEnrolment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enrolmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enrolmentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestNumber"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledCount"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationRequestedCount"}},{"kind":"Field","name":{"kind":"Name","value":"keptCount"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawEnrolmentMutation, WithdrawEnrolmentMutationVariables>;