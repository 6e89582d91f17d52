"""The review page in headless Chromium, judged by what a person sees: findings visible, filters working,
readable without JavaScript, the right fonts, nothing fetched from the network.

Skipped with the reason when Chromium is not installed, except under CI (CI set), where that fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from report_support import GLOSSARY, appeal, browser_or_skip
from chromium_harness import chromium, open_page
from test_formats_cli import seeded_findings

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seeded_page(seeded_copy, tmp_path_factory) -> Path:
    page = tmp_path_factory.mktemp("html") / "seeded.html"
    proc = appeal("report", "letters", "--glossary", GLOSSARY, "--html", page, cwd=seeded_copy)
    assert proc.returncode == 0, proc.stderr
    assert f"wrote {page}" in proc.stderr
    return page


@pytest.fixture
def page(browser, seeded_page):
    open_page(browser, seeded_page)
    return browser


def visible(driver, css: str) -> list:
    return [e for e in driver.find_elements("css selector", css) if e.is_displayed()]


def finding_item(driver, message: str):
    items = [li for li in driver.find_elements("css selector", "li.finding") if message in li.text]
    assert items, f"no finding shows '{message}'"
    return items[0]


def highlighted_text(driver, key: str, side: str) -> str:
    cell = "td.src" if side == "src" else "td.tgt"
    marks = driver.find_elements("css selector", f"{cell} mark.hl")
    return "".join(m.text for m in marks if key in m.get_attribute("data-f").split())


def test_every_seeded_finding_is_visible_in_both_languages(page, seeded_run):
    findings = seeded_run.json()["findings"]
    assert len(visible(page, "li.finding")) == len(findings)
    for finding in seeded_findings(findings):
        item = finding_item(page, finding["message"])
        assert item.is_displayed()
        text = item.text
        assert "Error" in text and finding["rule"] in text  # severity as words, not colour
        for expected in finding["expected"][:1]:
            assert expected in text
        key = item.get_attribute("id")
        assert page.find_element("id", f"{key}-src").is_displayed()
        assert highlighted_text(page, key, "src") == finding["source_text"]
        if finding["target_span"]:
            assert highlighted_text(page, key, "tgt")
        assert page.find_element("id", f"{key}-tgt").is_displayed()  # a badge marks it in the translation


def test_seeded_changed_date_is_highlighted_in_the_translation(page, seeded_run):
    date = next(f for f in seeded_run.json()["findings"] if f["rule"] == "date-changed")
    key = finding_item(page, date["message"]).get_attribute("id")
    assert highlighted_text(page, key, "tgt") == "2023年9月17日"


def test_severity_filter_hides_and_restores(page):
    errors = visible(page, "li.finding[data-severity=error]")
    others = visible(page, "li.finding:not([data-severity=error])")
    assert errors
    page.find_element("css selector", "input[name=severity][value=error]").click()
    assert not visible(page, "li.finding[data-severity=error]")
    assert len(visible(page, "li.finding:not([data-severity=error])")) == len(others)
    assert not visible(page, "a.ref.sev-error")
    status = page.find_element("id", "filter-status").text
    assert status == f"Showing {len(others)} of {len(errors) + len(others)} findings."
    page.find_element("css selector", "input[name=severity][value=error]").click()
    assert len(visible(page, "li.finding[data-severity=error]")) == len(errors)


def test_category_filter(page):
    dates = visible(page, "li.finding[data-category=date]")
    assert dates
    page.find_element("css selector", "input[name=category][value=date]").click()
    assert not visible(page, "li.finding[data-category=date]")
    assert visible(page, "li.finding[data-category=figure]")
    key = dates[0].get_attribute("id")
    marks = [m for m in page.find_elements("css selector", "mark.hl") if m.get_attribute("data-f") == key]
    assert marks and all("filtered" in m.get_attribute("class") for m in marks)


def test_only_paragraphs_with_findings(page):
    """The page opens on the paragraphs with findings (issue 12); one click shows every paragraph."""
    flagged = visible(page, "tr.bead")
    assert flagged and all(row.get_attribute("data-f") for row in flagged)
    page.find_element("id", "only-flagged").click()
    assert len(visible(page, "tr.bead")) > len(flagged)


def test_fonts_languages_and_tables(page):
    cell = page.find_element("css selector", "td.tgt")
    assert cell.get_attribute("lang") == "zh-Hans"
    family = page.execute_script("return getComputedStyle(arguments[0]).fontFamily", cell)
    assert "Noto Sans CJK SC" in family and "Microsoft YaHei" in family
    captions = [c.text for c in page.find_elements("css selector", "caption")]
    assert "Findings per letter and language" in captions and len(captions) == 2
    assert page.find_elements("css selector", "th[scope=row]") and page.find_elements("css selector", "th[scope=col]")


_GLYPHS = """
const cell = arguments[0], text = arguments[1];
const font = getComputedStyle(cell).fontSize + " " + getComputedStyle(cell).fontFamily;
return Array.from(text).map(ch => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 48;
  const context = canvas.getContext("2d");
  context.font = font;
  context.fillText(ch, 4, 36);
  return canvas.toDataURL();
});
"""


def test_chinese_text_is_drawn_with_real_glyphs(page):
    """With no CJK font installed Chromium draws every character as the same empty box: the page would be
    unreadable although its CSS is right. Distinct characters must give distinct pictures, unlike the private-use
    character U+E000, which no font draws."""
    cell = page.find_element("css selector", "td.tgt")
    nan, min_, box = page.execute_script(_GLYPHS, cell, "难民\ue000")
    assert nan != min_, "Chinese characters render as identical boxes: install a CJK font (fonts-noto-cjk)"
    assert box not in (nan, min_)


def test_nothing_is_fetched(page):
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_readable_without_javascript(seeded_page, seeded_run):
    browser_or_skip()
    with chromium(javascript=False) as driver:
        open_page(driver, seeded_page)
        assert not driver.find_element("id", "filters").is_displayed()  # no dead controls
        assert len(visible(driver, "li.finding")) == len(seeded_run.json()["findings"])
        assert visible(driver, "mark.hl.sev-error")


def test_print_style_hides_the_filters(page):
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not page.find_element("id", "filters").is_displayed()
        assert visible(page, "li.finding")
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_shipped_letters_page(browser, shipped_run, tmp_path):
    page = tmp_path / "letters.html"
    proc = appeal("report", "--glossary", GLOSSARY, "--html", page)
    assert proc.returncode == 0, proc.stderr
    open_page(browser, page)
    document = shipped_run.json()
    assert len(browser.find_elements("css selector", "table.summary tbody tr")) == len(document["pairs"])
    assert len(visible(browser, "li.finding")) == len(document["findings"])
    assert browser.find_element("id", "filters").is_displayed()
