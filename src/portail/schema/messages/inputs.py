"""Input types of messages and reminders."""

from __future__ import annotations

import strawberry
from strawberry.file_uploads import Upload

from portail.schema.messages.enums import MessageTopic, ReminderKind


@strawberry.input(description="A new thread to the service.")
class StartMessageThreadInput:
    topic: MessageTopic = strawberry.field(description="What it is about (the list of `messageTopics`).")
    subject: str = strawberry.field(description="A subject line (200 characters).")
    body: str = strawberry.field(description="The first message (plain text, 5000 characters).")
    child_id: strawberry.ID | None = strawberry.field(
        default=None, description="The child it is about, if any (one of the household's)."
    )
    attachments: list[Upload] | None = strawberry.field(
        default=None,
        description="Up to 3 files (PDF, JPEG or PNG, 10 MB each; multipart request with the header "
        "`X-Portail-CSRF: 1`).",
    )


@strawberry.input(description="Switch one kind of reminder on or off.")
class NotificationPreferenceInput:
    kind: ReminderKind = strawberry.field(description="The kind.")
    enabled: bool = strawberry.field(description="True to get it by mail.")
