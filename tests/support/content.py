"""Public content in tests: staff signed in, news written and scheduled, pictures, menus."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tests.support.accounts import signed_in
from tests.support.builders import make_staff
from tests.support.documents import post_file
from tests.support.graphql import GraphQLClient

ERRORS = "errors { field code message }"
NEWS_FIELDS = "id title body bodyHtml excerpt pinned publishAt unpublishAt state stateLabel imageUrl imageAlt"

CREATE_NEWS = f"""mutation($input: CreateNewsInput!) {{ createNews(input: $input) {{
  news {{ {NEWS_FIELDS} }} {ERRORS} }} }}"""
UPDATE_NEWS = f"""mutation($id: ID!, $input: UpdateNewsInput!) {{ updateNews(id: $id, input: $input) {{
  news {{ {NEWS_FIELDS} }} {ERRORS} }} }}"""
PUBLISH_NEWS = f"""mutation($id: ID!, $at: DateTime) {{ publishNews(id: $id, at: $at) {{
  news {{ {NEWS_FIELDS} }} {ERRORS} }} }}"""
WITHDRAW_NEWS = f"""mutation($id: ID!) {{ withdrawNews(id: $id) {{ news {{ {NEWS_FIELDS} }} {ERRORS} }} }}"""
SET_IMAGE = f"""mutation($id: ID!, $file: Upload!, $alt: String!) {{ setNewsImage(id: $id, file: $file, alt: $alt) {{
  news {{ {NEWS_FIELDS} }} {ERRORS} }} }}"""
NEWS = f"""query($first: Int!, $after: String) {{ news(first: $first, after: $after) {{
  edges {{ cursor node {{ {NEWS_FIELDS} }} }} pageInfo {{ hasNextPage endCursor }} }} }}"""
STAFF_NEWS = f"""query {{ staffNews(first: 100) {{ edges {{ node {{ {NEWS_FIELDS} }} }} }} }}"""

SET_MENU = f"""mutation($site: ID!, $date: Date!, $input: CanteenMenuInput!) {{
  setCanteenMenu(siteId: $site, date: $date, input: $input) {{
    menu {{ id date weekStart site {{ name }} note allergens
      starter {{ name labels labelWords allergens allergenWords }}
      mainCourse {{ name labels labelWords allergens allergenWords }}
      dairy {{ name labels allergens }}
      dessert {{ name labels allergens }} }}
    {ERRORS} }} }}"""
MENUS = """query($from: Date!, $to: Date!, $site: ID) { canteenMenus(from: $from, to: $to, siteId: $site) {
  date weekStart site { name } note allergens
  starter { name labels labelWords allergens allergenWords }
  mainCourse { name labels labelWords allergens allergenWords }
  dairy { name labels allergens } dessert { name labels allergens } } }"""
CREATE_SITE = f"""mutation($name: String!) {{ createCanteenSite(name: $name) {{ site {{ id name }} {ERRORS} }} }}"""


def jpeg_bytes() -> bytes:
    """Enough of a JPEG for its first bytes to prove it (the server reads no further)."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"


def webp_bytes() -> bytes:
    """A RIFF/WEBP header and a few bytes."""
    return b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00" + b"\x00" * 24


async def staff_client(db: Any, browser: Any, email: str = "agent@mairie.test") -> GraphQLClient:
    staff = await make_staff(db, email)
    return await signed_in(browser(), staff.email, staff.password)


async def create_news(staff: GraphQLClient, **input: Any) -> dict[str, Any]:
    """The news created (asserting it was accepted); datetimes given as datetimes."""
    variables = {k: v.isoformat() if isinstance(v, datetime) else v for k, v in input.items()}
    payload = (await staff.data(CREATE_NEWS, {"input": variables}))["createNews"]
    assert payload["errors"] == [], payload
    return payload["news"]


async def set_image(
    staff: GraphQLClient, news_id: str, file: tuple[str, bytes, str], alt: str = "Une photo"
) -> dict[str, Any]:
    """The ``setNewsImage`` payload (multipart request)."""
    response = await post_file(staff, SET_IMAGE, {"id": news_id, "alt": alt}, file)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]["setNewsImage"]


async def public_titles(client: GraphQLClient, first: int = 100) -> list[str]:
    edges = (await client.data(NEWS, {"first": first}))["news"]["edges"]
    return [e["node"]["title"] for e in edges]


async def make_site(staff: GraphQLClient, name: str = "Restaurant scolaire Pompidou") -> str:
    payload = (await staff.data(CREATE_SITE, {"name": name}))["createCanteenSite"]
    assert payload["errors"] == [], payload
    return str(payload["site"]["id"])


def codes(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]
