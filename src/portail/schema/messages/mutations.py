"""Payloads and mutations of messages and reminders."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.file_uploads import Upload

from portail.resolvers import messages as use_cases
from portail.resolvers import reminders as reminder_use_cases
from portail.resolvers.uploads import IncomingFile
from portail.schema.context import Info
from portail.schema.documents.inputs import incoming_file
from portail.schema.enums import value_of
from portail.schema.errors import UserError
from portail.schema.ids import parse_id
from portail.schema.messages.inputs import NotificationPreferenceInput, StartMessageThreadInput
from portail.schema.messages.types import MessageThread, NotificationPreference
from portail.schema.mutations import run_mutation
from portail.schema.permissions import FAMILY, SIGNED_IN, STAFF

ThreadId = Annotated[strawberry.ID, strawberry.argument(description="The thread.")]


@strawberry.type(description="Result of the mutations of threads.")
class MessageThreadPayload:
    thread: MessageThread | None = strawberry.field(description="The thread as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type(description="Result of `updateNotificationPreferences`.")
class NotificationPreferencesPayload:
    preferences: list[NotificationPreference] | None = strawberry.field(
        description="Every kind as it now is; null on error."
    )
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


async def _files(uploads: list[Upload] | None) -> list[IncomingFile]:
    return [await incoming_file(u) for u in uploads or []]


def _payload(info: Info, view: use_cases.ThreadView | None, errors: list[UserError]) -> MessageThreadPayload:
    return MessageThreadPayload(thread=MessageThread.from_view(info, view) if view else None, errors=errors)


@strawberry.type
class MessageMutations:
    @strawberry.mutation(
        permission_classes=FAMILY,
        description="A family writes to the service: a new thread with its first message (and files: a "
        "multipart request). The service's inbox is mailed that a message waits, without its content.",
    )
    async def start_message_thread(
        self,
        info: Info,
        input: Annotated[StartMessageThreadInput, strawberry.argument(description="The thread.")],
    ) -> MessageThreadPayload:
        ctx = info.context.app
        new = use_cases.NewThread(
            topic=value_of(input.topic),
            subject=input.subject,
            body=input.body,
            child_id=parse_id(input.child_id),
            child_given=input.child_id is not None,
            attachments=await _files(input.attachments),
        )
        view, errors = await run_mutation(info, lambda: use_cases.start_thread(ctx, new))
        return _payload(info, view, errors)

    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description="Answer in a thread (a family in its own; staff in any). The other side is mailed that a "
        "message waits, without its content; writing marks the thread read for the writer's side; a "
        "family writing in a closed thread reopens it.",
    )
    async def reply_to_thread(
        self,
        info: Info,
        thread_id: ThreadId,
        body: Annotated[str, strawberry.argument(description="The message (plain text, 5000 characters).")],
        attachments: Annotated[
            list[Upload] | None,
            strawberry.argument(
                description="Up to 3 files (PDF, JPEG or PNG, 10 MB each; multipart request)."
            ),
        ] = None,
    ) -> MessageThreadPayload:
        ctx = info.context.app
        files = await _files(attachments)
        view, errors = await run_mutation(
            info, lambda: use_cases.reply(ctx, parse_id(thread_id), body, files)
        )
        return _payload(info, view, errors)

    @strawberry.mutation(
        permission_classes=SIGNED_IN,
        description="The viewer's side has read the thread: the other side's messages get their `readAt`, "
        "the thread's `unreadCount` drops to 0.",
    )
    async def mark_thread_read(self, info: Info, thread_id: ThreadId) -> MessageThreadPayload:
        ctx = info.context.app
        view, errors = await run_mutation(info, lambda: use_cases.mark_read(ctx, parse_id(thread_id)))
        return _payload(info, view, errors)

    @strawberry.mutation(permission_classes=STAFF, description="Staff: close a thread they are done with.")
    async def close_message_thread(self, info: Info, thread_id: ThreadId) -> MessageThreadPayload:
        ctx = info.context.app
        view, errors = await run_mutation(
            info, lambda: use_cases.set_closed(ctx, parse_id(thread_id), closed=True)
        )
        return _payload(info, view, errors)

    @strawberry.mutation(permission_classes=STAFF, description="Staff: reopen a closed thread.")
    async def reopen_message_thread(self, info: Info, thread_id: ThreadId) -> MessageThreadPayload:
        ctx = info.context.app
        view, errors = await run_mutation(
            info, lambda: use_cases.set_closed(ctx, parse_id(thread_id), closed=False)
        )
        return _payload(info, view, errors)

    @strawberry.mutation(
        permission_classes=FAMILY,
        description="Switch kinds of reminders on or off for the household (the kinds not given stay as "
        "they are). A kind given twice is `INVALID` on `preferences.<i>.kind`.",
    )
    async def update_notification_preferences(
        self,
        info: Info,
        preferences: Annotated[
            list[NotificationPreferenceInput], strawberry.argument(description="The kinds to set.")
        ],
    ) -> NotificationPreferencesPayload:
        ctx = info.context.app
        changes = [(value_of(p.kind), p.enabled) for p in preferences]
        views, errors = await run_mutation(info, lambda: reminder_use_cases.update_preferences(ctx, changes))
        return NotificationPreferencesPayload(
            preferences=[NotificationPreference.from_view(v) for v in views] if views is not None else None,
            errors=errors,
        )
