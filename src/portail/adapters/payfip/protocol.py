"""PayFiP's web service, as data: SOAP 1.1 envelopes built and answers parsed, with no I/O.

Both sides live here: the merchant's requests and the answers' parsing (used by ``client.py``), and
the server's reading of a request and writing of an answer or a fault (used by our ``sandbox.py``),
so that the sandbox speaks exactly what the client understands and both follow /work/shared/PAYFIP.md:
document/literal, the body element namespaced, its child elements unprefixed, every field a string.

XML is parsed with the standard library's ``xml.etree.ElementTree`` after refusing any document that
carries a DTD (``<!DOCTYPE`` or ``<!ENTITY``): entity expansion is what XML bombs ("billion laughs")
need, and no PayFiP answer has a DTD, so refusing them costs nothing and needs no extra dependency.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # DTDs are refused before parsing: see parse_xml
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

SOAP_ENV_NS: Final = "http://schemas.xmlsoap.org/soap/envelope/"
SERVICE_NS: Final = (
    "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
    "contrat_paiement_securise/PaiementSecuriseService"
)
FAULT_PREFIX: Final = "fr.gouv.finances.cp.tpa.webservice.exceptions."
FAULT_KINDS: Final = (
    "FonctionnelleErreur",
    "TechDysfonctionnementErreur",
    "TechIndisponibiliteErreur",
    "TechProtocolaireErreur",
)
CREATE_PAYMENT: Final = "creerPaiementSecurise"
PAYMENT_DETAIL: Final = "recupererDetailPaiementSecurise"
CLIENT_DETAIL: Final = "recupererDetailClient"
OPERATIONS: Final = (CREATE_PAYMENT, PAYMENT_DETAIL, CLIENT_DETAIL)

# The fields of creerPaiementSecurise's arg0, in the order PayFiP's description lists them.
PAYMENT_FIELDS: Final = (
    "exer", "mel", "montant", "numcli", "objet", "refdet", "saisie", "urlnotif", "urlredirect",
)
DETAIL_FIELDS: Final = (
    "dattrans", "exer", "heurtrans", "idOp", "mel", "montant", "numauto", "numcli", "objet", "refdet",
    "resultrans", "saisie",
)
RESULTS: Final = frozenset("PVRZA")
PARIS: Final = ZoneInfo("Europe/Paris")
MIN_MONTANT: Final = 100

# Fault codes. R3, A2, P1 and P5 are PayFiP's own (PAYFIP.md). M1, M3, M5, T1, T2, S1, N1 and D1 are
# not in PAYFIP.md: they come from the error table of a public merchant implementation, not from
# PayFiP's own documentation, and are unverified. SANDBOX_OBJET and SANDBOX_EXER are ours, invented
# for the sandbox where no code is known at all: a merchant must not rely on them.
CODE_REFDET: Final = "R3"
CODE_MEL: Final = "A2"
CODE_MONTANT_FORMAT: Final = "M1"
CODE_MONTANT_MIN: Final = "M3"
CODE_MONTANT_MAX: Final = "M5"
CODE_NUMCLI_FORMAT: Final = "T1"
CODE_NUMCLI_UNKNOWN: Final = "T2"
CODE_SAISIE: Final = "S1"
CODE_URLNOTIF: Final = "N1"
CODE_URLREDIRECT: Final = "D1"
CODE_OBJET: Final = "SANDBOX_OBJET"
CODE_EXER: Final = "SANDBOX_EXER"
CODE_IDOP_UNKNOWN: Final = "P1"
CODE_RESULT_UNKNOWN: Final = "P5"

_REFDET = re.compile(r"[A-Za-z0-9]{6,30}")
_OBJET = re.compile(r"[A-Za-z0-9 ]{0,100}")
_NUMCLI = re.compile(r"[0-9]{6}")
_EXER = re.compile(r"[0-9]{4}")
_CENTS = re.compile(r"[0-9]{1,12}")
_URL = re.compile(r"https?://[^\s<>\"]+", re.ASCII)
_DIGITS8 = re.compile(r"[0-9]{8}")
_DIGITS4 = re.compile(r"[0-9]{4}")
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


# -- errors -------------------------------------------------------------------------------------


class PayfipError(Exception):
    """Base of what talking to PayFiP can raise."""


class PayfipUnavailable(PayfipError):
    """PayFiP could not be asked or gave no usable answer: down, slow, or an answer that is not the
    SOAP we expect. Nothing is known about the payment: try again later."""


class PayfipFault(PayfipError):
    """PayFiP answered a SOAP Fault: ``code`` (e.g. ``P5``), ``message`` and ``kind`` (the fault's
    class name, e.g. ``FonctionnelleErreur``), with the rest of its detail."""

    def __init__(
        self, code: str, message: str, kind: str = "FonctionnelleErreur", *,
        libelle: str = "", descriptif: str = "", severite: str = "",
    ) -> None:
        super().__init__(f"{kind} {code}: {message or libelle}")
        self.code = code
        self.message = message
        self.kind = kind
        self.libelle = libelle
        self.descriptif = descriptif
        self.severite = severite

    @property
    def is_technical(self) -> bool:
        """A Tech* fault: PayFiP's own trouble, not the request's; worth trying again later."""
        return self.kind.startswith("Tech")


@dataclass(frozen=True)
class FieldProblem:
    """One bad value: the field, the fault code PayFiP answers for it, and why (in French)."""

    field: str
    code: str
    message: str


class InvalidPaymentValue(ValueError):
    """A request we would not send: PayFiP would refuse these values (``problems``)."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message} ({p.code})" for p in problems))
        self.problems = problems


# -- values -------------------------------------------------------------------------------------


def _ascii(value: str) -> bool:
    return value.isascii()


def check_refdet(value: str) -> FieldProblem | None:
    """6 to 30 ASCII letters and digits (fault R3)."""
    if _ascii(value) and _REFDET.fullmatch(value):
        return None
    return FieldProblem("refdet", CODE_REFDET, "La référence doit compter 6 à 30 lettres et chiffres.")


def check_objet(value: str) -> FieldProblem | None:
    """ASCII letters, digits and spaces, at most 100 characters."""
    if _ascii(value) and _OBJET.fullmatch(value):
        return None
    return FieldProblem(
        "objet", CODE_OBJET, "L'objet ne peut contenir que lettres, chiffres et espaces (100 au plus)."
    )


def check_mel(value: str) -> FieldProblem | None:
    """6 to 80 characters with an ``@`` (fault A2)."""
    if 6 <= len(value) <= 80 and "@" in value and _ascii(value) and not any(c.isspace() for c in value):
        return None
    return FieldProblem("mel", CODE_MEL, "L'adresse électronique est incorrecte.")


def check_montant(value: str, ceiling: int | None = None) -> FieldProblem | None:
    """Whole cents as digits (M1), at least 100 (M3), at most the regie's ``ceiling`` if known (M5)."""
    if not (_ascii(value) and _CENTS.fullmatch(value)):
        return FieldProblem("montant", CODE_MONTANT_FORMAT, "Le montant doit être un entier de centimes.")
    if int(value) < MIN_MONTANT:
        return FieldProblem("montant", CODE_MONTANT_MIN, "Le montant minimum est de 1,00 €.")
    if ceiling is not None and int(value) > ceiling:
        return FieldProblem("montant", CODE_MONTANT_MAX, "Le montant dépasse le plafond de la régie.")
    return None


def check_numcli(value: str) -> FieldProblem | None:
    """The regie's client number: 6 digits (T1)."""
    if _ascii(value) and _NUMCLI.fullmatch(value):
        return None
    return FieldProblem("numcli", CODE_NUMCLI_FORMAT, "Le numéro client doit compter 6 chiffres.")


def check_saisie(value: str) -> FieldProblem | None:
    """``T`` test, ``X`` activation or ``W`` production (S1)."""
    if value in {"T", "X", "W"}:
        return None
    return FieldProblem("saisie", CODE_SAISIE, "Le mode de saisie doit être T, X ou W.")


def check_exer(value: str) -> FieldProblem | None:
    """The year, four digits."""
    if _ascii(value) and _EXER.fullmatch(value):
        return None
    return FieldProblem("exer", CODE_EXER, "L'exercice doit être une année sur quatre chiffres.")


def check_url(field: str, value: str) -> FieldProblem | None:
    """An absolute http(s) URL (urlnotif: N1, urlredirect: D1)."""
    if _URL.fullmatch(value) and len(value) <= 250:
        return None
    code = CODE_URLNOTIF if field == "urlnotif" else CODE_URLREDIRECT
    return FieldProblem(field, code, "L'adresse de retour doit être une URL http(s) absolue.")


def check_payment_fields(fields: Mapping[str, str], *, ceiling: int | None = None) -> list[FieldProblem]:
    """Every problem of a creerPaiementSecurise's arg0, in PayFiP's field order (a missing field
    counts as empty)."""
    get = lambda name: fields.get(name) or ""  # noqa: E731
    found = [
        check_exer(get("exer")),
        check_mel(get("mel")),
        check_montant(get("montant"), ceiling),
        check_numcli(get("numcli")),
        check_objet(get("objet")),
        check_refdet(get("refdet")),
        check_saisie(get("saisie")),
        check_url("urlnotif", get("urlnotif")),
        check_url("urlredirect", get("urlredirect")),
    ]
    return [p for p in found if p is not None]


# -- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentRequest:
    """What creerPaiementSecurise asks for: one payment attempt of ``montant`` cents to the regie
    ``numcli``. Refused at construction (``InvalidPaymentValue``) if PayFiP would refuse it."""

    numcli: str
    exer: int
    refdet: str
    objet: str
    montant: int
    mel: str
    urlnotif: str
    urlredirect: str
    saisie: str = "T"

    def __post_init__(self) -> None:
        if isinstance(self.montant, bool) or not isinstance(self.montant, int):
            raise InvalidPaymentValue(
                [FieldProblem("montant", CODE_MONTANT_FORMAT, "Le montant doit être un entier de centimes.")]
            )
        problems = check_payment_fields(self.fields())
        if problems:
            raise InvalidPaymentValue(problems)

    def fields(self) -> dict[str, str]:
        """arg0's fields as strings, in PayFiP's order."""
        return {
            "exer": str(self.exer),
            "mel": self.mel,
            "montant": str(self.montant),
            "numcli": self.numcli,
            "objet": self.objet,
            "refdet": self.refdet,
            "saisie": self.saisie,
            "urlnotif": self.urlnotif,
            "urlredirect": self.urlredirect,
        }


@dataclass(frozen=True)
class PaymentDetail:
    """recupererDetailPaiementSecurise's answer: the outcome of one idop.

    Check ``montant``, ``refdet`` and ``numcli`` against our own record before believing it."""

    idop: str
    resultrans: str
    montant: int
    refdet: str
    numcli: str
    exer: str
    mel: str
    objet: str
    saisie: str
    numauto: str
    transacted_at: datetime | None

    @property
    def paid(self) -> bool:
        """Paid by card (``P``) or direct debit (``V``)."""
        return self.resultrans in {"P", "V"}

    @property
    def refused(self) -> bool:
        """Refused: card (``R``) or direct debit (``Z``)."""
        return self.resultrans in {"R", "Z"}

    @property
    def abandoned(self) -> bool:
        """The payer gave up or cancelled (``A``)."""
        return self.resultrans == "A"


@dataclass(frozen=True)
class ClientDetail:
    """recupererDetailClient's answer: the regie's number and its labels (libelleN1..3)."""

    numcli: str
    labels: tuple[str, ...]


def transaction_time(dattrans: str, heurtrans: str) -> datetime | None:
    """``dattrans`` (DDMMYYYY) and ``heurtrans`` (HHMM), Paris time, as an aware datetime; None when
    both are empty (no transaction took place). Anything else malformed: ``PayfipUnavailable``."""
    if not dattrans and not heurtrans:
        return None
    try:
        # strptime alone would take "99" as 09:09: the widths are checked first.
        if not (_DIGITS8.fullmatch(dattrans) and _DIGITS4.fullmatch(heurtrans)):
            raise ValueError
        naive = datetime.strptime(dattrans + heurtrans, "%d%m%Y%H%M")
    except ValueError:
        raise PayfipUnavailable(
            f"PayFiP gave a malformed transaction time: dattrans={dattrans!r} heurtrans={heurtrans!r}."
        ) from None
    return naive.replace(tzinfo=PARIS)


def format_transaction_time(moment: datetime) -> tuple[str, str]:
    """An aware moment as PayFiP writes it: (dattrans DDMMYYYY, heurtrans HHMM) in Paris time."""
    local = moment.astimezone(PARIS)
    return local.strftime("%d%m%Y"), local.strftime("%H%M")


# -- writing XML --------------------------------------------------------------------------------


def _children(fields: Mapping[str, str]) -> str:
    return "".join(f"<{name}>{escape(value)}</{name}>" for name, value in fields.items())


def build_request(operation: str, fields: Mapping[str, str]) -> bytes:
    """A request envelope: ``<pai:operation><arg0>`` with the fields as unprefixed children."""
    if operation not in OPERATIONS:
        raise ValueError(f"unknown PayFiP operation {operation!r}")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<soapenv:Envelope xmlns:soapenv="{SOAP_ENV_NS}" xmlns:pai="{SERVICE_NS}">'
        "<soapenv:Header/><soapenv:Body>"
        f"<pai:{operation}><arg0>{_children(fields)}</arg0></pai:{operation}>"
        "</soapenv:Body></soapenv:Envelope>"
    ).encode()


def build_create_payment(request: PaymentRequest) -> bytes:
    """creerPaiementSecurise's envelope."""
    return build_request(CREATE_PAYMENT, request.fields())


def build_payment_detail(idop: str) -> bytes:
    """recupererDetailPaiementSecurise's envelope (the field is ``idOp``, capital O)."""
    return build_request(PAYMENT_DETAIL, {"idOp": idop})


def build_client_detail(numcli: str) -> bytes:
    """recupererDetailClient's envelope (the field is ``numCli``, capital C)."""
    return build_request(CLIENT_DETAIL, {"numCli": numcli})


def build_response(operation: str, fields: Mapping[str, str]) -> bytes:
    """A server's answer (the sandbox's): ``<ns2:operationResponse><return>`` with the fields."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<soap:Envelope xmlns:soap="{SOAP_ENV_NS}"><soap:Body>'
        f'<ns2:{operation}Response xmlns:ns2="{SERVICE_NS}"><return>{_children(fields)}</return>'
        f"</ns2:{operation}Response></soap:Body></soap:Envelope>"
    ).encode()


def build_fault(
    code: str, message: str, kind: str = "FonctionnelleErreur", *,
    libelle: str = "", descriptif: str = "", severite: str = "2",
) -> bytes:
    """A SOAP Fault as PayFiP answers it (the sandbox's): faultstring the exception's class name,
    detail ``{code, descriptif, libelle, message, severite}``."""
    detail = {
        "code": code, "descriptif": descriptif, "libelle": libelle or message, "message": message,
        "severite": severite,
    }
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<soap:Envelope xmlns:soap="{SOAP_ENV_NS}"><soap:Body><soap:Fault>'
        f"<faultcode>soap:Server</faultcode><faultstring>{escape(FAULT_PREFIX + kind)}</faultstring>"
        f'<detail><ns1:{kind} xmlns:ns1="{SERVICE_NS}">{_children(detail)}</ns1:{kind}></detail>'
        "</soap:Fault></soap:Body></soap:Envelope>"
    ).encode()


# -- reading XML --------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_xml(body: bytes) -> ET.Element:
    """The document's root; ``PayfipUnavailable`` for anything not well-formed XML, or with a DTD
    (refused before parsing: see the module's docstring)."""
    if _DTD.search(body):
        raise PayfipUnavailable("PayFiP's answer carries a DTD (<!DOCTYPE or <!ENTITY): refused.")
    try:
        return ET.fromstring(body)  # noqa: S314  (DTDs refused just above)
    except ET.ParseError as exc:
        raise PayfipUnavailable(f"PayFiP's answer is not XML ({exc}).") from None


def _body(root: ET.Element) -> ET.Element:
    if root.tag != f"{{{SOAP_ENV_NS}}}Envelope":
        raise PayfipUnavailable(f"PayFiP's answer is not a SOAP 1.1 envelope (root {root.tag!r}).")
    body = root.find(f"{{{SOAP_ENV_NS}}}Body")
    if body is None or len(body) != 1:
        raise PayfipUnavailable("PayFiP's SOAP answer has no single element in its Body.")
    return body[0]


def _flat(element: ET.Element) -> dict[str, str]:
    """An element's children as {local name: text}."""
    return {_local(child.tag): (child.text or "").strip() for child in element}


def fault_from(element: ET.Element) -> PayfipFault | PayfipUnavailable:
    """What a ``soap:Fault`` element means: a ``PayfipFault`` when it is one of PayFiP's kinds with a
    code, else ``PayfipUnavailable`` (a fault we cannot act on)."""
    faultstring = (element.findtext("faultstring") or "").strip()
    kind = faultstring.rsplit(".", 1)[-1]
    detail = element.find("detail")
    info: dict[str, str] = {}
    if detail is not None and len(detail):
        info = _flat(detail[0])
    if kind not in FAULT_KINDS or (not info.get("code") and kind == "FonctionnelleErreur"):
        return PayfipUnavailable(f"PayFiP answered a fault we do not know: {faultstring or '(empty)'!r}.")
    return PayfipFault(
        info.get("code", ""), info.get("message", ""), kind,
        libelle=info.get("libelle", ""), descriptif=info.get("descriptif", ""),
        severite=info.get("severite", ""),
    )


def parse_response(body: bytes, operation: str) -> dict[str, str]:
    """The fields of ``operation``'s answer (its ``return`` element); raises ``PayfipFault`` for a
    fault and ``PayfipUnavailable`` for anything unexpected."""
    element = _body(parse_xml(body))
    if element.tag == f"{{{SOAP_ENV_NS}}}Fault":
        raise fault_from(element)
    if _local(element.tag) != f"{operation}Response":
        raise PayfipUnavailable(f"PayFiP answered {_local(element.tag)!r} to {operation}.")
    returned = next((child for child in element if _local(child.tag) == "return"), None)
    if returned is None:
        raise PayfipUnavailable(f"PayFiP's answer to {operation} has no 'return' element.")
    return _flat(returned)


def parse_create_payment(body: bytes) -> str:
    """creerPaiementSecurise's answer: the new idop."""
    idop = parse_response(body, CREATE_PAYMENT).get("idOp", "")
    if not idop or len(idop) > 64 or not idop.isascii() or not idop.replace("-", "").isalnum():
        raise PayfipUnavailable(f"PayFiP answered an unusable idOp {idop!r}.")
    return idop


def parse_payment_detail(body: bytes) -> PaymentDetail:
    """recupererDetailPaiementSecurise's answer; an unknown ``resultrans`` or a malformed montant
    or time is ``PayfipUnavailable`` (never guessed)."""
    f = parse_response(body, PAYMENT_DETAIL)
    result = f.get("resultrans", "")
    if result not in RESULTS:
        raise PayfipUnavailable(f"PayFiP answered an unknown resultrans {result!r}.")
    montant = f.get("montant", "")
    if not (montant.isascii() and montant.isdigit()):
        raise PayfipUnavailable(f"PayFiP answered a malformed montant {montant!r}.")
    return PaymentDetail(
        idop=f.get("idOp", ""),
        resultrans=result,
        montant=int(montant),
        refdet=f.get("refdet", ""),
        numcli=f.get("numcli", ""),
        exer=f.get("exer", ""),
        mel=f.get("mel", ""),
        objet=f.get("objet", ""),
        saisie=f.get("saisie", ""),
        numauto=f.get("numauto", ""),
        transacted_at=transaction_time(f.get("dattrans", ""), f.get("heurtrans", "")),
    )


def parse_client_detail(body: bytes) -> ClientDetail:
    """recupererDetailClient's answer."""
    f = parse_response(body, CLIENT_DETAIL)
    labels = tuple(f[name] for name in ("libelleN1", "libelleN2", "libelleN3") if f.get(name))
    return ClientDetail(numcli=f.get("numcli", ""), labels=labels)


def parse_request(body: bytes) -> tuple[str, dict[str, str]]:
    """A server's reading of a request (the sandbox's): (operation, arg0's fields). Raises
    ``PayfipUnavailable`` for what is not one of the three operations' envelopes."""
    element = _body(parse_xml(body))
    operation = _local(element.tag)
    if element.tag != f"{{{SERVICE_NS}}}{operation}" or operation not in OPERATIONS:
        raise PayfipUnavailable(f"Unknown operation {element.tag!r}.")
    arg0 = element.find("arg0")
    if arg0 is None:
        raise PayfipUnavailable(f"{operation} without its arg0 element.")
    return operation, _flat(arg0)
