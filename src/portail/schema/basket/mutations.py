"""The basket domain's mutations: taking a request out of the basket, "Valider et payer"."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portail.resolvers import basket, payments
from portail.schema.basket.types import Basket
from portail.schema.context import Info
from portail.schema.errors import UserError
from portail.schema.ids import parse_id, to_id
from portail.schema.mutations import run_mutation, run_steps
from portail.schema.payments.types import CheckoutPayload, Payment
from portail.schema.permissions import FAMILY


@strawberry.type(description="Result of `removeFromBasket`.")
class BasketPayload:
    basket: Basket | None = strawberry.field(description="The basket as it now is; null on error.")
    errors: list[UserError] = strawberry.field(description="What to fix; empty on success.")


@strawberry.type
class BasketMutations:
    @strawberry.mutation(
        permission_classes=FAMILY,
        description="Take a request out of the basket: its days are cancelled and their places freed at "
        "once. Refused while a payment of it is under way (PAYMENT_IN_PROGRESS); another family's "
        "request, or one no longer in the basket: NOT_FOUND.",
    )
    async def remove_from_basket(
        self,
        info: Info,
        request_id: Annotated[strawberry.ID, strawberry.argument(description="`BasketRequest.requestId`.")],
    ) -> BasketPayload:
        view, errors = await run_mutation(info, lambda: basket.remove(info.context.app, parse_id(request_id)))
        return BasketPayload(basket=Basket.of(view) if view is not None else None, errors=errors)

    @strawberry.mutation(
        permission_classes=FAMILY,
        description='"Valider et payer": open the PayFiP payment of one regie\'s basket (its total less '
        "the household's credit) and answer where to send the payer; with nothing left for PayFiP to "
        "collect, validate it at once (`invoiceId`). Errors: NOT_FOUND (no basket for this regie: empty, "
        "past its time), "
        "PAYMENT_IN_PROGRESS (a payment of it may still succeed), PAYMENT_UNAVAILABLE (PayFiP does not "
        "answer, or online payment is not open for the regie), INVALID on `returnUrl` (not a page of a "
        "configured client).",
    )
    async def checkout_basket(
        self,
        info: Info,
        regie_id: Annotated[strawberry.ID, strawberry.argument(description="`RegieBasket.regie.id`.")],
        return_url: Annotated[
            str | None,
            strawberry.argument(
                description="The client's page PayFiP sends the payer back to (an origin of "
                "PORTAIL_ALLOWED_ORIGINS, or the portal's own); default: this server's `/payfip/retour` page."
            ),
        ] = None,
    ) -> CheckoutPayload:
        checkout, errors = await run_steps(
            info, lambda: payments.checkout_basket(info.context.app, parse_id(regie_id), return_url)
        )
        if checkout is None:
            return CheckoutPayload(payment=None, redirect_url=None, invoice_id=None, errors=errors)
        return CheckoutPayload(
            payment=Payment.from_row(checkout.payment) if checkout.payment is not None else None,
            redirect_url=checkout.redirect_url,
            invoice_id=to_id(checkout.invoice_id) if checkout.invoice_id is not None else None,
            errors=[],
        )
