"""GraphiQL in a real browser, Debian's Chromium, with every request off the gateway blocked."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import shutil
import tomllib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Error,
    Page,
    Request,
    Route,
    async_playwright,
)

from gateway.app import create_app
from gateway.config import ApiKey, AuthSettings
from gateway.graphiql import Assets
from gateway.graphiql.assets import FILES
from gateway.identity import Scope
from tests.conftest import Upstream
from tests.servers import serve

KEY = "gw_graphiql_reader_key"
# GraphiQL's response pane is a CodeMirror editor; its value is the response as shown.
RESPONSE = "document.querySelector('.graphiql-response .CodeMirror').CodeMirror"


@pytest.fixture(scope="module")
def demo_gateway(upstream: Upstream) -> Iterator[str]:
    """A gateway open to anyone, marked as serving the emulator's sample data."""
    settings = dataclasses.replace(upstream.gateway_settings(), demo=True)
    with serve(create_app(settings)) as url:
        yield url


@pytest.fixture(scope="module")
def keyed_gateway(upstream: Upstream) -> Iterator[str]:
    """A gateway that answers only callers with its API key."""
    key = ApiKey("reader", hashlib.sha256(KEY.encode()).hexdigest(), frozenset({Scope.READ}))
    with serve(create_app(upstream.gateway_settings(auth=AuthSettings(keys=(key,))))) as url:
        yield url


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    executable = shutil.which("chromium")
    assert executable, "the browser tests need Chromium: `make test` installs Debian's package"
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable)
        yield browser
        await browser.close()


class Visit:
    """One page of GraphiQL in a fresh browser context, offline but for the gateway."""

    def __init__(self, page: Page, origin: str) -> None:
        self.page = page
        self.origin = origin
        self.blocked: list[str] = []
        self.requests: list[Request] = []
        self.problems: list[str] = []

    def page_error(self, error: Error) -> None:
        self.problems.append(str(error))

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(message.text)

    async def route(self, route: Route) -> None:
        if route.request.url.startswith(self.origin + "/"):
            self.requests.append(route.request)
            await route.continue_()
        else:
            self.blocked.append(route.request.url)
            await route.abort()

    async def edit(self, tool: str, text: str) -> None:
        """Open the Variables or Headers editor and set its text."""
        await self.page.click(f".graphiql-editor-tools button[data-name={tool}]")
        shown = ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror"
        await self.page.evaluate(f"document.querySelector('{shown}').CodeMirror.setValue({text!r})")

    async def run(self) -> str:
        """Press the run button and return the response pane's text once a new one is in."""
        await self.page.evaluate(f"{RESPONSE}.setValue('')")
        await self.page.click(".graphiql-execute-button")
        # Polled from here: the page's policy forbids the eval a waiting function would need.
        for _ in range(300):
            text: str = await self.page.evaluate(f"{RESPONSE}.getValue()")
            if text:
                return text
            await asyncio.sleep(0.05)
        raise AssertionError("GraphiQL showed no response within 15 s")


OpenPage = Callable[[str], Awaitable[Visit]]


@pytest.fixture
async def visit(browser: Browser) -> AsyncIterator[OpenPage]:
    """Opens GraphiQL pages, each in a context of its own, closed when the test ends."""
    contexts: list[BrowserContext] = []

    async def open_page(origin: str) -> Visit:
        context = await browser.new_context()
        contexts.append(context)
        page = await context.new_page()
        visit = Visit(page, origin)
        await context.route("**/*", visit.route)
        page.on("pageerror", visit.page_error)
        page.on("console", visit.console)
        await page.goto(origin + "/graphql")
        await page.wait_for_selector(".graphiql-execute-button", timeout=15_000)
        return visit

    yield open_page
    for context in contexts:
        await context.close()


async def test_graphiql_runs_its_example_with_no_internet(
    demo_gateway: str, upstream: Upstream, visit: OpenPage
) -> None:
    made = await upstream.new_session()
    page = await visit(demo_gateway)
    banner = page.page.locator("#gateway-demo-mode")
    assert "Demo mode" in await banner.inner_text()

    result = await page.run()

    assert made["id"] in result
    assert '"description": "Mug"' in result
    assert '"errors"' not in result
    # Everything came from the gateway: nothing was blocked, nothing failed to load.
    assert page.blocked == []
    assert page.problems == []
    assets = {r.url.rsplit("/", 1)[-1] for r in page.requests if "/graphiql/" in r.url}
    assert assets == set(Assets().by_name)
    posted = [r for r in page.requests if r.method == "POST"]
    assert any('"first":5' in (r.post_data or "") for r in posted)


async def test_graphiql_sends_the_authorization_header_typed_in(
    keyed_gateway: str, upstream: Upstream, visit: OpenPage
) -> None:
    made = await upstream.new_session()
    page = await visit(keyed_gateway)
    assert await page.page.locator("#gateway-demo-mode").count() == 0
    refused = await page.run()
    assert "UNAUTHENTICATED" in refused

    await page.edit("variables", '{"first": 4}')
    await page.edit("headers", f'{{"Authorization": "Bearer {KEY}"}}')
    result = await page.run()

    assert made["id"] in result
    sent = [r for r in page.requests if r.method == "POST"][-1]
    assert await sent.header_value("authorization") == f"Bearer {KEY}"
    assert page.blocked == []
    # Nothing GraphiQL keeps, its history included, holds the key.
    stored = await page.page.evaluate("JSON.stringify(window.localStorage)")
    assert "RecentCheckoutSessions" in stored
    assert KEY not in stored


async def test_the_page_allows_only_its_own_files(demo_gateway: str) -> None:
    async with httpx.AsyncClient(base_url=demo_gateway) as client:
        page = await client.get("/graphql", headers={"Accept": "text/html"})
        assert page.status_code == 200
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "connect-src 'self'" in policy
        assert "unpkg" not in page.text and "https://" not in page.text

        assets = Assets()
        for name, asset in assets.by_name.items():
            served = await client.get("/" + assets.url("graphiql", name))
            assert served.status_code == 200
            assert served.content == asset.body
            assert "immutable" in served.headers["cache-control"]
            assert f'integrity="{asset.integrity}"' in page.text
        stale = await client.get("/graphiql/000000000000/graphiql.js")
        assert stale.status_code == 404


def test_the_package_ships_every_file_the_page_loads() -> None:
    """pyproject.toml lists the files by name, for wheels and the image; the page needs each."""
    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    shipped = set(pyproject["tool"]["setuptools"]["package-data"]["gateway.graphiql"])
    for _, package, path in FILES:
        if package is None:
            assert path in shipped
        else:
            assert f"node_modules/{package}/{path}" in shipped
            assert f"node_modules/{package}/package.json" in shipped
    assert "page.html" in shipped
