"""When bookings open, and for whom: each period's booking window (``portail.rules.booking_windows``),
the town's postcodes and INSEE codes that make a household resident, the category staff give a
household, and the suspension of a household's online bookings. Staff set each through the API
(audited); families meet them in ``bookableDays``, ``previewBookingRequest`` /
``submitBookingRequest`` and ``catalogue``.

What families are refused here holds back the families' own requests only: staff deciding requests
already made (``decideBookings``), cancelling days or changing the calendar are not held back by a
window or a suspension (the API has no staff booking on a family's behalf; a family served at the
counter while suspended is served by staff lifting the suspension).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from portail.db.models import Household
from portail.db.models.catalogue import Period, Unit
from portail.db.models.records import TownSetting
from portail.resolvers.audit import audit_change
from portail.resolvers.catalogue import check_tariff
from portail.resolvers.catalogue_reading import forget_catalogue, non_resident_tariff_of
from portail.resolvers.context import RequestContext
from portail.resolvers.errors import ErrorCode, UserErrors
from portail.resolvers.households import forget_household_row, household_row
from portail.resolvers.memo import memo, remember
from portail.resolvers.validation import Validator
from portail.rules.booking_windows import (
    RESIDENCE_GROUPS,
    Opening,
    WindowSettings,
    WindowStatus,
    french_moment,
    household_groups,
    is_resident,
    window_status,
)
from portail.rules.postcodes import insee_code, is_french_postcode
from portail.rules.validity import TOWN_ZONE

# The town's postcodes, and apart from them its communes' INSEE codes (``is_resident`` says which
# decides). Before INSEE codes had their own list, staff could list both under the postcodes: such a
# list still works (an INSEE code there matches only a household whose postcode is that code).
RESIDENT_POSTCODES_KEY = "resident_postcodes"
RESIDENT_INSEE_CODES_KEY = "resident_insee_codes"
MAX_POSTCODES = 30
CATEGORY = re.compile(r"[A-Z0-9_]{1,30}")
MAX_OPENINGS = 10
MAX_INTRO = 4000


def settings_of(period: Period) -> WindowSettings:
    """A period's window as its columns hold it."""
    openings = tuple(
        Opening(group, datetime.fromisoformat(moment))
        for group, moment in json.loads(period.booking_openings)
    )
    return WindowSettings(
        opens_at=in_town(period.booking_opens_at),
        openings=tuple(Opening(o.group, o.opens_at.astimezone(TOWN_ZONE)) for o in openings),
        groups_only=period.booking_groups_only,
        closes_at=in_town(period.booking_closes_at),
        read_only_from=in_town(period.booking_read_only_from),
    )


def in_town(moment: datetime | None) -> datetime | None:
    """A stored moment (UTC) in the town's time, as the API shows moments staff set."""
    return moment.astimezone(TOWN_ZONE) if moment is not None else None


@dataclass(frozen=True)
class TownResidence:
    """What makes a household resident: the town's postcodes and its INSEE codes, as staff listed them."""

    postcodes: tuple[str, ...] = ()
    insee_codes: tuple[str, ...] = ()


NOWHERE = TownResidence()


async def town_residence(ctx: RequestContext) -> TownResidence:
    """The town's postcodes and INSEE codes (both in one statement, once per request)."""

    async def load() -> TownResidence:
        keys = (RESIDENT_POSTCODES_KEY, RESIDENT_INSEE_CODES_KEY)
        rows = await ctx.session.exec(select(TownSetting).where(col(TownSetting.key).in_(keys)))
        values = {row.key: row.value for row in rows.all()}
        return TownResidence(*(tuple(c for c in values.get(key, "").split(",") if c) for key in keys))

    return await memo(ctx, (RESIDENCE_MEMO,), load)


RESIDENCE_MEMO = "town_residence"


async def _household(ctx: RequestContext, household_id: uuid.UUID) -> Household:
    row = await household_row(ctx, household_id)
    assert row is not None  # the caller's own household
    return row


@dataclass(frozen=True)
class HouseholdStanding:
    """What decides a household's windows, and whether staff suspended its online bookings."""

    resident: bool
    category: str
    groups: frozenset[str]
    suspended_at: datetime | None
    suspension_reason: str

    @property
    def suspension_message(self) -> str:
        """What every line of a suspended household's request says (French)."""
        reason = f" Motif : {self.suspension_reason}" if self.suspension_reason else ""
        return "Les réservations en ligne de votre foyer sont suspendues par le service enfance." + reason


def standing_of(row: Household, town: TownResidence) -> HouseholdStanding:
    resident = is_resident(
        row.postcode, town.postcodes, insee_code=row.insee_code, town_insee_codes=town.insee_codes
    )
    return HouseholdStanding(
        resident=resident,
        category=row.booking_category,
        groups=household_groups(resident, row.booking_category),
        suspended_at=row.booking_suspended_at,
        suspension_reason=row.booking_suspension_reason,
    )


async def household_standing(
    ctx: RequestContext, household_id: uuid.UUID, *, residence: bool = True
) -> HouseholdStanding:
    """The household's standing; without ``residence`` the town's postcodes and INSEE codes are not read
    (a statement spared where nothing depends on residence: see ``residence_matters``) and it counts as
    non-resident."""
    town = await town_residence(ctx) if residence else NOWHERE
    return standing_of(await _household(ctx, household_id), town)


def residence_matters(periods: Iterable[Period], units: Iterable[Unit]) -> bool:
    """Whether being resident changes anything in ``periods`` and their ``units``: an opening for
    residents or non-residents, or an out-of-town tariff."""
    return any(
        o.group in RESIDENCE_GROUPS for period in periods for o in settings_of(period).openings
    ) or any(u.non_resident_tariff is not None for u in units)


def period_status(period: Period, standing: HouseholdStanding, now: datetime) -> WindowStatus:
    """Where ``period`` stands for the household at ``now``."""
    return window_status(settings_of(period), standing.groups, now)


# ---------------------------------------------------------------------------------------------
# Staff: the settings


@dataclass
class WindowData:
    """A period's booking window as staff send it (the whole of it: what is not given is cleared)."""

    opens_at: datetime | None
    openings: list[tuple[str, datetime]]
    groups_only: bool
    closes_at: datetime | None
    read_only_from: datetime | None
    intro: str


def _audit(
    ctx: RequestContext,
    household_id: uuid.UUID | None,
    entity: str,
    entity_id: uuid.UUID,
    field_name: str,
    before: str,
    after: str,
) -> None:
    if before == after:
        return
    assert ctx.viewer is not None  # staff only
    audit_change(ctx, entity, entity_id, field_name, before, after, household_id=household_id)


def _moment_text(moment: datetime | None) -> str:
    return french_moment(moment) if moment else ""


async def set_booking_window(ctx: RequestContext, period_id: uuid.UUID | None, data: WindowData) -> Period:
    """Staff set when ``period`` opens (for everyone, or per group), closes, freezes, and its intro
    text; each change is an entry of the audit trail."""
    row = await ctx.session.get(Period, period_id, with_for_update=True) if period_id else None
    if row is None:
        raise UserErrors.one("periodId", ErrorCode.NOT_FOUND, "Cette période n'existe pas.")
    v = Validator()
    intro = v.text("intro", data.intro, max_length=MAX_INTRO, multiline=True)
    if len(data.openings) > MAX_OPENINGS:
        v.add("openings", ErrorCode.INVALID, f"Au plus {MAX_OPENINGS} ouvertures par période.")
    seen: set[str] = set()
    for i, (group, _) in enumerate(data.openings):
        if group not in RESIDENCE_GROUPS and not CATEGORY.fullmatch(group):
            v.add(
                f"openings.{i}.group",
                ErrorCode.INVALID,
                "Indiquez RESIDENTS, NON_RESIDENTS ou le code d'une catégorie de foyers (majuscules, "
                "chiffres et _, 30 caractères au plus).",
            )
        elif group in seen:
            v.add(f"openings.{i}.group", ErrorCode.INVALID, "Ce groupe a déjà son ouverture.")
        seen.add(group)
    if data.groups_only and not data.openings:
        v.add("groupsOnly", ErrorCode.REQUIRED, "Indiquez les groupes de foyers qui peuvent réserver.")
    starts = [m for m in [data.opens_at, *(m for _, m in data.openings)] if m is not None]
    if data.closes_at is not None and any(m >= data.closes_at for m in starts):
        v.add("closesAt", ErrorCode.INVALID, "La clôture doit suivre chaque ouverture.")
    if data.read_only_from is not None and any(m >= data.read_only_from for m in starts):
        v.add("readOnlyFrom", ErrorCode.INVALID, "La consultation seule doit suivre chaque ouverture.")
    v.raise_if_any()
    before = _window_words(row)
    row.booking_opens_at = data.opens_at
    row.booking_openings = json.dumps([[group, moment.isoformat()] for group, moment in data.openings])
    row.booking_groups_only = data.groups_only
    row.booking_closes_at = data.closes_at
    row.booking_read_only_from = data.read_only_from
    row.booking_intro = intro
    for name, after in _window_words(row).items():
        _audit(ctx, None, "period", row.id, name, before[name], after)
    ctx.session.add(row)
    await ctx.session.flush()
    forget_catalogue(ctx)
    return row


def _window_words(row: Period) -> dict[str, str]:
    """The window's settings as the audit trail keeps them."""
    settings = settings_of(row)
    return {
        "bookingOpensAt": _moment_text(row.booking_opens_at),
        "bookingOpenings": "; ".join(f"{o.group} : {french_moment(o.opens_at)}" for o in settings.openings),
        "bookingGroupsOnly": "oui" if row.booking_groups_only else "non",
        "bookingClosesAt": _moment_text(row.booking_closes_at),
        "bookingReadOnlyFrom": _moment_text(row.booking_read_only_from),
        "bookingIntro": row.booking_intro,
    }


async def set_non_resident_tariff(
    ctx: RequestContext, unit_id: uuid.UUID | None, brackets: list[tuple[int | None, int]] | None
) -> Unit:
    """Staff give a unit an out-of-town grid ("tarif extérieur"), or take it away (None), audited."""
    row = await ctx.session.get(Unit, unit_id, with_for_update=True) if unit_id else None
    if row is None:
        raise UserErrors.one("unitId", ErrorCode.NOT_FOUND, "Cette unité n'existe pas.")
    if brackets is not None:
        v = Validator()
        check_tariff(v, brackets)
        v.raise_if_any()
    before = row.non_resident_tariff or ""
    row.non_resident_tariff = None if brackets is None else json.dumps([list(b) for b in brackets])
    non_resident_tariff_of(row)  # the grid the checks let through is one the pricing rules accept
    _audit(ctx, None, "unit", row.id, "nonResidentTariff", before, row.non_resident_tariff or "")
    ctx.session.add(row)
    await ctx.session.flush()
    forget_catalogue(ctx)
    return row


TOWN_ENTITY_ID = uuid.UUID(int=0)


async def set_resident_postcodes(
    ctx: RequestContext, postcodes: list[str], insee_codes: list[str] | None = None
) -> TownResidence:
    """Staff list the town's postcodes and, apart, its communes' INSEE codes (None: left as they are):
    a household whose address carries one is resident (``is_resident`` says which decides). Each list
    changed is an entry of the audit trail."""
    v = Validator()
    cleaned = _codes(v, "postcodes", postcodes, _postcode)
    cleaned_insee = None if insee_codes is None else _codes(v, "inseeCodes", insee_codes, insee_code)
    v.raise_if_any()
    town = TownResidence(
        await _set_codes(ctx, RESIDENT_POSTCODES_KEY, "residentPostcodes", cleaned),
        await _set_codes(ctx, RESIDENT_INSEE_CODES_KEY, "residentInseeCodes", cleaned_insee),
    )
    ctx.cache.pop((RESIDENCE_MEMO,), None)
    remember(ctx, (RESIDENCE_MEMO,), town)
    return town


def _postcode(value: str) -> str | None:
    code = value.replace(" ", "")
    return code if is_french_postcode(code) else None


_CODE_MESSAGES = {
    "postcodes": "Un code postal compte cinq chiffres, par exemple 56860 (les codes INSEE vont dans "
    "la liste des codes INSEE).",
    "inseeCodes": "Un code commune INSEE compte cinq caractères : deux pour le département (2A ou 2B en "
    "Corse), trois pour la commune, par exemple 56243.",
}


def _codes(v: Validator, field: str, values: list[str], clean: Callable[[str], str | None]) -> list[str]:
    """``values`` checked one by one (errors name ``field.i``), without repeats."""
    cleaned: list[str] = []
    if len(values) > MAX_POSTCODES:
        v.add(field, ErrorCode.INVALID, f"Au plus {MAX_POSTCODES} codes.")
    for i, value in enumerate(values):
        code = clean(value)
        if code is None:
            v.add(f"{field}.{i}", ErrorCode.INVALID, _CODE_MESSAGES[field])
        elif code not in cleaned:
            cleaned.append(code)
    return cleaned


async def _set_codes(
    ctx: RequestContext, key: str, field_name: str, codes: list[str] | None
) -> tuple[str, ...]:
    """The town's list under ``key`` set to ``codes`` (None: left as it is), audited; the list now."""
    row = await ctx.session.get(TownSetting, key, with_for_update=codes is not None)
    before = row.value if row else ""
    if codes is None:
        return tuple(c for c in before.split(",") if c)
    if row is None:
        row = TownSetting(key=key, value="")
    row.value = ",".join(codes)
    ctx.session.add(row)
    _audit(ctx, None, "town", TOWN_ENTITY_ID, field_name, before, row.value)
    return tuple(codes)


async def _staff_household(ctx: RequestContext, household_id: uuid.UUID | None) -> Household:
    row = await ctx.session.get(Household, household_id, with_for_update=True) if household_id else None
    if row is None or row.anonymised_at is not None:
        raise UserErrors.one("householdId", ErrorCode.NOT_FOUND, "Ce foyer n'existe pas.")
    return row


async def set_household_category(
    ctx: RequestContext, household_id: uuid.UUID | None, category: str
) -> Household:
    """Staff give a household a category (or none: ""), audited."""
    row = await _staff_household(ctx, household_id)
    value = category.strip().upper()
    if value and (value in RESIDENCE_GROUPS or not CATEGORY.fullmatch(value)):
        raise UserErrors.one(
            "category",
            ErrorCode.INVALID,
            "Un code de catégorie : majuscules, chiffres et _, 30 caractères au plus (ni RESIDENTS ni "
            "NON_RESIDENTS, que l'adresse décide).",
        )
    _audit(ctx, row.id, "household", row.id, "bookingCategory", row.booking_category, value)
    row.booking_category = value
    ctx.session.add(row)
    forget_household_row(ctx, row.id)
    return row


async def suspend_online_booking(
    ctx: RequestContext, household_id: uuid.UUID | None, reason: str
) -> Household:
    """Staff suspend a household's online bookings, saying why (the family reads it), audited."""
    row = await _staff_household(ctx, household_id)
    v = Validator()
    cleaned = v.reason(
        reason, refused=True, message="Indiquez le motif de la suspension : la famille le lira."
    )
    v.raise_if_any()
    _audit(ctx, row.id, "household", row.id, "bookingSuspension", row.booking_suspension_reason, cleaned)
    if row.booking_suspended_at is None:
        row.booking_suspended_at = ctx.now()
    row.booking_suspension_reason = cleaned
    ctx.session.add(row)
    forget_household_row(ctx, row.id)
    return row


async def resume_online_booking(ctx: RequestContext, household_id: uuid.UUID | None) -> Household:
    """Staff lift the suspension (nothing happens to a household that was not suspended), audited."""
    row = await _staff_household(ctx, household_id)
    if row.booking_suspended_at is not None:
        _audit(ctx, row.id, "household", row.id, "bookingSuspension", row.booking_suspension_reason, "")
    row.booking_suspended_at, row.booking_suspension_reason = None, ""
    ctx.session.add(row)
    forget_household_row(ctx, row.id)
    return row
