"""PayFiP, the treasury's online payment service: the protocol (``protocol``), our async client
(``client``) and a sandbox that plays PayFiP for development and tests (``sandbox``)."""

from portail.adapters.payfip.client import PayfipClient
from portail.adapters.payfip.protocol import (
    ClientDetail,
    FieldProblem,
    InvalidPaymentValue,
    PayfipError,
    PayfipFault,
    PayfipUnavailable,
    PaymentDetail,
    PaymentRequest,
)

__all__ = [
    "ClientDetail",
    "FieldProblem",
    "InvalidPaymentValue",
    "PayfipClient",
    "PayfipError",
    "PayfipFault",
    "PayfipUnavailable",
    "PaymentDetail",
    "PaymentRequest",
]
