"""What staff type in Markdown comes out as safe HTML: a news item or a guide section cannot carry a
script, a javascript: or data: link, an event attribute, raw HTML or SVG into a family's browser."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from portail.rules.markdown import markdown_text, render_markdown
from tests.support.content import NEWS, create_news, staff_client

HOSTILE = {
    "script": "Bonjour <script>alert(document.cookie)</script> !",
    "javascript link": "[Cliquez ici](javascript:alert(1))",
    "javascript link, obfuscated": "[Cliquez](JaVaScRiPt:alert(1)) [ici](jav&#x09;ascript:alert(1))",
    "data link": "[Voir](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "event attribute": '<p onclick="alert(1)">Texte</p>',
    "img onerror": "<img src=x onerror=alert(1)>",
    "markdown image": "![x](javascript:alert(1)) ![y](https://traceur.example/pixel.gif)",
    "svg": '<svg onload="alert(1)"><script>alert(2)</script></svg>',
    "iframe": '<iframe src="https://exemple.test"></iframe>',
    "style": "<style>body { display: none }</style>",
    "link with target": '<a href="https://exemple.test" target="_blank">lien</a>',
}


SAFE_TAGS = {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "s", "code", "pre",
             "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td"}


class Elements(HTMLParser):
    """Every element of an HTML fragment and its attributes, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.found


def assert_safe(html: str) -> None:
    """Only allowed tags; no event attribute, style or target; links only to safe schemes, each with
    rel="noopener noreferrer"."""
    for tag, attrs in elements(html):
        assert tag in SAFE_TAGS, (tag, html)
        assert not any(name.startswith("on") or name in {"style", "target", "src"} for name in attrs), html
        if tag == "a":
            assert urlsplit(attrs.get("href") or "").scheme in {"http", "https", "mailto", "tel", ""}, html
            assert attrs.get("rel") == "noopener noreferrer", html


@pytest.mark.parametrize("source", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markdown_comes_out_clean(source):
    html = render_markdown(source)
    assert_safe(html)
    # Raw HTML is never markup: what looked like a tag is shown as text.
    assert not any(tag in {"script", "img", "svg", "iframe", "style"} for tag, _ in elements(html))


def test_a_javascript_or_data_link_is_no_link():
    for source in ("[Cliquez ici](javascript:alert(1))", "[Voir](data:text/html,hi)", "[x](vbscript:x)",
                   "[fichier](file:///etc/passwd)"):
        assert not [tag for tag, _ in elements(render_markdown(source)) if tag == "a"], source


def test_the_sanitiser_cleans_even_html_markdown_would_not_emit():
    # The allow-list is the last word whatever the renderer: nh3 alone on hostile markup.
    from portail.rules.markdown import clean_html

    html = clean_html(
        '<a href="javascript:alert(1)" target="_blank" onclick="x">a</a><img src=x onerror=alert(1)>'
        '<svg><script>alert(1)</script></svg><p style="x" onmouseover="y">t</p>'
        '<a href="https://exemple.test" target="_blank">b</a>'
    )
    assert_safe(html)
    assert "alert" not in html
    assert html == '<a rel="noopener noreferrer">a</a><p>t</p><a href="https://exemple.test" rel="noopener noreferrer">b</a>'


def test_every_link_kept_gets_rel_noopener_noreferrer():
    html = render_markdown("[Service public](https://www.service-public.fr) et [écrire](mailto:mairie@sene.fr)")
    assert html == (
        '<p><a href="https://www.service-public.fr" rel="noopener noreferrer">Service public</a> et '
        '<a href="mailto:mairie@sene.fr" rel="noopener noreferrer">écrire</a></p>\n'
    )


def test_the_structure_staff_need_survives():
    html = render_markdown("## Horaires\n\n- lundi\n- *mardi*\n\n> À noter\n\n| Jour | Heures |\n|---|---|\n| L | 9 h |")
    for tag in ("<h2>", "<ul>", "<li>", "<em>", "<blockquote>", "<table>", "<td>"):
        assert tag in html


def test_the_excerpt_is_plain_text_cut_at_a_word():
    assert markdown_text("**Gras** et <b>pas</b> [lien](https://a.fr)") == "Gras et <b>pas</b> lien"
    assert markdown_text("un deux trois quatre", 12) == "un deux…"


async def test_a_hostile_news_item_is_served_clean_over_the_api(db, browser, clock):
    clock.travel_to(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
    staff = await staff_client(db, browser)
    await create_news(staff, title="Piège", body="\n\n".join(HOSTILE.values()),
                      publishAt=datetime(2026, 12, 1, tzinfo=UTC))
    [edge] = (await browser().data(NEWS, {"first": 5}))["news"]["edges"]
    html = edge["node"]["bodyHtml"]
    assert_safe(html)
    assert [tag for tag, _ in elements(html) if tag not in {"p", "a"}] == []
    assert "&lt;script&gt;" in html  # raw HTML stays text, never a tag
