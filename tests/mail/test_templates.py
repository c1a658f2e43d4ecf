"""Every mail kind, rendered from a realistic context: a clear subject, the layout (header band, headed
tables, the button and the plain link to the client's page), text and HTML parts saying the same, and
phones, dates and amounts the French way."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from portail.adapters.mail.templates import TEMPLATES, render
from tests.mail.samples import SAMPLES, TOWN, URL, contexts, stored_before

KINDS = sorted(p.name.removesuffix(".subject.txt") for p in TEMPLATES.glob("*.subject.txt"))
# The kinds that list days or lines: each list is a table with headed columns.
LISTING = {
    "booking_request_submitted", "booking_request_decided", "booking_promoted", "bookings_cancelled",
    "basket_expired", "basket_paid", "enrolment_withdrawn",
}


class _Visible(HTMLParser):
    """The text a reader sees in an HTML part, and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.hrefs: list[str] = []
        self.col_headers: list[str] = []
        self._in_th = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("title", "style", "head"):
            self._skip += 1
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(str(attributes["href"]))
        if tag == "th" and attributes.get("scope") == "col":
            self._in_th = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "style", "head"):
            self._skip -= 1
        if tag == "th":
            self._in_th = False

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.chunks.append(data)
        if self._in_th:
            self.col_headers.append(data.strip())

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def visible(html: str) -> _Visible:
    parser = _Visible()
    parser.feed(html)
    return parser


def figures(text: str) -> set[str]:
    """What a reader must find in both parts: numbers, dates, amounts, references, names (words
    with a digit or a capital)."""
    words = re.findall(r"[\w€][\w'’.,/:@€-]*[\w€]|\w", " ".join(text.split()))
    return {w for w in words if re.search(r"\d", w) or w[0].isupper()} - {"Bonjour"}


def samples() -> list[tuple[str, int]]:
    return [(kind, i) for kind in KINDS for i in range(len(SAMPLES.get(kind, [])))]


def test_every_kind_has_a_sample_context() -> None:
    assert sorted(SAMPLES) == KINDS


@pytest.mark.parametrize(("kind", "variant"), samples())
def test_a_mail_reads_as_a_transactional_mail(kind: str, variant: int) -> None:
    context = contexts(kind)[variant]
    mail = render(kind, context)
    link = context["link"]
    page = visible(mail.html)

    # A subject that says what happened, not the product's name (the sender carries it).
    assert mail.subject and not mail.subject.startswith("Portail Familles")
    assert "{{" not in mail.subject + mail.text + mail.html
    # The layout: French, phone-sized, the town's header band and the footer.
    assert '<html lang="fr">' in mail.html and "max-width: 600px" in mail.html
    assert TOWN in page.text and "Portail Familles" in page.text
    assert f"Portail Familles – {TOWN}" in mail.text
    # The button and, under it, the plain link, in the HTML part; "Label : URL" in the text part.
    assert link.startswith(URL)
    assert page.hrefs.count(link) == 2, page.hrefs
    assert 'bgcolor="#1d4ed8"' in mail.html
    assert re.search(rf"^\S.* : {re.escape(link)}$", mail.text, re.MULTILINE), mail.text
    # Lists are tables with headed columns.
    if kind in LISTING:
        assert "Date" in page.col_headers and len(page.col_headers) >= 2, page.col_headers
    # French formats: no E.164 phone, no ISO date.
    for part in (mail.subject, mail.text, mail.html):
        assert "+33" not in part
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", part)


@pytest.mark.parametrize(("kind", "variant"), samples())
def test_the_text_and_html_parts_say_the_same(kind: str, variant: int) -> None:
    mail = render(kind, contexts(kind)[variant])
    shown = visible(mail.html).text
    missing = {figure for figure in figures(mail.text) if figure not in shown}
    assert not missing, f"in the text part only: {sorted(missing)}"
    # And the other way round for what the HTML part lists (its headers and labels aside).
    text = " ".join(mail.text.split())
    for figure in figures(" ".join(visible(mail.html).chunks)):
        if re.search(r"\d", figure):
            assert figure in text, figure


@pytest.mark.parametrize("kind", KINDS)
def test_a_context_of_the_previous_version_still_renders(kind: str) -> None:
    for context in stored_before(kind):
        mail = render(kind, context)
        assert mail.subject and mail.text and mail.html


def test_the_html_part_escapes_what_families_typed() -> None:
    context = {**contexts("document_rejected")[0], "name": "<script>alert(1)</script> MARTIN"}
    mail = render("document_rejected", context)
    assert "<script" not in mail.html and "&lt;script&gt;" in mail.html
    assert "<script>alert(1)</script> MARTIN" in mail.text


def test_an_invoiced_month_is_written_in_words() -> None:
    mail = render("invoice_issued", contexts("invoice_issued")[0])
    assert "du mois de décembre 2026" in mail.text and "2026-12" not in mail.text + mail.html
    april = render("invoice_issued", {**contexts("invoice_issued")[0], "month": "2027-04"})
    assert "du mois d'avril 2027" in april.text
