"""One realistic context per mail kind, as the use cases queue them (resolvers/*: ``send_mail(``).

A template must render every context here, and also the contexts callers passed before the keys
added since (``ADDED_SINCE``, which the templates give defaults): a ``send_mail`` call written against
the previous version (another branch's) still sends a whole mail, without its button.
"""

from __future__ import annotations

from typing import Any

URL = "https://familles.sene.fr"
TOWN = "Ville de Séné"
CENTRE = "Centre de loisirs > Mercredis 2026-2027"
CANTEEN = "Restauration scolaire > Année 2026-2027"
TOKEN = "q3NcV0x5cE9nYy1hbHZ0WmZlQm9ZbHJ3dE1rV3JlNXg"

_LINES = [
    {"child": "Emma-Rose TEST", "day": "02/12/2026", "unit": "JOURNEE CENTRE AERE MERCREDI",
     "action": "Réservation", "outcome": "Présence en attente de traitement", "refused": False},
    {"child": "Léo TEST", "day": "09/12/2026", "unit": "REPAS", "action": "Annulation",
     "outcome": "Présence annulée", "refused": False},
    {"child": "Léo TEST", "day": "16/12/2026", "unit": "REPAS", "action": "Réservation",
     "outcome": "Le délai de réservation est dépassé (mercredi 09/12/2026 à 12:00).", "refused": True},
]
_ITEMS = [
    {"child": "Emma-Rose TEST", "day": "06/01/2027", "unit": "JOURNEE CENTRE AERE MERCREDI",
     "path": CENTRE, "state": "Présence acceptée"},
    {"child": "Léo TEST", "day": "13/01/2027", "unit": "DEMI-JOURNEE MATIN", "path": CENTRE,
     "state": "Présence acceptée"},
]
_PRICED = [
    {"child": "Emma-Rose TEST", "day": "06/01/2027", "unit": "JOURNEE CENTRE AERE MERCREDI",
     "price": "7,70\xa0€"},
    {"child": "Léo TEST", "day": "13/01/2027", "unit": "REPAS", "price": "3,45\xa0€"},
]

SAMPLES: dict[str, list[dict[str, Any]]] = {
    "account_opened": [
        {"name": "Lola MARTIN", "link": f"{URL}/confirmer-compte?token={TOKEN}", "valid_days": 7},
    ],
    "account_confirmed": [
        {"name": "Lola MARTIN", "email": "lola.martin@example.fr", "link": f"{URL}/connexion",
         "registered": False, "awaiting": False},
        {"name": "Lola MARTIN", "email": "lola.martin@example.fr", "link": f"{URL}/connexion",
         "registered": True, "awaiting": True},
    ],
    "registration_confirm": [
        {"name": "Lola MARTIN", "link": f"{URL}/confirmer-inscription?token={TOKEN}", "valid_days": 7},
    ],
    "registration_address_in_use": [{"email": "lola.martin@example.fr", "link": f"{URL}/connexion"}],
    "registration_approved": [{"name": "Lola MARTIN", "household": "MARTIN", "link": f"{URL}/connexion"}],
    "registration_merged": [{"name": "Lola MARTIN", "household": "MARTIN", "link": f"{URL}/connexion"}],
    "registration_rejected": [
        {"name": "Lola MARTIN", "household": "MARTIN", "reason": "Vous n'habitez pas la commune.\nAdressez-vous à votre mairie.",
         "link": f"{URL}/"},
    ],
    "password_reset": [
        {"name": "Lola MARTIN", "link": f"{URL}/reinitialiser-mot-de-passe?token={TOKEN}",
         "valid_minutes": 60},
    ],
    "password_changed": [{"name": "Lola MARTIN", "link": f"{URL}/connexion"}],
    "login_locked": [
        {"name": "Lola MARTIN", "minutes": 15, "device": False, "link": f"{URL}/connexion"},
        {"name": "Lola MARTIN", "minutes": 15, "device": True, "link": f"{URL}/connexion"},
    ],
    "email_change": [
        {"name": "Lola MARTIN", "email": "lola.nouvelle@example.fr",
         "link": f"{URL}/confirmer-email?token={TOKEN}", "valid_hours": 24},
    ],
    "email_change_in_use": [{"email": "paul.durand@example.fr", "link": f"{URL}/connexion"}],
    "email_changed": [
        {"name": "Lola MARTIN", "email": "lola.nouvelle@example.fr", "old_email": "lola.martin@example.fr",
         "link": f"{URL}/connexion"},
    ],
    "record_change_decided": [
        {"approved": True, "field_label": "Téléphone principal", "value": "02 97 00 00 01", "reason": "",
         "link": f"{URL}/mon-foyer"},
        {"approved": False, "field_label": "Quotient familial", "value": "412",
         "reason": "L'attestation CAF jointe date de 2024.", "link": f"{URL}/mon-foyer"},
    ],
    "document_accepted": [
        {"name": "Lola MARTIN", "document": "Attestation CAF", "filename": "attestation-caf-2026.pdf",
         "child": "", "reason": "", "valid_until": "31/12/2027", "link": f"{URL}/mes-documents"},
        {"name": "Lola MARTIN", "document": "Carnet de vaccination", "filename": "vaccins.jpg",
         "child": "Emma-Rose TEST", "reason": "Rappel DTP à prévoir.", "valid_until": "",
         "link": f"{URL}/mes-documents"},
    ],
    "document_rejected": [
        {"name": "Lola MARTIN", "document": "Justificatif de domicile", "filename": "facture-edf.pdf",
         "child": "", "reason": "Le document a plus de trois mois.", "valid_until": "",
         "link": f"{URL}/mes-documents"},
    ],
    "booking_request_submitted": [
        {"number": "000007", "path": CENTRE, "state": "EN ATTENTE DE TRAITEMENT", "lines": _LINES,
         "total": "11,15\xa0€", "pay_before": "", "link": f"{URL}/historique"},
        {"number": "000008", "path": CANTEEN, "state": "EN ATTENTE DE TRAITEMENT", "lines": _LINES[:1],
         "total": "1\u202f234,56\xa0€", "pay_before": "14/12/2026 à 11:00", "link": f"{URL}/panier"},
    ],
    "booking_request_decided": [
        {"number": "000007", "path": CENTRE, "accepted": True, "reason": "", "state": "ACCEPTÉE",
         "lines": _LINES[:2], "link": f"{URL}/historique"},
        {"number": "000007", "path": CENTRE, "accepted": False, "reason": "Sortie au complet.",
         "state": "PARTIELLEMENT ACCEPTÉE", "lines": _LINES[1:2], "link": f"{URL}/historique"},
    ],
    "booking_promoted": [{"items": _ITEMS, "link": f"{URL}/planning"}],
    "bookings_cancelled": [
        {"items": [{k: v for k, v in i.items() if k != "state"} for i in _ITEMS],
         "reason": "Le centre est fermé pour travaux.", "link": f"{URL}/planning"},
    ],
    "basket_expired": [
        {"number": "000009", "path": CENTRE, "pay_before": "14/12/2026 à 11:00", "items": _PRICED,
         "kept": [], "link": f"{URL}/planning"},
        {"number": "000010", "path": CENTRE, "pay_before": "14/12/2026 à 11:00", "items": [],
         "kept": _PRICED[:1], "link": f"{URL}/planning"},
    ],
    "basket_paid": [
        {"numbers": "000009", "items": _ITEMS, "invoice": "CEN-2026-000012", "credit_given": "",
         "link": f"{URL}/factures"},
        {"numbers": "000009, 000011", "items": _ITEMS[:1], "invoice": "CEN-2026-000013",
         "credit_given": "7,70\xa0€", "link": f"{URL}/factures"},
    ],
    "enrolment_decided": [
        {"accepted": True, "automatic": True, "child_name": "Emma-Rose", "child_sex": "F", "path": CANTEEN,
         "reason": "", "link": f"{URL}/planning"},
        {"accepted": False, "automatic": False, "child_name": "Hugo", "child_sex": "M", "path": CENTRE,
         "reason": "Groupe complet pour cette période.", "link": f"{URL}/inscriptions"},
    ],
    "enrolment_withdrawn": [
        {"child_name": "Emma-Rose", "child_sex": "F", "path": CENTRE, "number": "000012",
         "cancelled": [{"day": "13/01/2027", "unit": "JOURNEE CENTRE AERE MERCREDI"}],
         "requested": [{"day": "06/01/2027", "unit": "REPAS"}],
         "kept": [{"day": "23/12/2026", "unit": "REPAS", "reason": "Repas déjà commandé."}],
         "link": f"{URL}/inscriptions"},
    ],
    "enrolment_waiting": [
        {"child_name": "Emma-Rose", "child_sex": "F", "path": CENTRE, "group": "Maternelles", "rank": 2,
         "link": f"{URL}/inscriptions"},
        {"child_name": "Hugo", "child_sex": "M", "path": CANTEEN, "group": "", "rank": 1,
         "link": f"{URL}/inscriptions"},
    ],
    "enrolment_promoted": [
        {"accepted": True, "child_name": "Emma-Rose", "child_sex": "F", "path": CENTRE, "group": "Maternelles",
         "link": f"{URL}/planning"},
        {"accepted": False, "child_name": "Hugo", "child_sex": "M", "path": CANTEEN, "group": "",
         "link": f"{URL}/inscriptions"},
    ],
    "invoice_issued": [
        {"regie": "Régie Enfance", "month": "2026-12", "number": "ENF-2027-000001", "total": "1\u202f012,30\xa0€",
         "due": "15/01/2027", "link": f"{URL}/factures"},
    ],
    "invoice_cancelled": [
        {"regie": "Régie Enfance", "number": "ENF-2027-000001", "credit": "ENF-2027-000004",
         "reason": "Facturée deux fois.", "refund": "5,00\xa0€", "link": f"{URL}/factures"},
    ],
    "desk_payment_received": [
        {"regie": "Régie Enfance", "amount": "5,00\xa0€", "method": "Chèque", "number": "ENF-2027-000001",
         "left": "7,30\xa0€", "link": f"{URL}/factures"},
    ],
    "payment_received": [
        {"amount": "12,30\xa0€", "reference": "20270100000001", "regie": "Régie Enfance",
         "invoice": "ENF-2027-000001", "refund": False, "link": f"{URL}/factures"},
        {"amount": "7,70\xa0€", "reference": "20270100000002", "regie": "Régie Enfance", "invoice": "",
         "refund": True, "link": f"{URL}/factures"},
    ],
    "message_for_service": [
        {"topic": "Réservations", "link": f"{URL}/messages/0190c3a1-7d2e-7f00-8000-1a2b3c4d5e6f"},
        # The health topic is never named in a mail.
        {"topic": "", "link": f"{URL}/messages/0190c3a1-7d2e-7f00-8000-1a2b3c4d5e6f"},
    ],
    "message_for_family": [
        {"name": "Lola MARTIN", "topic": "Factures", "link": f"{URL}/messages/0190c3a1-7d2e-7f00-8000-1a2b3c4d5e6f"},
        {"name": "Lola MARTIN", "topic": "", "link": f"{URL}/messages/0190c3a1-7d2e-7f00-8000-1a2b3c4d5e6f"},
    ],
    "reminder_booking_deadline": [
        {"name": "Lola MARTIN", "child": "Emma-Rose TEST", "period": CANTEEN, "first_day": "04/01/2027",
         "deadline": "31/12/2026 à 10:00", "link": f"{URL}/planning"},
    ],
    "reminder_invoice_due": [
        {"name": "Lola MARTIN", "number": "CAM-2026-000012", "regie": "REGIE RESTAURATION SCOLAIRE",
         "amount": "41,40\xa0€", "due_date": "15/01/2027", "link": f"{URL}/factures"},
    ],
    "reminder_document_expiring": [
        {"name": "Lola MARTIN", "document": "Attestation CAF", "child": "", "valid_until": "31/01/2027",
         "link": f"{URL}/mes-documents"},
        {"name": "Lola MARTIN", "document": "Carnet de vaccination", "child": "Emma-Rose TEST",
         "valid_until": "31/01/2027", "link": f"{URL}/mes-documents"},
    ],
    "reminder_section_to_recertify": [
        {"name": "Lola MARTIN", "section": "le dossier du foyer", "expires_on": "20/01/2027",
         "link": f"{URL}/mon-foyer"},
        {"name": "Lola MARTIN", "section": "le dossier d'Emma-Rose TEST", "expires_on": "20/01/2027",
         "link": f"{URL}/mon-foyer"},
    ],
}

# The keys added to a kind's context since the previous version: a caller not passing them still
# gets a mail (without them).
ADDED_SINCE: dict[str, set[str]] = {
    "account_confirmed": {"registered", "awaiting"},
    "password_changed": {"link"},
    "login_locked": {"link"},
    "email_changed": {"link"},
    "record_change_decided": {"link"},
    "booking_request_submitted": {"link"},
    "booking_request_decided": {"link"},
    "booking_promoted": {"link"},
    "bookings_cancelled": {"link"},
    "enrolment_decided": {"link"},
    "enrolment_withdrawn": {"link"},
}


def contexts(kind: str) -> list[dict[str, Any]]:
    """The kind's sample contexts as ``send_mail`` stores them (``town`` added)."""
    return [{"town": TOWN, **context} for context in SAMPLES[kind]]


def stored_before(kind: str) -> list[dict[str, Any]]:
    """The kind's contexts as the previous version's callers passed them."""
    added = ADDED_SINCE.get(kind, set())
    return [{k: v for k, v in context.items() if k not in added} for context in contexts(kind)]
