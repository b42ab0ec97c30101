"""What every resolver gets: the loaders of the request being served."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import strawberry

from gateway.identity import Caller
from gateway.live import Hub
from gateway.loaders import CheckoutLoaders
from gateway.stripe import StripeObject


@dataclass
class Context:
    """Per-request state; made by the HTTP app for each GraphQL request: who is asking, and
    the loaders that fetch what they may see.

    A subscription lives on after its first answer: `hub` tells it of changes, and `renew`
    gives it loaders that have seen nothing yet, for each change it answers. `changed` tells
    every replica's subscribers of a change a mutation made.
    """

    loaders: CheckoutLoaders
    caller: Caller
    hub: Hub | None = None
    renew: Callable[[], CheckoutLoaders] | None = None
    changed: Callable[[StripeObject, str | None], Awaitable[None]] | None = None

    def forget_reads(self) -> None:
        """Start reading afresh, as a subscription does for each change."""
        if self.renew is not None:
            self.loaders = self.renew()

    async def announce(self, session: StripeObject) -> None:
        """Tell subscribers of a change this request made to `session`."""
        if self.changed is not None:
            await self.changed(session, self.caller.account)


Info = strawberry.Info[Context, None]
