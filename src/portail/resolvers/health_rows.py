"""The health form's rows of many children at once (diets, illnesses had, insurance), and the town's
lists: read in a fixed number of statements whatever the number of children. Kept apart from
``records`` and ``health`` so that both read them without importing each other."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from portail.db.models import ChildDiet, ChildIllness, ChildInsurance, HealthListItem
from portail.resolvers.context import RequestContext
from portail.resolvers.memo import memo
from portail.rules import health


@dataclass
class ChildHealth:
    """What a child has of the town's lists, and its insurance."""

    diets: list[HealthListItem] = field(default_factory=list)
    # Illnesses had, each with its year when the family knows it.
    illnesses: list[tuple[HealthListItem, int | None]] = field(default_factory=list)
    insurance: ChildInsurance | None = None


async def load_child_health(
    session: AsyncSession, child_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, ChildHealth]:
    """Each child's health rows, in three statements whatever their number (list order: the town's)."""
    found: dict[uuid.UUID, ChildHealth] = defaultdict(ChildHealth)
    ids = list(child_ids)
    if not ids:
        return found
    order = (col(HealthListItem.position), col(HealthListItem.label))
    for child_id, diet in (
        await session.exec(
            select(ChildDiet.child_id, HealthListItem)
            .join(HealthListItem, col(HealthListItem.id) == ChildDiet.item_id)
            .where(col(ChildDiet.child_id).in_(ids))
            .order_by(*order)
        )
    ).all():
        found[child_id].diets.append(diet)
    for illness, item in (
        await session.exec(
            select(ChildIllness, HealthListItem)
            .join(HealthListItem, col(HealthListItem.id) == ChildIllness.item_id)
            .where(col(ChildIllness.child_id).in_(ids))
            .order_by(*order)
        )
    ).all():
        found[illness.child_id].illnesses.append((item, illness.year))
    for insurance in (
        await session.exec(select(ChildInsurance).where(col(ChildInsurance.child_id).in_(ids)))
    ).all():
        found[insurance.child_id].insurance = insurance
    return found


async def town_list_items(ctx: RequestContext) -> list[HealthListItem]:
    """Every entry of the town's lists, retired ones too, in list order; read once per request."""

    async def load() -> list[HealthListItem]:
        return list(
            (
                await ctx.session.exec(
                    select(HealthListItem).order_by(
                        col(HealthListItem.kind), col(HealthListItem.position), col(HealthListItem.label)
                    )
                )
            ).all()
        )

    return await memo(ctx, ("health_list_items",), load)


def forget_town_lists(ctx: RequestContext) -> None:
    ctx.cache.pop(("health_list_items",), None)


def vaccine_named(items: list[HealthListItem], name: str) -> HealthListItem | None:
    """The list's vaccine a family's ``name`` means: its code, its label, or the label's words before a
    bracket ("ROR" for "ROR (rougeole, oreillons, rubéole)"); case, accents and spaces aside."""
    key = health.name_key(name)
    for item in items:
        if item.kind != health.VACCINE:
            continue
        if key in {
            health.name_key(item.code),
            health.name_key(item.label),
            health.name_key(item.label.split("(")[0]),
        }:
            return item
    return None
