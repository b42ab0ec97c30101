"""The interface of every object that can be fetched again by its id alone."""

import strawberry


@strawberry.interface(description="An object that `node(id:)` fetches again by its id.")
class Node:
    id: strawberry.ID = strawberry.field(
        description="The object's Stripe id, unique across every type of object."
    )
