"""Messages in tests: the GraphQL documents, and multipart requests carrying several files."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from portail.db.engine import Database
from tests.support.documents import UPLOAD_HEADERS
from tests.support.graphql import GraphQLClient

THREAD_FIELDS = """
  id subject topic topicLabel childId childName householdId householdName createdAt lastMessageAt
  unreadCount closed closedAt
"""
MESSAGE_FIELDS = """
  id body fromService authorName createdAt readAt
  attachments { id fileName format size viewUrl downloadUrl }
"""
PAYLOAD = f"thread {{ {THREAD_FIELDS} messages {{ {MESSAGE_FIELDS} }} }} errors {{ field code message }}"
START = f"""
mutation Start($input: StartMessageThreadInput!) {{ startMessageThread(input: $input) {{ {PAYLOAD} }} }}"""
REPLY = f"""
mutation Reply($threadId: ID!, $body: String!, $attachments: [Upload!]) {{
  replyToThread(threadId: $threadId, body: $body, attachments: $attachments) {{ {PAYLOAD} }}
}}"""
MARK_READ = f"""
mutation Read($threadId: ID!) {{ markThreadRead(threadId: $threadId) {{ {PAYLOAD} }} }}"""
CLOSE = f"""
mutation Close($threadId: ID!) {{ closeMessageThread(threadId: $threadId) {{ {PAYLOAD} }} }}"""
REOPEN = f"""
mutation Reopen($threadId: ID!) {{ reopenMessageThread(threadId: $threadId) {{ {PAYLOAD} }} }}"""
THREAD = f"""
query Thread($id: ID!) {{ messageThread(id: $id) {{ {THREAD_FIELDS} messages {{ {MESSAGE_FIELDS} }} }} }}"""
THREADS = f"""
query Threads($first: Int, $after: String) {{
  messageThreads(first: $first, after: $after) {{
    edges {{ cursor node {{ {THREAD_FIELDS} messages {{ id }} }} }} pageInfo {{ hasNextPage endCursor }}
  }}
}}"""
INBOX = f"""
query Inbox($first: Int, $after: String, $unreadOnly: Boolean, $householdId: ID) {{
  staffMessageThreads(first: $first, after: $after, unreadOnly: $unreadOnly, householdId: $householdId) {{
    edges {{ cursor node {{ {THREAD_FIELDS} }} }} pageInfo {{ hasNextPage endCursor }}
  }}
}}"""
UNREAD = "{ unreadMessageCount }"
MESSAGE_TABLES = ("message_thread", "message", "message_attachment", "outbox_mail")


async def post_files(
    client: GraphQLClient,
    query: str,
    variables: dict[str, Any],
    paths: list[str],
    files: list[tuple[str, bytes, str]],
) -> dict[str, Any]:
    """POST ``query`` with ``files[i]`` at the variable path ``paths[i]`` (e.g. "input.attachments.0");
    the JSON answer."""
    operations = {"query": query, "variables": variables}
    parts: dict[str, Any] = {
        "operations": (None, json.dumps(operations)),
        "map": (None, json.dumps({str(i): [f"variables.{p}"] for i, p in enumerate(paths)})),
    }
    for i, file in enumerate(files):
        parts[str(i)] = file
    response = await client.http.post("/graphql", files=parts, headers=UPLOAD_HEADERS)
    assert response.status_code == 200, response.text
    return response.json()


async def start_thread(
    client: GraphQLClient, files: list[tuple[str, bytes, str]] | None = None, **fields: Any
) -> dict[str, Any]:
    """The ``startMessageThread`` payload; ``files`` as its attachments (a multipart request)."""
    input = {"topic": "BOOKINGS", "subject": "Question", "body": "Bonjour", **fields}
    if not files:
        return (await client.data(START, {"input": input}))["startMessageThread"]
    input["attachments"] = [None] * len(files)
    paths = [f"input.attachments.{i}" for i in range(len(files))]
    body = await post_files(client, START, {"input": input}, paths, files)
    assert "errors" not in body, body
    return body["data"]["startMessageThread"]


async def reply(
    client: GraphQLClient, thread_id: str, body: str, files: list[tuple[str, bytes, str]] | None = None
) -> dict[str, Any]:
    variables: dict[str, Any] = {"threadId": thread_id, "body": body}
    if not files:
        return (await client.data(REPLY, variables))["replyToThread"]
    variables["attachments"] = [None] * len(files)
    answer = await post_files(
        client, REPLY, variables, [f"attachments.{i}" for i in range(len(files))], files
    )
    assert "errors" not in answer, answer
    return answer["data"]["replyToThread"]


async def table_counts(db: Database) -> dict[str, int]:
    async with db.read_sessions() as session:
        return {t: (await session.exec(text(f'SELECT COUNT(*) FROM "{t}"'))).one()[0] for t in MESSAGE_TABLES}
