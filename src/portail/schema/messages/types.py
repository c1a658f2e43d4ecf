"""Output types of messages and reminders, and their mappers from the use cases' views."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import messages as use_cases
from portail.resolvers import reminders as reminder_use_cases
from portail.resolvers.file_links import attachment_links
from portail.resolvers.households import child_name
from portail.rules import reminders as reminder_rules
from portail.rules.messages import TOPIC_LABELS
from portail.schema.context import Info
from portail.schema.documents.enums import FileFormat
from portail.schema.ids import to_id
from portail.schema.messages.enums import MessageTopic, ReminderKind
from portail.schema.pagination import Connection


@strawberry.type(description="A file joined to a message (PDF, JPEG or PNG), through signed links.")
class MessageAttachment:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    file_name: str = strawberry.field(description="The file's name as it was sent.")
    format: FileFormat = strawberry.field(description="The format found in the file's content.")
    size: int = strawberry.field(description="Size in bytes.")
    view_url: str = strawberry.field(description="A link showing the file in the browser (10 minutes).")
    download_url: str = strawberry.field(description="A link downloading the file (10 minutes).")
    links_expire_at: datetime.datetime = strawberry.field(description="When `viewUrl`/`downloadUrl` expire.")


@strawberry.type(description="One message of a thread.")
class Message:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    body: str = strawberry.field(description="What it says (plain text; line breaks kept).")
    from_service: bool = strawberry.field(description="True: written by staff; false: by a guardian.")
    author_name: str = strawberry.field(
        description="The guardian's name, or the agent's (the town's name when the agent's account has none)."
    )
    created_at: datetime.datetime = strawberry.field(description="When it was sent.")
    read_at: datetime.datetime | None = strawberry.field(
        description="When the other side read it (opened the thread, or answered); null: not yet."
    )
    attachments: list[MessageAttachment] = strawberry.field(description="The files joined, in order.")


@strawberry.type(description="A conversation between a household and the town's service, on one topic.")
class MessageThread:
    id: strawberry.ID = strawberry.field(description="Opaque id (the client's page is `/messages/<id>`).")
    subject: str = strawberry.field(description="The subject the family wrote.")
    topic: MessageTopic = strawberry.field(description="The topic the family picked.")
    topic_label: str = strawberry.field(description='The topic in French, e.g. "Dossier / santé".')
    child_id: strawberry.ID | None = strawberry.field(description="The child it is about, if any.")
    child_name: str | None = strawberry.field(description='That child\'s "first name LAST NAME".')
    household_id: strawberry.ID = strawberry.field(description="The household that wrote.")
    household_name: str = strawberry.field(description="That household's name (for the shared inbox).")
    created_at: datetime.datetime = strawberry.field(description="When it was started.")
    last_message_at: datetime.datetime = strawberry.field(description="When its latest message was sent.")
    unread_count: int = strawberry.field(
        description="Messages of the other side the viewer's side has not read (a family: the service's; "
        "staff: the family's)."
    )
    closed: bool = strawberry.field(
        description="Staff closed it (done with); a family writing in it again reopens it."
    )
    closed_at: datetime.datetime | None = strawberry.field(description="When staff closed it.")
    messages: list[Message] | None = strawberry.field(
        description="Its messages, oldest first: given by `messageThread` and the mutations; null in "
        "lists (open a thread to read it)."
    )

    @classmethod
    def from_view(cls, info: Info, view: use_cases.ThreadView) -> MessageThread:
        row = view.row
        base_url = str(info.context.request.base_url)
        messages = None
        if view.messages is not None:
            messages = []
            for m in view.messages:
                attachments = []
                for a in m.attachments:
                    links = attachment_links(info.context.app, base_url, a)
                    attachments.append(
                        MessageAttachment(
                            id=to_id(a.id),
                            file_name=a.filename,
                            format=FileFormat(a.content_type),
                            size=a.size,
                            view_url=links.view_url,
                            download_url=links.download_url,
                            links_expire_at=links.expires_at,
                        )
                    )
                messages.append(
                    Message(
                        id=to_id(m.row.id),
                        body=m.row.body,
                        from_service=m.row.from_staff,
                        author_name=m.author_name,
                        created_at=m.row.created_at,
                        read_at=m.row.read_at,
                        attachments=attachments,
                    )
                )
        return cls(
            id=to_id(row.id),
            subject=row.subject,
            topic=MessageTopic(row.topic),
            topic_label=TOPIC_LABELS[row.topic],
            child_id=to_id(row.child_id) if row.child_id else None,
            child_name=child_name(view.child),
            household_id=to_id(row.household_id),
            household_name=view.household.name if view.household else "",
            created_at=row.created_at,
            last_message_at=row.last_message_at,
            unread_count=view.unread,
            closed=row.closed_at is not None,
            closed_at=row.closed_at,
            messages=messages,
        )


@strawberry.type(description="A page of threads, the most recent message first.")
class MessageThreadConnection(Connection[MessageThread]):
    pass


@strawberry.type(description="A topic a family may pick for a new thread.")
class MessageTopicOption:
    topic: MessageTopic = strawberry.field(description="The value to send.")
    label: str = strawberry.field(description="What the list shows.")


@strawberry.type(description="Whether the household gets one kind of reminder by mail.")
class NotificationPreference:
    kind: ReminderKind = strawberry.field(description="The kind of reminder.")
    label: str = strawberry.field(description="What it reminds of, in French (a checkbox's label).")
    enabled: bool = strawberry.field(description="Whether it is mailed to the household's guardians.")
    is_default: bool = strawberry.field(
        description="True while the household never chose (then `enabled` is the kind's default)."
    )
    lead_days: int = strawberry.field(description="How many days ahead of its date the reminder goes out.")

    @classmethod
    def from_view(cls, view: reminder_use_cases.Preference) -> NotificationPreference:
        return cls(
            kind=ReminderKind(view.kind),
            label=reminder_rules.LABELS[view.kind],
            enabled=view.enabled,
            is_default=view.is_default,
            lead_days=view.lead_days,
        )
