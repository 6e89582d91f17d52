"""The weekday names the checker reads (lexicons/weekdays.json) are CLDR's, exactly as babel gives them: the
snapshot spares ``appeal check`` babel's locale data, and this test fails when babel's CLDR moves on."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from babel.dates import get_day_names

from appealkit.dates import weekday_name

SNAPSHOT = json.loads(resources.files("appealkit").joinpath("lexicons/weekdays.json").read_text(encoding="utf-8"))


def test_the_snapshot_holds_the_languages_and_widths_the_checker_reads():
    assert {lang: sorted(widths) for lang, widths in SNAPSHOT.items() if lang != "_about"} == {
        "en": ["wide"],
        "zh": ["abbreviated", "wide"],
        "ko": ["wide"],
    }


@pytest.mark.parametrize(("lang", "width"), [("en", "wide"), ("zh", "wide"), ("zh", "abbreviated"), ("ko", "wide")])
def test_the_snapshot_equals_babel(lang, width):
    babel_names = get_day_names(width, "format", lang)
    assert SNAPSHOT[lang][width] == [babel_names[day] for day in range(7)], (
        "babel's CLDR data changed: update src/appealkit/lexicons/weekdays.json to "
        f"{json.dumps([babel_names[day] for day in range(7)], ensure_ascii=False)}"
    )
    assert [weekday_name(day, lang, width) for day in range(7)] == SNAPSHOT[lang][width]
