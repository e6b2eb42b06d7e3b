"""What the browser tests share: Debian's chromium, the staff accounts of the live central, and
how a person opens a window, logs in and moves between pages."""

from __future__ import annotations

import re
from pathlib import Path

from screening.central.console import catalogue

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ADMIN, VIEWER, PASSWORD = "drita", "ilir", "a long staff password"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chromium console-tests"


def new_page(browser, agent: str = AGENT, locale: str = "en-US"):
    """A fresh browser window; ``locale`` is the language the browser asks for (its
    Accept-Language): English, which the older tests were written against, unless told."""
    context = browser.new_context(user_agent=agent, viewport={"width": 1280, "height": 860},
                                  accept_downloads=True, locale=locale)
    return context, context.new_page()


def nav(page, section: str) -> None:
    page.get_by_role("navigation", name="Console").get_by_role(
        "link", name=re.compile(f"^{section}")).click()
    page.wait_for_url(re.compile(f".*/console/{section.lower()}(\\?.*)?$"))


def log_in(page, url: str, name: str = ADMIN, lang: str = "en", lands: str = "batches"
           ) -> None:
    """Log in from the console's front door, whose words are in ``lang``; the account lands
    on its role's first page, ``lands``."""
    page.goto(f"{url}/")
    assert page.url.endswith("/console/login")
    page.get_by_label(catalogue.text(lang, "login.name")).fill(name)
    password = page.get_by_label(catalogue.text(lang, "login.password"))
    password.fill(PASSWORD)
    password.press("Enter")  # the keyboard, as staff would
    page.wait_for_url(re.compile(f".*/console/{lands}$"))


def go(page, key: str, lang: str) -> None:
    """Follow the navigation link of page ``key`` ("devices"), named in ``lang``."""
    page.get_by_role("navigation", name=catalogue.text(lang, "nav.label")).get_by_role(
        "link", name=catalogue.text(lang, f"nav.{key}"), exact=True).click()
    page.wait_for_url(re.compile(f".*/console/{key}(\\?.*)?$"))
