"""Where a news item stands at a moment, from its publish and unpublish times alone.

There is no stored state: staff set ``publish_at`` (null: a draft) and ``unpublish_at`` (null: no
end), and the clock of the request decides, so a scheduled item appears on its own at its time.
"""

from __future__ import annotations

from datetime import datetime

DRAFT, SCHEDULED, PUBLISHED, WITHDRAWN = "DRAFT", "SCHEDULED", "PUBLISHED", "WITHDRAWN"

STATE_LABELS = {
    DRAFT: "Brouillon",
    SCHEDULED: "Programmée",
    PUBLISHED: "Publiée",
    WITHDRAWN: "Retirée",
}


def news_state(publish_at: datetime | None, unpublish_at: datetime | None, now: datetime) -> str:
    """DRAFT (no publish time), SCHEDULED (to come), PUBLISHED (shown now) or WITHDRAWN (its end passed)."""
    if unpublish_at is not None and unpublish_at <= now:
        return WITHDRAWN
    if publish_at is None:
        return DRAFT
    if publish_at > now:
        return SCHEDULED
    return PUBLISHED


def is_public(publish_at: datetime | None, unpublish_at: datetime | None, now: datetime) -> bool:
    """Whether anyone may read the item (and see its image) at ``now``."""
    return news_state(publish_at, unpublish_at, now) == PUBLISHED
