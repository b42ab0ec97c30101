"""What every resolver gets: the loaders of the request being served."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry

from gateway.loaders import CheckoutLoaders


@dataclass
class Context:
    """Per-request state; made by the HTTP app for each GraphQL request."""

    loaders: CheckoutLoaders


Info = strawberry.Info[Context, None]
