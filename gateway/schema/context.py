"""What every resolver gets: the loaders of the request being served."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry

from gateway.identity import Caller
from gateway.loaders import CheckoutLoaders


@dataclass
class Context:
    """Per-request state; made by the HTTP app for each GraphQL request: who is asking, and
    the loaders that fetch what they may see."""

    loaders: CheckoutLoaders
    caller: Caller


Info = strawberry.Info[Context, None]
