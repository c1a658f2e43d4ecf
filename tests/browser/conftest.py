"""Headless Chromium (Debian's ``chromium``, driven by Playwright) against the app served on loopback.

Nothing beyond loopback is reachable: every host name but 127.0.0.1 fails to resolve in the browser
(``--host-resolver-rules``), background networking is off, and each test lists the requests the
page made. Requests are not intercepted (a Playwright route would answer CORS preflights itself),
so what the browser allows is what our server answered.

``client_pages`` serves a small client page from two more loopback ports: two origins other than
the API's, one of them configured in ``PORTAIL_ALLOWED_ORIGINS`` for the app under test.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser tests run against the server on SQLite, the embedded default (as issue 12 asks): what
    the API does on PostgreSQL the rest of the suite tests over HTTP; a browser on top would add
    minutes to every run, not coverage."""
    dropped = [i for i in items if HERE in Path(str(i.path)).parents and "[postgresql" in i.nodeid]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [i for i in items if i not in set(dropped)]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
CLIENT_PAGE = Path(__file__).with_name("client_page.html")


@dataclass
class PageServer:
    """A static page on a loopback port of its own: an origin other than the API's."""

    page: bytes
    server: ThreadingHTTPServer = field(init=False)

    def __post_init__(self) -> None:
        body = self.page

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class ClientPages:
    allowed: PageServer
    foreign: PageServer


@pytest.fixture
def client_pages() -> Iterator[ClientPages]:
    page = CLIENT_PAGE.read_bytes()
    pages = ClientPages(allowed=PageServer(page), foreign=PageServer(page))
    yield pages
    pages.allowed.close()
    pages.foreign.close()


@pytest.fixture
def settings(settings, client_pages: ClientPages):
    """The app under test lets the client page's origin in (not the foreign one's)."""
    return settings.model_copy(update={"allowed_origins": [client_pages.allowed.origin]})


@dataclass
class Browser:
    """A fresh browser context, and every URL its pages asked for."""

    context: Any
    requested: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    async def new_page(self) -> Any:
        page = await self.context.new_page()
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on(
            "console",
            lambda message: message.type == "error" and self.problems.append(f"console: {message.text}"),
        )
        return page

    def beyond(self, *origins: str) -> list[str]:
        """The requests to anywhere but ``origins`` (and data: URLs)."""
        return [u for u in self.requested if not u.startswith(("data:", *origins))]


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def _chromium_process() -> AsyncIterator[Any]:
    """One Chromium per test worker: starting Playwright's driver and the browser costs seconds, a
    fresh context (its own cookies, storage and cache) per test costs milliseconds."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (`.ci/run` installs it: apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.async_api", reason="playwright is a test dependency")
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


@pytest_asyncio.fixture(loop_scope="session")
async def chromium(_chromium_process: Any) -> AsyncIterator[Browser]:
    """A browser context of its own for the test, as a fresh browser profile would be."""
    context = await _chromium_process.new_context()
    context.set_default_timeout(20_000)
    tracked = Browser(context)
    context.on("request", lambda request: tracked.requested.append(request.url))
    try:
        yield tracked
    finally:
        await context.close()
