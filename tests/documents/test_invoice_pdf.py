"""The invoice and credit note PDFs of "Mes factures" ("Aperçu" / "Télécharger"), read back with pypdf.
No database: ``invoice_pdf`` is a pure function of its data."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pypdf

from portail.adapters.invoice_pdf import (
    BilledParty,
    InvoiceDocument,
    InvoiceLine,
    Payment,
    Regie,
    Town,
    invoice_pdf,
    wrap,
)
from tests.support.documents import pdf_text

DESIGNATION = "JOURNEE CENTRE AERE MERCREDI RESERVE ({:02d}/01)"


def flat(text: str) -> str:
    """Text with every run of whitespace (no-break spaces and wrapped lines included) as one space."""
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


def page_texts(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    return [flat(page.extract_text()) for page in reader.pages]


def line(day: int, child: str = "Emma-Rose MARTIN", price: int = 770) -> InvoiceLine:
    return InvoiceLine(child, DESIGNATION.format(day), 1, price, price)


def invoice(**changes: Any) -> InvoiceDocument:
    data = InvoiceDocument(
        town=Town("Ville de Séné", ("Place de la Mairie", "56860 Séné"), siret="21560243500018"),
        regie=Regie("REGIE CENTRE AERE MERCREDI", payfip_client="012345"),
        kind="invoice",
        number="2027-000012",
        issued_on=date(2027, 2, 3),
        due_on=date(2027, 2, 28),
        month_label="Janvier 2027",
        billed=BilledParty("Famille MARTIN Lola", ("12 rue des Vénètes", "56860 Séné")),
        lines=(
            line(6),
            line(13, "Noé MARTIN", 1540),
            InvoiceLine("Noé MARTIN", "GARDERIE (heures)", Decimal("2.5"), 120, 300),
        ),
        total=2610,
        paid=1000,
        left_to_pay=1610,
        payments=(Payment(date(2027, 2, 10), "Carte bancaire (PayFiP)", 1000),),
    )
    return replace(data, **changes)


def test_invoice_prints_who_what_and_how_much():
    data = invoice_pdf(invoice())

    assert data.startswith(b"%PDF-")
    text = flat(pdf_text(data))
    for expected in (
        "FACTURE",
        "N° 2027-000012",
        "Ville de Séné",
        "Place de la Mairie",
        "SIRET : 21560243500018",
        "Régie : REGIE CENTRE AERE MERCREDI",
        "N° client PayFiP : 012345",
        "Émise le 03/02/2027",
        "À payer avant le 28/02/2027",
        "Période : Janvier 2027",
        "Famille MARTIN Lola",
        "12 rue des Vénètes",
        "56860 Séné",
        "Emma-Rose MARTIN",
        "JOURNEE CENTRE AERE MERCREDI RESERVE (06/01) 1 7,70 € 7,70 €",
        "JOURNEE CENTRE AERE MERCREDI RESERVE (13/01) 1 15,40 € 15,40 €",
        "GARDERIE (heures) 2,5 1,20 € 3,00 €",
        "Total 26,10 €",
        "Déjà payé 10,00 €",
        "Reste à payer 16,10 €",
        "10/02/2027 – Carte bancaire (PayFiP) – 10,00 €",
        "Payez en ligne sur le Portail Familles (PayFiP) ou auprès de la régie",
        "Page 1/1",
    ):
        assert expected in text, expected
    assert "Facture acquittée" not in text
    assert "AVOIR" not in text


def test_amounts_keep_their_no_break_spaces():
    # Babel's narrow no-break space between thousands is not in the fonts: it must not print as "?".
    text = pdf_text(invoice_pdf(invoice(total=123456, left_to_pay=122456)))

    assert "Total 1 234,56 €" in flat(text)
    assert "Reste à payer 1 224,56 €" in flat(text)
    assert "?" not in text


def test_paid_invoice_says_facture_acquittee():
    text = flat(pdf_text(invoice_pdf(invoice(paid=2610, left_to_pay=0))))

    assert "Facture acquittée" in text
    assert "Reste à payer 0,00 €" in text
    assert "Payez en ligne" not in text


def test_credit_note_names_the_invoice_it_cancels():
    data = invoice(
        kind="credit_note",
        number="2027-A-000003",
        cancels="2027-000012",
        due_on=None,
        payments=(),
        paid=0,
        left_to_pay=0,
        total=-2610,
    )
    text = flat(pdf_text(invoice_pdf(data)))

    assert "AVOIR" in text
    assert "N° 2027-A-000003" in text
    assert "Annule la facture n° 2027-000012" in text
    assert "Total -26,10 €" in text
    assert "FACTURE" not in text.replace("Annule la facture", "")
    assert "Facture acquittée" not in text
    assert "Payez en ligne" not in text


def test_three_hundred_lines_span_pages_each_with_the_table_header_and_its_number():
    lines = tuple(line(day % 28 + 1, f"Enfant {day:03d}") for day in range(300))
    data = invoice_pdf(invoice(lines=lines, total=300 * 770, paid=0, left_to_pay=300 * 770, payments=()))

    pages = page_texts(data)
    count = len(pages)
    assert count >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Page {number}/{count}" in text
        assert f"Page {number + 1}/" not in text
        if "Enfant " in text.replace("Enfant Désignation", ""):  # a page with rows shows the column titles
            assert "Enfant Désignation Qté Prix unitaire Montant" in text
    assert all("2027-000012" in text for text in pages)
    assert "(suite)" in pages[1]
    every = " ".join(pages)
    # Every line printed once, in order, none lost at a page break.
    positions = [every.index(f"Enfant {i:03d} ") for i in range(300)]
    assert positions == sorted(positions)
    assert "Total 2 310,00 €" in pages[-1]


def test_hostile_text_prints_as_typed_or_as_question_marks():
    long_name = "Marie-" + "Antoinette" * 300
    lines = (
        InvoiceLine("<script>alert(1)</script>", "<b>CANTINE</b> & </para>", 1, 770, 770),
        InvoiceLine(long_name, "X" * 5000, 1, 770, 770),
        InvoiceLine("Zoé 👧🏽", "SORTIE 🎉 中文 \x00\x07 fin", 1, 770, 770),
    )
    data = invoice_pdf(
        invoice(lines=lines, billed=BilledParty("Famille " + "Ü" * 2000, ("ligne\nsur\tdeux",) * 50))
    )

    assert data.startswith(b"%PDF-")
    text = flat(pdf_text(data))
    assert "<script>alert(1)</script>" in text
    assert "<b>CANTINE</b> & </para>" in text
    assert "Zoé ?" in text
    assert "SORTIE ? ?? ?? fin" in text
    assert "Marie-Antoinette" in text
    assert "…" in text
    assert len(page_texts(data)) == 1  # long text is wrapped and cut, not spread over pages


def test_wrap_breaks_words_wider_than_the_column_and_caps_the_lines():
    lines = wrap("A" * 1000, "Helvetica", 8, 100, max_lines=3)

    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert wrap("", "Helvetica", 8, 100) == [""]
    assert wrap("un deux\ntrois", "Helvetica", 8, 500) == ["un deux trois"]


def test_an_invoice_without_lines_still_renders():
    text = flat(pdf_text(invoice_pdf(invoice(lines=(), total=0, paid=0, left_to_pay=0, payments=()))))

    assert "Aucune ligne." in text
    assert "Facture acquittée" in text
