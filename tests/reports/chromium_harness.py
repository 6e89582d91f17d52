"""Headless Chromium for tests that look at the review page as a person would (and for docs/report.png).

Debian's ``chromium`` and ``chromium-driver`` packages, driven by selenium. Everything that could reach the
network (sync, component updates, QUIC, background fetches) is switched off, and every session gets a fresh
profile, so the page is judged on what it ships and nothing else.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = Path(os.environ.get("APPEAL_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("APPEAL_CHROMEDRIVER", "/usr/bin/chromedriver"))
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
)


def unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (path.is_file() and os.access(path, os.X_OK)):
            return f"{path} not found (apt-get install -y chromium chromium-driver; needs the {package} package)"
    return None


@contextmanager
def chromium(width: int = 1360, height: int = 900, javascript: bool = True) -> Iterator[object]:
    """A selenium WebDriver on headless Chromium with a throw-away profile; quits and cleans up on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="appeal-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        driver.set_page_load_timeout(60)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path) -> None:
    driver.get(path.resolve().as_uri())


def full_page_screenshot(driver, out: Path, max_height: int = 2400) -> None:
    """Resize the window to the page (up to max_height) and save a PNG: the top of the report, as read."""
    width = driver.execute_script("return document.documentElement.clientWidth")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height, max_height))
    out.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(out))
