"""Web addresses staff type (a useful link): only http(s) pages, whole and without spaces."""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_LENGTH = 500
SCHEMES = ("https", "http")


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a link of the home page (French), or None."""
    if len(url) > MAX_LENGTH:
        return f"L'adresse ne doit pas dépasser {MAX_LENGTH} caractères."
    if any(c.isspace() for c in url):
        return "L'adresse ne doit pas contenir d'espace."
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return "Cette adresse n'est pas une adresse web valide."
    # javascript:, data:, file: and the like would run or read something in the reader's browser.
    if parts.scheme.lower() not in SCHEMES:
        return "L'adresse doit commencer par https:// (ou http://)."
    if not host or "." not in host.strip("."):
        return "L'adresse doit nommer un site (exemple : https://www.service-public.fr)."
    return None
