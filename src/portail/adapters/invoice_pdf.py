"""An invoice or a credit note of a regie as a PDF (reportlab): "Mes factures" > "Aperçu" / "Télécharger".

Like the fiche sanitaire (``adapters/pdf.py``), text is drawn as plain strings (``drawString``), never
as markup, so a name typed as ``<script>`` prints as it is; what the standard fonts cannot draw (emoji,
most non-Latin scripts) prints as "?". Every cell is wrapped to its column and capped to a few lines,
so no text, however long, overflows a column or pushes a row past a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO
from typing import Literal

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from portail.adapters.pdf import BOLD, FONT, MARGIN, fr_date, printable
from portail.rules.pricing import format_amount

InvoiceKind = Literal["invoice", "credit_note"]

PAY_HOW = "Payez en ligne sur le Portail Familles (PayFiP) ou auprès de la régie"
PAID = "Facture acquittée"

PAGE_WIDTH, PAGE_HEIGHT = A4
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
TOP = PAGE_HEIGHT - MARGIN
# The page footer sits in the bottom margin; the flow stops above it.
BOTTOM = MARGIN + 10
TABLE_SIZE = 8
ROW_LINE = 10
CELL_PAD = 3
# A cell longer than this is cut with "…": a row then always fits on a page, whatever was typed.
MAX_CELL_LINES = 4
# (title, width, right-aligned); widths add up to CONTENT_WIDTH (495 pt on A4 with 50 pt margins).
COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("Enfant", 95, False),
    ("Désignation", 235, False),
    ("Qté", 35, True),
    ("Prix unitaire", 60, True),
    ("Montant", 70, True),
)


@dataclass(frozen=True)
class Town:
    """The town issuing the invoice: its name ("Ville de Séné"), postal address lines, SIRET."""

    name: str
    address: tuple[str, ...] = ()
    siret: str | None = None


@dataclass(frozen=True)
class Regie:
    """The regie collecting the money ("REGIE CENTRE AERE MERCREDI") and its PayFiP client number."""

    name: str
    payfip_client: str = ""


@dataclass(frozen=True)
class BilledParty:
    """Who is billed: the household's name and postal address lines."""

    name: str
    address: tuple[str, ...] = ()


@dataclass(frozen=True)
class InvoiceLine:
    """One billed line: amounts in cents; ``quantity`` may be a Decimal (hours, for instance)."""

    child: str
    designation: str
    quantity: int | Decimal
    unit_price: int
    amount: int


@dataclass(frozen=True)
class Payment:
    """A payment received against the invoice, its method in words ("Carte bancaire (PayFiP)")."""

    paid_on: date
    method: str
    amount: int


@dataclass(frozen=True)
class InvoiceDocument:
    """Everything an invoice or a credit note prints, already in words; amounts in cents.

    ``cancels`` is, for a credit note, the number of the invoice it cancels. ``pay_how`` is the
    footer telling how to pay an invoice with something left to pay.
    """

    town: Town
    regie: Regie
    kind: InvoiceKind
    number: str
    issued_on: date
    billed: BilledParty
    lines: tuple[InvoiceLine, ...]
    total: int
    paid: int = 0
    left_to_pay: int = 0
    due_on: date | None = None
    month_label: str = ""
    cancels: str = ""
    payments: tuple[Payment, ...] = ()
    pay_how: str = PAY_HOW

    @property
    def title(self) -> str:
        """ "FACTURE" or "AVOIR"."""
        return "AVOIR" if self.kind == "credit_note" else "FACTURE"

    @property
    def settled(self) -> bool:
        """An invoice with nothing left to pay (it prints "Facture acquittée")."""
        return self.kind == "invoice" and self.left_to_pay <= 0


def invoice_pdf(data: InvoiceDocument) -> bytes:
    """The invoice or credit note ``data`` as PDF bytes, its pages numbered "Page 1/N"."""
    # Two passes: the first only counts the pages, so that every footer can print "Page i/N".
    pages = _render(data, Canvas(BytesIO(), pagesize=A4), total_pages=0)
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(printable(f"{data.title} n° {data.number} – {data.town.name}"))
    canvas.setAuthor(printable(f"Portail Familles – {data.town.name}"))
    canvas.setSubject(data.title.capitalize())
    _render(data, canvas, total_pages=pages)
    canvas.save()
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Text


def money(cents: int) -> str:
    """``format_amount`` as the standard fonts can draw it.

    Babel separates thousands with a narrow no-break space (U+202F), outside the fonts' cp1252: it
    would print as "?", so it becomes a plain no-break space (U+00A0), which they have.
    """
    return format_amount(cents).replace("\u202f", "\xa0")


def _quantity(value: int | Decimal) -> str:
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
        return text.replace(".", ",")
    return str(value)


def wrap(text: str, font: str, size: float, width: float, max_lines: int = MAX_CELL_LINES) -> list[str]:
    """``text`` on lines no wider than ``width``, at most ``max_lines`` (the last cut with "…").

    Whitespace (new lines included) is collapsed; a word wider than ``width`` is broken where it
    overflows, since reportlab's ``simpleSplit`` would leave it running into the next column.
    """
    # Per character widths add up exactly: the standard fonts have no kerning in reportlab.
    # The cap keeps a 1 MB name cheap; even the narrowest character fills max_lines well before it.
    words = printable(" ".join(text.split())[: max_lines * 200]).split(" ")
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    current, current_width = "", 0.0
    for word in words:
        word_width = stringWidth(word, font, size)
        if current and current_width + space + word_width <= width:
            current, current_width = f"{current} {word}", current_width + space + word_width
            continue
        if current:
            lines.append(current)
        current, current_width = word, word_width
        while current_width > width:
            head, tail = _cut(current, font, size, width)
            lines.append(head)
            current, current_width = tail, stringWidth(tail, font, size)
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def _cut(word: str, font: str, size: float, width: float) -> tuple[str, str]:
    used = 0.0
    for i, char in enumerate(word):
        used += stringWidth(char, font, size)
        if used > width:
            # At least one character a line, or a column narrower than a character would loop.
            return word[: max(i, 1)], word[max(i, 1) :]
    return word, ""


# ---------------------------------------------------------------------------------------------
# Pages


class _Pages:
    """The page flow: ``y`` goes down, a new page starts when a block would cross ``BOTTOM``."""

    def __init__(self, canvas: Canvas, data: InvoiceDocument, total_pages: int) -> None:
        self.canvas = canvas
        self.data = data
        self.total_pages = total_pages
        self.page = 1
        self.y = TOP
        # Set while the table is being drawn, so that a page break repeats its header.
        self.on_new_page: Callable[[], None] | None = None

    def room(self, height: float) -> None:
        """Start a new page unless ``height`` points still fit on this one."""
        if self.y - height >= BOTTOM:
            return
        self.footer()
        self.canvas.showPage()
        self.page += 1
        self.y = TOP
        self.draw(f"{self.data.title} n° {self.data.number} (suite)", font=BOLD, size=10)
        self.y -= 6
        if self.on_new_page:
            self.on_new_page()

    def footer(self) -> None:
        """Who issued what on the left, "Page i/N" on the right."""
        c, y = self.canvas, MARGIN / 2
        c.setFont(FONT, 8)
        left = wrap(
            f"{self.data.town.name} – {self.data.regie.name} – {self.data.title} n° {self.data.number}",
            FONT,
            8,
            CONTENT_WIDTH - 80,
            max_lines=1,
        )[0]
        c.drawString(MARGIN, y, left)
        if self.total_pages:
            c.drawRightString(PAGE_WIDTH - MARGIN, y, f"Page {self.page}/{self.total_pages}")

    def draw(
        self,
        text: str,
        *,
        font: str = FONT,
        size: float = 9,
        x: float = MARGIN,
        width: float = CONTENT_WIDTH,
        max_lines: int = MAX_CELL_LINES,
    ) -> None:
        """``text`` wrapped at ``x``, moving down."""
        for chunk in wrap(text, font, size, width, max_lines):
            self.room(size + 3)
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, self.y - size, chunk)
            self.y -= size + 3


def _block(canvas: Canvas, x: float, y: float, width: float, rows: list[tuple[str, str, float]]) -> float:
    """Lines of (text, font, size) from ``y`` down at ``x``; the ``y`` below them."""
    for text, font, size in rows:
        for chunk in wrap(text, font, size, width, max_lines=2):
            canvas.setFont(font, size)
            canvas.drawString(x, y - size, chunk)
            y -= size + 3
    return y


def _heading(p: _Pages) -> None:
    """Town and regie on the left; title, number and dates on the right; then who is billed."""
    d, c = p.data, p.canvas
    half = CONTENT_WIDTH / 2 - 10
    right = MARGIN + CONTENT_WIDTH / 2 + 10
    issuer: list[tuple[str, str, float]] = [(d.town.name, BOLD, 12)]
    issuer += [(line, FONT, 9) for line in d.town.address]
    if d.town.siret:
        issuer.append((f"SIRET : {d.town.siret}", FONT, 9))
    issuer.append((f"Régie : {d.regie.name}", BOLD, 9))
    if d.regie.payfip_client:
        issuer.append((f"N° client PayFiP : {d.regie.payfip_client}", FONT, 9))
    facts: list[tuple[str, str, float]] = [(d.title, BOLD, 18), (f"N° {d.number}", BOLD, 11)]
    facts.append((f"Émise le {fr_date(d.issued_on)}", FONT, 9))
    if d.kind == "invoice" and d.due_on:
        facts.append((f"À payer avant le {fr_date(d.due_on)}", FONT, 9))
    if d.month_label:
        facts.append((f"Période : {d.month_label}", FONT, 9))
    if d.kind == "credit_note" and d.cancels:
        facts.append((f"Annule la facture n° {d.cancels}", BOLD, 9))
    # A town with dozens of address lines would push the table off the first page.
    low = min(_block(c, MARGIN, p.y, half, issuer[:10]), _block(c, right, p.y, half, facts))
    billed: list[tuple[str, str, float]] = [("Facturé à", BOLD, 9), (d.billed.name, BOLD, 10)]
    billed += [(line, FONT, 9) for line in d.billed.address[:6]]
    p.y = _block(c, right, low - 12, half, billed) - 14


def _table_header(p: _Pages) -> None:
    c = p.canvas
    height = ROW_LINE + 2 * CELL_PAD
    c.setFillGray(0.9)
    c.rect(MARGIN, p.y - height, CONTENT_WIDTH, height, stroke=0, fill=1)
    c.setFillGray(0)
    c.setFont(BOLD, TABLE_SIZE)
    x: float = MARGIN
    for title, width, right in COLUMNS:
        if right:
            c.drawRightString(x + width - CELL_PAD, p.y - CELL_PAD - TABLE_SIZE, title)
        else:
            c.drawString(x + CELL_PAD, p.y - CELL_PAD - TABLE_SIZE, title)
        x += width
    p.y -= height


def _row(p: _Pages, line: InvoiceLine) -> None:
    values = (
        line.child,
        line.designation,
        _quantity(line.quantity),
        money(line.unit_price),
        money(line.amount),
    )
    cells = [
        wrap(value, FONT, TABLE_SIZE, width - 2 * CELL_PAD)
        for value, (_, width, _) in zip(values, COLUMNS, strict=True)
    ]
    height = max(len(cell) for cell in cells) * ROW_LINE + 2 * CELL_PAD
    p.room(height)
    c = p.canvas
    c.setFont(FONT, TABLE_SIZE)
    x: float = MARGIN
    for cell, (_, width, right) in zip(cells, COLUMNS, strict=True):
        y = p.y - CELL_PAD - TABLE_SIZE
        for chunk in cell:
            if right:
                c.drawRightString(x + width - CELL_PAD, y, chunk)
            else:
                c.drawString(x + CELL_PAD, y, chunk)
            y -= ROW_LINE
        x += width
    p.y -= height
    c.setStrokeGray(0.8)
    c.line(MARGIN, p.y, MARGIN + CONTENT_WIDTH, p.y)
    c.setStrokeGray(0)


def _totals(p: _Pages) -> None:
    d, c = p.data, p.canvas
    rows = [("Total", d.total)]
    if d.kind == "invoice":
        rows += [("Déjà payé", d.paid), ("Reste à payer", d.left_to_pay)]
    p.room(len(rows) * 14 + 10)
    p.y -= 10
    for label, cents in rows:
        c.setFont(BOLD, 10)
        c.drawRightString(PAGE_WIDTH - MARGIN - 90, p.y - 10, label)
        c.drawRightString(PAGE_WIDTH - MARGIN - CELL_PAD, p.y - 10, money(cents))
        p.y -= 14


def _render(data: InvoiceDocument, canvas: Canvas, total_pages: int) -> int:
    """Draws the whole document on ``canvas``; the number of pages."""
    p = _Pages(canvas, data, total_pages)
    _heading(p)
    if data.lines:
        p.room(ROW_LINE * 3)
        _table_header(p)
        p.on_new_page = lambda: _table_header(p)
        for line in data.lines:
            _row(p, line)
        p.on_new_page = None
    else:
        p.draw("Aucune ligne.")
    _totals(p)
    if data.payments:
        p.y -= 8
        p.draw("Paiements reçus", font=BOLD, size=9)
        for payment in data.payments:
            p.draw(f"{fr_date(payment.paid_on)} – {payment.method} – {money(payment.amount)}", max_lines=2)
    p.y -= 10
    if data.settled:
        p.draw(PAID, font=BOLD, size=12)
    elif data.kind == "invoice":
        p.draw(data.pay_how, size=9)
    p.footer()
    canvas.showPage()
    return p.page
