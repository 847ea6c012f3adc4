"""Headless Chromium (Debian's package) against a live server thread on 127.0.0.1.

The server is session-wide and reads the demo data committed by django_db_setup, so the
browser tests need no flushing transactional database."""

import os

import pytest
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

# Playwright's sync API keeps an event loop running in the test thread; the database calls
# of these tests are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def server_url(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        thread = LiveServerThread("127.0.0.1", static_handler=_static_handler(), port=0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://127.0.0.1:{thread.port}"
        thread.terminate()


def _static_handler():
    from django.contrib.staticfiles.handlers import StaticFilesHandler

    return StaticFilesHandler


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server_url):
    """A page that records every request leaving 127.0.0.1 and aborts it."""
    context = browser.new_context(base_url=server_url, locale="de-DE")
    foreign = []

    def guard(route):
        url = route.request.url
        if url.startswith(server_url) or url.startswith("data:"):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.foreign_requests = foreign
    yield page
    context.close()
