"""The basket's types: "Récapitulatif de mes réservations en attente de validation", per regie, and
payments."""

from __future__ import annotations

import datetime

import strawberry

from portail.resolvers import basket
from portail.rules.booking_states import request_number_text
from portail.rules.pricing import format_amount
from portail.schema.catalogue.types import Regie
from portail.schema.ids import to_id


@strawberry.type(
    description='A line of a request in the basket: "JOURNEE CENTRE AERE MERCREDI RESERVE (05/01)".'
)
class BasketLine:
    designation: str = strawberry.field(description='"Désignation": unit, booked or cancelled, day.')
    child_name: str = strawberry.field(description='The child, "LAST First" as the guide prints it.')
    date: datetime.date = strawberry.field(description="The day.")
    quantity: int = strawberry.field(
        description='"Quantité": 1 for a day booked, -1 for a paid day the request cancels ("ANNULE": '
        "its price credited once the basket is validated)."
    )
    unit_price: int = strawberry.field(
        description='"Tarif": the price of one, in cents (the family\'s tariff).'
    )
    unit_price_text: str = strawberry.field(description='The tariff in French, e.g. "7,70 €".')
    amount: int = strawberry.field(
        description='"Montant": quantity × tariff, in cents (negative for a cancellation).'
    )
    amount_text: str = strawberry.field(description="The amount in French.")
    booking_id: strawberry.ID = strawberry.field(description="The booking (présence) the line holds.")

    @classmethod
    def of(cls, line: basket.BasketLine) -> BasketLine:
        return cls(
            designation=line.designation,
            child_name=f"{line.child.last_name} {line.child.first_name}",
            date=line.day,
            quantity=line.quantity,
            unit_price=line.unit_price,
            unit_price_text=format_amount(line.unit_price),
            amount=line.amount,
            amount_text=format_amount(line.amount),
            booking_id=to_id(line.booking_id),
        )


@strawberry.type(
    description='A request held in the basket: "Réservation n° 000007 pour ETOILE Emma-Rose créée le '
    '20/12/2021 à 17:03 à régler avant : 19:03", with its lines.'
)
class BasketRequest:
    request_id: strawberry.ID = strawberry.field(
        description="The booking request's id (what `removeFromBasket` takes)."
    )
    number: str = strawberry.field(description='Its number ("N° dossier"), e.g. "000007".')
    child_names: list[str] = strawberry.field(description='The children it books, "LAST First".')
    path: str = strawberry.field(
        description='Facility > activity > period, e.g. "CENTRE AERE MERCREDI > MERCREDIS > …".'
    )
    created_at: datetime.datetime = strawberry.field(description="When it was put in the basket.")
    pay_before: datetime.datetime = strawberry.field(
        description='"À régler avant": past it, the request is cancelled automatically (state EXPIRED).'
    )
    lines: list[BasketLine] = strawberry.field(description="Its lines, day by day.")
    total: int = strawberry.field(description="Its total, in cents.")
    total_text: str = strawberry.field(description="Its total in French.")

    @classmethod
    def of(cls, held: basket.HeldRequest) -> BasketRequest:
        return cls(
            request_id=to_id(held.request.id),
            number=request_number_text(held.request.number),
            child_names=[f"{c.last_name} {c.first_name}" for c in held.children],
            path=held.path,
            created_at=held.entry.created_at,
            pay_before=held.entry.pay_before,
            lines=[BasketLine.of(line) for line in held.lines],
            total=held.total,
            total_text=format_amount(held.total),
        )


@strawberry.type(description='The basket of one regie ("REGIE CENTRE AERE MERCREDI"), paid in one payment.')
class RegieBasket:
    regie: Regie = strawberry.field(description="The regie its payment goes to.")
    requests: list[BasketRequest] = strawberry.field(description="Its requests, oldest first.")
    total: int = strawberry.field(
        description="Its lines' total, in cents: days booked less paid days cancelled (negative when it "
        "gives back more than it books)."
    )
    total_text: str = strawberry.field(description="The total in French.")
    credit: int = strawberry.field(
        description='The household\'s credit at the regie ("avoir": paid days cancelled through the '
        "basket), in cents, deducted first when the basket is validated."
    )
    credit_text: str = strawberry.field(description="The credit in French.")
    to_pay: int = strawberry.field(
        description="What PayFiP will collect, in cents: the total less the credit, never below 0. At 0, "
        "`checkoutBasket` validates the basket at once without PayFiP."
    )
    to_pay_text: str = strawberry.field(description="What PayFiP will collect, in French.")
    pay_before: datetime.datetime = strawberry.field(description="When its first request expires.")
    payment_under_way: bool = strawberry.field(
        description="A payment opened at PayFiP may still succeed: meanwhile the basket cannot be paid "
        "again nor have requests removed (`checkoutBasket` gives the same payment page back while it "
        "lasts)."
    )

    @classmethod
    def of(cls, part: basket.RegieBasket) -> RegieBasket:
        return cls(
            regie=Regie.from_row(part.regie),
            requests=[BasketRequest.of(r) for r in part.requests],
            total=part.total,
            total_text=format_amount(part.total),
            credit=part.credit,
            credit_text=format_amount(part.credit),
            to_pay=part.settlement.to_collect,
            to_pay_text=format_amount(part.settlement.to_collect),
            pay_before=part.pay_before,
            payment_under_way=part.payment_under_way,
        )


@strawberry.type(
    description='"Mon panier": the requests of activities paid at booking, waiting to be paid, one part '
    "per regie. Requests past their pay-before time never show here."
)
class Basket:
    regies: list[RegieBasket] = strawberry.field(description="One part per regie, by name.")
    total: int = strawberry.field(description='"Total", in cents.')
    total_text: str = strawberry.field(description="The total in French.")
    is_empty: bool = strawberry.field(description="Nothing to pay.")

    @classmethod
    def of(cls, view: basket.BasketView) -> Basket:
        return cls(
            regies=[RegieBasket.of(r) for r in view.regies],
            total=view.total,
            total_text=format_amount(view.total),
            is_empty=not view.regies,
        )
