"""The execution engine: documents compiled once into plans, and plans run per request.

It knows nothing of Checkout Sessions and imports nothing else from the gateway: it takes a
Strawberry schema and runs operations on it as graphql-core would (see DIFFERENCES.md for
where it does not). `lean.py` is graphql-core's own executor with a short path for leaves, the
other engine `GRAPHQL_ENGINE` can choose.
"""

from gateway.engine.execution import MAX_ERRORS, Execution
from gateway.engine.keys import resolve_key
from gateway.engine.lean import LeanExecutionContext, plain_leaves
from gateway.engine.plan import Plans, compile_plans

__all__ = [
    "MAX_ERRORS",
    "Execution",
    "LeanExecutionContext",
    "Plans",
    "compile_plans",
    "plain_leaves",
    "resolve_key",
]
