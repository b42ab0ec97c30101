"""An httpx transport over aiohttp's connection pool, reading each (small, JSON) body whole."""

from __future__ import annotations

import aiohttp
import httpx
import yarl

from gateway.compat import read_response, without_hidden_retries

# Headers that describe the body as it travelled; aiohttp has already undone the encoding.
_TRANSFER_HEADERS = frozenset({b"content-encoding", b"content-length", b"transfer-encoding"})


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Sends httpx requests with aiohttp, the cheapest client per call measured here.

    httpx's own transport spends several times more CPU per call (encode/httpx#3215), and the
    general-purpose `httpx-aiohttp` transport streams every body through httpx's decoders.
    Stripe's answers are small JSON documents, so this one reads them in one go.
    """

    def __init__(self, *, max_connections: int, timeout: httpx.Timeout) -> None:
        self._max_connections = max_connections
        self._timeout = aiohttp.ClientTimeout(
            connect=timeout.pool, sock_connect=timeout.connect, sock_read=timeout.read
        )
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        # Made on first use: an aiohttp session belongs to the event loop that runs it.
        if self._session is None:
            self._session = without_hidden_retries(
                aiohttp.ClientSession(
                    connector=aiohttp.TCPConnector(limit=self._max_connections),
                    timeout=self._timeout,
                    # Stripe's API is stateless: cookies would only leak between requests.
                    cookie_jar=aiohttp.DummyCookieJar(),
                )
            )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            async with self._client().request(
                request.method,
                # httpx has already percent-encoded the URL: aiohttp need not encode it again.
                yarl.URL(str(request.url), encoded=True),
                headers=request.headers.multi_items(),
                data=request.content or None,
                allow_redirects=False,
            ) as response:
                body = await response.read()
                headers = [
                    (name, value)
                    for name, value in response.raw_headers
                    if name.lower() not in _TRANSFER_HEADERS
                ]
                return read_response(response.status, headers, body, request)
        except TimeoutError as exc:
            raise httpx.TimeoutException(f"timed out: {exc}", request=request) from exc
        except aiohttp.ClientConnectorError as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc
        except aiohttp.ClientError as exc:
            raise httpx.NetworkError(f"{type(exc).__name__}: {exc}", request=request) from exc

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
