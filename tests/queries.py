"""GraphQL documents shared by the end-to-end tests."""

SESSION_FIELDS = """
  id mode status paymentStatus currency amountSubtotal amountTotal created expiresAt url
  customer { id } paymentIntent { id } subscription { id }
"""

CREATE = f"""
mutation Create($input: CreateCheckoutSessionInput!, $key: String) {{
  createCheckoutSession(input: $input, idempotencyKey: $key) {{
    checkoutSession {{ {SESSION_FIELDS} }}
    userErrors {{ field code stripeCode message }}
  }}
}}
"""

EXPIRE = f"""
mutation Expire($id: ID!) {{
  expireCheckoutSession(id: $id) {{
    checkoutSession {{ {SESSION_FIELDS} }}
    userErrors {{ field code message }}
  }}
}}
"""

LIST = """
query List($first: Int, $after: String, $last: Int, $before: String,
           $filter: CheckoutSessionFilter) {
  checkoutSessions(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    edges { cursor node { id } }
    nodes { id status }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


def payment_input(*amounts: int, currency: str = "usd", quantity: int = 1) -> dict[str, object]:
    """A payment-mode input with one line item per amount, priced inline."""
    return {
        "mode": "PAYMENT",
        "successUrl": "https://example.com/done",
        "lineItems": [
            {
                "priceData": {
                    "currency": currency,
                    "unitAmount": amount,
                    "productData": {"name": f"Item {index}"},
                },
                "quantity": quantity,
            }
            for index, amount in enumerate(amounts)
        ],
    }


def subscription_input(amount: int = 900) -> dict[str, object]:
    return {
        "mode": "SUBSCRIPTION",
        "successUrl": "https://example.com/done",
        "lineItems": [
            {
                "priceData": {
                    "currency": "usd",
                    "unitAmount": amount,
                    "recurring": {"interval": "MONTH"},
                    "productData": {"name": "Plan"},
                },
                "quantity": 1,
            }
        ],
    }
