"""GraphiQL served from the gateway's own files, so that it works with no internet at all.

The browser files come from the npm registry at set-up: `npm ci` installs exactly what
package-lock.json pins here, checking each package against the integrity hash the registry
published, and nothing is fetched from a CDN when the page loads.
"""

from gateway.graphiql.assets import Assets, AssetsMissing
from gateway.graphiql.page import GraphiQL

__all__ = ["Assets", "AssetsMissing", "GraphiQL"]
