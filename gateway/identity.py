"""Who is calling: the scopes a caller may hold, and the caller as the rest of the gateway sees it.

Authentication (gateway.auth) makes a `Caller` for every request; the schema checks its scopes,
the loaders confine it to its customer and account, and the limits charge it by name.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass


class Scope(enum.StrEnum):
    """What a caller may do. A caller holds a set of these; the schema declares which it needs."""

    READ = "checkout:read"
    READ_CUSTOMER_DATA = "checkout:read_customer_data"
    CREATE = "checkout:create"
    UPDATE = "checkout:update"
    EXPIRE = "checkout:expire"
    INTROSPECT = "schema:introspect"

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]


_MEANINGS = {
    Scope.READ: "Read Checkout Sessions and their line items.",
    Scope.READ_CUSTOMER_DATA: (
        "Read what identifies or locates a person: names, email addresses, phone numbers, "
        "addresses, tax ids and the answers to custom fields."
    ),
    Scope.CREATE: "Create Checkout Sessions.",
    Scope.UPDATE: "Change the line items, shipping and metadata of open Checkout Sessions.",
    Scope.EXPIRE: "Expire open Checkout Sessions.",
    Scope.INTROSPECT: "Introspect the schema (`__schema`, `__type`) and read the federation SDL.",
}

ALL_SCOPES = frozenset(Scope)


def parse_scopes(names: object) -> frozenset[Scope]:
    """The known scopes among `names` (a space-separated string or a list of strings).

    Names the gateway does not know are ignored: a token minted for several services carries
    scopes meant for the others.
    """
    if isinstance(names, str):
        names = names.split()
    if not isinstance(names, list | tuple | set | frozenset):
        return frozenset()
    known = {scope.value: scope for scope in Scope}
    return frozenset(known[name] for name in names if isinstance(name, str) and name in known)


@dataclass(frozen=True, slots=True)
class Caller:
    """An authenticated (or anonymous) caller of the gateway.

    `name` identifies it in rate limits and audit lines. A caller with a `customer` sees and
    acts on that customer's sessions only; one with an `account` acts as that connected account.
    """

    name: str
    scopes: frozenset[Scope]
    customer: str | None = None
    account: str | None = None
    anonymous: bool = False
    # When the credentials stop being valid (seconds since the epoch), for those that expire.
    expires_at: float | None = None

    def may(self, scope: Scope) -> bool:
        return scope in self.scopes

    def own_key(self, key: str) -> str:
        """An idempotency key of the caller's made into one of its own at Stripe.

        Stripe keeps one namespace of keys per account: without this, one caller could take
        a key another will use (`order-1042`), or be handed the session another created.
        """
        owner = "\n".join((self.name, self.customer or "", self.account or "", key))
        return "gw-" + hashlib.sha256(owner.encode()).hexdigest()
