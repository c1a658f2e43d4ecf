"""What an uploaded file may be: its real format read from its first bytes, its size, its name.

Pure functions: the format is never taken from the name or the declared content type, which the
sender chooses; an executable renamed ``.pdf`` is still an executable.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
WEBP = "image/webp"
FORMATS = (PDF, JPEG, PNG)
# What a public page may show (a news item's picture): photos and images browsers all display.
IMAGE_FORMATS = (JPEG, PNG, WEBP)
# What a family reads in a message about a format.
FORMAT_LABELS = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", WEBP: "WebP"}
# The extension a served file gets when its name lacks the right one.
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", WEBP: ".webp"}

MAX_NAME_LENGTH = 200
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_SIGNATURES = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
)
# Programs (Windows PE, ELF, Mach-O, scripts, Java archives are zips): refused with their own message.
_EXECUTABLES = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
    b"PK\x03\x04",
)


@dataclass(frozen=True)
class FileProblem:
    """Why a file is refused: ``code`` names an ``ErrorCode``, ``message`` is French."""

    code: str
    message: str


def detect_format(head: bytes) -> str | None:
    """The MIME type the first bytes prove (PDF, JPEG, PNG or WebP), or None."""
    for signature, mime in _SIGNATURES:
        if head.startswith(signature):
            return mime
    # WebP is a RIFF container: "RIFF", the size (4 bytes), then "WEBP".
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None


def looks_executable(head: bytes) -> bool:
    """Whether the first bytes are those of a program or an archive that could hold one."""
    return head.startswith(_EXECUTABLES)


def clean_file_name(name: str) -> str:
    """The name as stored: Unicode-normalised (NFC) and trimmed."""
    return unicodedata.normalize("NFC", name).strip()


def file_name_problem(name: str) -> FileProblem | None:
    """Why a (cleaned) file name is refused, or None."""
    if not name:
        return FileProblem("REQUIRED", "Le fichier n'a pas de nom.")
    if len(name) > MAX_NAME_LENGTH:
        return FileProblem(
            "TOO_LONG", f"Le nom du fichier ne doit pas dépasser {MAX_NAME_LENGTH} caractères."
        )
    if "/" in name or "\\" in name or ".." in name:
        return FileProblem(
            "FILE_NAME_INVALID", "Le nom du fichier ne doit contenir ni « / », ni « \\ », ni « .. »."
        )
    if any(unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp"} for c in name):
        return FileProblem("FILE_NAME_INVALID", "Le nom du fichier contient des caractères non autorisés.")
    return None


def formats_text(formats: tuple[str, ...]) -> str:
    """ "PDF, JPEG ou PNG"."""
    labels = [FORMAT_LABELS.get(f, f) for f in formats]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " ou " + labels[-1]


def size_text(size: int) -> str:
    """A size as a family reads it: "10 Mo", "500 Ko"."""
    if size >= 1024 * 1024:
        value = size / (1024 * 1024)
        return f"{value:.0f} Mo" if value == int(value) else f"{value:.1f} Mo".replace(".", ",")
    return f"{max(1, size // 1024)} Ko"


def content_problems(data: bytes, *, accepted: tuple[str, ...], max_bytes: int) -> list[FileProblem]:
    """Why the content is refused (empty, too large, a program, another format), else []."""
    if not data:
        return [FileProblem("FILE_EMPTY", "Le fichier est vide.")]
    problems = []
    if len(data) > max_bytes:
        problems.append(
            FileProblem(
                "FILE_TOO_LARGE",
                f"Le fichier dépasse la taille maximale autorisée ({size_text(max_bytes)}).",
            )
        )
    head = data[:16]
    if looks_executable(head):
        problems.append(
            FileProblem(
                "FILE_FORMAT_REFUSED",
                "Ce fichier est un programme ou une archive, pas un document : "
                f"envoyez un fichier {formats_text(accepted)}.",
            )
        )
    elif detect_format(head) not in accepted:
        problems.append(
            FileProblem(
                "FILE_FORMAT_REFUSED",
                f"Le contenu de ce fichier n'est pas au format {formats_text(accepted)} "
                "(le format est lu dans le fichier, pas dans son nom).",
            )
        )
    return problems


def parse_formats(stored: str) -> tuple[str, ...]:
    """The accepted formats of a document type as stored (comma-separated MIME types)."""
    return tuple(f for f in (p.strip() for p in stored.split(",")) if f in FORMATS)


def served_name(name: str, mime: str) -> str:
    """The name a file is served under: the stored name, with the right extension when it lacks it."""
    extension = EXTENSIONS.get(mime, "")
    if extension and not name.lower().endswith((extension, ".jpeg" if mime == JPEG else extension)):
        return name + extension
    return name
