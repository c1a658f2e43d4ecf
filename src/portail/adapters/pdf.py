"""The "Fiche sanitaire de liaison" as a PDF (reportlab), from a child's current records.

Text is drawn as plain strings (``drawString``), never as markup: whatever a family typed,
``<script>`` included, is printed as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from portail.rules.phones import display_phone
from portail.rules.repeat import french_date

FONT = "Helvetica"
BOLD = "Helvetica-Bold"
MARGIN = 50
LINE = 14


@dataclass(frozen=True)
class Person:
    """A guardian or an authorised person, as the form prints them."""

    name: str
    relation: str = ""
    phones: tuple[str, ...] = ()  # as stored (E.164): printed the French way
    notes: str = ""


@dataclass(frozen=True)
class HealthFormData:
    """Everything the form prints, already in words (the caller maps codes to labels)."""

    town: str
    first_name: str
    last_name: str
    birth_date: date | None
    sex: str
    school: str
    class_level: str
    diet: str
    food_allergies: str
    doctor_name: str
    doctor_phone: str
    allergies: str
    medical_notes: str
    has_pai: bool
    vaccinations: tuple[tuple[str, date], ...] = ()
    authorized_persons: tuple[Person, ...] = ()
    guardians: tuple[Person, ...] = ()
    generated_on: date | None = None
    # The official form's other parts (issue 15, health form): the town's lists' labels.
    diets: tuple[str, ...] = ()
    illnesses: tuple[tuple[str, int | None], ...] = ()
    doctor_address: str = ""
    insurance_company: str = ""
    insurance_policy: str = ""
    insurance_from: date | None = None
    insurance_until: date | None = None
    insurance_certificate: str = ""


def fr_date(value: date | None) -> str:
    """``value`` as DD/MM/YYYY, or "" when there is none."""
    return french_date(value) if value else ""


def printable(text: str) -> str:
    """The text with what the standard fonts cannot draw replaced (they cover Latin-1 and cp1252)."""
    return "".join(c if drawable(c) else "?" for c in text.replace("\t", " "))


def drawable(char: str) -> bool:
    """Whether the standard (Type 1) fonts can draw ``char``: cp1252, no control character."""
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return ord(char) >= 32


class _Writer:
    """Writes lines down the page, wrapping long text and starting new pages as needed."""

    def __init__(self, canvas: Canvas, title: str) -> None:
        self.canvas = canvas
        self.title = title
        self.width, self.height = A4
        self.y = self.height - MARGIN
        self.page = 1

    def _room(self, lines: int = 1) -> None:
        if self.y - lines * LINE < MARGIN:
            self._footer()
            self.canvas.showPage()
            self.page += 1
            self.y = self.height - MARGIN

    def _footer(self) -> None:
        self.canvas.setFont(FONT, 8)
        self.canvas.drawString(MARGIN, MARGIN / 2, printable(f"{self.title} – page {self.page}"))

    def heading(self, text: str, size: int = 12) -> None:
        self._room(3)
        self.y -= LINE / 2
        self.canvas.setFont(BOLD, size)
        self.canvas.drawString(MARGIN, self.y, printable(text))
        self.y -= 2
        self.canvas.line(MARGIN, self.y, self.width - MARGIN, self.y)
        self.y -= LINE

    def line(self, label: str, value: str) -> None:
        """``label : value``, the value wrapped to the page width."""
        self.canvas.setFont(BOLD, 10)
        label_text = printable(f"{label} : ")
        label_width = self.canvas.stringWidth(label_text, BOLD, 10)
        available = self.width - 2 * MARGIN - label_width
        shown = printable(value.strip()) or "—"
        chunks = [p for part in shown.splitlines() for p in (simpleSplit(part, FONT, 10, available) or [""])]
        self._room(len(chunks) if len(chunks) < 40 else 1)
        self.canvas.drawString(MARGIN, self.y, label_text)
        self.canvas.setFont(FONT, 10)
        for chunk in chunks:
            self._room()
            self.canvas.setFont(FONT, 10)
            self.canvas.drawString(MARGIN + label_width, self.y, chunk)
            self.y -= LINE

    def text(self, value: str, *, font: str = FONT, size: int = 10) -> None:
        for chunk in simpleSplit(printable(value), font, size, self.width - 2 * MARGIN) or [""]:
            self._room()
            self.canvas.setFont(font, size)
            self.canvas.drawString(MARGIN, self.y, chunk)
            self.y -= LINE

    def finish(self) -> None:
        self._footer()
        self.canvas.showPage()


def _person_line(person: Person) -> str:
    parts = [person.name]
    if person.relation:
        parts[0] += f" ({person.relation})"
    if person.phones:
        parts.append("tél. " + ", ".join(display_phone(phone) for phone in person.phones))
    if person.notes:
        parts.append(person.notes)
    return " – ".join(parts)


def health_form_pdf(data: HealthFormData) -> bytes:
    """The fiche sanitaire of one child, as PDF bytes."""
    out = BytesIO()
    name = f"{data.first_name} {data.last_name}".strip()
    title = f"Fiche sanitaire de liaison – {name}"
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(printable(title))
    canvas.setAuthor(printable(f"Portail Familles – {data.town}"))
    canvas.setSubject("Fiche sanitaire de liaison")
    w = _Writer(canvas, title)

    w.text(f"Portail Familles – {data.town}", size=9)
    w.heading("FICHE SANITAIRE DE LIAISON", size=16)
    if data.generated_on:
        w.text(f"Établie le {fr_date(data.generated_on)} à partir du dossier de l'enfant.", size=9)

    w.heading("Enfant")
    w.line("Nom", data.last_name)
    w.line("Prénom", data.first_name)
    w.line("Date de naissance", fr_date(data.birth_date))
    w.line("Sexe", data.sex)

    w.heading("Scolarité")
    w.line("École", data.school)
    w.line("Classe", data.class_level)

    w.heading("Restauration")
    w.line("Régime alimentaire", data.diet)
    w.line("Régimes particuliers", ", ".join(data.diets) or "aucun")
    w.line("Allergies alimentaires", data.food_allergies)

    w.heading("Santé")
    w.line("Médecin traitant", data.doctor_name)
    w.line("Téléphone du médecin", display_phone(data.doctor_phone))
    w.line("Adresse du médecin", " ".join(data.doctor_address.split()))
    w.line("Allergies", data.allergies)
    w.line("Observations médicales", data.medical_notes)
    w.line("Projet d'accueil individualisé (PAI)", "oui" if data.has_pai else "non")

    w.heading("Maladies déjà eues")
    if not data.illnesses:
        w.text("Aucune maladie renseignée.")
    for illness, year in data.illnesses:
        w.line(illness, str(year) if year else "oui")

    w.heading("Assurance")
    w.line("Compagnie", data.insurance_company)
    w.line("N° de contrat", data.insurance_policy)
    w.line("Valable du", fr_date(data.insurance_from))
    w.line("au", fr_date(data.insurance_until))
    w.line("Attestation", data.insurance_certificate or "non fournie")

    w.heading("Vaccinations")
    if not data.vaccinations:
        w.text("Aucune vaccination renseignée.")
    for vaccine, on in data.vaccinations:
        w.line(vaccine, fr_date(on))

    w.heading("Responsables légaux")
    if not data.guardians:
        w.text("Aucun responsable renseigné.")
    for person in data.guardians:
        w.text(_person_line(person))

    w.heading("Personnes autorisées")
    if not data.authorized_persons:
        w.text("Aucune personne renseignée.")
    for person in data.authorized_persons:
        w.text(_person_line(person))

    w.heading("Signature")
    w.text(
        "Je soussigné(e), responsable légal de l'enfant, déclare exacts les renseignements portés sur "
        "cette fiche et autorise le responsable de l'accueil à prendre, le cas échéant, toutes mesures "
        "(traitement médical, hospitalisation, intervention chirurgicale) rendues nécessaires par "
        "l'état de l'enfant."
    )
    w.text("")
    w.text("Fait à : ____________________   le : ____/____/________   Signature :")
    w.finish()
    canvas.save()
    return out.getvalue()
