"""Queries of messages and reminders."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import messages as use_cases
from portail.resolvers import reminders as reminder_use_cases
from portail.rules.messages import TOPIC_LABELS, TOPICS
from portail.schema.context import Info
from portail.schema.errors import not_found
from portail.schema.ids import parse_id
from portail.schema.messages.enums import MessageTopic
from portail.schema.messages.types import (
    MessageThread,
    MessageThreadConnection,
    MessageTopicOption,
    NotificationPreference,
)
from portail.schema.pagination import AT, ID, After, Cursors, PageSize
from portail.schema.permissions import FAMILY, SIGNED_IN, STAFF

_FAMILY_THREADS = Cursors("messageThreads", (AT, ID))
_INBOX = Cursors("staffMessageThreads", (AT, ID))


def _connection(info: Info, cursors: Cursors, page: use_cases.ThreadPage) -> MessageThreadConnection:
    return cursors.connection(
        MessageThreadConnection,
        page.items,
        lambda v: (v.row.last_message_at, v.row.id),
        lambda v: MessageThread.from_view(info, v),
        page.has_next,
    )


@strawberry.type
class MessageQueries:
    @strawberry.field(
        permission_classes=SIGNED_IN,
        description="The topics a family picks from to start a thread, in order.",
    )
    def message_topics(self) -> list[MessageTopicOption]:
        return [MessageTopicOption(topic=MessageTopic(t), label=TOPIC_LABELS[t]) for t in TOPICS]

    @strawberry.field(
        permission_classes=FAMILY,
        description="The household's threads with the service, the most recent message first (without their "
        "messages: open one with `messageThread`).",
    )
    async def message_threads(
        self, info: Info, first: PageSize = 20, after: After = None
    ) -> MessageThreadConnection:
        key = _FAMILY_THREADS.decode(after)
        page = await use_cases.family_threads(info.context.app, first=first, after=key)
        return _connection(info, _FAMILY_THREADS, page)

    @strawberry.field(
        permission_classes=STAFF,
        description="Staff: the shared inbox, every household's threads, the most recent message first.",
    )
    async def staff_message_threads(
        self,
        info: Info,
        first: PageSize = 20,
        after: After = None,
        unread_only: Annotated[
            bool, strawberry.argument(description="Only the threads with family messages nobody read.")
        ] = False,
        household_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this household's threads.")
        ] = None,
    ) -> MessageThreadConnection:
        key = _INBOX.decode(after)
        page = await use_cases.staff_threads(
            info.context.app,
            first=first,
            after=key,
            unread_only=unread_only,
            household_id=parse_id(household_id),
            household_given=household_id is not None,
        )
        return _connection(info, _INBOX, page)

    @strawberry.field(
        permission_classes=SIGNED_IN,
        description="A thread with its messages (reading it does not mark it read: `markThreadRead` does). "
        "Unknown, or another household's, is a `NOT_FOUND` error.",
    )
    async def message_thread(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The thread.")]
    ) -> MessageThread:
        view = await use_cases.thread(info.context.app, parse_id(id))
        if view is None:
            raise not_found("id", use_cases.NO_THREAD)
        return MessageThread.from_view(info, view)

    @strawberry.field(
        permission_classes=SIGNED_IN,
        description="Messages waiting to be read: for a family, the service's in its threads; for staff, "
        "the families' in the shared inbox.",
    )
    async def unread_message_count(self, info: Info) -> int:
        return await use_cases.unread_message_count(info.context.app)

    @strawberry.field(
        permission_classes=FAMILY,
        description="Whether the household gets each kind of reminder by mail (every kind, in order).",
    )
    async def notification_preferences(self, info: Info) -> list[NotificationPreference]:
        views = await reminder_use_cases.preferences(info.context.app)
        return [NotificationPreference.from_view(v) for v in views]
