"""Markdown written by staff (news, the user guide), served as safe HTML.

Two maintained libraries, never a hand-written filter: markdown-it-py renders CommonMark (raw HTML
off: a ``<script>`` typed in a news item comes out as text), then nh3 (Rust's ammonia) keeps only the
tags, attributes and URL schemes listed here. The allow-list is the contract: anything a later
Markdown extension might emit that is not listed is dropped, so the sanitiser is the last word.

Rendering happens on read: a change to this policy applies at once to everything already written.
"""

from __future__ import annotations

import html

import nh3
from markdown_it import MarkdownIt

# What a news item or a guide section may hold: text structure, emphasis, lists, links, tables.
# No images (a news item has its own, checked and served by the portal), no forms, no iframes, no SVG.
ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "em",
        "del",
        "s",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
# Links lead to web pages, an address to write to, a number to call; never javascript:, data:, file:.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Every link opens a page of another site without handing it our page (window.opener) or its address.
LINK_REL = "noopener noreferrer"

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)


def render_markdown(source: str) -> str:
    """``source`` (Markdown) as HTML that holds only the allowed tags, attributes and link schemes."""
    return clean_html(_renderer.render(source))


def clean_html(fragment: str) -> str:
    """``fragment`` with everything outside the allow-list removed (a script's content included)."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def markdown_text(source: str, limit: int | None = None) -> str:
    """The plain text of ``source`` (no markup), e.g. for a list's excerpt; cut at a word within
    ``limit`` characters with "…" when longer."""
    text = html.unescape(nh3.clean(_renderer.render(source), tags=set(), attributes={}))
    text = " ".join(text.split())
    if limit is None or len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,;:.") + "…"
