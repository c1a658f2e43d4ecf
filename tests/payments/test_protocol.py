"""PayFiP's envelopes and answers, as PAYFIP.md describes them, with no network."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest

from portail.adapters.payfip import protocol as p
from portail.adapters.payfip.protocol import (
    InvalidPaymentValue,
    PayfipFault,
    PayfipUnavailable,
    PaymentRequest,
)

ENV = "{http://schemas.xmlsoap.org/soap/envelope/}"
NS = (
    "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
    "contrat_paiement_securise/PaiementSecuriseService"
)
GOOD = {
    "numcli": "123456", "exer": 2026, "refdet": "PANIER2026000042", "objet": "Cantine mars 2026",
    "montant": 1234, "mel": "parent@example.fr", "urlnotif": "https://portail.example/payfip/notif",
    "urlredirect": "https://portail.example/paiement/retour", "saisie": "T",
}


def request(**changes: object) -> PaymentRequest:
    return PaymentRequest(**{**GOOD, **changes})  # type: ignore[arg-type]


def operation_of(envelope: bytes) -> tuple[str, list[tuple[str, str]]]:
    """The body element's tag and arg0's children (tag, text), read as any SOAP server would."""
    root = ET.fromstring(envelope)  # noqa: S314  (our own envelope)
    assert root.tag == f"{ENV}Envelope"
    body = root.find(f"{ENV}Body")
    assert body is not None and len(body) == 1
    (operation,) = body
    (arg0,) = operation
    assert arg0.tag == "arg0"  # unprefixed, no namespace
    return operation.tag, [(child.tag, child.text or "") for child in arg0]


# -- envelopes ----------------------------------------------------------------------------------


def test_create_payment_envelope_has_every_field_as_an_unprefixed_string_in_order() -> None:
    envelope = p.build_create_payment(request(urlnotif="https://portail.example/notif?a=1&b=2"))
    tag, children = operation_of(envelope)
    assert tag == f"{{{NS}}}creerPaiementSecurise"
    assert children == [
        ("exer", "2026"),
        ("mel", "parent@example.fr"),
        ("montant", "1234"),
        ("numcli", "123456"),
        ("objet", "Cantine mars 2026"),
        ("refdet", "PANIER2026000042"),
        ("saisie", "T"),
        ("urlnotif", "https://portail.example/notif?a=1&b=2"),
        ("urlredirect", "https://portail.example/paiement/retour"),
    ]
    text = envelope.decode()
    assert "<pai:creerPaiementSecurise><arg0><exer>2026</exer>" in text
    assert "<urlnotif>https://portail.example/notif?a=1&amp;b=2</urlnotif>" in text
    assert 'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"' in text


def test_detail_envelopes_name_their_fields_as_payfip_does() -> None:
    assert operation_of(p.build_payment_detail("abc-123")) == (
        f"{{{NS}}}recupererDetailPaiementSecurise", [("idOp", "abc-123")]
    )
    assert operation_of(p.build_client_detail("123456")) == (
        f"{{{NS}}}recupererDetailClient", [("numCli", "123456")]
    )


def test_the_sandbox_reads_back_what_the_client_writes() -> None:
    assert p.parse_request(p.build_create_payment(request())) == (
        "creerPaiementSecurise", {k: str(v) for k, v in GOOD.items()}
    )


# -- answers ------------------------------------------------------------------------------------

DETAIL = f"""<?xml version="1.0" encoding="UTF-8"?>
<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>
<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2="{NS}"><return>
<dattrans>{{dattrans}}</dattrans><exer>2026</exer><heurtrans>{{heurtrans}}</heurtrans>
<idOp>cc0cb210-1cd4-11ea-8cca-0213ad91a103</idOp><mel>parent@example.fr</mel><montant>{{montant}}</montant>
<numauto>112233445566-tip</numauto><numcli>123456</numcli><objet>Cantine mars 2026</objet>
<refdet>PANIER2026000042</refdet><resultrans>{{result}}</resultrans><saisie>T</saisie>
</return></ns2:recupererDetailPaiementSecuriseResponse></S:Body></S:Envelope>"""


def detail(result: str = "P", dattrans: str = "12032026", heurtrans: str = "1311", montant: str = "1234") -> bytes:
    return DETAIL.format(result=result, dattrans=dattrans, heurtrans=heurtrans, montant=montant).encode()


def test_a_paid_detail_is_read_with_its_paris_time() -> None:
    d = p.parse_payment_detail(detail("P"))
    assert (d.paid, d.refused, d.abandoned) == (True, False, False)
    assert (d.idop, d.montant, d.refdet, d.numcli, d.numauto) == (
        "cc0cb210-1cd4-11ea-8cca-0213ad91a103", 1234, "PANIER2026000042", "123456", "112233445566-tip"
    )
    assert d.transacted_at == datetime(2026, 3, 12, 13, 11, tzinfo=p.PARIS)
    assert d.transacted_at.utcoffset() == timedelta(hours=1)
    summer = p.parse_payment_detail(detail("P", dattrans="14072026", heurtrans="0905")).transacted_at
    assert summer is not None and summer.utcoffset() == timedelta(hours=2) and summer.hour == 9


@pytest.mark.parametrize(
    ("result", "paid", "refused", "abandoned"),
    [("P", 1, 0, 0), ("V", 1, 0, 0), ("R", 0, 1, 0), ("Z", 0, 1, 0), ("A", 0, 0, 1)],
)
def test_each_result_has_one_meaning(result: str, paid: int, refused: int, abandoned: int) -> None:
    d = p.parse_payment_detail(detail(result))
    assert (d.paid, d.refused, d.abandoned) == (bool(paid), bool(refused), bool(abandoned))


@pytest.mark.parametrize(
    "answer",
    [detail("X"), detail(""), detail(montant="12.34"), detail(dattrans="31022026"), detail(heurtrans="99")],
)
def test_a_detail_that_makes_no_sense_is_unavailable_not_guessed(answer: bytes) -> None:
    with pytest.raises(PayfipUnavailable):
        p.parse_payment_detail(answer)


@pytest.mark.parametrize("kind", p.FAULT_KINDS)
def test_faults_are_read_with_their_detail(kind: str) -> None:
    fault = f"""<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
<faultcode>soap:Server</faultcode>
<faultstring>fr.gouv.finances.cp.tpa.webservice.exceptions.{kind}</faultstring>
<detail><ns1:{kind} xmlns:ns1="{NS}"><code>P5</code><descriptif>d</descriptif>
<libelle>Résultat de la transaction non connu</libelle><message>Résultat de la transaction non connu.</message>
<severite>2</severite></ns1:{kind}></detail></soap:Fault></soap:Body></soap:Envelope>""".encode()
    with pytest.raises(PayfipFault) as caught:
        p.parse_payment_detail(fault)
    error = caught.value
    assert (error.code, error.kind, error.severite, error.descriptif) == ("P5", kind, "2", "d")
    assert error.message == "Résultat de la transaction non connu."
    assert error.libelle == "Résultat de la transaction non connu"
    assert error.is_technical == kind.startswith("Tech")


def test_the_sandbox_writes_faults_the_client_reads() -> None:
    with pytest.raises(PayfipFault) as caught:
        p.parse_create_payment(p.build_fault("R3", "Référence incorrecte."))
    assert (caught.value.code, caught.value.message, caught.value.kind) == (
        "R3", "Référence incorrecte.", "FonctionnelleErreur"
    )


@pytest.mark.parametrize(
    "answer",
    [
        b"",
        b"<html><body>Service indisponible</body></html>",
        b"not xml at all",
        b'<?xml version="1.0"?><Envelope/>',
        # A fault we do not know (a Java exception leaking out).
        f"""<s:Envelope xmlns:s="{ENV[1:-1]}"><s:Body><s:Fault><faultcode>s:Server</faultcode>
<faultstring>java.lang.NullPointerException</faultstring></s:Fault></s:Body></s:Envelope>""".encode(),
        # The answer to another operation.
        p.build_response("recupererDetailClient", {"numcli": "123456"}),
        # An answer without its idOp.
        p.build_response("creerPaiementSecurise", {}),
    ],
)
def test_garbage_is_unavailable(answer: bytes) -> None:
    with pytest.raises(PayfipUnavailable):
        p.parse_create_payment(answer)


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&lol2;</soap:Body></soap:Envelope>"""


@pytest.mark.parametrize(
    "answer", [BOMB, BOMB.replace(b"DOCTYPE", b"doctype"), b'<!ENTITY x "y"><a/>', b"<!  DOCTYPE a><a/>"]
)
def test_a_document_with_a_dtd_is_refused_before_parsing(answer: bytes) -> None:
    with pytest.raises(PayfipUnavailable, match="DTD"):
        p.parse_xml(answer)


def test_client_detail_is_read() -> None:
    answer = p.build_response(
        "recupererDetailClient", {"libelleN1": "REGIE CANTINE", "libelleN2": "", "numcli": "123456"}
    )
    assert p.parse_client_detail(answer) == p.ClientDetail("123456", ("REGIE CANTINE",))


# -- values -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("refdet", "ABC12", "R3"),
        ("refdet", "A" * 31, "R3"),
        ("refdet", "ABC-123", "R3"),
        ("refdet", "ABCÉ123", "R3"),
        ("mel", "a@b.f", "A2"),
        ("mel", "parent.example.fr", "A2"),
        ("mel", "p@" + "x" * 77 + ".fr", "A2"),
        ("montant", 99, "M3"),
        ("montant", -100, "M1"),
        ("montant", 12.5, "M1"),
        ("montant", True, "M1"),
        ("numcli", "12345", "T1"),
        ("numcli", "12345a", "T1"),
        ("saisie", "P", "S1"),
        ("objet", "Cantine d'été", "SANDBOX_OBJET"),
        ("objet", "A" * 101, "SANDBOX_OBJET"),
        ("exer", 26, "SANDBOX_EXER"),
        ("urlnotif", "/notif", "N1"),
        ("urlredirect", "javascript:alert(1)", "D1"),
    ],
)
def test_bad_values_are_refused_before_sending(field: str, value: object, code: str) -> None:
    with pytest.raises(InvalidPaymentValue) as caught:
        request(**{field: value})
    assert [(pb.field, pb.code) for pb in caught.value.problems] == [(field, code)]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("refdet", "ABC123"), ("refdet", "A1" * 15), ("montant", 100), ("objet", "A" * 100), ("objet", ""),
        ("mel", "a@b.fr"), ("mel", "p@" + "x" * 75 + ".fr"), ("saisie", "X"), ("saisie", "W"),
    ],
)
def test_values_at_the_limits_are_accepted(field: str, value: object) -> None:
    assert request(**{field: value}).fields()[field] == str(value)


def test_the_sandbox_checks_the_regie_ceiling() -> None:
    problems = p.check_payment_fields({**{k: str(v) for k, v in GOOD.items()}, "montant": "5001"}, ceiling=5000)
    assert [pb.code for pb in problems] == ["M5"]
