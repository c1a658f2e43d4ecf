"""Errors the user can fix: a field, a code from a documented list, a French message."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ErrorCode(Enum):
    """Why a mutation refused its input. The value is the description shown in the schema."""

    REQUIRED = "A required field is empty."
    TOO_LONG = "The value is longer than the field allows."
    INVALID = "The value is not of the expected form (see the message)."
    INVALID_EMAIL = "The e-mail address is malformed."
    INVALID_PHONE = "The phone number is not a valid French or international number."
    DATE_IN_FUTURE = "A date that must be in the past (a birth date) is in the future."
    EMAIL_ALREADY_USED = "Another account already uses this e-mail address."
    NOT_FOUND = "No such object, or not one of yours (the two are never told apart)."
    ALREADY_CONFIRMED = "The account is already confirmed."
    INVALID_CREDENTIALS = "The e-mail address or the password is wrong (never says which)."
    TOO_MANY_ATTEMPTS = (
        "Too many failed sign-ins, password reset requests or registrations from one client: wait before "
        "trying again (see the message)."
    )
    WRONG_PASSWORD = "The current password given to confirm a change is wrong."
    TOKEN_INVALID = "The link's token is unknown or altered."
    TOKEN_EXPIRED = "The link has expired: ask for a new one."
    TOKEN_USED = "The link has already been used."
    PASSWORD_TOO_SHORT = "The new password is shorter than the policy's minimum."
    PASSWORD_TOO_LONG = "The new password is longer than the policy's maximum."
    PASSWORD_CONTAINS_EMAIL = "The new password contains the account's e-mail address."
    PASSWORD_TOO_COMMON = "The new password is too common or too easy to guess."
    SAME_PASSWORD = "The new password is the current one."
    FIELD_NOT_EDITABLE = "The town made this field hidden or read-only for families."
    INVALID_POSTCODE = "The postcode is not a French postcode (for an address in France)."
    ALREADY_DECIDED = "The change or document was already approved or rejected."
    REASON_REQUIRED = "A rejection needs a reason the family can read."
    FILE_EMPTY = "The uploaded file is empty."
    FILE_TOO_LARGE = "The uploaded file is over the size limit of its document type (see the message)."
    FILE_FORMAT_REFUSED = (
        "The file's content (read from its first bytes, not its name) is not an accepted format."
    )
    FILE_NAME_INVALID = "The file name contains a path separator, '..' or control characters."
    CODE_ALREADY_USED = "Another object already uses this code."
    NOT_ELIGIBLE = "The child is outside the activity's ages or class levels."
    SECTION_INCOMPLETE = "A section of the records the activity requires is still to complete."
    DOCUMENT_MISSING = "A supporting document the activity requires has not been accepted yet."
    QUESTION_UNANSWERED = (
        "A question the town requires (of every family, or of the activity's) is not answered in its "
        "current wording yet (see `townQuestions`)."
    )
    VACCINE_MISSING = (
        "A vaccine the activity requires (e.g. DTP for a holiday centre) is not recorded for the child, or "
        "its last injection no longer holds on the first day the child may come (the message names the "
        "vaccine)."
    )
    ALREADY_ENROLLED = "The child is already enrolled in (or has asked for) this period."
    PERIOD_OVER = "The period has ended: nobody enrols in it any more."
    OUTSIDE_PERIOD = "A date lies outside the period's first and last days."
    END_BEFORE_START = "The end of a date range is before its start."
    RANGE_TOO_LONG = "The date range is longer than the period, or than the limit (see the message)."
    NO_MATCHING_DAY = "No day of the range matches the chosen weekdays, or the activity runs on none of them."
    NO_UNIT = "A repeat names no unit to copy."
    TOO_MANY_CHANGES = "The request holds more changes (or repeats) than one request may (see the message)."
    DUPLICATE_CHANGE = "The same child, unit and day appear twice in the request."
    NOT_ENROLLED = "The child is not enrolled (accepted) in the period: enrol first."
    NOTHING_TO_SUBMIT = (
        "No line of the request can change anything (every one is refused): one error per input item, "
        "at its place (`changes.<i>.date` for a one-off change, `repeats.<i>` for a repeat), its message "
        "saying why (for a repeat, its distinct reasons)."
    )
    NOT_WITHDRAWABLE = (
        "The enrolment is neither pending, accepted nor waiting (refused, or already withdrawn)."
    )
    PAYMENT_IN_PROGRESS = (
        "A payment of this basket or invoice is under way at PayFiP: finish it, or wait until it ends."
    )
    NOTHING_TO_PAY = "Nothing is left to pay there: the invoice is paid, cancelled, or a credit note."
    PAYMENT_UNAVAILABLE = (
        "Online payment cannot be opened: PayFiP does not answer, or the regie takes no online payment "
        "(see the message)."
    )
    NOT_AWAITING_DECISION = "The booking or request awaits no staff decision (already decided, or waiting)."
    BOOKINGS_IN_THE_WAY = (
        "Bookings that still stand (pending, accepted, cancellation requested, waiting) would be left on "
        "days the change closes, or beyond the capacity: the message says how many and when. For a "
        "calendar, give a cancellation reason to cancel them (the families are mailed)."
    )
    IN_USE = (
        "Other records depend on the object (activities requiring a document type, documents handed in "
        "under it): the message says how many."
    )
    HOUSEHOLD_STILL_ACTIVE = (
        "The household still has business with the town (bookings ahead, invoices to pay, a basket or a "
        "payment under way): the message says which."
    )
    ALREADY_ANONYMISED = "The household has already been anonymised."
    REGISTRATION_CLOSED = (
        "The town does not let families create their own account (see `town.selfRegistration`)."
    )
    ALTCHA_INVALID = (
        "The anti-robot proof of work (ALTCHA) is missing, malformed, altered or wrong: solve a new "
        "`altchaChallenge`."
    )
    ALTCHA_EXPIRED = "The ALTCHA challenge has expired: solve a new `altchaChallenge`."
    ALTCHA_REPLAYED = "The ALTCHA solution was already used (one solved challenge registers one family)."
    TERMS_NOT_ACCEPTED = (
        "The version of the terms of use accepted is not the current one (see `town.termsOfUse`): show it "
        "again and have it accepted."
    )
    TERMS_OF_USE_MISSING = (
        "Self-registration needs terms of use for families to accept: publish a consent of kind "
        "`CONDITIONS_UTILISATION` (household) first."
    )
    CONSENT_MISSING = (
        "A consent the activity requires is not granted: not answered yet in its current version, or "
        "refused (`code`: its kind)."
    )
    ENROLMENT_NOT_OPEN = (
        "Enrolments in the period are not open yet: the message says when they open (town time)."
    )
    ENROLMENT_CLOSED = "Enrolments in the period are closed: the message says since when (town time)."
    GROUP_FULL = (
        "The group chosen has no place left in the period, and the activity keeps no waiting line "
        "(another group may have places: see `catalogue`)."
    )
    GROUP_NOT_IN_PERIOD = (
        "The group chosen is one of the activity's, limited to other periods (`EnrolmentGroup.periodIds`): "
        "the message names the period's groups (see `catalogue`)."
    )
    ACTIVITY_FULL = "The period has no place left, and the activity keeps no waiting line."
    GROUP_IN_USE = "Enrolments name the group: it cannot be deleted (the message says how many)."
    HOUSEHOLD_AWAITING_VALIDATION = (
        "The household registered itself and waits for the town's validation: its records may be filled "
        "in, but bookings and enrolments wait until staff approve it (or merge it into the household the "
        "town knows)."
    )
    LINKED_UNIT = (
        "Staff would leave a unit without the unit it requires that day (`Unit.requires`): the message names "
        "both; decide them together, or cancel the dependent unit first."
    )


@dataclass(frozen=True)
class FieldError:
    """One thing wrong with the input; ``field`` is the input's field name (None: the whole)."""

    field: str | None
    code: ErrorCode
    message: str


class UserErrors(Exception):
    """Raised by a use case to refuse its input: the transaction rolls back, nothing is written."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.code.name}" for e in errors))
        self.errors = errors

    @classmethod
    def one(cls, field: str | None, code: ErrorCode, message: str) -> UserErrors:
        return cls([FieldError(field, code, message)])
