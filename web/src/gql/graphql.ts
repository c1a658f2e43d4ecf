/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The accessibility statement's conformity status, derived from the audit's rate as the RGAA says: every criterion met, at least half, or less (or no audit). `statusLabel` gives the French words. */
export type AccessibilityStatus =
  /** Totalement conforme: every criterion met (100 %). */
  | 'FULLY_COMPLIANT'
  /** Non conforme: under 50 % of the criteria met, or no audit. */
  | 'NON_COMPLIANT'
  /** Partiellement conforme: at least 50 % of the criteria met. */
  | 'PARTIALLY_COMPLIANT';

/** "ADRESSE DE CORRESPONDANCE": omitted fields stay as they are. */
export type AddressInput = {
  /** City. */
  city?: string | null | undefined;
  /** Complement. */
  complement?: string | null | undefined;
  /** ISO country code, "FR" by default; abroad the postcode is free. */
  country?: string | null | undefined;
  /** The commune's INSEE code (five characters, e.g. "56243"; 2A/2B for Corsica); "" clears it. Where the town lists its INSEE codes, it decides residence rather than the postcode. */
  inseeCode?: string | null | undefined;
  /** "Téléphone principal". */
  mainPhone?: string | null | undefined;
  /** Street number, e.g. "15". */
  number?: string | null | undefined;
  /** Postcode (five digits for France). */
  postcode?: string | null | undefined;
  /** "Téléphone secondaire". */
  secondaryPhone?: string | null | undefined;
  /** Street. */
  street?: string | null | undefined;
};

/** An authorised person. */
export type AuthorizedPersonInput = {
  /** To be called in an emergency. */
  emergencyContact?: boolean;
  /** First name. */
  firstName: string;
  /** Last name. */
  lastName: string;
  /** May pick the child up. */
  mayPickUp?: boolean;
  /** Mobile phone. */
  mobilePhone: string;
  /** Other phone. */
  otherPhone?: string;
  /** Relation to the child, e.g. "Grand-mère". */
  relation?: string;
};

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
  /** A unit counted in hours (`Unit.countedIn`): when the child arrives (required to book one, within its opening hours; refused for a unit booked by the day). Ignored to cancel. */
  arrival?: string | null | undefined;
  /** The child. */
  childId: string | number;
  /** The day. */
  date: string;
  /** A unit counted in hours: when the child leaves (after `arrival`). */
  departure?: string | null | undefined;
  /** A unit counted in quantities (`Unit.countedIn`): how many items (required to book one, 1 to its `maxQuantity`; refused for another unit). Booking a day already booked with another quantity changes it, re-priced, before the booking deadline. Ignored to cancel. */
  quantity?: number | null | undefined;
  /** A unit of the request's period. */
  unitId: string | number;
};

/** Why a line cannot be booked or cancelled (the message says it in French). */
export type BookingRefusal =
  /** The child already has a booking (or a place in line) for the unit that day. */
  | 'ALREADY_BOOKED'
  /** The period's bookings are closed (`PeriodBookingWindow.closesAt` passed): nothing of it is booked or cancelled online any more. */
  | 'BOOKING_CLOSED'
  /** The booking is already cancelled, refused or expired. */
  | 'BOOKING_ENDED'
  /** The period's bookings are not open yet for this household; the message says when they open ("Les réservations ouvrent le samedi 1er mai 2027 à 9h00."), as `catalogue` does (`PeriodBookingWindow.opensAt`). */
  | 'BOOKING_NOT_OPEN'
  /** Staff suspended the household's online bookings; the message gives their reason (`Household.onlineBooking`). Every line, booking or cancelling, is refused. */
  | 'BOOKING_SUSPENDED'
  /** A cancellation request is already waiting for staff. */
  | 'CANCELLATION_ALREADY_REQUESTED'
  /** The cancellation deadline has passed and the activity refuses late cancellations. */
  | 'CANCELLATION_DEADLINE_PASSED'
  /** The child already has (or this request gives) as many days of the unit in the period as it allows (`Unit.perChildCap`). */
  | 'CAP_REACHED'
  /** The activity does not run that day (holiday, closure, not one of its weekdays). */
  | 'CLOSED'
  /** The booking deadline of the unit has passed for that day. */
  | 'DEADLINE_PASSED'
  /** Another unit booked that day excludes this one (a day and a morning). */
  | 'EXCLUSIVE_UNIT'
  /** No place left that day and the activity has no waiting list. */
  | 'FULL'
  /** Linked units (`Unit.requires`): booked without any of the units it requires that day, or a cancellation that would leave a unit requiring this one alone; the message names both. */
  | 'LINKED_UNIT'
  /** The child is not enrolled in the period. */
  | 'NOT_ENROLLED'
  /** An event (`Unit.eventDates`) booked another day than its dates; the message says them. */
  | 'NOT_EVENT_DAY'
  /** The period is booked only by some households (the town's residents, or categories staff give) and this one is not among them. */
  | 'NOT_FOR_HOUSEHOLD'
  /** Nothing to cancel: no booking that day. */
  | 'NO_BOOKING'
  /** The household has an invoice of the activity's regie unpaid past the delay the activity sets (`Activity.blockOverdueDays`): pay it in "Mes factures" to book again. */
  | 'OVERDUE_INVOICES'
  /** The period is read-only (`PeriodBookingWindow.readOnlyFrom` passed): shown, not changed. */
  | 'PERIOD_READ_ONLY';

/** "RECOPIER LA SÉLECTION" / "MODE RECOPIE": the units chosen for one day, copied to the chosen weekdays from `start` to `end` ("Plus de jours" with CANCEL). Only days the activity runs are reached; a cancelling repeat reaches only days with something to cancel. */
export type BookingRepeatInput = {
  /** Book or cancel. */
  action?: BookingAction;
  /** The arrival of the units counted in hours among `unitIds`, the same each day (required when there is one; refused when there is none). */
  arrival?: string | null | undefined;
  /** The children (one request may cover several). */
  childIds: Array<string | number>;
  /** Their departure, the same each day (after `arrival`). */
  departure?: string | null | undefined;
  /** Last day; null: the period's last. */
  end?: string | null | undefined;
  /** Every week, every other week, even or odd weeks. */
  frequency?: RepeatFrequency;
  /** The quantity of the units counted in quantities among `unitIds`, the same each day (required when there is one, within each one's `maxQuantity`; refused when there is none). */
  quantity?: number | null | undefined;
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

/** A child's identity. */
export type ChildIdentityInput = {
  /** Birth date (not in the future). */
  birthDate?: string | null | undefined;
  /** First name. */
  firstName?: string | null | undefined;
  /** Last name. */
  lastName?: string | null | undefined;
  /** Sex. */
  sex?: Sex | null | undefined;
};

/** A child's class (French school levels). */
export type ClassLevel =
  /** Class CE1. */
  | 'CE1'
  /** Class CE2. */
  | 'CE2'
  /** Class CINQUIEME. */
  | 'CINQUIEME'
  /** Class CM1. */
  | 'CM1'
  /** Class CM2. */
  | 'CM2'
  /** Class CP. */
  | 'CP'
  /** Class GS. */
  | 'GS'
  /** Class MS. */
  | 'MS'
  /** Class PS. */
  | 'PS'
  /** Class QUATRIEME. */
  | 'QUATRIEME'
  /** Class SIXIEME. */
  | 'SIXIEME'
  /** Class TPS. */
  | 'TPS'
  /** Class TROISIEME. */
  | 'TROISIEME';

/** "INFORMATIONS COMPLÉMENTAIRES": omitted fields stay as they are. */
export type ComplementaryInput = {
  /** CAF/MSA beneficiary number (digits). */
  cafNumber?: string | null | undefined;
  /** Family quotient in euros (checked by staff before it applies). */
  familyQuotient?: number | null | undefined;
  /** Insurance company. */
  insuranceCompany?: string | null | undefined;
  /** Insurance policy number. */
  insurancePolicy?: string | null | undefined;
  /** Date the quotient applies from. */
  quotientFrom?: string | null | undefined;
  /** Free remarks. */
  remarks?: string | null | undefined;
};

/** An answer to a consent's current version. */
export type ConsentAnswerInput = {
  /** `ConsentDefinition.id` (the current version). */
  definitionId: string | number;
  /** Yes or no. */
  granted: boolean;
};

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

/** A child's diet at the canteen. */
export type Diet =
  /** No particular diet. */
  | 'NONE'
  /** No meat. */
  | 'NO_MEAT'
  /** Without pork. */
  | 'NO_PORK'
  /** Vegetarian. */
  | 'VEGETARIAN';

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
  /** On the waiting line of a full period or group (see `waitingRank`): it gets a place when one frees, by itself or once staff accept it, as the activity's `waitingListPromotion` says. */
  | 'WAITING'
  /** Withdrawn by the family. */
  | 'WITHDRAWN';

/** Why a mutation refused its input; each payload's `errors` carries these codes. */
export type ErrorCode =
  /** The period has no place left, and the activity keeps no waiting line. */
  | 'ACTIVITY_FULL'
  /** The household has already been anonymised. */
  | 'ALREADY_ANONYMISED'
  /** The account is already confirmed. */
  | 'ALREADY_CONFIRMED'
  /** The change or document was already approved or rejected. */
  | 'ALREADY_DECIDED'
  /** The child is already enrolled in (or has asked for) this period. */
  | 'ALREADY_ENROLLED'
  /** The ALTCHA challenge has expired: solve a new `altchaChallenge`. */
  | 'ALTCHA_EXPIRED'
  /** The anti-robot proof of work (ALTCHA) is missing, malformed, altered or wrong: solve a new `altchaChallenge`. */
  | 'ALTCHA_INVALID'
  /** The ALTCHA solution was already used (one solved challenge registers one family). */
  | 'ALTCHA_REPLAYED'
  /** Bookings that still stand (pending, accepted, cancellation requested, waiting) would be left on days the change closes, or beyond the capacity: the message says how many and when. For a calendar, give a cancellation reason to cancel them (the families are mailed). */
  | 'BOOKINGS_IN_THE_WAY'
  /** Another object already uses this code. */
  | 'CODE_ALREADY_USED'
  /** A consent the activity requires is not granted: not answered yet in its current version, or refused (`code`: its kind). */
  | 'CONSENT_MISSING'
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
  /** Enrolments in the period are closed: the message says since when (town time). */
  | 'ENROLMENT_CLOSED'
  /** Enrolments in the period are not open yet: the message says when they open (town time). */
  | 'ENROLMENT_NOT_OPEN'
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
  /** The group chosen has no place left in the period, and the activity keeps no waiting line (another group may have places: see `catalogue`). */
  | 'GROUP_FULL'
  /** Enrolments name the group: it cannot be deleted (the message says how many). */
  | 'GROUP_IN_USE'
  /** The group chosen is one of the activity's, limited to other periods (`EnrolmentGroup.periodIds`): the message names the period's groups (see `catalogue`). */
  | 'GROUP_NOT_IN_PERIOD'
  /** The household registered itself and waits for the town's validation: its records may be filled in, but bookings and enrolments wait until staff approve it (or merge it into the household the town knows). */
  | 'HOUSEHOLD_AWAITING_VALIDATION'
  /** The household still has business with the town (bookings ahead, invoices to pay, a basket or a payment under way): the message says which. */
  | 'HOUSEHOLD_STILL_ACTIVE'
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
  /** Staff would leave a unit without the unit it requires that day (`Unit.requires`): the message names both; decide them together, or cancel the dependent unit first. */
  | 'LINKED_UNIT'
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
  /** The enrolment is neither pending, accepted nor waiting (refused, or already withdrawn). */
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
  /** A question the town requires (of every family, or of the activity's) is not answered in its current wording yet (see `townQuestions`). */
  | 'QUESTION_UNANSWERED'
  /** The date range is longer than the period, or than the limit (see the message). */
  | 'RANGE_TOO_LONG'
  /** A rejection needs a reason the family can read. */
  | 'REASON_REQUIRED'
  /** The town does not let families create their own account (see `town.selfRegistration`). */
  | 'REGISTRATION_CLOSED'
  /** A required field is empty. */
  | 'REQUIRED'
  /** The new password is the current one. */
  | 'SAME_PASSWORD'
  /** A section of the records the activity requires is still to complete. */
  | 'SECTION_INCOMPLETE'
  /** The version of the terms of use accepted is not the current one (see `town.termsOfUse`): show it again and have it accepted. */
  | 'TERMS_NOT_ACCEPTED'
  /** Self-registration needs terms of use for families to accept: publish a consent of kind `CONDITIONS_UTILISATION` (household) first. */
  | 'TERMS_OF_USE_MISSING'
  /** The link has expired: ask for a new one. */
  | 'TOKEN_EXPIRED'
  /** The link's token is unknown or altered. */
  | 'TOKEN_INVALID'
  /** The link has already been used. */
  | 'TOKEN_USED'
  /** The value is longer than the field allows. */
  | 'TOO_LONG'
  /** Too many failed sign-ins, password reset requests or registrations from one client: wait before trying again (see the message). */
  | 'TOO_MANY_ATTEMPTS'
  /** The request holds more changes (or repeats) than one request may (see the message). */
  | 'TOO_MANY_CHANGES'
  /** A vaccine the activity requires (e.g. DTP for a holiday centre) is not recorded for the child, or its last injection no longer holds on the first day the child may come (the message names the vaccine). */
  | 'VACCINE_MISSING'
  /** The current password given to confirm a change is wrong. */
  | 'WRONG_PASSWORD';

/** What a field holds: the input a form shows for it. */
export type FieldKind =
  /** One of `choices`. */
  | 'CHOICE'
  /** An ISO 3166 country code, e.g. "FR". */
  | 'COUNTRY'
  /** A date (a birth date is not in the future). */
  | 'DATE'
  /** Digits only, e.g. a CAF number. */
  | 'DIGITS'
  /** An e-mail address. */
  | 'EMAIL'
  /** A commune's INSEE code: five characters, digits (2A or 2B then three digits in Corsica). */
  | 'INSEE_CODE'
  /** Free text on several lines. */
  | 'LONG_TEXT'
  /** A whole number, e.g. the family quotient. */
  | 'NUMBER'
  /** A phone number, French or international; read back in E.164. */
  | 'PHONE'
  /** A postcode: five digits in France. */
  | 'POSTCODE'
  /** One line of text (`maxLength` characters at most). */
  | 'TEXT'
  /** Yes or no (a checkbox). */
  | 'YES_NO';

/** What the town lets families do with a field. */
export type FieldMode =
  /** Editable, may stay empty. */
  | 'EDITABLE'
  /** Not shown to families. */
  | 'HIDDEN'
  /** Shown, not editable by families. */
  | 'READ_ONLY'
  /** Editable and required for the section to be complete. */
  | 'REQUIRED';

/** A file format the town accepts, recognised from the file's content. */
export type FileFormat =
  /** JPEG photo or scan (image/jpeg). */
  | 'JPEG'
  /** PDF document (application/pdf). */
  | 'PDF'
  /** PNG image (image/png). */
  | 'PNG';

/** "MOI" or "AUTRE RESPONSABLE": omitted fields stay as they are. */
export type GuardianInput = {
  /** Birth date (not in the future); null clears it. */
  birthDate?: string | null | undefined;
  /** "M." or "Mme". */
  civility?: string | null | undefined;
  /** Contact e-mail (the sign-in address is changed in `updateProfile`). */
  email?: string | null | undefined;
  /** Employer. */
  employer?: string | null | undefined;
  /** First name. */
  firstName?: string | null | undefined;
  /** Home phone. */
  homePhone?: string | null | undefined;
  /** Last name. */
  lastName?: string | null | undefined;
  /** Mobile phone (French or international). */
  mobilePhone?: string | null | undefined;
  /** Profession. */
  profession?: string | null | undefined;
  /** Link to the children: "Mère", "Père", "Tuteur", "Tutrice", "Beau-parent", "Grand-parent" or "Autre". */
  relationship?: string | null | undefined;
  /** Work phone. */
  workPhone?: string | null | undefined;
};

/** A child's health information. */
export type HealthInput = {
  /** Allergies. */
  allergies?: string | null | undefined;
  /** Doctor's address (line breaks kept). */
  doctorAddress?: string | null | undefined;
  /** Family doctor. */
  doctorName?: string | null | undefined;
  /** Doctor's phone. */
  doctorPhone?: string | null | undefined;
  /** Whether the child has a PAI (send the PAI document with `uploadDocument`). */
  hasPai?: boolean | null | undefined;
  /** Medical notes. */
  medicalNotes?: string | null | undefined;
};

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

/** Which of the pages the law requires of the portal. */
export type LegalPageKind =
  /** "Déclaration d'accessibilité" (RGAA): the conformity status, the audit's results, what is not accessible, how to get an alternative, the remedy through the Défenseur des droits. */
  | 'ACCESSIBILITY'
  /** "Mentions légales": who publishes the portal, its director of publication, its host. */
  | 'LEGAL_NOTICE'
  /** "Données personnelles" (GDPR): who processes what, why, on which legal basis, for how long, for whom, and how to exercise one's rights or complain to the CNIL. */
  | 'PRIVACY';

/** A child's meals. */
export type MealsInput = {
  /** The canteen's menu for the child (`Child.diets` lists dietary needs). */
  diet?: Diet | null | undefined;
  /** Food allergies. */
  foodAllergies?: string | null | undefined;
};

/** What a thread is about, picked by the family from a short list. */
export type MessageTopic =
  /** "Réservations". */
  | 'BOOKINGS'
  /** "Dossier / santé": the mails about its messages do not even name the topic. */
  | 'HEALTH'
  /** "Factures". */
  | 'INVOICES'
  /** "Autre". */
  | 'OTHER';

/** Why a child may not be enrolled in a period yet. */
export type MissingKind =
  /** The child's age on the period's first day is outside the activity's ages. */
  | 'AGE'
  /** The child's class is not one the activity takes. */
  | 'CLASS_LEVEL'
  /** A consent the activity requires is not granted in its current version: not answered, or refused (`code`: its kind; the family answers it in its records' authorisations). */
  | 'CONSENT'
  /** A supporting document the activity requires is not accepted yet (`code`: its type). */
  | 'DOCUMENT'
  /** A section of the records the activity requires is still to complete (`code`). */
  | 'RECORD_SECTION'
  /** A question the town requires is not answered in its current wording (`code`: the question's id, in `townQuestions`; answer it with `answerTownQuestions`). */
  | 'TOWN_QUESTION'
  /** A vaccine the activity requires is not recorded for the child, or its last injection no longer holds (`code`: the vaccine's code in the town's list, e.g. DTP). */
  | 'VACCINE';

/** Switch one kind of reminder on or off. */
export type NotificationPreferenceInput = {
  /** True to get it by mail. */
  enabled: boolean;
  /** The kind. */
  kind: ReminderKind;
};

/** How bookings are paid. */
export type PaymentMode =
  /** Paid at booking, through the basket. */
  | 'BASKET'
  /** Invoiced afterwards. */
  | 'INVOICE';

/** What a payment pays. */
export type PaymentPurpose =
  /** A basket at one regie ("Mon panier" > "Valider et payer"). */
  | 'BASKET'
  /** Invoices ("Mes factures" > "Payer en ligne", or at the regie's desk). */
  | 'INVOICES';

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

/** What kind of line of "Mes documents à éditer". */
export type PrintableFormKind =
  /** A child's "Fiche sanitaire de liaison", generated from the current records each time it is opened. */
  | 'HEALTH_FORM'
  /** A form staff published (e.g. the canteen's rules). */
  | 'TOWN_FORM';

/** A kind of record. */
export type RecordEntity =
  /** A child. */
  | 'CHILD'
  /** An authorised person of a child. */
  | 'CONTACT'
  /** A guardian. */
  | 'GUARDIAN'
  /** The household (address, complementary information). */
  | 'HOUSEHOLD';

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
  /** The town's own questions asked once per household (`missingFields`: the ids of the required ones not answered in their current wording). */
  | 'HOUSEHOLD_QUESTIONS'
  /** A child's identity. */
  | 'IDENTITY'
  /** "Mon foyer" > "MOI": the signed-in guardian. */
  | 'ME'
  /** A child's diet and food allergies. */
  | 'MEALS'
  /** "Mon foyer" > "AUTRE RESPONSABLE". */
  | 'OTHER_GUARDIAN'
  /** A child's answers to the town's own questions (listed only when the town asks the child some; `missingFields`: the ids of the required ones not answered in their current wording). */
  | 'QUESTIONS'
  /** A child's school and class. */
  | 'SCHOOLING'
  /** A child's vaccinations. */
  | 'VACCINATIONS';

/** "Créer un compte": what a family types to register itself. */
export type RegisterFamilyInput = {
  /** The version of the terms of use the family read and accepted (`town.termsOfUse.version`). */
  acceptedTermsVersion: number;
  /** The ALTCHA widget's payload for a challenge of `altchaChallenge` (base64 JSON). */
  altcha: string;
  /** The children, up to 10 (optional: they can be added later in "Mes enfants"); their birth dates help the town recognise a family it already knows. */
  children?: Array<RegisteredChildInput>;
  /** "M." or "Mme" (optional). */
  civility?: string;
  /** The guardian's e-mail address: it becomes the sign-in. */
  email: string;
  /** The guardian's first name. */
  firstName: string;
  /** The household's name, e.g. "DURAND". */
  householdName: string;
  /** The guardian's last name. */
  lastName: string;
  /** The password chosen (10 characters or more, not the address or the names, not a common one: the `PASSWORD_*` codes say why one is refused). */
  password: string;
};

/** A child the family names at registration, for the town to recognise the family. */
export type RegisteredChildInput = {
  /** Birth date (not in the future). */
  birthDate: string;
  /** First name. */
  firstName: string;
  /** Last name; empty: the guardian's. */
  lastName?: string;
};

/** A kind of reminder mailed to a household's guardians, each switched on or off. */
export type ReminderKind =
  /** A child enrolled in a period that opens days next month has no booking there yet: sent from 3 days before the booking deadline of next month's first open day. Off by default. */
  | 'BOOKING_DEADLINE'
  /** An accepted supporting document stops being valid within 30 days (and no newer one of its type was handed in). On by default. */
  | 'DOCUMENT_EXPIRING'
  /** An invoice still to pay falls due within 5 days. On by default. */
  | 'INVOICE_DUE'
  /** The household's or a child's records, certified exact, must be confirmed again within 30 days. On by default. */
  | 'SECTION_TO_RECERTIFY';

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

/** A child's schooling. */
export type SchoolingInput = {
  /** Class. */
  classLevel?: ClassLevel | null | undefined;
  /** School. */
  school?: string | null | undefined;
};

/** Where a section stands. */
export type SectionState =
  /** Changes to checked fields wait for staff (see `pendingFields`). */
  | 'AWAITING_REVIEW'
  /** Every required field is filled in and nothing waits for review. */
  | 'COMPLETE'
  /** Required fields are empty (see `missingFields`). */
  | 'TO_COMPLETE';

/** A child's sex. */
export type Sex =
  /** Girl. */
  | 'F'
  /** Boy. */
  | 'M';

/** A new thread to the service. */
export type StartMessageThreadInput = {
  /** Up to 3 files (PDF, JPEG or PNG, 10 MB each; multipart request with the header `X-Portail-CSRF: 1`). */
  attachments?: Array<File> | null | undefined;
  /** The first message (plain text, 5000 characters). */
  body: string;
  /** The child it is about, if any (one of the household's). */
  childId?: string | number | null | undefined;
  /** A subject line (200 characters). */
  subject: string;
  /** What it is about (the list of `messageTopics`). */
  topic: MessageTopic;
};

/** How a unit is booked and priced. */
export type UnitCounting =
  /** By the day (a meal, a day, a morning): the tariff's price each. */
  | 'DAYS'
  /** By the time spent (before/after-school care): each booking gives `arrival` and `departure` within the unit's `opensAt`..`closesAt`, and costs the tariff's price for each step of `stepMinutes` begun (16h30 to 17h50 is six quarter-hours). */
  | 'HOURS'
  /** By the quantity (take-away meals, tickets): each booking gives its `quantity`, 1 to the unit's `maxQuantity` a child a day, and costs the tariff's price for each item. It takes one place of the unit's `capacity` whatever its quantity (places count children). */
  | 'QUANTITY';

/** Exactly one section of a child's record to edit. */
export type UpdateChildInput =
  {   /** The whole list of authorised persons. */
  authorizedPersons: Array<AuthorizedPersonInput>; health?: never; identity?: never; meals?: never; schooling?: never; vaccinations?: never; }
  |  { authorizedPersons?: never;   /** Health. */
  health: HealthInput; identity?: never; meals?: never; schooling?: never; vaccinations?: never; }
  |  { authorizedPersons?: never; health?: never;   /** Identity. */
  identity: ChildIdentityInput; meals?: never; schooling?: never; vaccinations?: never; }
  |  { authorizedPersons?: never; health?: never; identity?: never;   /** Meals. */
  meals: MealsInput; schooling?: never; vaccinations?: never; }
  |  { authorizedPersons?: never; health?: never; identity?: never; meals?: never;   /** Schooling. */
  schooling: SchoolingInput; vaccinations?: never; }
  |  { authorizedPersons?: never; health?: never; identity?: never; meals?: never; schooling?: never;   /** The whole list of vaccinations. */
  vaccinations: Array<VaccinationInput>; };

/** Exactly one section of "Mon foyer" to edit ("Crayon", then "VALIDER"). */
export type UpdateHouseholdInput =
  {   /** "ADRESSE DE CORRESPONDANCE". */
  address: AddressInput; complementary?: never; me?: never; otherGuardian?: never; }
  |  { address?: never;   /** "INFORMATIONS COMPLÉMENTAIRES". */
  complementary: ComplementaryInput; me?: never; otherGuardian?: never; }
  |  { address?: never; complementary?: never;   /** "MOI". */
  me: GuardianInput; otherGuardian?: never; }
  |  { address?: never; complementary?: never; me?: never;   /** "AUTRE RESPONSABLE" (created if there is none). */
  otherGuardian: GuardianInput; };

/** Changes to "Mon profil": omitted fields stay as they are; null clears a field that may be empty and is refused on `email`, `firstName` and `lastName`. */
export type UpdateProfileInput = {
  /** Birth date, not in the future; null clears it. */
  birthDate?: string | null | undefined;
  /** "M.", "Mme" or empty. */
  civility?: string | null | undefined;
  /** A new sign-in address: it takes effect once confirmed from the mail sent to it. The answer never tells whether another account already uses it: such an address is answered the same (it shows in `pendingEmail`), its owner is mailed instead, and it can never be confirmed. */
  email?: string | null | undefined;
  /** Employer. */
  employer?: string | null | undefined;
  /** First name (required). */
  firstName?: string | null | undefined;
  /** Home phone; empty or null clears it. */
  homePhone?: string | null | undefined;
  /** Last name (required). */
  lastName?: string | null | undefined;
  /** Mobile phone; empty or null clears it. */
  mobilePhone?: string | null | undefined;
  /** Profession. */
  profession?: string | null | undefined;
  /** Work phone; empty or null clears it. */
  workPhone?: string | null | undefined;
};

/** A vaccination. */
export type VaccinationInput = {
  /** Date of the injection. */
  vaccinatedOn: string;
  /** Vaccine, e.g. "DTP". */
  vaccine: string;
};

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


export type ViewerQuery = { viewer: { roles: Array<Role>, account: { id: string, email: string }, profile: { firstName: string, lastName: string }, household: { id: string, name: string } | null, toComplete: Array<{ section: RecordSection, childId: string | null, label: string, missingFields: Array<string> }> } | null, town: { today: string } };

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


export type CatalogueQuery = { catalogue: Array<{ id: string, name: string, activities: Array<{ id: string, name: string, periods: Array<{ id: string, name: string, path: string, start: string, end: string, weekdays: Array<Weekday>, payment: PaymentMode, canEnrol: boolean, enrolmentOpen: boolean, enrolmentOpensAt: string | null, enrolmentClosesAt: string | null, placesLeft: number | null, keepsWaitingLine: boolean, enrolment: { id: string, state: EnrolmentState, reason: string, groupName: string | null, waitingRank: number | null } | null, missing: Array<{ kind: MissingKind, code: string, message: string }>, groups: Array<{ id: string, name: string, placesLeft: number | null, waitingCount: number }>, bookingWindow: { message: string | null, introHtml: string } }> }> }> };

export type EnrollChildMutationVariables = Exact<{
  childId: string | number;
  periodId: string | number;
  groupId?: string | number | null | undefined;
}>;


export type EnrollChildMutation = { enrollChild: { enrolment: { id: string, state: EnrolmentState, reason: string, waitingRank: number | null } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type WithdrawEnrolmentMutationVariables = Exact<{
  enrolmentId: string | number;
}>;


export type WithdrawEnrolmentMutation = { withdrawEnrolment: { requestNumber: string | null, cancelledCount: number, cancellationRequestedCount: number, keptCount: number, enrolment: { id: string, state: EnrolmentState } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type HomeNewsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type HomeNewsQuery = { news: { edges: Array<{ cursor: string, node: { id: string, title: string, excerpt: string, bodyHtml: string, pinned: boolean, publishAt: string | null, imageUrl: string | null, imageAlt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HomeContentQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeContentQuery = { usefulLinks: Array<{ id: string, label: string, url: string, description: string }>, guideSections: Array<{ id: string, title: string, position: number }>, town: { name: string, address: Array<string>, phone: string | null, phoneUri: string | null, email: string | null, today: string, openingHours: Array<{ weekday: Weekday, day: string, hours: string }> } };

export type GuideQueryVariables = Exact<{ [key: string]: never; }>;


export type GuideQuery = { guideSections: Array<{ id: string, title: string, bodyHtml: string, position: number }> };

export type CanteenSitesQueryVariables = Exact<{ [key: string]: never; }>;


export type CanteenSitesQuery = { canteenSites: Array<{ id: string, name: string, position: number }>, town: { today: string } };

export type MenuDishFragment = { name: string, labelWords: Array<string>, allergenWords: Array<string> };

export type CanteenMenusQueryVariables = Exact<{
  from: string;
  to: string;
  siteId?: string | number | null | undefined;
}>;


export type CanteenMenusQuery = { canteenMenus: Array<{ id: string, date: string, weekStart: string, note: string, site: { id: string, name: string }, starter: { name: string, labelWords: Array<string>, allergenWords: Array<string> } | null, mainCourse: { name: string, labelWords: Array<string>, allergenWords: Array<string> } | null, dairy: { name: string, labelWords: Array<string>, allergenWords: Array<string> } | null, dessert: { name: string, labelWords: Array<string>, allergenWords: Array<string> } | null }> };

export type FooterQueryVariables = Exact<{ [key: string]: never; }>;


export type FooterQuery = { town: { legalPages: Array<{ kind: LegalPageKind, footerLabel: string }> } };

export type LegalTextQueryVariables = Exact<{
  kind: LegalPageKind;
}>;


export type LegalTextQuery = { legalPage: { kind: LegalPageKind, title: string, bodyHtml: string, updatedAt: string | null, accessibility: { status: AccessibilityStatus, statusLabel: string, complianceRate: number | null, auditDate: string | null, auditedBy: string, rgaaVersion: string } | null } };

export type ThreadSummaryFragment = { id: string, subject: string, topic: MessageTopic, topicLabel: string, childId: string | null, childName: string | null, createdAt: string, lastMessageAt: string, unreadCount: number, closed: boolean, closedAt: string | null };

export type ThreadMessagesFragment = { id: string, subject: string, topic: MessageTopic, topicLabel: string, childId: string | null, childName: string | null, createdAt: string, lastMessageAt: string, unreadCount: number, closed: boolean, closedAt: string | null, messages: Array<{ id: string, body: string, fromService: boolean, authorName: string, createdAt: string, readAt: string | null, attachments: Array<{ id: string, fileName: string, format: FileFormat, size: number, viewUrl: string, downloadUrl: string, linksExpireAt: string }> }> | null };

export type MessageThreadsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type MessageThreadsQuery = { messageThreads: { edges: Array<{ cursor: string, node: { id: string, subject: string, topic: MessageTopic, topicLabel: string, childId: string | null, childName: string | null, createdAt: string, lastMessageAt: string, unreadCount: number, closed: boolean, closedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NewMessageChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type NewMessageChoicesQuery = { messageTopics: Array<{ topic: MessageTopic, label: string }>, children: Array<{ id: string, firstName: string, lastName: string }> };

export type MessageThreadQueryVariables = Exact<{
  id: string | number;
}>;


export type MessageThreadQuery = { messageThread: { id: string, subject: string, topic: MessageTopic, topicLabel: string, childId: string | null, childName: string | null, createdAt: string, lastMessageAt: string, unreadCount: number, closed: boolean, closedAt: string | null, messages: Array<{ id: string, body: string, fromService: boolean, authorName: string, createdAt: string, readAt: string | null, attachments: Array<{ id: string, fileName: string, format: FileFormat, size: number, viewUrl: string, downloadUrl: string, linksExpireAt: string }> }> | null } };

export type UnreadMessageCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadMessageCountQuery = { unreadMessageCount: number };

export type StartMessageThreadMutationVariables = Exact<{
  input: StartMessageThreadInput;
}>;


export type StartMessageThreadMutation = { startMessageThread: { thread: { id: string, subject: string, topic: MessageTopic, topicLabel: string, childId: string | null, childName: string | null, createdAt: string, lastMessageAt: string, unreadCount: number, closed: boolean, closedAt: string | null, messages: Array<{ id: string, body: string, fromService: boolean, authorName: string, createdAt: string, readAt: string | null, attachments: Array<{ id: string, fileName: string, format: FileFormat, size: number, viewUrl: string, downloadUrl: string, linksExpireAt: string }> }> | null } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type ReplyToThreadMutationVariables = Exact<{
  threadId: string | number;
  body: string;
  attachments?: Array<File> | File | null | undefined;
}>;


export type ReplyToThreadMutation = { replyToThread: { thread: { id: string, subject: string, topic: MessageTopic, topicLabel: string, childId: string | null, childName: string | null, createdAt: string, lastMessageAt: string, unreadCount: number, closed: boolean, closedAt: string | null, messages: Array<{ id: string, body: string, fromService: boolean, authorName: string, createdAt: string, readAt: string | null, attachments: Array<{ id: string, fileName: string, format: FileFormat, size: number, viewUrl: string, downloadUrl: string, linksExpireAt: string }> }> | null } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type MarkThreadReadMutationVariables = Exact<{
  threadId: string | number;
}>;


export type MarkThreadReadMutation = { markThreadRead: { thread: { id: string, unreadCount: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { notificationPreferences: Array<{ kind: ReminderKind, label: string, enabled: boolean, isDefault: boolean, leadDays: number }> };

export type UpdateNotificationPreferencesMutationVariables = Exact<{
  preferences: Array<NotificationPreferenceInput> | NotificationPreferenceInput;
}>;


export type UpdateNotificationPreferencesMutation = { updateNotificationPreferences: { preferences: Array<{ kind: ReminderKind, label: string, enabled: boolean, isDefault: boolean, leadDays: number }> | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type BookingHistoryQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  childId?: string | number | null | undefined;
  state?: BookingRequestState | null | undefined;
  periodId?: string | number | null | undefined;
}>;


export type BookingHistoryQuery = { bookingRequests: { edges: Array<{ cursor: string, node: { id: string, numberText: string, createdAt: string, state: BookingRequestState, stateLabel: string, periodId: string, path: string, firstDay: string, lastDay: string, children: Array<string>, referent: string, lines: Array<{ id: string, position: number, childName: string, unitName: string, date: string, action: BookingAction, state: BookingState, stateLabel: string, message: string, arrival: string | null, departure: string | null, quantity: number | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HistoryChildrenQueryVariables = Exact<{ [key: string]: never; }>;


export type HistoryChildrenQuery = { children: Array<{ id: string, firstName: string, lastName: string }>, bookingRequestFilters: { states: Array<{ state: BookingRequestState, label: string }>, periods: Array<{ id: string, path: string }> } };

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


export type PaymentStateQuery = { payment: { id: string, state: PaymentState, purpose: PaymentPurpose, amountText: string, reference: string, paidAt: string | null } };

export type UnpaidInvoiceCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnpaidInvoiceCountQuery = { unpaidInvoiceCount: number };

export type InvoicePartsFragment = { id: string, number: string, kind: InvoiceKind, state: InvoiceState, stateLabel: string, month: string | null, issuedAt: string, dueDate: string, totalText: string, paidText: string, leftToPay: number, leftToPayText: string, creditLeft: number, creditLeftText: string, viewUrl: string, downloadUrl: string, regie: { id: string, name: string }, lines: Array<{ childName: string, designation: string, date: string | null, quantity: number, unitPriceText: string, amountText: string }>, payments: Array<{ reference: string, methodLabel: string, paidAt: string | null, amountText: string }> };

export type InvoicesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type InvoicesQuery = { unpaidInvoiceCount: number, invoices: { edges: Array<{ cursor: string, node: { id: string, number: string, kind: InvoiceKind, state: InvoiceState, stateLabel: string, month: string | null, issuedAt: string, dueDate: string, totalText: string, paidText: string, leftToPay: number, leftToPayText: string, creditLeft: number, creditLeftText: string, viewUrl: string, downloadUrl: string, regie: { id: string, name: string }, lines: Array<{ childName: string, designation: string, date: string | null, quantity: number, unitPriceText: string, amountText: string }>, payments: Array<{ reference: string, methodLabel: string, paidAt: string | null, amountText: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InvoiceDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type InvoiceDetailQuery = { invoice: { id: string, number: string, kind: InvoiceKind, state: InvoiceState, stateLabel: string, month: string | null, issuedAt: string, dueDate: string, totalText: string, paidText: string, leftToPay: number, leftToPayText: string, creditLeft: number, creditLeftText: string, viewUrl: string, downloadUrl: string, regie: { id: string, name: string }, lines: Array<{ childName: string, designation: string, date: string | null, quantity: number, unitPriceText: string, amountText: string }>, payments: Array<{ reference: string, methodLabel: string, paidAt: string | null, amountText: string }> } };

export type PayInvoicesMutationVariables = Exact<{
  invoiceIds: Array<string | number> | string | number;
  returnUrl: string;
}>;


export type PayInvoicesMutation = { payInvoices: { redirectUrl: string | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type PlanningMonthQueryVariables = Exact<{
  from: string;
  to: string;
  childIds?: Array<string | number> | string | number | null | undefined;
  includeCancelledAndRefused: boolean;
  includeOtherAccounts: boolean;
}>;


export type PlanningMonthQuery = { bookingLegend: Array<{ state: BookingState, label: string }>, planning: { from: string, to: string, children: Array<{ id: string, firstName: string, lastName: string }>, units: Array<{ id: string, name: string, periodId: string, activityName: string }>, days: Array<{ date: string, bookings: Array<{ id: string, childId: string, unitId: string, state: BookingState, fromOtherAccount: boolean, waitingPosition: number | null }> }> } };

export type PlanningChildrenQueryVariables = Exact<{ [key: string]: never; }>;


export type PlanningChildrenQuery = { children: Array<{ id: string, firstName: string, lastName: string, enrolments: Array<{ periodId: string, state: EnrolmentState }> }> };

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


export type DayWindowQuery = { bookableDays: { periodId: string, path: string, enrolled: boolean, child: { id: string, firstName: string, lastName: string }, days: Array<{ date: string, open: boolean, status: DayStatusCode, label: string, units: Array<{ unitId: string, unitName: string, bookable: boolean, refusal: BookingRefusal | null, message: string, wouldWait: boolean, placesLeft: number | null, waitingCount: number, bookingDeadline: string, cancellationDeadline: string, price: number, priceText: string, late: boolean, countedIn: UnitCounting, opensAt: string | null, closesAt: string | null, stepMinutes: number, maxQuantity: number | null, quantityChangeable: boolean, requires: Array<string>, requiresNames: Array<string>, perChildCap: number | null, childBookedCount: number | null, capLeft: number | null, cancellable: boolean, cancellationOutcome: BookingState | null, cancellationInBasket: boolean, cancellationCharged: boolean, cancellationMessage: string, booking: { id: string, state: BookingState, stateLabel: string, waitingPosition: number | null, fromOtherAccount: boolean, arrival: string | null, departure: string | null, quantity: number | null } | null }> }> } };

export type SummaryFieldsFragment = { periodId: string, path: string, state: BookingRequestState | null, stateLabel: string, takenCount: number, refusedCount: number, total: number, totalText: string, lines: Array<{ position: number, childId: string, childName: string, unitId: string, unitName: string, date: string, action: BookingAction, outcome: BookingState | null, refusal: BookingRefusal | null, message: string, price: number, priceText: string, late: boolean, waitingPosition: number | null, quantity: number | null }>, estimate: Array<{ regie: string, total: number, totalText: string, lines: Array<{ label: string, quantity: number, unitPrice: number, amount: number, amountText: string }> }> };

export type PreviewBookingRequestMutationVariables = Exact<{
  input: BookingRequestInput;
}>;


export type PreviewBookingRequestMutation = { previewBookingRequest: { summary: { periodId: string, path: string, state: BookingRequestState | null, stateLabel: string, takenCount: number, refusedCount: number, total: number, totalText: string, lines: Array<{ position: number, childId: string, childName: string, unitId: string, unitName: string, date: string, action: BookingAction, outcome: BookingState | null, refusal: BookingRefusal | null, message: string, price: number, priceText: string, late: boolean, waitingPosition: number | null, quantity: number | null }>, estimate: Array<{ regie: string, total: number, totalText: string, lines: Array<{ label: string, quantity: number, unitPrice: number, amount: number, amountText: string }> }> } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type SubmitBookingRequestMutationVariables = Exact<{
  input: BookingRequestInput;
}>;


export type SubmitBookingRequestMutation = { submitBookingRequest: { summary: { periodId: string, path: string, state: BookingRequestState | null, stateLabel: string, takenCount: number, refusedCount: number, total: number, totalText: string, lines: Array<{ position: number, childId: string, childName: string, unitId: string, unitName: string, date: string, action: BookingAction, outcome: BookingState | null, refusal: BookingRefusal | null, message: string, price: number, priceText: string, late: boolean, waitingPosition: number | null, quantity: number | null }>, estimate: Array<{ regie: string, total: number, totalText: string, lines: Array<{ label: string, quantity: number, unitPrice: number, amount: number, amountText: string }> }> } | null, request: { id: string, number: number, numberText: string, state: BookingRequestState, stateLabel: string, path: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type CalendarFeedStateQueryVariables = Exact<{ [key: string]: never; }>;


export type CalendarFeedStateQuery = { calendarFeed: { createdAt: string } | null };

export type CreateCalendarFeedMutationVariables = Exact<{ [key: string]: never; }>;


export type CreateCalendarFeedMutation = { createCalendarFeed: { url: string | null, feed: { createdAt: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type RevokeCalendarFeedMutationVariables = Exact<{ [key: string]: never; }>;


export type RevokeCalendarFeedMutation = { revokeCalendarFeed: { revoked: boolean, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type PersonalDataLinkQueryVariables = Exact<{ [key: string]: never; }>;


export type PersonalDataLinkQuery = { personalData: { generatedAt: string, downloadUrl: string, expiresAt: string } };

export type ProfileFieldsFragment = { account: { id: string, email: string, pendingEmail: string | null }, profile: { civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, profession: string, employer: string, workPhone: string } };

export type MyProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type MyProfileQuery = { viewer: { account: { id: string, email: string, pendingEmail: string | null }, profile: { civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, profession: string, employer: string, workPhone: string } } | null };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { viewer: { account: { id: string, email: string, pendingEmail: string | null }, profile: { civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, profession: string, employer: string, workPhone: string } } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: { viewer: { account: { id: string } } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type ConfirmEmailChangeMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmEmailChangeMutation = { confirmEmailChange: { viewer: { account: { id: string, email: string, pendingEmail: string | null }, profile: { civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, profession: string, employer: string, workPhone: string } } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type UserErrorFieldsFragment = { field: string | null, code: ErrorCode, message: string };

export type RecordFieldRuleFragment = { entity: RecordEntity, field: string, label: string, section: string, mode: FieldMode, needsReview: boolean, kind: FieldKind, maxLength: number, choices: Array<{ value: string, label: string }> };

export type SectionStatusFieldsFragment = { section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> };

export type GuardianFieldsFragment = { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string };

export type HouseholdRecordFragment = { id: string, name: string, civility: string, me: { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string } | null, otherGuardian: { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string } | null, address: { number: string, street: string, complement: string, postcode: string, city: string, inseeCode: string | null, country: string, mainPhone: string, secondaryPhone: string }, complementary: { cafNumber: string, familyQuotient: number | null, quotientFrom: string | null, insuranceCompany: string, insurancePolicy: string, remarks: string }, sections: Array<{ section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> }>, pendingChanges: Array<{ id: string, entity: RecordEntity, entityId: string, field: string, fieldLabel: string, newValue: string }>, consents: Array<{ granted: boolean | null, previousAnswer: boolean | null, definition: { id: string, title: string, text: string } }>, certification: { certifiedAt: string | null, expiresAt: string | null, needsConfirmation: boolean } };

export type ChildRecordFragment = { id: string, firstName: string, lastName: string, birthDate: string | null, sex: Sex | null, sharedWithAnotherHousehold: boolean, schooling: { school: string, classLevel: ClassLevel | null }, meals: { diet: Diet | null, foodAllergies: string }, health: { doctorName: string, doctorPhone: string, allergies: string, medicalNotes: string, hasPai: boolean }, vaccinations: Array<{ vaccine: string, vaccinatedOn: string }>, authorizedPersons: Array<{ firstName: string, lastName: string, relation: string, mobilePhone: string, otherPhone: string, mayPickUp: boolean, emergencyContact: boolean }>, authorisations: Array<{ granted: boolean | null, previousAnswer: boolean | null, definition: { id: string, title: string, text: string } }>, sections: Array<{ section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> }> };

export type MyHouseholdQueryVariables = Exact<{ [key: string]: never; }>;


export type MyHouseholdQuery = { household: { id: string, name: string, civility: string, me: { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string } | null, otherGuardian: { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string } | null, address: { number: string, street: string, complement: string, postcode: string, city: string, inseeCode: string | null, country: string, mainPhone: string, secondaryPhone: string }, complementary: { cafNumber: string, familyQuotient: number | null, quotientFrom: string | null, insuranceCompany: string, insurancePolicy: string, remarks: string }, sections: Array<{ section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> }>, pendingChanges: Array<{ id: string, entity: RecordEntity, entityId: string, field: string, fieldLabel: string, newValue: string }>, consents: Array<{ granted: boolean | null, previousAnswer: boolean | null, definition: { id: string, title: string, text: string } }>, certification: { certifiedAt: string | null, expiresAt: string | null, needsConfirmation: boolean } } | null, householdFields: Array<{ entity: RecordEntity, field: string, label: string, section: string, mode: FieldMode, needsReview: boolean, kind: FieldKind, maxLength: number, choices: Array<{ value: string, label: string }> }>, guardianFields: Array<{ entity: RecordEntity, field: string, label: string, section: string, mode: FieldMode, needsReview: boolean, kind: FieldKind, maxLength: number, choices: Array<{ value: string, label: string }> }> };

export type UpdateHouseholdMutationVariables = Exact<{
  input: UpdateHouseholdInput;
}>;


export type UpdateHouseholdMutation = { updateHousehold: { changedFields: Array<string>, pendingFields: Array<string>, household: { id: string, name: string, civility: string, me: { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string } | null, otherGuardian: { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string } | null, address: { number: string, street: string, complement: string, postcode: string, city: string, inseeCode: string | null, country: string, mainPhone: string, secondaryPhone: string }, complementary: { cafNumber: string, familyQuotient: number | null, quotientFrom: string | null, insuranceCompany: string, insurancePolicy: string, remarks: string }, sections: Array<{ section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> }>, pendingChanges: Array<{ id: string, entity: RecordEntity, entityId: string, field: string, fieldLabel: string, newValue: string }>, consents: Array<{ granted: boolean | null, previousAnswer: boolean | null, definition: { id: string, title: string, text: string } }>, certification: { certifiedAt: string | null, expiresAt: string | null, needsConfirmation: boolean } } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type AnswerConsentsMutationVariables = Exact<{
  answers: Array<ConsentAnswerInput> | ConsentAnswerInput;
  childId?: string | number | null | undefined;
}>;


export type AnswerConsentsMutation = { answerConsents: { household: { id: string, name: string, civility: string, children: Array<{ id: string, firstName: string, lastName: string, birthDate: string | null, sex: Sex | null, sharedWithAnotherHousehold: boolean, schooling: { school: string, classLevel: ClassLevel | null }, meals: { diet: Diet | null, foodAllergies: string }, health: { doctorName: string, doctorPhone: string, allergies: string, medicalNotes: string, hasPai: boolean }, vaccinations: Array<{ vaccine: string, vaccinatedOn: string }>, authorizedPersons: Array<{ firstName: string, lastName: string, relation: string, mobilePhone: string, otherPhone: string, mayPickUp: boolean, emergencyContact: boolean }>, authorisations: Array<{ granted: boolean | null, previousAnswer: boolean | null, definition: { id: string, title: string, text: string } }>, sections: Array<{ section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> }> }>, me: { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string } | null, otherGuardian: { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string } | null, address: { number: string, street: string, complement: string, postcode: string, city: string, inseeCode: string | null, country: string, mainPhone: string, secondaryPhone: string }, complementary: { cafNumber: string, familyQuotient: number | null, quotientFrom: string | null, insuranceCompany: string, insurancePolicy: string, remarks: string }, sections: Array<{ section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> }>, pendingChanges: Array<{ id: string, entity: RecordEntity, entityId: string, field: string, fieldLabel: string, newValue: string }>, consents: Array<{ granted: boolean | null, previousAnswer: boolean | null, definition: { id: string, title: string, text: string } }>, certification: { certifiedAt: string | null, expiresAt: string | null, needsConfirmation: boolean } } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type ConfirmRecordsMutationVariables = Exact<{ [key: string]: never; }>;


export type ConfirmRecordsMutation = { confirmRecords: { household: { id: string, name: string, civility: string, me: { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string } | null, otherGuardian: { id: string, civility: string, firstName: string, lastName: string, birthDate: string | null, mobilePhone: string, homePhone: string, email: string, profession: string, employer: string, workPhone: string, relationship: string } | null, address: { number: string, street: string, complement: string, postcode: string, city: string, inseeCode: string | null, country: string, mainPhone: string, secondaryPhone: string }, complementary: { cafNumber: string, familyQuotient: number | null, quotientFrom: string | null, insuranceCompany: string, insurancePolicy: string, remarks: string }, sections: Array<{ section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> }>, pendingChanges: Array<{ id: string, entity: RecordEntity, entityId: string, field: string, fieldLabel: string, newValue: string }>, consents: Array<{ granted: boolean | null, previousAnswer: boolean | null, definition: { id: string, title: string, text: string } }>, certification: { certifiedAt: string | null, expiresAt: string | null, needsConfirmation: boolean } } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type MyChildrenQueryVariables = Exact<{ [key: string]: never; }>;


export type MyChildrenQuery = { children: Array<{ id: string, firstName: string, lastName: string, birthDate: string | null, sections: Array<{ section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> }> }> };

export type MyChildQueryVariables = Exact<{
  id: string | number;
}>;


export type MyChildQuery = { child: { id: string, firstName: string, lastName: string, birthDate: string | null, sex: Sex | null, sharedWithAnotherHousehold: boolean, schooling: { school: string, classLevel: ClassLevel | null }, meals: { diet: Diet | null, foodAllergies: string }, health: { doctorName: string, doctorPhone: string, allergies: string, medicalNotes: string, hasPai: boolean }, vaccinations: Array<{ vaccine: string, vaccinatedOn: string }>, authorizedPersons: Array<{ firstName: string, lastName: string, relation: string, mobilePhone: string, otherPhone: string, mayPickUp: boolean, emergencyContact: boolean }>, authorisations: Array<{ granted: boolean | null, previousAnswer: boolean | null, definition: { id: string, title: string, text: string } }>, sections: Array<{ section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> }> } | null, household: { id: string, pendingChanges: Array<{ id: string, entity: RecordEntity, entityId: string, field: string, fieldLabel: string, newValue: string }> } | null, childFields: Array<{ entity: RecordEntity, field: string, label: string, section: string, mode: FieldMode, needsReview: boolean, kind: FieldKind, maxLength: number, choices: Array<{ value: string, label: string }> }>, contactFields: Array<{ entity: RecordEntity, field: string, label: string, section: string, mode: FieldMode, needsReview: boolean, kind: FieldKind, maxLength: number, choices: Array<{ value: string, label: string }> }> };

export type UpdateChildMutationVariables = Exact<{
  id: string | number;
  input: UpdateChildInput;
}>;


export type UpdateChildMutation = { updateChild: { changedFields: Array<string>, pendingFields: Array<string>, child: { id: string, firstName: string, lastName: string, birthDate: string | null, sex: Sex | null, sharedWithAnotherHousehold: boolean, schooling: { school: string, classLevel: ClassLevel | null }, meals: { diet: Diet | null, foodAllergies: string }, health: { doctorName: string, doctorPhone: string, allergies: string, medicalNotes: string, hasPai: boolean }, vaccinations: Array<{ vaccine: string, vaccinatedOn: string }>, authorizedPersons: Array<{ firstName: string, lastName: string, relation: string, mobilePhone: string, otherPhone: string, mayPickUp: boolean, emergencyContact: boolean }>, authorisations: Array<{ granted: boolean | null, previousAnswer: boolean | null, definition: { id: string, title: string, text: string } }>, sections: Array<{ section: RecordSection, state: SectionState, missingFields: Array<string>, pendingFields: Array<string> }> } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type SelfRegistrationQueryVariables = Exact<{ [key: string]: never; }>;


export type SelfRegistrationQuery = { town: { selfRegistration: boolean } };

export type RegistrationFormQueryVariables = Exact<{ [key: string]: never; }>;


export type RegistrationFormQuery = { town: { selfRegistration: boolean, termsOfUse: { id: string, version: number, title: string, textHtml: string } | null } };

export type AltchaChallengeQueryVariables = Exact<{ [key: string]: never; }>;


export type AltchaChallengeQuery = { altchaChallenge: { algorithm: string, challenge: string, salt: string, signature: string, maxnumber: number } };

export type RegisterFamilyMutationVariables = Exact<{
  input: RegisterFamilyInput;
}>;


export type RegisterFamilyMutation = { registerFamily: { ok: boolean, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export type ConfirmRegistrationMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmRegistrationMutation = { confirmAccount: { viewer: { account: { id: string, email: string }, household: { id: string, name: string, awaitingValidation: boolean } | null } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string }> } };

export const MenuDishFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MenuDish"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dish"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labelWords"}},{"kind":"Field","name":{"kind":"Name","value":"allergenWords"}}]}}]} as unknown as DocumentNode<MenuDishFragment, unknown>;
export const ThreadSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"topicLabel"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageAt"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]} as unknown as DocumentNode<ThreadSummaryFragment, unknown>;
export const ThreadMessagesFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadMessages"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadSummary"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"fromService"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"linksExpireAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"topicLabel"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageAt"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]} as unknown as DocumentNode<ThreadMessagesFragment, unknown>;
export const BasketPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BasketParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Basket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isEmpty"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"regies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"creditText"}},{"kind":"Field","name":{"kind":"Name","value":"toPay"}},{"kind":"Field","name":{"kind":"Name","value":"toPayText"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"paymentUnderWay"}},{"kind":"Field","name":{"kind":"Name","value":"requests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"childNames"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingId"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BasketPartsFragment, unknown>;
export const InvoicePartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"paidText"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPay"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPayText"}},{"kind":"Field","name":{"kind":"Name","value":"creditLeft"}},{"kind":"Field","name":{"kind":"Name","value":"creditLeftText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"methodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<InvoicePartsFragment, unknown>;
export const SummaryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"takenCount"}},{"kind":"Field","name":{"kind":"Name","value":"refusedCount"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"refusal"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"priceText"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPosition"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]} as unknown as DocumentNode<SummaryFieldsFragment, unknown>;
export const ProfileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pendingEmail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"homePhone"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"workPhone"}}]}}]}}]} as unknown as DocumentNode<ProfileFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const RecordFieldRuleFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecordFieldRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"needsReview"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"choices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<RecordFieldRuleFragment, unknown>;
export const GuardianFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GuardianFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Guardian"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"homePhone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"workPhone"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}}]}}]} as unknown as DocumentNode<GuardianFieldsFragment, unknown>;
export const SectionStatusFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}}]}}]} as unknown as DocumentNode<SectionStatusFieldsFragment, unknown>;
export const HouseholdRecordFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HouseholdRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Household"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GuardianFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"otherGuardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GuardianFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"complement"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"mainPhone"}},{"kind":"Field","name":{"kind":"Name","value":"secondaryPhone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complementary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cafNumber"}},{"kind":"Field","name":{"kind":"Name","value":"familyQuotient"}},{"kind":"Field","name":{"kind":"Name","value":"quotientFrom"}},{"kind":"Field","name":{"kind":"Name","value":"insuranceCompany"}},{"kind":"Field","name":{"kind":"Name","value":"insurancePolicy"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"fieldLabel"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"previousAnswer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"needsConfirmation"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GuardianFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Guardian"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"homePhone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"workPhone"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}}]}}]} as unknown as DocumentNode<HouseholdRecordFragment, unknown>;
export const ChildRecordFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChildRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Child"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"schooling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"}},{"kind":"Field","name":{"kind":"Name","value":"classLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diet"}},{"kind":"Field","name":{"kind":"Name","value":"foodAllergies"}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doctorName"}},{"kind":"Field","name":{"kind":"Name","value":"doctorPhone"}},{"kind":"Field","name":{"kind":"Name","value":"allergies"}},{"kind":"Field","name":{"kind":"Name","value":"medicalNotes"}},{"kind":"Field","name":{"kind":"Name","value":"hasPai"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vaccinations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vaccine"}},{"kind":"Field","name":{"kind":"Name","value":"vaccinatedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorizedPersons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"otherPhone"}},{"kind":"Field","name":{"kind":"Name","value":"mayPickUp"}},{"kind":"Field","name":{"kind":"Name","value":"emergencyContact"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"previousAnswer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithAnotherHousehold"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}}]}}]} as unknown as DocumentNode<ChildRecordFragment, unknown>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toComplete"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"town"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"today"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rememberMe"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"rememberMe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rememberMe"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ConfirmAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmAccountMutation, ConfirmAccountMutationVariables>;
export const RequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const MyDocumentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printableForms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"linksExpireAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"type"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"perChild"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedFormats"}},{"kind":"Field","name":{"kind":"Name","value":"maxBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]} as unknown as DocumentNode<MyDocumentsQuery, MyDocumentsQueryVariables>;
export const UploadDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"typeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"typeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"typeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UploadDocumentMutation, UploadDocumentMutationVariables>;
export const ReplaceDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplaceDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replaceDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReplaceDocumentMutation, ReplaceDocumentMutationVariables>;
export const EnrolmentChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrolmentChildren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]} as unknown as DocumentNode<EnrolmentChildrenQuery, EnrolmentChildrenQueryVariables>;
export const CatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalogue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"weekdays"}},{"kind":"Field","name":{"kind":"Name","value":"payment"}},{"kind":"Field","name":{"kind":"Name","value":"canEnrol"}},{"kind":"Field","name":{"kind":"Name","value":"enrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"waitingRank"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolmentOpen"}},{"kind":"Field","name":{"kind":"Name","value":"enrolmentOpensAt"}},{"kind":"Field","name":{"kind":"Name","value":"enrolmentClosesAt"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"placesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"waitingCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"placesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"keepsWaitingLine"}},{"kind":"Field","name":{"kind":"Name","value":"bookingWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"introHtml"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CatalogueQuery, CatalogueQueryVariables>;
export const EnrollChildDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollChild"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollChild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}},{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"waitingRank"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EnrollChildMutation, EnrollChildMutationVariables>;
export const WithdrawEnrolmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawEnrolment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enrolmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawEnrolment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enrolmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enrolmentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestNumber"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledCount"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationRequestedCount"}},{"kind":"Field","name":{"kind":"Name","value":"keptCount"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawEnrolmentMutation, WithdrawEnrolmentMutationVariables>;
export const HomeNewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomeNews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"news"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"excerpt"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}},{"kind":"Field","name":{"kind":"Name","value":"pinned"}},{"kind":"Field","name":{"kind":"Name","value":"publishAt"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageAlt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<HomeNewsQuery, HomeNewsQueryVariables>;
export const HomeContentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomeContent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usefulLinks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guideSections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"town"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"phoneUri"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"today"}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}}]}}]}}]}}]} as unknown as DocumentNode<HomeContentQuery, HomeContentQueryVariables>;
export const GuideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Guide"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"guideSections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<GuideQuery, GuideQueryVariables>;
export const CanteenSitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CanteenSites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canteenSites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"town"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"today"}}]}}]}}]} as unknown as DocumentNode<CanteenSitesQuery, CanteenSitesQueryVariables>;
export const CanteenMenusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CanteenMenus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canteenMenus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"siteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"site"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"starter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MenuDish"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mainCourse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MenuDish"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dairy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MenuDish"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dessert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MenuDish"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MenuDish"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dish"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"labelWords"}},{"kind":"Field","name":{"kind":"Name","value":"allergenWords"}}]}}]} as unknown as DocumentNode<CanteenMenusQuery, CanteenMenusQueryVariables>;
export const FooterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Footer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"town"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"legalPages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"footerLabel"}}]}}]}}]}}]} as unknown as DocumentNode<FooterQuery, FooterQueryVariables>;
export const LegalTextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LegalText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LegalPageKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"legalPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"bodyHtml"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"accessibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"complianceRate"}},{"kind":"Field","name":{"kind":"Name","value":"auditDate"}},{"kind":"Field","name":{"kind":"Name","value":"auditedBy"}},{"kind":"Field","name":{"kind":"Name","value":"rgaaVersion"}}]}}]}}]}}]} as unknown as DocumentNode<LegalTextQuery, LegalTextQueryVariables>;
export const MessageThreadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MessageThreads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageThreads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadSummary"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"topicLabel"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageAt"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]} as unknown as DocumentNode<MessageThreadsQuery, MessageThreadsQueryVariables>;
export const NewMessageChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NewMessageChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageTopics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]} as unknown as DocumentNode<NewMessageChoicesQuery, NewMessageChoicesQueryVariables>;
export const MessageThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MessageThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadMessages"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"topicLabel"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageAt"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadMessages"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadSummary"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"fromService"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"linksExpireAt"}}]}}]}}]}}]} as unknown as DocumentNode<MessageThreadQuery, MessageThreadQueryVariables>;
export const UnreadMessageCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnreadMessageCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadMessageCount"}}]}}]} as unknown as DocumentNode<UnreadMessageCountQuery, UnreadMessageCountQueryVariables>;
export const StartMessageThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartMessageThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartMessageThreadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startMessageThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thread"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadMessages"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"topicLabel"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageAt"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadMessages"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadSummary"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"fromService"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"linksExpireAt"}}]}}]}}]}}]} as unknown as DocumentNode<StartMessageThreadMutation, StartMessageThreadMutationVariables>;
export const ReplyToThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplyToThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attachments"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyToThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"threadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}}},{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}},{"kind":"Argument","name":{"kind":"Name","value":"attachments"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attachments"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thread"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadMessages"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"topicLabel"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageAt"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThreadMessages"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageThread"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThreadSummary"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"fromService"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"linksExpireAt"}}]}}]}}]}}]} as unknown as DocumentNode<ReplyToThreadMutation, ReplyToThreadMutationVariables>;
export const MarkThreadReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkThreadRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markThreadRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"threadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thread"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MarkThreadReadMutation, MarkThreadReadMutationVariables>;
export const NotificationPreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"leadDays"}}]}}]}}]} as unknown as DocumentNode<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
export const UpdateNotificationPreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateNotificationPreferences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"preferences"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPreferenceInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNotificationPreferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"preferences"},"value":{"kind":"Variable","name":{"kind":"Name","value":"preferences"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"leadDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateNotificationPreferencesMutation, UpdateNotificationPreferencesMutationVariables>;
export const BookingHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BookingHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"state"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BookingRequestState"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}},{"kind":"Argument","name":{"kind":"Name","value":"state"},"value":{"kind":"Variable","name":{"kind":"Name","value":"state"}}},{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"numberText"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"firstDay"}},{"kind":"Field","name":{"kind":"Name","value":"lastDay"}},{"kind":"Field","name":{"kind":"Name","value":"children"}},{"kind":"Field","name":{"kind":"Name","value":"referent"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"arrival"}},{"kind":"Field","name":{"kind":"Name","value":"departure"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<BookingHistoryQuery, BookingHistoryQueryVariables>;
export const HistoryChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HistoryChildren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bookingRequestFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"states"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}}]}}]}}]} as unknown as DocumentNode<HistoryChildrenQuery, HistoryChildrenQueryVariables>;
export const BasketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Basket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BasketParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BasketParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Basket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isEmpty"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"regies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"creditText"}},{"kind":"Field","name":{"kind":"Name","value":"toPay"}},{"kind":"Field","name":{"kind":"Name","value":"toPayText"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"paymentUnderWay"}},{"kind":"Field","name":{"kind":"Name","value":"requests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"childNames"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingId"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BasketQuery, BasketQueryVariables>;
export const RemoveFromBasketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveFromBasket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeFromBasket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BasketParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BasketParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Basket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isEmpty"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"regies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"credit"}},{"kind":"Field","name":{"kind":"Name","value":"creditText"}},{"kind":"Field","name":{"kind":"Name","value":"toPay"}},{"kind":"Field","name":{"kind":"Name","value":"toPayText"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"paymentUnderWay"}},{"kind":"Field","name":{"kind":"Name","value":"requests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"childNames"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"payBefore"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingId"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RemoveFromBasketMutation, RemoveFromBasketMutationVariables>;
export const CheckoutBasketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckoutBasket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regieId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"returnUrl"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkoutBasket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regieId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regieId"}}},{"kind":"Argument","name":{"kind":"Name","value":"returnUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"returnUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redirectUrl"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CheckoutBasketMutation, CheckoutBasketMutationVariables>;
export const PaymentStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaymentState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}}]} as unknown as DocumentNode<PaymentStateQuery, PaymentStateQueryVariables>;
export const UnpaidInvoiceCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnpaidInvoiceCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unpaidInvoiceCount"}}]}}]} as unknown as DocumentNode<UnpaidInvoiceCountQuery, UnpaidInvoiceCountQueryVariables>;
export const InvoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unpaidInvoiceCount"}},{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InvoiceParts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"paidText"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPay"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPayText"}},{"kind":"Field","name":{"kind":"Name","value":"creditLeft"}},{"kind":"Field","name":{"kind":"Name","value":"creditLeftText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"methodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<InvoicesQuery, InvoicesQueryVariables>;
export const InvoiceDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvoiceDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InvoiceParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvoiceParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invoice"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"regie"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"paidText"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPay"}},{"kind":"Field","name":{"kind":"Name","value":"leftToPayText"}},{"kind":"Field","name":{"kind":"Name","value":"creditLeft"}},{"kind":"Field","name":{"kind":"Name","value":"creditLeftText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"designation"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPriceText"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"methodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewUrl"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<InvoiceDetailQuery, InvoiceDetailQueryVariables>;
export const PayInvoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PayInvoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invoiceIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"returnUrl"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payInvoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"invoiceIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invoiceIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"returnUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"returnUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redirectUrl"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PayInvoicesMutation, PayInvoicesMutationVariables>;
export const PlanningMonthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanningMonth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeCancelledAndRefused"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeOtherAccounts"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingLegend"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"planning"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"childIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeCancelledAndRefused"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeCancelledAndRefused"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeOtherAccounts"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeOtherAccounts"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"activityName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"bookings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"fromOtherAccount"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPosition"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PlanningMonthQuery, PlanningMonthQueryVariables>;
export const PlanningChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanningChildren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]} as unknown as DocumentNode<PlanningChildrenQuery, PlanningChildrenQueryVariables>;
export const PlanningCatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanningCatalogue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"weekdays"}},{"kind":"Field","name":{"kind":"Name","value":"payment"}},{"kind":"Field","name":{"kind":"Name","value":"enrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priceText"}},{"kind":"Field","name":{"kind":"Name","value":"bookingDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationDeadline"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PlanningCatalogueQuery, PlanningCatalogueQueryVariables>;
export const DayWindowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DayWindow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookableDays"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}},{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"child"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"bookable"}},{"kind":"Field","name":{"kind":"Name","value":"refusal"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"wouldWait"}},{"kind":"Field","name":{"kind":"Name","value":"placesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"waitingCount"}},{"kind":"Field","name":{"kind":"Name","value":"bookingDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"priceText"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"booking"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPosition"}},{"kind":"Field","name":{"kind":"Name","value":"fromOtherAccount"}},{"kind":"Field","name":{"kind":"Name","value":"arrival"}},{"kind":"Field","name":{"kind":"Name","value":"departure"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countedIn"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"stepMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"maxQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"quantityChangeable"}},{"kind":"Field","name":{"kind":"Name","value":"requires"}},{"kind":"Field","name":{"kind":"Name","value":"requiresNames"}},{"kind":"Field","name":{"kind":"Name","value":"perChildCap"}},{"kind":"Field","name":{"kind":"Name","value":"childBookedCount"}},{"kind":"Field","name":{"kind":"Name","value":"capLeft"}},{"kind":"Field","name":{"kind":"Name","value":"cancellable"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationInBasket"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationCharged"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationMessage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DayWindowQuery, DayWindowQueryVariables>;
export const PreviewBookingRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PreviewBookingRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BookingRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewBookingRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SummaryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"takenCount"}},{"kind":"Field","name":{"kind":"Name","value":"refusedCount"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"refusal"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"priceText"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPosition"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewBookingRequestMutation, PreviewBookingRequestMutationVariables>;
export const SubmitBookingRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitBookingRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BookingRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitBookingRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SummaryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"numberText"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SummaryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BookingSummary"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"takenCount"}},{"kind":"Field","name":{"kind":"Name","value":"refusedCount"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"childId"}},{"kind":"Field","name":{"kind":"Name","value":"childName"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"refusal"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"priceText"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"waitingPosition"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regie"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"totalText"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"amountText"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitBookingRequestMutation, SubmitBookingRequestMutationVariables>;
export const CalendarFeedStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CalendarFeedState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calendarFeed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<CalendarFeedStateQuery, CalendarFeedStateQueryVariables>;
export const CreateCalendarFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCalendarFeed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCalendarFeed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"feed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCalendarFeedMutation, CreateCalendarFeedMutationVariables>;
export const RevokeCalendarFeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeCalendarFeed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeCalendarFeed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeCalendarFeedMutation, RevokeCalendarFeedMutationVariables>;
export const PersonalDataLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonalDataLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personalData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<PersonalDataLinkQuery, PersonalDataLinkQueryVariables>;
export const MyProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pendingEmail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"homePhone"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"workPhone"}}]}}]}}]} as unknown as DocumentNode<MyProfileQuery, MyProfileQueryVariables>;
export const UpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pendingEmail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"homePhone"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"workPhone"}}]}}]}}]} as unknown as DocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currentPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const ConfirmEmailChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmEmailChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmEmailChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pendingEmail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"homePhone"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"workPhone"}}]}}]}}]} as unknown as DocumentNode<ConfirmEmailChangeMutation, ConfirmEmailChangeMutationVariables>;
export const MyHouseholdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyHousehold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HouseholdRecord"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"householdFields"},"name":{"kind":"Name","value":"recordFields"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entity"},"value":{"kind":"EnumValue","value":"HOUSEHOLD"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecordFieldRule"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"guardianFields"},"name":{"kind":"Name","value":"recordFields"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entity"},"value":{"kind":"EnumValue","value":"GUARDIAN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecordFieldRule"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GuardianFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Guardian"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"homePhone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"workPhone"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HouseholdRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Household"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GuardianFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"otherGuardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GuardianFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"complement"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"mainPhone"}},{"kind":"Field","name":{"kind":"Name","value":"secondaryPhone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complementary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cafNumber"}},{"kind":"Field","name":{"kind":"Name","value":"familyQuotient"}},{"kind":"Field","name":{"kind":"Name","value":"quotientFrom"}},{"kind":"Field","name":{"kind":"Name","value":"insuranceCompany"}},{"kind":"Field","name":{"kind":"Name","value":"insurancePolicy"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"fieldLabel"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"previousAnswer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"needsConfirmation"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecordFieldRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"needsReview"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"choices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<MyHouseholdQuery, MyHouseholdQueryVariables>;
export const UpdateHouseholdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateHouseholdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateHousehold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HouseholdRecord"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GuardianFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Guardian"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"homePhone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"workPhone"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HouseholdRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Household"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GuardianFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"otherGuardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GuardianFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"complement"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"mainPhone"}},{"kind":"Field","name":{"kind":"Name","value":"secondaryPhone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complementary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cafNumber"}},{"kind":"Field","name":{"kind":"Name","value":"familyQuotient"}},{"kind":"Field","name":{"kind":"Name","value":"quotientFrom"}},{"kind":"Field","name":{"kind":"Name","value":"insuranceCompany"}},{"kind":"Field","name":{"kind":"Name","value":"insurancePolicy"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"fieldLabel"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"previousAnswer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"needsConfirmation"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UpdateHouseholdMutation, UpdateHouseholdMutationVariables>;
export const AnswerConsentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnswerConsents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"answers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentAnswerInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"childId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerConsents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"answers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"answers"}}},{"kind":"Argument","name":{"kind":"Name","value":"childId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"childId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HouseholdRecord"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChildRecord"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GuardianFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Guardian"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"homePhone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"workPhone"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HouseholdRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Household"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GuardianFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"otherGuardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GuardianFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"complement"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"mainPhone"}},{"kind":"Field","name":{"kind":"Name","value":"secondaryPhone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complementary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cafNumber"}},{"kind":"Field","name":{"kind":"Name","value":"familyQuotient"}},{"kind":"Field","name":{"kind":"Name","value":"quotientFrom"}},{"kind":"Field","name":{"kind":"Name","value":"insuranceCompany"}},{"kind":"Field","name":{"kind":"Name","value":"insurancePolicy"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"fieldLabel"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"previousAnswer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"needsConfirmation"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChildRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Child"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"schooling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"}},{"kind":"Field","name":{"kind":"Name","value":"classLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diet"}},{"kind":"Field","name":{"kind":"Name","value":"foodAllergies"}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doctorName"}},{"kind":"Field","name":{"kind":"Name","value":"doctorPhone"}},{"kind":"Field","name":{"kind":"Name","value":"allergies"}},{"kind":"Field","name":{"kind":"Name","value":"medicalNotes"}},{"kind":"Field","name":{"kind":"Name","value":"hasPai"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vaccinations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vaccine"}},{"kind":"Field","name":{"kind":"Name","value":"vaccinatedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorizedPersons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"otherPhone"}},{"kind":"Field","name":{"kind":"Name","value":"mayPickUp"}},{"kind":"Field","name":{"kind":"Name","value":"emergencyContact"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"previousAnswer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithAnotherHousehold"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<AnswerConsentsMutation, AnswerConsentsMutationVariables>;
export const ConfirmRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HouseholdRecord"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GuardianFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Guardian"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"homePhone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"employer"}},{"kind":"Field","name":{"kind":"Name","value":"workPhone"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HouseholdRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Household"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"civility"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GuardianFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"otherGuardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GuardianFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"complement"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"mainPhone"}},{"kind":"Field","name":{"kind":"Name","value":"secondaryPhone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complementary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cafNumber"}},{"kind":"Field","name":{"kind":"Name","value":"familyQuotient"}},{"kind":"Field","name":{"kind":"Name","value":"quotientFrom"}},{"kind":"Field","name":{"kind":"Name","value":"insuranceCompany"}},{"kind":"Field","name":{"kind":"Name","value":"insurancePolicy"}},{"kind":"Field","name":{"kind":"Name","value":"remarks"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"fieldLabel"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"previousAnswer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"needsConfirmation"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ConfirmRecordsMutation, ConfirmRecordsMutationVariables>;
export const MyChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyChildren"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionStatusFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}}]}}]} as unknown as DocumentNode<MyChildrenQuery, MyChildrenQueryVariables>;
export const MyChildDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyChild"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"child"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChildRecord"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pendingChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"fieldLabel"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"childFields"},"name":{"kind":"Name","value":"recordFields"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entity"},"value":{"kind":"EnumValue","value":"CHILD"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecordFieldRule"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"contactFields"},"name":{"kind":"Name","value":"recordFields"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entity"},"value":{"kind":"EnumValue","value":"CONTACT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecordFieldRule"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChildRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Child"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"schooling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"}},{"kind":"Field","name":{"kind":"Name","value":"classLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diet"}},{"kind":"Field","name":{"kind":"Name","value":"foodAllergies"}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doctorName"}},{"kind":"Field","name":{"kind":"Name","value":"doctorPhone"}},{"kind":"Field","name":{"kind":"Name","value":"allergies"}},{"kind":"Field","name":{"kind":"Name","value":"medicalNotes"}},{"kind":"Field","name":{"kind":"Name","value":"hasPai"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vaccinations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vaccine"}},{"kind":"Field","name":{"kind":"Name","value":"vaccinatedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorizedPersons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"otherPhone"}},{"kind":"Field","name":{"kind":"Name","value":"mayPickUp"}},{"kind":"Field","name":{"kind":"Name","value":"emergencyContact"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"previousAnswer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithAnotherHousehold"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecordFieldRule"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecordField"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"needsReview"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"choices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<MyChildQuery, MyChildQueryVariables>;
export const UpdateChildDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateChild"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateChildInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateChild"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"child"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChildRecord"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SectionStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SectionStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"pendingFields"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChildRecord"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Child"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"schooling"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"}},{"kind":"Field","name":{"kind":"Name","value":"classLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"meals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diet"}},{"kind":"Field","name":{"kind":"Name","value":"foodAllergies"}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"doctorName"}},{"kind":"Field","name":{"kind":"Name","value":"doctorPhone"}},{"kind":"Field","name":{"kind":"Name","value":"allergies"}},{"kind":"Field","name":{"kind":"Name","value":"medicalNotes"}},{"kind":"Field","name":{"kind":"Name","value":"hasPai"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vaccinations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vaccine"}},{"kind":"Field","name":{"kind":"Name","value":"vaccinatedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorizedPersons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"otherPhone"}},{"kind":"Field","name":{"kind":"Name","value":"mayPickUp"}},{"kind":"Field","name":{"kind":"Name","value":"emergencyContact"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authorisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"previousAnswer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SectionStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithAnotherHousehold"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UpdateChildMutation, UpdateChildMutationVariables>;
export const SelfRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SelfRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"town"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"selfRegistration"}}]}}]}}]} as unknown as DocumentNode<SelfRegistrationQuery, SelfRegistrationQueryVariables>;
export const RegistrationFormDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistrationForm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"town"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"selfRegistration"}},{"kind":"Field","name":{"kind":"Name","value":"termsOfUse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"textHtml"}}]}}]}}]}}]} as unknown as DocumentNode<RegistrationFormQuery, RegistrationFormQueryVariables>;
export const AltchaChallengeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AltchaChallenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"altchaChallenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"challenge"}},{"kind":"Field","name":{"kind":"Name","value":"salt"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"maxnumber"}}]}}]}}]} as unknown as DocumentNode<AltchaChallengeQuery, AltchaChallengeQueryVariables>;
export const RegisterFamilyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterFamily"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterFamilyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerFamily"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterFamilyMutation, RegisterFamilyMutationVariables>;
export const ConfirmRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmRegistration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingValidation"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmRegistrationMutation, ConfirmRegistrationMutationVariables>;