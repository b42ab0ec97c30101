"""The GraphiQL page and the files it loads, all answered by the gateway itself."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from gateway.graphiql.assets import Assets

TEMPLATE = (Path(__file__).parent / "page.html").read_text()
# Relative to the page, so that a proxy serving the gateway under a path prefix keeps working.
PREFIX = "graphiql"

EXAMPLE_QUERY = """\
# The newest Checkout Sessions with their line items. Run it with the play button
# (Ctrl-Enter); change `first` under Variables, or page on with `after: endCursor`.
#
# Credentials go under Headers, for example {"Authorization": "Bearer <your key>"}.
query RecentCheckoutSessions($first: Int!) {
  checkoutSessions(first: $first) {
    nodes {
      id
      status
      amountTotal
      currency
      lineItems(first: 5) {
        nodes {
          description
          quantity
          amountTotal
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
"""
EXAMPLE_VARIABLES = '{\n  "first": 5\n}'

DEMO_BANNER = (
    '<div id="gateway-demo-mode" role="status">Demo mode: no STRIPE_API_KEY is set, so this '
    "gateway serves the embedded Stripe emulator's sample data.</div>"
)

# The page runs only its own files: no CDN, no inline script, requests to this origin alone.
# GraphiQL sets styles inline and its fonts are data: URLs.
POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "font-src data:",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)


class GraphiQL:
    """GraphiQL for browsers that open the GraphQL endpoint, served with no CDN."""

    def __init__(self, assets: Assets, *, demo: bool) -> None:
        self._assets = assets
        self._page = _render(assets, demo)

    def page(self) -> Response:
        return HTMLResponse(
            self._page,
            headers={
                "Content-Security-Policy": POLICY,
                "Cache-Control": "no-cache",
                "X-Content-Type-Options": "nosniff",
            },
        )

    async def asset(self, request: Request) -> Response:
        """One of the page's files; their URLs carry a digest, so they never change."""
        asset = self._assets.by_name.get(request.path_params["name"])
        if asset is None or request.path_params["tag"] != self._assets.tag:
            return PlainTextResponse("No such GraphiQL file.", status_code=404)
        return Response(
            asset.body,
            media_type=asset.media_type,
            headers={
                "Cache-Control": "public, max-age=31536000, immutable",
                "X-Content-Type-Options": "nosniff",
            },
        )


def _render(assets: Assets, demo: bool) -> str:
    styles, scripts = [], []
    for name, asset in assets.by_name.items():
        url = escape(assets.url(PREFIX, name))
        if name.endswith(".css"):
            styles.append(f'<link rel="stylesheet" href="{url}" integrity="{asset.integrity}">')
        else:
            scripts.append(f'<script src="{url}" integrity="{asset.integrity}"></script>')
    settings = json.dumps({"query": EXAMPLE_QUERY, "variables": EXAMPLE_VARIABLES})
    # Inside <script> only `</` could end the element early.
    settings = settings.replace("</", "<\\/")
    return (
        TEMPLATE.replace("<!-- styles -->", "\n    ".join(styles))
        .replace("<!-- banner -->", DEMO_BANNER if demo else "")
        .replace("<!-- settings -->", settings)
        .replace("<!-- scripts -->", "\n    ".join(scripts))
    )
